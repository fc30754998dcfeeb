import type { DatasetName } from '$lib/types';
import { ident, type ColumnSpec } from './connector';

/** Table columns, in insert order. `source` is `sample`, `default`, or the id of the import that wrote the row. */
export const TABLES = {
	activities: [
		{ name: 'activity_id', type: 'VARCHAR' },
		{ name: 'direction', type: 'INTEGER' },
		{ name: 'direction_name', type: 'VARCHAR' },
		{ name: 'result_area', type: 'VARCHAR' },
		{ name: 'result_area_name', type: 'VARCHAR' },
		{ name: 'parent_id', type: 'VARCHAR' },
		{ name: 'title', type: 'VARCHAR' },
		{ name: 'target_group', type: 'VARCHAR' },
		{ name: 'outputs', type: 'VARCHAR' },
		{ name: 'target_text', type: 'VARCHAR' },
		{ name: 'target_value', type: 'DOUBLE' },
		{ name: 'target_unit', type: 'VARCHAR' },
		{ name: 'lead_owner', type: 'VARCHAR' },
		{ name: 'co_owners', type: 'VARCHAR' },
		{ name: 'funding', type: 'VARCHAR' },
		{ name: 'deadline', type: 'VARCHAR' },
		{ name: 'deadline_year', type: 'INTEGER' },
		{ name: 'extended', type: 'BOOLEAN' },
		{ name: 'recurring', type: 'BOOLEAN' },
		{ name: 'seq', type: 'INTEGER' },
		{ name: 'source', type: 'VARCHAR' }
	],
	activity_owners: [
		{ name: 'activity_id', type: 'VARCHAR' },
		{ name: 'org', type: 'VARCHAR' },
		{ name: 'role', type: 'VARCHAR' }
	],
	progress: [
		{ name: 'activity_id', type: 'VARCHAR' },
		{ name: 'year', type: 'INTEGER' },
		{ name: 'status', type: 'VARCHAR' },
		{ name: 'actual_value', type: 'DOUBLE' },
		{ name: 'target_value', type: 'DOUBLE' },
		{ name: 'comment', type: 'VARCHAR' },
		{ name: 'reported_at', type: 'VARCHAR' },
		{ name: 'seq', type: 'INTEGER' },
		{ name: 'source', type: 'VARCHAR' }
	],
	trainings: [
		{ name: 'training_id', type: 'VARCHAR' },
		{ name: 'program', type: 'VARCHAR' },
		{ name: 'topic', type: 'VARCHAR' },
		{ name: 'activity_id', type: 'VARCHAR' },
		{ name: 'organiser', type: 'VARCHAR' },
		{ name: 'start_date', type: 'VARCHAR' },
		{ name: 'end_date', type: 'VARCHAR' },
		{ name: 'ehak_code', type: 'VARCHAR' },
		{ name: 'registered', type: 'INTEGER' },
		{ name: 'completed', type: 'INTEGER' },
		{ name: 'dropped_out', type: 'INTEGER' },
		{ name: 'satisfaction', type: 'DOUBLE' },
		{ name: 'source', type: 'VARCHAR' }
	],
	municipalities: [
		{ name: 'ehak_code', type: 'VARCHAR' },
		{ name: 'name', type: 'VARCHAR' },
		{ name: 'type', type: 'VARCHAR' },
		{ name: 'county', type: 'VARCHAR' },
		{ name: 'population', type: 'INTEGER' },
		{ name: 'lat', type: 'DOUBLE' },
		{ name: 'lon', type: 'DOUBLE' },
		{ name: 'source', type: 'VARCHAR' }
	],
	service_levels: [
		{ name: 'ehak_code', type: 'VARCHAR' },
		{ name: 'year', type: 'INTEGER' },
		{ name: 'domain', type: 'VARCHAR' },
		{ name: 'indicator', type: 'VARCHAR' },
		{ name: 'value', type: 'DOUBLE' },
		{ name: 'unit', type: 'VARCHAR' },
		{ name: 'higher_is_better', type: 'BOOLEAN' },
		{ name: 'source', type: 'VARCHAR' }
	]
} satisfies Record<string, ColumnSpec[]>;

export type TableName = keyof typeof TABLES;

/** Replace-by-key columns per dataset (data-contract "Re-importing replaces by key"). */
export const DATASET_KEYS: Record<DatasetName, string[]> = {
	activities: ['activity_id'],
	progress: ['activity_id', 'year'],
	service_levels: ['ehak_code', 'indicator', 'year'],
	trainings: ['training_key'],
	municipalities: ['ehak_code']
};

export function createTableSql(table: TableName, name: string = table): string {
	const cols = (TABLES[table] as ColumnSpec[]).map((c) => `${ident(c.name)} ${c.type}`).join(', ');
	return `CREATE TABLE ${ident(name)} (${cols})`;
}

export function createSchemaSql(): string {
	return (Object.keys(TABLES) as TableName[]).map((t) => createTableSql(t) + ';').join('\n');
}
