import { describe, it, expect } from 'vitest';
import {
	activityScore,
	activityStandings,
	attainmentByDirection,
	attainmentByOwner,
	defaultAsOfYear,
	isLate,
	latestReport
} from '../../../src/lib/metrics/attainment';
import type { Activity, ProgressRow } from '../../../src/lib/types';

const A = (activity_id: string, o: Partial<Activity> = {}): Activity => ({
	activity_id,
	direction: Number(activity_id[0]),
	direction_name: '',
	result_area: activity_id.slice(0, 3),
	result_area_name: '',
	parent_id: null,
	title: activity_id,
	target_group: '',
	outputs: '',
	target_text: '',
	target_value: 4,
	target_unit: 'count',
	lead_owner: '',
	co_owners: '',
	lead_owners: ['RM'],
	co_owner_orgs: [],
	funding: '',
	deadline: '',
	deadline_year: 2025,
	extended: false,
	recurring: false,
	seq: 0,
	...o
});
let seq = 0;
const P = (activity_id: string, year: number, o: Partial<ProgressRow> = {}): ProgressRow => ({
	activity_id,
	year,
	status: 'in_progress',
	actual_value: null,
	target_value: null,
	comment: null,
	reported_at: null,
	seq: seq++,
	...o
});

describe('activityScore(report, planTarget)', () => {
	it('no report → 0; cancelled → excluded (null); done → 1', () => {
		expect(activityScore(null, 4)).toBe(0);
		expect(activityScore(P('1.1.1', 2024, { status: 'cancelled', actual_value: 4 }), 4)).toBeNull();
		expect(activityScore(P('1.1.1', 2024, { status: 'done', actual_value: 0 }), 4)).toBe(1);
	});
	it('actual / target, clamped to 0..1; the row target overrides the plan target', () => {
		expect(activityScore(P('1.1.1', 2024, { actual_value: 1 }), 4)).toBe(0.25);
		expect(activityScore(P('1.1.1', 2024, { actual_value: 9 }), 4)).toBe(1);
		expect(activityScore(P('1.1.1', 2024, { actual_value: -2 }), 4)).toBe(0);
		expect(activityScore(P('1.1.1', 2024, { actual_value: 1, target_value: 2 }), 4)).toBe(0.5);
	});
	it('no actual value, or a target of 0 → 0', () => {
		expect(activityScore(P('1.1.1', 2024), 4)).toBe(0);
		expect(activityScore(P('1.1.1', 2024, { actual_value: 3 }), 0)).toBe(0);
	});
});

describe('latestReport(rows, year)', () => {
	it('takes the largest year ≤ Y and ignores later reports', () => {
		const rows = [P('x', 2022), P('x', 2024), P('x', 2026)];
		expect(latestReport(rows, 2025)?.year).toBe(2024);
		expect(latestReport(rows, 2021)).toBeNull();
	});
	it('breaks ties by the latest reported_at, then by import order', () => {
		const a = P('x', 2024, { reported_at: '2025-02-01', comment: 'a' });
		const b = P('x', 2024, { reported_at: '2025-01-15', comment: 'b' });
		expect(latestReport([a, b], 2024)?.comment).toBe('a');
		const c = P('x', 2024, { reported_at: '2025-02-01', comment: 'c' });
		expect(latestReport([a, c], 2024)?.comment).toBe('c');
		// Import order is the row's seq, not its position in the array.
		expect(latestReport([c, a], 2024)?.comment).toBe('c');
	});
});

describe('isLate(status, activity, year)', () => {
	it('not done, not cancelled and deadline before Y', () => {
		expect(isLate('in_progress', { deadline_year: 2023, recurring: false }, 2024)).toBe(true);
		expect(isLate('not_reported', { deadline_year: 2023, recurring: false }, 2024)).toBe(true);
		expect(isLate('in_progress', { deadline_year: 2024, recurring: false }, 2024)).toBe(false);
		expect(isLate('done', { deadline_year: 2022, recurring: false }, 2024)).toBe(false);
		expect(isLate('cancelled', { deadline_year: 2022, recurring: false }, 2024)).toBe(false);
	});
	it('recurring activities and missing deadlines are never late by deadline alone', () => {
		expect(isLate('in_progress', { deadline_year: 2023, recurring: true }, 2025)).toBe(false);
		expect(isLate('in_progress', { deadline_year: null, recurring: false }, 2025)).toBe(false);
	});
});

describe('attainment by direction and owner', () => {
	const plan = [
		A('1.1.1', { lead_owners: ['RM', 'ELVL', 'RTK'], deadline_year: 2023 }),
		A('1.1.2', { lead_owners: ['ELVL'] }),
		A('1.1.3', { lead_owners: ['RM'] }),
		A('3.3.2', { lead_owners: ['HTM'], co_owner_orgs: ['RM'] }),
		A('3.3.2.1', { lead_owners: ['MKM'], parent_id: '3.3.2', co_owner_orgs: ['ELVL'] })
	];
	const progress = [
		P('1.1.1', 2024, { actual_value: 2 }),
		P('1.1.2', 2024, { status: 'done' }),
		P('1.1.3', 2024, { status: 'cancelled' }),
		P('3.3.2', 2023, { status: 'at_risk', actual_value: 1 })
	];
	const s = activityStandings(plan, progress, 2024);
	it('unweighted mean over non-cancelled activities; parents and sub-activities each count once', () => {
		const [d1, d3] = attainmentByDirection(s);
		expect(d1).toMatchObject({
			key: '1',
			attainment: (0.5 + 1) / 2,
			activities: 3,
			reported: 3,
			done: 1,
			late: 1,
			cancelled: 1
		});
		expect(d3).toMatchObject({
			key: '3',
			attainment: (0.25 + 0) / 2,
			activities: 2,
			reported: 1,
			at_risk: 1,
			not_reported: 1
		});
	});
	it('an activity with three lead owners counts fully for each; sorted best first', () => {
		const owners = attainmentByOwner(s);
		expect(owners.map((o) => [o.key, o.attainment])).toEqual([
			['ELVL', 0.75],
			['RM', 0.5],
			['RTK', 0.5],
			['HTM', 0.25],
			['MKM', 0]
		]);
	});
	it('the co-owner view uses co-owners', () => {
		expect(attainmentByOwner(s, 'co').map((o) => [o.key, o.attainment])).toEqual([
			['RM', 0.25],
			['ELVL', 0]
		]);
	});
	it('the default as-of year is the latest reported year, else the current year', () => {
		expect(defaultAsOfYear(progress)).toBe(2024);
		expect(defaultAsOfYear([], new Date(2026, 10, 24))).toBe(2026);
	});
});
