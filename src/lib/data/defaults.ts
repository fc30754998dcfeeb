/**
 * The embedded default data: the plan from its own text (seed 001), the 79 municipalities, and the
 * sample progress, trainings and service levels (labelled as sample in the UI).
 */
import planText from '$data/plan-2022-2025.txt?raw';
import municipalitiesUrl from '$data/municipalities.csv?url';
import progressUrl from '$data/sample/progress.csv?url';
import trainingsUrl from '$data/sample/trainings.csv?url';
import serviceLevelsUrl from '$data/sample/service_levels.csv?url';
import { parsePlan } from '$lib/plan';
import type { Activity } from '$lib/types';
import type { Connector } from '$lib/db/connector';
import { activityColumns, ownerColumns } from '$lib/db/rows';
import { TABLES } from '$lib/db/schema';
export { sampleInsertSql } from '$lib/db/defaultsSql';

export const DEFAULT_FILES = {
	municipalities: municipalitiesUrl,
	progress: progressUrl,
	trainings: trainingsUrl,
	service_levels: serviceLevelsUrl
};

export function defaultActivities(): Activity[] {
	return parsePlan(planText);
}

/** The plan's activities and owners into the (empty) tables. */
export async function insertActivities(conn: Connector, activities: Activity[], source: string): Promise<void> {
	await conn.insertColumns('activities', TABLES.activities, activityColumns(activities, source));
	await conn.insertColumns('activity_owners', TABLES.activity_owners, ownerColumns(activities));
}

