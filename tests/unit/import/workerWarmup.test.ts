import { describe, it, expect } from 'vitest';
import { analyseLarge, BULK_MIN_BYTES } from '$lib/import';
import { workerWarmupFile } from '$lib/import/workerWarmup';

describe("the import worker's warm-up file", () => {
	it('takes the large file path it is meant to compile: the head analysed, every row valid, bulk', () => {
		const { bytes, municipalities } = workerWarmupFile();
		expect(bytes.length).toBeGreaterThanOrEqual(BULK_MIN_BYTES);
		const { analysis, utf8 } = analyseLarge(bytes, {}, { activityIds: new Set(), municipalities });
		expect(analysis.problem).toBeUndefined();
		expect(analysis.bulk).toBe(true);
		expect(analysis.dataset).toBe('service_levels');
		expect(utf8).toBe(bytes);
		// The head's rows were checked against the made-up municipalities: none unknown.
		expect(analysis.rowCount).toBeGreaterThan(500);
		expect(analysis.errors).toEqual([]);
	});
});
