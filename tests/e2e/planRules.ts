import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parsePlan } from '../../src/lib/plan/parsePlan';

/**
 * metrics.md's rules written out here, independently of the app's SQL and metric modules, over the
 * shipped plan and sample progress file: what the overview and the report must show.
 */
export interface P {
	activity_id: string;
	year: number;
	status: string;
	actual_value: number | null;
	target_value: number | null;
	comment: string;
	reported_at: string;
	seq: number;
}
export const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));
export const progress: P[] = Papa.parse<Record<string, string>>(
	readFileSync('data/sample/progress.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
).data.map((r, i) => ({
	activity_id: r.activity_id,
	year: Number(r.year),
	status: r.status,
	actual_value: r.actual_value === '' ? null : Number(r.actual_value),
	target_value: r.target_value === '' ? null : Number(r.target_value),
	comment: r.comment ?? '',
	reported_at: r.reported_at ?? '',
	seq: i
}));

/** Every activity as of a year: its latest report's status, score, comment; late by deadline. */
export function standingsAt(year: number) {
	return plan.map((a) => {
		const reports = progress
			.filter((p) => p.activity_id === a.activity_id && p.year <= year)
			.sort((x, y) => y.year - x.year || (y.reported_at > x.reported_at ? 1 : -1) || y.seq - x.seq);
		const r = reports[0];
		const status = r ? r.status : 'not_reported';
		let score: number | null = 0;
		if (r && r.status === 'cancelled') score = null;
		else if (r && r.status === 'done') score = 1;
		else if (r) {
			const target = r.target_value ?? a.target_value;
			score = target > 0 && r.actual_value !== null ? Math.min(1, Math.max(0, r.actual_value / target)) : 0;
		}
		const late =
			status !== 'done' &&
			status !== 'cancelled' &&
			!a.recurring &&
			a.deadline_year !== null &&
			a.deadline_year < year;
		return { a, status, score, late, comment: r ? r.comment : null };
	});
}
export type Standing = ReturnType<typeof standingsAt>[number];

/** One attainment group: `activities` counts the activities in the mean, `cancelled` the ones left out. */
export function groupOf(list: Standing[]) {
	const scored = list.filter((s) => s.score !== null);
	return {
		attainment: scored.length ? scored.reduce((t, s) => t + (s.score ?? 0), 0) / scored.length : null,
		activities: scored.length,
		reported: list.filter((s) => s.status !== 'not_reported').length,
		done: list.filter((s) => s.status === 'done').length,
		at_risk: list.filter((s) => s.status === 'at_risk').length,
		late: list.filter((s) => s.late).length,
		not_reported: list.filter((s) => s.status === 'not_reported').length,
		cancelled: list.filter((s) => s.status === 'cancelled').length
	};
}

/** Attainment by direction and by lead owner as of a year. */
export function expectedGroups(year: number) {
	const standings = standingsAt(year);
	const byDirection = new Map(
		[1, 2, 3, 4].map((d) => [String(d), groupOf(standings.filter((s) => s.a.direction === d))])
	);
	const owners = new Set(plan.flatMap((a) => a.lead_owners));
	const byOwner = new Map(
		[...owners].map((o) => [o, groupOf(standings.filter((s) => s.a.lead_owners.includes(o)))])
	);
	return { byDirection, byOwner };
}
