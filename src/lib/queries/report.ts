import type { Connector } from '$lib/db/connector';
import {
	becameLate,
	carryOver,
	groupChanges,
	isFinalReview,
	planYearsUpTo,
	previousYear,
	statusChanges,
	stillUnreported,
	summaryFacts,
	yearsPastDeadline,
	type GroupChange,
	type StatusChange,
	type SummaryFacts
} from '$lib/metrics/yearOnYear';
import { loadStandings, overviewFrom, type Overview, type StandingRow } from './overview';

/** Attainment of one direction or owner in each year of the plan (the final review). */
export interface YearSeries {
	key: string;
	/** By year, in the order of `FinalReview.years`; null when the group had nothing in the mean. */
	attainment: (number | null)[];
	[k: string]: string | number | null | (number | null)[];
}

export interface FinalReview {
	years: number[];
	directions: YearSeries[];
	owners: YearSeries[];
	/** Neither done nor cancelled as of Y: they carry over to the next plan. */
	carryOver: StandingRow[];
}

/** A late or at-risk activity of the report year with how far past its deadline it is. */
export type FlaggedRow = StandingRow & { years_late: number };

export interface ReportData {
	year: number;
	prevYear: number | null;
	cur: Overview;
	prev: Overview | null;
	directions: GroupChange[];
	owners: GroupChange[];
	changes: StatusChange<StandingRow>[];
	becameLate: StandingRow[];
	stillUnreported: StandingRow[];
	flagged: FlaggedRow[];
	facts: SummaryFacts;
	final: FinalReview | null;
}

const ALL = { direction: null, owner: null };

/** The years whose standings a report for Y needs: Y, Y − 1, and every plan year for the final review. */
export function reportYears(year: number): number[] {
	const prev = previousYear(year);
	const years = new Set<number>([year, ...(prev === null ? [] : [prev])]);
	if (isFinalReview(year)) for (const y of planYearsUpTo(year)) years.add(y);
	return [...years].sort((a, b) => a - b);
}

/** The annual (and, from the plan's last year, final) review from each needed year's standings. */
export function reportFrom(standings: Map<number, StandingRow[]>, year: number): ReportData {
	const get = (y: number) => {
		const rows = standings.get(y);
		if (!rows) throw new Error(`report: no standings for ${y}`);
		return rows;
	};
	const prevYear = previousYear(year);
	const curRows = get(year);
	const cur = overviewFrom(curRows, ALL);
	const prevRows = prevYear === null ? null : get(prevYear);
	const prev = prevRows ? overviewFrom(prevRows, ALL) : null;
	const directions = groupChanges(cur.byDirection, prev?.byDirection ?? null);
	const owners = groupChanges(cur.byOwner, prev?.byOwner ?? null);
	const inPlanOrder = (rows: StandingRow[]) => [...rows].sort((a, b) => a.seq - b.seq);
	const ordered = inPlanOrder(curRows);
	const orderedPrev = prevRows ? inPlanOrder(prevRows) : [];
	const flagged = ordered
		.filter((s) => s.late || s.status === 'at_risk')
		.map((s) => ({ ...s, years_late: yearsPastDeadline(s.deadline_year, year, s.late) }))
		.sort((a, b) => b.years_late - a.years_late || a.seq - b.seq);

	let final: FinalReview | null = null;
	if (isFinalReview(year)) {
		const years = planYearsUpTo(year);
		const perYear = years.map((y) => overviewFrom(get(y), ALL));
		const series = (pick: (o: Overview) => { key: string; attainment: number | null }[], keys: string[]) =>
			keys.map((key) => ({
				key,
				attainment: perYear.map((o) => pick(o).find((g) => g.key === key)?.attainment ?? null)
			}));
		final = {
			years,
			directions: series(
				(o) => o.byDirection,
				cur.byDirection.map((g) => g.key)
			),
			owners: series(
				(o) => o.byOwner,
				cur.byOwner.map((g) => g.key)
			),
			carryOver: carryOver(ordered)
		};
	}

	return {
		year,
		prevYear: prev ? prevYear : null,
		cur,
		prev,
		directions,
		owners,
		changes: prevRows ? statusChanges(ordered, orderedPrev) : [],
		becameLate: prevRows ? becameLate(ordered, orderedPrev) : [],
		stillUnreported: prevRows ? stillUnreported(ordered, orderedPrev) : [],
		flagged,
		facts: summaryFacts(year, cur.totals, prev?.totals ?? null, directions, owners),
		final
	};
}

export async function loadReport(conn: Connector, year: number, version = 0): Promise<ReportData> {
	const years = reportYears(year);
	const rows = await Promise.all(years.map((y) => loadStandings(conn, y, version)));
	return reportFrom(new Map(years.map((y, i) => [y, rows[i]])), year);
}
