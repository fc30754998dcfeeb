import { describe, it, expect } from 'vitest';
import { parseDeadline } from '$lib/plan';
import { COLUMN, planColumn } from './planColumns';

/** Every Tähtaeg (deadline) of the plan, with year and flags worked out by hand from metrics.md. */
const PLAN_DEADLINES: [
	nr: string,
	tahtaeg: string,
	year: number | null,
	extended: boolean,
	recurring: boolean
][] = [
	['1.1.1', '2023', 2023, false, false],
	['1.1.2', '2025', 2025, false, false],
	['1.1.3', '2023', 2023, false, false],
	['1.1.4.', '2022', 2022, false, false],
	['1.1.5', '2023', 2023, false, false],
	['1.2.1', '2023', 2023, false, false],
	['1.2.2', '2023', 2023, false, false],
	['1.2.3', '2024', 2024, false, false],
	['1.2.4', '2022', 2022, false, false],
	['2.1.1', '2023 (tähtaeg pikendatud)', 2023, true, false],
	['2.2.1', '2022', 2022, false, false],
	['2.2.2', '2023', 2023, false, false],
	['2.3.1', '2023', 2023, false, false],
	['2.3.2', 'Mi', null, false, false],
	['2.4.1', '2023', 2023, false, false],
	['2.5.1', '2022', 2022, false, false],
	['2.5.2', '2023 (tähtaeg pikendatud)', 2023, true, false],
	['2.5.3', '2023', 2023, false, false],
	['2.5.4', '2023', 2023, false, false],
	['2.5.5', '2023', 2023, false, false],
	['2.5.6', '2023', 2023, false, false],
	['2.5.7', '2023/2024', 2024, false, false],
	['2.5.8', '2025', 2025, false, false],
	['2.6.1', '2023 (tähtaeg pikendatud)', 2023, true, false],
	['2.6.2', '2025', 2025, false, false],
	['2.6.3', '2023', 2023, false, false],
	['3.1.1', '2024', 2024, false, false],
	['3.1.2', '2022', 2022, false, false],
	['3.1.3', '2023', 2023, false, false],
	['3.1.4', '2023', 2023, false, false],
	['3.2.1.', '2025', 2025, false, false],
	['3.2.2', '2025', 2025, false, false],
	['3.3.1', '2025', 2025, false, false],
	['3.3.2', '2023', 2023, false, false],
	['3.3.2.1', '2023', 2023, false, false],
	['3.3.2.2', '2023', 2023, false, false],
	['3.3.2.3', '2024', 2024, false, false],
	['3.3.2.4', '2024', 2024, false, false],
	['3.3.2.5', '2024', 2024, false, false],
	['3.3.2.6', '2025', 2025, false, false],
	['4.1.1', '2023/ igaaastane', 2023, false, true],
	['4.1.2', '2023/ igaaastane', 2023, false, true]
];

describe('parseDeadline(text) on every Tähtaeg of the plan', () => {
	it('the table holds the 42 activities and their Tähtaeg exactly as the plan writes them', () => {
		expect(PLAN_DEADLINES.map(([nr, text]) => [nr, text])).toEqual(planColumn(COLUMN.tahtaeg));
	});
	it.each(PLAN_DEADLINES)(
		'%s: %j → %s, extended %s, recurring %s',
		(_nr, text, year, extended, recurring) => {
			expect(parseDeadline(text)).toEqual({ year, extended, recurring });
		}
	);
});

describe('parseDeadline(text)', () => {
	it('takes the year of a plain year', () => {
		expect(parseDeadline('2024').year).toBe(2024);
	});
	it('takes the largest year of 2023/2024', () => {
		expect(parseDeadline('2023/2024').year).toBe(2024);
	});
	it('takes the largest year wherever it stands', () => {
		expect(parseDeadline('2025, algselt 2023').year).toBe(2025);
	});
	it('takes the end of a year range', () => {
		expect(parseDeadline('2022-2025').year).toBe(2025);
	});
	it('finds the year among other words', () => {
		expect(parseDeadline('IV kvartal 2024').year).toBe(2024);
	});
	it('does not read a five-digit number as a year', () => {
		expect(parseDeadline('20245').year).toBeNull();
	});
	it('marks (tähtaeg pikendatud) as extended', () => {
		expect(parseDeadline('2023 (tähtaeg pikendatud)')).toEqual({
			year: 2023,
			extended: true,
			recurring: false
		});
	});
	it('marks igaaastane as recurring, in any case', () => {
		expect([parseDeadline('2023/ igaaastane').recurring, parseDeadline('Igaaastane').recurring]).toEqual([
			true,
			true
		]);
	});
	it('keeps a recurring deadline without a year yearless', () => {
		expect(parseDeadline('igaaastane')).toEqual({ year: null, extended: false, recurring: true });
	});
	it('gives no year for Mi', () => {
		expect(parseDeadline('Mi')).toEqual({ year: null, extended: false, recurring: false });
	});
	it('gives no year for an empty text', () => {
		expect(parseDeadline('')).toEqual({ year: null, extended: false, recurring: false });
	});
});
