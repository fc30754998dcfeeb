/**
 * Bundled by the benchmark (vite, IIFE `BenchDuck`) and loaded into an app page next to Papa Parse:
 * a second DuckDB-wasm of the same version as the app's, into which the JS baseline inserts its
 * parsed columns as one Arrow table — the insert a Papa-based import would need. Not app code.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { Float64, Int32, Table, Utf8, makeData, makeVector, vectorFromArray } from 'apache-arrow';

export interface Columns {
	municipality: string[];
	year: Int32Array;
	domain: string[];
	indicator: string[];
	value: Float64Array;
	/** 1 where value is present (Arrow validity bitmap, one bit per row). */
	valid: Uint8Array;
	unit: string[];
}

let db: duckdb.AsyncDuckDB | null = null;
let conn: duckdb.AsyncDuckDBConnection | null = null;

export async function open(workerUrl: string, wasmUrl: string): Promise<void> {
	db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(workerUrl));
	await db.instantiate(wasmUrl);
	conn = await db.connect();
}

/**
 * DuckDB-wasm's own CSV reader on the file, nothing else: the statement the native reference runs
 * (bench/native.ts), in the browser. The floor of any import that reads with DuckDB-wasm.
 */
export async function readCsv(
	bytes: Uint8Array
): Promise<{ rows: number; registerMs: number; readMs: number }> {
	if (!db || !conn) throw new Error('open() first');
	await db.dropFile('bench.csv').catch(() => undefined);
	await conn.query('DROP TABLE IF EXISTS r');
	const t0 = performance.now();
	await db.registerFileBuffer('bench.csv', bytes);
	const t1 = performance.now();
	await conn.query(
		`CREATE TABLE r AS SELECT * FROM read_csv('bench.csv', delim=';', decimal_separator=',', header=true)`
	);
	const t2 = performance.now();
	const r = await conn.query('SELECT count(*)::INTEGER AS n FROM r');
	await conn.query('DROP TABLE r');
	await db.dropFile('bench.csv');
	return { rows: Number(r.toArray()[0].n), registerMs: t1 - t0, readMs: t2 - t1 };
}

/** Builds the Arrow table and inserts it; returns the row count and the time of each step. */
export async function insert(
	c: Columns,
	table: string
): Promise<{ rows: number; arrowMs: number; insertMs: number }> {
	if (!conn) throw new Error('open() first');
	const t0 = performance.now();
	const n = c.year.length;
	let nulls = 0;
	for (let i = 0; i < n; i++) if (!(c.valid[i >> 3] & (1 << (i & 7)))) nulls++;
	const value = makeVector(
		makeData({ type: new Float64(), length: n, nullCount: nulls, data: c.value, nullBitmap: c.valid })
	);
	const arrow = new Table({
		municipality: vectorFromArray(c.municipality, new Utf8()),
		year: makeVector(makeData({ type: new Int32(), length: n, data: c.year })),
		domain: vectorFromArray(c.domain, new Utf8()),
		indicator: vectorFromArray(c.indicator, new Utf8()),
		value,
		unit: vectorFromArray(c.unit, new Utf8())
	});
	const t1 = performance.now();
	await conn.query(`DROP TABLE IF EXISTS ${table}`);
	await conn.insertArrowTable(arrow, { name: table, create: true });
	const t2 = performance.now();
	const r = await conn.query(`SELECT count(*)::INTEGER AS n FROM ${table}`);
	return { rows: Number(r.toArray()[0].n), arrowMs: t1 - t0, insertMs: t2 - t1 };
}

/** Time one statement (for profiling SQL in the browser's engine by hand). */
export async function time(sql: string): Promise<{ ms: number; rows: number }> {
	if (!conn) throw new Error('open() first');
	const t0 = performance.now();
	const r = await conn.query(sql);
	return { ms: performance.now() - t0, rows: r.numRows };
}

/** Register a file's bytes under a name (for profiling SQL by hand). */
export async function register(name: string, bytes: Uint8Array): Promise<void> {
	if (!db) throw new Error('open() first');
	await db.registerFileBuffer(name, bytes);
}
