import type { Connector } from '$lib/db/connector';
import {
	attainmentByDirectionSql,
	attainmentByOwnerSql,
	bindParams,
	filterValues,
	standingsSql,
	statusMixSql,
	totalsSql,
	type StandingFilter
} from '$lib/db/queries/attainment';
import type { DisplayStatus } from '$lib/types';

export interface GroupRow {
	key: string;
	attainment: number | null;
	activities: number;
	reported: number;
	done: number;
	at_risk: number;
	late: number;
	not_reported: number;
	cancelled: number;
	[k: string]: string | number | boolean | null;
}

export interface StandingRow {
	activity_id: string;
	direction: number;
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
	statusMix: { direction: number; status: DisplayStatus; n: number }[];
	standings: StandingRow[];
}

async function run<T>(conn: Connector, sql: string, year: number, filter?: StandingFilter): Promise<T[]> {
	const b = bindParams(sql, filterValues(year, filter));
	return (await conn.query(b.sql, b.params)) as unknown as T[];
}

/**
 * Everything the overview asks, for one as-of year. Linked views: the direction chart is filtered by
 * the owner filter only, the owner chart by the direction filter only; the rest by both.
 */
export async function loadOverview(
	conn: Connector,
	year: number,
	filter: { direction: number | null; owner: string | null }
): Promise<Overview> {
	const [totals] = await run<GroupRow>(conn, totalsSql(filter), year, filter);
	const byDirection = await run<GroupRow>(conn, attainmentByDirectionSql({ owner: filter.owner }), year, {
		owner: filter.owner
	});
	const byOwner = await run<GroupRow>(
		conn,
		attainmentByOwnerSql('lead', { direction: filter.direction }),
		year,
		{
			direction: filter.direction
		}
	);
	const statusMix = await run<Overview['statusMix'][number]>(conn, statusMixSql(filter), year, filter);
	const standings = await run<StandingRow>(conn, standingsSql(filter), year, filter);
	return { totals, byDirection, byOwner, statusMix, standings };
}
