import { describe, it, expect } from 'vitest';
import {
	changesSince,
	deadlineSummary,
	filterActivities,
	type ActivityRow
} from '../../../src/lib/queries/activities';

const A = (id: string, o: Partial<ActivityRow> = {}): ActivityRow => ({
	activity_id: id,
	direction: Number(id[0]),
	seq: 0,
	title: `Tegevus ${id}`,
	status: 'in_progress',
	score: 0.5,
	late: false,
	deadline_year: 2024,
	extended: false,
	recurring: false,
	target_value: 1,
	plan_target: 1,
	target_unit: 'binary',
	target_text: 'Juhend muudetud',
	actual_value: null,
	report_year: 2024,
	comment: null,
	lead_owners: 'RM',
	co_owners: 'ELVL;HTM',
	...o
});
const none = { direction: null, owner: null, status: null, late: false, deadline: null, q: '' };

describe('filterActivities(rows, filter)', () => {
	const rows = [
		A('1.1.1'),
		A('2.5.2', { lead_owners: 'ELVL', co_owners: 'RM', late: true }),
		A('3.1.3', { status: 'done', deadline_year: 2023 })
	];
	it('filters by direction, owner (lead or co-owner), status, late, deadline and text', () => {
		expect(filterActivities(rows, { ...none, direction: 2 }).map((r) => r.activity_id)).toEqual(['2.5.2']);
		expect(filterActivities(rows, { ...none, owner: 'HTM' }).map((r) => r.activity_id)).toEqual([
			'1.1.1',
			'3.1.3'
		]);
		expect(filterActivities(rows, { ...none, owner: 'RM' })).toHaveLength(3);
		// As lead owner only (`?role=lead`, the overview's sense): RM leads 1.1.1 and 3.1.3, co-owns 2.5.2.
		expect(
			filterActivities(rows, { ...none, owner: 'RM', leadOnly: true }).map((r) => r.activity_id)
		).toEqual(['1.1.1', '3.1.3']);
		expect(filterActivities(rows, { ...none, owner: 'HTM', leadOnly: true })).toEqual([]);
		expect(filterActivities(rows, { ...none, status: 'done' }).map((r) => r.activity_id)).toEqual(['3.1.3']);
		expect(filterActivities(rows, { ...none, late: true }).map((r) => r.activity_id)).toEqual(['2.5.2']);
		expect(filterActivities(rows, { ...none, deadline: 2023 }).map((r) => r.activity_id)).toEqual(['3.1.3']);
		expect(filterActivities(rows, { ...none, q: 'TEGEVUS 2.5' }).map((r) => r.activity_id)).toEqual([
			'2.5.2'
		]);
	});
});

describe('changesSince(before, now)', () => {
	it('names newly done, newly late and other status moves', () => {
		const before = [A('1.1.1'), A('1.1.2'), A('1.1.3', { status: 'not_started' }), A('1.1.4')];
		const now = [A('1.1.1', { status: 'done' }), A('1.1.2', { late: true }), A('1.1.3'), A('1.1.4')];
		expect(
			changesSince(before, now).map((c) => [c.activity_id, c.from_status, c.to_status, c.change])
		).toEqual([
			['1.1.1', 'in_progress', 'done', 'newly_done'],
			['1.1.2', 'in_progress', 'in_progress', 'newly_late'],
			['1.1.3', 'not_started', 'in_progress', 'status_changed']
		]);
	});
});

describe('deadlineSummary(rows)', () => {
	it('counts done, late and open per deadline year; recurring and missing deadlines apart', () => {
		const s = deadlineSummary([
			A('1', { deadline_year: 2022, status: 'done' }),
			A('2', { deadline_year: 2022, late: true, extended: true }),
			A('3', { deadline_year: 2025 }),
			A('4', { deadline_year: 2023, recurring: true }),
			A('5', { deadline_year: null })
		]);
		expect(s.byYear).toEqual([
			{ deadline_year: 2022, done: 1, late: 1, open: 0, extended: 1 },
			{ deadline_year: 2025, done: 0, late: 0, open: 1, extended: 0 }
		]);
		expect([s.recurring, s.noDeadline]).toEqual([1, 1]);
	});
});
