import {
	PLAN_FIRST_YEAR,
	signedCount,
	signedPoints,
	type StatusChange,
	type YearStanding,
	type SummaryFacts
} from '$lib/metrics/yearOnYear';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface SummaryInput {
	facts: SummaryFacts;
	/** Status changes since Y − 1 and how many activities became late (for the "moves" sentence). */
	changes: Pick<StatusChange<YearStanding>, 'kind'>[];
	becameLate: number;
	/** Activities carrying over (final review), or null for an annual review. */
	carryOver: number | null;
	/** How a group is named in the text: `Suund 2`, `RM`. */
	groupName: (kind: 'direction' | 'owner', key: string) => string;
	percent: (share: number | null) => string;
}

/**
 * The report's summary paragraph, written from the data (issue #17): attainment and its change,
 * the status counts with their changes, what moved, the largest rise and fall — each number with its
 * sign. Sentences, not a template with blanks: a year without a previous year says so instead.
 */
export function summarySentences(t: Translate, s: SummaryInput): string[] {
	const f = s.facts;
	const pp = (c: number | null) => signedPoints(c, t('unit.pp'));
	const out: string[] = [];
	if (f.prevYear === null)
		out.push(
			t('rep.sum.attainmentNoPrev', {
				year: f.year,
				attainment: s.percent(f.attainment),
				inMean: f.inMean,
				first: PLAN_FIRST_YEAR
			})
		);
	else
		out.push(
			t('rep.sum.attainment', {
				year: f.year,
				attainment: s.percent(f.attainment),
				change: pp(f.attainmentChange),
				prev: f.prevYear,
				inMean: f.inMean
			})
		);
	if (f.cancelled > 0) out.push(t('rep.sum.cancelled', { n: f.cancelled }));
	const counts = {
		done: f.done.value,
		atRisk: f.atRisk.value,
		late: f.late.value,
		notReported: f.notReported.value
	};
	if (f.prevYear === null) out.push(t('rep.sum.countsNoPrev', counts));
	else {
		out.push(
			t('rep.sum.counts', {
				...counts,
				doneChange: signedCount(f.done.change),
				atRiskChange: signedCount(f.atRisk.change),
				lateChange: signedCount(f.late.change),
				notReportedChange: signedCount(f.notReported.change)
			})
		);
		out.push(
			t('rep.sum.moves', {
				prev: f.prevYear,
				done: s.changes.filter((c) => c.kind === 'done').length,
				atRisk: s.changes.filter((c) => c.kind === 'at_risk').length,
				late: s.becameLate
			})
		);
		if (f.largestRise)
			out.push(
				t('rep.sum.rise', {
					name: s.groupName(f.largestRise.kind, f.largestRise.key),
					change: pp(f.largestRise.change)
				})
			);
		out.push(
			f.largestFall
				? t('rep.sum.fall', {
						name: s.groupName(f.largestFall.kind, f.largestFall.key),
						change: pp(f.largestFall.change)
					})
				: t('rep.sum.noFall')
		);
	}
	if (s.carryOver !== null) out.push(t('rep.sum.final', { carry: s.carryOver }));
	return out;
}
