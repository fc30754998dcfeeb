import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { createNodeConnector } from '$lib/db/nodeConnector';
import { createSchemaSql } from '$lib/db/schema';
import { sampleInsertSql } from '$lib/db/defaultsSql';
import { askedAhead } from '$lib/data/askedAhead';
import type { Connector, Row, SqlValue } from '$lib/db/connector';
import {
	defaultIndicator,
	loadIndicatorRows,
	loadIndicators,
	loadMunicipalities,
	loadTrainingParticipants,
	municipalitiesOpening
} from '$lib/queries/municipalities';

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let duck: Conn;

beforeAll(async () => {
	duck = await createNodeConnector();
	await duck.exec(createSchemaSql());
	for (const [d, f] of [
		['municipalities', 'data/municipalities.csv'],
		['trainings', 'data/sample/trainings.csv'],
		['service_levels', 'data/sample/service_levels.csv']
	] as const)
		await duck.exec(sampleInsertSql(d, join(process.cwd(), f)));
});
afterAll(() => duck.close());

/** DuckDB, counting what it is asked. */
function counted(conn: Connector = duck) {
	const asked: string[] = [];
	const c: Connector = {
		query<T extends Row = Row>(sql: string, params: SqlValue[] = []) {
			asked.push(sql);
			return conn.query<T>(sql, params);
		},
		exec: (sql) => conn.exec(sql),
		insertColumns: (t, cols, v) => conn.insertColumns(t, cols, v)
	};
	return { c, asked };
}

/** The reader's order: a kept answer for this version, else DuckDB. */
function viewConnector(ahead: ReturnType<typeof askedAhead>, version: number, conn: Connector): Connector {
	return {
		query<T extends Row = Row>(sql: string, params: SqlValue[] = []) {
			return (ahead.answer(version, sql, params) as Promise<T[]> | null) ?? conn.query<T>(sql, params);
		},
		exec: (sql) => conn.exec(sql),
		insertColumns: (t, cols, v) => conn.insertColumns(t, cols, v)
	};
}

/** What /municipalities loads on opening without an indicator in the URL (its page's loaders). */
async function pageOpening(conn: Connector) {
	const [municipalities, indicators] = await Promise.all([loadMunicipalities(conn), loadIndicators(conn)]);
	const first = defaultIndicator(indicators);
	const rows = first ? await loadIndicatorRows(conn, first) : [];
	const participants = await loadTrainingParticipants(conn);
	return { municipalities, indicators, rows, participants };
}

describe('answers asked ahead of the next view (after an import)', () => {
	it('answer the page exactly as DuckDB does, and DuckDB is asked nothing more', async () => {
		const ahead = askedAhead();
		const db = counted();
		await ahead.ask(7, async () => db.c, municipalitiesOpening);
		const sent = db.asked.length;
		expect(sent).toBe(4); // municipalities, indicators, the default's rows, participants
		const page = counted();
		const got = await pageOpening(viewConnector(ahead, 7, page.c));
		expect(page.asked).toEqual([]);
		expect(got).toEqual(await pageOpening(duck));
		expect(got.rows.length).toBeGreaterThan(79);
		expect(got.participants.length).toBeGreaterThan(0);
	});

	it('a view opened while the queries still run waits for the same queries, not new ones', async () => {
		const ahead = askedAhead();
		const db = counted();
		const asking = ahead.ask(3, async () => db.c, municipalitiesOpening);
		const page = counted();
		const got = pageOpening(viewConnector(ahead, 3, page.c));
		await asking;
		expect((await got).municipalities).toHaveLength(79);
		// The page's lists came from the queries already sent; only what it asks that the opening does
		// not (nothing here) would reach DuckDB.
		expect(page.asked).toEqual([]);
		expect(db.asked).toHaveLength(4);
	});

	it('answer only the data they were asked for: another version or another indicator asks DuckDB', async () => {
		const ahead = askedAhead();
		await ahead.ask(5, async () => duck, municipalitiesOpening);
		const indicators = await loadIndicators(duck);
		const first = defaultIndicator(indicators);
		const other = indicators.find((i) => i.indicator !== first?.indicator && i.years.length);
		expect(first && other).toBeTruthy();
		const page = counted();
		await loadIndicatorRows(viewConnector(ahead, 6, page.c), first!);
		expect(page.asked).toHaveLength(1); // the data changed since: DuckDB answers
		await loadIndicatorRows(viewConnector(ahead, 5, page.c), other!);
		expect(page.asked).toHaveLength(2); // not asked ahead
		await loadIndicatorRows(viewConnector(ahead, 5, page.c), first!);
		expect(page.asked).toHaveLength(2);
		// A later ask (the next import) replaces the earlier answers.
		await ahead.ask(6, async () => duck, municipalitiesOpening);
		expect(ahead.answer(5, 'SELECT 1')).toBeNull();
		await loadIndicatorRows(viewConnector(ahead, 5, page.c), first!);
		expect(page.asked).toHaveLength(3);
	});

	it('a query that failed is not kept: the view that got it sees the error, the next one asks DuckDB', async () => {
		const ahead = askedAhead();
		const failing: Connector = {
			query: () => Promise.reject(new Error('Out of Memory Error: could not allocate block')),
			exec: () => Promise.resolve(),
			insertColumns: () => Promise.resolve()
		};
		const asking = ahead.ask(1, async () => failing, municipalitiesOpening);
		const page = counted();
		await expect(loadMunicipalities(viewConnector(ahead, 1, page.c))).rejects.toThrow('Out of Memory');
		await asking;
		expect(page.asked).toEqual([]);
		expect(await loadMunicipalities(viewConnector(ahead, 1, page.c))).toHaveLength(79);
		expect(page.asked).toHaveLength(1);
	});

	it('only read: a write through it is refused', async () => {
		const ahead = askedAhead();
		let refused: unknown = null;
		await ahead.ask(1, async () => duck, (c) => c.exec('DELETE FROM municipalities').catch((e) => (refused = e)));
		expect(String(refused)).toMatch(/only reads/);
		expect(await loadMunicipalities(duck)).toHaveLength(79);
	});
});
