import type { Activity } from '$lib/types';
import type { SqlValue } from './connector';

/** Row objects → column arrays in the table's order, for `Connector.insertColumns`. */
export function toColumns<T extends object>(
	rows: T[],
	names: string[],
	extra: Record<string, SqlValue> = {}
) {
	const out: Record<string, SqlValue[]> = {};
	for (const n of names) out[n] = new Array(rows.length);
	rows.forEach((row, i) => {
		for (const n of names) {
			const v = n in extra ? extra[n] : (row as Record<string, unknown>)[n];
			out[n][i] = v === undefined ? null : (v as SqlValue);
		}
	});
	return out;
}

export function activityColumns(activities: Activity[], source: string) {
	return toColumns(
		activities,
		[
			'activity_id',
			'direction',
			'direction_name',
			'result_area',
			'result_area_name',
			'parent_id',
			'title',
			'target_group',
			'outputs',
			'target_text',
			'target_value',
			'target_unit',
			'lead_owner',
			'co_owners',
			'funding',
			'deadline',
			'deadline_year',
			'extended',
			'recurring',
			'seq',
			'source'
		],
		{ source }
	);
}

export function ownerColumns(activities: Activity[]) {
	const rows = activities.flatMap((a) => [
		...a.lead_owners.map((org) => ({ activity_id: a.activity_id, org, role: 'lead' })),
		...a.co_owner_orgs.map((org) => ({ activity_id: a.activity_id, org, role: 'co' }))
	]);
	return toColumns(rows, ['activity_id', 'org', 'role']);
}
