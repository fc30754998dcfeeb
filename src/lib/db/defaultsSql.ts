/** How the shipped CSVs (municipalities and the canonical sample files) are read into the tables. */
export type DefaultFile = 'municipalities' | 'progress' | 'trainings' | 'service_levels';

/**
 * The shipped files' columns, in their header's order. Read with these and no detection: DuckDB's
 * CSV sniffer cost more than the reading itself at start-up (in DuckDB-wasm's Node build, 76 → 29 ms
 * for the municipalities and the service-level sample once warm, 343 → 42 ms cold; issue #20, cold
 * data ready). A unit test checks these against the files' headers and against detection.
 */
export const DEFAULT_FILE_COLUMNS: Record<DefaultFile, [string, string][]> = {
	municipalities: [
		['ehak_code', 'VARCHAR'],
		['name', 'VARCHAR'],
		['type', 'VARCHAR'],
		['county', 'VARCHAR'],
		['county_code', 'VARCHAR'],
		['population_approx', 'INTEGER'],
		['lat', 'DOUBLE'],
		['lon', 'DOUBLE']
	],
	progress: [
		['activity_id', 'VARCHAR'],
		['year', 'INTEGER'],
		['status', 'VARCHAR'],
		['actual_value', 'DOUBLE'],
		['target_value', 'DOUBLE'],
		['comment', 'VARCHAR'],
		['reported_at', 'VARCHAR']
	],
	trainings: [
		['training_id', 'VARCHAR'],
		['program', 'VARCHAR'],
		['topic', 'VARCHAR'],
		['activity_id', 'VARCHAR'],
		['organiser', 'VARCHAR'],
		['start_date', 'VARCHAR'],
		['end_date', 'VARCHAR'],
		['municipality', 'VARCHAR'],
		['registered', 'INTEGER'],
		['completed', 'INTEGER'],
		['dropped_out', 'INTEGER'],
		['satisfaction', 'DOUBLE']
	],
	service_levels: [
		['ehak_code', 'VARCHAR'],
		['year', 'INTEGER'],
		['domain', 'VARCHAR'],
		['indicator', 'VARCHAR'],
		['value', 'DOUBLE'],
		['unit', 'VARCHAR'],
		['higher_is_better', 'BOOLEAN']
	]
};

/** `read_csv` of a shipped file: comma, double quotes, a header row, the columns above. */
export function readDefaultCsv(dataset: DefaultFile, file: string): string {
	const columns = DEFAULT_FILE_COLUMNS[dataset].map(([name, type]) => `'${name}': '${type}'`).join(', ');
	return `read_csv('${file.replace(/'/g, "''")}', header = true, auto_detect = false, delim = ',', quote = '"',
		escape = '"', columns = {${columns}})`;
}

/** SQL that reads one of the shipped canonical CSVs (registered under `name`) into its table. */
export function sampleInsertSql(dataset: DefaultFile, file: string): string {
	const csv = readDefaultCsv(dataset, file);
	switch (dataset) {
		case 'municipalities':
			return `INSERT INTO municipalities SELECT ehak_code, name, type, county, population_approx, lat, lon, 'default'
				FROM ${csv}`;
		case 'progress':
			return `INSERT INTO progress SELECT activity_id, year, status, actual_value, target_value, comment,
				reported_at, (row_number() OVER ())::INTEGER - 1, 'sample'
				FROM ${csv}`;
		case 'trainings':
			return `INSERT INTO trainings SELECT training_id, program, topic, activity_id, organiser,
				start_date, end_date, m.ehak_code, registered, completed, dropped_out, satisfaction, 'sample'
				FROM ${csv} t
				LEFT JOIN municipalities m ON m.name = t.municipality OR m.ehak_code = t.municipality`;
		case 'service_levels':
			return `INSERT INTO service_levels SELECT ehak_code, year, domain, indicator, value, unit, higher_is_better, 'sample'
				FROM ${csv}`;
	}
}
