import { parseYearParam, type ParamIssue } from './params';
import summary from '$lib/generated/summary.json';
import { hasStoredImports } from '$lib/data/summary';

const THIS_YEAR = new Date().getFullYear();
const shipped = typeof localStorage !== 'undefined' && !hasStoredImports();

/** Years that have progress data, and the default as-of year (the latest one; metrics.md). */
export const view = $state<{ years: number[]; defaultYear: number }>({
	years: shipped ? summary.years : [],
	defaultYear: shipped ? summary.year : THIS_YEAR
});

/** The as-of year for a URL: `?year=` when valid, else the default. */
export function asOfYear(url: URL): { year: number; issue?: ParamIssue } {
	const parsed = parseYearParam(url.searchParams.get('year'));
	return { year: parsed.year ?? view.defaultYear, issue: parsed.issue };
}
