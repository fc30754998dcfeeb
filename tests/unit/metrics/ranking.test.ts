import { describe, it, expect } from 'vitest';
import {
	median,
	municipalityComparison,
	peerMedianTrend,
	populationBand,
	rankValues
} from '../../../src/lib/metrics/ranking';
import type { Municipality, ServiceLevelRow } from '../../../src/lib/types';

const M = (ehak_code: string, county: string, type: 'linn' | 'vald', population: number): Municipality => ({
	ehak_code,
	name: `M${ehak_code}`,
	type,
	county,
	population,
	lat: null,
	lon: null
});
const munis = [
	M('0001', 'A', 'linn', 60000),
	M('0002', 'A', 'vald', 4000),
	M('0003', 'A', 'vald', 8000),
	M('0004', 'B', 'vald', 12000),
	M('0005', 'B', 'linn', 9000)
];
const R = (ehak_code: string, year: number, value: number | null, hib = true): ServiceLevelRow => ({
	ehak_code,
	year,
	domain: 'd',
	indicator: 'i',
	value,
	unit: null,
	higher_is_better: hib
});

describe('rankValues(values, higherIsBetter)', () => {
	it('ranks 1 = best; ties share the best rank and the next rank skips (1, 2, 2, 4)', () => {
		const r = rankValues(
			[
				{ key: 'a', value: 9 },
				{ key: 'b', value: 7 },
				{ key: 'c', value: 7 },
				{ key: 'd', value: 3 }
			],
			true
		);
		expect([...r.values()]).toEqual([1, 2, 2, 4]);
	});
	it('respects lower-is-better', () => {
		const r = rankValues(
			[
				{ key: 'a', value: 9 },
				{ key: 'b', value: 3 }
			],
			false
		);
		expect([r.get('a'), r.get('b')]).toEqual([2, 1]);
	});
	it('leaves missing values unranked (null), never last', () => {
		const r = rankValues(
			[
				{ key: 'a', value: null },
				{ key: 'b', value: 0 }
			],
			true
		);
		expect([r.get('a'), r.get('b')]).toEqual([null, 1]);
	});
});

describe('populationBand(population)', () => {
	it.each([
		[4999, 'lt5k'],
		[5000, '5k-10k'],
		[9999, '5k-10k'],
		[10000, '10k-20k'],
		[19999, '10k-20k'],
		[20000, '20k-50k'],
		[49999, '20k-50k'],
		[50000, 'ge50k']
	])('%d → %s', (p, band) => expect(populationBand(p)).toBe(band));
});

describe('median(values)', () => {
	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});

describe('municipalityComparison(...)', () => {
	const rows = [
		R('0001', 2024, 10),
		R('0002', 2024, 20),
		R('0003', 2024, null),
		R('0004', 2024, 30),
		R('0005', 2024, 20),
		R('0001', 2023, 8),
		R('0004', 2023, null)
	];
	const by = (peer: 'county' | 'type' | 'size') =>
		new Map(
			municipalityComparison({ municipalities: munis, rows, indicator: 'i', year: 2024, peer }).map((c) => [
				c.ehak_code,
				c
			])
		);
	it('peer median of the same county includes the municipality itself and skips members without a value', () => {
		const c = by('county');
		expect(c.get('0001')?.peer_median).toBe(15); // county A: 10, 20 (0003 has no value)
		expect(c.get('0004')?.peer_median).toBe(25); // county B: 30, 20
		expect(c.get('0003')).toMatchObject({
			value: null,
			rank: null,
			peer_median: 15,
			diff_from_peer_median: null
		});
	});
	it('peer groups by type and by population band', () => {
		expect(by('type').get('0002')?.peer_median).toBe(25); // vald: 20, 30
		expect(by('size').get('0005')?.peer_median).toBe(20); // 5k–10k: 0005 (20), 0003 (missing)
	});
	it('national ranks with ties and change since the previous year (missing if either year is)', () => {
		const c = by('county');
		expect([1, 2, 4, 5].map((i) => c.get(`000${i}`)?.rank)).toEqual([4, 2, 1, 2]);
		expect(c.get('0001')?.change).toBe(2);
		expect(c.get('0004')?.change).toBeNull();
		expect(c.get('0002')?.change).toBeNull();
	});
	it('trend: the municipality and its peer median per year', () => {
		expect(
			peerMedianTrend({ municipalities: munis, rows, indicator: 'i', ehak_code: '0001', peer: 'county' })
		).toEqual([
			{ year: 2023, value: 8, peer_median: 8 },
			{ year: 2024, value: 10, peer_median: 15 }
		]);
	});
});

describe('municipalityComparison(...) with peer = similar', () => {
	it('takes each municipality’s median over itself and its own similar municipalities', () => {
		const rows = [
			R('0001', 2024, 10),
			R('0002', 2024, 20),
			R('0003', 2024, 30),
			R('0004', 2024, null),
			R('0005', 2024, 50)
		];
		const similar = new Map([
			['0001', ['0002', '0004']],
			['0002', ['0005', '0003']]
		]);
		const c = municipalityComparison({
			municipalities: munis,
			rows,
			indicator: 'i',
			year: 2024,
			peer: 'similar',
			similar
		});
		const median = new Map(c.map((x) => [x.ehak_code, x.peer_median]));
		expect(median.get('0001')).toBe(15); // 10, 20 (0004 has no value)
		expect(median.get('0002')).toBe(30); // 20, 50, 30
		expect(median.get('0003')).toBe(30); // no similar ones: itself
	});
});
