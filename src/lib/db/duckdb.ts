/**
 * The only module that imports DuckDB-wasm. Self-hosts the eh bundle (wasm + worker) through Vite
 * `?url` imports, so nothing is fetched from a CDN (NOTES-stack.md traps 6 and 7).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type Vector } from 'apache-arrow';
import { toVector } from './arrowColumns';
import { ident, type ColumnSpec, type Connector, type Row, type SqlValue } from './connector';
import { EngineError, startWatch, wasmSource, within } from './engine';
import { ReadWriteQueue } from './queue';
import { LookupIndexes } from './lookupIndex';
import { ehWasm, spawnEngineWorker } from './engineWorker';
import { now, record, timed } from '$lib/perf';

let started: Promise<DuckDbConnector> | null = null;
const STATEMENTS = 64;

/** Start DuckDB once (lazily) and return the connector; every caller shares the same promise. */
export function startDuckDb(): Promise<DuckDbConnector> {
	started ??= open();
	return started;
}

/** Longest a start may hang before it is reported (downloading 34 MB on a slow line is not a hang). */
const START_TIMEOUT_MS = 60_000;

async function open(): Promise<DuckDbConnector> {
	if (typeof WebAssembly !== 'object') throw new EngineError('webassembly', ehWasm);
	// Absolute: DuckDB's worker resolves the wasm's URL against the wrapper's location.
	const source = timed('engine:head', () => wasmSource(ehWasm)).then(
		(url) => new URL(url, location.href).href
	);
	// static/engine-worker.js loads DuckDB's worker and reports what DuckDB-wasm leaves unhandled;
	// the boot has usually spawned it already (engineWorker.ts), so the wasm is compiling.
	const { worker, failed: workerFailed } = spawnEngineWorker();
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	const watch = startWatch(ehWasm);
	try {
		await within(
			Promise.race([
				source.then((url) =>
					timed('engine:instantiate', () => db.instantiate(url, null, () => watch.progress()))
				),
				workerFailed,
				watch.failed
			]),
			START_TIMEOUT_MS,
			() => new EngineError('timeout', ehWasm, null, null, `${START_TIMEOUT_MS / 1000} s`)
		);
	} catch (e) {
		worker.terminate();
		throw e instanceof EngineError ? e : new EngineError('start', ehWasm, null, null, String(e));
	} finally {
		watch.stop();
	}
	// A pending query (the background index build, lookupIndex.ts) runs one task per poll instead of
	// as many as fit in DuckDB-wasm's default 100 ms: a read waiting for a slice waits for one task,
	// ≈ 80–110 ms at 1M rows instead of up to 170 ms (DuckDB-wasm's Node build).
	await timed('engine:open', () => db.open({ query: { queryPollingInterval: 10 } }));
	const conn = await db.connect();
	// Extension autoload would try to download from the internet; the app makes no external requests.
	await conn.query('SET autoinstall_known_extensions=false');
	await conn.query('SET autoload_known_extensions=false');
	return new DuckDbConnector(db, conn);
}

/**
 * A query over SLOW_QUERY_MS is put on the timeline as `kov:sql:<its start>` (the browser's
 * performance panel and the benchmark see which statements a page waits for).
 */
const SLOW_QUERY_MS = 25;
function slowQuery(sql: string, start: number): void {
	const end = now();
	if (end - start >= SLOW_QUERY_MS) record(`sql:${sql.replace(/\s+/g, ' ').trim().slice(0, 60)}`, start, end);
}

function plain(value: unknown): SqlValue {
	if (typeof value === 'bigint') return Number(value);
	if (value === undefined) return null;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return value as SqlValue;
}

export class DuckDbConnector implements Connector {
	/** Reads go out back to back; writes and transactions hold the connection alone (queue.ts). */
	private readonly queue = new ReadWriteQueue({
		busy: () => this.indexes.busy(),
		idle: () => this.indexes.idle()
	});
	private stageCounter = 0;
	/** The second connection, for index builds that reads may interleave with (lookupIndex.ts). */
	private side: Promise<duckdb.AsyncDuckDBConnection> | null = null;

	constructor(
		readonly db: duckdb.AsyncDuckDB,
		private readonly conn: duckdb.AsyncDuckDBConnection
	) {}

	readonly indexes = new LookupIndexes({
		queued: (work) => this.serial(work),
		count: async (table) => {
			const t = await this.conn.query(`SELECT count(*)::DOUBLE AS n FROM ${ident(table)}`);
			return Number(t.getChildAt(0)?.get(0) ?? 0);
		},
		exec: async (sql) => {
			await this.conn.query(sql);
		},
		background: async (sql) => {
			this.side ??= this.db.connect();
			// `send` runs the statement in slices (DuckDB-wasm's pending query, polled by messages), so
			// the main connection's queries are answered in between.
			await (await this.side).send(sql);
		},
		cancelBackground: async () => {
			if (this.side) await (await this.side).cancelSent();
		},
		// `<html data-ready>` (ui-contract): the page has drawn what it was loading.
		mayStart: () => typeof document === 'undefined' || document.documentElement.dataset.ready === 'true',
		built: (spec, ms) => {
			const end = now();
			record(`index:${spec.table}.${spec.column}`, end - ms, end);
		}
	});

	/**
	 * Prepared statements by their SQL, kept for reuse: preparing costs DuckDB-wasm 8–14 ms, more
	 * than running a filter query on a million rows (issue "Performance"). The few dozen query
	 * texts of the app fit; the oldest is closed beyond STATEMENTS.
	 */
	private readonly statements = new Map<string, duckdb.AsyncPreparedStatement>();

	private async prepared(sql: string, params: SqlValue[]) {
		const stmt = this.statements.get(sql);
		let failure: unknown = null;
		if (stmt) {
			this.statements.delete(sql); // most recently used goes last
			this.statements.set(sql, stmt);
			try {
				return await stmt.query(...params);
			} catch (e) {
				// A statement can go stale when tables it reads are replaced: prepare it again, once.
				// Should that fail too, the first error is the one to report.
				failure = e;
				this.statements.delete(sql);
				await stmt.close().catch(() => undefined);
			}
		}
		if (failure !== null) {
			try {
				return await this.fresh(sql, params);
			} catch {
				throw failure;
			}
		}
		return this.fresh(sql, params);
	}

	private async fresh(sql: string, params: SqlValue[]) {
		const stmt = await this.conn.prepare(sql);
		this.statements.set(sql, stmt);
		if (this.statements.size > STATEMENTS) {
			const [oldest, old] = this.statements.entries().next().value as [string, duckdb.AsyncPreparedStatement];
			this.statements.delete(oldest);
			await old.close().catch(() => undefined);
		}
		return stmt.query(...params);
	}

	/**
	 * Work that holds the connection alone: nothing else runs in between, so transactions never
	 * interleave. The queue going quiet is what lets the background index build start (lookupIndex.ts).
	 */
	private serial<T>(work: () => Promise<T>): Promise<T> {
		return this.queue.write(work);
	}

	/** A write: the background index build stops and the lookup indexes go first. */
	private write<T>(work: () => Promise<T>): Promise<T> {
		return this.serial(async () => {
			await this.indexes.beforeWrite();
			return work();
		});
	}

	query<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
		return this.queue.read(() => this.direct.query<T>(sql, params));
	}

	exec(sql: string): Promise<void> {
		return this.write(() => this.direct.exec(sql));
	}

	insertColumns(table: string, columns: ColumnSpec[], data: Record<string, SqlValue[]>): Promise<void> {
		return this.write(() => this.direct.insertColumns(table, columns, data));
	}

	/**
	 * Run `work` as one transaction holding the connection: nothing else runs in between, and any
	 * failure rolls every statement back (data-contract "Commit is atomic").
	 */
	transaction<T>(work: (tx: Connector) => Promise<T>): Promise<T> {
		return this.write(async () => {
			await this.conn.query('BEGIN TRANSACTION');
			try {
				const result = await work(this.direct);
				await this.conn.query('COMMIT');
				return result;
			} catch (e) {
				await this.conn.query('ROLLBACK');
				throw e;
			}
		});
	}

	/** The unqueued connector, used inside a transaction. */
	private readonly direct: Connector = {
		query: async <T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> => {
			const start = now();
			let table;
			if (params.length) table = await this.prepared(sql, params);
			else table = await this.conn.query(sql);
			slowQuery(sql, start);
			// Column by column: Arrow's row objects look each field up through a proxy, which cost more
			// than the query itself for a few ten thousand rows (issue #20, peer=similar at 1M rows).
			const names = table.schema.fields.map((f) => f.name);
			const columns = names.map((_, i) => table.getChildAt(i));
			const out: T[] = new Array(table.numRows);
			for (let r = 0; r < table.numRows; r++) {
				const o: Row = {};
				for (let c = 0; c < names.length; c++) o[names[c]] = plain(columns[c]?.get(r));
				out[r] = o as T;
			}
			return out;
		},
		exec: async (sql: string) => {
			await this.conn.query(sql);
		},
		insertColumns: async (table: string, columns: ColumnSpec[], data: Record<string, SqlValue[]>) => {
			const vectors: Record<string, Vector> = {};
			for (const c of columns) vectors[c.name] = toVector(data[c.name] ?? [], c.type);
			const stage = `_stage_${++this.stageCounter}`;
			await this.conn.insertArrowTable(new Table(vectors), { name: stage, create: true });
			const names = columns.map((c) => ident(c.name)).join(', ');
			try {
				await this.conn.query(`INSERT INTO ${ident(table)} (${names}) SELECT ${names} FROM ${ident(stage)}`);
			} finally {
				await this.conn.query(`DROP TABLE IF EXISTS ${ident(stage)}`);
			}
		}
	};

	/** Register a file's bytes under a name so `read_csv`/`read_parquet` can read it. */
	registerBuffer(name: string, bytes: Uint8Array): Promise<void> {
		return this.serial(() => this.db.registerFileBuffer(name, bytes));
	}

	/** Run a `COPY … TO name` into DuckDB's in-memory file system and return the bytes it wrote. */
	copyToBuffer(name: string, sql: string): Promise<Uint8Array> {
		return this.serial(async () => {
			await this.db.registerEmptyFileBuffer(name);
			try {
				await this.conn.query(sql);
				return await this.db.copyFileToBuffer(name);
			} finally {
				await this.db.dropFile(name);
			}
		});
	}

	dropFile(name: string): Promise<void> {
		return this.serial(async () => {
			await this.db.dropFile(name);
		});
	}
}
