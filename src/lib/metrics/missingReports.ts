import type { Activity, DisplayStatus, ProgressRow } from '$lib/types';
import { latestReport, reportsByActivity } from './attainment';

/**
 * The analyst's chase list (metrics.md "Missing reports"): for a year Y, an activity owes a report
 * when, as of Y − 1, it is neither done nor cancelled (never reported counts as owing), or when it
 * recurs every year (`igaaastane`) whatever its status. It is missing when it owes one and has no
 * progress row with year = Y. The same rule in SQL: src/lib/db/queries/missingReports.ts.
 */
export function owesReport(statusPrev: DisplayStatus, recurring: boolean): boolean {
	return recurring || (statusPrev !== 'done' && statusPrev !== 'cancelled');
}

export interface MissingReport {
	activity_id: string;
	title: string;
	/** Lead owner codes, sorted (an activity with several lead owners is chased at each). */
	lead_owners: string[];
	/** Year of the latest report before Y (there is none for Y), or null when never reported. */
	last_report_year: number | null;
	/** Status as of Y − 1 (`not_reported` when no report up to then). */
	status_prev: DisplayStatus;
	recurring: boolean;
	deadline_year: number | null;
	/** Position in the plan, keeps plan order. */
	seq: number;
}

export function missingReports(
	activities: Activity[],
	progress: ProgressRow[],
	year: number
): MissingReport[] {
	const byActivity = reportsByActivity(progress);
	const out: MissingReport[] = [];
	for (const a of [...activities].sort((x, y) => x.seq - y.seq)) {
		const rows = byActivity.get(a.activity_id) ?? [];
		if (rows.some((r) => r.year === year)) continue;
		const prev = latestReport(rows, year - 1);
		const status_prev: DisplayStatus = prev ? prev.status : 'not_reported';
		if (!owesReport(status_prev, a.recurring)) continue;
		out.push({
			activity_id: a.activity_id,
			title: a.title,
			lead_owners: [...a.lead_owners].sort(),
			last_report_year: prev ? prev.year : null,
			status_prev,
			recurring: a.recurring,
			deadline_year: a.deadline_year,
			seq: a.seq
		});
	}
	return out;
}

export interface OwnerChase<R extends Pick<MissingReport, 'lead_owners'>> {
	owner: string;
	reports: R[];
}

/**
 * The list per lead owner, most owed first: an activity with several lead owners appears under
 * each. Activities without a lead owner are kept under the empty code.
 */
export function byLeadOwner<R extends Pick<MissingReport, 'lead_owners'>>(rows: R[]): OwnerChase<R>[] {
	const groups = new Map<string, R[]>();
	for (const r of rows) {
		for (const owner of r.lead_owners.length ? r.lead_owners : ['']) {
			const list = groups.get(owner) ?? [];
			list.push(r);
			groups.set(owner, list);
		}
	}
	return [...groups.entries()]
		.map(([owner, reports]) => ({ owner, reports }))
		.sort((a, b) => b.reports.length - a.reports.length || a.owner.localeCompare(b.owner));
}
