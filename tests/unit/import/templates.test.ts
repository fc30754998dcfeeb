import { describe, it, expect } from 'vitest';
import {
	analyseFile,
	decodeBytes,
	templateFile,
	templateHeader,
	templateNotes,
	templateRows,
	type Analysis
} from '../../../src/lib/import';
import { DATASETS } from '../../../src/lib/types';
import { municipalities } from '../municipalities';

const ctx = { activityIds: new Set(['1.1.1', '2.5.1', '3.1.1']), municipalities };

describe('templateFile(dataset, lang) — a template per dataset (issue #18)', () => {
	for (const lang of ['et', 'en'] as const)
		for (const dataset of DATASETS)
			it(`${dataset} (${lang}): imports unchanged as exactly its two example rows, no error or warning`, () => {
				const { bytes, name } = templateFile(dataset, lang);
				expect(name.endsWith('.csv')).toBe(true);
				expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
				const a: Analysis = analyseFile(bytes, {}, ctx);
				expect(a.problem).toBeUndefined();
				expect(a).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';', dataset, errors: [], warnings: [] });
				expect(a.rowCount).toBe(2);
				expect(a.rows).toHaveLength(2);
				expect(a.missingRequired).toEqual([]);
				expect(a.unmapped).toEqual([]);
				// Each example cell lands in its field.
				const text = decodeBytes(bytes).text;
				for (const cell of templateRows(dataset, lang).flat()) if (cell) expect(text).toContain(cell);
			});

	it('has Estonian headers in Estonian and English ones in English', () => {
		expect(templateHeader('progress', 'et')).toEqual([
			'Nr',
			'Aasta',
			'Staatus',
			'Tegelik',
			'Sihttase',
			'Kommentaar',
			'Kuupäev'
		]);
		expect(templateHeader('progress', 'en')).toEqual([
			'Activity id',
			'Year',
			'Status',
			'Actual value',
			'Target value',
			'Comment',
			'Reported at'
		]);
	});

	it('lists the allowed values beside it: required columns, status words, dates', () => {
		const et = templateNotes('progress', 'et').join('\n');
		expect(et).toContain('Kohustuslikud veerud: Nr, Aasta, Staatus');
		expect(et).toContain('alustamata, töös, riskis, tehtud, tühistatud');
		expect(et).toContain('pp.kk.aaaa');
		const en = templateNotes('trainings', 'en').join('\n');
		expect(en).toContain('Required columns: Program');
		expect(en).toContain('dd.mm.yyyy');
	});
});
