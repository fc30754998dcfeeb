import type { Connector } from '$lib/db/connector';
import { isKnownOrganisation } from '$lib/plan';

export type WarningKind =
	| 'missing_deadline'
	| 'unknown_owner'
	| 'binary_target'
	| 'training_unknown_activity'
	| 'training_no_municipality'
	| 'service_level_missing_value'
	| 'approximate_population';

export interface QualityWarning {
	/** Stable key for the hook table. */
	key: string;
	kind: WarningKind;
	dataset: string;
	subject: string;
	value: string;
}

/** Warnings found in the data as they are now (metrics.md: missing deadlines, unknown owner codes, …). */
export async function loadQualityWarnings(conn: Connector): Promise<QualityWarning[]> {
	const out: QualityWarning[] = [];
	const noDeadline = await conn.query<{ activity_id: string; deadline: string }>(
		'SELECT activity_id, deadline FROM activities WHERE deadline_year IS NULL ORDER BY seq'
	);
	for (const r of noDeadline)
		out.push({
			key: `deadline:${r.activity_id}`,
			kind: 'missing_deadline',
			dataset: 'activities',
			subject: r.activity_id,
			value: r.deadline
		});

	const owners = await conn.query<{ activity_id: string; org: string; role: string }>(
		'SELECT o.activity_id, o.org, o.role FROM activity_owners o JOIN activities a USING (activity_id) ORDER BY a.seq, o.role, o.org'
	);
	for (const r of owners.filter((o) => !isKnownOrganisation(o.org)))
		out.push({
			key: `owner:${r.activity_id}:${r.role}:${r.org}`,
			kind: 'unknown_owner',
			dataset: 'activities',
			subject: r.activity_id,
			value: r.org
		});

	const binary = await conn.query<{ activity_id: string; target_text: string }>(
		"SELECT activity_id, target_text FROM activities WHERE target_unit = 'binary' ORDER BY seq"
	);
	for (const r of binary)
		out.push({
			key: `target:${r.activity_id}`,
			kind: 'binary_target',
			dataset: 'activities',
			subject: r.activity_id,
			value: r.target_text
		});

	const trainings = await conn.query<{ program: string; activity_id: string }>(
		`SELECT DISTINCT program, activity_id FROM trainings
		 WHERE activity_id IS NOT NULL AND activity_id NOT IN (SELECT activity_id FROM activities) ORDER BY program`
	);
	for (const r of trainings)
		out.push({
			key: `training-activity:${r.program}:${r.activity_id}`,
			kind: 'training_unknown_activity',
			dataset: 'trainings',
			subject: r.program,
			value: r.activity_id
		});

	const gaps = await conn.query<{ indicator: string; year: number; n: number }>(
		`WITH expected AS (
			SELECT i.indicator, y.year, m.ehak_code FROM (SELECT DISTINCT indicator FROM service_levels) i
			CROSS JOIN (SELECT DISTINCT year FROM service_levels) y CROSS JOIN municipalities m)
		 SELECT e.indicator, e.year, count(*)::INTEGER AS n FROM expected e
		 LEFT JOIN service_levels s ON s.indicator = e.indicator AND s.year = e.year AND s.ehak_code = e.ehak_code
		 WHERE s.value IS NULL GROUP BY e.indicator, e.year ORDER BY e.indicator, e.year`
	);
	for (const r of gaps)
		out.push({
			key: `gap:${r.indicator}:${r.year}`,
			kind: 'service_level_missing_value',
			dataset: 'service_levels',
			subject: `${r.indicator} (${r.year})`,
			value: String(r.n)
		});

	const [{ approx }] = await conn.query<{ approx: number }>(
		"SELECT count(*)::INTEGER AS approx FROM municipalities WHERE source = 'default'"
	);
	if (approx > 0)
		out.push({
			key: 'population:approximate',
			kind: 'approximate_population',
			dataset: 'municipalities',
			subject: 'population',
			value: String(approx)
		});
	return out;
}
