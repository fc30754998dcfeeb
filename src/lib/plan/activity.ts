import type { Activity } from '$lib/types';
import { parseDeadline } from './deadline';
import { parseOwners } from './owners';
import { parseTarget } from './target';
import { DIRECTION_NAMES_ET } from './directions';

/** The plan's own columns of one activity, as text. */
export interface ActivityText {
	activity_id: string;
	title: string;
	target_group?: string;
	outputs?: string;
	target_text?: string;
	lead_owner: string;
	co_owners?: string;
	funding?: string;
	deadline?: string;
	/** Explicit target columns (CSV import) win over the parsed text. */
	target_value?: number | null;
	target_unit?: Activity['target_unit'] | null;
	direction_name?: string;
	result_area_name?: string;
}

/** `1.1.4.` → `1.1.4`. */
export function normaliseActivityId(id: string): string {
	return id.trim().replace(/\.+$/, '');
}

export const ACTIVITY_ID = /^\d+(\.\d+){2,3}\.?$/;

/** Derive everything metrics need from the plan's text columns (data-contract "activities"). */
export function activityFromText(t: ActivityText, seq: number): Activity {
	const activity_id = normaliseActivityId(t.activity_id);
	const segments = activity_id.split('.');
	const direction = Number(segments[0]);
	const target = parseTarget(t.target_text ?? '');
	const deadline = parseDeadline(t.deadline ?? '');
	return {
		activity_id,
		direction,
		direction_name: t.direction_name || DIRECTION_NAMES_ET[direction] || '',
		result_area: segments.slice(0, 2).join('.'),
		result_area_name: t.result_area_name ?? '',
		parent_id: segments.length === 4 ? segments.slice(0, 3).join('.') : null,
		title: t.title.trim(),
		target_group: (t.target_group ?? '').trim(),
		outputs: (t.outputs ?? '').trim(),
		target_text: (t.target_text ?? '').trim(),
		target_value: t.target_value ?? target.value,
		target_unit: t.target_unit ?? target.unit,
		lead_owner: t.lead_owner.trim(),
		co_owners: (t.co_owners ?? '').trim(),
		lead_owners: parseOwners(t.lead_owner),
		co_owner_orgs: parseOwners(t.co_owners ?? ''),
		funding: (t.funding ?? '').trim(),
		deadline: (t.deadline ?? '').trim(),
		deadline_year: deadline.year,
		extended: deadline.extended,
		recurring: deadline.recurring,
		seq
	};
}
