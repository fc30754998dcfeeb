import { describe, expect, it } from 'vitest';
import { activityHistory, type HistoryPoint } from '../../../src/lib/charts/activityHistory';

// 2.5.2 "ELVL KOV personalivõrgustiku käivitamine": target "vähemalt 3 regulaarset kohtumist" (3).
const point = (year: number, actual: number | null, target: number | null): HistoryPoint => ({
	year,
	status: 'done',
	statusLabel: 'Tehtud',
	actual_value: actual,
	target_value: target
});
const options = { scheme: 'light' as const, yLabel: 'Väärtus', targetLabel: 'Sihttase' };
const targetMark = (rows: HistoryPoint[]) =>
	(activityHistory(rows, options).marks as { ariaLabel?: string; data?: unknown }[])[0];

describe('activityHistory: the target is drawn however many reports there are', () => {
	it('one report: a dashed rule at the target (a line through one point would draw nothing)', () => {
		const mark = targetMark([point(2023, 4, 3)]);
		expect(mark.ariaLabel).toBe('rule');
		expect(mark.data).toEqual([3]);
	});

	it('the same target in every year: one rule at it', () => {
		const mark = targetMark([point(2022, 1, 3), point(2023, 2, 3), point(2024, 4, 3)]);
		expect(mark.ariaLabel).toBe('rule');
		expect(mark.data).toEqual([3]);
	});

	it('a target that changes by year: a line through the yearly targets', () => {
		const rows = [point(2022, 10, 20), point(2023, 25, 30), point(2024, null, 40)];
		const mark = targetMark(rows);
		expect(mark.ariaLabel).toBe('line');
		expect(mark.data).toEqual(rows);
	});
});
