import { ownersText } from '$lib/plan';
import type { TableColumn } from '$lib/components/table';
import { i18n, t, formatPercent } from '$lib/i18n/index.svelte';
import { inUnit } from '$lib/i18n/inUnit';
import type { StandingRow } from '$lib/queries/overview';
import type { DisplayStatus } from '$lib/types';

/** Report table columns shared by its sections (one definition, one set of labels). */
export const statusLabel = (s: DisplayStatus, late = false) =>
	t(`status.${s}`) + (late ? ` · ${t('status.late')}` : '');

export function idColumn<R extends { activity_id: string }>(): TableColumn<R> {
	return { col: 'activity_id', label: t('act.col.id'), raw: (r) => r.activity_id };
}
export function titleColumn<R extends { title: string }>(): TableColumn<R> {
	return { col: 'title', label: t('act.col.title'), raw: (r) => r.title };
}
export function ownersColumn<R extends { lead_owners: string | null }>(): TableColumn<R> {
	return {
		col: 'lead_owners',
		label: t('act.col.owners'),
		raw: (r) => r.lead_owners,
		format: (r) => ownersText(r.lead_owners)
	};
}
export function commentColumn<R extends { comment: string | null }>(): TableColumn<R> {
	return {
		col: 'comment',
		label: t('rep.col.comment'),
		raw: (r) => r.comment,
		format: (r) => r.comment ?? '–'
	};
}
export function deadlineColumn<R extends { deadline_year: number | null }>(): TableColumn<R> {
	return { col: 'deadline_year', label: t('act.col.deadline'), raw: (r) => r.deadline_year, numeric: true };
}

/** One activity's standing as a report line: number, title, target, latest actual, status, comment. */
export function standingColumns(year: number): TableColumn<StandingRow>[] {
	return [
		idColumn(),
		titleColumn(),
		{ col: 'target_text', label: t('act.col.target'), raw: (r) => r.target_text },
		{
			col: 'target_value',
			label: t('act.col.parsed'),
			raw: (r) => r.target_value,
			format: (r) => inUnit(r.target_value, r.target_unit),
			numeric: true
		},
		{
			col: 'actual_value',
			label: t('act.col.actual'),
			raw: (r) => r.actual_value,
			format: (r) => inUnit(r.actual_value, r.target_unit),
			numeric: true
		},
		{
			col: 'status',
			label: t('rep.col.status', { year }),
			raw: (r) => r.status,
			format: (r) => statusLabel(r.status, r.late)
		},
		{
			col: 'score',
			label: t('act.col.score'),
			raw: (r) => r.score,
			format: (r) => formatPercent(r.score, i18n.lang),
			numeric: true
		},
		deadlineColumn(),
		ownersColumn(),
		commentColumn()
	];
}
