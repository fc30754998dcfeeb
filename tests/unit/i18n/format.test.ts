import { describe, it, expect } from 'vitest';
import { formatDate, formatNumber, formatPercent } from '../../../src/lib/i18n/format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber: the reader’s number format', () => {
	it('Estonian: decimal comma, thousands with a narrow no-break space; English: point and comma', () => {
		expect(formatNumber(12345.678, 'et', 2)).toBe(`12${NNBSP}345,68`);
		expect(formatNumber(12345.678, 'en', 2)).toBe('12,345.68');
		// Estonian groups from five digits on (CLDR's minimum grouping digits 2).
		expect(formatNumber(1194, 'et')).toBe('1194');
		expect(formatNumber(1194, 'en')).toBe('1,194');
	});
	it('at most `decimals` decimals by default: 6 stays 6, 4.4 stays 4.4', () => {
		expect(formatNumber(6, 'en', 2)).toBe('6');
		expect(formatNumber(4.4, 'et', 2)).toBe('4,4');
	});
	it('fixed: always `decimals` decimals, so a column lines up', () => {
		expect(formatNumber(6, 'en', 2, true)).toBe('6.00');
		expect(formatNumber(4.4, 'et', 2, true)).toBe('4,40');
		expect(formatNumber(0.155, 'en', 2, true)).toBe('0.16');
		expect(formatNumber(21194, 'et', 1, true)).toBe(`21${NNBSP}194,0`);
	});
	it('a formatter built for one option is not reused for the other', () => {
		expect(formatNumber(6, 'en', 1, true)).toBe('6.0');
		expect(formatNumber(6, 'en', 1)).toBe('6');
		expect(formatNumber(6, 'en', 1, true)).toBe('6.0');
	});
	it('missing and not-a-number show a dash', () => {
		for (const v of [null, undefined, Number.NaN]) {
			expect(formatNumber(v, 'et')).toBe('–');
			expect(formatNumber(v, 'en', 2, true)).toBe('–');
		}
	});
});

describe('formatPercent: a share 0..1', () => {
	it('Estonian puts a no-break space before %; English none', () => {
		expect(formatPercent(0.947, 'et', 1)).toBe(`94,7${NBSP}%`);
		expect(formatPercent(0.947, 'en', 1)).toBe('94.7%');
		expect(formatPercent(0.68, 'en')).toBe('68%');
	});
	it('fixed keeps the decimal of a whole percentage: 100,0 % under 94,7 %', () => {
		expect(formatPercent(1, 'et', 1, true)).toBe(`100,0${NBSP}%`);
		expect(formatPercent(1, 'et', 1)).toBe(`100${NBSP}%`);
		expect(formatPercent(0.93, 'en', 1, true)).toBe('93.0%');
	});
	it('missing shows a dash', () => {
		expect(formatPercent(null, 'et', 1, true)).toBe('–');
	});
});

describe('formatDate', () => {
	it('dd.mm.yyyy without leading zeros in Estonian, dd/mm/yyyy in English', () => {
		expect(formatDate('2025-03-07', 'et')).toBe('7.3.2025');
		expect(formatDate('2025-03-07T10:00:00Z', 'en')).toBe('07/03/2025');
		expect(formatDate(null, 'en')).toBe('–');
	});
});
