import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import {
	validateBulk,
	BULK_SELECT,
	municipalityNames,
	overlong
} from '../../../src/lib/db/bulkServiceLevels';
import { analyseFile, YEAR_RANGE, type Correction } from '../../../src/lib/import';
import { municipalities } from '../municipalities';
import { lineFacts } from '../../../src/lib/import/read/problems';

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

describe('municipalityNames(spellings, municipalities)', () => {
	it('resolves Tallinn, Tallinna linn and 0784 to one code, marks bare Tartu ambiguous, leaves out the unknown', () => {
		const spellings = ['TALLINN', 'Tallinna linn', '784', ' 0784 ', 'Tartu', 'rae', 'Atlantis', 'Tallinn'];
		const l = new Map(municipalityNames(spellings, municipalities).map((x) => [x.raw, x]));
		expect(l.get('TALLINN')?.ehak_code).toBe('0784');
		expect(l.get('Tallinna linn')?.ehak_code).toBe('0784');
		expect(l.get('784')?.ehak_code).toBe('0784');
		expect(l.get(' 0784 ')?.ehak_code).toBe('0784');
		expect(l.get('Tartu')?.ehak_code).toBeNull();
		expect(l.get('Tartu')?.candidates).toContain('Tartu vald');
		expect(l.get('rae')?.ehak_code).toBe('0653');
		expect(l.has('Atlantis')).toBe(false);
		expect(l.size).toBe(7);
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

/**
 * The bulk path must accept and reject exactly what the import core does: the same file through
 * analyseFile (JS) and through validateBulk (DuckDB's CSV reader + SQL checks).
 */
describe('validateBulk agrees with analyseFile on a dirty service-level file', () => {
	const header = ['Omavalitsus', 'Aasta', 'Valdkond', 'Näitaja', 'Väärtus', 'Ühik', 'Suurem on parem'];
	const lines = [
		'Rae vald;2024;Haridus;Lasteaiakoha ootejärjekord;12;last;ei',
		'Tallinn;2024;Haridus;Lasteaiakoha ootejärjekord;1 234,5;last;ei',
		'Tallinna linn;2023;Haridus;Lasteaiakoha ootejärjekord;1\u00a0234,5;last;ei',
		'0784;2022;Haridus;Lasteaiakoha ootejärjekord;−3;last;ei',
		'784;2021;Haridus;Lasteaiakoha ootejärjekord;+2;last;ei',
		'Tartu;2024;Haridus;Lasteaiakoha ootejärjekord;5;last;ei',
		'Viljandi;2024;Haridus;Lasteaiakoha ootejärjekord;5;last;ei',
		'Atlantis;2024;Haridus;Lasteaiakoha ootejärjekord;5;last;ei',
		';2024;Haridus;Lasteaiakoha ootejärjekord;5;last;ei',
		'Rae vald;20x4;Haridus;Lasteaiakoha ootejärjekord;5;last;ei',
		'Rae vald;1850;Haridus;Lasteaiakoha ootejärjekord;5;last;ei',
		'Rae vald;2023,0;Haridus;Lasteaiakoha ootejärjekord;5;last;ei',
		'Rae vald;;Haridus;Lasteaiakoha ootejärjekord;5;last;ei',
		'Rae vald;2022;Haridus;;5;last;ei',
		'Rae vald;2021;Haridus;Lasteaiakoha ootejärjekord;viis;last;ei',
		'Rae vald;2020;Haridus;Lasteaiakoha ootejärjekord;1.234,5;last;ei',
		'Rae vald;2019;Haridus;Lasteaiakoha ootejärjekord;1,234.5;last;ei',
		'Rae vald;2018;Haridus;Lasteaiakoha ootejärjekord;,5;last;ei',
		'Rae vald;2017;Haridus;Lasteaiakoha ootejärjekord;1,2,3;last;ei',
		'Rae vald;2016;Haridus;Lasteaiakoha ootejärjekord;;last;ei',
		'Rae vald;2015;Haridus;Lasteaiakoha ootejärjekord;7;last;võib-olla',
		'Rae vald;2014;Haridus;Lasteaiakoha ootejärjekord;7;last;',
		'Rae vald;2024;Haridus;Lasteaiakoha ootejärjekord;13;last;ei',
		'Rae vald;2024;Haridus;Lasteaiakoha ootejärjekord;viis;last;ei',
		'"Saue vald";2024;"Sotsiaalhoolekanne";"Koduteenuse saajad; 1000 elaniku kohta";4,5;arv;jah',
		'"Saue vald";2023;"Sotsiaalhoolekanne";"Koduteenuse saajad,\nkommentaariga";4,5;arv;jah',
		'  Rae   VALD ;2013;Haridus;Lasteaiakoha ootejärjekord;1;last;EI',
		'Võru;2024;Haridus;Lasteaiakoha ootejärjekord;5;last;jah',
		'Põltsamaa vald;2024;Haridus;Lasteaiakoha ootejärjekord;5;last;1',
		'Saarema vald;2024;Haridus;Lasteaiakoha ootejärjekord;5;last;1',
		'Tartuu;2024;Haridus;Lasteaiakoha ootejärjekord;5;last;1'
	];

	async function compare(header: string[], lines: string[], corrections?: Correction[]) {
		const text = ['Teenustasemed', '', header.join(';'), ...lines].join('\r\n') + '\r\n';
		const bytes = new TextEncoder().encode(text);
		const js = analyseFile(
			bytes,
			{ dataset: 'service_levels', corrections },
			{ activityIds: new Set(), municipalities }
		);
		expect(js.problem).toBeUndefined();
		const file = join(dir, 'parity.csv');
		writeFileSync(file, text, 'utf8');
		const mapping = js.mapping;
		const db = await validateBulk(
			conn,
			{
				file,
				delimiter: js.delimiter,
				headerRow: js.headerRow,
				columnCount: js.header.length,
				mapping: {
					municipality: (mapping.ehak_code ?? mapping.municipality) as number,
					year: mapping.year as number,
					indicator: mapping.indicator as number,
					value: mapping.value as number,
					domain: mapping.domain,
					unit: mapping.unit,
					higher_is_better: mapping.higher_is_better
				},
				minYear: YEAR_RANGE.service_levels[0],
				maxYear: YEAR_RANGE.service_levels[1],
				// As the app decides it for this file (analyseLarge).
				longCells: lineFacts(bytes).longCells,
				corrections
			},
			municipalities,
			js.header
		);
		expect(db.corrected).toEqual(js.corrected);
		const key = (e: { row: number; column: string; value: string; code: string }) =>
			`${e.row}|${e.column}|${e.value}|${e.code}`;
		expect(db.errors.map(key).sort()).toEqual(js.errors.map(key).sort());
		// "Did you mean": the same names offered.
		const near = (errors: { row: number; code: string; params: Record<string, unknown> }[]) =>
			errors.filter((e) => e.code === 'unknown_municipality_near').map((e) => [e.row, e.params.near]);
		expect(near(db.errors)).toEqual(near(js.errors));
		expect(db.rowCount).toBe(js.rowCount);
		expect(db.validCount).toBe(js.rows.length);
		const dbRows = await conn.query(BULK_SELECT);
		expect(dbRows).toEqual(js.rows);
		return db;
	}

	it('same valid rows and the same row/column/value/reason errors', async () => {
		const db = await compare(header, lines);
		expect(db.errors.length).toBeGreaterThan(10);
		expect(
			db.errors.filter((e) => e.code === 'unknown_municipality_near').map((e) => [e.value, e.params.near])
		).toEqual([
			['Saarema vald', 'Saaremaa vald'],
			['Tartuu', 'Tartu linn, Tartu vald']
		]);
	});

	it("the same with the analyst's corrections of names: the rows they change are valid and counted alike", async () => {
		const before = await compare(header, lines);
		const db = await compare(header, lines, [
			{ field: 'municipality', from: 'Saarema vald', to: '0714' },
			{ field: 'municipality', from: ' Tartuu ', to: '0793' },
			{ field: 'municipality', from: 'Atlantis', to: '0726' },
			{ field: 'municipality', from: 'Kuressaare', to: '0714' }
		]);
		expect(db.corrected?.map((c) => [c.from, c.to, c.rows])).toEqual([
			['Saarema vald', '0714', 1],
			['Tartuu', '0793', 1],
			['Atlantis', '0726', 1],
			['Kuressaare', '0714', 0]
		]);
		expect(db.validCount).toBe(before.validCount + 3);
		expect(db.errors.filter((e) => e.code === 'unknown_municipality_near')).toEqual([]);
		// A correction reads every row of its spelling: two rows of it, two counted.
		const twice = await compare(
			header,
			[...lines, 'Saarema vald;2023;Haridus;Lasteaiakoha ootejärjekord;6;last;1'],
			[{ field: 'municipality', from: 'Saarema vald', to: '0714' }]
		);
		expect(twice.corrected).toEqual([{ field: 'municipality', from: 'Saarema vald', to: '0714', rows: 2 }]);
	});

	it('the same with whitespace of every kind around names, texts and numbers (no boolean column)', async () => {
		const db = await compare(header.slice(0, 6), [
			'\tRae vald\t;2024;Haridus; Lasteaiakoha ootejärjekord\u00a0;\t−3;\u2003last ',
			'Rae vald; 2023 ;Haridus;Lasteaiakoha ootejärjekord;\u20091\u202f234,5\u3000;last',
			'RAE VALD;2022;Haridus;Lasteaiakoha ootejärjekord;  ;last',
			'Rae vald;2021;Haridus;\u00a0\u00a0;5;last',
			'Rae vald;2020;\u3000;Lasteaiakoha ootejärjekord;5; ',
			'Rae vald;\u00a02019;Haridus;Lasteaiakoha ootejärjekord;\u2013 4,5;last',
			'Rae vald;2018\u2028;Haridus;Lasteaiakoha ootejärjekord;5\u205f;last',
			'Rae vald;2017;Haridus;Lasteaiakoha ootejärjekord;\ufeff7;last',
			'\u00a0Saue vald\u00a0;2024;Haridus;Lasteaiakoha ootejärjekord;1;last',
			'Saue vald;12345678901;Haridus;Lasteaiakoha ootejärjekord;1;last',
			'Saue vald;-99999999999;Haridus;Lasteaiakoha ootejärjekord;1;last',
			`Saue vald;${'9'.repeat(400)};Haridus;Lasteaiakoha ootejärjekord;1;last`,
			'Saue vald;02016;Haridus;Lasteaiakoha ootejärjekord;1;last',
			'Saue vald;2015;Haridus;Lasteaiakoha ootejärjekord;1e3;last',
			'Saue vald;2014;Haridus;Lasteaiakoha ootejärjekord;1\t234;last',
			'Saue vald;2013;Haridus;Lasteaiakoha ootejärjekord;-0,5 ;\u00a0%\u00a0',
			' 653 ;2012;Haridus;Lasteaiakoha ootejärjekord;1;last',
			'Saue vald;2012;Haridus;Lasteaiakoha ootejärjekord;1;last',
			'Saue vald ;2012;Haridus;Lasteaiakoha ootejärjekord ;2;last'
		]);
		expect(db.errors.length).toBeGreaterThan(3);
	});

	it('the same for percent cells as Excel writes them: read for a percentage unit or none, an error for another', async () => {
		const db = await compare(header.slice(0, 6), [
			'Rae vald;2024;Haridus;Osakaal;45 %;%',
			'Rae vald;2023;Haridus;Osakaal;45,5\u00a0%;protsent',
			'Rae vald;2022;Haridus;Osakaal;22%;',
			'Rae vald;2021;Haridus;Osakaal;\u22122,5 %;PROTSENT',
			'Rae vald;2020;Haridus;Osakaal;1\u202f234,5 %;pct',
			'Saue vald;2024;Haridus;Osakaal;12 %;tk',
			'Saue vald;2023;Haridus;Osakaal;12%%;%',
			'Saue vald;2022;Haridus;Osakaal;% 12;%',
			'Saue vald;2021;Haridus;Osakaal;viis %;%',
			'Saue vald;2020;Haridus;Osakaal;%;%',
			'Saue vald;2019;Haridus;Osakaal;12 %; last '
		]);
		expect(db.errors.map((e) => e.code)).toContain('percent_for_unit');
		expect(db.errors.find((e) => e.code === 'percent_for_unit')?.params.unit).toBe('tk');
		expect(db.validCount).toBe(5);
	});

	it('the same for cells over 2,000 characters (any column, astral letters counted once): the row error names the length', async () => {
		const long = 'ö'.repeat(2001);
		const astral = '𝔸'.repeat(2000);
		const db = await compare(
			[...header.slice(0, 6), 'Märkus'],
			[
				`Rae vald;2024;Haridus;Osakaal;5;%;${long}`,
				`Rae vald;2023;Haridus;Osakaal;5;%;${astral}`,
				`Atlantis;20x4;${long};Osakaal;5;%;${'a'.repeat(5_000_000)}`,
				'Rae vald;2022;Haridus;Osakaal;5;%;lühike'
			]
		);
		expect(db.errors.map((e) => [e.row, e.column, e.code, e.params.length])).toEqual([
			[4, 'Märkus', 'cell_too_long', 2001],
			[6, 'Valdkond', 'cell_too_long', 2001],
			[6, 'Märkus', 'cell_too_long', 5_000_000]
		]);
		expect(db.validCount).toBe(2);
	});
});

describe('validateBulk with longCells false (no line of the file can hold an over-long cell)', () => {
	it('gives the same rows and errors as the full check, and the full check still finds long cells', async () => {
		const lines = [
			'Rae vald;2024;Haridus;Osakaal;5;%',
			'Atlantis;2024;Haridus;Osakaal;5;%',
			'Tallinn;20x4;Haridus;Osakaal;kaks;%',
			'Rae vald;2024;Haridus;Osakaal;6;%'
		];
		const file = join(dir, 'nolong.csv');
		writeFileSync(file, [HEADER.join(';'), ...lines].join('\r\n'), 'utf8');
		const options = {
			file,
			delimiter: ';',
			headerRow: 1,
			columnCount: 6,
			mapping: { municipality: 0, year: 1, domain: 2, indicator: 3, value: 4, unit: 5 },
			minYear: 2000,
			maxYear: 2035
		};
		const full = await validateBulk(conn, options, municipalities, HEADER);
		const fullRows = await conn.query(BULK_SELECT);
		const skipped = await validateBulk(conn, { ...options, longCells: false }, municipalities, HEADER);
		expect(skipped).toEqual(full);
		// Skipped means no per-cell length work in the read at all.
		expect(overlong(6, false)).not.toMatch(/length|strlen/);
		expect(overlong(6)).toMatch(/strlen/);
		expect(await conn.query(BULK_SELECT)).toEqual(fullRows);
		expect(full.errors.map((e) => e.code).sort()).toEqual(
			['duplicate_key', 'invalid_number', 'invalid_year', 'unknown_municipality'].sort()
		);
		// Told nothing (a stored import from before), a long cell is still found.
		writeFileSync(file, [HEADER.join(';'), `Rae vald;2024;Haridus;${'ö'.repeat(2001)};5;%`].join('\r\n'));
		const long = await validateBulk(conn, options, municipalities, HEADER);
		expect(long.errors.map((e) => e.code)).toEqual(['cell_too_long']);
	});
});
