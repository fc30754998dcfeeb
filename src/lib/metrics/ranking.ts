import type { Municipality, ServiceLevelRow } from '$lib/types';

/**
 * Peer groups of metrics.md "Municipality comparison", and `similar`: a municipality's 7 similar
 * municipalities ("Similar municipalities", similarity.ts) — each municipality has its own.
 */
export type PeerGroup = 'county' | 'type' | 'size' | 'similar';
export const PEER_GROUPS: PeerGroup[] = ['county', 'type', 'size', 'similar'];
/** ehak_code → its similar municipalities (without itself), for `peer = similar`. */
export type SimilarGroups = Map<string, string[]>;

export type PopulationBand = 'lt5k' | '5k-10k' | '10k-20k' | '20k-50k' | 'ge50k';
export const POPULATION_BANDS: PopulationBand[] = ['lt5k', '5k-10k', '10k-20k', '20k-50k', 'ge50k'];

/** < 5 000, 5 000–9 999, 10 000–19 999, 20 000–49 999, ≥ 50 000. */
export function populationBand(population: number | null): PopulationBand | null {
	if (population === null || !Number.isFinite(population)) return null;
	if (population < 5000) return 'lt5k';
	if (population < 10000) return '5k-10k';
	if (population < 20000) return '10k-20k';
	if (population < 50000) return '20k-50k';
	return 'ge50k';
}

/** The shared key of a partition peer group; `similar` groups are no partition (null). */
export function peerKey(m: Municipality, peer: PeerGroup): string | null {
	if (peer === 'county') return m.county || null;
	if (peer === 'type') return m.type;
	if (peer === 'similar') return null;
	return populationBand(m.population);
}

/** Every municipality's peer group, itself included (similar: itself and its similar municipalities). */
export function peerMembers(
	municipalities: Municipality[],
	peer: PeerGroup,
	similar?: SimilarGroups
): Map<string, string[]> {
	if (peer === 'similar')
		return new Map(
			municipalities.map((m) => [m.ehak_code, [m.ehak_code, ...(similar?.get(m.ehak_code) ?? [])]])
		);
	const byKey = new Map<string, string[]>();
	for (const m of municipalities) {
		const k = peerKey(m, peer);
		if (k === null) continue;
		const list = byKey.get(k) ?? [];
		list.push(m.ehak_code);
		byKey.set(k, list);
	}
	return new Map(
		municipalities.map((m) => {
			const k = peerKey(m, peer);
			return [m.ehak_code, k === null ? [] : (byKey.get(k) ?? [])];
		})
	);
}

/** Median of the values (empty → null). */
export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * National rank, 1 = best, respecting the indicator's direction; only keys with a value are ranked;
 * ties share the best rank of the tied group and the next rank skips (1, 2, 2, 4).
 */
export function rankValues(
	values: { key: string; value: number | null }[],
	higherIsBetter: boolean
): Map<string, number | null> {
	const ranked = values.filter((v) => v.value !== null) as { key: string; value: number }[];
	ranked.sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value));
	const out = new Map<string, number | null>(values.map((v) => [v.key, null]));
	let rank = 0;
	ranked.forEach((v, i) => {
		if (i === 0 || v.value !== ranked[i - 1].value) rank = i + 1;
		out.set(v.key, rank);
	});
	return out;
}

export interface Comparison {
	ehak_code: string;
	name: string;
	value: number | null;
	rank: number | null;
	peer_median: number | null;
	diff_from_peer_median: number | null;
	/** value(year) − value(year − 1); null when either is missing. */
	change: number | null;
}

/** Every municipality for one indicator and year: value, national rank, peer median (incl. itself), change. */
export function municipalityComparison(o: {
	municipalities: Municipality[];
	rows: ServiceLevelRow[];
	indicator: string;
	year: number;
	peer: PeerGroup;
	/** The similar municipalities, for `peer = similar`. */
	similar?: SimilarGroups;
}): Comparison[] {
	const valueOf = (year: number) => {
		const map = new Map<string, number | null>();
		for (const r of o.rows) if (r.indicator === o.indicator && r.year === year) map.set(r.ehak_code, r.value);
		return map;
	};
	const now = valueOf(o.year);
	const before = valueOf(o.year - 1);
	const hib = o.rows.find((r) => r.indicator === o.indicator)?.higher_is_better ?? true;
	const ranks = rankValues(
		o.municipalities.map((m) => ({ key: m.ehak_code, value: now.get(m.ehak_code) ?? null })),
		hib
	);
	const members = peerMembers(o.municipalities, o.peer, o.similar);
	return o.municipalities.map((m) => {
		const value = now.get(m.ehak_code) ?? null;
		const group = members.get(m.ehak_code) ?? [];
		const values = group.map((c) => now.get(c)).filter((v): v is number => v !== null && v !== undefined);
		const peer_median = group.length === 0 ? null : median(values);
		const prev = before.get(m.ehak_code) ?? null;
		return {
			ehak_code: m.ehak_code,
			name: m.name,
			value,
			rank: ranks.get(m.ehak_code) ?? null,
			peer_median,
			diff_from_peer_median: value !== null && peer_median !== null ? value - peer_median : null,
			change: value !== null && prev !== null ? value - prev : null
		};
	});
}

/** The selected municipality's value and its peer median in every year with data. */
export function peerMedianTrend(o: {
	municipalities: Municipality[];
	rows: ServiceLevelRow[];
	indicator: string;
	ehak_code: string;
	peer: PeerGroup;
	similar?: SimilarGroups;
}): { year: number; value: number | null; peer_median: number | null }[] {
	const years = [...new Set(o.rows.filter((r) => r.indicator === o.indicator).map((r) => r.year))].sort(
		(a, b) => a - b
	);
	return years.map((year) => {
		const c = municipalityComparison({ ...o, year }).find((x) => x.ehak_code === o.ehak_code);
		return { year, value: c?.value ?? null, peer_median: c?.peer_median ?? null };
	});
}
