/**
 * One year for the whole page set (issue 19): the municipality pages follow the header's year when
 * the service levels have data for it; otherwise they show the latest earlier year with data (or,
 * before any data, the first year) and say so.
 */
export function serviceLevelYear(
	wanted: number,
	years: number[]
): { year: number | null; fallback: boolean } {
	if (years.length === 0) return { year: null, fallback: false };
	if (years.includes(wanted)) return { year: wanted, fallback: false };
	const sorted = [...years].sort((a, b) => a - b);
	const earlier = sorted.filter((y) => y < wanted);
	return { year: earlier.at(-1) ?? sorted[0], fallback: true };
}
