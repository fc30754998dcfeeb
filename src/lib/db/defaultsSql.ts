/** How the shipped CSVs (municipalities and the canonical sample files) are read into the tables. */
export type DefaultFile = 'municipalities' | 'progress' | 'trainings' | 'service_levels';

/** SQL that reads one of the shipped canonical CSVs (registered under `name`) into its table. */
export function sampleInsertSql(dataset: DefaultFile, file: string): string {
	const f = `'${file.replace(/'/g, "''")}'`;
	switch (dataset) {
		case 'municipalities':
			return `INSERT INTO municipalities SELECT ehak_code, name, type, county, population_approx, lat, lon, 'default'
				FROM read_csv(${f}, header = true, all_varchar = false, types = {'ehak_code': 'VARCHAR', 'county_code': 'VARCHAR'})`;
		case 'progress':
			return `INSERT INTO progress SELECT activity_id, year, status, actual_value, target_value, comment,
				CAST(reported_at AS VARCHAR), (row_number() OVER ())::INTEGER - 1, 'sample'
				FROM read_csv(${f}, header = true, types = {'activity_id': 'VARCHAR', 'year': 'INTEGER', 'status': 'VARCHAR',
				'actual_value': 'DOUBLE', 'target_value': 'DOUBLE', 'comment': 'VARCHAR', 'reported_at': 'VARCHAR'})`;
		case 'trainings':
			return `INSERT INTO trainings SELECT training_id, program, topic, activity_id, organiser,
				CAST(start_date AS VARCHAR), CAST(end_date AS VARCHAR), m.ehak_code, registered, completed, dropped_out, satisfaction, 'sample'
				FROM read_csv(${f}, header = true, types = {'training_id': 'VARCHAR', 'activity_id': 'VARCHAR',
				'start_date': 'VARCHAR', 'end_date': 'VARCHAR', 'municipality': 'VARCHAR', 'registered': 'INTEGER',
				'completed': 'INTEGER', 'dropped_out': 'INTEGER', 'satisfaction': 'DOUBLE'}) t
				LEFT JOIN municipalities m ON m.name = t.municipality OR m.ehak_code = t.municipality`;
		case 'service_levels':
			return `INSERT INTO service_levels SELECT ehak_code, year, domain, indicator, value, unit, higher_is_better, 'sample'
				FROM read_csv(${f}, header = true, types = {'ehak_code': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE',
				'higher_is_better': 'BOOLEAN'})`;
	}
}
