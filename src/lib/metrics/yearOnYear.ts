import type { DisplayStatus } from '$lib/types';

/**
 * Year-on-year rules of the annual review (metrics.md "Year-on-year"): attainment as of Y beside
 * Y − 1, the change in percentage points, the activities whose display status changed, and — when Y is
 * the plan's last year or later — the final review's attainment per year and the carry-over list.
 * Pure functions over the standings of two years (one row per activity, as attainment.ts or the
 * standings SQL give them), so the same rules run in Vitest without a browser.
 */

/** The plan's years (its title: *tegevuskava 2022–2025*). */
export const PLAN_FIRST_YEAR = 2022;
export const PLAN_LAST_YEAR = 2025;

/** Y − 1 has something to compare with only inside the plan: 2021 has no plan, so no change is shown. */
export function previousYear(year: number): number | null {
	return year - 1 >= PLAN_FIRST_YEAR ? year - 1 : null;
}

/** Y is the plan's last year or later: the report is the plan's final review. */
export function isFinalReview(year: number): boolean {
	return year >= PLAN_LAST_YEAR;
}

/** The years of the plan up to Y (the final review's columns). */
export function planYearsUpTo(year: number): number[] {
	const years: number[] = [];
	for (let y = PLAN_FIRST_YEAR; y <= Math.min(year, PLAN_LAST_YEAR); y++) years.push(y);
	return years;
}

/** One activity as of a year: what the rules below need of it. */
export interface YearStanding {
	activity_id: string;
	status: DisplayStatus;
	late: boolean;
	score: number | null;
	comment?: string | null;
}

/** One attainment group (a direction or an owner) as of a year. */
export interface YearGroup {
	key: string;
	attainment: number | null;
	activities: number;
	done: number;
	at_risk: number;
	late: number;
	not_reported: number;
	cancelled: number;
}

export interface GroupChange {
	key: string;
	attainment: number | null;
	attainment_prev: number | null;
	/** attainment − attainment_prev as a fraction (0.05 = +5 pp); null when either is missing. */
	change: number | null;
	activities: number;
	cancelled: number;
	done: number;
	done_prev: number | null;
	late: number;
	late_prev: number | null;
	at_risk: number;
	at_risk_prev: number | null;
}

/** The difference of two shares, rounded off the float noise (0.7 − 0.65 = 0.05, not 0.04999…). */
export function shareChange(cur: number | null, prev: number | null): number | null {
	if (cur === null || prev === null) return null;
	return Math.round((cur - prev) * 1e12) / 1e12;
}

/**
 * Each group of year Y beside the same group of Y − 1 (`prev` null: no previous year to compare). A
 * group that did not exist in Y − 1 (an owner who led nothing) has no previous values.
 */
export function groupChanges(cur: YearGroup[], prev: YearGroup[] | null): GroupChange[] {
	const before = new Map((prev ?? []).map((g) => [g.key, g]));
	return cur.map((g) => {
		const p = before.get(g.key) ?? null;
		return {
			key: g.key,
			attainment: g.attainment,
			attainment_prev: p ? p.attainment : null,
			change: p ? shareChange(g.attainment, p.attainment) : null,
			activities: g.activities,
			cancelled: g.cancelled,
			done: g.done,
			done_prev: p ? p.done : null,
			late: g.late,
			late_prev: p ? p.late : null,
			at_risk: g.at_risk,
			at_risk_prev: p ? p.at_risk : null
		};
	});
}

/** Which way an activity's status moved: the report groups its list by these. */
export type ChangeKind = 'done' | 'at_risk' | 'cancelled' | 'other';

export interface StatusChange<S extends YearStanding> {
	activity_id: string;
	status_prev: DisplayStatus;
	status: DisplayStatus;
	/** The comment of its latest report as of Y. */
	comment: string | null;
	kind: ChangeKind;
	standing: S;
}

const KIND_ORDER: ChangeKind[] = ['done', 'at_risk', 'cancelled', 'other'];

/**
 * Activities whose display status as of Y differs from their status as of Y − 1 (metrics.md), in the
 * order: became done, slipped to at risk, cancelled, other moves; plan order within each.
 */
export function statusChanges<S extends YearStanding>(cur: S[], prev: S[]): StatusChange<S>[] {
	const before = new Map(prev.map((s) => [s.activity_id, s]));
	const out: StatusChange<S>[] = [];
	for (const s of cur) {
		const p = before.get(s.activity_id);
		const statusPrev: DisplayStatus = p ? p.status : 'not_reported';
		if (statusPrev === s.status) continue;
		const kind: ChangeKind =
			s.status === 'done' || s.status === 'at_risk' || s.status === 'cancelled' ? s.status : 'other';
		out.push({
			activity_id: s.activity_id,
			status_prev: statusPrev,
			status: s.status,
			comment: s.comment ?? null,
			kind,
			standing: s
		});
	}
	return out
		.map((c, i) => ({ c, i }))
		.sort((a, b) => KIND_ORDER.indexOf(a.c.kind) - KIND_ORDER.indexOf(b.c.kind) || a.i - b.i)
		.map(({ c }) => c);
}

/** Activities late as of Y that were not late as of Y − 1 (their deadline passed, or they were reopened). */
export function becameLate<S extends YearStanding>(cur: S[], prev: S[]): S[] {
	const before = new Map(prev.map((s) => [s.activity_id, s]));
	return cur.filter((s) => s.late && !before.get(s.activity_id)?.late);
}

/** Activities with no report as of Y − 1 and still none as of Y. */
export function stillUnreported<S extends YearStanding>(cur: S[], prev: S[]): S[] {
	const before = new Map(prev.map((s) => [s.activity_id, s]));
	return cur.filter(
		(s) =>
			s.status === 'not_reported' && (before.get(s.activity_id)?.status ?? 'not_reported') === 'not_reported'
	);
}

/** How many years past its deadline a late activity is as of Y (0 when it is not late). */
export function yearsPastDeadline(deadline: number | null, year: number, late: boolean): number {
	return late && deadline !== null ? year - deadline : 0;
}

/**
 * The activities that carry over to the next plan (final review): neither done nor cancelled as of Y —
 * in progress, not started, at risk, or never reported.
 */
export function carryOver<S extends YearStanding>(standings: S[]): S[] {
	return standings.filter((s) => s.status !== 'done' && s.status !== 'cancelled');
}

/** A count as of Y beside Y − 1 (null: nothing to compare). */
export interface Counted {
	value: number;
	change: number | null;
}

export interface SummaryFacts {
	year: number;
	prevYear: number | null;
	attainment: number | null;
	attainmentChange: number | null;
	inMean: number;
	cancelled: number;
	done: Counted;
	atRisk: Counted;
	late: Counted;
	notReported: Counted;
	/** The group (direction or owner) with the largest rise and the largest fall since Y − 1. */
	largestRise: { kind: 'direction' | 'owner'; key: string; change: number } | null;
	largestFall: { kind: 'direction' | 'owner'; key: string; change: number } | null;
}

const counted = (cur: number, prev: number | null): Counted => ({
	value: cur,
	change: prev === null ? null : cur - prev
});

/**
 * The facts the report's summary paragraph is written from: totals as of Y, each with its change
 * since Y − 1, and the largest rise and fall among directions and owners (ties: directions first, then
 * the earlier key).
 */
export function summaryFacts(
	year: number,
	totals: YearGroup,
	prevTotals: YearGroup | null,
	directions: GroupChange[],
	owners: GroupChange[]
): SummaryFacts {
	const moves = [
		...directions.map((g) => ({ kind: 'direction' as const, key: g.key, change: g.change })),
		...owners.map((g) => ({ kind: 'owner' as const, key: g.key, change: g.change }))
	].filter((m): m is { kind: 'direction' | 'owner'; key: string; change: number } => m.change !== null);
	let rise: SummaryFacts['largestRise'] = null;
	let fall: SummaryFacts['largestFall'] = null;
	for (const m of moves) {
		if (m.change > 0 && (rise === null || m.change > rise.change)) rise = m;
		if (m.change < 0 && (fall === null || m.change < fall.change)) fall = m;
	}
	return {
		year,
		prevYear: prevTotals ? previousYear(year) : null,
		attainment: totals.attainment,
		attainmentChange: prevTotals ? shareChange(totals.attainment, prevTotals.attainment) : null,
		inMean: totals.activities,
		cancelled: totals.cancelled,
		done: counted(totals.done, prevTotals?.done ?? null),
		atRisk: counted(totals.at_risk, prevTotals?.at_risk ?? null),
		late: counted(totals.late, prevTotals?.late ?? null),
		notReported: counted(totals.not_reported, prevTotals?.not_reported ?? null),
		largestRise: rise,
		largestFall: fall
	};
}

/** A change in percentage points with its sign: `+5 pp`, `−3 pp`, `±0 pp` (a minus sign, not a hyphen). */
export function signedPoints(change: number | null, unit = 'pp'): string {
	if (change === null) return '–';
	const pp = Math.round(change * 100);
	return `${pp > 0 ? '+' : pp < 0 ? '−' : '±'}${Math.abs(pp)}\u00a0${unit}`;
}

/** A count change with its sign: `+2`, `−1`, `±0`. */
export function signedCount(change: number | null): string {
	if (change === null) return '–';
	return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change)}`;
}
