import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createNodeConnector } from '$lib/db/nodeConnector';
import { createSchemaSql } from '$lib/db/schema';
import { parseManifest } from '$lib/publish/manifest';
import {
	MAX_START_ROWS,
	computeStartResults,
	parseStartResults,
	startResult
} from '$lib/publish/startResults';
import { INDICATORS_SQL, INDICATOR_ROWS_SQL, MUNICIPALITIES_SQL } from '$lib/queries/municipalities';
import { loadOverview, loadProgressYears, loadStandings } from '$lib/queries/overview';
import { loadMissingReports } from '$lib/queries/missingReports';
import type { Connector, SqlValue } from '$lib/db/connector';
import { DATASETS } from '$lib/types';
import { activity, planDatabase, report } from '../progressRow';

const example = parseManifest(readFileSync('tests/fixtures/published-sample/manifest.json', 'utf8'));
const results = example.summary?.results ?? [];

describe('start results in the manifest', () => {
	it('answer exactly the SQL they were computed for, without parameters', () => {
		const list = startResult(results, example.datasets, INDICATORS_SQL);
		expect(list?.length).toBeGreaterThan(0);
		expect(list?.[0]).toHaveProperty('indicator');
		expect(startResult(results, example.datasets, MUNICIPALITIES_SQL)).toHaveLength(79);
		// Another text (another build's SQL) or any parameter: DuckDB answers.
		expect(startResult(results, example.datasets, INDICATORS_SQL + ' ')).toBeNull();
		expect(startResult(results, example.datasets, INDICATORS_SQL, ['Ametnike arv'])).toBeNull();
		expect(startResult(undefined, example.datasets, INDICATORS_SQL)).toBeNull();
	});

	it('are not used when the folder lacks a dataset the query reads (it is then the sample)', () => {
		const withoutLevels = { ...example.datasets, service_levels: undefined };
		expect(startResult(results, withoutLevels, INDICATORS_SQL)).toBeNull();
		expect(startResult(results, withoutLevels, MUNICIPALITIES_SQL)).toHaveLength(79);
	});

	it('with parameters, answer only the same values', () => {
		const standings = results.filter((r) => r.params?.length);
		expect(standings.length).toBeGreaterThan(0);
		const r = standings[0];
		expect(startResult(results, example.datasets, r.sql, r.params)).toBe(r.rows);
		expect(startResult(results, example.datasets, r.sql)).toBeNull();
		expect(startResult(results, example.datasets, r.sql, [...(r.params ?? []), 1])).toBeNull();
		const other = (r.params ?? []).map((v) => (typeof v === 'number' ? v - 10 : v));
		expect(startResult(results, example.datasets, r.sql, other)).toBeNull();
		expect(startResult(results, { ...example.datasets, progress: undefined }, r.sql, r.params)).toBeNull();
	});

	it('a malformed entry is dropped, the well-formed ones kept', () => {
		const good = { sql: 'SELECT 1 AS x', reads: ['progress'], rows: [{ x: 1, y: 'a', z: null, b: true }] };
		const withParams = { sql: 'SELECT $1 AS x', params: [2025, 'a', null], reads: ['progress'], rows: [] };
		expect(
			parseStartResults([
				good,
				withParams,
				{ sql: 1, reads: [], rows: [] },
				{ sql: 'SELECT 2', reads: ['nope'], rows: [] },
				{ sql: 'SELECT 3', reads: [], rows: [{ x: { nested: 1 } }] },
				{ sql: 'SELECT 4', reads: [], rows: [{ x: Infinity }] },
				{ sql: 'SELECT 5', reads: [], rows: Array.from({ length: MAX_START_ROWS + 1 }, () => ({})) },
				{ sql: 'SELECT 6', params: [{ x: 1 }], reads: [], rows: [] },
				{ sql: 'SELECT 7', params: 2025, reads: [], rows: [] },
				'text'
			])
		).toEqual([good, withParams]);
		expect(parseStartResults('not a list')).toEqual([]);
		expect(parseStartResults(undefined)).toEqual([]);
	});

	it('are computed only for the bundle’s datasets, each as its query answers', async () => {
		const conn = await createNodeConnector();
		await conn.exec(createSchemaSql());
		await conn.exec(`INSERT INTO municipalities (ehak_code, name, type, county) VALUES ('0784', 'Tallinn', 'linn', 'Harju maakond');
			INSERT INTO service_levels (ehak_code, year, domain, indicator, value, unit, higher_is_better) VALUES
			('0784', 2023, 'Personal', 'Ametnike arv', 5, 'arv', true), ('0784', 2024, 'Personal', 'Ametnike arv', NULL, 'arv', true)`);
		const only = await computeStartResults(conn, ['municipalities']);
		expect(only.map((r) => r.sql)).toEqual([MUNICIPALITIES_SQL]);
		const both = await computeStartResults(conn, ['municipalities', 'service_levels'], { sample: true });
		// A published bundle ships the lists only (its rows are shown once its files have loaded).
		expect((await computeStartResults(conn, ['municipalities', 'service_levels'])).map((r) => r.sql)).toEqual(
			[MUNICIPALITIES_SQL, INDICATORS_SQL]
		);
		// Both lists, then the default indicator's rows (what /municipalities draws without `indicator`).
		expect(both.map((r) => r.sql)).toEqual([MUNICIPALITIES_SQL, INDICATORS_SQL, INDICATOR_ROWS_SQL]);
		expect(both[2].params).toEqual(['Ametnike arv']);
		for (const r of both) expect(r.rows).toEqual(await conn.query(r.sql, r.params));
		// Years with a value only (2024 has none).
		expect(both[1].rows).toEqual([
			{ indicator: 'Ametnike arv', domain: 'Personal', unit: 'arv', higher_is_better: true, years: '2023' }
		]);
		conn.close();
	});

	it('answer every query the overview asks on opening, as the database does', async () => {
		// Two activities, reports in 2024 and 2025 (one late, one missing its 2025 report).
		const conn = await planDatabase(
			[activity('1.1.1', { deadline_year: 2024 }), activity('2.1.1', { recurring: true })],
			[
				report('1.1.1', 2024, 'in_progress', { actual_value: 1 }),
				report('2.1.1', 2024, 'in_progress'),
				report('1.1.1', 2025, 'at_risk', { actual_value: 2 })
			]
		);
		const shipped = await computeStartResults(conn, DATASETS);
		// The header's years, the standings of 2025 and 2024, the missing 2025 reports (after 2024's).
		expect(shipped.filter((r) => r.reads.includes('progress')).map((r) => r.params ?? [])).toEqual([
			[],
			[2025, 2025],
			[2024, 2024],
			[2024, 2024, 2025]
		]);
		// A connector that has only the shipped answers: the overview's loaders never reach DuckDB.
		const asked: string[] = [];
		const fromShipped: Connector = {
			async query(sql: string, params: SqlValue[] = []) {
				const rows = startResult(shipped, EVERY, sql, params);
				if (!rows) asked.push(sql);
				return (rows ?? []) as never[];
			},
			exec: async () => undefined,
			insertColumns: async () => undefined
		};
		const { latest } = await loadProgressYears(fromShipped);
		expect(latest).toBe(2025);
		const none = { direction: null, owner: null };
		expect(await loadOverview(fromShipped, 2025, none, 1)).toEqual(await loadOverview(conn, 2025, none, 2));
		expect(await loadOverview(fromShipped, 2024, none, 3)).toEqual(await loadOverview(conn, 2024, none, 4));
		const missing = await loadMissingReports(conn, 2025);
		expect(missing.map((m) => m.activity_id)).toEqual(['2.1.1']);
		expect(await loadMissingReports(fromShipped, 2025)).toEqual(missing);
		expect(asked).toEqual([]);
		// Another year is the database's to answer.
		await loadStandings(fromShipped, 2023, 5);
		expect(asked).toHaveLength(1);
		conn.close();
	});
});

const EVERY = Object.fromEntries(DATASETS.map((d) => [d, true]));
