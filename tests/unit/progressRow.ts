import type { Activity, ProgressRow } from '$lib/types';
import { createNodeConnector, type NodeConnector } from '$lib/db/nodeConnector';
import { createSchemaSql, TABLES } from '$lib/db/schema';
import { activityColumns, ownerColumns, toColumns } from '$lib/db/rows';

/** A progress report with nothing but its activity, year and status (the rest empty). */
export function report(
	activity_id: string,
	year: number,
	status: ProgressRow['status'],
	o: Partial<ProgressRow> = {}
): ProgressRow {
	return {
		activity_id,
		year,
		status,
		actual_value: null,
		target_value: null,
		comment: null,
		reported_at: null,
		seq: 0,
		...o
	};
}

/** Native DuckDB with the app's schema, the given plan and these progress rows (source `test`). */
export async function planDatabase(plan: Activity[], progress: ProgressRow[]): Promise<NodeConnector> {
	const conn = await createNodeConnector();
	await conn.exec(createSchemaSql());
	await conn.insertColumns('activities', TABLES.activities, activityColumns(plan, 'default'));
	await conn.insertColumns('activity_owners', TABLES.activity_owners, ownerColumns(plan));
	await conn.insertColumns(
		'progress',
		TABLES.progress,
		toColumns(
			progress,
			TABLES.progress.map((c) => c.name),
			{ source: 'test' }
		)
	);
	return conn;
}

/** An activity with a count target of 4, due 2025, led by RM, unless told otherwise. */
export function activity(activity_id: string, o: Partial<Activity> = {}): Activity {
	const segments = activity_id.split('.');
	return {
		activity_id,
		direction: Number(segments[0]),
		direction_name: '',
		result_area: segments.slice(0, 2).join('.'),
		result_area_name: '',
		parent_id: segments.length === 4 ? segments.slice(0, 3).join('.') : null,
		title: activity_id,
		target_group: '',
		outputs: '',
		target_text: '',
		target_value: 4,
		target_unit: 'count',
		lead_owner: '',
		co_owners: '',
		lead_owners: ['RM'],
		co_owner_orgs: [],
		funding: '',
		deadline: '',
		deadline_year: 2025,
		extended: false,
		recurring: false,
		seq: 0,
		...o
	};
}
