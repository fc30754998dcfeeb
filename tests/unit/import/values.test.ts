import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { holds } from '../property';
import {
	parseNumber,
	parseInteger,
	parseDate,
	parseBoolean,
	parsePercent,
	normalizeHeader
} from '../../../src/lib/import';

const RUNS = { numRuns: 10_000, seed: 20221 };

describe('parseNumber(text)', () => {
	it.each([
		['1 234,5', 1234.5],
		['1\u00a0234,5', 1234.5],
		['1\u202f234', 1234],
		['1234.5', 1234.5],
		['1,5', 1.5],
		['7,5', 7.5],
		['-3', -3],
		['−3,25', -3.25],
		['+2', 2],
		['1,234.5', 1234.5],
		['1.234,5', 1234.5],
		[',5', 0.5],
		['0', 0]
	])('reads %j as %d', (text, value) => expect(parseNumber(text)).toBe(value));
	it('keeps an empty cell missing (null), never 0', () => {
		expect(parseNumber('')).toBeNull();
		expect(parseNumber('   ')).toBeNull();
	});
	it.each(['viis', '1,2,3', '12abc', '1 2 3,4,5', '--1', '1.2.3,4,5'])('rejects %j', (text) =>
		expect(parseNumber(text)).toBeUndefined()
	);
	it('round-trips any number written the Estonian way (thin-space thousands, decimal comma)', () => {
		const et = new Intl.NumberFormat('et-EE', { maximumFractionDigits: 4 });
		holds(
			fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), (x) => {
				const rounded = Math.round(x * 1e4) / 1e4;
				const text = et.format(rounded).replace(/\u2212/g, '-');
				return Math.abs((parseNumber(text) ?? NaN) - rounded) < 1e-6;
			}),
			RUNS
		);
	});
	it('round-trips any number written the English way without grouping', () => {
		holds(
			fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 999 }), (i, f) => {
				const text = `${i}.${String(f).padStart(3, '0')}`;
				return parseNumber(text) === Number(text);
			}),
			RUNS
		);
	});
	it('never throws on any string', () => {
		holds(
			fc.property(
				fc.string(),
				(s) => [null, undefined].includes(parseNumber(s) as never) || typeof parseNumber(s) === 'number'
			),
			RUNS
		);
	});
});

describe('parseInteger(text)', () => {
	it('accepts whole numbers only', () => {
		expect(parseInteger('2024')).toBe(2024);
		expect(parseInteger('24,0')).toBe(24);
		expect(parseInteger('24,5')).toBeUndefined();
	});
});

describe('parseDate(text)', () => {
	it.each([
		['15.01.2025', '2025-01-15'],
		['3.2.2025', '2025-02-03'],
		['2025-02-01', '2025-02-01'],
		['09.09.2022', '2022-09-09'],
		['21.04.2023 00:00', '2023-04-21']
	])('reads %j as %s', (text, iso) => expect(parseDate(text)).toBe(iso));
	it.each(['31.02.2025', '2025-13-01', '32.01.2024', 'eile', '1.1'])('rejects %j', (t) =>
		expect(parseDate(t)).toBeUndefined()
	);
	it('keeps an empty cell missing', () => expect(parseDate('')).toBeNull());
	it('round-trips every real date in dd.mm.yyyy, d.m.yyyy and ISO form', () => {
		holds(
			fc.property(
				fc.date({ min: new Date(1990, 0, 1), max: new Date(2040, 11, 31), noInvalidDate: true }),
				(d) => {
					const y = d.getFullYear();
					const m = d.getMonth() + 1;
					const day = d.getDate();
					const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
					return (
						parseDate(`${String(day).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`) === iso &&
						parseDate(`${day}.${m}.${y}`) === iso &&
						parseDate(iso) === iso
					);
				}
			),
			RUNS
		);
	});
});

describe('parseBoolean(text) and parsePercent(text)', () => {
	it('reads Estonian and English yes/no', () => {
		expect(['jah', 'Jah', 'true', '1', 'yes'].map(parseBoolean)).toEqual([true, true, true, true, true]);
		expect(['ei', 'EI', 'false', '0', 'no'].map(parseBoolean)).toEqual([false, false, false, false, false]);
		expect(parseBoolean('võib-olla')).toBeUndefined();
	});
	it('reads satisfaction written as 95%, 95,0 or 0,95 as 95', () => {
		expect(parsePercent('95%')).toBe(95);
		expect(parsePercent('95,0')).toBe(95);
		expect(parsePercent('0,95')).toBe(95);
		expect(parsePercent('88 %')).toBe(88);
		expect(parsePercent('')).toBeNull();
		expect(parsePercent('väga hea')).toBeUndefined();
	});
});

describe('normalizeHeader(text)', () => {
	it('treats Tähtaeg, tahtaeg and " TÄHTAEG " as one column', () => {
		expect(new Set(['Tähtaeg', 'tahtaeg', ' TÄHTAEG ']).size).toBe(3);
		expect(new Set(['Tähtaeg', 'tahtaeg', ' TÄHTAEG '].map(normalizeHeader))).toEqual(new Set(['tahtaeg']));
	});
	it('ignores punctuation ._-/ and repeated inner spaces', () => {
		expect(normalizeHeader('Aruande_kuupäev')).toBe(normalizeHeader('aruande   kuupäev'));
		expect(normalizeHeader('Tegevuse-nr.')).toBe('tegevuse nr');
	});
	it('is idempotent on any string', () => {
		holds(
			fc.property(fc.string(), (s) => normalizeHeader(normalizeHeader(s)) === normalizeHeader(s)),
			RUNS
		);
	});
});
