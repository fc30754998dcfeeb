/**
 * The questions the municipalities page asks the database (one function per question). DuckDB does
 * the filtering; rank and peer median come from the tested metric rules in $lib/metrics/ranking.
 */
import type { Connector } from '$lib/db/connector';
import type { Municipality, ServiceLevelRow } from '$lib/types';

export interface IndicatorInfo {
	indicator: string;
	domain: string | null;
	unit: string | null;
	higher_is_better: boolean;
	/** Years with at least one non-missing value, ascending. */
	years: number[];
}

export const MUNICIPALITIES_SQL = `SELECT ehak_code, name, type, county, population, lat, lon
	FROM municipalities ORDER BY name`;

/** The 79 municipalities (reference data; population is approximate). */
export async function loadMunicipalities(conn: Connector): Promise<Municipality[]> {
	return (await conn.query(MUNICIPALITIES_SQL)) as unknown as Municipality[];
}

/*
 * One row per indicator. An imported file may disagree with itself about a unit or direction;
 * the latest year's row wins (arg_max), as re-imports replace older rows by key.
 */
export const INDICATORS_SQL = `SELECT indicator,
		arg_max(domain, year) AS domain,
		arg_max(unit, year) AS unit,
		coalesce(arg_max(higher_is_better, year), true) AS higher_is_better,
		string_agg(year::VARCHAR, ',' ORDER BY year::VARCHAR) FILTER (WHERE has_value) AS years
	FROM (
		-- (indicator, year) first: a DISTINCT aggregate over a million rows cost twice as much. Within
		-- one year any row's domain/unit/direction will do (min: the same every time); min instead of
		-- arg_max over the year they all share took a third off this query at 1M rows in DuckDB-wasm.
		SELECT indicator, year, min(domain) AS domain, min(unit) AS unit,
			bool_and(higher_is_better) AS higher_is_better, bool_or(value IS NOT NULL) AS has_value
		FROM service_levels GROUP BY indicator, year
	)
	GROUP BY indicator
	ORDER BY domain NULLS LAST, indicator`;

export async function loadIndicators(conn: Connector): Promise<IndicatorInfo[]> {
	const rows = await conn.query(INDICATORS_SQL);
	return rows.map((r) => ({
		indicator: String(r.indicator),
		domain: r.domain === null ? null : String(r.domain),
		unit: r.unit === null ? null : String(r.unit),
		higher_is_better: r.higher_is_better !== false,
		years: parseYears(r.years)
	}));
}

/** Years come joined as text (`2021,2022`): lists would arrive as Arrow vectors from the wasm build. */
function parseYears(v: unknown): number[] {
	return typeof v === 'string' ? v.split(',').map(Number) : [];
}

const ROW_COLUMNS = `ehak_code, year, domain, indicator, value, unit, higher_is_better`;

/** The indicator `/municipalities` shows when the URL names none: the first one with data. */
export function defaultIndicator(indicators: IndicatorInfo[]): IndicatorInfo | null {
	return indicators.find((i) => i.years.length > 0) ?? indicators[0] ?? null;
}

/** The default indicator's rows: what `/municipalities` draws without `indicator` in the URL. */
export async function loadDefaultIndicatorRows(conn: Connector): Promise<ServiceLevelRow[]> {
	const first = defaultIndicator(await loadIndicators(conn));
	return first ? loadIndicatorRows(conn, first) : [];
}

/**
 * What `/municipalities` asks on opening without an indicator in the URL: the lists, the default
 * indicator's rows and the training participants. Asked ahead when service levels or trainings
 * are imported (reader.ts `askAhead`), the planner's next page.
 */
export async function municipalitiesOpening(conn: Connector): Promise<void> {
	await Promise.all([
		loadMunicipalities(conn),
		loadDefaultIndicatorRows(conn),
		loadTrainingParticipants(conn)
	]);
}

/*
 * Only the columns that vary within an indicator: one indicator's rows are spread over every part
 * of a large table, so each column read is a column decompressed in full (issue "Performance":
 * 7 columns → 3 halves the query at 1M rows).
 */
export const INDICATOR_ROWS_SQL = `SELECT ehak_code, year, value FROM service_levels
	WHERE indicator = ? ORDER BY year, ehak_code`;

/**
 * Every year's values of one indicator (ranking, change since last year, trend, map). Its domain,
 * unit and direction are the indicator's own (the latest year's, as in the indicator list).
 */
export async function loadIndicatorRows(
	conn: Connector,
	info: Pick<IndicatorInfo, 'indicator' | 'domain' | 'unit' | 'higher_is_better'>
): Promise<ServiceLevelRow[]> {
	const rows = await conn.query<{ ehak_code: string; year: number; value: number | null }>(
		INDICATOR_ROWS_SQL,
		[info.indicator]
	);
	return rows.map((r) => ({
		ehak_code: r.ehak_code,
		year: r.year,
		value: r.value,
		indicator: info.indicator,
		domain: info.domain,
		unit: info.unit,
		higher_is_better: info.higher_is_better
	}));
}

export const DOMAIN_ROWS_SQL = `SELECT ${ROW_COLUMNS} FROM service_levels
	WHERE domain IS NOT DISTINCT FROM ? AND year IN (?, ?) ORDER BY indicator, year, ehak_code`;

/** All municipalities' values for a domain's indicators in a year and the year before (comparison). */
export async function loadDomainRows(
	conn: Connector,
	domain: string | null,
	year: number
): Promise<ServiceLevelRow[]> {
	return (await conn.query(DOMAIN_ROWS_SQL, [domain, year, year - 1])) as unknown as ServiceLevelRow[];
}

export interface YearValue {
	ehak_code: string;
	year: number;
	indicator: string;
	value: number;
	[k: string]: string | number;
}

export const YEAR_VALUES_SQL = `SELECT ehak_code, year, indicator, value FROM service_levels
	WHERE year IN (?, ?) AND value IS NOT NULL ORDER BY indicator, year, ehak_code`;

export const YEAR_VALUES_OF_SQL = `SELECT ehak_code, year, indicator, value FROM service_levels
	WHERE year = ? AND value IS NOT NULL AND indicator IN (SELECT unnest(string_split(?, ?)))
	ORDER BY indicator, ehak_code`;
const SEPARATOR = '\u001f';

/**
 * Every indicator's values in a year and the year before (profile: rank, peer median, change), or
 * the named indicators' values in the year alone (similarity: at a million rows every indicator of
 * two years is 200,000 rows to hand to the page; the similarity model reads the chosen ones in one).
 */
export async function loadYearValues(
	conn: Connector,
	year: number,
	indicators?: string[]
): Promise<YearValue[]> {
	if (!indicators) return conn.query<YearValue>(YEAR_VALUES_SQL, [year, year - 1]);
	if (!indicators.length) return [];
	return conn.query<YearValue>(YEAR_VALUES_OF_SQL, [year, indicators.join(SEPARATOR), SEPARATOR]);
}

export const OWN_VALUES_SQL = `SELECT year, indicator, value FROM service_levels
	WHERE ehak_code = ? ORDER BY indicator, year`;

/** One municipality's values of every indicator in every year (the profile's small trends). */
export async function loadOwnValues(
	conn: Connector,
	ehakCode: string
): Promise<{ year: number; indicator: string; value: number | null }[]> {
	return conn.query(OWN_VALUES_SQL, [ehakCode]);
}

export interface MunicipalityTraining {
	training_id: string | null;
	program: string;
	organiser: string | null;
	activity_id: string | null;
	start_date: string | null;
	end_date: string | null;
	year: number | null;
	registered: number | null;
	completed: number | null;
	dropped_out: number | null;
	completion_rate: number | null;
	[k: string]: string | number | null;
}

/*
 * data-contract.md "trainings": each training names one municipality (its participants' local
 * government), so a municipality's trainings are the rows that name it; the year is the start's.
 */
export const MUNICIPALITY_TRAININGS_SQL = `SELECT training_id, program, organiser, activity_id, start_date, end_date,
		TRY_CAST(substr(start_date, 1, 4) AS INTEGER) AS year, registered, completed, dropped_out,
		completed / nullif(registered, 0) AS completion_rate
	FROM trainings WHERE ehak_code = ? ORDER BY start_date NULLS LAST, program`;

export async function loadMunicipalityTrainings(
	conn: Connector,
	ehakCode: string
): Promise<MunicipalityTraining[]> {
	return conn.query<MunicipalityTraining>(MUNICIPALITY_TRAININGS_SQL, [ehakCode]);
}

export const TRAINING_PARTICIPANTS_SQL = `SELECT ehak_code, year, sum(coalesce(registered, 0))::INTEGER AS registered
	FROM (SELECT ehak_code, TRY_CAST(substr(start_date, 1, 4) AS INTEGER) AS year, registered FROM trainings)
	WHERE ehak_code IS NOT NULL AND year IS NOT NULL GROUP BY ALL ORDER BY ehak_code, year`;

/** Participants (registered) per municipality and training start year (training reach). */
export type TrainingParticipants = { ehak_code: string; year: number; registered: number }[];

export async function loadTrainingParticipants(conn: Connector): Promise<TrainingParticipants> {
	return conn.query(TRAINING_PARTICIPANTS_SQL);
}
