/**
 * Similar municipalities — metrics.md "Similar municipalities" (Kolada's "liknande kommuner", made
 * transparent): every chosen indicator is standardised over the municipalities with a value that
 * year (population standard deviation; an indicator whose SD is 0 is left out), the distance is the
 * weighted root-mean-square of the z-score differences over the indicators both have, a municipality
 * sharing fewer than half of the indicators (rounded up) is left out, and the 7 nearest are the
 * peer group (equal distances: alphabetical by name).
 */

/** `population` among the chosen indicators means log10 of the municipality's population. */
export const POPULATION_INDICATOR = 'population';
export const SIMILAR_COUNT = 7;
/** Two distances this close are equal (the same sums in another order differ in the last bits). */
const TIE = 1e-12;
/** |z difference| up to this: "alike"; from ALIKE_Z * 2 on: "differs". */
export const ALIKE_Z = 0.5;

export interface WeightedIndicator {
	indicator: string;
	weight: number;
}

export interface SimilarityMunicipality {
	ehak_code: string;
	name: string;
	population: number | null;
}

export interface Standardised {
	indicator: string;
	weight: number;
	mean: number;
	sd: number;
	/** ehak_code → z-score, for the municipalities with a value. */
	z: Map<string, number>;
}

export interface SimilarityModel {
	/** The chosen indicators that stay (SD > 0), in the chosen order. */
	used: Standardised[];
	/** Chosen indicators left out: SD 0 (every value equal) or fewer than two values. */
	dropped: string[];
	/** How many indicators a municipality must share with another: ceil(|used| / 2). */
	minShared: number;
}

/** z = (value − mean) / population SD; null when the SD is 0 (or fewer than two values). */
export function standardise(
	values: Map<string, number>
): { mean: number; sd: number; z: Map<string, number> } | null {
	const xs = [...values.values()].filter((v) => Number.isFinite(v));
	if (xs.length < 2) return null;
	const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
	const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
	if (!(sd > 0)) return null;
	const z = new Map<string, number>();
	for (const [k, v] of values) if (Number.isFinite(v)) z.set(k, (v - mean) / sd);
	return { mean, sd, z };
}

/**
 * Standardises the chosen indicators. `values` holds each indicator's values in the year (ehak_code →
 * value, missing left out); `population` is read from the municipalities (log10).
 */
export function similarityModel(
	municipalities: SimilarityMunicipality[],
	values: Map<string, Map<string, number>>,
	chosen: WeightedIndicator[]
): SimilarityModel {
	const used: Standardised[] = [];
	const dropped: string[] = [];
	for (const c of chosen) {
		if (!(c.weight > 0)) continue;
		let v: Map<string, number> | undefined;
		if (c.indicator === POPULATION_INDICATOR) {
			v = new Map();
			for (const m of municipalities)
				if (m.population !== null && m.population > 0) v.set(m.ehak_code, Math.log10(m.population));
		} else v = values.get(c.indicator);
		const s = v ? standardise(v) : null;
		if (s) used.push({ indicator: c.indicator, weight: c.weight, ...s });
		else dropped.push(c.indicator);
	}
	return { used, dropped, minShared: Math.ceil(used.length / 2) };
}

export interface IndicatorDifference {
	indicator: string;
	z_self: number;
	z_other: number;
	/** |z_self − z_other|. */
	gap: number;
}

export interface SimilarMunicipality {
	ehak_code: string;
	name: string;
	distance: number;
	/** 1 = most similar. */
	rank: number;
	/** Indicators both have a value for. */
	shared: number;
	/** Per shared indicator, smallest gap first. */
	differences: IndicatorDifference[];
}

export interface SimilarResult {
	similar: SimilarMunicipality[];
	/** Municipalities left out for sharing fewer than `minShared` indicators with the municipality. */
	tooFewShared: string[];
}

/** distance(M, X) and what it is made of; null when they share fewer than `minShared` indicators. */
export function distanceBetween(
	model: SimilarityModel,
	m: string,
	x: string,
	withDifferences = true
): { distance: number; shared: number; differences: IndicatorDifference[] } | null {
	let sum = 0;
	let weights = 0;
	let shared = 0;
	const differences: IndicatorDifference[] = [];
	for (const s of model.used) {
		const a = s.z.get(m);
		const b = s.z.get(x);
		if (a === undefined || b === undefined) continue;
		sum += s.weight * (a - b) ** 2;
		weights += s.weight;
		shared++;
		if (withDifferences)
			differences.push({ indicator: s.indicator, z_self: a, z_other: b, gap: Math.abs(a - b) });
	}
	if (shared === 0 || shared < model.minShared) return null;
	differences.sort((p, q) => p.gap - q.gap);
	return { distance: Math.sqrt(sum / weights), shared, differences };
}

const byName = new Intl.Collator('et');

/** The `k` municipalities most similar to `code` (itself excluded), nearest first. */
export function similarTo(
	model: SimilarityModel,
	municipalities: SimilarityMunicipality[],
	code: string,
	k = SIMILAR_COUNT,
	/** false: distances only, `differences` left empty (the peer groups need no more; 79 × 78 pairs). */
	withDifferences = true
): SimilarResult {
	const candidates: Omit<SimilarMunicipality, 'rank'>[] = [];
	const tooFewShared: string[] = [];
	if (model.used.length === 0) return { similar: [], tooFewShared };
	for (const x of municipalities) {
		if (x.ehak_code === code) continue;
		const d = distanceBetween(model, code, x.ehak_code, withDifferences);
		if (d === null) tooFewShared.push(x.ehak_code);
		else candidates.push({ ehak_code: x.ehak_code, name: x.name, ...d });
	}
	candidates.sort((a, b) =>
		Math.abs(a.distance - b.distance) <= TIE ? byName.compare(a.name, b.name) : a.distance - b.distance
	);
	return {
		similar: candidates.slice(0, k).map((c, i) => ({ ...c, rank: i + 1 })),
		tooFewShared
	};
}

/** Every municipality's similar municipalities (the `peer=similar` groups), by ehak_code. */
export function similarGroups(
	model: SimilarityModel,
	municipalities: SimilarityMunicipality[],
	k = SIMILAR_COUNT
): Map<string, string[]> {
	return new Map(
		municipalities.map((m) => [
			m.ehak_code,
			similarTo(model, municipalities, m.ehak_code, k, false).similar.map((s) => s.ehak_code)
		])
	);
}

/**
 * The URL form of the chosen indicators: one `sim` parameter per indicator, `name` (weight 1) or
 * `weight*name` (`2*Personali voolavus (%)`). Weights are numbers in (0, 10].
 */
export function parseSimilarityParam(value: string): WeightedIndicator | null {
	const m = /^(\d+(?:[.,]\d+)?)\*(.+)$/.exec(value);
	if (!m) return value.trim() ? { indicator: value, weight: 1 } : null;
	const weight = Number(m[1].replace(',', '.'));
	if (!(weight > 0 && weight <= 10)) return null;
	return { indicator: m[2], weight };
}

export function formatSimilarityParam(c: WeightedIndicator): string {
	return c.weight === 1 ? c.indicator : `${c.weight}*${c.indicator}`;
}
