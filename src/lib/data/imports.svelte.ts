/**
 * Import history in the browser: commit (one DuckDB transaction that also writes IndexedDB),
 * undo per import, reset to the default data, and replay of the stored imports at start-up.
 */
import { createStore, del, get, set, setMany, clear, type UseStore } from 'idb-keyval';
import { DATASETS } from '$lib/types';
import {
	applyImport,
	rebuildDataset,
	resetDataset,
	stageBulk,
	type BulkSource,
	type ImportMeta,
	type ImportRecord
} from '$lib/db/commit';
import type { DuckDbConnector } from '$lib/db/duckdb';
import { baseProvenance, data, dataChanged, ensureData, onBoot } from './store.svelte';
import { published } from './published.svelte';
import { markStoredImports } from './summary';
import { askAhead } from './reader';
import { municipalitiesOpening } from '$lib/queries/municipalities';
import { timed } from '$lib/perf';
import { BULK_STAGE } from '$lib/db/bulkServiceLevels';
import { warmupCsv, WARMUP_HEADER, WARMUP_YEARS } from '$lib/import/warmup';

const INDEX_KEY = 'imports';
/**
 * The published data the local imports were made on: the manifest's `generated_at`, or '' for the
 * embedded sample (stores from before publishing have no key: they were made on the sample).
 */
const BASE_KEY = 'base';
let idb: UseStore | null = null;
function store(): UseStore {
	idb ??= createStore('kov-seire', 'imports');
	return idb;
}

/** Local imports stored on other data than the server's now: waiting for re-apply or discard. */
export interface PendingDrafts {
	count: number;
	/** generated_at of the data they were made on ('' = the sample). */
	madeOn: string;
	/** generated_at of the data published now ('' = nothing published). */
	current: string;
}

export const imports = $state<{
	history: ImportMeta[];
	notice: 'corrupt-state' | null;
	pending: PendingDrafts | null;
}>({
	history: [],
	notice: null,
	pending: null
});

/** The base of this page load: the published manifest's generated_at, '' when nothing is published. */
function currentBase(): string {
	return published.manifest?.generated_at ?? '';
}
let pendingIndex: ImportMeta[] = [];

/**
 * What undo needs of an import besides its metadata: its rows, or for a bulk import the file DuckDB
 * reads (a Blob, which the browser keeps on disk).
 */
type Body = Pick<ImportRecord, 'columns' | 'owners' | 'bulk'> & { blob?: Blob };
/**
 * What IndexedDB holds per import: the rows, or for a bulk import the UTF-8 file DuckDB reads, as a
 * Blob (the browser keeps it out of the page's memory; stores from before hold `bytes`).
 */
type StoredBody = Body & { bytes?: Uint8Array };

function storedFile(body: StoredBody): Blob | null {
	if (body.blob instanceof Blob) return body.blob;
	return body.bytes instanceof Uint8Array ? new Blob([body.bytes as Uint8Array<ArrayBuffer>]) : null;
}

/**
 * The body of each stored import, kept for undo (replay) without re-reading IndexedDB. A bulk
 * import's file is registered with DuckDB only while DuckDB reads it (preview, replay, undo), so a
 * committed million-row file does not stay in DuckDB's memory next to its rows.
 */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache for undo, not UI state
const bodies = new Map<string, Body>();
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- registered DuckDB files, not UI state
const bulkFiles = new Set<string>();

/**
 * Register the files of these bulk imports for a replay, run `work`, then drop them again. Takes the
 * connection (at start-up `ensureData()` is still waiting for the replay itself).
 */
async function withFiles<T>(conn: DuckDbConnector, records: ImportRecord[], work: () => Promise<T>): Promise<T> {
	const names: string[] = [];
	try {
		for (const r of records) {
			if (!r.bulk) continue;
			const blob = bodies.get(r.id)?.blob;
			if (!blob) throw new Error(`import ${r.id} has no stored file`);
			await conn.registerBuffer(r.bulk.file, new Uint8Array(await blob.arrayBuffer()));
			names.push(r.bulk.file);
		}
		return await work();
	} finally {
		for (const name of names) await conn.dropFile(name).catch(() => undefined);
	}
}

function fullRecords(list: ImportMeta[] = imports.history): ImportRecord[] {
	return list.map((m) => {
		const { blob: _blob, ...body } = bodies.get(m.id) ?? { columns: {} };
		return { ...m, ...body };
	});
}

function meta(r: ImportRecord): ImportMeta {
	const { columns: _c, owners: _o, bulk: _b, ...m } = r;
	return m;
}

function updateProvenance(): void {
	markStoredImports(imports.history.length > 0 || imports.pending !== null);
	const next = baseProvenance();
	for (const m of imports.history) next[m.dataset] = { kind: 'imported', file: m.file, at: m.at };
	data.provenance = next;
}

async function writeIndex(history: ImportMeta[]): Promise<void> {
	await set(INDEX_KEY, $state.snapshot(history), store());
}

/** Replay the stored imports over the defaults; a corrupt store falls back to the defaults with a notice. */
onBoot(async (conn: DuckDbConnector) => {
	let stored: ImportMeta[] | undefined;
	try {
		stored = await get<ImportMeta[]>(INDEX_KEY, store());
	} catch {
		stored = undefined; // IndexedDB unavailable (private mode): run on defaults only.
	}
	if (!stored?.length) {
		markStoredImports(false);
		return;
	}
	let madeOn = '';
	try {
		madeOn = (await get<string>(BASE_KEY, store())) ?? '';
	} catch {
		madeOn = '';
	}
	try {
		const records: ImportRecord[] = [];
		for (const m of stored) {
			const body = await get<StoredBody>(`import:${m.id}`, store());
			if (!body || typeof body.columns !== 'object') throw new Error(`stored import ${m.id} is missing`);
			const blob = body.bulk ? storedFile(body) : undefined;
			if (blob === null) throw new Error(`stored import ${m.id} has no file`);
			bodies.set(m.id, { columns: body.columns, owners: body.owners, bulk: body.bulk, blob });
			records.push({ ...m, columns: body.columns, owners: body.owners, bulk: body.bulk });
		}
		if (madeOn !== currentBase()) {
			// The server's data changed since these drafts were made: the user decides (nothing is lost).
			imports.pending = { count: stored.length, madeOn, current: currentBase() };
			pendingIndex = stored;
		} else {
			await withFiles(conn, records, () =>
				conn.transaction(async (tx) => {
					for (const r of records) await applyImport(tx, r);
				})
			);
			imports.history = stored;
		}
	} catch {
		imports.notice = 'corrupt-state';
		imports.history = [];
		for (const name of bulkFiles) await conn.dropFile(name).catch(() => undefined);
		bulkFiles.clear();
		bodies.clear();
		await clear(store()).catch(() => undefined);
	}
	updateProvenance();
});

/**
 * Register a large service-level file (UTF-8) with DuckDB for the bulk path. The bytes are handed
 * over (transferred to DuckDB's worker): the caller must not use them afterwards.
 */
export async function registerBulkFile(name: string, utf8: Uint8Array): Promise<void> {
	const conn = await ensureData();
	await timed('bulk:register', () => conn.registerBuffer(name, utf8));
	bulkFiles.add(name);
}

export async function dropBulkFile(name: string): Promise<void> {
	if (!bulkFiles.delete(name)) return;
	const conn = await ensureData();
	await conn.dropFile(name).catch(() => undefined);
}

async function dropAllBulkFiles(): Promise<void> {
	for (const name of [...bulkFiles]) await dropBulkFile(name);
}

let warm: Promise<void> | null = null;

/**
 * Once per page load, when `/import` opens: check a small generated file on the bulk path and throw
 * the result away (see warmup.ts), so the analyst's first large import does not run on DuckDB's
 * not-yet-compiled code. Queued on the connection like any statement: a file dropped meanwhile
 * waits for it (about a second on a cold engine). A failure only means no warm-up.
 */
export function warmBulkPath(): Promise<void> {
	warm ??= (async () => {
		const conn = await ensureData();
		const names = await conn.query<{ name: string }>('SELECT name FROM municipalities ORDER BY name');
		const csv = warmupCsv(names.map((n) => n.name));
		if (!csv) return;
		const file = '_kov_warmup.csv';
		await conn.registerBuffer(file, new TextEncoder().encode(csv));
		try {
			await timed('import:warmup', () =>
				conn.transaction(async (tx) => {
					await stageBulk(tx, {
						file,
						delimiter: ';',
						headerRow: 1,
						header: [...WARMUP_HEADER],
						mapping: { municipality: 0, year: 1, domain: 2, indicator: 3, value: 4, unit: 5 },
						minYear: WARMUP_YEARS[0],
						maxYear: WARMUP_YEARS[1],
						// As an export without quotes or long lines (the common case) is read.
						longCells: false
					});
					await tx.exec(`DROP TABLE IF EXISTS ${BULK_STAGE}`);
				})
			);
		} finally {
			await conn.dropFile(file).catch(() => undefined);
		}
	})().catch(() => undefined);
	return warm;
}

/** Read and check a registered file with DuckDB's CSV reader: the preview's counts and errors. */
export async function checkBulk(source: BulkSource) {
	const conn = await ensureData();
	return timed('bulk:check', () => conn.transaction((tx) => stageBulk(tx, source)));
}

/**
 * Commit one import atomically: database and IndexedDB both change, or neither does. A bulk import
 * (record.bulk) passes the file DuckDB read (a Blob), stored for the replay at start-up and undo.
 */
export async function commitImport(record: ImportRecord, blob?: Blob): Promise<ImportMeta> {
	const conn = await ensureData();
	if (imports.pending) throw new Error(pendingMessage());
	const bulk = record.bulk ? { ...$state.snapshot(record.bulk), staged: undefined } : undefined;
	const body: StoredBody = { columns: record.columns, owners: record.owners, bulk, blob };
	const result = await conn.transaction(async (tx) => {
		const counts = await timed('commit:apply', () => applyImport(tx, record));
		const m: ImportMeta = { ...meta(record), rowsAdded: counts.added, rowsReplaced: counts.replaced };
		// The file, the index and the base in one IndexedDB transaction: all three are stored or none.
		await timed('commit:store', () =>
			setMany(
				[
					[`import:${record.id}`, body],
					[INDEX_KEY, $state.snapshot([...imports.history, m])],
					[BASE_KEY, currentBase()]
				],
				store()
			)
		);
		return m;
	});
	bodies.set(record.id, { columns: record.columns, owners: record.owners, bulk, blob });
	// The rows are in the table now; the file waits on disk for a replay or an undo.
	if (bulk) await timed('commit:drop', () => dropBulkFile(bulk.file));
	imports.history = [...imports.history, result];
	updateProvenance();
	dataChanged();
	// The planner's next page after service levels or trainings: its queries go out now.
	if (record.dataset === 'service_levels' || record.dataset === 'trainings') askAhead(municipalitiesOpening);
	return result;
}

/** Undo one import: rebuild its dataset from the defaults and every other import, in order. */
export async function undoImport(id: string): Promise<void> {
	const target = imports.history.find((m) => m.id === id);
	if (!target) return;
	const conn = await ensureData();
	const remaining = fullRecords().filter((r) => r.id !== id);
	await withFiles(
		conn,
		remaining.filter((r) => r.dataset === target.dataset),
		() =>
			conn.transaction(async (tx) => {
				await rebuildDataset(tx, target.dataset, remaining);
				await writeIndex(remaining.map(meta));
			})
	);
	await del(`import:${id}`, store()).catch(() => undefined);
	bodies.delete(id);
	imports.history = imports.history.filter((m) => m.id !== id);
	updateProvenance();
	dataChanged();
}

/** Back to the embedded default data: every dataset, and the stored imports are forgotten. */
export async function resetToDefaults(): Promise<void> {
	const conn = await ensureData();
	await conn.transaction(async (tx) => {
		for (const d of DATASETS) await resetDataset(tx, d);
		await clear(store());
	});
	await dropAllBulkFiles();
	bodies.clear();
	imports.history = [];
	imports.notice = null;
	imports.pending = null;
	pendingIndex = [];
	updateProvenance();
	dataChanged();
}

/** Why nothing can be imported while earlier drafts wait (the page shows it as its error). */
let pendingMessage = () => 'Local imports from earlier wait for a decision: re-apply or discard them first.';
export function setPendingMessage(f: () => string): void {
	pendingMessage = f;
}

/**
 * Discard local changes (publishing.md): back to the published data (or the sample when nothing is
 * published); drafts that wait for a decision are forgotten too.
 */
export async function discardLocal(): Promise<void> {
	await resetToDefaults();
}

/** Re-apply drafts made on older published data on the data published now, in their order. */
export async function reapplyLocal(): Promise<void> {
	if (!imports.pending) return;
	const conn = await ensureData();
	const records = fullRecords(pendingIndex);
	const counted: ImportMeta[] = [];
	await withFiles(conn, records, () =>
		conn.transaction(async (tx) => {
			for (const r of records) {
				const c = await applyImport(tx, r);
				counted.push({ ...meta(r), rowsAdded: c.added, rowsReplaced: c.replaced });
			}
			await writeIndex(counted);
			await set(BASE_KEY, currentBase(), store());
		})
	);
	imports.history = counted;
	imports.pending = null;
	pendingIndex = [];
	updateProvenance();
	dataChanged();
}

export function newImportId(): string {
	return `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
