/**
 * The loaders the Pollock benchmark is run on here, each turning one polluted file into the CSV
 * Pollock scores (`<file>_converted.csv`). A loader that fails writes "Application Error" and the
 * reason, as Pollock's own clients (sut/*) do, which its scorer counts as not successful.
 */
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { readTable } from '../../src/lib/import/read/readTable';
import { tableCsv } from '../../src/lib/import/read/tableCsv';

export const APPLICATION_ERROR = 'Application Error\n';

/** Our reader: exactly what `npm run kov -- read <file> --out <table.csv>` writes (a text file). */
export function oursCsv(bytes: Uint8Array): string {
	const r = readTable(bytes, { emptyTable: true });
	if ('problem' in r) return `${APPLICATION_ERROR}${r.problem.code} ${JSON.stringify(r.problem.params)}`;
	return tableCsv(r.header, r.rows);
}

/** Papa Parse in its default mode: `Papa.parse(text)` (the text decoded as UTF-8), written back by `Papa.unparse`. */
export function papaCsv(bytes: Uint8Array): string {
	const text = new TextDecoder('utf-8').decode(bytes);
	const parsed = Papa.parse<string[]>(text);
	return Papa.unparse(parsed.data);
}

/**
 * DuckDB's CSV sniffer as Pollock's sut/duckdbauto runs it (`read_csv(file, strict_mode=False,
 * ignore_errors=True, null_padding=True)`), with the native DuckDB of our package.json instead of
 * Pollock's Python duckdb 1.2; the result is written as that client's `rel.df().to_csv(index=False)`
 * would: NULL as an empty cell, an integer column with NULLs as floats (`2.0`), booleans as
 * `True`/`False`, timestamps as `yyyy-mm-dd hh:mm:ss`, and the csv module's minimal quoting.
 */
export async function duckdbAutoCsv(path: string, instance: DuckDBInstance): Promise<string> {
	const c = await instance.connect();
	try {
		const p = path.replaceAll("'", "''");
		await c.run(
			`CREATE OR REPLACE TEMP TABLE t AS SELECT * FROM read_csv('${p}', strict_mode=false, ignore_errors=true, null_padding=true)`
		);
		const desc = (await c.runAndReadAll('DESCRIBE t')).getRowObjects() as {
			column_name: string;
			column_type: string;
		}[];
		const nulls = desc.length
			? ((
					await c.runAndReadAll(
						`SELECT ${desc.map((d, i) => `count(*) - count(${ident(d.column_name)}) AS n${i}`).join(', ')} FROM t`
					)
				).getRows()[0] as (bigint | number)[])
			: [];
		const exprs = desc.map((d, i) => pandasText(ident(d.column_name), d.column_type, Number(nulls[i]) > 0));
		const rows = desc.length
			? ((await c.runAndReadAll(`SELECT ${exprs.join(', ')} FROM t`)).getRows() as (string | null)[][])
			: [];
		const lines = [desc.map((d) => d.column_name), ...rows].map((r) => pyCsvRow(r.map((v) => v ?? '')));
		return lines.map((l) => l + '\n').join('');
	} finally {
		c.closeSync();
	}
}

function ident(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

function pandasText(col: string, type: string, hasNulls: boolean): string {
	if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(type))
		return hasNulls ? `CAST(${col} AS VARCHAR) || '.0'` : `CAST(${col} AS VARCHAR)`;
	if (type === 'BOOLEAN') return `CASE WHEN ${col} THEN 'True' WHEN NOT ${col} THEN 'False' END`;
	if (type === 'DATE') return `strftime(${col}, '%Y-%m-%d')`;
	if (type.startsWith('TIMESTAMP')) return `strftime(${col}, '%Y-%m-%d %H:%M:%S')`;
	return `CAST(${col} AS VARCHAR)`;
}

/** One row as Python's csv.writer (QUOTE_MINIMAL, `"`, `,`) writes it, without the line end. */
function pyCsvRow(cells: string[]): string {
	if (cells.length === 1 && cells[0] === '') return '""';
	return cells.map((s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)).join(',');
}
