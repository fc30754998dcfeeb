import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import {
	activityStandings,
	attainmentByDirection,
	attainmentByOwner,
	summarise
} from '$lib/metrics/attainment';
import {
	becameLate,
	carryOver,
	groupChanges,
	isFinalReview,
	planYearsUpTo,
	previousYear,
	shareChange,
	signedCount,
	signedPoints,
	statusChanges,
	stillUnreported,
	summaryFacts,
	yearsPastDeadline
} from '$lib/metrics/yearOnYear';
import { loadReport, reportYears } from '$lib/queries/report';
import type { NodeConnector } from '$lib/db/nodeConnector';
import type { ProgressRow } from '$lib/types';
import { activity, planDatabase, report } from '../progressRow';
import { summarySentences } from '../../../src/routes/report/summary';
import { translate } from '$lib/i18n/catalogue';

/**
 * metrics.md "Year-on-year" on a hand-computed case (Y = 2024, Y − 1 = 2023; count targets of 4):
 * - 1.1.1 in progress 2/4 in 2023, cancelled in 2024 (a cancellation between years);
 * - 1.1.2 first reported in 2024, at risk 1/4 (an activity first reported in Y);
 * - 1.1.3 recurring, due 2022, 4/4 both years (never late by deadline alone);
 * - 1.1.4 due 2023, 1/4 in 2023 and no 2024 report (late from 2024);
 * - 2.1.1 done in 2023 (ELVL); 2.1.2 never reported (ELVL and RM).
 */
const activities = [
	activity('1.1.1', { seq: 1 }),
	activity('1.1.2', { seq: 2 }),
	activity('1.1.3', { seq: 3, recurring: true, deadline_year: 2022 }),
	activity('1.1.4', { seq: 4, deadline_year: 2023 }),
	activity('2.1.1', { seq: 5, lead_owners: ['ELVL'] }),
	activity('2.1.2', { seq: 6, lead_owners: ['ELVL', 'RM'] })
];
const progress: ProgressRow[] = [
	report('1.1.1', 2023, 'in_progress', { actual_value: 2, comment: 'Pooleli' }),
	report('1.1.1', 2024, 'cancelled', { comment: 'Rahastus lõppes' }),
	report('1.1.2', 2024, 'at_risk', { actual_value: 1, comment: 'Rahastus ebakindel' }),
	report('1.1.3', 2023, 'in_progress', { actual_value: 4 }),
	report('1.1.3', 2024, 'in_progress', { actual_value: 4 }),
	report('1.1.4', 2023, 'in_progress', { actual_value: 1, comment: 'Hange' }),
	report('2.1.1', 2023, 'done')
].map((r, seq) => ({ ...r, seq }));

const cur = activityStandings(activities, progress, 2024);
const prev = activityStandings(activities, progress, 2023);
const withComment = (year: number) =>
	activityStandings(activities, progress, year).map((s) => ({
		...s,
		comment:
			progress
				.filter((p) => p.activity_id === s.activity_id && p.year <= year)
				.sort((a, b) => b.year - a.year)[0]?.comment ?? null
	}));

describe('attainment as of Y beside Y − 1', () => {
	const directions = groupChanges(attainmentByDirection(cur), attainmentByDirection(prev));
	const owners = groupChanges(attainmentByOwner(cur), attainmentByOwner(prev));
	it('a cancellation between years leaves the mean and moves to `cancelled`', () => {
		const d1 = directions.find((d) => d.key === '1')!;
		// 2023: (0.5 + 0 + 1 + 0.25) / 4; 2024: (0.25 + 1 + 0.25) / 3.
		expect(d1.attainment_prev).toBeCloseTo(0.4375, 12);
		expect(d1.attainment).toBeCloseTo(0.5, 12);
		expect(d1.change).toBe(0.0625);
		expect([d1.activities, d1.cancelled]).toEqual([3, 1]);
	});
	it('a direction that did not move has a change of exactly 0', () => {
		expect(directions.find((d) => d.key === '2')).toMatchObject({
			attainment: 0.5,
			attainment_prev: 0.5,
			change: 0
		});
	});
	it('owners: each lead owner counts the activity fully', () => {
		// RM 2023: (0.5 + 0 + 1 + 0.25 + 0) / 5; 2024: (0.25 + 1 + 0.25 + 0) / 4.
		const rm = owners.find((o) => o.key === 'RM')!;
		expect(rm.attainment_prev).toBeCloseTo(0.35, 12);
		expect(rm.attainment).toBeCloseTo(0.375, 12);
		expect(rm.change).toBe(0.025);
	});
	it('a group with no previous year has no change', () => {
		expect(groupChanges(attainmentByDirection(cur), null).every((g) => g.change === null)).toBe(true);
	});
	it('shareChange rounds off float noise and keeps null', () => {
		expect(shareChange(0.7, 0.65)).toBe(0.05);
		expect(shareChange(null, 0.5)).toBeNull();
	});
});

describe('status changes, late and unreported', () => {
	const changes = statusChanges(withComment(2024), withComment(2023));
	it('lists the activities whose display status changed, slipped first, with the latest comment', () => {
		expect(changes.map((c) => [c.activity_id, c.status_prev, c.status, c.kind, c.comment])).toEqual([
			['1.1.2', 'not_reported', 'at_risk', 'at_risk', 'Rahastus ebakindel'],
			['1.1.1', 'in_progress', 'cancelled', 'cancelled', 'Rahastus lõppes']
		]);
	});
	it('a recurring activity with the same status is no change and never late', () => {
		expect(changes.some((c) => c.activity_id === '1.1.3')).toBe(false);
		expect(cur.find((s) => s.activity_id === '1.1.3')?.late).toBe(false);
	});
	it('an activity whose deadline passed without a new report became late', () => {
		expect(becameLate(cur, prev).map((s) => s.activity_id)).toEqual(['1.1.4']);
		expect(yearsPastDeadline(2023, 2024, true)).toBe(1);
		expect(yearsPastDeadline(2023, 2024, false)).toBe(0);
	});
	it('still no report: unreported in both years', () => {
		expect(stillUnreported(cur, prev).map((s) => s.activity_id)).toEqual(['2.1.2']);
	});
	it('carry over: neither done nor cancelled', () => {
		expect(carryOver(cur).map((s) => s.activity_id)).toEqual(['1.1.2', '1.1.3', '1.1.4', '2.1.2']);
	});
});

describe('the summary facts and sentences', () => {
	const directions = groupChanges(attainmentByDirection(cur), attainmentByDirection(prev));
	const owners = groupChanges(attainmentByOwner(cur), attainmentByOwner(prev));
	const facts = summaryFacts(2024, summarise('', cur), summarise('', prev), directions, owners);
	it('counts with their changes; the largest rise; no fall', () => {
		// Totals 2023: 2.75 / 6; 2024: 2.5 / 5.
		expect(facts.attainment).toBeCloseTo(0.5, 12);
		expect(facts.attainmentChange).toBeCloseTo(0.5 - 2.75 / 6, 12);
		expect([facts.done, facts.atRisk, facts.late, facts.notReported]).toEqual([
			{ value: 1, change: 0 },
			{ value: 1, change: 1 },
			{ value: 1, change: 1 },
			{ value: 1, change: -1 }
		]);
		expect([facts.inMean, facts.cancelled]).toEqual([5, 1]);
		expect(facts.largestRise).toEqual({ kind: 'direction', key: '1', change: 0.0625 });
		expect(facts.largestFall).toBeNull();
	});
	it('the paragraph states each number with its sign, in both languages', () => {
		const input = {
			facts,
			changes: statusChanges(cur, prev),
			becameLate: 1,
			carryOver: null,
			groupName: (kind: 'direction' | 'owner', key: string) => (kind === 'direction' ? `Suund ${key}` : key),
			percent: (v: number | null) => `${Math.round((v ?? 0) * 100)} %`
		};
		const et = summarySentences((k, p) => translate('et', k, p), input).join(' ');
		expect(et).toContain('50 % (+4\u00a0pp võrreldes 2023. aastaga)');
		expect(et).toContain('Tegevuste seis: tehtud 1 (±0), riskis 1 (+1), hilinenud 1 (+1)');
		expect(et).toContain('(−1)');
		expect(et).toContain('Suurim edasiminek: Suund 1 (+6\u00a0pp)');
		expect(et).toContain('keskmises ei arvestata: 1.');
		const en = summarySentences((k, p) => translate('en', k, p), input).join(' ');
		expect(en).toContain('(+4\u00a0pp since 2023)');
		expect(en).toContain('No direction or lead owner fell back.');
	});
	it('signed numbers use a real minus sign and ± for no change', () => {
		expect([
			signedPoints(-0.031),
			signedPoints(0.004),
			signedPoints(null),
			signedCount(-2),
			signedCount(0)
		]).toEqual(['−3\u00a0pp', '±0\u00a0pp', '–', '−2', '±0']);
	});
});

describe('plan years', () => {
	it('Y − 1 exists only inside the plan; the final review from its last year', () => {
		expect([previousYear(2022), previousYear(2024)]).toEqual([null, 2023]);
		expect([isFinalReview(2024), isFinalReview(2025), isFinalReview(2026)]).toEqual([false, true, true]);
		expect(planYearsUpTo(2026)).toEqual([2022, 2023, 2024, 2025]);
		expect(reportYears(2022)).toEqual([2022]);
		expect(reportYears(2024)).toEqual([2023, 2024]);
		expect(reportYears(2025)).toEqual([2022, 2023, 2024, 2025]);
	});
});

describe('the report from DuckDB (standings SQL) equals the rules above', () => {
	let conn: NodeConnector;
	beforeAll(async () => {
		conn = await planDatabase(activities, progress);
	});
	afterAll(() => conn.close());
	it('direction and owner changes, status changes, carry-over', async () => {
		const r = await loadReport(conn, 2024, 1);
		const pick = (g: {
			key: string;
			attainment: number | null;
			attainment_prev: number | null;
			change: number | null;
		}) => [g.key, g.attainment, g.attainment_prev, g.change];
		expect(r.directions.map(pick)).toEqual(
			groupChanges(attainmentByDirection(cur), attainmentByDirection(prev)).map(pick)
		);
		expect(r.owners.map(pick)).toEqual(
			groupChanges(attainmentByOwner(cur), attainmentByOwner(prev)).map(pick)
		);
		expect(r.changes.map((c) => [c.activity_id, c.status_prev, c.status, c.comment])).toEqual([
			['1.1.2', 'not_reported', 'at_risk', 'Rahastus ebakindel'],
			['1.1.1', 'in_progress', 'cancelled', 'Rahastus lõppes']
		]);
		expect(r.flagged.map((f) => [f.activity_id, f.years_late])).toEqual([
			['1.1.4', 1],
			['1.1.2', 0]
		]);
		expect(r.final).toBeNull();
	});
	it('the final review: attainment per plan year and the carry-over list', async () => {
		const r = await loadReport(conn, 2025, 1);
		expect(r.final?.years).toEqual([2022, 2023, 2024, 2025]);
		const d1 = r.final?.directions.find((d) => d.key === '1')?.attainment ?? [];
		const want = [2022, 2023, 2024, 2025].map(
			(y) =>
				attainmentByDirection(activityStandings(activities, progress, y)).find((g) => g.key === '1')
					?.attainment
		);
		expect(d1.map((v) => Number(v?.toFixed(12)))).toEqual(want.map((v) => Number(v?.toFixed(12))));
		expect(r.final?.carryOver.map((s) => s.activity_id)).toEqual(['1.1.2', '1.1.3', '1.1.4', '2.1.2']);
	});
});
