import type { Connector } from '$lib/db/connector';
import { missingReportsQuery } from '$lib/db/queries/missingReports';
import { byLeadOwner, type MissingReport } from '$lib/metrics/missingReports';
import type { DisplayStatus } from '$lib/types';

/** The activities that owe a report for `year` and have none (metrics.md "Missing reports"). */
export async function loadMissingReports(conn: Connector, year: number): Promise<MissingReport[]> {
	const q = missingReportsQuery(year);
	const rows = await conn.query<{
		activity_id: string;
		title: string;
		seq: number;
		deadline_year: number | null;
		recurring: boolean;
		last_report_year: number | null;
		status_prev: string;
		lead_owners: string | null;
	}>(q.sql, q.params);
	return rows.map((r) => ({
		activity_id: r.activity_id,
		title: r.title,
		seq: r.seq,
		deadline_year: r.deadline_year,
		recurring: r.recurring,
		last_report_year: r.last_report_year,
		status_prev: r.status_prev as DisplayStatus,
		lead_owners: r.lead_owners ? r.lead_owners.split(';') : []
	}));
}

/** "12 activities owe a 2025 report (5 owners)": the overview's line. */
export function missingSummary(rows: MissingReport[]): { activities: number; owners: number } {
	return { activities: rows.length, owners: byLeadOwner(rows).filter((g) => g.owner !== '').length };
}
