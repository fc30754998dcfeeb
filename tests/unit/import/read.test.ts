import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { holds } from '../property';
import { readFileSync } from 'node:fs';
import { decodeBytes, readTable, detectDelimiter, type ReadResult } from '../../../src/lib/import';

const RUNS = { numRuns: 10_000, seed: 20222 };
const ok = (r: ReturnType<typeof readTable>): ReadResult => {
	if ('problem' in r) throw new Error(`unexpected problem ${r.problem.code}`);
	return r;
};

describe('decodeBytes(bytes)', () => {
	it('detects a UTF-8 BOM and drops it', () => {
		const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x4e, 0x72]));
		expect(r).toEqual({ text: 'Nr', encoding: 'utf-8-bom' });
	});
	it('reads Windows-1257 bytes of Estonian text (š ž õ ä)', () => {
		const bytes = new Uint8Array([
			0xf0, 0x6f, 0x6b, 0x6b, 0x20, 0xfe, 0xfc, 0x72, 0x69, 0x69, 0x20, 0xf5, 0xe4
		]);
		expect(decodeBytes(bytes)).toEqual({ text: 'šokk žürii õä', encoding: 'windows-1257' });
	});
	it('tells Windows-1252 by its š/ž bytes', () => {
		const bytes = new Uint8Array([0x9a, 0x6f, 0x6b, 0x6b, 0x20, 0x9e, 0xfc, 0x72, 0x69, 0x69]);
		expect(decodeBytes(bytes)).toEqual({ text: 'šokk žürii', encoding: 'windows-1252' });
	});
	it('reads the Windows-1257 fixture with its title line and tab delimiter', () => {
		const r = ok(readTable(new Uint8Array(readFileSync('tests/fixtures/progress-win1257-tab-title.csv'))));
		expect([r.encoding, r.delimiter, r.headerRow]).toEqual(['windows-1257', '\t', 3]);
		expect(r.rows[1][4]).toBe('Šokk-koolitus ja žürii töö:\nteine osa lükkus 2025. aastasse');
		expect(r.rowNumbers).toEqual([4, 5, 6]);
	});
});

describe('readTable(input)', () => {
	it('finds the header below a title line and keeps spreadsheet row numbers', () => {
		const r = ok(readTable('Aruanne 2024\n\nNr;Aasta;Staatus\n1.1.1;2024;töös\n1.1.2;2024;tehtud\n'));
		expect(r.headerRow).toBe(3);
		expect(r.header).toEqual(['Nr', 'Aasta', 'Staatus']);
		expect(r.rowNumbers).toEqual([4, 5]);
	});
	it('drops a footnote line and trailing empty columns and rows, with a warning', () => {
		const r = ok(readTable('Nr;Aasta;Staatus;;\r\n1.1.1;2024;töös;;\r\n;;;;\r\nAllikas: RTK\r\n'));
		expect(r.header).toEqual(['Nr', 'Aasta', 'Staatus']);
		expect(r.rows).toEqual([['1.1.1', '2024', 'töös']]);
		expect(r.warnings.map((w) => [w.code, w.value])).toEqual([['footnote_dropped', 'Allikas: RTK']]);
	});
	it('does not mistake decimal commas for the delimiter', () => {
		expect(detectDelimiter('Nr;Tegelik;Sihttase\n2.5.8;7,5;20\n2.6.2;31,5;40\n')).toBe(';');
	});
	it.each([
		['empty', ''],
		['empty', '  \n \n'],
		['html', '<!DOCTYPE html><html><body>x</body></html>'],
		['no_header', '1;2;3\n4;5;6\n'],
		['header_only', 'Nr;Aasta;Staatus\n']
	])('returns the problem %s for unusable text', (code, text) => {
		const r = readTable(text);
		expect('problem' in r && r.problem.code).toBe(code);
	});
	it('rejects binary bytes', () => {
		const r = readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
		expect('problem' in r && r.problem.code).toBe('binary');
	});
	it('rejects 10 000 columns as too many', () => {
		const header = Array.from({ length: 10_000 }, (_, i) => `v${i}`).join(';');
		const r = readTable(`${header}\n${header}\n`);
		expect('problem' in r && r.problem.code).toBe('too_many_columns');
	});
	it('never throws on arbitrary text or bytes', () => {
		holds(
			fc.property(fc.string({ maxLength: 300 }), (s) => typeof readTable(s) === 'object'),
			RUNS
		);
		holds(
			fc.property(fc.uint8Array({ maxLength: 300 }), (b) => typeof readTable(b) === 'object'),
			RUNS
		);
	});
	it('round-trips generated tables written with any delimiter and RFC 4180 quoting', () => {
		// Control characters are what the generator avoids: they are not cell text.
		const hasControl = (s: string) =>
			[...s].some((ch) => ch.charCodeAt(0) < 32 || ch === '\u2028' || ch === '\u2029' || ch === '\ufeff');
		const cell = fc
			.string({ minLength: 1, maxLength: 12 })
			.filter((s) => s.trim() === s && s.trim() !== '' && !hasControl(s));
		const textCell = cell.filter((s) => /[^\d\s.,+\-−]/.test(s));
		holds(
			fc.property(
				fc.constantFrom(';', ',', '\t', '|'),
				fc
					.integer({ min: 2, max: 6 })
					.chain((w) =>
						fc.tuple(
							fc.uniqueArray(textCell, { minLength: w, maxLength: w }),
							fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 })
						)
					),
				fc.constantFrom('\n', '\r\n'),
				(d, [header, rows], eol) => {
					const q = (s: string) => (s.includes(d) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
					const text = [header, ...rows].map((r) => r.map(q).join(d)).join(eol) + eol;
					const r = readTable(text, { delimiter: d });
					if ('problem' in r) return false;
					return JSON.stringify([r.header, r.rows]) === JSON.stringify([header, rows]);
				}
			),
			{ numRuns: 10_000, seed: 20223 }
		);
	});
});
