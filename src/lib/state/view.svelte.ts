import { parseYearParam, type ParamIssue } from './params';

/** Years that have progress data, and the default as-of year (the latest one; metrics.md). */
export const view = $state<{ years: number[]; defaultYear: number }>({
	years: [],
	defaultYear: new Date().getFullYear()
});

/** The as-of year for a URL: `?year=` when valid, else the default. */
export function asOfYear(url: URL): { year: number; issue?: ParamIssue } {
	const parsed = parseYearParam(url.searchParams.get('year'));
	return { year: parsed.year ?? view.defaultYear, issue: parsed.issue };
}
