import type { Connector } from '$lib/db/connector';
import { coverageGrid, type CoverageCell } from '$lib/charts/coverageHeatmap';

/**
 * Where the data are thin (issue "Data quality as the analyst's work list"): per indicator and
 * year the number of municipalities with a value; per year and organiser the number of trainings.
 * A pair with nothing is a missing cell of the grid, never a 0.
 */
export interface Coverage {
	serviceLevels: CoverageCell[];
	indicators: string[];
	serviceYears: number[];
	/** Municipalities in the data: the most a service-level cell can have. */
	municipalities: number;
	trainings: CoverageCell[];
	organisers: string[];
	trainingYears: number[];
}

const SERVICE_LEVEL_SQL = `SELECT indicator, year, count(DISTINCT ehak_code) FILTER (WHERE value IS NOT NULL)::INTEGER AS n
	FROM service_levels GROUP BY indicator, year`;

const TRAINING_SQL = `SELECT organiser, year, count(*)::INTEGER AS n
	FROM (SELECT coalesce(organiser, '') AS organiser, TRY_CAST(substr(start_date, 1, 4) AS INTEGER) AS year FROM trainings)
	WHERE year IS NOT NULL GROUP BY organiser, year`;

export async function loadCoverage(conn: Connector): Promise<Coverage> {
	const sl = await conn.query<{ indicator: string; year: number; n: number }>(SERVICE_LEVEL_SQL);
	const tr = await conn.query<{ organiser: string; year: number; n: number }>(TRAINING_SQL);
	const [{ n: municipalities }] = await conn.query<{ n: number }>(
		'SELECT count(*)::INTEGER AS n FROM municipalities'
	);
	const service = coverageGrid(sl.map((r) => ({ row: r.indicator, year: r.year, n: r.n })));
	const training = coverageGrid(tr.map((r) => ({ row: r.organiser, year: r.year, n: r.n })));
	return {
		serviceLevels: service.cells,
		indicators: service.rows,
		serviceYears: service.years,
		municipalities,
		trainings: training.cells,
		organisers: training.rows,
		trainingYears: training.years
	};
}
