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
	/** Where it can be fixed (`fixHref`). */
	fix: WarningFix;
	/** `source` of the rows behind it (`sample`, `default`, an import id) when one is known. */
	source?: string;
}

export type WarningFix =
	| { page: 'activity'; activity_id: string }
	| { page: 'indicator'; indicator: string; year: number }
	| { page: 'import' };

/** Warnings found in the data as they are now (metrics.md: missing deadlines, unknown owner codes, …). */
export async function loadQualityWarnings(conn: Connector): Promise<QualityWarning[]> {
	const out: QualityWarning[] = [];
	const noDeadline = await conn.query<{ activity_id: string; deadline: string; source: string }>(
		'SELECT activity_id, deadline, source FROM activities WHERE deadline_year IS NULL ORDER BY seq'
	);
	for (const r of noDeadline)
		out.push({
			key: `deadline:${r.activity_id}`,
			kind: 'missing_deadline',
			dataset: 'activities',
			subject: r.activity_id,
			value: r.deadline,
			fix: { page: 'activity', activity_id: r.activity_id },
			source: r.source
		});

	const owners = await conn.query<{ activity_id: string; org: string; role: string; source: string }>(
		'SELECT o.activity_id, o.org, o.role, a.source FROM activity_owners o JOIN activities a USING (activity_id) ORDER BY a.seq, o.role, o.org'
	);
	for (const r of owners.filter((o) => !isKnownOrganisation(o.org)))
		out.push({
			key: `owner:${r.activity_id}:${r.role}:${r.org}`,
			kind: 'unknown_owner',
			dataset: 'activities',
			subject: r.activity_id,
			value: r.org,
			fix: { page: 'activity', activity_id: r.activity_id },
			source: r.source
		});

	const binary = await conn.query<{ activity_id: string; target_text: string; source: string }>(
		"SELECT activity_id, target_text, source FROM activities WHERE target_unit = 'binary' ORDER BY seq"
	);
	for (const r of binary)
		out.push({
			key: `target:${r.activity_id}`,
			kind: 'binary_target',
			dataset: 'activities',
			subject: r.activity_id,
			value: r.target_text,
			fix: { page: 'activity', activity_id: r.activity_id },
			source: r.source
		});

	const trainings = await conn.query<{ program: string; activity_id: string; source: string }>(
		`SELECT program, activity_id, min(source) AS source FROM trainings
		 WHERE activity_id IS NOT NULL AND activity_id NOT IN (SELECT activity_id FROM activities)
		 GROUP BY program, activity_id ORDER BY program`
	);
	for (const r of trainings)
		out.push({
			key: `training-activity:${r.program}:${r.activity_id}`,
			kind: 'training_unknown_activity',
			dataset: 'trainings',
			subject: r.program,
			value: r.activity_id,
			fix: { page: 'import' },
			source: r.source
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
			value: String(r.n),
			fix: { page: 'indicator', indicator: r.indicator, year: r.year }
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
			value: String(approx),
			fix: { page: 'import' },
			source: 'default'
		});
	return out;
}

/** The page where a warning can be fixed (the activity, the municipalities filtered, the import). */
export function fixHref(fix: WarningFix): string {
	if (fix.page === 'activity') return `/activities/${encodeURIComponent(fix.activity_id)}`;
	if (fix.page === 'indicator')
		return `/municipalities?${new URLSearchParams({ indicator: fix.indicator, year: String(fix.year) })}`;
	return '/import';
}

export interface WarningGroup {
	kind: WarningKind;
	dataset: string;
	warnings: QualityWarning[];
}

/** One group per kind, in the order the kinds are first met (the loader's order). */
export function groupWarnings(warnings: QualityWarning[]): WarningGroup[] {
	const groups = new Map<WarningKind, WarningGroup>();
	for (const w of warnings) {
		const g = groups.get(w.kind) ?? { kind: w.kind, dataset: w.dataset, warnings: [] };
		g.warnings.push(w);
		groups.set(w.kind, g);
	}
	return [...groups.values()];
}
