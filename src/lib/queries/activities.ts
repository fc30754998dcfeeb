import type { Connector } from '$lib/db/connector';
import { bindParams, filterValues, standingsSql } from '$lib/db/queries/attainment';
import type { DisplayStatus } from '$lib/types';
import type { StandingRow } from './overview';

export interface ActivityRow extends StandingRow {
	co_owners: string | null;
}

/** Every activity's standing for the as-of year, with lead and co-owner codes (`;`-joined). */
export async function loadActivities(conn: Connector, year: number): Promise<ActivityRow[]> {
	const b = bindParams(
		`WITH s AS (${standingsSql().replace(/^\s*/, '')})
		SELECT s.*, (SELECT string_agg(o.org, ';' ORDER BY o.org) FROM activity_owners o
			WHERE o.activity_id = s.activity_id AND o.role = 'co') AS co_owners
		FROM s ORDER BY s.seq`,
		filterValues(year)
	);
	return (await conn.query(b.sql, b.params)) as unknown as ActivityRow[];
}

export interface ActivityFilter {
	direction: number | null;
	owner: string | null;
	status: DisplayStatus | null;
	late: boolean;
	deadline: number | null;
	q: string;
	/** The owner must lead the activity (`?role=lead`: the overview's and the report's sense). */
	leadOnly?: boolean;
}

/**
 * The table's filters (URL state): owner matches lead or co-owner (lead only with `leadOnly`); q
 * searches id, title and target.
 */
export function filterActivities(rows: ActivityRow[], f: ActivityFilter): ActivityRow[] {
	const q = f.q.trim().toLocaleLowerCase('et');
	return rows.filter((r) => {
		if (f.direction !== null && r.direction !== f.direction) return false;
		if (f.owner) {
			const owners = `${r.lead_owners ?? ''};${f.leadOnly ? '' : (r.co_owners ?? '')}`.split(';');
			if (!owners.includes(f.owner)) return false;
		}
		if (f.status && r.status !== f.status) return false;
		if (f.late && !r.late) return false;
		if (f.deadline !== null && r.deadline_year !== f.deadline) return false;
		if (q && !`${r.activity_id} ${r.title} ${r.target_text}`.toLocaleLowerCase('et').includes(q))
			return false;
		return true;
	});
}

export type Change = 'newly_done' | 'newly_late' | 'status_changed';

export interface ChangeRow {
	activity_id: string;
	title: string;
	from_status: DisplayStatus;
	to_status: DisplayStatus;
	change: Change;
	[k: string]: string | number | boolean | null;
}

/** What changed between the standings of Y−1 and Y: status moves, newly done, newly late. */
export function changesSince(before: ActivityRow[], now: ActivityRow[]): ChangeRow[] {
	const prev = new Map(before.map((r) => [r.activity_id, r]));
	const out: ChangeRow[] = [];
	for (const r of now) {
		const p = prev.get(r.activity_id);
		if (!p) continue;
		let change: Change | null = null;
		if (r.status === 'done' && p.status !== 'done') change = 'newly_done';
		else if (r.late && !p.late) change = 'newly_late';
		else if (r.status !== p.status) change = 'status_changed';
		if (change)
			out.push({
				activity_id: r.activity_id,
				title: r.title,
				from_status: p.status,
				to_status: r.status,
				change
			});
	}
	return out;
}

export interface DeadlineRow {
	deadline_year: number;
	done: number;
	late: number;
	open: number;
	extended: number;
	[k: string]: string | number | boolean | null;
}

/** Activities by deadline year: done, late (deadline passed, not done), still open; extended counted. */
export function deadlineSummary(rows: ActivityRow[]): {
	byYear: DeadlineRow[];
	recurring: number;
	noDeadline: number;
} {
	const byYear = new Map<number, DeadlineRow>();
	let recurring = 0;
	let noDeadline = 0;
	for (const r of rows) {
		if (r.recurring) recurring++;
		if (r.deadline_year === null) {
			noDeadline++;
			continue;
		}
		if (r.recurring) continue;
		const d = byYear.get(r.deadline_year) ?? {
			deadline_year: r.deadline_year,
			done: 0,
			late: 0,
			open: 0,
			extended: 0
		};
		if (r.status === 'done') d.done++;
		else if (r.late) d.late++;
		else if (r.status !== 'cancelled') d.open++;
		if (r.extended) d.extended++;
		byYear.set(r.deadline_year, d);
	}
	return {
		byYear: [...byYear.values()].sort((a, b) => a.deadline_year - b.deadline_year),
		recurring,
		noDeadline
	};
}

export interface ActivityDetail {
	activity: Record<string, string | number | boolean | null>;
	owners: { org: string; role: string }[];
	history: {
		year: number;
		status: string;
		actual_value: number | null;
		target_value: number | null;
		comment: string | null;
		reported_at: string | null;
		[k: string]: string | number | boolean | null;
	}[];
	trainings: Record<string, string | number | boolean | null>[];
}

export async function loadActivity(conn: Connector, id: string): Promise<ActivityDetail | null> {
	const [activity] = await conn.query('SELECT * FROM activities WHERE activity_id = ?', [id]);
	if (!activity) return null;
	const owners = (await conn.query(
		'SELECT org, role FROM activity_owners WHERE activity_id = ? ORDER BY role DESC, org',
		[id]
	)) as {
		org: string;
		role: string;
	}[];
	const history = (await conn.query(
		`SELECT p.year, p.status, p.actual_value, coalesce(p.target_value, a.target_value) AS target_value, p.comment, p.reported_at
		 FROM progress p JOIN activities a ON a.activity_id = p.activity_id
		 WHERE p.activity_id = ? ORDER BY p.year, p.reported_at, p.seq`,
		[id]
	)) as ActivityDetail['history'];
	const trainings = await conn.query(
		`SELECT coalesce(t.training_id, t.program || ' ' || coalesce(t.start_date, '')) AS key, t.program, t.start_date, t.end_date,
			t.organiser, m.name AS municipality, t.registered, t.completed, t.dropped_out, t.satisfaction
		 FROM trainings t LEFT JOIN municipalities m USING (ehak_code) WHERE t.activity_id = ? ORDER BY t.start_date`,
		[id]
	);
	return { activity, owners, history, trainings };
}
