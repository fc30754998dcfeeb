import { describe, expect, it } from 'vitest';
import { buildSimilarity, lastSimilarity } from '../../../src/routes/municipalities/similar';
import type { YearValue } from '$lib/queries/municipalities';
import type { Municipality } from '$lib/types';
import { municipalities as list } from '../municipalities';

const municipalities: Municipality[] = list.map((m, i) => ({
	...m,
	type: 'vald',
	county: '',
	population: 1000 + ((i * 7919) % 90000),
	lat: null,
	lon: null
}));
const INDICATORS = ['Ametnike arv', 'Personali voolavus (%)', 'Koolituspäevi töötaja kohta'];
const rows: YearValue[] = municipalities.flatMap((m, i) =>
	INDICATORS.map((indicator, k) => ({
		ehak_code: m.ehak_code,
		year: 2024,
		indicator,
		value: (i * (k + 3)) % 13
	}))
);
const chosen = INDICATORS.map((indicator, k) => ({ indicator, weight: 1 + k }));

describe('lastSimilarity: the groups are computed once per year, indicators and weights', () => {
	it('gives the same groups as buildSimilarity', () => {
		const similarityOf = lastSimilarity();
		expect(similarityOf(municipalities, rows, 2024, chosen).groups).toEqual(
			buildSimilarity(municipalities, rows, 2024, chosen).groups
		);
	});

	it('answers the same inputs with the result it has (back to `similar`, another indicator shown)', () => {
		const similarityOf = lastSimilarity();
		const first = similarityOf(municipalities, rows, 2024, chosen);
		// A new array of the same choices, as the page derives it again from the URL.
		expect(
			similarityOf(
				municipalities,
				rows,
				2024,
				chosen.map((c) => ({ ...c }))
			)
		).toBe(first);
	});

	it('computes again when a weight, the indicators, the year or the loaded values change', () => {
		const similarityOf = lastSimilarity();
		let last = similarityOf(municipalities, rows, 2024, chosen);
		const changes: [Municipality[], YearValue[], number, typeof chosen][] = [
			[municipalities, rows, 2024, chosen.map((c, k) => ({ ...c, weight: k === 0 ? 3 : c.weight }))],
			[municipalities, rows, 2024, chosen.slice(1)],
			[municipalities, rows, 2023, chosen],
			[municipalities, rows.map((r) => ({ ...r })), 2024, chosen]
		];
		for (const [m, r, y, c] of changes) {
			const next = similarityOf(m, r, y, c);
			expect(next).not.toBe(last);
			expect(next.groups).toEqual(buildSimilarity(m, r, y, c).groups);
			last = next;
		}
	});
});
