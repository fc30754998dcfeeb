/**
 * The municipalities page's URL state (ui-contract "URL state"): indicator, year, county, peer, m.
 * Values that name nothing in the data are reported as issues and ignored.
 */
import { parseChoiceParam, type ParamIssue } from '$lib/state/params';
import { PEER_GROUPS, type PeerGroup } from '$lib/metrics/ranking';
import type { IndicatorInfo } from '$lib/queries/municipalities';
import type { Municipality } from '$lib/types';

export { PEER_GROUPS, type PeerGroup };
/** Up to five municipalities are compared side by side. */
export const MAX_COMPARED = 5;

export interface MunicipalityView {
	indicator: IndicatorInfo | null;
	/** The requested year (valid 4-digit year) or the indicator's latest year with data. */
	year: number | null;
	/** A valid `?year=` the indicator has no data for (the empty state offers the latest year). */
	yearWithoutData: boolean;
	county: string | null;
	peer: PeerGroup;
	/** EHAK codes from `m`, known and distinct, at most five; the first is the selected one. */
	codes: string[];
	/** Codes beyond the fifth, dropped. */
	dropped: string[];
	issues: ParamIssue[];
}

/**
 * Reads the page's parameters against the loaded data. `requestedYear` is the layout's already
 * validated `?year=` (null when absent or invalid: the layout reports that one).
 */
export function readMunicipalityView(
	params: URLSearchParams,
	requestedYear: number | null,
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
	indicator ??= indicators.find((i) => i.years.length > 0) ?? indicators[0] ?? null;

	const latest = indicator?.years.at(-1) ?? null;
	const yearWithoutData = requestedYear !== null && !!indicator && !indicator.years.includes(requestedYear);
	const year = requestedYear ?? latest;

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
		year,
		yearWithoutData,
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
