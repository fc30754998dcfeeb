/**
 * The published data folder (../shared/spec/publishing.md): `data/manifest.json` and one gzip CSV
 * per dataset. Pure code shared by the page (start-up, "Download for publishing"), the CLI
 * (`kov publish`) and the build's check of `data/published/`: the manifest's shape and its checks,
 * the SQL that reads a published file and the SQL that writes one.
 */
import { ident, type ColumnSpec, type ColumnType } from '$lib/db/connector';
import { TABLES } from '$lib/db/schema';
import { DATASETS, type DatasetName } from '$lib/types';
import type { DefaultSummary } from '$lib/data/summary';
import { parseStartResults } from './startResults';

export const MANIFEST_FORMAT = 'kov-seire/published';
export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** The order a published folder is read in and written in (municipalities before trainings). */
export const PUBLISH_ORDER: DatasetName[] = [
	'activities',
	'municipalities',
	'progress',
	'trainings',
	'service_levels'
];

export interface ManifestSource {
	name: string;
	/** SHA-256 of the imported file's bytes; null where it was not known. */
	sha256: string | null;
	rows_added: number;
	rows_replaced: number;
	at?: string;
	/** The analyst's corrections of unknown values in the file (the import's "did you mean"). */
	corrections?: { field: string; from: string; to: string; rows: number; label?: string }[];
}

export interface ManifestDataset {
	file: string;
	rows: number;
	sha256: string;
	columns: Record<string, ColumnType>;
	sources: ManifestSource[];
	/**
	 * Optional: the same rows as a DuckDB database file (table named as the dataset, the same
	 * columns), written by `kov publish` for large datasets (src/lib/publish/database.ts). The page
	 * reads it instead of the CSV; the CSV stays the dataset's canonical file.
	 */
	duckdb?: { file: string; sha256: string };
}

export interface Manifest {
	format: typeof MANIFEST_FORMAT;
	version: typeof MANIFEST_VERSION;
	generated_at: string;
	generated_by: string;
	datasets: Partial<Record<DatasetName, ManifestDataset>>;
	/** What the overview paints before DuckDB-wasm has started (as-of the latest progress year). */
	summary: DefaultSummary | null;
}

/** Why a published folder cannot be used; `file` is the file to look at (manifest or dataset). */
export type PublishProblemCode =
	'http' | 'json' | 'format' | 'version' | 'shape' | 'sha' | 'decompressed' | 'read' | 'rows';

export class PublishError extends Error {
	constructor(
		readonly file: string,
		readonly code: PublishProblemCode,
		readonly detail: string = ''
	) {
		super(`${file}: ${code}${detail ? ` (${detail})` : ''}`);
		this.name = 'PublishError';
	}
}

/** The columns a published dataset file holds: the table as stored, without `source`. */
export function publishedColumns(dataset: DatasetName): ColumnSpec[] {
	return (TABLES[dataset] as ColumnSpec[]).filter((c) => c.name !== 'source');
}

export function publishedFileName(dataset: DatasetName): string {
	return `${dataset}.csv.gz`;
}

export function databaseFileName(dataset: DatasetName): string {
	return `${dataset}.duckdb`;
}

const SHA = /^[0-9a-f]{64}$/;
const FILE = /^[a-z_]+\.csv\.gz$/;
const DATABASE_FILE = /^[a-z_]+\.duckdb$/;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parse and check `manifest.json`: format and version, and for every dataset a plain file name, a
 * SHA-256, a row count and exactly the table's columns with their types (nothing from the manifest
 * reaches SQL unchecked). Throws a PublishError naming the manifest.
 */
export function parseManifest(text: string, file = MANIFEST_FILE): Manifest {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		throw new PublishError(file, 'json', e instanceof Error ? e.message : String(e));
	}
	if (!isRecord(raw) || raw.format !== MANIFEST_FORMAT)
		throw new PublishError(file, 'format', String(isRecord(raw) ? raw.format : typeof raw));
	if (raw.version !== MANIFEST_VERSION) throw new PublishError(file, 'version', String(raw.version));
	if (typeof raw.generated_at !== 'string' || Number.isNaN(Date.parse(raw.generated_at)))
		throw new PublishError(file, 'shape', 'generated_at');
	if (!isRecord(raw.datasets)) throw new PublishError(file, 'shape', 'datasets');
	const datasets: Manifest['datasets'] = {};
	for (const [name, d] of Object.entries(raw.datasets)) {
		if (!DATASETS.includes(name as DatasetName)) throw new PublishError(file, 'shape', `dataset ${name}`);
		const dataset = name as DatasetName;
		if (!isRecord(d)) throw new PublishError(file, 'shape', name);
		if (typeof d.file !== 'string' || !FILE.test(d.file))
			throw new PublishError(file, 'shape', `${name}.file`);
		if (typeof d.sha256 !== 'string' || !SHA.test(d.sha256))
			throw new PublishError(file, 'shape', `${name}.sha256`);
		if (typeof d.rows !== 'number' || !Number.isInteger(d.rows) || d.rows < 0)
			throw new PublishError(file, 'shape', `${name}.rows`);
		if (!isRecord(d.columns)) throw new PublishError(file, 'shape', `${name}.columns`);
		const expected = publishedColumns(dataset);
		const given = Object.entries(d.columns);
		const same =
			given.length === expected.length &&
			expected.every((c, i) => given[i][0] === c.name && given[i][1] === c.type);
		if (!same) {
			const want = expected.map((c) => `${c.name} ${c.type}`).join(', ');
			throw new PublishError(file, 'shape', `${name}.columns ≠ ${want}`);
		}
		const sources = Array.isArray(d.sources) ? d.sources.filter(isRecord) : [];
		const db = d.duckdb;
		if (
			db !== undefined &&
			!(
				isRecord(db) &&
				typeof db.file === 'string' &&
				DATABASE_FILE.test(db.file) &&
				typeof db.sha256 === 'string' &&
				SHA.test(db.sha256)
			)
		)
			throw new PublishError(file, 'shape', `${name}.duckdb`);
		datasets[dataset] = {
			file: d.file,
			sha256: d.sha256,
			rows: d.rows,
			columns: Object.fromEntries(expected.map((c) => [c.name, c.type])),
			sources: sources.map((s) => ({
				name: String(s.name ?? ''),
				sha256: typeof s.sha256 === 'string' ? s.sha256 : null,
				rows_added: Number(s.rows_added ?? 0),
				rows_replaced: Number(s.rows_replaced ?? 0),
				...(typeof s.at === 'string' ? { at: s.at } : {}),
				...(Array.isArray(s.corrections)
					? {
							// Provenance only: a correction that is not one (no value, no meaning) is left out.
							corrections: s.corrections
								.filter(isRecord)
								.filter(
									(c) => typeof c.field === 'string' && typeof c.from === 'string' && typeof c.to === 'string'
								)
								.map((c) => ({
									field: String(c.field),
									from: String(c.from),
									to: String(c.to),
									rows: Number.isFinite(Number(c.rows)) ? Number(c.rows) : 0,
									...(typeof c.label === 'string' ? { label: c.label } : {})
								}))
						}
					: {})
			})),
			...(isRecord(db) ? { duckdb: { file: String(db.file), sha256: String(db.sha256) } } : {})
		};
	}
	const summary = isSummary(raw.summary)
		? { ...raw.summary, results: parseStartResults(raw.summary.results) }
		: null;
	return {
		format: MANIFEST_FORMAT,
		version: MANIFEST_VERSION,
		generated_at: raw.generated_at,
		generated_by: typeof raw.generated_by === 'string' ? raw.generated_by : '',
		datasets,
		summary
	};
}

function isSummary(v: unknown): v is DefaultSummary {
	return (
		isRecord(v) &&
		typeof v.year === 'number' &&
		Array.isArray(v.years) &&
		isRecord(v.overview) &&
		Array.isArray(v.overview.byDirection) &&
		Array.isArray(v.overview.byOwner) &&
		isRecord(v.overview.totals)
	);
}

/** Does this look like a gzip file (magic bytes 1f 8b)? */
export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function quote(s: string): string {
	return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Read a published dataset file (registered or on disk under `path`) into its table with the
 * manifest's column types: DuckDB's core CSV reader, no sniffing, gzip by the reader itself.
 */
export function readPublishedSql(dataset: DatasetName, path: string, source = 'published'): string {
	const cols = publishedColumns(dataset);
	const types = cols.map((c) => `${quote(c.name)}: ${quote(c.type)}`).join(', ');
	const names = cols.map((c) => ident(c.name)).join(', ');
	return `INSERT INTO ${ident(dataset)} (${names}, source) SELECT ${names}, ${quote(source)}
		FROM read_csv(${quote(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
		compression = 'gzip', null_padding = false, allow_quoted_nulls = false, columns = {${types}})`;
}

/** The order rows are written in: the replace-by-key columns, so the same data give the same file. */
export function orderBy(dataset: DatasetName): string {
	switch (dataset) {
		case 'activities':
			return 'seq, activity_id';
		case 'progress':
			return 'seq, activity_id, year';
		case 'service_levels':
			return 'ehak_code, indicator, year';
		case 'municipalities':
			return 'ehak_code';
		case 'trainings':
			return 'start_date NULLS FIRST, training_id NULLS FIRST, program, ehak_code NULLS FIRST, organiser NULLS FIRST';
	}
}

/** Write one dataset as a published file: UTF-8, comma, `"`, header of the table's columns, gzip. */
export function exportPublishedSql(dataset: DatasetName, path: string): string {
	const names = publishedColumns(dataset)
		.map((c) => ident(c.name))
		.join(', ');
	return `COPY (SELECT ${names} FROM ${ident(dataset)} ORDER BY ${orderBy(dataset)})
		TO ${quote(path)} (FORMAT csv, HEADER, DELIMITER ',', QUOTE '"', COMPRESSION gzip)`;
}

/** The datasets a bundle holds: every dataset whose rows are not the shipped sample. */
export function publishableSql(): string {
	return PUBLISH_ORDER.map(
		(d) =>
			`SELECT '${d}' AS dataset, count(*)::INTEGER AS n, count(*) FILTER (WHERE source = 'sample')::INTEGER AS sample FROM ${ident(d)}`
	).join(' UNION ALL ');
}

export interface BundleInput {
	generatedAt: string;
	generatedBy: string;
	files: Partial<
		Record<
			DatasetName,
			{ rows: number; sha256: string; sources: ManifestSource[]; duckdb?: { sha256: string } }
		>
	>;
	summary: DefaultSummary | null;
}

/** The manifest of a bundle (datasets in the folder's order). */
export function buildManifest(input: BundleInput): Manifest {
	const datasets: Manifest['datasets'] = {};
	for (const d of PUBLISH_ORDER) {
		const f = input.files[d];
		if (!f) continue;
		datasets[d] = {
			file: publishedFileName(d),
			rows: f.rows,
			sha256: f.sha256,
			columns: Object.fromEntries(publishedColumns(d).map((c) => [c.name, c.type])),
			sources: f.sources,
			...(f.duckdb ? { duckdb: { file: databaseFileName(d), sha256: f.duckdb.sha256 } } : {})
		};
	}
	return {
		format: MANIFEST_FORMAT,
		version: MANIFEST_VERSION,
		generated_at: input.generatedAt,
		generated_by: input.generatedBy,
		datasets,
		summary: input.summary
	};
}

/** Hex of a SHA-256 digest. */
export function hex(digest: ArrayBuffer | Uint8Array): string {
	const bytes = digest instanceof Uint8Array ? digest : new Uint8Array(digest);
	let out = '';
	for (const b of bytes) out += b.toString(16).padStart(2, '0');
	return out;
}
