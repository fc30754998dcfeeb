import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { analyseFile, decodeBytes, readTable, type Encoding } from '../../../src/lib/import';
import { encodeText } from '../../../src/lib/import/read/encode';
import { writeDelimited } from '../../../src/lib/import/read/writeTable';
import { hasMixedLineEnds, lineEndCounts, normaliseLineEnds } from '../../../src/lib/import/read/lineEnds';
import { municipalities } from '../municipalities';

const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1257', 'windows-1252'];
const DELIMITERS = [';', '\t', ',', '|'];
const ESTONIAN = 'õäöüšžÕÄÖÜŠŽ';
const ctx = { activityIds: new Set(['1.1.1', '2.5.1', '4.1.1']), municipalities };

/** Characters a cell can hold in an encoding (other delimiters are quoted by the writer anyway). */
function cellChars(encoding: Encoding, delimiter: string): fc.Arbitrary<string> {
	const ascii =
		' !"#$%&\'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{}~';
	const pool = ascii + ESTONIAN + '\n\r' + delimiter;
	// A BOM-less UTF-8 file whose only letters beyond ASCII are CJK is read as Windows-125x (decode.ts).
	const wide = encoding.startsWith('utf') ? '€–„“”…ąčėįšųūž😀' + (encoding === 'utf-8' ? '' : '中') : '';
	return fc.constantFrom(...Array.from(pool + wide));
}

/** A table the reader must read back: a text header of distinct names, rows with a filled cell. */
function table(encoding: Encoding, delimiter: string) {
	const word = fc
		.array(fc.constantFrom(...Array.from('abcdefghijklmnoprstuvõäöü')), { minLength: 2, maxLength: 8 })
		.map((a) => a.join(''));
	return fc.integer({ min: 2, max: 6 }).chain((width) =>
		fc.record({
			header: fc.uniqueArray(word, { minLength: width, maxLength: width }),
			rows: fc.array(
				fc
					.array(
						fc.array(cellChars(encoding, delimiter), { maxLength: 12 }).map((a) => a.join('')),
						{
							minLength: width,
							maxLength: width
						}
					)
					.filter((r) => r.some((c) => c.trim() !== '')),
				{ minLength: 1, maxLength: 6 }
			),
			ends: fc.array(fc.constantFrom('\r\n', '\n', '\r'), { minLength: 8, maxLength: 8 })
		})
	);
}

describe('decodeBytes(encodeText(text, encoding)) — every export Excel and LibreOffice write', () => {
	it.each([
		['utf-16le', [0xff, 0xfe, 0x4e, 0x00, 0x72, 0x00]],
		['utf-16be', [0xfe, 0xff, 0x00, 0x4e, 0x00, 0x72]],
		['utf-8-bom', [0xef, 0xbb, 0xbf, 0x4e, 0x72]],
		['utf-8', [0x4e, 0x72]]
	] as const)('recognises %s by its first bytes', (encoding, bytes) => {
		expect(decodeBytes(new Uint8Array(bytes))).toEqual({ text: 'Nr', encoding });
	});
	it('reads UTF-16 without a BOM when every other byte is zero', () => {
		const le = encodeText('Nr;Aasta;Staatus\n1.1.1;2024;töös\n', 'utf-16le').subarray(2);
		const be = encodeText('Nr;Aasta;Staatus\n1.1.1;2024;töös\n', 'utf-16be').subarray(2);
		expect(decodeBytes(le).encoding).toBe('utf-16le');
		expect(decodeBytes(be).encoding).toBe('utf-16be');
		expect(decodeBytes(le).text).toBe('Nr;Aasta;Staatus\n1.1.1;2024;töös\n');
	});
	it('a 1252 or 1257 text that is valid UTF-8 by chance (äšž, Äš) is still read as Windows-125x', () => {
		for (const text of ['Nr;Märkus\n1;äšž\n', 'Nr;Märkus\n1;ÄŠ\n', 'Nr;Märkus\n1;Õš\n'])
			expect(decodeBytes(encodeText(text, 'windows-1252')).text).toBe(text);
	});
	it('writes and reads every encoding back to the same text (10,000 cases)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...ENCODINGS).chain((e) =>
					fc.tuple(
						fc.constant(e),
						fc.array(
							fc.constantFrom(
								...Array.from(
									'abc ;\t\r\n"' + ESTONIAN + (e.startsWith('utf') ? (e === 'utf-8' ? '€–' : '€–中') : '')
								)
							),
							{
								minLength: 1
							}
						)
					)
				),
				([encoding, chars]) => {
					const text = 'Nr;Nimi\n' + chars.join('');
					const { text: back, encoding: found } = decodeBytes(encodeText(text, encoding));
					expect(back).toBe(text);
					// A text all in ASCII is the same bytes in UTF-8 and both code pages.
					if (encoding.startsWith('utf-16') || encoding === 'utf-8-bom') expect(found).toBe(encoding);
				}
			),
			{ numRuns: 10_000 }
		);
	});
});

describe('readTable(bytes) reads a table written in each encoding, delimiter and line ends back identical', () => {
	it.each(ENCODINGS)('%s (10,000 cases over the four delimiters and mixed CRLF/LF/CR)', (encoding) => {
		fc.assert(
			fc.property(
				fc.constantFrom(...DELIMITERS).chain((d) => fc.tuple(fc.constant(d), table(encoding, d))),
				([delimiter, t]) => {
					const text = writeDelimited([t.header, ...t.rows], delimiter, (i) => t.ends[i % t.ends.length]);
					const r = readTable(encodeText(text, encoding));
					if ('problem' in r) throw new Error(`${r.problem.code}: ${JSON.stringify(text)}`);
					expect(r.delimiter).toBe(delimiter);
					expect(r.header).toEqual(t.header);
					expect(r.rows).toEqual(t.rows);
					if (encoding.startsWith('utf-16') || encoding === 'utf-8-bom') expect(r.encoding).toBe(encoding);
				}
			),
			{ numRuns: 10_000 }
		);
	});
});

describe('Excel\'s "Unicode Text" export (UTF-16 LE, BOM, tab) of a progress report', () => {
	const text =
		'Nr\tAasta\tStaatus\tKommentaar\r\n1.1.1\t2024\ttöös\tõppepäevad, žürii ja šokk\r\n2.5.1\t2024\ttehtud\t\r\n';
	it.each(['utf-16le', 'utf-16be'] as const)('imports as %s with its letters', (encoding) => {
		const a = analyseFile(encodeText(text, encoding), {}, ctx);
		expect(a.problem).toBeUndefined();
		expect(a).toMatchObject({ encoding, delimiter: '\t', dataset: 'progress', errors: [] });
		expect(a.rows.map((r) => (r as { comment: string | null }).comment)).toEqual([
			'õppepäevad, žürii ja šokk',
			null
		]);
	});
	it('the committed fixture (as Excel writes it) imports', () => {
		const a = analyseFile(new Uint8Array(readFileSync('tests/fixtures/progress-unicode-text.txt')), {}, ctx);
		expect(a).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', dataset: 'progress', errors: [] });
		expect(a.rows.length).toBe(2);
	});
	it('NUL bytes that are not UTF-16 are still a binary file', () => {
		const a = analyseFile(new Uint8Array([0x4e, 0x72, 0x00, 0x3b, 0x00]), {}, ctx);
		expect(a.problem?.code).toBe('binary');
	});
});

describe('normaliseLineEnds(text)', () => {
	it('makes CRLF, LF and CR one LF outside quotes and keeps line breaks inside them', () => {
		expect(normaliseLineEnds('a;b\r\n1;"x\r\ny"\n2;3\r4;5"6\r\n')).toBe('a;b\n1;"x\r\ny"\n2;3\n4;5"6\n');
	});
	it('leaves a file with one kind of line end as it is', () => {
		const crlf = 'a;b\r\n1;x\r\n';
		expect(normaliseLineEnds(crlf)).toBe(crlf);
	});
});

describe('hasMixedLineEnds(text or bytes)', () => {
	it.each([
		['a\r\nb\r\n', false],
		['a\nb\n', false],
		['a\rb\r', false],
		['a\r\nb\n', true],
		['a\rb\n', true],
		['a\r\nb\rc', true],
		['a\nb\r\n', true],
		['', false]
	])('%j → %s, the same for its bytes', (text, mixed) => {
		expect(hasMixedLineEnds(text)).toBe(mixed);
		expect(hasMixedLineEnds(new TextEncoder().encode(text))).toBe(mixed);
	});

	it('bytes read four at a time agree with the text, at every offset and around every word edge', () => {
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const parts = ['a', 'bc', 'ö', '\r\n', '\n', '\r', '\r\r\n', ';1,5'];
		for (let n = 0; n < 500; n++) {
			const text = Array.from(
				{ length: Math.floor(random() * 14) },
				() => parts[Math.floor(random() * parts.length)]
			).join('');
			// A subarray at an odd offset: the words start after a few single bytes.
			const offset = n % 4;
			const padded = new Uint8Array(offset + text.length * 3 + 3);
			const used = new TextEncoder().encodeInto(text, padded.subarray(offset)).written;
			const bytes = padded.subarray(offset, offset + used);
			expect(hasMixedLineEnds(bytes), JSON.stringify(text)).toBe(hasMixedLineEnds(text));
			expect(lineEndCounts(bytes)).toEqual({
				cr: text.split('\r').length - 1,
				lf: text.split('\n').length - 1,
				crlf: text.split('\r\n').length - 1
			});
		}
	});
});
