import type { ProgressRow } from '$lib/types';

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
