import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createNodeConnector } from '$lib/db/nodeConnector';
import { createSchemaSql } from '$lib/db/schema';
import { parseManifest } from '$lib/publish/manifest';
import {
	MAX_START_ROWS,
	START_QUERIES,
	computeStartResults,
	parseStartResults,
	startResult
} from '$lib/publish/startResults';
import { INDICATORS_SQL, MUNICIPALITIES_SQL } from '$lib/queries/municipalities';

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

	it('a malformed entry is dropped, the well-formed ones kept', () => {
		const good = { sql: 'SELECT 1 AS x', reads: ['progress'], rows: [{ x: 1, y: 'a', z: null, b: true }] };
		expect(
			parseStartResults([
				good,
				{ sql: 1, reads: [], rows: [] },
				{ sql: 'SELECT 2', reads: ['nope'], rows: [] },
				{ sql: 'SELECT 3', reads: [], rows: [{ x: { nested: 1 } }] },
				{ sql: 'SELECT 4', reads: [], rows: [{ x: Infinity }] },
				{ sql: 'SELECT 5', reads: [], rows: Array.from({ length: MAX_START_ROWS + 1 }, () => ({})) },
				'text'
			])
		).toEqual([good]);
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
		const both = await computeStartResults(conn, ['municipalities', 'service_levels']);
		expect(both.map((r) => r.sql)).toEqual(START_QUERIES.map((q) => q.sql));
		for (const r of both) expect(r.rows).toEqual(await conn.query(r.sql));
		// Years with a value only (2024 has none).
		expect(both[1].rows).toEqual([
			{ indicator: 'Ametnike arv', domain: 'Personal', unit: 'arv', higher_is_better: true, years: '2023' }
		]);
		conn.close();
	});
});
