import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { analyseAny, cellText, readWorkbook, workbookKind } from '../../../src/lib/import';
import { buildXlsx } from './xlsxBuilder';
import { municipalities } from '../municipalities';

const ctx = { activityIds: new Set(['1.1.1', '2.5.1', '2.5.2']), municipalities };
const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('workbooks (.xlsx) — issue #18', () => {
	it('reads the first sheet by default, skipping a merged title row above the header, with cell values', async () => {
		const bytes = buildXlsx([
			{
				name: 'Aruanne',
				rows: [
					['Edenemine 2024', null, null, null, null],
					['Nr', 'Aasta', 'Staatus', 'Tegelik', 'Kuupäev'],
					['1.1.1', 2024, 'töös', 1234.5, d('2025-01-15')],
					['2.5.1', 2024, 'tehtud', 0.1 + 0.2, d('2024-12-31')]
				],
				merges: ['A1:E1']
			},
			{ name: 'Teine', rows: [['x', 'y']] }
		]);
		const { analysis: a } = await analyseAny(bytes, {}, ctx);
		expect(a).toMatchObject({
			encoding: 'xlsx',
			sheets: ['Aruanne', 'Teine'],
			sheet: 'Aruanne',
			headerRow: 2,
			dataset: 'progress',
			errors: []
		});
		expect(a.rows).toMatchObject([
			{
				activity_id: '1.1.1',
				year: 2024,
				status: 'in_progress',
				actual_value: 1234.5,
				reported_at: '2025-01-15'
			},
			{ activity_id: '2.5.1', year: 2024, status: 'done', actual_value: 0.3, reported_at: '2024-12-31' }
		]);
	});
	it('reads the sheet picked by name, and names row, column and value in its errors', async () => {
		const bytes = buildXlsx([
			{ name: 'Kaas', rows: [['Aruanne'], ['Koostas: RM']] },
			{
				name: 'Andmed',
				rows: [
					['Nr', 'Aasta', 'Staatus'],
					['1.1.1', 2024, 'valmis?'],
					['2.5.2', 2023, 'riskis']
				]
			}
		]);
		const first = (await analyseAny(bytes, {}, ctx)).analysis;
		expect(first.sheet).toBe('Kaas');
		expect(first.problem).toBeDefined();
		const { analysis: a } = await analyseAny(bytes, { sheet: 'Andmed' }, ctx);
		expect(a.sheet).toBe('Andmed');
		expect(a.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
			[2, 'Staatus', 'valmis?', 'unknown_status']
		]);
		expect(a.rows).toHaveLength(1);
	});
	it('the committed fixture: a title row, two sheets, two good and two bad rows', async () => {
		const { analysis: a } = await analyseAny(
			new Uint8Array(readFileSync('tests/fixtures/progress-workbook.xlsx')),
			{},
			ctx
		);
		expect(a).toMatchObject({ sheets: ['Aruanne 2024', 'Selgitused'], headerRow: 3, dataset: 'progress' });
		expect(a.rows).toHaveLength(2);
		expect(a.errors.map((e) => [e.row, e.code])).toEqual([
			[6, 'unknown_status'],
			[7, 'unknown_activity']
		]);
	});
	it('a zip that is not a workbook it can read, and an .ods, get one clear message', async () => {
		const broken = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/x.xml': strToU8('x') });
		expect((await analyseAny(broken, {}, ctx)).analysis.problem?.code).toBe('workbook_unreadable');
		const ods = zipSync(
			{ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') },
			{ level: 0 }
		);
		expect(workbookKind(ods)).toBe('ods');
		expect((await analyseAny(ods, {}, ctx)).analysis.problem?.code).toBe('workbook_ods');
	});
	it('limits hold for workbooks: a cell over 2,000 characters is a row error', async () => {
		const bytes = buildXlsx([
			{
				name: 'A',
				rows: [
					['Nr', 'Aasta', 'Staatus', 'Kommentaar'],
					['1.1.1', 2024, 'töös', 'k'.repeat(3000)],
					['2.5.1', 2024, 'töös', 'lühike']
				]
			}
		]);
		const { analysis: a } = await analyseAny(bytes, {}, ctx);
		expect(a.errors.map((e) => [e.row, e.column, e.code, e.params.length])).toEqual([
			[2, 'Kommentaar', 'cell_too_long', 3000]
		]);
	});
	it('cellText writes numbers in full without an exponent and dates as ISO dates', async () => {
		expect(cellText(1234.5)).toBe('1234.5');
		expect(cellText(0.1 + 0.2)).toBe('0.3');
		expect(cellText(1e-7)).toBe('0.0000001');
		expect(cellText(d('2025-01-15'))).toBe('2025-01-15');
		expect(cellText(true)).toBe('true');
		expect(cellText(null)).toBe('');
		const sheets = await readWorkbook(buildXlsx([{ name: 'S', rows: [['a', 1, null, 'b']] }]));
		expect(sheets[0].rows[0]).toEqual(['a', '1', '', 'b']);
	});
});
