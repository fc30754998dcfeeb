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
import {
	INDICATORS_SQL,
	MUNICIPALITIES_SQL,
	loadDefaultIndicatorRows,
	loadTrainingParticipants
} from '$lib/queries/municipalities';
import { loadProgressYears, loadStandings } from '$lib/queries/overview';
import { loadMissingReports } from '$lib/queries/missingReports';
import { previousYear } from '$lib/metrics/yearOnYear';

export interface StartResult {
	sql: string;
	/** The query's parameters (none when absent): a result answers only the same values. */
	params?: SqlValue[];
	/** The datasets (tables) the query reads. */
	reads: DatasetName[];
	rows: Row[];
}

/**
 * What the overview (`/`, the steering group's page) asks on opening, as of the latest progress
 * year: the header's years, every activity's standing as of that year and the year before (the
 * changes), and the activities that owe a report. Run through the views' own loaders, so the SQL
 * text and parameters are those the page sends.
 */
const OVERVIEW_READS: DatasetName[] = ['activities', 'progress'];
async function overviewStart(conn: Connector): Promise<void> {
	const { latest } = await loadProgressYears(conn);
	const prev = previousYear(latest);
	await Promise.all([
		loadStandings(conn, latest),
		prev === null ? null : loadStandings(conn, prev),
		loadMissingReports(conn, latest)
	]);
}

/**
 * The views' opening loads, each with the datasets its queries read, in the order their results are
 * kept. `sampleOnly`: shipped with the embedded sample, not in a published manifest — a published
 * folder's files are checked only as DuckDB loads them, and a page of a broken folder must never
 * show its rows (the manifest's lists and the overview are its summary, shown as before).
 */
const START_VIEWS: {
	reads: DatasetName[];
	run: (conn: Connector) => Promise<unknown>;
	sampleOnly?: true;
}[] = [
	// What `/municipalities` asks before anything else: its two lists.
	{ reads: ['municipalities'], run: (conn) => conn.query(MUNICIPALITIES_SQL) },
	{ reads: ['service_levels'], run: (conn) => conn.query(INDICATORS_SQL) },
	// Every page's header: its years read the progress reports only.
	{ reads: ['progress'], run: loadProgressYears },
	{ reads: OVERVIEW_READS, run: overviewStart },
	// `/municipalities` without `indicator` in the URL: the default indicator's rows.
	{ reads: ['service_levels'], run: loadDefaultIndicatorRows, sampleOnly: true },
	// The embedded sample's trainings find their municipalities by name in the table (defaultsSql.ts).
	{ reads: ['trainings', 'municipalities'], run: loadTrainingParticipants, sampleOnly: true }
];

/** Every query `work` asks of `conn`, with its parameters and rows, in the order asked. */
async function recorded(
	conn: Connector,
	work: (c: Connector) => Promise<unknown>
): Promise<{ sql: string; params: SqlValue[]; rows: Row[] }[]> {
	const asked: { sql: string; params: SqlValue[]; rows: Row[] }[] = [];
	const recorder: Connector = {
		async query<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
			const rows = await conn.query<T>(sql, params);
			asked.push({ sql, params: [...params], rows });
			return rows;
		},
		exec: (sql) => conn.exec(sql),
		insertColumns: (table, columns, values) => conn.insertColumns(table, columns, values)
	};
	await work(recorder);
	return asked;
}

/**
 * A result over this many rows is left out (the manifest is fetched before the first chart): the
 * query is then simply asked of DuckDB. 1,266 indicators of a 1M-row table are ≈ 250 kB of JSON.
 */
export const MAX_START_ROWS = 5000;

/** The start results of the bundle's datasets (the tables as they are written into the folder). */
export async function computeStartResults(
	conn: Connector,
	datasets: readonly DatasetName[],
	{ sample = false } = {}
): Promise<StartResult[]> {
	const out: StartResult[] = [];
	for (const view of START_VIEWS) {
		if (!view.reads.every((d) => datasets.includes(d)) || (view.sampleOnly && !sample)) continue;
		for (const q of await recorded(conn, view.run))
			if (q.rows.length <= MAX_START_ROWS && !out.some((r) => sameQuery(r, q.sql, q.params)))
				out.push({
					sql: q.sql,
					...(q.params.length ? { params: q.params } : {}),
					reads: [...view.reads],
					rows: q.rows
				});
	}
	return out;
}

function sameQuery(r: StartResult, sql: string, params: readonly SqlValue[]): boolean {
	const p = r.params ?? [];
	return r.sql === sql && p.length === params.length && p.every((v, i) => v === params[i]);
}

/** The manifest's answer to `sql`, when it has one that applies to this folder; else null. */
export function startResult(
	results: readonly StartResult[] | undefined,
	datasets: Partial<Record<DatasetName, unknown>>,
	sql: string,
	params: readonly SqlValue[] = []
): Row[] | null {
	const r = results?.find((x) => sameQuery(x, sql, params));
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
			(r.params === undefined || (Array.isArray(r.params) && r.params.every(isValue))) &&
			Array.isArray(r.reads) &&
			r.reads.every((d) => DATASETS.includes(d as DatasetName)) &&
			Array.isArray(r.rows) &&
			r.rows.length <= MAX_START_ROWS &&
			r.rows.every((row) => isRecord(row) && Object.values(row).every(isValue))
	);
}
