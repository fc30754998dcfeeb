/**
 * The last visit's query results, kept in this browser (issue #20, repeat visits): while DuckDB-wasm
 * starts (about a second, every visit: its 34 MB of wasm are compiled and linked again), the views'
 * queries are answered from the results the same queries gave on the same data before.
 *
 * "The same data" is the fingerprint: the published folder's files by their SHA-256 (or the
 * embedded sample of this build) and this build. A result depends on nothing else: no SQL of the
 * app reads the clock (a unit test checks the sources), dates the queries need are parameters.
 * When the fingerprint is unknown or does not apply — local imports in this browser, a broken
 * published folder — nothing is answered from the cache and nothing is written to it.
 */
import { clear, createStore, get, keys, set, type UseStore } from 'idb-keyval';
import type { Row, SqlValue } from '$lib/db/connector';
import type { Manifest } from '$lib/publish/manifest';

/** Results larger than this are not kept (the views' results are tens to hundreds of rows). */
export const MAX_CACHED_ROWS = 5000;
/**
 * A store holding more entries than this is emptied when a page opens it (a planner going through
 * every indicator of a 1M-row table would otherwise keep each one's rows).
 */
export const MAX_CACHED_RESULTS = 2000;

const META = '\u0000fingerprint';

export interface FingerprintInput {
	/** The build's version ($app/environment): its SQL, schema and embedded sample. */
	build: string;
	/** What the published folder's manifest request gave. */
	published: { status: 'unknown' | 'none' | 'ok' | 'error'; manifest: Manifest | null };
	/** This browser holds local imports (drafts over the published data or the sample). */
	localImports: boolean;
}

/** What the data loaded at start-up are, before DuckDB has read them; null: no cache applies. */
export function dataFingerprint(input: FingerprintInput): string | null {
	if (input.localImports) return null;
	const head = input.build;
	if (input.published.status === 'none') return `${head}|sample`;
	if (input.published.status !== 'ok' || !input.published.manifest) return null;
	const m = input.published.manifest;
	const files = Object.entries(m.datasets)
		.map(([name, d]) => `${name}:${d?.sha256 ?? ''}`)
		.sort()
		.join(',');
	return `${head}|published|${m.generated_at}|${files}`;
}

/** The key of one query: its SQL and parameters, exactly. */
export function resultKey(sql: string, params: SqlValue[] = []): string {
	return JSON.stringify([sql, params]);
}

export interface ResultCache {
	get(key: string): Promise<Row[] | undefined>;
	put(key: string, rows: Row[]): Promise<void>;
}

let store: UseStore | null = null;

/**
 * The cache for one fingerprint. Every entry is keyed by its fingerprint too, so results of other
 * data are never answered (another tab may still be writing its own); a store last opened for
 * another fingerprint, or grown past MAX_CACHED_RESULTS, is emptied first, so results do not pile
 * up. Storage errors (private mode, quota) make it a cache that holds nothing.
 */
export async function openResultCache(fingerprint: string): Promise<ResultCache> {
	try {
		store ??= createStore('kov-seire-results', 'results');
		const s = store;
		if ((await get<string>(META, s)) !== fingerprint || (await keys(s)).length > MAX_CACHED_RESULTS) {
			await clear(s);
			await set(META, fingerprint, s);
		}
		return {
			get: (key) => get<Row[]>(`${fingerprint}\u0001${key}`, s).catch(() => undefined),
			put: (key, rows) =>
				rows.length <= MAX_CACHED_ROWS
					? set(`${fingerprint}\u0001${key}`, rows, s).catch(() => undefined)
					: Promise.resolve()
		};
	} catch {
		return { get: async () => undefined, put: async () => undefined };
	}
}
