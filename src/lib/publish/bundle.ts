/**
 * Writing a published folder from the current tables — the page ("Download for publishing",
 * DuckDB-wasm) and `kov publish` (native DuckDB) run this same code; only the host differs.
 */
import type { Connector } from '$lib/db/connector';
import type { DatasetName } from '$lib/types';
import type { DefaultSummary } from '$lib/data/summary';
import { loadOverview, loadProgressYears } from '$lib/queries/overview';
import {
	PUBLISH_ORDER,
	buildManifest,
	databaseFileName,
	exportPublishedSql,
	publishableSql,
	publishedFileName,
	type Manifest,
	type ManifestSource
} from './manifest';
import { computeStartResults } from './startResults';
import { exportDatabaseSql } from './database';

export interface BundleHost {
	/** Run `sql(path)` (a COPY … TO path, or a database file written) and return the bytes written. */
	copyOut(file: string, sql: (path: string) => string): Promise<Uint8Array>;
	sha256(bytes: Uint8Array): Promise<string>;
	/**
	 * Native DuckDB only: also write a database file for each dataset of at least this many rows
	 * (database.ts; DATABASE_MIN_ROWS). DuckDB-wasm cannot write one.
	 */
	databaseMinRows?: number;
}

export interface Bundle {
	manifest: Manifest;
	/** File name → bytes, the manifest included. */
	files: Record<string, Uint8Array>;
}

/** The overview as of the latest progress year: what a page paints before DuckDB has started. */
async function computeSummary(conn: Connector): Promise<DefaultSummary> {
	const { years, latest: year } = await loadProgressYears(conn);
	return { year, years, overview: await loadOverview(conn, year, { direction: null, owner: null }) };
}

/**
 * A bundle's summary: the overview's first paint and the start results of its datasets (`sample`:
 * the embedded sample's build-time summary, which also answers `/municipalities`' opening).
 */
export async function bundleSummary(
	conn: Connector,
	datasets: DatasetName[],
	{ sample = false } = {}
): Promise<DefaultSummary> {
	return { ...(await computeSummary(conn)), results: await computeStartResults(conn, datasets, { sample }) };
}

/** Datasets a bundle holds: those with rows, none of them the shipped sample. */
export async function publishableDatasets(
	conn: Connector
): Promise<{ dataset: DatasetName; rows: number }[]> {
	const rows = await conn.query<{ dataset: DatasetName; n: number; sample: number }>(publishableSql());
	return PUBLISH_ORDER.flatMap((d) => {
		const r = rows.find((x) => x.dataset === d);
		return r && r.n > 0 && r.sample === 0 ? [{ dataset: d, rows: r.n }] : [];
	});
}

export async function makeBundle(
	conn: Connector,
	host: BundleHost,
	opts: { generatedAt: string; generatedBy: string; sources: Partial<Record<DatasetName, ManifestSource[]>> }
): Promise<Bundle> {
	const files: Record<string, Uint8Array> = {};
	const entries: Parameters<typeof buildManifest>[0]['files'] = {};
	const datasets = await publishableDatasets(conn);
	for (const { dataset, rows } of datasets) {
		const name = publishedFileName(dataset);
		const bytes = await host.copyOut(name, (path) => exportPublishedSql(dataset, path));
		files[name] = bytes;
		entries[dataset] = { rows, sha256: await host.sha256(bytes), sources: opts.sources[dataset] ?? [] };
		if (host.databaseMinRows !== undefined && rows >= host.databaseMinRows) {
			const db = databaseFileName(dataset);
			files[db] = await host.copyOut(db, (path) => exportDatabaseSql(dataset, path));
			entries[dataset].duckdb = { sha256: await host.sha256(files[db]) };
		}
	}
	const manifest = buildManifest({
		generatedAt: opts.generatedAt,
		generatedBy: opts.generatedBy,
		files: entries,
		summary: await bundleSummary(
			conn,
			datasets.map((d) => d.dataset)
		)
	});
	files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest, null, 1) + '\n');
	return { manifest, files };
}
