import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyseFile } from '../../../src/lib/import';
import { parsePlan } from '../../../src/lib/plan/parsePlan';
import { municipalities } from '../municipalities';
import type { ServiceLevelRow } from '../../../src/lib/types';

const ctx = {
	activityIds: new Set(parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8')).map((a) => a.activity_id)),
	municipalities
};

describe('a long export with a 0–9 service level per domain (minuomavalitsus.ee style)', () => {
	const a = analyseFile(new Uint8Array(readFileSync('tests/fixtures/service-levels-levels-et.csv')), {}, ctx);
	it('is read as service levels with no row errors', () => {
		expect(a.dataset).toBe('service_levels');
		expect(a.errors).toEqual([]);
		expect(a.rows).toHaveLength(16);
	});
	it('keeps the levels as integers 0–9 with unit `tase`, higher is better, one per domain', () => {
		const rows = a.rows as ServiceLevelRow[];
		expect(rows.every((r) => Number.isInteger(r.value) && r.value! >= 0 && r.value! <= 9)).toBe(true);
		expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(['tase']));
		expect(rows.every((r) => r.higher_is_better)).toBe(true);
		expect(new Set(rows.map((r) => r.domain)).size).toBe(4);
		expect(rows.find((r) => r.ehak_code === '0618' && r.domain === 'personal')?.value).toBe(4);
	});
});
