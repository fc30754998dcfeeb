/**
 * A Connector over native DuckDB (`@duckdb/node-api`) for Node: the tests that compare the SQL with
 * the TypeScript metric rules, and the build-time data preparation. Never imported by the app.
 */
import {
	DuckDBDecimalValue,
	DuckDBInstance,
	type DuckDBConnection,
	type DuckDBPreparedStatement,
	type DuckDBResultReader,
	type DuckDBValue
} from '@duckdb/node-api';
import {
	ident,
	type ColumnSpec,
	type ColumnType,
	type Connector,
	type Row,
	type SqlValue
} from './connector';

export type NodeConnector = Connector & {
	transaction<T>(work: (tx: Connector) => Promise<T>): Promise<T>;
	close(): void;
};

/** Native values → the plain values every Connector returns (BigInt → number, dates as yyyy-mm-dd). */
function plain(value: DuckDBValue | undefined): SqlValue {
	if (value === undefined || value === null) return null;
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof DuckDBDecimalValue) return value.toDouble();
	if (typeof value === 'object') return String(value);
	return value;
}

function rowsOf<T extends Row>(reader: DuckDBResultReader): T[] {
	const names = reader.columnNames();
	return reader.getRows().map((cells) => {
		const row: Row = {};
		names.forEach((name, i) => (row[name] = plain(cells[i])));
		return row as T;
	});
}

const COLUMN_TYPES: ReadonlySet<ColumnType> = new Set(['VARCHAR', 'DOUBLE', 'INTEGER', 'BOOLEAN']);
/** Rows per INSERT statement: 256 rows × ~20 columns stays well under DuckDB's parameter limits. */
const BATCH = 256;

function direct(conn: DuckDBConnection): Connector {
	return {
		async query<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
			if (params.length === 0) return rowsOf<T>(await conn.runAndReadAll(sql));
			const statement = await conn.prepare(sql);
			try {
				statement.bind(params);
				return rowsOf<T>(await statement.runAndReadAll());
			} finally {
				statement.destroySync();
			}
		},
		async exec(sql: string): Promise<void> {
			await conn.run(sql);
		},
		async insertColumns(table: string, columns: ColumnSpec[], data: Record<string, SqlValue[]>) {
			const n = columns.length ? (data[columns[0].name]?.length ?? 0) : 0;
			if (n === 0) return;
			for (const c of columns) {
				if (!COLUMN_TYPES.has(c.type)) throw new Error(`insertColumns: unknown column type ${c.type}`);
			}
			const names = columns.map((c) => ident(c.name)).join(', ');
			const row = `(${columns.map((c) => `CAST(? AS ${c.type})`).join(', ')})`;
			// One prepared statement per batch size: all full batches share one, the remainder gets its own.
			const statements = new Map<number, DuckDBPreparedStatement>();
			try {
				for (let start = 0; start < n; start += BATCH) {
					const end = Math.min(n, start + BATCH);
					let statement = statements.get(end - start);
					if (!statement) {
						const rows = Array.from({ length: end - start }, () => row).join(', ');
						statement = await conn.prepare(`INSERT INTO ${ident(table)} (${names}) VALUES ${rows}`);
						statements.set(end - start, statement);
					}
					const values: SqlValue[] = [];
					for (let i = start; i < end; i++) for (const c of columns) values.push(data[c.name]?.[i] ?? null);
					statement.bind(values);
					await statement.run();
				}
			} finally {
				for (const statement of statements.values()) statement.destroySync();
			}
		}
	};
}

export async function createNodeConnector(): Promise<NodeConnector> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const unqueued = direct(conn);

	// One connection, one statement at a time, like the DuckDB-wasm connector: a transaction holds
	// the connection, so nothing outside it can slip in between its statements.
	let queue: Promise<unknown> = Promise.resolve();
	function serial<T>(work: () => Promise<T>): Promise<T> {
		const next = queue.then(work, work);
		queue = next.catch(() => undefined);
		return next;
	}

	return {
		query: (sql, params) => serial(() => unqueued.query(sql, params)),
		exec: (sql) => serial(() => unqueued.exec(sql)),
		insertColumns: (table, columns, data) => serial(() => unqueued.insertColumns(table, columns, data)),
		transaction<T>(work: (tx: Connector) => Promise<T>): Promise<T> {
			return serial(async () => {
				await conn.run('BEGIN TRANSACTION');
				try {
					const result = await work(unqueued);
					await conn.run('COMMIT');
					return result;
				} catch (e) {
					await conn.run('ROLLBACK');
					throw e;
				}
			});
		},
		close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}
