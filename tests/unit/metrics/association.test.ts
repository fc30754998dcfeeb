import { describe, it, expect } from 'vitest';
import { averageRanks, reachPoints, spearman } from '../../../src/lib/metrics/association';

describe('spearman(pairs)', () => {
	const pairs = (xs: number[], ys: number[]) => xs.map((x, i) => ({ x, y: ys[i] }));
	it('is 1 for a monotone increase and −1 for a decrease', () => {
		expect(spearman(pairs([1, 2, 3, 4], [10, 20, 35, 90]))).toBeCloseTo(1, 12);
		expect(spearman(pairs([1, 2, 3, 4], [9, 5, 2, 1]))).toBeCloseTo(-1, 12);
	});
	it('matches 1 − 6Σd²/(n(n²−1)) without ties: x 1..5, y ranks 2,1,4,3,5 → 0.8', () => {
		expect(spearman(pairs([1, 2, 3, 4, 5], [20, 10, 40, 30, 50]))).toBeCloseTo(0.8, 12);
	});
	it('gives ties the mean of their ranks', () => {
		expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
		expect(averageRanks([0, 0, 0])).toEqual([2, 2, 2]);
	});
	it('is null with fewer than 3 pairs or a side that does not vary', () => {
		expect(spearman(pairs([1, 2], [1, 2]))).toBeNull();
		expect(spearman(pairs([1, 2, 3], [4, 4, 4]))).toBeNull();
	});
});

describe('reachPoints(o)', () => {
	it('sums participants of the chosen years per 1,000 inhabitants; no training is 0, a missing value no change', () => {
		const points = reachPoints({
			municipalities: [
				{ ehak_code: 'a', name: 'A', population: 2000 },
				{ ehak_code: 'b', name: 'B', population: 500 },
				{ ehak_code: 'c', name: 'C', population: null }
			],
			participants: [
				{ ehak_code: 'a', year: 2022, registered: 10 },
				{ ehak_code: 'a', year: 2025, registered: 99 },
				{ ehak_code: 'a', year: 2023, registered: 4 }
			],
			values: new Map([
				[
					'a',
					new Map([
						[2022, 50],
						[2024, 56]
					])
				],
				['b', new Map([[2022, 40]])]
			]),
			from: 2022,
			to: 2024
		});
		expect(points).toEqual([
			{ ehak_code: 'a', name: 'A', participants: 14, reach: 7, value_from: 50, value_to: 56, change: 6 },
			{ ehak_code: 'b', name: 'B', participants: 0, reach: 0, value_from: 40, value_to: null, change: null }
		]);
	});
});
