import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { byLeadOwner, missingReports, owesReport } from '$lib/metrics/missingReports';
import { parsePlan } from '$lib/plan';
import type { ProgressRow } from '$lib/types';
import { report } from '../progressRow';

const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));

const missingIds = (progress: ProgressRow[], year: number) =>
	missingReports(plan, progress, year).map((r) => r.activity_id);

describe('owesReport(statusPrev, recurring)', () => {
	it('owes when in progress, at risk, not started or never reported', () => {
		for (const s of ['in_progress', 'at_risk', 'not_started', 'not_reported'] as const)
			expect([s, owesReport(s, false)]).toEqual([s, true]);
	});
	it('does not owe when done or cancelled', () => {
		expect([owesReport('done', false), owesReport('cancelled', false)]).toEqual([false, false]);
	});
	it('a recurring activity owes whatever its status', () => {
		expect([owesReport('done', true), owesReport('cancelled', true)]).toEqual([true, true]);
	});
});

describe('missingReports(activities, progress, year) on the real plan', () => {
	it('the plan marks 4.1.1 and 4.1.2 (2023/ igaaastane) as recurring, and only them', () => {
		expect(plan.filter((a) => a.recurring).map((a) => a.activity_id)).toEqual(['4.1.1', '4.1.2']);
	});

	it('a recurring activity done last year still owes: 4.1.1 done in 2024 owes a 2025 report', () => {
		const [row] = missingReports(plan, [report('4.1.1', 2024, 'done')], 2025).filter(
			(r) => r.activity_id === '4.1.1'
		);
		expect(row).toMatchObject({
			lead_owners: ['RM'],
			last_report_year: 2024,
			status_prev: 'done',
			recurring: true
		});
	});

	it('a one-off activity done last year does not owe: 1.1.1 done in 2024', () => {
		expect(missingIds([report('1.1.1', 2024, 'done')], 2025)).not.toContain('1.1.1');
	});

	it('a cancelled activity does not owe: 3.3.2.5 (Rohepöörde elluviimine) cancelled in 2023', () => {
		const progress = [
			report('3.3.2.5', 2022, 'in_progress'),
			report('3.3.2.5', 2023, 'cancelled', { seq: 1 })
		];
		expect(missingIds(progress, 2024)).not.toContain('3.3.2.5');
		expect(missingIds(progress, 2025)).not.toContain('3.3.2.5');
		// …but it owed the 2023 report: as of 2022 it was in progress.
		expect(missingIds([report('3.3.2.5', 2022, 'in_progress')], 2023)).toContain('3.3.2.5');
	});

	it('an activity never reported owes, with no last report year and status not_reported', () => {
		const [row] = missingReports(plan, [], 2025).filter((r) => r.activity_id === '2.5.8');
		expect(row).toMatchObject({ last_report_year: null, status_prev: 'not_reported', lead_owners: ['ELVL'] });
		expect(missingIds([], 2025)).toHaveLength(42);
	});

	it('a report for the year itself ends the debt, whatever its status: 2.5.2 in progress in 2025', () => {
		const progress = [report('2.5.2', 2023, 'in_progress'), report('2.5.2', 2025, 'in_progress')];
		expect(missingIds(progress, 2025)).not.toContain('2.5.2');
		expect(missingIds(progress, 2024)).toContain('2.5.2');
	});

	it('the latest report before the year gives the year and status: 2.5.2 last reported in 2023', () => {
		const progress = [report('2.5.2', 2022, 'not_started'), report('2.5.2', 2023, 'at_risk')];
		const [row] = missingReports(plan, progress, 2025).filter((r) => r.activity_id === '2.5.2');
		expect(row).toMatchObject({ last_report_year: 2023, status_prev: 'at_risk' });
	});

	it('a later year\u2019s report does not count for an earlier year: 1.1.3 done in 2024 still owed 2023', () => {
		const [row] = missingReports(plan, [report('1.1.3', 2024, 'done')], 2023).filter(
			(r) => r.activity_id === '1.1.3'
		);
		expect(row).toMatchObject({ last_report_year: null, status_prev: 'not_reported' });
	});

	it('keeps plan order', () => {
		const ids = missingIds([], 2024);
		expect(ids.slice(0, 3)).toEqual(['1.1.1', '1.1.2', '1.1.3']);
		expect(ids.at(-1)).toBe('4.1.2');
	});
});

describe('byLeadOwner(rows)', () => {
	it('lists 1.2.1 (RM, ELVL, RTK) under each of its three lead owners, most owed first, then by code', () => {
		const rows = missingReports(
			plan.filter((a) => ['1.2.1', '1.2.2', '2.6.2'].includes(a.activity_id)),
			[],
			2025
		);
		const groups = byLeadOwner(rows).map((g) => [g.owner, g.reports.map((r) => r.activity_id)]);
		expect(groups).toEqual([
			['ELVL', ['1.2.1', '1.2.2']],
			['RM', ['1.2.1', '2.6.2']],
			['RTK', ['1.2.1', '2.6.2']]
		]);
	});
});
