import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createNodeConnector, type NodeConnector } from '$lib/db/nodeConnector';
import type { ColumnSpec, SqlValue } from '$lib/db/connector';

let conn: NodeConnector;
beforeEach(async () => {
	conn = await createNodeConnector();
	await conn.exec('CREATE TABLE t (id INTEGER, name VARCHAR, value DOUBLE, ok BOOLEAN)');
});
afterEach(() => conn.close());

const T: ColumnSpec[] = [
	{ name: 'id', type: 'INTEGER' },
	{ name: 'name', type: 'VARCHAR' },
	{ name: 'value', type: 'DOUBLE' },
	{ name: 'ok', type: 'BOOLEAN' }
];

describe('createNodeConnector().query(sql, params)', () => {
	it('binds positional ? parameters in order', async () => {
		expect(await conn.query('SELECT ? AS a, ? AS b, ? AS c', [2024, 'RM', true])).toEqual([
			{ a: 2024, b: 'RM', c: true }
		]);
	});
	it('binds null as SQL NULL', async () => {
		expect(await conn.query('SELECT ? IS NULL AS missing', [null])).toEqual([{ missing: true }]);
	});
	it('turns BIGINT into a number', async () => {
		expect(await conn.query('SELECT count(*) AS n, 3::BIGINT + 4 AS s FROM range(5)')).toEqual([
			{ n: 5, s: 7 }
		]);
	});
	it('turns DECIMAL into a number', async () => {
		expect(await conn.query('SELECT 1.25 AS d, sum(x) AS s FROM (VALUES (0.5), (0.25)) v(x)')).toEqual([
			{ d: 1.25, s: 0.75 }
		]);
	});
	it('turns a DATE into yyyy-mm-dd text', async () => {
		expect(await conn.query("SELECT DATE '2025-03-01' AS d")).toEqual([{ d: '2025-03-01' }]);
	});
	it('keeps a parameter a value, never SQL', async () => {
		const rows = await conn.query('SELECT ? AS v', ["x'); DROP TABLE t; --"]);
		const tables = await conn.query(
			"SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 't'"
		);
		expect([rows, tables]).toEqual([[{ v: "x'); DROP TABLE t; --" }], [{ n: 1 }]]);
	});
});

describe('createNodeConnector().exec(sql)', () => {
	it('runs several statements', async () => {
		await conn.exec("INSERT INTO t (id) VALUES (1); INSERT INTO t (id, name) VALUES (2, 'b');");
		expect(await conn.query('SELECT id, name FROM t ORDER BY id')).toEqual([
			{ id: 1, name: null },
			{ id: 2, name: 'b' }
		]);
	});
});

describe('createNodeConnector().insertColumns(table, columns, data)', () => {
	it('inserts column arrays as rows, nulls included', async () => {
		await conn.insertColumns('t', T, {
			id: [1, 2],
			name: ['Tallinn', null],
			value: [0.5, null],
			ok: [true, null]
		});
		expect(await conn.query('SELECT * FROM t ORDER BY id')).toEqual([
			{ id: 1, name: 'Tallinn', value: 0.5, ok: true },
			{ id: 2, name: null, value: null, ok: null }
		]);
	});
	it('inserts more rows than one statement holds, in order', async () => {
		const n = 1000;
		const ids = Array.from({ length: n }, (_, i) => i);
		await conn.insertColumns('t', T, {
			id: ids,
			name: ids.map((i) => `r${i}`),
			value: ids.map((i) => i / 4),
			ok: ids.map((i) => i % 2 === 0)
		});
		const rows = await conn.query('SELECT count(*) AS n, sum(value) AS s, max(name) AS m FROM t');
		expect(rows).toEqual([{ n, s: (n * (n - 1)) / 2 / 4, m: 'r999' }]);
	});
	it('fills only the columns given, the rest stay NULL', async () => {
		await conn.insertColumns('t', [T[1], T[0]], { name: ['x'], id: [7] });
		expect(await conn.query('SELECT * FROM t')).toEqual([{ id: 7, name: 'x', value: null, ok: null }]);
	});
	it('converts values to the column types', async () => {
		await conn.insertColumns('t', T, { id: ['12'], name: [3], value: [2], ok: [1] } as Record<
			string,
			SqlValue[]
		>);
		expect(await conn.query('SELECT * FROM t')).toEqual([{ id: 12, name: '3', value: 2, ok: true }]);
	});
	it('does nothing for no rows', async () => {
		await conn.insertColumns('t', T, { id: [], name: [], value: [], ok: [] });
		expect(await conn.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
	});
	it('quotes the table and column names', async () => {
		await conn.exec('CREATE TABLE "we""ird" ("co""l" VARCHAR)');
		await conn.insertColumns('we"ird', [{ name: 'co"l', type: 'VARCHAR' }], { 'co"l': ['ok'] });
		expect(await conn.query('SELECT * FROM "we""ird"')).toEqual([{ 'co"l': 'ok' }]);
	});
});

describe('createNodeConnector().transaction(work)', () => {
	it('commits what the work did and returns its result', async () => {
		const result = await conn.transaction(async (tx) => {
			await tx.insertColumns('t', [T[0]], { id: [1, 2] });
			return 'done';
		});
		expect([result, await conn.query('SELECT count(*) AS n FROM t')]).toEqual(['done', [{ n: 2 }]]);
	});
	it('rolls everything back and rethrows when the work fails', async () => {
		const failing = conn.transaction(async (tx) => {
			await tx.exec('INSERT INTO t (id) VALUES (1)');
			throw new Error('bad row');
		});
		await expect(failing).rejects.toThrow('bad row');
		expect(await conn.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
	});
	it('holds the connection: a query made meanwhile runs after it, not inside it', async () => {
		const failing = conn.transaction(async (tx) => {
			await tx.exec('INSERT INTO t (id) VALUES (1)');
			await new Promise((resolve) => setTimeout(resolve, 20));
			throw new Error('bad row');
		});
		const meanwhile = conn.query('SELECT count(*) AS n FROM t');
		await expect(failing).rejects.toThrow('bad row');
		expect(await meanwhile).toEqual([{ n: 0 }]);
	});
});
