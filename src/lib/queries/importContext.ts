import type { Connector } from '$lib/db/connector';
import type { Municipality } from '$lib/types';

/** What the import core checks a file against: the plan's activities and the municipalities. */
export interface ImportContext {
	/** The plan's activity numbers, in the plan's order. */
	activityIds: string[];
	/**
	 * Each activity's target unit: a percent cell (`45 %`) in a progress report is read only where the
	 * target is a percentage.
	 */
	activityUnits: Record<string, string | null>;
	/** The municipalities by name (the import finds a municipality by its name or EHAK code). */
	municipalities: Municipality[];
}

export async function loadImportContext(conn: Connector): Promise<ImportContext> {
	const [ids, municipalities] = await Promise.all([
		conn.query<{ activity_id: string; target_unit: string | null }>(
			'SELECT activity_id, target_unit FROM activities ORDER BY seq'
		),
		conn.query<Municipality & Record<string, string | number | null>>(
			'SELECT ehak_code, name, type, county, population, lat, lon FROM municipalities ORDER BY name'
		)
	]);
	return {
		activityIds: ids.map((r) => r.activity_id),
		activityUnits: Object.fromEntries(ids.map((r) => [r.activity_id, r.target_unit])),
		municipalities: municipalities as Municipality[]
	};
}
