import { formatNumber, type Lang } from '$lib/i18n/index.svelte';
import { isLevelUnit } from '$lib/metrics/levelScale';

/**
 * Two decimals for small values, one for tens, none from a hundred up: enough to tell neighbours
 * apart. A 0–9 level has no decimals; only a median between two levels keeps its half (4,5).
 */
function decimals(v: number, unit: string | null): number {
	if (isLevelUnit(unit)) return Number.isInteger(v) ? 0 : 1;
	const a = Math.abs(v);
	return a < 10 ? 2 : a < 100 ? 1 : 0;
}

/** Units that are not printed after a number: `arv` (a count or a rate) says nothing a reader needs. */
const SILENT_UNITS = new Set(['arv', 'count']);

/** An indicator value with its unit (`12,5 %`, `3,4 päeva`); missing → `–`. */
export function formatValue(v: number | null | undefined, unit: string | null, lang: Lang): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	const n = formatNumber(v, lang, decimals(v, unit));
	if (!unit || SILENT_UNITS.has(unit) || isLevelUnit(unit)) return n;
	if (unit === '%') return lang === 'et' ? `${n}\u00a0%` : `${n}%`;
	return `${n}\u00a0${unit}`;
}

/**
 * A difference with its sign (`+1,2 pp`, `−0,5`); zero has none; missing → `–`. The difference of
 * two percentages is in percentage points (`pp`, Estonian `protsendipunkt`), not per cent.
 */
export function formatSigned(v: number | null | undefined, unit: string | null, lang: Lang): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	const text = formatValue(Math.abs(v), unit === '%' ? 'pp' : unit, lang);
	return v > 0 ? `+${text}` : v < 0 ? `\u2212${text}` : text;
}

/** `Ehitusloa menetlusaeg (päeva)` already names its unit; `Sotsiaaltöötajaid 1000 elaniku kohta` gets `(arv)`. */
export function indicatorLabel(indicator: string, unit: string | null): string {
	if (!unit || /\([^()]*\)\s*$/.test(indicator)) return indicator;
	return `${indicator} (${unit})`;
}
