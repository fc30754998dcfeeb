import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { NodeConnector } from '$lib/db/nodeConnector';
import { loadMissingReports } from '$lib/queries/missingReports';
import { missingReports } from '$lib/metrics/missingReports';
import { parsePlan } from '$lib/plan';
import type { ProgressRow } from '$lib/types';
import { planDatabase, report } from '../progressRow';

const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));

/** Reports on the real plan, one per case of metrics.md "Missing reports"; `seq` is the import order. */
const row = (activity_id: string, year: number, status: ProgressRow['status']) =>
	report(activity_id, year, status);
const PROGRESS: ProgressRow[] = [
	// recurring and done every year: owes every next year
	row('4.1.1', 2022, 'done'),
	row('4.1.1', 2023, 'done'),
	row('4.1.1', 2024, 'done'),
	// recurring and cancelled: still owes (due every year whatever its status)
	row('4.1.2', 2023, 'cancelled'),
	// done in 2023: owes nothing from 2024
	row('1.1.1', 2022, 'in_progress'),
	row('1.1.1', 2023, 'done'),
	// cancelled in 2024, after being late
	row('1.1.2', 2022, 'in_progress'),
	row('1.1.2', 2024, 'cancelled'),
	// a gap year: reported 2022 and 2024, not 2023
	row('2.5.2', 2022, 'in_progress'),
	row('2.5.2', 2024, 'at_risk'),
	// same year twice: the later report (reported_at, then import order) is the status
	{ ...row('1.1.5', 2023, 'done'), reported_at: '2024-01-10' },
	{ ...row('1.1.5', 2023, 'in_progress'), reported_at: '2024-03-01' },
	{ ...row('1.2.3', 2023, 'in_progress'), reported_at: '2024-02-02' },
	{ ...row('1.2.3', 2023, 'done'), reported_at: '2024-02-02' },
	// three lead owners (RM, ELVL, RTK)
	row('1.2.1', 2023, 'at_risk'),
	// only a 2025 report: owes 2022–2024, then nothing missing for 2025
	row('2.6.2', 2025, 'not_started'),
	// no deadline year (Mi)
	row('2.3.2', 2023, 'not_started'),
	// a sub-activity done, its parent not
	row('3.3.2.1', 2024, 'done'),
	row('3.3.2', 2023, 'in_progress')
];
const progress: ProgressRow[] = PROGRESS.map((r, seq) => ({ ...r, seq }));

let conn: NodeConnector;
beforeAll(async () => {
	conn = await planDatabase(plan, progress);
});
afterAll(() => conn.close());

describe.each([2022, 2023, 2024, 2025, 2026])(
	'for %i the SQL lists what the TypeScript rule lists',
	(year) => {
		it('loadMissingReports(): the same activities in plan order, with owners, last report and status', async () => {
			const fromSql = await loadMissingReports(conn, year);
			const fromTs = missingReports(plan, progress, year);
			expect(fromSql.length).toBeGreaterThan(0);
			expect(fromSql).toEqual(fromTs);
		});
	}
);

describe('the chase list in SQL, checked by hand', () => {
	const pick = async (year: number, id: string) =>
		(await loadMissingReports(conn, year)).find((r) => r.activity_id === id);
	it('4.1.1, recurring and done in 2024, owes 2025', async () => {
		expect(await pick(2025, '4.1.1')).toMatchObject({ last_report_year: 2024, status_prev: 'done' });
	});
	it('4.1.2, recurring and cancelled in 2023, still owes 2024', async () => {
		expect(await pick(2024, '4.1.2')).toMatchObject({ last_report_year: 2023, status_prev: 'cancelled' });
	});
	it('1.1.2, cancelled in its 2024 report: nothing missing for 2024 or 2025; in progress, it owed 2023', async () => {
		expect(await pick(2025, '1.1.2')).toBeUndefined();
		expect(await pick(2024, '1.1.2')).toBeUndefined();
		expect(await pick(2023, '1.1.2')).toMatchObject({ last_report_year: 2022, status_prev: 'in_progress' });
	});
	it('1.1.5: of two 2023 reports the later reported_at (in progress) counts, so it owes 2024', async () => {
		expect(await pick(2024, '1.1.5')).toMatchObject({ status_prev: 'in_progress' });
	});
	it('1.2.3: same year and date, the later import (done) counts, so it owes nothing for 2024', async () => {
		expect(await pick(2024, '1.2.3')).toBeUndefined();
	});
	it('1.2.1 has its three lead owners joined', async () => {
		expect((await pick(2025, '1.2.1'))?.lead_owners).toEqual(['ELVL', 'RM', 'RTK']);
	});
	it('2.6.2, reported only for 2025, is never reported as of 2024 and not missing in 2025', async () => {
		expect(await pick(2024, '2.6.2')).toMatchObject({ last_report_year: null, status_prev: 'not_reported' });
		expect(await pick(2025, '2.6.2')).toBeUndefined();
	});
});
