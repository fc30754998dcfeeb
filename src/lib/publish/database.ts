/**
 * The optional DuckDB database file beside a large dataset's `.csv.gz` (publishing.md: "it may be
 * an optional, faster CLI output, never the only one"). Native DuckDB writes it in `kov publish`;
 * the page attaches it read-only from memory and copies its table in, with no CSV to unzip and
 * parse: at 1,000,000 service-level rows the load took 0.43–0.60 s instead of 0.82–1.07 s
 * (browser, alternating runs). DuckDB-wasm cannot write one, so a bundle from the page has none.
 *
 * Storage version v1.0.0: every DuckDB from 1.0 on reads it, whichever DuckDB wrote it.
 */
import { ident, type Connector } from '$lib/db/connector';
import type { DatasetName } from '$lib/types';
import { orderBy, publishedColumns, quote } from './manifest';

/**
 * From this many rows `kov publish` writes the database file too. At 100,000 rows the page read
 * it no faster than the CSV (0.17–0.24 s vs 0.13–0.33 s, DuckDB-wasm in Node) and it was larger
 * (1.1 MB vs 0.7 MB); at 1,000,000 rows it was twice as fast.
 */
export const DATABASE_MIN_ROWS = 250_000;

const OUT = '_kov_out';

/** The name a dataset's published database file is attached under. */
export function databaseAlias(dataset: DatasetName): string {
	return `_kov_published_${dataset}`;
}

/** Write `dataset` as a database file at `path`: its published columns and types, in key order. */
export function exportDatabaseSql(dataset: DatasetName, path: string): string {
	const cols = publishedColumns(dataset)
		.map((c) => `${ident(c.name)}::${c.type} AS ${ident(c.name)}`)
		.join(', ');
	return `ATTACH ${quote(path)} AS ${OUT} (STORAGE_VERSION 'v1.0.0');
		CREATE TABLE ${OUT}.${ident(dataset)} AS SELECT ${cols} FROM ${ident(dataset)} ORDER BY ${orderBy(dataset)};
		DETACH ${OUT};`;
}

/**
 * Attach read-only. Outside a transaction, as its DETACH: DuckDB detaches a database only when no
 * open transaction has read it.
 */
export function attachDatabaseSql(dataset: DatasetName, path: string): string {
	return `ATTACH ${quote(path)} AS ${databaseAlias(dataset)} (READ_ONLY)`;
}

export function detachDatabaseSql(dataset: DatasetName): string {
	return `DETACH DATABASE IF EXISTS ${databaseAlias(dataset)}`;
}

/** The attached file's columns of the dataset's table, in order (`name TYPE`). */
function databaseColumnsSql(dataset: DatasetName): string {
	return `SELECT column_name || ' ' || data_type AS c FROM duckdb_columns()
		WHERE database_name = ${quote(databaseAlias(dataset))} AND table_name = ${quote(dataset)} ORDER BY column_index`;
}

/**
 * Why the attached file's table is not the dataset's (its columns and types must be exactly the
 * published ones), or null when it is.
 */
export async function databaseColumnsProblem(conn: Connector, dataset: DatasetName): Promise<string | null> {
	const got = (await conn.query<{ c: string }>(databaseColumnsSql(dataset))).map((r) => r.c).join(', ');
	const want = publishedColumns(dataset)
		.map((c) => `${c.name} ${c.type}`)
		.join(', ');
	return got === want ? null : `table ${dataset}: columns ${got || '(none)'} ≠ ${want}`;
}

/** The attached file's table, with the published columns (for reading and for comparing). */
export function attachedTable(dataset: DatasetName): string {
	return `${databaseAlias(dataset)}.${ident(dataset)}`;
}

/** Copy the attached file's table into the dataset's table (source `published`). */
export function readDatabaseSql(dataset: DatasetName, source = 'published'): string {
	const names = publishedColumns(dataset)
		.map((c) => ident(c.name))
		.join(', ');
	return `INSERT INTO ${ident(dataset)} (${names}, source) SELECT ${names}, ${quote(source)} FROM ${attachedTable(dataset)}`;
}
