import { describe, it, expect } from 'vitest';
import { serviceLevelYear } from '../../../src/lib/state/serviceLevelYear';

describe('serviceLevelYear(wanted, years)', () => {
	it('follows the wanted (header) year when it has data', () => {
		expect(serviceLevelYear(2023, [2021, 2022, 2023, 2024])).toEqual({ year: 2023, fallback: false });
	});
	it('falls back to the latest earlier year with data ("2025 has no data yet; showing 2024")', () => {
		expect(serviceLevelYear(2025, [2022, 2021, 2024])).toEqual({ year: 2024, fallback: true });
		expect(serviceLevelYear(2023, [2021, 2024])).toEqual({ year: 2021, fallback: true });
	});
	it('before any data: the first year; no data: no year', () => {
		expect(serviceLevelYear(2020, [2021, 2024])).toEqual({ year: 2021, fallback: true });
		expect(serviceLevelYear(2020, [])).toEqual({ year: null, fallback: false });
	});
});
