import { describe, it, expect } from 'vitest';
import { analyseFile, formatIssue, readTable, MAX_CELL_CHARS, MAX_COLUMNS } from '../../../src/lib/import';
import { municipalities } from '../municipalities';

const ctx = { activityIds: new Set(['1.1.1', '2.5.1']), municipalities };
const bytes = (s: string) => new TextEncoder().encode(s);

describe('limits that protect the page (issue #18)', () => {
	it('a comment cell of 5 MB is a row error naming its length, and the other rows stay valid', () => {
		const text = [
			'Nr;Aasta;Staatus;Kommentaar',
			`1.1.1;2024;töös;${'x'.repeat(5 * 1024 * 1024)}`,
			'2.5.1;2024;tehtud;korras'
		].join('\n');
		const a = analyseFile(bytes(text), {}, ctx);
		expect(a.rows).toHaveLength(1);
		expect(a.errors).toHaveLength(1);
		const [e] = a.errors;
		expect(e).toMatchObject({ row: 2, column: 'Kommentaar', code: 'cell_too_long' });
		expect(e.params.length).toBe(5 * 1024 * 1024);
		expect(e.value.length).toBeLessThan(50);
		expect(formatIssue(e, 'et')).toContain('5242880');
		expect(formatIssue(e, 'en')).toBe(
			`The cell is 5242880 characters long (the limit is ${MAX_CELL_CHARS}); the row was left out.`
		);
	});
	it('a cell of exactly 2,000 characters is still data', () => {
		const text = `Nr;Aasta;Staatus;Kommentaar\n1.1.1;2024;töös;${'õ'.repeat(MAX_CELL_CHARS)}\n`;
		const a = analyseFile(bytes(text), {}, ctx);
		expect(a.errors).toEqual([]);
		expect(a.rows).toHaveLength(1);
	});
	it('an over-long cell in an unmapped column of a wide table rejects that file row', () => {
		const text = `Omavalitsus;Näitaja;2023;2024;Märkus\nRae vald;Õpilasi;1;2;${'m'.repeat(2001)}\nSaue vald;Õpilasi;3;4;\n`;
		const a = analyseFile(bytes(text), {}, ctx);
		expect(a.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'Märkus', 'cell_too_long']]);
		expect(a.rows).toHaveLength(2);
	});
	it(`rejects more than ${MAX_COLUMNS} columns, but not ${MAX_COLUMNS} or trailing empty ones`, () => {
		const head = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`).join(';');
		const over = readTable(`${head(MAX_COLUMNS + 1)}\n${head(MAX_COLUMNS + 1)}\n`);
		expect('problem' in over && over.problem).toEqual({
			code: 'too_many_columns',
			params: { n: MAX_COLUMNS + 1, max: MAX_COLUMNS }
		});
		expect('problem' in readTable(`${head(MAX_COLUMNS)}\n${head(MAX_COLUMNS)}\n`)).toBe(false);
		const trailing = `Nr;Aasta${';'.repeat(3000)}\n1.1.1;2024${';'.repeat(3000)}\n`;
		expect('problem' in readTable(trailing)).toBe(false);
	});
	it('rejects a header over 64 kB, naming its size', () => {
		const header = ['Nr', 'Aasta', 'Staatus', 'k'.repeat(70 * 1024)].join(';');
		const a = analyseFile(bytes(`${header}\n1.1.1;2024;töös;x\n`), {}, ctx);
		expect(a.problem?.code).toBe('header_too_large');
		expect(formatIssue(a.problem!, 'en')).toBe('The header row is too long (71 kB; the limit is 64 kB).');
		expect(a.rows).toEqual([]);
	});
});
