/**
 * Start results: the answers of the views' first, data-wide queries, computed when a bundle is
 * made and shipped in the manifest's `summary.results` (and at build time for the embedded sample,
 * in its summary). The page answers these queries from there while DuckDB-wasm is still starting
 * and loading the data, as the overview's first chart is painted from `summary.overview`. At a million service-level rows the indicator list is
 * the one query a planner's page waits for after the load (issue #23: `/municipalities` ready).
 *
 * A result is used only for the exact SQL text it was computed for (a build whose SQL differs
 * asks DuckDB) and only when every dataset the query reads is in the folder: a dataset the
 * folder lacks is the embedded sample of whichever build opens it.
 */
import type { Connector, Row, SqlValue } from '$lib/db/connector';
import { DATASETS, type DatasetName } from '$lib/types';
import { INDICATORS_SQL, MUNICIPALITIES_SQL } from '$lib/queries/municipalities';

export interface StartResult {
	sql: string;
	/** The datasets (tables) the query reads. */
	reads: DatasetName[];
	rows: Row[];
}

/** The queries worth shipping: what `/municipalities` asks before anything else. */
export const START_QUERIES: readonly Omit<StartResult, 'rows'>[] = [
	{ sql: MUNICIPALITIES_SQL, reads: ['municipalities'] },
	{ sql: INDICATORS_SQL, reads: ['service_levels'] }
];

/**
 * A result over this many rows is left out (the manifest is fetched before the first chart): the
 * query is then simply asked of DuckDB. 1,266 indicators of a 1M-row table are ≈ 250 kB of JSON.
 */
export const MAX_START_ROWS = 5000;

/** The start results of the bundle's datasets (the tables as they are written into the folder). */
export async function computeStartResults(
	conn: Connector,
	datasets: readonly DatasetName[]
): Promise<StartResult[]> {
	const out: StartResult[] = [];
	for (const q of START_QUERIES) {
		if (!q.reads.every((d) => datasets.includes(d))) continue;
		const rows = await conn.query(q.sql);
		if (rows.length <= MAX_START_ROWS) out.push({ sql: q.sql, reads: [...q.reads], rows });
	}
	return out;
}

/** The manifest's answer to `sql`, when it has one that applies to this folder; else null. */
export function startResult(
	results: readonly StartResult[] | undefined,
	datasets: Partial<Record<DatasetName, unknown>>,
	sql: string,
	params: readonly SqlValue[] = []
): Row[] | null {
	if (params.length || !results) return null;
	const r = results.find((x) => x.sql === sql);
	return r && r.reads.every((d) => datasets[d]) ? r.rows : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isValue = (v: unknown) =>
	v === null ||
	typeof v === 'string' ||
	typeof v === 'boolean' ||
	(typeof v === 'number' && Number.isFinite(v));

/**
 * The well-formed entries of a manifest's `summary.results` (anything else is dropped: the query
 * is then asked of DuckDB, which is never wrong, only later).
 */
export function parseStartResults(v: unknown): StartResult[] {
	if (!Array.isArray(v)) return [];
	return v.filter(
		(r): r is StartResult =>
			isRecord(r) &&
			typeof r.sql === 'string' &&
			Array.isArray(r.reads) &&
			r.reads.every((d) => DATASETS.includes(d as DatasetName)) &&
			Array.isArray(r.rows) &&
			r.rows.length <= MAX_START_ROWS &&
			r.rows.every((row) => isRecord(row) && Object.values(row).every(isValue))
	);
}
