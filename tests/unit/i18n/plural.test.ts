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
	it('Estonian: a numeral other than one takes the partitive, one the nominative', () => {
		expect(translate('et', 'mun.peerGroup', { group: 'Hiiu maakond', n: 1, k: 1 })).toBe(
			'Võrdlusrühm: Hiiu maakond (1 omavalitsus, 1 väärtusega).'
		);
		expect(translate('et', 'mun.peerGroup', { group: 'Tartu maakond', n: 8, k: 7 })).toBe(
			'Võrdlusrühm: Tartu maakond (8 omavalitsust, neist 7 väärtusega).'
		);
		expect(translate('et', 'dq.summary', { n: 1 })).toBe('1 hoiatus');
		expect(translate('et', 'dq.summary', { n: 21 })).toBe('21 hoiatust');
		// "rida" is the same in both cases; "kõik" (all) is dropped for one.
		expect(translate('et', 'import.commit', { n: '1' })).toBe('Salvesta 1 rida');
		expect(translate('et', 'import.commit', { n: '2' })).toBe('Salvesta kõik 2 rida');
		// A count that is not {n} is written so that no noun agrees with it.
		expect(translate('et', 'import.commitValid', { n: '3', bad: '1' })).toBe(
			'Salvesta ainult korras read (3), jäta vigased (1) välja'
		);
	});
	it('English: one import, one warning, one training, one activity', () => {
		expect(translate('en', 'source.local', { n: 1 })).toBe('Local changes — not published (1)');
		expect(translate('en', 'source.localLong', { n: 1 }).startsWith('1 import was made')).toBe(true);
		expect(translate('en', 'source.localLong', { n: 3 }).startsWith('3 imports were made')).toBe(true);
		expect(translate('en', 'dq.summary', { n: 1 })).toBe('1 warning');
		expect(translate('en', 'dq.coverage.tip.tr', { row: 'Harju', year: 2024, n: 1 })).toBe(
			'Harju\n2024: 1 training'
		);
		expect(
			translate('en', 'rep.changes.count', { n: 1, done: 1, atRisk: 0, cancelled: 0, other: 0 })
		).toMatch(/^1 activity changed status — became done: 1,/);
	});
	it('counts that are not {n} stand after a label, so one activity reads right in both languages', () => {
		expect(translate('et', 'rep.sum.final', { carry: 1 })).toBe(
			'Tegevuskava periood on lõppenud. Järgmisse tegevuskavasse kanduvad tegevused, mis ei ole tehtud ega tühistatud: 1.'
		);
		expect(translate('en', 'rep.sum.final', { carry: 1 })).toMatch(/carry over to the next plan: 1\.$/);
		const tip = { name: 'RM', value: '50%', activities: 1, reported: 1, done: 0, late: 1 };
		expect(translate('et', 'tooltip.attainment', tip)).toBe(
			'RM\nTäitmine 50%\nTegevusi 1: aruandega 1, tehtud 0, hilinenud 1'
		);
		expect(translate('en', 'tooltip.attainment', tip)).toBe(
			'RM\nAttainment 50%\nActivities: 1; reported 1, done 0, late 1'
		);
	});
	it('the import’s saved message: one new row, one left out', () => {
		const counts = { added: 1, replaced: 0, rejected: 1 };
		expect(translate('et', 'import.committed', counts)).toBe(
			'Salvestatud. Uusi ridu: 1, asendatud: 0, vigastena välja jäetud: 1.'
		);
		expect(translate('en', 'import.committed', counts)).toBe(
			'Saved. New rows: 1; replaced: 0; left out with errors: 1.'
		);
	});
	it('messages without a singular and messages without n are untouched', () => {
		expect(translate('en', 'state.retry', { n: 1 })).toBe('Try again');
		expect(translate('en', 'import.commit')).toBe('Save all {n} rows');
	});
});
