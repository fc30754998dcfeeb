/**
 * The data tables of the trainings page (ui-contract hooks: `data-col` names and raw values). Called
 * from a `$derived` or the markup, so the labels and formats follow the language.
 */
import { t } from '$lib/i18n/index.svelte';
import type { TableColumn } from '$lib/components/table';
import type { EvidenceRow, TrainingGroup } from '$lib/queries/trainings';
import { inUnit } from '$lib/i18n/inUnit';
import { num, pct, sat } from './format';

/** A group's totals (a chart's table, a breakdown): `name` is the group, labelled `keyLabel`. */
export function groupColumns(
	keyLabel: string,
	name: (g: TrainingGroup) => string = (g) => String(g.key)
): TableColumn<TrainingGroup>[] {
	return [
		{ col: 'name', label: keyLabel, raw: (g) => name(g) },
		{ col: 'trainings', label: t('tr.col.trainings'), raw: (g) => g.trainings, numeric: true },
		{
			col: 'registered',
			label: t('tr.col.registered'),
			raw: (g) => g.registered,
			format: (g) => num(g.registered),
			numeric: true
		},
		{
			col: 'completed',
			label: t('tr.col.completed'),
			raw: (g) => g.completed,
			format: (g) => num(g.completed),
			numeric: true
		},
		{
			col: 'dropped_out',
			label: t('tr.col.dropped_out'),
			raw: (g) => g.dropped_out,
			format: (g) => num(g.dropped_out),
			numeric: true
		},
		{
			col: 'completion_rate',
			label: t('tr.col.completion_rate'),
			raw: (g) => g.completion_rate,
			format: (g) => pct(g.completion_rate),
			numeric: true
		},
		{
			col: 'satisfaction',
			label: t('tr.col.satisfaction'),
			raw: (g) => g.satisfaction,
			format: (g) => sat(g.satisfaction),
			numeric: true
		}
	];
}

/** An activity's reported result beside what the training records show. */
export function evidenceColumns(): TableColumn<EvidenceRow>[] {
	return [
		{ col: 'activity_id', label: 'Nr', raw: (r) => r.activity_id },
		{
			col: 'target_value',
			label: t('tr.col.target'),
			raw: (r) => r.target_value,
			format: (r) => inUnit(r.target_value, r.target_unit ?? ''),
			numeric: true
		},
		{
			col: 'target_unit',
			label: t('act.col.unit'),
			raw: (r) => r.target_unit,
			format: (r) => t(`unit.${r.target_unit}`)
		},
		{
			col: 'reported_actual',
			label: t('tr.col.reported'),
			raw: (r) => r.reported_actual,
			format: (r) => num(r.reported_actual),
			numeric: true
		},
		{
			col: 'reported_status',
			label: t('tr.col.status'),
			raw: (r) => r.reported_status,
			format: (r) => t(`status.${r.reported_status}`)
		},
		{
			col: 'evidence_value',
			label: t('tr.col.evidence'),
			raw: (r) => r.evidence_value,
			format: (r) => num(r.evidence_value),
			numeric: true
		},
		{
			col: 'evidence_kind',
			label: t('tr.col.kind'),
			raw: (r) => r.evidence_kind,
			format: (r) => t(`tr.kind.${r.evidence_kind}`)
		},
		{
			col: 'agrees',
			label: t('tr.col.agrees'),
			raw: (r) => r.agrees,
			format: (r) => t(r.agrees === null ? 'tr.agrees.na' : r.agrees ? 'tr.agrees.yes' : 'tr.agrees.no')
		}
	];
}
