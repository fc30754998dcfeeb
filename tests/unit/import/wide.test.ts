import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { holds } from '../property';
import {
	analyseFile,
	analysisCounts,
	importState,
	parseMeasure,
	parseNumber,
	planWide,
	wideOptionsFromChoices,
	yearOfHeader,
	type Analysis
} from '../../../src/lib/import';
import { parsePlan } from '../../../src/lib/plan/parsePlan';
import type { ServiceLevelRow, ProgressRow } from '../../../src/lib/types';
import { municipalities } from '../municipalities';

const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));
const activityIds = new Set(plan.map((a) => a.activity_id));
const activityUnits = Object.fromEntries(plan.map((a) => [a.activity_id, a.target_unit ?? null]));
const ctx = { activityIds, municipalities, activityUnits };
const enc = (s: string) => new TextEncoder().encode(s);
const analyse = (text: string, options: Parameters<typeof analyseFile>[1] = {}) =>
	analyseFile(enc(text), options, ctx);
const code = (name: string) => municipalities.find((m) => m.name === name)!.ehak_code;
const RUNS = { numRuns: 2_000, seed: 2222 };

describe('parseMeasure(text) — numbers as Excel writes them', () => {
	it.each([
		['45%', 45, true],
		['45 %', 45, true],
		['45,5 %', 45.5, true],
		['45,5\u00a0%', 45.5, true],
		['45,5\u202f%', 45.5, true],
		['+12 %', 12, true],
		['−2,5 %', -2.5, true],
		['1 234,5', 1234.5, false],
		['1\u00a0234,5', 1234.5, false],
		['1\u202f234,5', 1234.5, false],
		['+7', 7, false],
		['−3', -3, false],
		['−1 234,5', -1234.5, false]
	])('reads %j as %d (percent: %s)', (text, value, percent) =>
		expect(parseMeasure(text)).toEqual({ value, percent })
	);
	it('keeps an empty cell missing and rejects what is not a number', () => {
		expect(parseMeasure('')).toBeNull();
		expect(parseMeasure('  ')).toBeNull();
		for (const bad of ['%', '45%%', 'viis %', '% 45', '1,2,3 %']) expect(parseMeasure(bad)).toBeUndefined();
	});

	// Any number written in each form Excel (Estonian locale) writes reads back as itself.
	const value = fc
		.tuple(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }))
		.map(([i, f]) => (i < 0 ? -1 : 1) * (Math.abs(i) + f / 100));
	const SEPARATORS = [' ', '\u00a0', '\u202f'];
	function write(x: number, sep: string, sign: 'minus' | 'unicode' | 'plus', comma: boolean): string {
		const [int, frac] = Math.abs(x).toFixed(2).split('.');
		const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
		const body = `${grouped}${comma ? ',' : '.'}${frac}`;
		if (x < 0) return (sign === 'unicode' ? '−' : '-') + body;
		return (sign === 'plus' ? '+' : '') + body;
	}
	const form = fc.record({
		x: value,
		sep: fc.constantFrom(...SEPARATORS),
		sign: fc.constantFrom('minus' as const, 'unicode' as const, 'plus' as const),
		percent: fc.constantFrom('', '%', ' %', '\u00a0%', '\u202f%')
	});
	it('thousands by space, NBSP or narrow NBSP, decimal comma, +, − and % (property)', () => {
		holds(
			fc.property(form, ({ x, sep, sign, percent }) => {
				const m = parseMeasure(write(x, sep, sign, true) + percent);
				return !!m && Math.abs(m.value - x) < 1e-9 && m.percent === (percent !== '');
			}),
			RUNS
		);
	});
	it('parseNumber reads the same forms without a percent sign (property)', () => {
		holds(
			fc.property(
				form,
				({ x, sep, sign }) => Math.abs((parseNumber(write(x, sep, sign, true)) ?? NaN) - x) < 1e-9
			),
			RUNS
		);
	});
	it('never throws, and a value with a % sign is always flagged as a percentage (property)', () => {
		holds(
			fc.property(fc.string(), (s) => {
				const m = parseMeasure(s);
				return m === null || m === undefined || m.percent === /%\s*$/.test(s.trim());
			}),
			RUNS
		);
	});
});

describe('percent cells in progress and service-level values', () => {
	const percentActivity = plan.find((a) => a.target_unit === 'percent')!.activity_id;
	const countActivity = plan.find((a) => a.target_unit === 'count')!.activity_id;
	const binaryActivity = plan.find((a) => a.target_unit === 'binary')!.activity_id;
	it('progress: read for a percentage target, a row error naming the activity otherwise', () => {
		const a = analyse(
			`Nr;Aasta;Staatus;Tegelik;Sihttase\n${percentActivity};2024;töös;45 %;50%\n${countActivity};2024;töös;45%;\n${binaryActivity};2023;tehtud;100 %;\n${countActivity};2023;töös;1 234;\n`
		);
		expect(a.rows).toHaveLength(2);
		expect(a.rows[0]).toMatchObject({ activity_id: percentActivity, actual_value: 45, target_value: 50 });
		expect((a.rows[1] as ProgressRow).actual_value).toBe(1234);
		expect(a.errors.map((e) => [e.row, e.column, e.value, e.code, e.params.activity])).toEqual([
			[3, 'Tegelik', '45%', 'percent_for_count_target', countActivity],
			[4, 'Tegelik', '100 %', 'percent_for_binary_target', binaryActivity]
		]);
		expect(importState(a).status).toBe('has-errors');
	});
	it('service levels: read for a % unit or no unit (the sign is the unit), an error for another unit', () => {
		const a = analyse(
			'Omavalitsus;Aasta;Näitaja;Väärtus;Ühik\nTallinn;2024;Personali voolavus (%);12,5 %;%\nRae vald;2024;Personali voolavus (%);9%;\nSaue vald;2024;Ehitusloa menetlusaeg (päeva);30 %;päeva\n'
		);
		expect(a.rows.map((r) => [(r as ServiceLevelRow).value, (r as ServiceLevelRow).unit])).toEqual([
			[12.5, '%'],
			[9, '%']
		]);
		expect(a.errors.map((e) => [e.row, e.column, e.code, e.params.unit])).toEqual([
			[4, 'Väärtus', 'percent_for_unit', 'päeva']
		]);
		expect(a.percentValues).toBe(3);
	});
});

describe('wide service-level tables', () => {
	it('knows a year column by its header', () => {
		for (const h of [
			'2024',
			' 2024 ',
			'2024. a',
			'2024 a.',
			'2024.a',
			'2024. aasta',
			'Aasta 2024',
			'aasta 2024',
			'Year 2024'
		])
			expect(yearOfHeader(h), h).toBe(2024);
		for (const h of ['Aasta', '2024-2025', '1850', 'Rahvaarv 2024 (tuh)', '2024 esialgne', '12'])
			expect(yearOfHeader(h), h).toBeNull();
	});

	it('one column per year with id columns: unpivoted at once, id columns kept, values from the file', () => {
		const text = readFileSync('tests/fixtures/service-levels-wide-years-ids.csv', 'utf8');
		const a = analyseFile(enc(text), {}, ctx);
		expect(a.problem).toBeUndefined();
		expect(a.dataset).toBe('service_levels');
		expect(a.wide).toMatchObject({ kind: 'year', needs: [], auto: true });
		expect(importState(a)).toEqual({ status: 'ready', saveable: 36, blocked: null });
		// Independently of the app: each cell of a year column is one long row.
		const lines = text
			.split(/\r?\n/)
			.slice(2)
			.filter((l) => l.includes(';'));
		const expected = lines.flatMap((l) => {
			const [name, domain, indicator, unit, ...cells] = l.split(';');
			return cells.map((c, k) => {
				const s = c
					.replace(/[\s\u00a0\u202f]/g, '')
					.replace('%', '')
					.replace('−', '-')
					.replace(',', '.');
				return {
					ehak_code: code(name),
					year: 2022 + k,
					domain,
					indicator,
					unit,
					value: s === '' ? null : Number(s)
				};
			});
		});
		expect(a.rows.map((r) => ({ ...r, higher_is_better: undefined }))).toEqual(
			expected.map((e) => ({ ...e, higher_is_better: undefined }))
		);
		expect(a.rowNumbers.slice(0, 4)).toEqual([3, 3, 3, 4]);
	});

	it('one column per indicator with a year column: unpivoted at once', () => {
		const a = analyseFile(readFileSync('tests/fixtures/service-levels-wide-indicators.csv'), {}, ctx);
		expect(a.wide).toMatchObject({ kind: 'indicator', yearColumn: 1, needs: [] });
		expect(a.rows).toHaveLength(20);
		expect(a.rows.slice(0, 2)).toMatchObject([
			{
				ehak_code: '0784',
				year: 2023,
				indicator: 'Lasteaiakoha ootejärjekord (laste arv 1000 lapse kohta)',
				value: 12.5
			},
			{ ehak_code: '0784', year: 2023, indicator: 'Personali voolavus (%)', value: 11, unit: '%' }
		]);
		expect(
			a.rows.find((r) => (r as ServiceLevelRow).ehak_code === '0890' && (r as ServiceLevelRow).year === 2024)
		).toMatchObject({
			value: 1020
		});
	});

	it('ambiguous (no indicator column, text columns that could be one): needs-input, no rows, then the choice', () => {
		const bytes = readFileSync('tests/fixtures/service-levels-wide-ambiguous.csv');
		const a = analyseFile(bytes, {}, ctx);
		expect(a.wide).toMatchObject({
			kind: 'year',
			valueColumns: [3, 4, 5],
			indicatorColumn: null,
			candidates: [1, 2],
			needs: ['indicator']
		});
		expect(a.rows).toEqual([]);
		expect(importState(a)).toEqual({ status: 'needs-input', saveable: 0, blocked: 'needs_input' });

		const chosen = wideOptionsFromChoices(a.header, a.wide!, {
			years: ['2022', '2023', '2024'],
			indicatorColumn: 'Teenus'
		});
		expect('options' in chosen).toBe(true);
		const b = analyseFile(
			bytes,
			{ wide: (chosen as { options: NonNullable<Analysis['wide']>['applied'] }).options },
			ctx
		);
		expect(importState(b).status).toBe('ready');
		expect(b.rows).toHaveLength(12);
		expect(b.rows[0]).toMatchObject({
			ehak_code: '0784',
			year: 2022,
			indicator: 'Ehitusloa menetlusaeg (päeva)',
			value: 31
		});
		expect(b.rows[4]).toMatchObject({ ehak_code: code('Rae vald'), year: 2023, value: 24.5 });
		expect(wideOptionsFromChoices(a.header, a.wide!, { years: ['2021'] })).toEqual({
			error: { code: 'wide_unknown_column', column: '2021' }
		});
	});

	it('one indicator typed for all rows; one column per indicator without a year needs the year', () => {
		const text = 'Omavalitsus;2022;2023\nTallinn;1;2\nRae vald;3;\n';
		expect(importState(analyse(text)).status).toBe('needs-input');
		const a = analyse(text, {
			wide: { kind: 'year', idColumn: 0, valueColumns: [1, 2], fixed: { indicator: 'X' } }
		});
		expect(a.rows).toMatchObject([
			{ ehak_code: '0784', year: 2022, indicator: 'X', value: 1 },
			{ ehak_code: '0784', year: 2023, value: 2 },
			{ ehak_code: '0653', year: 2022, value: 3 },
			{ ehak_code: '0653', year: 2023, value: null }
		]);
		const noYear = analyse('KOV;Rahvaarv;Eelarve\nTallinn;457 000;1 234,5\n');
		expect(noYear.wide).toMatchObject({ kind: 'indicator', needs: ['year'] });
		expect(importState(noYear).status).toBe('needs-input');
	});

	it('a row error of an unpivoted table names the file column and the file row', () => {
		const a = analyse('Omavalitsus;Näitaja;2023;2024\nTallinn;X;1;viis\nAtlantis;X;2;3\n');
		expect(a.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
			[2, '2024', 'viis', 'invalid_number'],
			[3, 'Omavalitsus', 'Atlantis', 'unknown_municipality'],
			[3, 'Omavalitsus', 'Atlantis', 'unknown_municipality']
		]);
		// Counted in long rows: 1 saveable of 4.
		expect(analysisCounts(a)).toEqual({ valid: 1, errorRows: 3 });
	});

	it('a long table or another dataset is not taken for a wide one', () => {
		expect(
			planWide(['Omavalitsus', 'Aasta', 'Näitaja', 'Väärtus'], [['Tallinn', '2024', 'X', '1']])
		).toBeNull();
		expect(planWide(['Nr', 'Aasta', 'Staatus', 'Tegelik'], [['1.1.1', '2024', 'töös', '1']])).toBeNull();
		const t = analyse('Programm;Omavalitsus;Registreerunud;Läbinud\nA;Rae vald;10;9\n');
		expect(t.dataset).toBe('trainings');
		expect(t.wide).toBeUndefined();
	});
});

describe('importState(analysis) — statuses that tell the truth', () => {
	it('0 valid rows with errors: has-errors with nothing saveable and why', () => {
		const a = analyse('Nr;Aasta;Staatus\n9.9.9;2024;töös\n2.5.1;1999;töös\n', { dataset: 'progress' });
		expect(importState(a)).toEqual({ status: 'has-errors', saveable: 0, blocked: 'all_rows_invalid' });
	});
	it('ready has at least one row; an unusable file is rejected', () => {
		expect(importState(analyse('Nr;Aasta;Staatus\n2.5.1;2024;töös\n'))).toEqual({
			status: 'ready',
			saveable: 1,
			blocked: null
		});
		expect(importState(analyse('')).status).toBe('rejected');
	});
});
