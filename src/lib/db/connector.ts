/** The one door to the database (STYLE.md "One door"): plain rows in, plain rows out. */
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
export interface ColumnSpec {
	name: string;
	type: ColumnType;
}

export interface Connector {
	/** Run SQL with positional `?` parameters; returns plain objects (BigInt → number). */
	query<T extends Row = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
	/** Run several statements without results. */
	exec(sql: string): Promise<void>;
	/** Bulk-insert column arrays into an existing table (columns in the given order). */
	insertColumns(table: string, columns: ColumnSpec[], data: Record<string, SqlValue[]>): Promise<void>;
	/** Run work atomically; the tx connector must be used inside. Optional for test doubles. */
	transaction?<T>(work: (tx: Connector) => Promise<T>): Promise<T>;
}

/** Quote an identifier for SQL; identifiers from files never enter SQL unquoted. */
export function ident(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}
