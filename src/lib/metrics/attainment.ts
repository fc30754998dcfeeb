import type { Activity, DisplayStatus, ProgressRow } from '$lib/types';

/** One activity as of year Y: its latest report, status, score and flags. metrics.md "Attainment". */
export interface ActivityStanding {
	activity_id: string;
	direction: number;
	lead_owners: string[];
	co_owner_orgs: string[];
	status: DisplayStatus;
	/** 0..1; null for cancelled activities (excluded from every mean). */
	score: number | null;
	late: boolean;
	/** Year of the report used, or null when none. */
	report_year: number | null;
	actual_value: number | null;
	target_value: number;
}

export interface AttainmentGroup {
	key: string;
	/** Mean score over non-cancelled activities; null when the group has none. */
	attainment: number | null;
	/** Activities in the mean (cancelled ones excluded): `activities + cancelled` is the whole group. */
	activities: number;
	reported: number;
	done: number;
	at_risk: number;
	late: number;
	not_reported: number;
	cancelled: number;
}

/**
 * The report that counts for year Y: the largest year ≤ Y; ties → latest `reported_at`, then the
 * later row in import order (`seq`).
 */
export function latestReport(rows: ProgressRow[], asOfYear: number): ProgressRow | null {
	let best: ProgressRow | null = null;
	for (const r of rows) {
		if (r.year > asOfYear) continue;
		if (best === null || compareReports(r, best) > 0) best = r;
	}
	return best;
}

function compareReports(a: ProgressRow, b: ProgressRow): number {
	if (a.year !== b.year) return a.year - b.year;
	const ra = a.reported_at ?? '';
	const rb = b.reported_at ?? '';
	if (ra !== rb) return ra < rb ? -1 : 1;
	return a.seq - b.seq;
}

/** Score of one activity given its latest report (metrics.md step 2). */
export function activityScore(report: ProgressRow | null, planTarget: number): number | null {
	if (report === null) return 0;
	if (report.status === 'cancelled') return null;
	if (report.status === 'done') return 1;
	const target = report.target_value ?? planTarget;
	if (target > 0 && report.actual_value !== null)
		return Math.min(1, Math.max(0, report.actual_value / target));
	return 0;
}

/** Late = not done, not cancelled, deadline_year < Y; recurring activities are never late by deadline alone. */
export function isLate(
	status: DisplayStatus,
	activity: Pick<Activity, 'deadline_year' | 'recurring'>,
	asOfYear: number
) {
	if (status === 'done' || status === 'cancelled') return false;
	if (activity.recurring || activity.deadline_year === null) return false;
	return activity.deadline_year < asOfYear;
}

/** Progress rows per activity id, in their import order. */
export function reportsByActivity(progress: ProgressRow[]): Map<string, ProgressRow[]> {
	const byActivity = new Map<string, ProgressRow[]>();
	for (const row of progress) {
		const list = byActivity.get(row.activity_id) ?? [];
		list.push(row);
		byActivity.set(row.activity_id, list);
	}
	return byActivity;
}

export function activityStandings(
	activities: Activity[],
	progress: ProgressRow[],
	asOfYear: number
): ActivityStanding[] {
	const byActivity = reportsByActivity(progress);
	return activities.map((a) => {
		const report = latestReport(byActivity.get(a.activity_id) ?? [], asOfYear);
		const status: DisplayStatus = report ? report.status : 'not_reported';
		return {
			activity_id: a.activity_id,
			direction: a.direction,
			lead_owners: a.lead_owners,
			co_owner_orgs: a.co_owner_orgs,
			status,
			score: activityScore(report, a.target_value),
			late: isLate(status, a, asOfYear),
			report_year: report ? report.year : null,
			actual_value: report ? report.actual_value : null,
			target_value: report?.target_value ?? a.target_value
		};
	});
}

/** Summarise standings into one group (metrics.md step 3 and 5). */
export function summarise(key: string, standings: ActivityStanding[]): AttainmentGroup {
	const scored = standings.filter((s) => s.score !== null);
	const sum = scored.reduce((acc, s) => acc + (s.score ?? 0), 0);
	return {
		key,
		attainment: scored.length ? sum / scored.length : null,
		activities: scored.length,
		reported: standings.filter((s) => s.status !== 'not_reported').length,
		done: standings.filter((s) => s.status === 'done').length,
		at_risk: standings.filter((s) => s.status === 'at_risk').length,
		late: standings.filter((s) => s.late).length,
		not_reported: standings.filter((s) => s.status === 'not_reported').length,
		cancelled: standings.filter((s) => s.status === 'cancelled').length
	};
}

export function attainmentByDirection(standings: ActivityStanding[]): AttainmentGroup[] {
	const directions = [...new Set(standings.map((s) => s.direction))].sort((a, b) => a - b);
	return directions.map((d) =>
		summarise(
			String(d),
			standings.filter((s) => s.direction === d)
		)
	);
}

/** Owner attainment: each lead owner (or co-owner) counts the activity fully. Sorted best first. */
export function attainmentByOwner(
	standings: ActivityStanding[],
	role: 'lead' | 'co' = 'lead'
): AttainmentGroup[] {
	const owners = new Map<string, ActivityStanding[]>();
	for (const s of standings) {
		for (const org of role === 'lead' ? s.lead_owners : s.co_owner_orgs) {
			const list = owners.get(org) ?? [];
			list.push(s);
			owners.set(org, list);
		}
	}
	return [...owners.entries()]
		.map(([org, list]) => summarise(org, list))
		.sort((a, b) => (b.attainment ?? -1) - (a.attainment ?? -1) || a.key.localeCompare(b.key));
}

/** Default as-of year: the latest year with any progress row, else the current year. */
export function defaultAsOfYear(progress: ProgressRow[], now = new Date()): number {
	return progress.length ? Math.max(...progress.map((p) => p.year)) : now.getFullYear();
}
