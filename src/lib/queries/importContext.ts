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
	/** Each activity's title (the preview's list of plan numbers names them). */
	activityTitles: Record<string, string>;
	/** The municipalities by name (the import finds a municipality by its name or EHAK code). */
	municipalities: Municipality[];
}

export async function loadImportContext(conn: Connector): Promise<ImportContext> {
	const [ids, municipalities] = await Promise.all([
		conn.query<{ activity_id: string; target_unit: string | null; title: string }>(
			'SELECT activity_id, target_unit, title FROM activities ORDER BY seq'
		),
		conn.query<Municipality & Record<string, string | number | null>>(
			'SELECT ehak_code, name, type, county, population, lat, lon FROM municipalities ORDER BY name'
		)
	]);
	return {
		activityIds: ids.map((r) => r.activity_id),
		activityUnits: Object.fromEntries(ids.map((r) => [r.activity_id, r.target_unit])),
		activityTitles: Object.fromEntries(ids.map((r) => [r.activity_id, r.title])),
		municipalities: municipalities as Municipality[]
	};
}
