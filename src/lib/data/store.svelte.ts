import type { DuckDbConnector } from '$lib/db/duckdb';
import { createSchemaSql } from '$lib/db/schema';
import type { DatasetName } from '$lib/types';
import { DEFAULT_FILES, defaultActivities, insertActivities, sampleInsertSql } from './defaults';
import { downloadPublished, loadManifest, published, publishFailed } from './published.svelte';
import { loadPublished } from '$lib/publish/load';
import { changing } from './ready.svelte';
import { timed } from '$lib/perf';
import { EngineError } from '$lib/db/engine';
import { spawnEngineWorker } from '$lib/db/engineWorker';

export type Provenance =
	| { kind: 'default' }
	| { kind: 'sample' }
	| { kind: 'published'; at: string }
	| { kind: 'imported'; file: string; at: string };

interface DataState {
	status: 'idle' | 'loading' | 'ready' | 'error';
	error: string | null;
	/** The database engine did not start: what failed and what an administrator can check. */
	engine: { what: EngineError['what']; url: string; status: number | null; mime: string | null; detail: string } | null;
	/** Bumped after every change of the data; views re-query when it changes. */
	version: number;
	provenance: Record<DatasetName, Provenance>;
}

export const data = $state<DataState>({
	status: 'idle',
	error: null,
	engine: null,
	version: 0,
	provenance: baseProvenance()
});

let booting: Promise<DuckDbConnector> | null = null;
const afterBoot: ((conn: DuckDbConnector) => Promise<void>)[] = [];

/** Work to run once the defaults are loaded (e.g. replaying stored imports). */
export function onBoot(step: (conn: DuckDbConnector) => Promise<void>): void {
	afterBoot.push(step);
}

/** Start DuckDB and load the default data once; every view awaits this. */
export function ensureData(): Promise<DuckDbConnector> {
	booting ??= boot();
	return booting;
}

async function boot(): Promise<DuckDbConnector> {
	data.status = 'loading';
	try {
		performance.mark('kov:boot');
		// DuckDB-wasm is loaded after the first paint: the overview paints from a summary meanwhile.
		// Its worker starts as soon as the manifest (with that summary) has answered, so the 34 MB wasm
		// does not slow that request, and compiles while DuckDB's client code loads.
		const spawn = () => void spawnEngineWorker();
		loadManifest().then(spawn, spawn);
		// DuckDB-wasm's client code (200 kB) is parsed once the page has painted what it can without
		// it (the overview answers from the start results): parsed at once, it delayed that paint.
		const starting = loadManifest()
			.catch(() => null)
			.then(afterPaint)
			.then(() => import('$lib/db/duckdb'))
			.then((m) => m.startDuckDb())
			.then((c) => (performance.measure('kov:duckdb-start', 'kov:boot'), c));
		// The published folder's files download (and are checked) while DuckDB starts.
		const manifest = await loadManifest().catch((e) => {
			void starting.catch(() => undefined);
			throw e;
		});
		// Straight to the database, not through the connection's queue: loadPublished registers each
		// file inside the transaction that reads it (a database file just before it).
		const register = async (name: string, bytes: Uint8Array) => {
			await (await starting).db.registerFileBuffer(name, bytes);
			return name;
		};
		const drop = async (name: string) => (await starting).db.dropFile(name).then(() => undefined);
		const [conn, defaults, pub] = await Promise.all([
			starting,
			fetchDefaultFiles(DEFAULT_ORDER.filter((d) => !manifest?.datasets[d])),
			manifest ? downloadPublished(manifest, register, drop) : null
		]);
		performance.mark('kov:load');
		await conn.exec(createSchemaSql());
		if (!manifest?.datasets.activities) await insertActivities(conn, defaultActivities(), 'default');
		// Published first: a sample training file finds its municipalities by name in the table.
		if (pub) {
			await timed('boot:published', () => loadPublished(conn, pub.checked, pub.files)).catch(publishFailed);
			data.provenance = baseProvenance();
		}
		for (const [dataset, bytes] of defaults) {
			const name = `default-${dataset}.csv`;
			await conn.registerBuffer(name, bytes);
			await conn.exec(sampleInsertSql(dataset, name));
			await conn.dropFile(name);
		}
		performance.measure('kov:load-defaults', 'kov:load');
		for (const step of afterBoot) await timed('boot:after', () => step(conn));
		// No version bump here: every view's first query is already waiting on this start-up, and a
		// bump would run each of them a second time (at 1M rows, the indicator list twice: +0.4 s).
		data.status = 'ready';
		return conn;
	} catch (e) {
		data.status = 'error';
		data.error = e instanceof Error ? e.message : String(e);
		if (e instanceof EngineError)
			data.engine = { what: e.what, url: e.url, status: e.status, mime: e.mime, detail: e.detail };
		throw e;
	}
}

/** Municipalities first: trainings resolve their municipality names against it. */
const DEFAULT_ORDER: (keyof typeof DEFAULT_FILES)[] = ['municipalities', 'progress', 'trainings', 'service_levels'];

async function fetchDefaultFiles(
	order: (keyof typeof DEFAULT_FILES)[]
): Promise<[keyof typeof DEFAULT_FILES, Uint8Array][]> {
	return Promise.all(
		order.map(async (d) => {
			const res = await fetch(DEFAULT_FILES[d]);
			if (!res.ok) throw new Error(`${DEFAULT_FILES[d]}: HTTP ${res.status}`);
			return [d, new Uint8Array(await res.arrayBuffer())] as [keyof typeof DEFAULT_FILES, Uint8Array];
		})
	);
}

/** Provenance of the data as loaded (published or shipped), before any local import. */
export function baseProvenance(): Record<DatasetName, Provenance> {
	const base: Record<DatasetName, Provenance> = {
		activities: { kind: 'default' },
		municipalities: { kind: 'default' },
		progress: { kind: 'sample' },
		trainings: { kind: 'sample' },
		service_levels: { kind: 'sample' }
	};
	const manifest = published.status === 'ok' ? published.manifest : null;
	for (const d of Object.keys(manifest?.datasets ?? {}) as DatasetName[])
		base[d] = { kind: 'published', at: manifest?.generated_at ?? '' };
	return base;
}

export function dataChanged(): void {
	changing();
	data.version++;
}

/** Is any of these datasets still the shipped sample? */
export function isSample(...datasets: DatasetName[]): boolean {
	return datasets.some((d) => data.provenance[d].kind === 'sample');
}

/** After the next frame has been painted (a timer where there are no frames). */
function afterPaint(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0);
		requestAnimationFrame(() => setTimeout(resolve, 0));
	});
}
