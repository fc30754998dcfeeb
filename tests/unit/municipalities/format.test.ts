import { describe, it, expect } from 'vitest';
import { formatSigned, formatValue, indicatorLabel } from '../../../src/routes/municipalities/format';

describe('municipality value formatting', () => {
	it('values keep their unit; counts print bare', () => {
		expect(formatValue(92, '%', 'et')).toBe('92\u00a0%');
		expect(formatValue(92, '%', 'en')).toBe('92%');
		expect(formatValue(12.5, 'arv', 'et')).toBe('12,5');
		expect(formatValue(null, '%', 'et')).toBe('–');
	});

	it('a difference of percentages is in percentage points, signed with a real minus', () => {
		expect(formatSigned(2.3, '%', 'et')).toBe('+2,3\u00a0pp');
		expect(formatSigned(-0.25, '%', 'en')).toBe('\u22120.25\u00a0pp');
		expect(formatSigned(0, '%', 'en')).toBe('0\u00a0pp');
		expect(formatSigned(-3, 'päeva', 'et')).toBe('\u22123\u00a0päeva');
		expect(formatSigned(undefined, '%', 'et')).toBe('–');
	});

	it('a unit already in the indicator name is not repeated', () => {
		expect(indicatorLabel('Ehitusloa menetlusaeg (päeva)', 'päeva')).toBe('Ehitusloa menetlusaeg (päeva)');
		expect(indicatorLabel('Sotsiaaltöötajaid 1000 elaniku kohta', 'arv')).toBe(
			'Sotsiaaltöötajaid 1000 elaniku kohta (arv)'
		);
	});
});

describe('a 0–9 service level (unit `tase`)', () => {
	it('prints without decimals and without the unit; a median between two levels keeps its half', () => {
		expect(formatValue(5, 'tase', 'et')).toBe('5');
		expect(formatValue(4.5, 'tase', 'et')).toBe('4,5');
		expect(formatSigned(-2, 'tase', 'en')).toBe('\u22122');
		expect(formatSigned(1, 'tase', 'et')).toBe('+1');
	});
});
