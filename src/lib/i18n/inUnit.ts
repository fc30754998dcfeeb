import { formatNumber } from './format';
import { i18n, t } from './index.svelte';

/**
 * A target or a report in its activity's unit: yes/no as words ("jah", not a 1 beside "jah/ei
 * (tehtud või mitte)"), a percentage with its sign, a count as a number; missing, a dash. A yes/no
 * activity reported with another number than 0 or 1 shows that number.
 */
export function inUnit(v: number | null, unit: string): string {
	if (v === null) return '–';
	if (unit === 'binary' && (v === 0 || v === 1)) return t(v === 1 ? 'act.binary.yes' : 'act.binary.no');
	const n = formatNumber(v, i18n.lang, 2);
	return unit === 'percent' ? t('target.percent', { v: n }) : n;
}
