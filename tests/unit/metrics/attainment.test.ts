import { describe, it, expect } from 'vitest';
import {
	activityScore,
	activityStandings,
	attainmentByDirection,
	attainmentByOwner,
	defaultAsOfYear,
	isLate,
	latestReport
} from '$lib/metrics/attainment';
import type { ProgressRow } from '$lib/types';
import { activity } from '../progressRow';

let importOrder = 0;
/** A progress row in import order: each call comes later than the one before. */
function report(activity_id: string, year: number, o: Partial<ProgressRow> = {}): ProgressRow {
	return {
		activity_id,
		year,
		status: 'in_progress',
		actual_value: null,
		target_value: null,
		comment: null,
		reported_at: null,
		seq: importOrder++,
		...o
	};
}

describe('latestReport(rows, asOfYear)', () => {
	const rows = [report('x', 2022), report('x', 2024), report('x', 2023)];
	it('takes the report with the largest year up to the as-of year', () => {
		expect(latestReport(rows, 2024)?.year).toBe(2024);
	});
	it('ignores reports after the as-of year', () => {
		expect(latestReport(rows, 2023)?.year).toBe(2023);
	});
	it('finds none when every report is after the as-of year', () => {
		expect(latestReport(rows, 2021)).toBeNull();
	});
	it('finds none when there are no reports', () => {
		expect(latestReport([], 2025)).toBeNull();
	});
	it('breaks a tie of years by the latest reported_at, even when that row was imported first', () => {
		const later = report('x', 2024, { reported_at: '2025-02-01', comment: 'later date' });
		const earlier = report('x', 2024, { reported_at: '2025-01-15', comment: 'earlier date' });
		expect(latestReport([later, earlier], 2024)?.comment).toBe('later date');
	});
	it('breaks a tie of years and dates by the later row in import order, not array position', () => {
		const first = report('x', 2024, { reported_at: '2025-02-01', comment: 'imported first' });
		const second = report('x', 2024, { reported_at: '2025-02-01', comment: 'imported second' });
		expect(latestReport([second, first], 2024)?.comment).toBe('imported second');
	});
});

describe('activityScore(report, planTarget)', () => {
	it('scores 0 without a report', () => {
		expect(activityScore(null, 4)).toBe(0);
	});
	it('excludes a cancelled activity (null), whatever it reported', () => {
		expect(activityScore(report('x', 2024, { status: 'cancelled', actual_value: 4 }), 4)).toBeNull();
	});
	it('scores 1 when done, whatever it reported', () => {
		expect(activityScore(report('x', 2024, { status: 'done', actual_value: 0 }), 4)).toBe(1);
	});
	it('scores actual / target', () => {
		expect(activityScore(report('x', 2024, { actual_value: 3 }), 4)).toBe(0.75);
	});
	it('clamps an actual over the target to 1', () => {
		expect(activityScore(report('x', 2024, { actual_value: 9 }), 4)).toBe(1);
	});
	it('clamps a negative actual to 0', () => {
		expect(activityScore(report('x', 2024, { actual_value: -2 }), 4)).toBe(0);
	});
	it("uses the row's target_value over the plan's target", () => {
		expect(activityScore(report('x', 2024, { actual_value: 1, target_value: 2 }), 4)).toBe(0.5);
	});
	it("scores 0 when the row's target is 0, even though the plan has one", () => {
		expect(activityScore(report('x', 2024, { actual_value: 1, target_value: 0 }), 4)).toBe(0);
	});
	it('scores 0 when the plan target is 0', () => {
		expect(activityScore(report('x', 2024, { actual_value: 3 }), 0)).toBe(0);
	});
	it('scores 0 when the actual value is missing', () => {
		expect(activityScore(report('x', 2024, { status: 'at_risk' }), 4)).toBe(0);
	});
	it('scores a binary target (1) as reached when the actual is 1', () => {
		expect(activityScore(report('x', 2024, { actual_value: 1 }), 1)).toBe(1);
	});
});

describe('isLate(status, activity, asOfYear)', () => {
	const due2023 = { deadline_year: 2023, recurring: false };
	it('is late when not done, not cancelled and due before the as-of year', () => {
		expect(isLate('in_progress', due2023, 2024)).toBe(true);
	});
	it('counts an activity without a report as late once its deadline has passed', () => {
		expect(isLate('not_reported', due2023, 2024)).toBe(true);
	});
	it('is not late in its deadline year', () => {
		expect(isLate('at_risk', due2023, 2023)).toBe(false);
	});
	it('is never late when done', () => {
		expect(isLate('done', due2023, 2025)).toBe(false);
	});
	it('is never late when cancelled', () => {
		expect(isLate('cancelled', due2023, 2025)).toBe(false);
	});
	it('is never late by deadline alone when recurring', () => {
		expect(isLate('in_progress', { deadline_year: 2023, recurring: true }, 2025)).toBe(false);
	});
	it('is never late without a deadline year', () => {
		expect(isLate('not_started', { deadline_year: null, recurring: false }, 2025)).toBe(false);
	});
});

describe('activityStandings(activities, progress, asOfYear)', () => {
	const plan = [
		activity('1.1.1', { deadline_year: 2023, extended: true }),
		activity('1.1.2'),
		activity('1.1.3')
	];
	const progress = [
		report('1.1.1', 2022, { actual_value: 1 }),
		report('1.1.1', 2023, { actual_value: 2, target_value: 8 }),
		report('1.1.2', 2025, { status: 'done' })
	];
	it('shows an activity without a report as not_reported with score 0', () => {
		expect(activityStandings(plan, progress, 2024)[2]).toMatchObject({
			activity_id: '1.1.3',
			status: 'not_reported',
			score: 0,
			report_year: null,
			actual_value: null
		});
	});
	it("carries the latest report's year, actual value and the target it was scored against", () => {
		expect(activityStandings(plan, progress, 2024)[0]).toMatchObject({
			status: 'in_progress',
			score: 0.25,
			report_year: 2023,
			actual_value: 2,
			target_value: 8
		});
	});
	it("falls back to the plan's target when the report has none", () => {
		expect(activityStandings(plan, progress, 2022)[0]).toMatchObject({ score: 0.25, target_value: 4 });
	});
	it('ignores a report made for a year after the as-of year', () => {
		expect(activityStandings(plan, progress, 2024)[1]).toMatchObject({ status: 'not_reported', score: 0 });
	});
	it('uses that report once the as-of year reaches it', () => {
		expect(activityStandings(plan, progress, 2025)[1]).toMatchObject({ status: 'done', score: 1 });
	});
	it('marks an activity late from the year after its deadline, extended or not', () => {
		expect([2023, 2024].map((y) => activityStandings(plan, progress, y)[0].late)).toEqual([false, true]);
	});
});

describe('attainmentByDirection(standings) and attainmentByOwner(standings, role)', () => {
	const plan = [
		activity('1.1.1', { lead_owners: ['RM', 'ELVL', 'RTK'], deadline_year: 2023 }),
		activity('1.1.2', { lead_owners: ['ELVL'] }),
		activity('1.1.3', { lead_owners: ['RM'] }),
		activity('1.2.1', { lead_owners: ['SoM'] }),
		activity('1.2.2', { lead_owners: ['SoM'], deadline_year: 2024 }),
		activity('2.1.1', { lead_owners: ['KuM'] }),
		activity('3.3.2', { lead_owners: ['HTM'], co_owner_orgs: ['RM'] }),
		activity('3.3.2.1', { lead_owners: ['MKM'], co_owner_orgs: ['ELVL'] }),
		activity('3.3.2.2', { lead_owners: ['MKM'], co_owner_orgs: ['RM'], deadline_year: 2023 }),
		activity('4.1.1', { lead_owners: ['KeM'], deadline_year: 2023, recurring: true })
	];
	const progress = [
		report('1.1.1', 2024, { actual_value: 2 }),
		report('1.1.2', 2024, { status: 'done' }),
		report('1.1.3', 2024, { status: 'cancelled' }),
		report('1.2.2', 2024, { status: 'at_risk', actual_value: 1 }),
		report('2.1.1', 2023, { status: 'cancelled' }),
		report('3.3.2', 2023, { status: 'at_risk', actual_value: 3 }),
		report('3.3.2.1', 2024, { actual_value: 2, target_value: 2 }),
		report('4.1.1', 2024)
	];
	// As of 2024 the scores are: 1.1.1 0.5, 1.1.2 1, 1.1.3 cancelled, 1.2.1 0, 1.2.2 0.25,
	// 2.1.1 cancelled, 3.3.2 0.75, 3.3.2.1 1, 3.3.2.2 0, 4.1.1 0.
	const standings = activityStandings(plan, progress, 2024);
	const directions = new Map(attainmentByDirection(standings).map((g) => [g.key, g]));
	const leads = new Map(attainmentByOwner(standings, 'lead').map((g) => [g.key, g]));

	it('lists the directions in order', () => {
		expect(attainmentByDirection(standings).map((g) => g.key)).toEqual(['1', '2', '3', '4']);
	});
	it('takes the unweighted mean of the non-cancelled scores of a direction', () => {
		expect(directions.get('1')?.attainment).toBe((0.5 + 1 + 0 + 0.25) / 4);
	});
	it('counts a parent and each of its sub-activities once', () => {
		expect(directions.get('3')?.attainment).toBeCloseTo((0.75 + 1 + 0) / 3, 12);
	});
	it('shows the activities in the mean (cancelled left out), reported, done, at risk, late, not reported and cancelled', () => {
		expect(directions.get('1')).toEqual({
			key: '1',
			attainment: 0.4375,
			activities: 4,
			reported: 4,
			done: 1,
			at_risk: 1,
			late: 1,
			not_reported: 1,
			cancelled: 1
		});
	});
	it('counts a sub-activity without a report as not reported and late after its deadline', () => {
		expect(directions.get('3')).toMatchObject({
			activities: 3,
			reported: 2,
			done: 0,
			at_risk: 1,
			late: 1,
			not_reported: 1
		});
	});
	it('gives no attainment (null) to a direction whose activities are all cancelled', () => {
		expect(directions.get('2')).toMatchObject({ attainment: null, activities: 0, cancelled: 1 });
	});
	it('does not count a recurring activity as late', () => {
		expect(directions.get('4')).toMatchObject({ attainment: 0, late: 0 });
	});
	it('counts an activity with three lead owners fully for each of them', () => {
		expect(['RM', 'ELVL', 'RTK'].map((o) => [o, leads.get(o)?.attainment])).toEqual([
			['RM', 0.5],
			['ELVL', (0.5 + 1) / 2],
			['RTK', 0.5]
		]);
	});
	it("shows the counts of an owner's activities", () => {
		expect(leads.get('RM')).toEqual({
			key: 'RM',
			attainment: 0.5,
			activities: 1,
			reported: 2,
			done: 0,
			at_risk: 0,
			late: 1,
			not_reported: 0,
			cancelled: 1
		});
	});
	it('gives an owner of sub-activities the mean of those', () => {
		expect([leads.get('HTM')?.attainment, leads.get('MKM')?.attainment]).toEqual([0.75, 0.5]);
	});
	it('lists owners best first, with no attainment last', () => {
		const values = attainmentByOwner(standings, 'lead').map((g) => g.attainment);
		expect(values).toEqual([0.75, 0.75, 0.5, 0.5, 0.5, 0.125, 0, null]);
	});
	it('the co-owner view is the same mean over co-owned activities', () => {
		const co = attainmentByOwner(standings, 'co').map((g) => [g.key, g.attainment, g.activities]);
		expect(co).toEqual([
			['ELVL', 1, 1],
			['RM', (0.75 + 0) / 2, 2]
		]);
	});
});

describe('defaultAsOfYear(progress, now)', () => {
	it('is the latest year with any progress row', () => {
		expect(defaultAsOfYear([report('x', 2023), report('x', 2025), report('x', 2024)])).toBe(2025);
	});
	it('is the current year when there is no progress', () => {
		expect(defaultAsOfYear([], new Date(2026, 10, 24))).toBe(2026);
	});
});
