/**
 * A Connector over native DuckDB (`@duckdb/node-api`) for Node: the tests that compare the SQL with
 * the TypeScript metric rules, and the build-time data preparation. Never imported by the app.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { ident, type ColumnSpec, type Connector, type Row, type SqlValue } from './connector';

function plain(v: unknown): SqlValue {
	if (typeof v === 'bigint') return Number(v);
	if (v === undefined) return null;
	if (v !== null && typeof v === 'object') return String(v);
	return v as SqlValue;
}

export async function createNodeConnector(): Promise<
	Connector & { close(): void; transaction<T>(w: (tx: Connector) => Promise<T>): Promise<T> }
> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn: DuckDBConnection = await instance.connect();

	const connector: Connector = {
		async query<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
			const reader = await conn.runAndReadAll(sql, params as DuckDBValue[]);
			const names = reader.columnNames();
			return reader.getRows().map((r) => {
				const o: Row = {};
				names.forEach((n, i) => (o[n] = plain(r[i])));
				return o as T;
			});
		},
		async exec(sql: string): Promise<void> {
			await conn.run(sql);
		},
		async insertColumns(
			table: string,
			columns: ColumnSpec[],
			data: Record<string, SqlValue[]>
		): Promise<void> {
			const n = data[columns[0].name]?.length ?? 0;
			const placeholders = `(${columns.map(() => '?').join(', ')})`;
			const names = columns.map((c) => ident(c.name)).join(', ');
			const BATCH = 500;
			for (let start = 0; start < n; start += BATCH) {
				const end = Math.min(n, start + BATCH);
				const values: SqlValue[] = [];
				for (let i = start; i < end; i++) for (const c of columns) values.push(data[c.name]?.[i] ?? null);
				const rows = Array.from({ length: end - start }, () => placeholders).join(', ');
				const casts = columns.map((c) => `CAST(${ident(c.name)} AS ${c.type})`).join(', ');
				await conn.run(
					`INSERT INTO ${ident(table)} (${names}) SELECT ${casts} FROM (VALUES ${rows}) v(${names})`,
					values as DuckDBValue[]
				);
			}
		}
	};
	return {
		...connector,
		async transaction<T>(work: (tx: Connector) => Promise<T>): Promise<T> {
			await conn.run('BEGIN TRANSACTION');
			try {
				const r = await work(connector);
				await conn.run('COMMIT');
				return r;
			} catch (e) {
				await conn.run('ROLLBACK');
				throw e;
			}
		},
		close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}
