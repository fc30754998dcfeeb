import { describe, it, expect } from 'vitest';
import {
	analyseAny,
	analyseFile,
	decodeBytes,
	encodeText,
	fileText,
	readTable,
	rejectedRowsFile,
	writeDelimited,
	type Encoding
} from '../../../src/lib/import';
import { buildXlsx } from './xlsxBuilder';
import { municipalities } from '../municipalities';

const ctx = { activityIds: new Set(['1.1.1', '2.5.1', '2.5.2', '3.1.1']), municipalities };
const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1257', 'windows-1252'];
const HEADER = ['Nr', 'Aasta', 'Staatus', 'Tegelik', 'Kommentaar'];
const GOOD = [
	['1.1.1', '2024', 'töös', '1,5', 'Žürii; šokk'],
	['2.5.1', '2024', 'tehtud', '2', '']
];
const BAD = [
	['2.5.2', '2024', 'valmis?', '3', 'Kaks rida:\nõ ja ä'],
	['9.9.9', '2024', 'riskis', '-4', '"jutumärgid"']
];

describe('rejectedRowsFile(text, analysis, lang) — fix and resubmit (issue #18)', () => {
	for (const encoding of ENCODINGS)
		for (const delimiter of [';', '\t', ','])
			it(`${encoding}, ${JSON.stringify(delimiter)}: the rejected rows as they were plus an error column; fixed, they import`, async () => {
				const text = writeDelimited([['Aruanne 2024'], HEADER, GOOD[0], BAD[0], GOOD[1], BAD[1]], delimiter);
				const bytes = encodeText(text, encoding);
				const a = analyseFile(bytes, {}, ctx);
				expect(a.errors.map((e) => e.row)).toEqual([4, 6]);
				const out = rejectedRowsFile(await fileText(bytes), a, 'et');
				// Its own encoding (UTF-8 gets a BOM, so that Excel reads õ ä ö ü) and delimiter.
				expect(out.encoding).toBe(encoding === 'utf-8' ? 'utf-8-bom' : encoding);
				// (Windows-1252 and -1257 share õ ä and the quotes; a file without š ž reads the same in both.)
				if (!encoding.startsWith('windows')) expect(decodeBytes(out.bytes).encoding).toBe(out.encoding);
				const back = readTable(out.bytes);
				if ('problem' in back) throw new Error(back.problem.code);
				expect(back.delimiter).toBe(delimiter);
				expect(back.header).toEqual([...HEADER, 'viga']);
				expect(back.rows.map((r) => r.slice(0, HEADER.length))).toEqual(BAD);
				expect(back.rows[0][HEADER.length]).toContain('rida 4, veerg „Staatus“, väärtus „valmis?“');
				expect(back.rows[1][HEADER.length]).toContain('rida 6, veerg „Nr“');

				// Fixed in "Excel": the two wrong cells, the error column left in place.
				const fixed = decodeBytes(out.bytes).text.replace('valmis?', 'tehtud').replace('9.9.9', '3.1.1');
				const again = analyseFile(encodeText(fixed, out.encoding), {}, ctx);
				expect(again.errors).toEqual([]);
				expect(again.unmapped).toEqual(['viga']);
				expect(again.rows).toMatchObject([
					{ activity_id: '2.5.2', status: 'done', actual_value: 3, comment: 'Kaks rida:\nõ ja ä' },
					{ activity_id: '3.1.1', status: 'at_risk', actual_value: -4, comment: '"jutumärgid"' }
				]);
			});

	it('names the error column and reasons in English for the English page', () => {
		const bytes = encodeText(writeDelimited([HEADER, BAD[0]], ';'), 'utf-8');
		const a = analyseFile(bytes, {}, ctx);
		const back = readTable(rejectedRowsFile(decodeBytes(bytes).text, a, 'en').bytes);
		if ('problem' in back) throw new Error(back.problem.code);
		expect(back.header.at(-1)).toBe('error');
		expect(back.rows[0].at(-1)).toBe(
			'row 2, column "Staatus", value "valmis?": Unknown status "valmis?". Accepted: not_started, in_progress, at_risk, done, cancelled.'
		);
	});

	it('guards cells Excel would run as a formula, but not negative numbers', () => {
		const rows = [HEADER, ['9.9.9', '2024', 'töös', '-4', '=HYPERLINK("http://x")']];
		const bytes = encodeText(writeDelimited(rows, ';'), 'utf-8');
		const a = analyseFile(bytes, {}, ctx);
		const back = readTable(rejectedRowsFile(decodeBytes(bytes).text, a, 'et').bytes);
		if ('problem' in back) throw new Error(back.problem.code);
		expect(back.rows[0].slice(3, 5)).toEqual(['-4', `'=HYPERLINK("http://x")`]);
	});

	it('a workbook comes back as CSV for Excel: UTF-8 with BOM and `;`', async () => {
		const bytes = buildXlsx([{ name: 'A', rows: [['Pealkiri'], HEADER, ['9.9.9', 2024, 'töös', 1.5, 'x']] }]);
		const { analysis: a } = await analyseAny(bytes, {}, ctx);
		const out = rejectedRowsFile(await fileText(bytes, a.sheet), a, 'et');
		expect(out).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';', rows: 1 });
		const back = readTable(out.bytes);
		if ('problem' in back) throw new Error(back.problem.code);
		expect(back.rows).toEqual([['9.9.9', '2024', 'töös', '1.5', 'x', expect.stringContaining('rida 3')]]);
	});
});
