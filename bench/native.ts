/**
 * The physical reference: native DuckDB (the same engine as DuckDB-wasm, compiled for this CPU,
 * all cores) reading the file straight into a table. No validation, no municipality lookup, no
 * persistence — the floor an in-browser import can approach, not a like-for-like competitor.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { spread, type Spread } from './stats';

export interface NativeIngest {
	ms: Spread | null;
	rows: number;
	columnTypes: string[];
}

export async function nativeIngest(file: string, runs: number): Promise<NativeIngest> {
	const times: number[] = [];
	let rows = 0;
	let columnTypes: string[] = [];
	for (let run = 0; run < runs; run++) {
		const instance = await DuckDBInstance.create(':memory:');
		const c = await instance.connect();
		const path = file.replaceAll("'", "''");
		const t0 = performance.now();
		await c.run(
			`CREATE TABLE t AS SELECT * FROM read_csv('${path}', delim=';', decimal_separator=',', header=true)`
		);
		times.push(performance.now() - t0);
		const count = await c.runAndReadAll('SELECT count(*) AS n FROM t');
		rows = Number(count.getRowObjects()[0].n);
		const types = await c.runAndReadAll('SELECT column_name, column_type FROM (DESCRIBE t)');
		columnTypes = types.getRowObjects().map((r) => `${r.column_name} ${r.column_type}`);
		c.closeSync();
		instance.closeSync();
	}
	return { ms: spread(times), rows, columnTypes };
}
