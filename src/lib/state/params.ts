/** URL parameters (ui-contract "URL state"): parse, validate, and report what was ignored. */
export interface ParamIssue {
	param: string;
	value: string;
}

export const MIN_YEAR = 2020;
export const MAX_YEAR = 2035;

export function parseYearParam(value: string | null): { year: number | null; issue?: ParamIssue } {
	if (value === null || value === '') return { year: null };
	if (/^\d{4}$/.test(value)) {
		const year = Number(value);
		if (year >= MIN_YEAR && year <= MAX_YEAR) return { year };
	}
	return { year: null, issue: { param: 'year', value } };
}

/** A parameter whose value must be one of `allowed`; anything else is ignored with an issue. */
export function parseChoiceParam<T extends string>(
	param: string,
	value: string | null,
	allowed: readonly T[]
): { value: T | null; issue?: ParamIssue } {
	if (value === null || value === '') return { value: null };
	if ((allowed as readonly string[]).includes(value)) return { value: value as T };
	return { value: null, issue: { param, value } };
}

/** A copy of `url`'s query with some parameters set (null removes them). */
export function withParams(url: URL, changes: Record<string, string | number | null | undefined>): string {
	const next = new URLSearchParams(url.searchParams);
	for (const [k, v] of Object.entries(changes)) {
		if (v === null || v === undefined || v === '') next.delete(k);
		else next.set(k, String(v));
	}
	const q = next.toString();
	return q ? `?${q}` : '?';
}
