import { distance } from 'fastest-levenshtein';
import type { Municipality } from '$lib/types';

/** Case, spacing and diacritics do not matter when matching a municipality's name. */
export function normaliseName(s: string): string {
	return s.trim().replace(/\s+/g, ' ').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** `near`: what a misspelt name probably meant (`Tallin` → Tallinn), for the error's "did you mean". */
export type Resolution =
	{ ehak_code: string } | { ambiguous: Municipality[] } | { unknown: true; near: Municipality[] };

/** Every spelling that names a municipality: EHAK code with and without leading zeros, name, bare name. */
export function municipalityKeys(municipalities: Municipality[]): Map<string, Municipality[]> {
	const byKey = new Map<string, Municipality[]>();
	const add = (key: string, m: Municipality) => {
		const list = byKey.get(key) ?? [];
		if (!list.includes(m)) list.push(m);
		byKey.set(key, list);
	};
	for (const m of municipalities) {
		add(m.ehak_code, m);
		add(String(Number(m.ehak_code)), m);
		add(normaliseName(m.name), m);
		add(normaliseName(m.name.replace(/\s+(linn|vald)$/i, '')), m);
		// `Tallinn` is the one city named without `linn`; its long form is the genitive `Tallinna linn`.
		if (m.type === 'linn' && !/\slinn$/i.test(m.name)) {
			add(normaliseName(`${m.name} linn`), m);
			add(normaliseName(`${m.name}a linn`), m);
		}
	}
	return byKey;
}

/**
 * The municipalities whose name (whole or without `linn`/`vald`) is the nearest to a name that
 * matched none, by edit distance on the normalised spelling: at most 1 edit for a name of up to 8
 * letters, 2 for a longer one; nothing for a code or a name of under 4 letters (too many near
 * misses), nor past 40 characters (no municipality's name is that long).
 */
function nearMunicipalities(text: string, keys: Map<string, Municipality[]>): Municipality[] {
	const t = normaliseName(text);
	if (t.length < 4 || t.length > 40 || /^\d+$/.test(t)) return [];
	const limit = t.length <= 8 ? 1 : 2;
	let best = limit + 1;
	let near: Municipality[] = [];
	for (const [key, list] of keys) {
		if (Math.abs(key.length - t.length) > limit || /^\d+$/.test(key)) continue;
		const d = distance(t, key);
		if (d > best) continue;
		if (d < best) {
			best = d;
			near = [];
		}
		for (const m of list) if (!near.includes(m)) near.push(m);
	}
	return best <= limit ? near.sort((a, b) => a.name.localeCompare(b.name, 'et')) : [];
}

/** The names as the error messages say them: the near ones ("did you mean"), the ambiguous ones. */
const nearNames = (near: Municipality[]): string => near.map((m) => m.name).join(', ');
const ambiguousNames = (found: Municipality[]): string => found.map((m) => m.name).join(' | ');

/**
 * Why a spelling names no one municipality, as the import says it (the import core and both bulk
 * paths): the issue's code, the names it offers (every candidate of an ambiguous name, the near
 * names of a misspelt one) and the message's parameters.
 */
export function municipalityIssue(r: Exclude<Resolution, { ehak_code: string }>): {
	code: 'ambiguous_municipality' | 'unknown_municipality_near' | 'unknown_municipality';
	names: string | null;
	params: Record<string, string>;
} {
	if ('ambiguous' in r) {
		const names = ambiguousNames(r.ambiguous);
		return { code: 'ambiguous_municipality', names, params: { candidates: names } };
	}
	if (r.near.length) {
		const names = nearNames(r.near);
		return { code: 'unknown_municipality_near', names, params: { near: names } };
	}
	return { code: 'unknown_municipality', names: null, params: {} };
}

const cache = new WeakMap<Municipality[], Map<string, Municipality[]>>();
/**
 * The near names of the spellings met lately (a file repeats its misspelling on every row: one
 * search each), forgotten past 10,000 spellings.
 */
const nearCache = new WeakMap<Map<string, Municipality[]>, Map<string, Municipality[]>>();
function nearOnce(key: string, keys: Map<string, Municipality[]>): Municipality[] {
	let seen = nearCache.get(keys);
	if (!seen || seen.size >= 10_000) nearCache.set(keys, (seen = new Map()));
	let near = seen.get(key);
	if (!near) seen.set(key, (near = nearMunicipalities(key, keys)));
	return near;
}

/** `Tallinn`, `Tallinna linn`, `0784`, `784` → 0784; bare `Tartu` is ambiguous (linn and vald). */
export function resolveMunicipality(text: string, municipalities: Municipality[]): Resolution {
	let keys = cache.get(municipalities);
	if (!keys) {
		keys = municipalityKeys(municipalities);
		cache.set(municipalities, keys);
	}
	const t = text.trim();
	const key = /^\d{1,4}$/.test(t) ? t.padStart(4, '0') : normaliseName(t);
	const found = keys.get(key) ?? (/^\d+$/.test(t) ? keys.get(String(Number(t))) : undefined);
	if (!found || found.length === 0) return { unknown: true, near: nearOnce(key, keys) };
	if (found.length > 1) return { ambiguous: found };
	return { ehak_code: found[0].ehak_code };
}
