import type { Lang } from './catalogue';

const LOCALES: Record<Lang, string> = { et: 'et-EE', en: 'en-GB' };
const NARROW_NBSP = '\u202f';

/** Estonian groups thousands with a thin space (`12 345`), English with a comma. */
/** Formatters are costly to build (a page of tables formats thousands of numbers): one per kind. */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, decimals: number, fixed: boolean): Intl.NumberFormat {
	const key = `${lang}|${decimals}|${fixed}`;
	let f = formats.get(key);
	if (!f) {
		f = new Intl.NumberFormat(LOCALES[lang], {
			minimumFractionDigits: fixed ? decimals : 0,
			maximumFractionDigits: decimals
		});
		formats.set(key, f);
	}
	return f;
}

/**
 * At most `decimals` decimals; `fixed`: always that many, so a table column's figures line up
 * (`6,0` under `4,4`, not `6`).
 */
export function formatNumber(
	value: number | null | undefined,
	lang: Lang,
	decimals = 0,
	fixed = false
): string {
	if (value === null || value === undefined || Number.isNaN(value)) return '–';
	const s = numberFormat(lang, decimals, fixed).format(value);
	return lang === 'et' ? s.replace(/[\u00a0\s]/g, NARROW_NBSP) : s;
}

/** A share 0..1 as a percentage: `45,3 %` (et) or `45.3%` (en). */
export function formatPercent(
	share: number | null | undefined,
	lang: Lang,
	decimals = 0,
	fixed = false
): string {
	if (share === null || share === undefined || Number.isNaN(share)) return '–';
	const n = formatNumber(share * 100, lang, decimals, fixed);
	return lang === 'et' ? `${n}\u00a0%` : `${n}%`;
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
	if (!iso) return '–';
	const [y, m, d] = iso.slice(0, 10).split('-');
	if (!d) return iso;
	return lang === 'et' ? `${Number(d)}.${Number(m)}.${y}` : `${d}/${m}/${y}`;
}

export function formatDateTime(iso: string, lang: Lang): string {
	return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(
		new Date(iso)
	);
}
