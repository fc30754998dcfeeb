import { describe, it, expect } from 'vitest';
import {
	POPULATION_INDICATOR,
	parseSimilarityParam,
	formatSimilarityParam,
	similarGroups,
	similarTo,
	similarityModel,
	standardise
} from '../../../src/lib/metrics/similarity';
import { municipalities as municipalityList } from '../municipalities';

/**
 * A 5-municipality case computed by hand (metrics.md "Similar municipalities"):
 *   i1: 1, 2, 3, 4, 5        mean 3, population SD √2
 *   i2: 10 everywhere        SD 0 → left out
 *   i3: 2, 0, 2, 4, –        mean 2, SD √2
 *   i4: 2, 1, 2, 3, –        mean 2, SD 1/√2   (weight 2)
 * 0005 has i1 only: it shares 1 of the 3 indicators left with anyone, fewer than ⌈3/2⌉ = 2.
 * From 0003 (z = 0, 0, 0): 0001 differs on i1 only (z −√2): √(2/4); 0002 and 0004 lie mirrored
 * (z ∓1/√2, ∓√2, ∓√2): √((½ + 2 + 2·2)/4) = √1.625 each — a tie, broken by name (Antsla first).
 */
const municipalities = [
	{ ehak_code: '0001', name: 'Kose vald', population: 1000 },
	{ ehak_code: '0002', name: 'Viru vald', population: 10000 },
	{ ehak_code: '0003', name: 'Keskvald', population: 100000 },
	{ ehak_code: '0004', name: 'Antsla vald', population: 100 },
	{ ehak_code: '0005', name: 'Elva vald', population: 10 }
];
const col = (...vs: (number | null)[]) =>
	new Map(vs.flatMap((v, i) => (v === null ? [] : [[`000${i + 1}`, v] as [string, number]])));
const values = new Map([
	['i1', col(1, 2, 3, 4, 5)],
	['i2', col(10, 10, 10, 10, 10)],
	['i3', col(2, 0, 2, 4, null)],
	['i4', col(2, 1, 2, 3, null)]
]);
const chosen = [
	{ indicator: 'i1', weight: 1 },
	{ indicator: 'i2', weight: 1 },
	{ indicator: 'i3', weight: 1 },
	{ indicator: 'i4', weight: 2 }
];

describe('standardise(values)', () => {
	it('uses the population standard deviation: z = (value − mean) / SD', () => {
		const s = standardise(values.get('i1')!)!;
		expect(s.mean).toBe(3);
		expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
		const r = Math.SQRT1_2;
		expect([...s.z.values()].map((z) => Number(z.toFixed(12)))).toEqual(
			[-2 * r, -r, 0, r, 2 * r].map((z) => Number(z.toFixed(12)))
		);
	});
	it('returns null for an indicator whose SD is 0, or with fewer than two values', () => {
		expect(standardise(values.get('i2')!)).toBeNull();
		expect(standardise(new Map([['0001', 4]]))).toBeNull();
	});
});

describe('similarityModel(municipalities, values, chosen)', () => {
	it('leaves out the zero-variance indicator and needs half of the rest (rounded up) shared', () => {
		const m = similarityModel(municipalities, values, chosen);
		expect(m.used.map((u) => u.indicator)).toEqual(['i1', 'i3', 'i4']);
		expect(m.dropped).toEqual(['i2']);
		expect(m.minShared).toBe(2);
		expect(m.used[2].sd).toBeCloseTo(Math.SQRT1_2, 12);
	});
	it('standardises `population` as log10 of the population', () => {
		const m = similarityModel(municipalities, values, [{ indicator: POPULATION_INDICATOR, weight: 1 }]);
		// log10: 3, 4, 5, 2, 1 → mean 3, SD √2
		expect(m.used[0].mean).toBeCloseTo(3, 12);
		expect(m.used[0].sd).toBeCloseTo(Math.SQRT2, 12);
		expect(m.used[0].z.get('0003')).toBeCloseTo(2 / Math.SQRT2, 12);
	});
});

describe('similarTo(model, municipalities, code)', () => {
	const model = similarityModel(municipalities, values, chosen);
	const r = similarTo(model, municipalities, '0003');
	it('computes the weighted distance over the shared indicators', () => {
		expect(r.similar.map((s) => s.ehak_code)).toEqual(['0001', '0004', '0002']);
		expect(r.similar[0].distance).toBeCloseTo(Math.sqrt(0.5), 12);
		expect(r.similar[1].distance).toBeCloseTo(Math.sqrt(1.625), 12);
		expect(r.similar[2].distance).toBeCloseTo(Math.sqrt(1.625), 12);
		expect(r.similar.map((s) => s.rank)).toEqual([1, 2, 3]);
		expect(r.similar.map((s) => s.shared)).toEqual([3, 3, 3]);
	});
	it('breaks equal distances alphabetically by name, not by code', () => {
		expect(r.similar.slice(1).map((s) => s.name)).toEqual(['Antsla vald', 'Viru vald']);
	});
	it('leaves out a municipality sharing fewer than half of the indicators', () => {
		expect(r.tooFewShared).toEqual(['0005']);
	});
	it('lists per indicator how alike they are, the most alike first', () => {
		expect(r.similar[0].differences.map((d) => [d.indicator, Number(d.gap.toFixed(9))])).toEqual([
			['i3', 0],
			['i4', 0],
			['i1', Number(Math.SQRT2.toFixed(9))]
		]);
	});
	it('keeps the 7 nearest (here k = 2) and never includes the municipality itself', () => {
		const two = similarTo(model, municipalities, '0003', 2).similar;
		expect(two.map((s) => s.ehak_code)).toEqual(['0001', '0004']);
		const groups = similarGroups(model, municipalities);
		for (const [code, group] of groups) expect(group).not.toContain(code);
		expect(groups.get('0003')).toEqual(['0001', '0004', '0002']);
	});
	it('a weight of 0 drops the indicator; with no indicator left nobody is similar', () => {
		const none = similarityModel(municipalities, values, [{ indicator: 'i2', weight: 1 }]);
		expect(similarTo(none, municipalities, '0003').similar).toEqual([]);
	});
});

describe('parseSimilarityParam(value)', () => {
	it('reads `name` (weight 1) and `weight*name`, and writes them back', () => {
		expect(parseSimilarityParam('Personali voolavus (%)')).toEqual({
			indicator: 'Personali voolavus (%)',
			weight: 1
		});
		expect(parseSimilarityParam('2*Personali voolavus (%)')).toEqual({
			indicator: 'Personali voolavus (%)',
			weight: 2
		});
		expect(parseSimilarityParam('0,5*population')).toEqual({ indicator: 'population', weight: 0.5 });
		expect(formatSimilarityParam({ indicator: 'x', weight: 2 })).toBe('2*x');
		expect(formatSimilarityParam({ indicator: 'x', weight: 1 })).toBe('x');
	});
	it('rejects weights outside (0, 10]', () => {
		expect(parseSimilarityParam('0*x')).toBeNull();
		expect(parseSimilarityParam('11*x')).toBeNull();
	});
});

describe('similarGroups at the size of Estonia (79 municipalities, 150 indicators)', () => {
	it('the distance-only groups are exactly the full similarTo lists, ties by Estonian name order', () => {
		const all = municipalityList.map((m, i) => ({ ...m, population: 1000 + ((i * 7919) % 90000) }));
		const vals = new Map<string, Map<string, number>>();
		const chosen = [];
		for (let k = 0; k < 150; k++) {
			const v = new Map<string, number>();
			// Some missing values and many equal ones (ties), as real indicators have.
			all.forEach((m, i) => {
				if ((i + k) % 17 !== 0) v.set(m.ehak_code, ((i * (k + 3)) % 11) + (k % 3));
			});
			vals.set(`n${k}`, v);
			chosen.push({ indicator: `n${k}`, weight: 1 + (k % 2) });
		}
		const model = similarityModel(all, vals, chosen);
		const groups = similarGroups(model, all);
		expect(groups.size).toBe(79);
		for (const m of all)
			expect(groups.get(m.ehak_code), m.name).toEqual(
				similarTo(model, all, m.ehak_code).similar.map((s) => s.ehak_code)
			);
	});
});
