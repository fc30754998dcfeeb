import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import { validateBulk, BULK_SELECT, municipalityLookup } from '../../../src/lib/db/bulkServiceLevels';
import type { Municipality } from '../../../src/lib/types';

const municipalities: Municipality[] = Papa.parse<Record<string, string>>(
	readFileSync('data/municipalities.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
).data.map((r) => ({
	ehak_code: r.ehak_code,
	name: r.name,
	type: r.type as 'linn' | 'vald',
	county: r.county,
	population: Number(r.population_approx),
	lat: Number(r.lat),
	lon: Number(r.lon)
}));

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let conn: Conn;
const dir = mkdtempSync(join(tmpdir(), 'kov-bulk-'));
beforeAll(async () => (conn = await createNodeConnector()));
afterAll(() => conn.close());

const HEADER = ['Omavalitsus', 'Aasta', 'Valdkond', 'Näitaja', 'Väärtus', 'Ühik'];
async function run(lines: string[], title = false) {
	const file = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
	const body = [...(title ? ['Teenustasemed 2024', ''] : []), HEADER.join(';'), ...lines].join('\r\n');
	writeFileSync(file, body, 'utf8');
	return validateBulk(
		conn,
		{
			file,
			delimiter: ';',
			headerRow: title ? 3 : 1,
			columnCount: 6,
			mapping: { municipality: 0, year: 1, domain: 2, indicator: 3, value: 4, unit: 5 },
			minYear: 2000,
			maxYear: 2035
		},
		municipalities,
		HEADER
	);
}

describe('municipalityLookup(municipalities)', () => {
	it('resolves Tallinn, Tallinna linn and 0784 to one code and marks bare Tartu ambiguous', () => {
		const l = new Map(municipalityLookup(municipalities).map((x) => [x.key, x]));
		expect(l.get('tallinn')?.ehak_code).toBe('0784');
		expect(l.get('tallinna linn')?.ehak_code).toBe('0784');
		expect(l.get('784')?.ehak_code).toBe('0784');
		expect(l.get('tartu')?.ehak_code).toBeNull();
		expect(l.get('tartu')?.candidates).toContain('Tartu vald');
		expect(l.get('rae')?.ehak_code).toBe('0653');
	});
});

describe('validateBulk(tx, options) — service levels through DuckDB', () => {
	it('reads decimal commas, thousands spaces and names, keeping file row numbers', async () => {
		const r = await run(
			['Rae vald;2024;Haridus;Õpilasi;1 234,5;arv', 'Tallinn;2023;Haridus;Õpilasi;12,5;arv'],
			true
		);
		expect(r).toMatchObject({ rowCount: 2, validCount: 2, errorCount: 0 });
		const rows = await conn.query(BULK_SELECT);
		expect(rows).toEqual([
			{
				ehak_code: '0653',
				year: 2024,
				domain: 'Haridus',
				indicator: 'Õpilasi',
				value: 1234.5,
				unit: 'arv',
				higher_is_better: true
			},
			{
				ehak_code: '0784',
				year: 2023,
				domain: 'Haridus',
				indicator: 'Õpilasi',
				value: 12.5,
				unit: 'arv',
				higher_is_better: true
			}
		]);
	});

	it('reports each bad row with its file row, column, value and reason code', async () => {
		const r = await run([
			'Tartu;2024;Haridus;Õpilasi;5;arv',
			'Atlantis;2024;Haridus;Õpilasi;5;arv',
			'Rae vald;20x4;Haridus;Õpilasi;5;arv',
			'Rae vald;2024;Haridus;Õpilasi;viis;arv',
			'Rae vald;2023;Haridus;Õpilasi;;arv',
			'0653;2023;Haridus;Õpilasi;6;arv'
		]);
		expect(r.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
			[2, 'Omavalitsus', 'Tartu', 'ambiguous_municipality'],
			[3, 'Omavalitsus', 'Atlantis', 'unknown_municipality'],
			[4, 'Aasta', '20x4', 'invalid_year'],
			[5, 'Väärtus', 'viis', 'invalid_number'],
			[7, 'Näitaja', 'Õpilasi', 'duplicate_key']
		]);
		expect(r.errors[0].params.candidates).toMatch(/Tartu linn \| Tartu vald|Tartu vald \| Tartu linn/);
		// The empty value on row 6 stays a missing value, not an error and never 0.
		expect(r.validCount).toBe(1);
		expect(await conn.query('SELECT value FROM _bulk_service_levels')).toEqual([{ value: null }]);
	});
});
