import { STANDINGS_SQL, bindParams } from './attainment';

/**
 * The chase list in SQL — the same rule as src/lib/metrics/missingReports.ts (metrics.md "Missing
 * reports"); tests/unit/db/missing-reports-sql.test.ts runs both on the same data. The standing is
 * taken as of Y − 1 (`$asof`); `$year` is Y. Plan order; lead owners `;`-joined in code order.
 */
const MISSING_REPORTS_SQL = `${STANDINGS_SQL}
SELECT
	s.activity_id, s.title, s.seq, s.deadline_year,
	coalesce(s.recurring, false) AS recurring,
	s.report_year AS last_report_year,
	s.status AS status_prev,
	(SELECT string_agg(o.org, ';' ORDER BY o.org) FROM activity_owners o
		WHERE o.activity_id = s.activity_id AND o.role = 'lead') AS lead_owners
FROM standing s
WHERE (coalesce(s.recurring, false) OR s.status NOT IN ('done', 'cancelled'))
	AND NOT EXISTS (SELECT 1 FROM progress p WHERE p.activity_id = s.activity_id AND p.year = $year)
ORDER BY s.seq`;

export function missingReportsQuery(year: number): { sql: string; params: (string | number)[] } {
	return bindParams(MISSING_REPORTS_SQL, { asof: year - 1, year });
}
