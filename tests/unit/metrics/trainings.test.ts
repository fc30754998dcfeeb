import { describe, it, expect } from 'vitest';
import { participantsPer1000, trainingTotals, trainingsBy } from '../../../src/lib/metrics/trainings';
import type { TrainingRow } from '../../../src/lib/types';

const T = (
	registered: number | null,
	completed: number | null,
	dropped_out: number | null,
	satisfaction: number | null,
	program = 'P'
): TrainingRow => ({
	training_id: null,
	program,
	topic: null,
	activity_id: null,
	organiser: null,
	start_date: null,
	end_date: null,
	ehak_code: null,
	registered,
	completed,
	dropped_out,
	satisfaction
});

describe('trainingTotals(rows)', () => {
	it('completion and dropout rates over registered; satisfaction weighted by registered', () => {
		const t = trainingTotals([T(10, 8, 2, 90), T(30, 27, 1, 70)]);
		expect(t).toMatchObject({ trainings: 2, registered: 40, completed: 35, dropped_out: 3 });
		expect(t.completion_rate).toBeCloseTo(35 / 40, 12);
		expect(t.dropout_rate).toBeCloseTo(3 / 40, 12);
		expect(t.satisfaction).toBeCloseTo((90 * 10 + 70 * 30) / 40, 12);
	});
	it('zero registered gives no rate rather than a division by zero', () => {
		expect(trainingTotals([T(0, 0, 0, 80)])).toMatchObject({
			completion_rate: null,
			dropout_rate: null,
			satisfaction: null
		});
	});
	it('rows without satisfaction do not weigh in the mean', () => {
		expect(trainingTotals([T(10, 10, 0, null), T(10, 9, 1, 80)]).satisfaction).toBe(80);
	});
	it('groups by a key, sorted', () => {
		expect(
			trainingsBy(
				[T(1, 1, 0, null, 'B'), T(2, 2, 0, null, 'A'), T(3, 3, 0, null, 'B')],
				(r) => r.program
			).map((g) => [g.key, g.totals.registered])
		).toEqual([
			['A', 2],
			['B', 4]
		]);
	});
	it('participants per 1 000 inhabitants', () => {
		expect(participantsPer1000(25, 25000)).toBe(1);
		expect(participantsPer1000(5, null)).toBeNull();
	});
});
