import { describe, it, expect } from 'vitest';
import { translate } from '../../../src/lib/i18n/catalogue';

describe('translate: a count of one takes the message’s singular where the language has one', () => {
	it('English: "Save the 1 row", "Save all 2 rows"; a formatted larger count stays plural', () => {
		expect(translate('en', 'import.commit', { n: '1' })).toBe('Save the 1 row');
		expect(translate('en', 'import.commit', { n: 1 })).toBe('Save the 1 row');
		expect(translate('en', 'import.commit', { n: '2' })).toBe('Save all 2 rows');
		expect(translate('en', 'import.commit', { n: '1,234' })).toBe('Save all 1,234 rows');
		expect(translate('en', 'import.commitValid', { n: '1', bad: '3' })).toBe(
			'Save only the 1 valid row, leave out 3 with errors'
		);
	});
	it('a county of one municipality, a file of one row', () => {
		expect(translate('en', 'mun.chart.rankingCounty', { county: 'Hiiu maakond', n: 1 })).toBe(
			'Hiiu maakond: 1 municipality. Ranks are still national (among all municipalities with a value).'
		);
		expect(translate('en', 'import.rows', { n: '1' })).toBe('1 row');
		expect(translate('en', 'import.rows', { n: '12' })).toBe('12 rows');
	});
	it('Estonian has no singular form to choose: the numeral takes the singular anyway', () => {
		expect(translate('et', 'import.commit', { n: '1' })).toBe('Salvesta kõik 1 rida');
		expect(translate('et', 'import.commit', { n: '2' })).toBe('Salvesta kõik 2 rida');
	});
	it('messages without a singular and messages without n are untouched', () => {
		expect(translate('en', 'state.retry', { n: 1 })).toBe('Try again');
		expect(translate('en', 'import.commit')).toBe('Save all {n} rows');
	});
});
