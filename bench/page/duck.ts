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

let conn: duckdb.AsyncDuckDBConnection | null = null;

export async function open(workerUrl: string, wasmUrl: string): Promise<void> {
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(workerUrl));
	await db.instantiate(wasmUrl);
	conn = await db.connect();
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
