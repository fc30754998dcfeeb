/**
 * What the municipalities page shows, from the loaded rows: the ranking table, the selected
 * municipality's trend against its peers, and the side-by-side comparison. The rules themselves
 * (rank, peer median, change) are the tested metric functions in $lib/metrics/ranking.
 */
import {
	median,
	municipalityComparison,
	peerMedianTrend,
	type PeerGroup,
	type SimilarGroups
} from '$lib/metrics/ranking';
import type { IndicatorInfo } from '$lib/queries/municipalities';
import type { Municipality, ServiceLevelRow } from '$lib/types';

export interface RankingRow {
	ehak_code: string;
	name: string;
	county: string;
	type: string;
	population: number | null;
	value: number | null;
	rank: number | null;
	peer_median: number | null;
	diff_from_peer_median: number | null;
	change: number | null;
	[k: string]: string | number | null;
}

/** Every municipality (missing values stay missing), with its national rank and its peer median. */
export function rankingRows(
	municipalities: Municipality[],
	rows: ServiceLevelRow[],
	indicator: string,
	year: number,
	peer: PeerGroup,
	similar?: SimilarGroups
): RankingRow[] {
	const byCode = new Map(
		municipalityComparison({ municipalities, rows, indicator, year, peer, similar }).map((c) => [
			c.ehak_code,
			c
		])
	);
	return municipalities.map((m) => {
		const c = byCode.get(m.ehak_code);
		return {
			ehak_code: m.ehak_code,
			name: m.name,
			county: m.county,
			type: m.type,
			population: m.population,
			value: c?.value ?? null,
			rank: c?.rank ?? null,
			peer_median: c?.peer_median ?? null,
			diff_from_peer_median: c?.diff_from_peer_median ?? null,
			change: c?.change ?? null
		};
	});
}

export interface TrendRow {
	year: number;
	value: number | null;
	peer_median: number | null;
	[k: string]: number | null;
}

/** One municipality's value and its peer median in every year of the indicator. */
export function trendRows(
	municipalities: Municipality[],
	rows: ServiceLevelRow[],
	indicator: string,
	peer: PeerGroup,
	code: string,
	similar?: SimilarGroups
): TrendRow[] {
	return peerMedianTrend({ municipalities, rows, indicator, ehak_code: code, peer, similar });
}

export interface CompareRow {
	indicator: string;
	unit: string | null;
	higher_is_better: boolean;
	ehak_code: string;
	name: string;
	value: number | null;
	rank: number | null;
	/** How many municipalities have a value (the rank is out of these). */
	ranked: number;
	national_median: number | null;
	[k: string]: string | number | boolean | null;
}

/** The compared municipalities on every indicator of a domain in one year, with national rank and median. */
export function compareRows(
	municipalities: Municipality[],
	domainRows: ServiceLevelRow[],
	indicators: IndicatorInfo[],
	year: number,
	codes: string[]
): CompareRow[] {
	const names = new Map(municipalities.map((m) => [m.ehak_code, m.name]));
	return indicators.flatMap((info) => {
		const all = municipalityComparison({
			municipalities,
			rows: domainRows,
			indicator: info.indicator,
			year,
			peer: 'county'
		});
		const values = all.map((c) => c.value).filter((v): v is number => v !== null && Number.isFinite(v));
		const national = values.length ? median(values) : null;
		return codes.map((code) => {
			const c = all.find((r) => r.ehak_code === code);
			return {
				indicator: info.indicator,
				unit: info.unit,
				higher_is_better: info.higher_is_better,
				ehak_code: code,
				name: names.get(code) ?? code,
				value: c?.value ?? null,
				rank: c?.rank ?? null,
				ranked: values.length,
				national_median: national
			};
		});
	});
}
