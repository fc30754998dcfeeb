import type { Connector, Row } from '$lib/db/connector';
import type { AttainmentGroup } from '$lib/metrics/attainment';
import { bindParams, filterValues, standingsSql, type StandingFilter } from '$lib/db/queries/attainment';
import type { DisplayStatus } from '$lib/types';

/** A direction's or an owner's attainment as the SQL computes it (the metric's own shape). */
export type GroupRow = AttainmentGroup & Row;

export interface StandingRow {
	activity_id: string;
	direction: number;
	/** The activity's place in the plan (plan order). */
	seq: number;
	title: string;
	status: DisplayStatus;
	score: number | null;
	late: boolean;
	deadline_year: number | null;
	extended: boolean;
	recurring: boolean;
	target_value: number;
	/** The plan's own parsed target (target_value may be a year's override). */
	plan_target: number;
	target_unit: string;
	target_text: string;
	actual_value: number | null;
	report_year: number | null;
	comment: string | null;
	lead_owners: string | null;
	[k: string]: string | number | boolean | null;
}

export interface Overview {
	totals: GroupRow;
	byDirection: GroupRow[];
	byOwner: GroupRow[];
	statusMix: { direction: number; status: DisplayStatus; n: number; late: number }[];
	standings: StandingRow[];
	/** Every lead owner of the year's activities (whatever the filter): what `owner` may name. */
	owners: string[];
}

async function run<T>(conn: Connector, sql: string, year: number, filter?: StandingFilter): Promise<T[]> {
	const b = bindParams(sql, filterValues(year, filter));
	return (await conn.query(b.sql, b.params)) as unknown as T[];
}

/**
 * Everything the overview asks, for one as-of year. Linked views: the direction chart is filtered by
 * the owner filter only, the owner chart by the direction filter only; the rest by both.
 *
 * DuckDB computes each activity's standing (its latest report as of the year: the window over the
 * progress table) once per year and data version; the groupings of those 42 rows for a direction or
 * owner filter are done here, by the same rules as the SQL (tests/unit/db/overview-sql.test.ts runs
 * both). A filter click then asks nothing of the database (issue "Performance").
 */
export async function loadOverview(
	conn: Connector,
	year: number,
	filter: { direction: number | null; owner: string | null },
	version = 0
): Promise<Overview> {
	return overviewFrom(await loadStandings(conn, year, version), filter);
}

/**
 * Every activity's standing as of a year, asked of DuckDB once per year and data version: the
 * overview asks for Y and Y − 1 (its changes), the report for every year of the plan.
 */
export function loadStandings(conn: Connector, year: number, version = 0): Promise<StandingRow[]> {
	if (!cache || cache.conn !== conn || cache.version !== version) cache = { conn, version, years: new Map() };
	let rows = cache.years.get(year);
	if (!rows) {
		const c = cache;
		rows = run<StandingRow>(conn, standingsSql(), year);
		c.years.set(year, rows);
		rows.catch(() => c.years.delete(year));
	}
	return rows;
}

let cache: { conn: Connector; version: number; years: Map<number, Promise<StandingRow[]>> } | null = null;

const leadOwners = (s: StandingRow) => (s.lead_owners ? s.lead_owners.split(';') : []);
/** DuckDB's text order (bytes of UTF-8 = code points), not the locale's. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One group's figures (attainment.ts GROUP_COLUMNS): the mean score skips cancelled activities, and
 * `activities` counts the activities in the mean (ui-contract), `cancelled` the ones left out.
 */
function groupRow(key: string, rows: StandingRow[]): GroupRow {
	const scored = rows.filter((r) => r.score !== null);
	const count = (f: (r: StandingRow) => boolean) => rows.filter(f).length;
	return {
		key,
		attainment: scored.length ? scored.reduce((n, r) => n + (r.score as number), 0) / scored.length : null,
		activities: scored.length,
		reported: count((r) => r.status !== 'not_reported'),
		done: count((r) => r.status === 'done'),
		at_risk: count((r) => r.status === 'at_risk'),
		late: count((r) => r.late === true),
		not_reported: count((r) => r.status === 'not_reported'),
		cancelled: count((r) => r.status === 'cancelled')
	};
}

/** The overview of one filter from the year's standings (all activities, in plan order). */
export function overviewFrom(
	all: StandingRow[],
	filter: { direction: number | null; owner: string | null }
): Overview {
	const inDirection = (s: StandingRow) => filter.direction == null || s.direction === filter.direction;
	const ofOwner = (s: StandingRow) => filter.owner == null || leadOwners(s).includes(filter.owner);
	const both = all.filter((s) => inDirection(s) && ofOwner(s));

	const owned = all.filter(ofOwner);
	const directions = [...new Set(owned.map((s) => s.direction))].sort((a, b) => a - b);
	const byDirection = directions.map((d) =>
		groupRow(
			String(d),
			owned.filter((s) => s.direction === d)
		)
	);

	const owners = new Map<string, StandingRow[]>();
	for (const s of all.filter(inDirection))
		for (const org of leadOwners(s)) owners.set(org, [...(owners.get(org) ?? []), s]);
	const byOwner = [...owners.entries()]
		.map(([org, rows]) => groupRow(org, rows))
		.sort((a, b) =>
			a.attainment === b.attainment
				? byText(a.key, b.key)
				: a.attainment === null
					? 1
					: b.attainment === null
						? -1
						: b.attainment - a.attainment
		);

	const mix = new Map<string, Overview['statusMix'][number]>();
	for (const s of both) {
		const k = `${s.direction}|${s.status}`;
		const m = mix.get(k) ?? { direction: s.direction, status: s.status, n: 0, late: 0 };
		m.n++;
		if (s.late) m.late++;
		mix.set(k, m);
	}
	const statusMix = [...mix.values()].sort((a, b) => a.direction - b.direction || byText(a.status, b.status));

	return {
		owners: [...new Set(all.flatMap(leadOwners))].sort(byText),
		totals: groupRow('', both),
		byDirection,
		byOwner,
		statusMix,
		standings: [...both].sort((a, b) => a.seq - b.seq)
	};
}

/**
 * The years with progress reports, ascending, and the latest of them: the header's default "as of"
 * year and the published summary's year (this calendar year when there is no report yet).
 */
export async function loadProgressYears(conn: Connector): Promise<{ years: number[]; latest: number }> {
	const rows = await conn.query<{ year: number }>('SELECT DISTINCT year FROM progress ORDER BY year');
	const years = rows.map((r) => r.year);
	return { years, latest: years.at(-1) ?? new Date().getFullYear() };
}
