/** Summaries of repeated timings: the median with the spread (min–max), and p50/p95 for latencies. */
export interface Spread {
	n: number;
	median: number;
	min: number;
	max: number;
	p50: number;
	p95: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function spread(values: number[]): Spread | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length / 2;
	const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
	const r = (x: number) => Math.round(x * 10) / 10;
	return {
		n: s.length,
		median: r(median),
		min: r(s[0]),
		max: r(s[s.length - 1]),
		p50: r(percentile(s, 0.5)),
		p95: r(percentile(s, 0.95))
	};
}

/** `a / b` of two medians, one decimal (two below 10), or null when either is missing. */
export function ratio(a: Spread | null | undefined, b: Spread | null | undefined): number | null {
	if (!a || !b || b.median === 0) return null;
	const q = a.median / b.median;
	return q >= 10 ? Math.round(q * 10) / 10 : Math.round(q * 100) / 100;
}
