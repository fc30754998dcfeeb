import { describe, it, expect } from 'vitest';
import { profileRows, strongestAndWeakest } from '../../../src/routes/municipalities/[code]/profile';
import type { Municipality } from '../../../src/lib/types';

const M = (ehak_code: string, county: string): Municipality => ({
	ehak_code,
	name: `M${ehak_code}`,
	type: 'vald',
	county,
	population: 5000,
	lat: null,
	lon: null
});
const municipalities = [M('1', 'A'), M('2', 'A'), M('3', 'A'), M('4', 'B')];
const info = (indicator: string, higher_is_better: boolean, years = [2023, 2024]) => ({
	indicator,
	domain: 'personal',
	unit: indicator.endsWith('(%)') ? '%' : 'tase',
	higher_is_better,
	years
});
const v = (ehak_code: string, year: number, indicator: string, value: number) => ({
	ehak_code,
	year,
	indicator,
	value
});
const yearValues = [
	v('1', 2024, 'Voolavus (%)', 20),
	v('2', 2024, 'Voolavus (%)', 10),
	v('3', 2024, 'Voolavus (%)', 12),
	v('4', 2024, 'Voolavus (%)', 5),
	v('1', 2023, 'Voolavus (%)', 18),
	v('1', 2024, 'Tase', 8),
	v('2', 2024, 'Tase', 4),
	v('3', 2024, 'Tase', 5),
	v('4', 2024, 'Tase', 6)
];

describe('profileRows(o) and strongestAndWeakest(rows)', () => {
	const rows = profileRows({
		municipalities,
		indicators: [info('Voolavus (%)', false), info('Tase', true), info('Vana', true, [2021])],
		yearValues,
		own: [v('1', 2023, 'Voolavus (%)', 18), v('1', 2024, 'Voolavus (%)', 20)],
		code: '1',
		year: 2024,
		peer: 'county'
	});
	it('lists the indicators of the year with value, rank of N, peer median and change', () => {
		expect(rows.map((r) => r.indicator)).toEqual(['Voolavus (%)', 'Tase']);
		const [turnover, level] = rows;
		expect([turnover.value, turnover.rank, turnover.ranked, turnover.peer_median, turnover.change]).toEqual([
			20, 4, 4, 12, 2
		]);
		expect([level.value, level.rank, level.peer_median, level.change]).toEqual([8, 1, 5, null]);
		expect(turnover.trend).toEqual([
			{ year: 2023, value: 18 },
			{ year: 2024, value: 20 }
		]);
	});
	it('signs the standing so that above 0 is better, whatever the direction', () => {
		const { strongest, weakest } = strongestAndWeakest(rows);
		expect(strongest.map((r) => r.indicator)).toEqual(['Tase']);
		expect(weakest.map((r) => r.indicator)).toEqual(['Voolavus (%)']);
	});
});

describe('strongestAndWeakest(rows) threshold', () => {
	it('leaves out differences under a quarter of a standard deviation', () => {
		const row = (indicator: string, standing: number) =>
			({ indicator, standing }) as unknown as Parameters<typeof strongestAndWeakest>[0][number];
		const r = strongestAndWeakest([
			row('a', 0.1),
			row('b', 0.5),
			row('c', -0.2),
			row('d', -1),
			row('e', 0.3)
		]);
		expect(r.strongest.map((x) => x.indicator)).toEqual(['b', 'e']);
		expect(r.weakest.map((x) => x.indicator)).toEqual(['d']);
	});
});
