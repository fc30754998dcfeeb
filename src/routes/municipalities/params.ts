/**
 * The municipalities page's URL state (ui-contract "URL state"): indicator, year, county, peer, m.
 * Values that name nothing in the data are reported as issues and ignored.
 */
import { parseChoiceParam, parseYearParam, type ParamIssue } from '$lib/state/params';
import { serviceLevelYear } from '$lib/state/serviceLevelYear';
import { PLAN_FIRST_YEAR } from '$lib/metrics/yearOnYear';
import { PEER_GROUPS, type PeerGroup } from '$lib/metrics/ranking';
import { defaultIndicator, type IndicatorInfo } from '$lib/queries/municipalities';
import type { Municipality } from '$lib/types';

export { PEER_GROUPS, type PeerGroup };
/** Up to five municipalities are compared side by side. */
export const MAX_COMPARED = 5;

export interface MunicipalityView {
	indicator: IndicatorInfo | null;
	/** The header's year when the indicator has data for it, else the latest earlier year with data. */
	year: number | null;
	/** The header's year (`?year=` or the as-of default). */
	wantedYear: number;
	/** The indicator has no data for the header's year: `year` is another one (the page says so). */
	yearFallback: boolean;
	/** Training reach against the change (`from`, `to`): two of the indicator's years, from < to. */
	reachFrom: number | null;
	reachTo: number | null;
	county: string | null;
	peer: PeerGroup;
	/** EHAK codes from `m`, known and distinct, at most five; the first is the selected one. */
	codes: string[];
	/** Codes beyond the fifth, dropped. */
	dropped: string[];
	issues: ParamIssue[];
}

/** The plan's first year: training reach is counted from it by default. */
export { PLAN_FIRST_YEAR };

/**
 * Reads the page's parameters against the loaded data. `wantedYear` is the header's year (the
 * layout's validated `?year=`, else the as-of default; the layout reports a bad one).
 */
export function readMunicipalityView(
	params: URLSearchParams,
	wantedYear: number,
	indicators: IndicatorInfo[],
	municipalities: Municipality[]
): MunicipalityView {
	const issues: ParamIssue[] = [];

	const peerParsed = parseChoiceParam('peer', params.get('peer'), PEER_GROUPS);
	if (peerParsed.issue) issues.push(peerParsed.issue);

	const counties = [...new Set(municipalities.map((m) => m.county))];
	const countyParsed = parseChoiceParam('county', params.get('county'), counties);
	if (countyParsed.issue) issues.push(countyParsed.issue);

	const wanted = params.get('indicator');
	let indicator = indicators.find((i) => i.indicator === wanted) ?? null;
	if (wanted !== null && wanted !== '' && !indicator) issues.push({ param: 'indicator', value: wanted });
	indicator ??= defaultIndicator(indicators);

	const shown = serviceLevelYear(wantedYear, indicator?.years ?? []);
	const reach = readReachYears(params, indicator?.years ?? [], issues);

	const known = new Set(municipalities.map((m) => m.ehak_code));
	const codes: string[] = [];
	for (const raw of (params.get('m') ?? '').split(',')) {
		const code = raw.trim();
		if (!code) continue;
		if (!known.has(code)) issues.push({ param: 'm', value: code });
		else if (!codes.includes(code)) codes.push(code);
	}

	return {
		indicator,
		year: shown.year,
		wantedYear,
		yearFallback: shown.fallback,
		reachFrom: reach.from,
		reachTo: reach.to,
		county: countyParsed.value,
		peer: peerParsed.value ?? 'county',
		codes: codes.slice(0, MAX_COMPARED),
		dropped: codes.slice(MAX_COMPARED),
		issues
	};
}

/** `m` after choosing a municipality: it becomes the selected one, the others keep their order. */
export function pickCode(codes: string[], code: string): string[] {
	return [code, ...codes.filter((c) => c !== code)].slice(0, MAX_COMPARED);
}

/**
 * `from` and `to` of the training-reach chart: two of the indicator's years, from < to. Defaults:
 * the plan's first year (or the indicator's first after it) to the indicator's latest year.
 */
function readReachYears(
	params: URLSearchParams,
	years: number[],
	issues: ParamIssue[]
): { from: number | null; to: number | null } {
	const read = (param: string) => {
		const raw = params.get(param);
		const parsed = parseYearParam(raw);
		if (raw !== null && raw !== '' && (parsed.year === null || !years.includes(parsed.year))) {
			issues.push({ param, value: raw });
			return null;
		}
		return parsed.year;
	};
	let from = read('from');
	let to = read('to');
	// Only a `from` the URL names is reported; a default that does not fit (an indicator with one
	// year) is simply no year.
	const named = from !== null;
	const defaultFrom = years.find((y) => y >= PLAN_FIRST_YEAR) ?? years[0] ?? null;
	to ??= years.at(-1) ?? null;
	from ??= defaultFrom !== null && to !== null && defaultFrom >= to ? (years[0] ?? null) : defaultFrom;
	if (from !== null && to !== null && from >= to) {
		if (named) issues.push({ param: 'from', value: String(from) });
		from = years.find((y) => y < (to as number)) ?? null;
	}
	return { from, to };
}

/** Parameters a profile link carries over: language, header year, peer group, indicator, similarity. */
const PROFILE_KEEPS = ['lang', 'year', 'peer', 'indicator'];

/** The profile of a municipality (`/municipalities/<ehak_code>`), keeping the view's context. */
export function profileHref(code: string, url: URL): string {
	const keep = new URLSearchParams();
	for (const k of PROFILE_KEEPS) {
		const v = url.searchParams.get(k);
		if (v) keep.set(k, v);
	}
	for (const v of url.searchParams.getAll('sim')) keep.append('sim', v);
	const q = keep.toString();
	return `/municipalities/${encodeURIComponent(code)}${q ? `?${q}` : ''}`;
}
