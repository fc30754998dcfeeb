import type { Municipality } from '$lib/types';

/** Case, spacing and diacritics do not matter when matching a municipality's name. */
export function normaliseName(s: string): string {
	return s.trim().replace(/\s+/g, ' ').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

export type Resolution = { ehak_code: string } | { ambiguous: Municipality[] } | { unknown: true };

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

const cache = new WeakMap<Municipality[], Map<string, Municipality[]>>();

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
	if (!found || found.length === 0) return { unknown: true };
	if (found.length > 1) return { ambiguous: found };
	return { ehak_code: found[0].ehak_code };
}
