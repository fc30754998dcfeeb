/**
 * Training reach against the change of a service level (issue 19): one point per municipality,
 * Spearman's rank correlation. An association over municipalities, never an effect.
 */

/** Ranks 1..n; tied values share the mean of the ranks they span (the usual rule for Spearman). */
export function averageRanks(xs: number[]): number[] {
	const order = xs.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
	const ranks = new Array<number>(xs.length);
	for (let i = 0; i < order.length;) {
		let j = i;
		while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
		const r = (i + j) / 2 + 1;
		for (let k = i; k <= j; k++) ranks[order[k][1]] = r;
		i = j + 1;
	}
	return ranks;
}

function pearson(a: number[], b: number[]): number | null {
	const n = a.length;
	const ma = a.reduce((s, v) => s + v, 0) / n;
	const mb = b.reduce((s, v) => s + v, 0) / n;
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	for (let i = 0; i < n; i++) {
		sab += (a[i] - ma) * (b[i] - mb);
		saa += (a[i] - ma) ** 2;
		sbb += (b[i] - mb) ** 2;
	}
	return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : null;
}

/**
 * Spearman's ρ: Pearson's correlation of the average ranks. Null with fewer than 3 pairs or when
 * either side does not vary.
 */
export function spearman(pairs: { x: number; y: number }[]): number | null {
	if (pairs.length < 3) return null;
	return pearson(averageRanks(pairs.map((p) => p.x)), averageRanks(pairs.map((p) => p.y)));
}

export interface ReachPoint {
	ehak_code: string;
	name: string;
	/** Participants (registered) in trainings from `from` to `to` per 1,000 inhabitants; 0 when none. */
	reach: number;
	participants: number;
	value_from: number | null;
	value_to: number | null;
	/** value(to) − value(from); null when either is missing. */
	change: number | null;
}

/**
 * One point per municipality with a population: its training reach over the years `from`..`to`
 * (trainings by start year; a municipality the training data never name reached nobody, 0) and the
 * change of the indicator from the first to the last of those years.
 */
export function reachPoints(o: {
	municipalities: { ehak_code: string; name: string; population: number | null }[];
	/** Participants per municipality and training start year. */
	participants: { ehak_code: string; year: number; registered: number }[];
	/** The indicator's values: ehak_code → year → value. */
	values: Map<string, Map<number, number | null>>;
	from: number;
	to: number;
}): ReachPoint[] {
	const sums = new Map<string, number>();
	for (const p of o.participants)
		if (p.year >= o.from && p.year <= o.to)
			sums.set(p.ehak_code, (sums.get(p.ehak_code) ?? 0) + p.registered);
	return o.municipalities
		.filter((m) => m.population !== null && m.population > 0)
		.map((m) => {
			const participants = sums.get(m.ehak_code) ?? 0;
			const v = o.values.get(m.ehak_code);
			const value_from = v?.get(o.from) ?? null;
			const value_to = v?.get(o.to) ?? null;
			return {
				ehak_code: m.ehak_code,
				name: m.name,
				participants,
				reach: (participants / (m.population as number)) * 1000,
				value_from,
				value_to,
				change: value_from !== null && value_to !== null ? value_to - value_from : null
			};
		});
}

/** An indicator's rows as reachPoints reads them: ehak_code → year → value. */
export function valuesByMunicipality(
	rows: { ehak_code: string; year: number; value: number | null }[]
): Map<string, Map<number, number | null>> {
	const out = new Map<string, Map<number, number | null>>();
	for (const r of rows) {
		let m = out.get(r.ehak_code);
		if (!m) out.set(r.ehak_code, (m = new Map()));
		m.set(r.year, r.value);
	}
	return out;
}
