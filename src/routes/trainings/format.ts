import { formatNumber, formatPercent, i18n } from '$lib/i18n/index.svelte';

/** A share with one decimal, always, so a column lines up (`12,5 %`, `100,0 %`); missing → `–`. */
export const pct = (v: number | null) => formatPercent(v, i18n.lang, 1, true);
/** A count in the reader's number format. */
export const num = (v: number | null) => formatNumber(v, i18n.lang);
/** Satisfaction is kept on a 0–100 scale and shown as a percentage; missing → `–`. */
export const sat = (v: number | null) => (v === null ? '–' : formatPercent(v / 100, i18n.lang, 1, true));
