/**
 * Applying an import to the database: replace by key, drop the shipped sample rows on the first
 * real import, and undo by replaying the remaining imports over the defaults (data-contract
 * "What bad input gets"). Every function here runs inside the caller's transaction.
 */
import type { DatasetName } from '$lib/types';
import { ident, type ColumnSpec, type Connector, type SqlValue } from './connector';
import { TABLES } from './schema';
import { BULK_STAGE, validateBulk, type BulkMapping } from './bulkServiceLevels';
import type { TrainingMapping } from './bulkTrainings';
import type { AppliedCorrection, Correction } from '$lib/import/types';
import type { Municipality } from '$lib/types';
import { timed } from '$lib/perf';

/**
 * A large service-level or training file read by DuckDB itself (the bulk path): the file is
 * registered with DuckDB under `file` (UTF-8) before the transaction; only its valid rows are applied.
 */
export interface BulkSource {
	file: string;
	delimiter: string;
	headerRow: number;
	header: string[];
	/** Absent: service levels (imports stored before trainings took this path too). */
	dataset?: 'service_levels' | 'trainings';
	mapping: BulkMapping | TrainingMapping;
	minYear: number;
	maxYear: number;
	/** The preview already built the checked stage table for this file (skip re-reading it). */
	staged?: boolean;
	/**
	 * Whether a cell of the file can be over MAX_CELL_CHARS (lineFacts). Absent (imports stored
	 * before it was known): it can, and the reader checks.
	 */
	longCells?: boolean;
	/** The analyst's corrections of unknown values, read again on every replay of the file. */
	corrections?: Correction[];
}

export interface ImportRecord {
	id: string;
	dataset: DatasetName;
	file: string;
	/** ISO timestamp of the commit. */
	at: string;
	rowCount: number;
	rowsAdded: number;
	rowsReplaced: number;
	rowsRejected: number;
	/** Normalised rows as column arrays, in the dataset table's columns (without `source`). */
	columns: Record<string, SqlValue[]>;
	/** activities only: activity_owners rows. */
	owners?: Record<string, SqlValue[]>;
	/** service_levels only: read by DuckDB from a registered file instead of `columns`. */
	bulk?: BulkSource;
	/** The analyst's corrections of unknown values in the file, with the rows each changed. */
	corrections?: AppliedCorrection[];
}

export type ImportMeta = Omit<ImportRecord, 'columns' | 'owners' | 'bulk'>;

/** Read and check a registered bulk file into the bulk stage table (see BulkSource). */
export async function stageBulk(tx: Connector, b: BulkSource) {
	const municipalities = await tx.query<Municipality & Record<string, SqlValue>>(
		'SELECT ehak_code, name, type, county, population, lat, lon FROM municipalities'
	);
	const common = {
		file: b.file,
		delimiter: b.delimiter,
		headerRow: b.headerRow,
		columnCount: b.header.length,
		longCells: b.longCells
	};
	if (b.dataset === 'trainings') {
		const ids = await tx.query<{ activity_id: string }>('SELECT activity_id FROM activities');
		// Loaded when needed: it brings the import core's parsers (date-fns), which the first page
		// (which imports this module for the stored imports) does not need.
		const { validateBulkTrainings } = await import('./bulkTrainings');
		return validateBulkTrainings(
			tx,
			{ ...common, mapping: b.mapping as TrainingMapping },
			{ municipalities, activityIds: new Set(ids.map((r) => r.activity_id)), corrections: b.corrections },
			b.header
		);
	}
	const checked = await validateBulk(
		tx,
		{
			...common,
			mapping: b.mapping as BulkMapping,
			minYear: b.minYear,
			maxYear: b.maxYear,
			corrections: b.corrections
		},
		municipalities,
		b.header
	);
	return { ...checked, warnings: [] };
}

/** The datasets whose shipped rows are samples, removed by the first real import. */
export const SAMPLE_DATASETS: DatasetName[] = ['progress', 'trainings', 'service_levels'];

/** SQL expression(s) of the replace-by-key columns, for table alias `x`. */
export function keyExpressions(dataset: DatasetName, x: string): string[] {
	switch (dataset) {
		case 'activities':
			return [`${x}.activity_id`];
		case 'progress':
			return [`${x}.activity_id`, `${x}.year`];
		case 'service_levels':
			return [`${x}.ehak_code`, `${x}.indicator`, `${x}.year`];
		case 'municipalities':
			return [`${x}.ehak_code`];
		case 'trainings':
			return [
				`coalesce(${x}.training_id, ${x}.program || '|' || coalesce(${x}.start_date, '') || '|' || coalesce(${x}.ehak_code, ''))`
			];
	}
}

export function dataColumns(dataset: DatasetName): ColumnSpec[] {
	return (TABLES[dataset] as ColumnSpec[]).filter((c) => c.name !== 'source');
}

function keyMatch(dataset: DatasetName, a: string, b: string): string {
	const ka = keyExpressions(dataset, a);
	const kb = keyExpressions(dataset, b);
	return ka.map((k, i) => `${k} IS NOT DISTINCT FROM ${kb[i]}`).join(' AND ');
}

/** Apply one import; returns how many rows it added and how many existing rows it replaced. */
export async function applyImport(
	tx: Connector,
	record: ImportRecord
): Promise<{ added: number; replaced: number }> {
	const table = ident(record.dataset);
	const cols = dataColumns(record.dataset);
	await snapshotDataset(tx, record.dataset);
	if (SAMPLE_DATASETS.includes(record.dataset)) await tx.exec(`DELETE FROM ${table} WHERE source = 'sample'`);

	// A bulk import's rows are already in DuckDB (the checked stage table): no copy of a million rows.
	const stage = record.bulk ? BULK_STAGE : ident(`_import_${record.dataset}`);
	await tx.exec(`DROP TABLE IF EXISTS ${ident(`_import_${record.dataset}`)}`);
	try {
		if (record.bulk) {
			if (!record.bulk.staged) await stageBulk(tx, record.bulk);
		} else {
			await tx.exec(
				`CREATE TEMP TABLE ${stage} (${cols.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`
			);
			await tx.insertColumns(`_import_${record.dataset}`, cols, record.columns);
		}
		// Replace by key; DELETE reports how many rows it removed. An empty table (the first import
		// after the sample rows went) has nothing to replace: skip the join.
		const [{ any }] = await tx.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`);
		const replaced = any
			? await timed('apply:replace', () =>
					tx.query<{ Count: number }>(
						`DELETE FROM ${table} AS t WHERE EXISTS (SELECT 1 FROM ${stage} s WHERE ${keyMatch(record.dataset, 't', 's')})`
					)
				)
			: [];
		const n = Number(replaced[0]?.Count ?? 0);
		const names = cols.map((c) => ident(c.name));
		const select = cols.map((c) =>
			// Imported progress rows come after every existing one in import order (ties: later wins).
			c.name === 'seq' && record.dataset === 'progress'
				? `s.seq + (SELECT coalesce(max(seq), -1) + 1 FROM ${table})`
				: `s.${ident(c.name)}`
		);
		await timed('apply:insert', () =>
			tx.query(
				`INSERT INTO ${table} (${names.join(', ')}, source) SELECT ${select.join(', ')}, ? FROM ${stage} s`,
				[record.id]
			)
		);
		if (record.dataset === 'activities' && record.owners) {
			await tx.exec(`DELETE FROM activity_owners WHERE activity_id IN (SELECT activity_id FROM ${stage})`);
			await tx.insertColumns('activity_owners', TABLES.activity_owners, record.owners);
		}
		const [{ total }] = await tx.query<{ total: number }>(`SELECT count(*)::INTEGER AS total FROM ${stage}`);
		return { added: total - n, replaced: n };
	} finally {
		await tx.exec(`DROP TABLE IF EXISTS ${stage}`);
	}
}

/**
 * Keep the dataset as loaded at start (published or shipped) as `default_<table>`, once, before the
 * first import changes it: reset and undo return to it. Taken when first needed, not at start-up, so
 * a page load does not copy a million published rows that no import will touch.
 */
export async function snapshotDataset(tx: Connector, dataset: DatasetName): Promise<void> {
	const tables = dataset === 'activities' ? ['activities', 'activity_owners'] : [dataset];
	for (const t of tables)
		await tx.exec(`CREATE TABLE IF NOT EXISTS ${ident('default_' + t)} AS SELECT * FROM ${ident(t)}`);
}

/** Put one dataset back to the data loaded at start (the `default_<table>` snapshot, if any). */
export async function resetDataset(tx: Connector, dataset: DatasetName): Promise<void> {
	// Never snapshotted = never changed since start: the snapshot of it now is the state to return to.
	await snapshotDataset(tx, dataset);
	await tx.exec(`DELETE FROM ${ident(dataset)}`);
	await tx.exec(`INSERT INTO ${ident(dataset)} SELECT * FROM ${ident('default_' + dataset)}`);
	if (dataset === 'activities') {
		await tx.exec('DELETE FROM activity_owners');
		await tx.exec('INSERT INTO activity_owners SELECT * FROM default_activity_owners');
	}
}

/** Rebuild one dataset from the defaults plus the given imports, in order (undo = replay without it). */
export async function rebuildDataset(
	tx: Connector,
	dataset: DatasetName,
	records: ImportRecord[]
): Promise<void> {
	await resetDataset(tx, dataset);
	for (const r of records) if (r.dataset === dataset) await applyImport(tx, r);
}

/** Snapshot every loaded dataset now (tests; the app snapshots each dataset when first changed). */
export async function snapshotDefaults(conn: Connector): Promise<void> {
	for (const d of [
		'activities',
		'progress',
		'trainings',
		'municipalities',
		'service_levels'
	] as DatasetName[])
		await snapshotDataset(conn, d);
}
