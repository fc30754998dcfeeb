/**
 * Attainment in SQL — the same rules as src/lib/metrics/attainment.ts (metrics.md "Attainment").
 * tests/unit/db/attainment-sql.test.ts runs both on the same data and compares them.
 * Parameter: the as-of year (used twice).
 */
export const STANDINGS_SQL = `
WITH latest AS (
	SELECT p.*, row_number() OVER (
		PARTITION BY activity_id ORDER BY year DESC, reported_at DESC NULLS LAST, seq DESC
	) AS rn
	FROM progress p
	WHERE p.year <= $asof
),
standing AS (
	SELECT
		a.activity_id, a.direction, a.seq, a.title, a.deadline_year, a.recurring, a.extended,
		a.target_unit, a.target_text,
		coalesce(l.status, 'not_reported') AS status,
		CASE
			WHEN l.activity_id IS NULL THEN 0.0
			WHEN l.status = 'cancelled' THEN NULL
			WHEN l.status = 'done' THEN 1.0
			WHEN coalesce(l.target_value, a.target_value) > 0 AND l.actual_value IS NOT NULL
				THEN least(1.0, greatest(0.0, l.actual_value / coalesce(l.target_value, a.target_value)))
			ELSE 0.0
		END AS score,
		(coalesce(l.status, 'not_reported') NOT IN ('done', 'cancelled')
			AND NOT coalesce(a.recurring, false)
			AND a.deadline_year IS NOT NULL
			AND a.deadline_year < $asof) AS late,
		l.year AS report_year,
		l.actual_value,
		coalesce(l.target_value, a.target_value) AS target_value,
		a.target_value AS plan_target,
		l.comment,
		l.reported_at
	FROM activities a
	LEFT JOIN latest l ON l.activity_id = a.activity_id AND l.rn = 1
)`;

const GROUP_COLUMNS = `
	avg(score) AS attainment,
	count(*) FILTER (WHERE status <> 'cancelled')::INTEGER AS activities,
	count(*) FILTER (WHERE status <> 'not_reported')::INTEGER AS reported,
	count(*) FILTER (WHERE status = 'done')::INTEGER AS done,
	count(*) FILTER (WHERE status = 'at_risk')::INTEGER AS at_risk,
	count(*) FILTER (WHERE late)::INTEGER AS late,
	count(*) FILTER (WHERE status = 'not_reported')::INTEGER AS not_reported,
	count(*) FILTER (WHERE status = 'cancelled')::INTEGER AS cancelled`;

/** `$asof` is replaced by `?` placeholders in order by `bindAsOf`. */
export function bindAsOf(sql: string, year: number): { sql: string; params: number[] } {
	const params: number[] = [];
	const out = sql.replace(/\$asof/g, () => {
		params.push(year);
		return '?';
	});
	return { sql: out, params };
}

/** Optional linked-view filter: only activities of a direction and/or led by an organisation. */
export interface StandingFilter {
	direction?: number | null;
	owner?: string | null;
}

/** Named `$name` placeholders → positional `?` with their values, in order of appearance. */
export function bindParams(
	sql: string,
	values: Record<string, string | number>
): { sql: string; params: (string | number)[] } {
	const params: (string | number)[] = [];
	const out = sql.replace(/\$(\w+)/g, (m, name: string) => {
		if (!(name in values)) return m;
		params.push(values[name]);
		return '?';
	});
	return { sql: out, params };
}

function filtered(filter: StandingFilter = {}): string {
	const where: string[] = [];
	if (filter.direction != null) where.push('direction = $direction');
	if (filter.owner != null)
		where.push(
			`activity_id IN (SELECT activity_id FROM activity_owners WHERE role = 'lead' AND org = $owner)`
		);
	return `${STANDINGS_SQL},
filtered AS (SELECT * FROM standing${where.length ? ' WHERE ' + where.join(' AND ') : ''})`;
}

export function filterValues(year: number, filter: StandingFilter = {}): Record<string, string | number> {
	const v: Record<string, string | number> = { asof: year };
	if (filter.direction != null) v.direction = filter.direction;
	if (filter.owner != null) v.owner = filter.owner;
	return v;
}

/** Totals over the (filtered) standings: the KPI strip. */
export function totalsSql(filter?: StandingFilter): string {
	return `${filtered(filter)}
SELECT ${GROUP_COLUMNS} FROM filtered`;
}

export function standingsSql(filter?: StandingFilter): string {
	return `${filtered(filter)}
SELECT s.*, (SELECT string_agg(o.org, ';' ORDER BY o.org) FROM activity_owners o
	WHERE o.activity_id = s.activity_id AND o.role = 'lead') AS lead_owners
FROM filtered s ORDER BY s.seq`;
}

export function attainmentByDirectionSql(filter?: StandingFilter): string {
	return `${filtered(filter)}
SELECT direction::VARCHAR AS key, ${GROUP_COLUMNS}
FROM filtered GROUP BY direction ORDER BY direction`;
}

export function attainmentByOwnerSql(role: 'lead' | 'co' = 'lead', filter?: StandingFilter): string {
	return `${filtered(filter)}
SELECT o.org AS key, ${GROUP_COLUMNS}
FROM filtered s JOIN activity_owners o ON o.activity_id = s.activity_id AND o.role = '${role === 'lead' ? 'lead' : 'co'}'
GROUP BY o.org ORDER BY attainment DESC NULLS LAST, o.org`;
}

/** Status mix per direction: count of activities per (direction, status). */
export function statusMixSql(filter?: StandingFilter): string {
	return `${filtered(filter)}
SELECT direction, status, count(*)::INTEGER AS n, count(*) FILTER (WHERE late)::INTEGER AS late
FROM filtered GROUP BY direction, status ORDER BY direction, status`;
}
