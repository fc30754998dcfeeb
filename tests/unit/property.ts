import { expect } from 'vitest';
import fc from 'fast-check';

/** Assert a fast-check property as a Vitest assertion; the failure message names the counterexample. */
export function holds<T>(property: fc.IProperty<T>, params: fc.Parameters<T>): void {
	const run = fc.check(property, params);
	expect(run.failed, fc.defaultReportMessage(run) ?? '').toBe(false);
	expect(run.numRuns).toBe(params.numRuns ?? 100);
}
