/**
 * The overview's figures from its loaded Overview: the attainment charts' bars and the KPI strip,
 * each with its change since Y − 1 (metrics.md "Year-on-year"). Called from a `$derived`, so the
 * labels and formats follow the language.
 */
import type { Kpi } from '$lib/components/KpiStrip.svelte';
import type { AttainmentBar } from '$lib/charts/attainmentBars';
import { i18n, t, formatPercent, formatNumber } from '$lib/i18n/index.svelte';
import type { GroupRow, Overview } from '$lib/queries/overview';
import { shareChange, signedCount, signedPoints } from '$lib/metrics/yearOnYear';

/** A share in the reader's language (`12 %`); missing → `–`. */
export const pct = (v: number | null) => formatPercent(v, i18n.lang);

/** A chart's bars: one per group, labelled `label` on the axis and `full` in the tooltip. */
export function bars(
	rows: GroupRow[],
	label: (k: string) => string,
	full: (k: string) => string,
	changes: Map<string, number | null> | null
): AttainmentBar[] {
	return rows.map((r) => ({
		key: r.key,
		label: label(r.key),
		attainment: r.attainment,
		change: changes?.has(r.key) ? signedPoints(changes.get(r.key) ?? null, t('unit.pp')) : null,
		activities: r.activities,
		reported: r.reported,
		done: r.done,
		late: r.late,
		tooltip: t('tooltip.attainment', {
			name: full(r.key),
			value: pct(r.attainment),
			activities: r.activities,
			reported: r.reported,
			done: r.done,
			late: r.late
		})
	}));
}

/** A KPI's change since Y − 1; `worse` says which direction is bad news (more late = worse). */
function delta(cur: number, prev: number | undefined, worse: 'up' | 'down'): Kpi['delta'] {
	if (prev === undefined) return undefined;
	const d = cur - prev;
	return { text: signedCount(d), tone: d === 0 ? 'same' : d > 0 === (worse === 'down') ? 'good' : 'bad' };
}

/** The activities page's filter that lists what a count KPI counts. */
const LISTS: Partial<Record<string, Record<string, string>>> = {
	done: { status: 'done' },
	at_risk: { status: 'at_risk' },
	late: { late: '1' },
	not_reported: { status: 'not_reported' }
};

/**
 * The KPI strip: the year's totals `o`, with changes from `p` (the same view as of Y − 1) when there
 * is one. `list(filter)`, where given, is the activities page listing what a figure counts
 * (`{ status: 'done' }`, `{ late: '1' }`): the figure links there.
 */
export function kpis(
	o: Overview['totals'],
	p: Overview['totals'] | undefined,
	list?: (filter: Record<string, string>) => string
): Kpi[] {
	const count = (
		id: string,
		label: string,
		key: 'reported' | 'done' | 'at_risk' | 'late' | 'not_reported',
		worse: 'up' | 'down',
		tone?: Kpi['tone']
	): Kpi => {
		const filter = LISTS[key];
		const value = formatNumber(o[key], i18n.lang);
		return {
			id,
			label,
			raw: o[key],
			value,
			tone,
			delta: delta(o[key], p?.[key], worse),
			...(filter && list ? { href: list(filter), hrefLabel: t('kpi.showList', { label, n: value }) } : {})
		};
	};
	const change = p ? shareChange(o.attainment, p.attainment) : null;
	return [
		{
			id: 'activities',
			label: t('kpi.activities'),
			raw: o.activities + o.cancelled,
			value: formatNumber(o.activities + o.cancelled, i18n.lang),
			note: o.cancelled ? t('kpi.cancelledNote', { n: o.cancelled }) : undefined
		},
		count('reported', t('kpi.reported'), 'reported', 'down'),
		count('done', t('kpi.done'), 'done', 'down', 'done'),
		count('at_risk', t('kpi.atRisk'), 'at_risk', 'up', 'at_risk'),
		count('late', t('kpi.late'), 'late', 'up', 'late'),
		count('not_reported', t('kpi.notReported'), 'not_reported', 'up', 'not_reported'),
		{
			id: 'attainment',
			label: t('kpi.attainment'),
			raw: o.attainment,
			value: pct(o.attainment),
			delta:
				change === null
					? undefined
					: {
							text: signedPoints(change, t('unit.pp')),
							tone: Math.round(change * 100) === 0 ? 'same' : change > 0 ? 'good' : 'bad'
						}
		}
	];
}
