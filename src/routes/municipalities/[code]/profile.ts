/**
 * One municipality's profile: every indicator of the year with its value, national rank of how
 * many, peer median, change since the previous year and its own trend — the rules of metrics.md
 * "Municipality comparison" (the tested functions of $lib/metrics/ranking), indicator by indicator.
 */
import { municipalityComparison, type PeerGroup, type SimilarGroups } from '$lib/metrics/ranking';
import type { IndicatorInfo, YearValue } from '$lib/queries/municipalities';
import type { Municipality, ServiceLevelRow } from '$lib/types';

export interface ProfileRow {
	indicator: string;
	domain: string | null;
	unit: string | null;
	higher_is_better: boolean;
	value: number | null;
	rank: number | null;
	/** How many municipalities have a value (the rank is out of these). */
	ranked: number;
	peer_median: number | null;
	diff_from_peer_median: number | null;
	change: number | null;
	/**
	 * The difference from the peer median in national standard deviations, signed so that above 0
	 * is better: what makes "strongest" and "weakest" comparable across units.
	 */
	standing: number | null;
	trend: { year: number; value: number | null }[];
	[k: string]: unknown;
}

export function profileRows(o: {
	municipalities: Municipality[];
	indicators: IndicatorInfo[];
	yearValues: YearValue[];
	own: { year: number; indicator: string; value: number | null }[];
	code: string;
	year: number;
	peer: PeerGroup;
	similar?: SimilarGroups;
}): ProfileRow[] {
	const byIndicator = new Map<string, YearValue[]>();
	for (const r of o.yearValues) {
		const list = byIndicator.get(r.indicator) ?? [];
		list.push(r);
		byIndicator.set(r.indicator, list);
	}
	const ownByIndicator = new Map<string, { year: number; value: number | null }[]>();
	for (const r of o.own) {
		const list = ownByIndicator.get(r.indicator) ?? [];
		list.push({ year: r.year, value: r.value });
		ownByIndicator.set(r.indicator, list);
	}
	return o.indicators
		.filter((i) => i.years.includes(o.year))
		.map((info) => {
			const rows: ServiceLevelRow[] = (byIndicator.get(info.indicator) ?? []).map((r) => ({
				...r,
				domain: info.domain,
				unit: info.unit,
				higher_is_better: info.higher_is_better
			}));
			const all = municipalityComparison({
				municipalities: o.municipalities,
				rows,
				indicator: info.indicator,
				year: o.year,
				peer: o.peer,
				similar: o.similar
			});
			const self = all.find((c) => c.ehak_code === o.code);
			const now = all.map((c) => c.value).filter((v): v is number => v !== null);
			const mean = now.reduce((s, v) => s + v, 0) / (now.length || 1);
			const sd = Math.sqrt(now.reduce((s, v) => s + (v - mean) ** 2, 0) / (now.length || 1));
			const diff = self?.diff_from_peer_median ?? null;
			return {
				indicator: info.indicator,
				domain: info.domain,
				unit: info.unit,
				higher_is_better: info.higher_is_better,
				value: self?.value ?? null,
				rank: self?.rank ?? null,
				ranked: now.length,
				peer_median: self?.peer_median ?? null,
				diff_from_peer_median: diff,
				change: self?.change ?? null,
				standing: diff !== null && sd > 0 ? ((info.higher_is_better ? 1 : -1) * diff) / sd : null,
				trend: info.years.map((year) => ({
					year,
					value: ownByIndicator.get(info.indicator)?.find((r) => r.year === year)?.value ?? null
				}))
			};
		});
}

/** Closer to the peer median than this (in national SDs) is neither a strength nor a weakness. */
export const MIN_STANDING = 0.25;

/** The indicators furthest above and below the peer median (in national SDs), up to `n` each. */
export function strongestAndWeakest(
	rows: ProfileRow[],
	n = 3
): { strongest: ProfileRow[]; weakest: ProfileRow[] } {
	const placed = rows.filter((r) => r.standing !== null && Math.abs(r.standing) >= MIN_STANDING);
	return {
		strongest: placed
			.filter((r) => (r.standing as number) > 0)
			.sort((a, b) => (b.standing as number) - (a.standing as number))
			.slice(0, n),
		weakest: placed
			.filter((r) => (r.standing as number) < 0)
			.sort((a, b) => (a.standing as number) - (b.standing as number))
			.slice(0, n)
	};
}
