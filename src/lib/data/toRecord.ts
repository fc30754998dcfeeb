import type { Activity, DatasetName, ProgressRow } from '$lib/types';
import { activityColumns, ownerColumns, toColumns } from '$lib/db/rows';
import { dataColumns, type BulkSource, type ImportRecord } from '$lib/db/commit';
import { YEAR_RANGE, type Analysis } from '$lib/import';
import { activityFromText, type ActivityText } from '$lib/plan';
import { TRAINING_FIELDS } from '$lib/db/bulkTrainings';

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

/**
 * Where DuckDB's CSV reader finds each field in a bulk file, trainings or service levels (see analyseLarge):
 * the file's own delimiter, header row and column mapping, the EHAK column preferred to the name.
 */
export function bulkSourceFor(analysis: Analysis, file: string): BulkSource {
	const m = analysis.mapping;
	const at = (field: string) => m[field] ?? null;
	if (analysis.dataset === 'trainings' && at('program') !== null)
		return {
			file,
			dataset: 'trainings',
			delimiter: analysis.delimiter,
			headerRow: analysis.headerRow,
			header: [...analysis.header],
			mapping: Object.fromEntries(TRAINING_FIELDS.map((f) => [f, at(f)])),
			minYear: YEAR_RANGE.trainings[0],
			maxYear: YEAR_RANGE.trainings[1],
			longCells: analysis.longCells
		};
	const municipality = at('ehak_code') ?? at('municipality');
	const year = at('year');
	const indicator = at('indicator');
	const value = at('value');
	if (analysis.dataset !== 'service_levels' || municipality === null || year === null || indicator === null)
		throw new Error(
			'bulk import: a training file with a program column, or a service-level file with municipality, year and indicator columns'
		);
	return {
		file,
		delimiter: analysis.delimiter,
		headerRow: analysis.headerRow,
		header: [...analysis.header],
		mapping: {
			municipality,
			year,
			indicator,
			value,
			domain: at('domain'),
			unit: at('unit'),
			higher_is_better: at('higher_is_better')
		},
		minYear: YEAR_RANGE.service_levels[0],
		maxYear: YEAR_RANGE.service_levels[1],
		longCells: analysis.longCells
	};
}
