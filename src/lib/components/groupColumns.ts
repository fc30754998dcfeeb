import { i18n, t, formatPercent } from '$lib/i18n/index.svelte';
import { signedPoints } from '$lib/metrics/yearOnYear';
import type { GroupRow } from '$lib/queries/overview';
import type { TableColumn } from './table';

/**
 * The columns of an attainment table (ui-contract `attainment-by-direction` / `-by-owner`), the same on
 * the overview and the report: `activities` counts the activities in the mean, `cancelled` the ones
 * left out, and `change` (a fraction, 0.05 = +5 pp) the attainment's change since the previous year
 * when it is known (`changes`: group key → change).
 */
export function groupColumns(
	keyLabel: string,
	name: (r: GroupRow) => string,
	changes: Map<string, number | null> | null = null
): TableColumn<GroupRow>[] {
	const pct = (v: number | null) => formatPercent(v, i18n.lang);
	const change = (r: GroupRow) => changes?.get(r.key) ?? null;
	return [
		{ col: 'name', label: keyLabel, raw: (r) => name(r) },
		{
			col: 'attainment',
			label: t('col.attainment'),
			raw: (r) => r.attainment,
			format: (r) => pct(r.attainment),
			numeric: true
		},
		{
			col: 'change',
			label: t('col.change'),
			raw: change,
			format: (r) => signedPoints(change(r), t('unit.pp')),
			numeric: true
		},
		{ col: 'activities', label: t('col.activitiesInMean'), raw: (r) => r.activities, numeric: true },
		{ col: 'reported', label: t('col.reported'), raw: (r) => r.reported, numeric: true },
		{ col: 'done', label: t('col.done'), raw: (r) => r.done, numeric: true },
		{ col: 'at_risk', label: t('col.at_risk'), raw: (r) => r.at_risk, numeric: true },
		{ col: 'late', label: t('col.late'), raw: (r) => r.late, numeric: true },
		{ col: 'not_reported', label: t('col.not_reported'), raw: (r) => r.not_reported, numeric: true },
		{ col: 'cancelled', label: t('col.cancelled'), raw: (r) => r.cancelled, numeric: true }
	];
}
