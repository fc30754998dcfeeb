/**
 * The `peer=similar` choice in the URL and what the pages need from the similarity rules
 * ($lib/metrics/similarity): one `sim` parameter per chosen indicator (`name` or `weight*name`,
 * `population` = log10 of the population); without any, every indicator of the domain that has
 * values in the year, weight 1 (metrics.md "Similar municipalities").
 */
import {
	POPULATION_INDICATOR,
	formatSimilarityParam,
	parseSimilarityParam,
	similarGroups,
	similarityModel,
	type SimilarityModel,
	type WeightedIndicator
} from '$lib/metrics/similarity';
import type { ParamIssue } from '$lib/state/params';
import type { IndicatorInfo, YearValue } from '$lib/queries/municipalities';
import type { Municipality } from '$lib/types';

export const SIM_PARAM = 'sim';

export interface SimilarityChoice {
	chosen: WeightedIndicator[];
	/** The chosen indicators came from the URL (not the domain default). */
	custom: boolean;
	issues: ParamIssue[];
}

export function defaultSimilarity(
	indicators: IndicatorInfo[],
	domain: string | null,
	year: number | null
): WeightedIndicator[] {
	return indicators
		.filter((i) => i.domain === domain && year !== null && i.years.includes(year))
		.map((i) => ({ indicator: i.indicator, weight: 1 }));
}

export function readSimilarityChoice(
	params: URLSearchParams,
	indicators: IndicatorInfo[],
	domain: string | null,
	year: number | null
): SimilarityChoice {
	const issues: ParamIssue[] = [];
	const known = new Set([POPULATION_INDICATOR, ...indicators.map((i) => i.indicator)]);
	const chosen: WeightedIndicator[] = [];
	for (const raw of params.getAll(SIM_PARAM)) {
		const c = parseSimilarityParam(raw);
		if (!c || !known.has(c.indicator)) issues.push({ param: SIM_PARAM, value: raw });
		else if (!chosen.some((x) => x.indicator === c.indicator)) chosen.push(c);
	}
	if (chosen.length) return { chosen, custom: true, issues };
	return { chosen: defaultSimilarity(indicators, domain, year), custom: false, issues };
}

/** `url`'s query with the chosen indicators as `sim` parameters (null: back to the default). */
export function withSimilarity(url: URL, chosen: WeightedIndicator[] | null): string {
	const next = new URLSearchParams(url.searchParams);
	next.delete(SIM_PARAM);
	for (const c of chosen ?? []) next.append(SIM_PARAM, formatSimilarityParam(c));
	const q = next.toString();
	return q ? `?${q}` : '?';
}

/** The values of one year by indicator (ehak_code → value), as the similarity model reads them. */
export function valuesOfYear(rows: YearValue[], year: number): Map<string, Map<string, number>> {
	const out = new Map<string, Map<string, number>>();
	for (const r of rows) {
		if (r.year !== year || r.value === null) continue;
		let m = out.get(r.indicator);
		if (!m) out.set(r.indicator, (m = new Map()));
		m.set(r.ehak_code, r.value);
	}
	return out;
}

/**
 * buildSimilarity that keeps its last result: switching the peer group away from `similar` and back,
 * or changing the indicator on screen, does not compute the 79 × 78 distances again. The inputs are
 * compared by identity (the loaded lists) and by value (year, chosen indicators and weights).
 */
export function lastSimilarity(): typeof buildSimilarity {
	let last: {
		municipalities: Municipality[];
		rows: YearValue[];
		year: number;
		key: string;
		result: ReturnType<typeof buildSimilarity>;
	} | null = null;
	return (municipalities, rows, year, chosen) => {
		const key = chosen.map((c) => `${c.weight}*${c.indicator}`).join('\u001f');
		if (
			last &&
			last.municipalities === municipalities &&
			last.rows === rows &&
			last.year === year &&
			last.key === key
		)
			return last.result;
		const result = buildSimilarity(municipalities, rows, year, chosen);
		last = { municipalities, rows, year, key, result };
		return result;
	};
}

export function buildSimilarity(
	municipalities: Municipality[],
	rows: YearValue[],
	year: number,
	chosen: WeightedIndicator[]
): { model: SimilarityModel; groups: Map<string, string[]> } {
	const model = similarityModel(municipalities, valuesOfYear(rows, year), chosen);
	return { model, groups: similarGroups(model, municipalities) };
}
