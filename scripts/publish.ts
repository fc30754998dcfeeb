/**
 * `kov publish FILE… [--base DIR] --out DIR [--valid-rows] [--lang et|en]`: the page's import rules
 * (the same import core, the same replace by key, the same bulk reader for large service-level
 * files) applied in Node with native DuckDB on top of a published folder or the embedded plan and
 * municipalities, then the published folder written (../shared/spec/publishing.md).
 * Exit 0 written; 1 row errors, nothing written (unless --valid-rows); 2 an unusable file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createNodeConnector, type NodeConnector } from '../src/lib/db/nodeConnector';
import { createSchemaSql, TABLES } from '../src/lib/db/schema';
import { sampleInsertSql } from '../src/lib/db/defaultsSql';
import { activityColumns, ownerColumns } from '../src/lib/db/rows';
import { applyImport, stageBulk, type ImportRecord } from '../src/lib/db/commit';
import {
	analyseLarge,
	bulkBytes,
	formatIssue,
	importState,
	wideOptionsFromChoices,
	type Analysis,
	type AppliedCorrection,
	type Correction,
	type WideChoices
} from '../src/lib/import';
import {
	correctionLabel,
	parseCorrection,
	type SuggestionContext
} from '../src/lib/import/datasets/corrections';
import { bulkSourceFor, recordColumns } from '../src/lib/data/toRecord';
import { parsePlan } from '../src/lib/plan/parsePlan';
import { makeBundle } from '../src/lib/publish/bundle';
import { DATABASE_MIN_ROWS } from '../src/lib/publish/database';
import { fetchPublished, loadPublished, type PublishedFiles } from '../src/lib/publish/load';
import {
	MANIFEST_FILE,
	PublishError,
	parseManifest,
	type Manifest,
	type ManifestSource
} from '../src/lib/publish/manifest';
import type { DatasetName, Municipality } from '../src/lib/types';
import type { Lang } from '../src/lib/i18n/catalogue';

const root = join(import.meta.dirname, '..');
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A published folder on disk, read by native DuckDB from its own path. */
export function diskFiles(dir: string): PublishedFiles {
	return {
		async read(file) {
			try {
				return new Uint8Array(readFileSync(join(dir, file)));
			} catch (e) {
				throw new PublishError(file, 'http', e instanceof Error ? e.message : String(e));
			}
		},
		async register(name, bytes) {
			const path = join(tmp(), name);
			writeFileSync(path, bytes);
			return path;
		},
		async drop(name) {
			rmSync(join(tmp(), name), { force: true });
		},
		sha256: async (bytes) => sha256(bytes)
	};
}

let scratch: string | null = null;
function tmp(): string {
	scratch ??= mkdtempSync(join(tmpdir(), 'kov-publish-'));
	return scratch;
}

/** Read a published folder's manifest from disk (a PublishError naming it when it is not usable). */
export function readManifest(dir: string): Manifest {
	let text: string;
	try {
		text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
	} catch (e) {
		throw new PublishError(MANIFEST_FILE, 'http', e instanceof Error ? e.message : String(e));
	}
	return parseManifest(text);
}

/**
 * The starting point: a published folder (`base`), else the embedded plan and municipalities.
 * Datasets the folder lacks start from the plan / the municipality list, or empty (never the sample).
 */
export async function loadBase(conn: NodeConnector, base: string | undefined): Promise<Manifest | null> {
	await conn.exec(createSchemaSql());
	const manifest = base ? readManifest(base) : null;
	if (!manifest?.datasets.activities) {
		const activities = parsePlan(readFileSync(join(root, 'data/plan-2022-2025.txt'), 'utf8'));
		await conn.insertColumns('activities', TABLES.activities, activityColumns(activities, 'default'));
		await conn.insertColumns('activity_owners', TABLES.activity_owners, ownerColumns(activities));
	}
	if (!manifest?.datasets.municipalities)
		await conn.exec(sampleInsertSql('municipalities', join(root, 'data/municipalities.csv')));
	if (manifest && base) {
		const files = diskFiles(base);
		const checked = await fetchPublished(manifest, files);
		await loadPublished(conn, checked, files);
	}
	return manifest;
}

async function context(conn: NodeConnector) {
	const municipalities = await conn.query<Municipality & Record<string, string | number | null>>(
		'SELECT ehak_code, name, type, county, population, lat, lon FROM municipalities'
	);
	const ids = await conn.query<{ activity_id: string }>('SELECT activity_id FROM activities');
	return { municipalities, activityIds: new Set(ids.map((r) => r.activity_id)) };
}

function option(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
}

const T = {
	et: {
		unusable: 'Faili ei saa kasutada: selles pole ühtegi salvestatavat rida',
		needsInput:
			'lai tabel, mida ei saa üheselt pikaks pöörata (vajab valikut). Anna see valik (nagu `kov check`), näiteks:',
		rowErrors: '{n} reaviga; midagi ei kirjutatud (--valid-rows salvestab korras read)',
		applied:
			'{file}: {dataset}, lisatud {added}, asendatud {replaced}, vigaseid ridu välja jäetud {rejected}',
		written: 'Avaldatud kaust: {out} ({files})',
		base: 'Alus: {what}',
		correctSyntax: '--correct „{text}“: kirjuta VÄÄRTUS=TÄHENDUS, nt --correct "Tallin=Tallinn"',
		correctUnknown: '--correct „{text}“: „{to}“ pole ükski omavalitsus ega tegevuskava tegevuse number',
		correctAmbiguous: '--correct „{text}“: „{to}“ on mitu omavalitsust: kirjuta täisnimi (nt Tartu linn)',
		corrected: '{file}: „{from}“ loeti kui {to} ({rows} rida)'
	},
	en: {
		unusable: 'The file cannot be used: it has no row that could be saved',
		needsInput:
			'a wide table that cannot be turned long unambiguously (it needs a choice). Give the choice (as for `kov check`), e.g.:',
		rowErrors: '{n} row errors; nothing written (--valid-rows saves the valid rows)',
		applied: '{file}: {dataset}, added {added}, replaced {replaced}, bad rows left out {rejected}',
		written: 'Published folder: {out} ({files})',
		base: 'Base: {what}',
		correctSyntax: '--correct "{text}": write VALUE=MEANING, e.g. --correct "Tallin=Tallinn"',
		correctUnknown: '--correct "{text}": "{to}" is neither a municipality nor an activity number of the plan',
		correctAmbiguous:
			'--correct "{text}": "{to}" names more than one municipality: write the full name (e.g. Tartu linn)',
		corrected: '{file}: "{from}" read as {to} ({rows} rows)'
	}
};
const fill = (s: string, p: Record<string, string | number>) =>
	s.replace(/\{(\w+)\}/g, (_, k) => String(p[k]));

/** The wide-table options of `kov check` and `kov publish` (same meaning as the import page's choices). */
export const WIDE_FLAGS = [
	'--years',
	'--indicator-column',
	'--indicator',
	'--indicator-columns',
	'--year-column',
	'--year',
	'--municipality-column'
];

/** Positional arguments: everything that is not an option or an option's value. */
function positional(args: string[]): string[] {
	const withValue = new Set(['--base', '--out', '--lang', '--correct', ...WIDE_FLAGS]);
	return args.filter((a, i) => !a.startsWith('--') && !withValue.has(args[i - 1] ?? ''));
}

/**
 * Every `--correct "VALUE=MEANING"` of the command line (`kov check` and `kov publish`), read as
 * the import page's corrections; null (the reason printed) when one cannot be read.
 */
export function cliCorrections(args: string[], ctx: SuggestionContext, lang: Lang): Correction[] | null {
	const out: Correction[] = [];
	for (const [i, a] of args.entries()) {
		if (a !== '--correct') continue;
		const text = args[i + 1] ?? '';
		const r = parseCorrection(text, ctx);
		if ('correction' in r) out.push(r.correction);
		else {
			const to = text.slice(text.lastIndexOf('=') + 1).trim();
			const key =
				r.error === 'syntax'
					? 'correctSyntax'
					: r.error === 'unknown'
						? 'correctUnknown'
						: 'correctAmbiguous';
			console.error(`✗ ${fill(T[lang][key], { text, to })}`);
			return null;
		}
	}
	return out;
}

/** How a wide table's choice is read from the command line and suggested (shared with `kov check`). */
export interface WideCli {
	choices: (args: string[]) => WideChoices | null;
	suggestions: (a: Analysis, lang: Lang) => string[];
	unknownColumn: (lang: Lang, column: string) => string;
}

export async function publish(args: string[], wide?: WideCli): Promise<number> {
	const files = positional(args);
	const lang: Lang = option(args, '--lang') === 'en' ? 'en' : 'et';
	const t = T[lang];
	const out = option(args, '--out');
	const base = option(args, '--base');
	if (!out || files.length === 0) {
		console.error('usage: kov publish FILE… [--base DIR] --out DIR [--valid-rows] [--lang et|en]');
		return 2;
	}
	const validRows = args.includes('--valid-rows');
	const conn = await createNodeConnector();
	try {
		let manifest: Manifest | null;
		try {
			manifest = await loadBase(conn, base);
		} catch (e) {
			console.error(`✗ ${base}: ${e instanceof Error ? e.message : String(e)}`);
			return 2;
		}
		console.error(
			fill(t.base, { what: base ? `${base} (${manifest?.generated_at})` : 'plan + municipalities' })
		);
		const sources: Partial<Record<DatasetName, ManifestSource[]>> = {};
		for (const [d, entry] of Object.entries(manifest?.datasets ?? {}))
			sources[d as DatasetName] = [...entry.sources];
		let rowErrors = 0;
		for (const [k, file] of files.entries()) {
			const bytes = new Uint8Array(readFileSync(file));
			const ctx = await context(conn);
			const corrections = cliCorrections(args, ctx, lang);
			if (!corrections) return 2;
			let { analysis: a, text, utf8 } = analyseLarge(bytes, { lang, corrections }, ctx);
			// A wide table that needs a choice takes the same options as `kov check` (--years, …).
			const choices = wide?.choices(args);
			if (choices && !a.problem && a.wide?.needs.length) {
				const chosen = wideOptionsFromChoices(a.header, a.wide, choices);
				if ('error' in chosen) {
					console.error(`✗ ${file}: ${wide?.unknownColumn(lang, chosen.error.column)}`);
					return 2;
				}
				({
					analysis: a,
					text,
					utf8
				} = analyseLarge(bytes, { lang, dataset: 'service_levels', wide: chosen.options, corrections }, ctx));
			}
			const state = importState(a);
			if (a.problem || !a.dataset || state.status === 'rejected' || state.status === 'needs-input') {
				const why = a.problem
					? formatIssue(a.problem, lang)
					: state.status === 'needs-input'
						? fill(t.needsInput, { file })
						: t.unusable;
				console.error(`✗ ${file}: ${why}`);
				for (const line of state.status === 'needs-input' ? (wide?.suggestions(a, lang) ?? []) : [])
					console.error(`    npm run kov -- publish ${file} ${line} --out …`);
				return 2;
			}
			const record: ImportRecord = {
				id: `cli-${k + 1}`,
				dataset: a.dataset,
				file: basename(file),
				at: new Date().toISOString(),
				rowCount: a.rowCount,
				rowsAdded: 0,
				rowsReplaced: 0,
				rowsRejected: 0,
				columns: {}
			};
			let errors: { row: number; column: string; value: string; reason: string }[];
			let corrected: AppliedCorrection[] | undefined = a.corrected;
			if (a.bulk) {
				const path = join(tmp(), `bulk-${k}.csv`);
				writeFileSync(path, utf8 ?? bulkBytes(bytes, a.encoding, text ?? ''));
				record.bulk = {
					...bulkSourceFor(a, path),
					staged: false,
					...(corrections.length ? { corrections } : {})
				};
				const checked = await conn.transaction((tx) => stageBulk(tx, record.bulk!));
				errors = checked.errors.map((i) => ({ ...i, reason: formatIssue(i, lang) }));
				record.rowsRejected = checked.errorRows;
				corrected = checked.corrected;
			} else {
				Object.assign(record, recordColumns(a.dataset, a.rows));
				errors = a.errors.map((i) => ({ ...i, reason: formatIssue(i, lang) }));
				record.rowsRejected = new Set(a.errors.map((i) => i.row)).size;
			}
			for (const c of corrected ?? [])
				console.error(
					`  ${fill(t.corrected, { file, from: c.from, to: correctionLabel(c, ctx), rows: c.rows })}`
				);
			for (const e of errors)
				console.error(`  ${file}:${e.row}  ${e.column}  ${JSON.stringify(e.value)}  ${e.reason}`);
			rowErrors += errors.length;
			if (errors.length && !validRows) continue;
			const counts = await conn.transaction((tx) => applyImport(tx, record));
			(sources[a.dataset] ??= []).push({
				name: record.file,
				sha256: sha256(bytes),
				rows_added: counts.added,
				rows_replaced: counts.replaced,
				at: record.at,
				...(corrected?.length
					? { corrections: corrected.map((c) => ({ ...c, label: correctionLabel(c, ctx) })) }
					: {})
			});
			console.error(
				fill(t.applied, {
					file,
					dataset: a.dataset,
					added: counts.added,
					replaced: counts.replaced,
					rejected: record.rowsRejected
				})
			);
		}
		if (rowErrors && !validRows) {
			console.error(`✗ ${fill(t.rowErrors, { n: rowErrors })}`);
			return 1;
		}
		const bundle = await makeBundle(
			conn,
			{
				async copyOut(name, sql) {
					const path = join(tmp(), name);
					await conn.exec(sql(path));
					return new Uint8Array(readFileSync(path));
				},
				sha256: async (b) => sha256(b),
				databaseMinRows: DATABASE_MIN_ROWS
			},
			{ generatedAt: new Date().toISOString(), generatedBy: `kov-seire ${VERSION} (cli)`, sources }
		);
		mkdirSync(out, { recursive: true });
		// The manifest last: a reader never sees a manifest naming files that are not there yet.
		const names = Object.keys(bundle.files).filter((n) => n !== MANIFEST_FILE);
		for (const n of names) writeFileSync(join(out, n), bundle.files[n]);
		writeFileSync(join(out, MANIFEST_FILE), bundle.files[MANIFEST_FILE]);
		console.error(fill(t.written, { out, files: [...names, MANIFEST_FILE].join(', ') }));
		return 0;
	} finally {
		conn.close();
		if (scratch) rmSync(scratch, { recursive: true, force: true });
		scratch = null;
	}
}
