/**
 * The views' door to the data, for reading: DuckDB once it has started; before that, on a repeat
 * visit, the results the same queries gave on the same data (resultCache.ts), and on any visit the
 * start results shipped with the data (the manifest's or the sample's summary, startResults.ts), so
 * the pages show their data while DuckDB-wasm is still starting. Everything that writes (imports, publishing)
 * goes through `ensureData()` as before; every query still runs in DuckDB once it is up.
 */
import { version } from '$app/environment';
import type { Connector, Row, SqlValue } from '$lib/db/connector';
import { data, ensureData } from './store.svelte';
import { firstPaintSummary, loadManifest, published } from './published.svelte';
import { DATASETS } from '$lib/types';
import { hasStoredImports } from './summary';
import { dataFingerprint, openResultCache, resultKey, type ResultCache } from './resultCache';
import { startResult } from '$lib/publish/startResults';
import { askedAhead } from './askedAhead';

/** The fingerprint of the data as they are now (null: no cache applies). */
function fingerprint(): string | null {
	return dataFingerprint({
		build: version,
		published: { status: published.status, manifest: published.manifest },
		localImports: hasStoredImports()
	});
}

let opening: Promise<{ fingerprint: string; cache: ResultCache } | null> | null = null;

/** The cache of the data this page load started with (after the manifest has answered). */
function startCache(): Promise<{ fingerprint: string; cache: ResultCache } | null> {
	opening ??= loadManifest()
		.catch(() => null)
		.then(async () => {
			const fp = fingerprint();
			return fp ? { fingerprint: fp, cache: await openResultCache(fp) } : null;
		});
	return opening;
}

/** The cache, when the data are still those the page load started with. */
async function currentCache(): Promise<ResultCache | null> {
	const c = await startCache();
	return c && c.fingerprint === fingerprint() ? c.cache : null;
}

/**
 * Results this page load has kept. Only ever for the start's data: a change of data ends the
 * fingerprint (local imports) and with it every write.
 */
const kept = new Set<string>();

/**
 * The start results of the data this page load started with (startResults.ts): the published
 * folder's manifest, or the embedded sample's build-time summary when nothing is published. None
 * with local imports or with a folder that did not load.
 */
function fromSummary(sql: string, params: SqlValue[]): Row[] | null {
	const summary = firstPaintSummary();
	if (!summary || fingerprint() === null) return null;
	const datasets = published.status === 'ok' ? published.manifest?.datasets : EVERY_DATASET;
	return datasets ? startResult(summary.results, datasets, sql, params) : null;
}

/** The embedded sample holds every dataset. */
const EVERY_DATASET = Object.fromEntries(DATASETS.map((d) => [d, true]));

/** DuckDB has started and loaded the data (a function: the status changes across awaits). */
const engineUp = () => data.status === 'ready';

/** What the next view asks, sent when an import is committed (askedAhead.ts). */
const ahead = askedAhead();

/**
 * Send a view's opening queries now, for the data as they are (after an import is committed):
 * the view, opened a moment later, is answered by them instead of asking again.
 */
export function askAhead(work: (conn: Connector) => Promise<unknown>): void {
	void ahead.ask(data.version, ensureData, work);
}

const reader: Connector = {
	async query<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
		const asked = ahead.answer(data.version, sql, params);
		if (asked) return asked as Promise<T[]>;
		const key = resultKey(sql, params);
		if (!engineUp()) {
			// A start result needs the manifest only, not the IndexedDB cache (opening it can take a
			// few hundred milliseconds on a first visit).
			await loadManifest().catch(() => null);
			const shipped = fromSummary(sql, params);
			if (shipped && !engineUp()) return shipped as T[];
			const cache = await currentCache();
			const hit = await cache?.get(key);
			if (hit && !engineUp()) return hit as T[];
		}
		const conn = await ensureData();
		const version = data.version;
		const rows = await conn.query<T>(sql, params);
		// Kept only when no import changed the data meanwhile, and the data are still the start's; a
		// result this page has already kept is not written again (filter changes repeat queries).
		if (data.version === version && !kept.has(key))
			void currentCache().then((c) => {
				if (!c || kept.has(key)) return;
				kept.add(key);
				return c.put(key, rows);
			});
		return rows;
	},
	exec: async (sql) => (await ensureData()).exec(sql),
	insertColumns: async (table, columns, values) => (await ensureData()).insertColumns(table, columns, values)
};

/**
 * For views that only read. Starts DuckDB (as `ensureData()` does) and answers at once with a
 * connector whose queries wait for DuckDB unless the last visit's results of the same data answer.
 */
export function readData(): Promise<Connector> {
	// The engine starts in every case; its failure is the layout's to show (data.status/error).
	ensureData().catch(() => undefined);
	return Promise.resolve(reader);
}
