import type { Activity, DatasetName, ProgressRow } from '$lib/types';
import { activityColumns, ownerColumns, toColumns } from '$lib/db/rows';
import { dataColumns, type ImportRecord } from '$lib/db/commit';
import { activityFromText, type ActivityText } from '$lib/plan';

function isActivity(row: object): row is Activity {
	return 'lead_owners' in row && Array.isArray((row as Activity).lead_owners);
}

/** Validated rows of one dataset → the column arrays an ImportRecord stores and commits. */
export function recordColumns(
	dataset: DatasetName,
	rows: object[]
): Pick<ImportRecord, 'columns' | 'owners'> {
	if (dataset === 'activities') {
		const activities = rows.map((r, i) => (isActivity(r) ? r : activityFromText(r as ActivityText, 10_000 + i)));
		const columns = activityColumns(activities, '');
		delete columns.source;
		return { columns, owners: ownerColumns(activities) };
	}
	const names = dataColumns(dataset).map((c) => c.name);
	const prepared =
		dataset === 'progress' ? (rows as ProgressRow[]).map((r, i) => ({ ...r, seq: r.seq ?? i })) : rows;
	return { columns: toColumns(prepared, names) };
}
