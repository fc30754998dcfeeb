import type { FileProblem, ReadResult, RowIssue } from '../types';
import { byteProblem, isHtml, MAX_COLUMNS, MAX_HEADER_BYTES } from './problems';
import { decodeBytes } from './decode';
import { parseNumber } from './values';
import { normaliseLineEnds } from './lineEnds';
import { tokenize } from './tokenize';

export const DELIMITERS = [';', '\t', ',', '|'] as const;
const SAMPLE_LINES = 60;

/** The file's records (every line, blank ones too) split with one delimiter (see tokenize.ts). */
export function records(text: string, delimiter: string, preview = 0): string[][] {
	return tokenize(text, delimiter, preview);
}

function nonEmptyCount(row: string[]): number {
	let n = 0;
	for (const c of row) if (c.trim() !== '') n++;
	return n;
}

/** The delimiter whose field counts are most consistent over the first lines (Excel writes `;` in Estonia). */
export function detectDelimiter(text: string): string {
	const head = text.slice(0, 256 * 1024);
	let best: { d: string; score: number } = { d: ';', score: -1 };
	for (const d of DELIMITERS) {
		const rows = records(head, d, SAMPLE_LINES).filter((r) => nonEmptyCount(r) > 0);
		if (rows.length === 0) continue;
		const counts = new Map<number, number>();
		for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
		const [mode, freq] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
		if (mode < 2) continue;
		const score = (freq / rows.length) * Math.min(mode, 12);
		if (score > best.score) best = { d, score };
	}
	return best.d;
}

function looksNumeric(cell: string): boolean {
	const s = cell.trim();
	return s !== '' && (parseNumber(s) !== undefined || /^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(s));
}

/** The first row that looks like a header: wide enough and mostly text (a title line above is skipped). */
export function detectHeaderRow(rows: string[][]): number {
	const sample = rows.slice(0, 40);
	const widths = sample.map(nonEmptyCount).filter((n) => n > 0);
	if (widths.length === 0) return -1;
	const widest = Math.max(...widths);
	for (let i = 0; i < sample.length; i++) {
		const cells = sample[i].filter((c) => c.trim() !== '');
		if (cells.length < 2 || cells.length < widest * 0.6) continue;
		// Year columns of a wide table (`Omavalitsus;2022;2023`) are header text, not data.
		const text = cells.filter((c) => !looksNumeric(c) || /^(19|20)\d{2}$/.test(c.trim())).length;
		if (cells.every((c) => looksNumeric(c))) continue;
		if (text / cells.length >= 0.6) return i;
	}
	return -1;
}

/**
 * Read a file as a table: decode, detect the delimiter and the header row, drop blank and footnote
 * lines, trim trailing empty columns. Never throws on content; unusable files come back as a problem.
 */
export function readTable(
	input: Uint8Array | string,
	opts: {
		delimiter?: string;
		/**
		 * An empty file or one with a header and no rows is an empty table, not a problem (`kov read`:
		 * what the file holds; the import page refuses both with its message).
		 */
		emptyTable?: boolean;
	} = {}
): ReadResult | { problem: FileProblem } {
	let text: string;
	let encoding: ReadResult['encoding'] = 'utf-8';
	if (typeof input === 'string') text = input.replace(/^\uFEFF/, '');
	else {
		const p = byteProblem(input);
		if (p && !(p.code === 'empty' && opts.emptyTable)) return { problem: p };
		({ text, encoding } = decodeBytes(input));
	}
	if (text.trim() === '')
		return opts.emptyTable
			? {
					encoding,
					delimiter: opts.delimiter ?? ',',
					headerRow: 0,
					header: [],
					rows: [],
					rowNumbers: [],
					warnings: []
				}
			: { problem: { code: 'empty', params: {} } };
	if (isHtml(text)) return { problem: { code: 'html', params: {} } };
	text = normaliseLineEnds(text);

	const delimiter = opts.delimiter ?? detectDelimiter(text);
	const all = records(text, delimiter);
	const h = detectHeaderRow(all);
	if (h < 0) return { problem: { code: 'no_header', params: {} } };

	let header = all[h].map((c) => c.trim());
	while (header.length > 1 && header[header.length - 1] === '') header = header.slice(0, -1);
	if (header.length > MAX_COLUMNS)
		return { problem: { code: 'too_many_columns', params: { n: header.length, max: MAX_COLUMNS } } };
	const headerBytes = new TextEncoder().encode(all[h].join(delimiter)).length;
	if (headerBytes > MAX_HEADER_BYTES)
		return {
			problem: {
				code: 'header_too_large',
				params: { size: `${Math.ceil(headerBytes / 1024)} kB`, max: `${MAX_HEADER_BYTES / 1024} kB` }
			}
		};
	const width = header.length;

	const rows: string[][] = [];
	const rowNumbers: number[] = [];
	const warnings: RowIssue[] = [];
	for (let i = h + 1; i < all.length; i++) {
		const r = all[i];
		const filled = nonEmptyCount(r);
		if (filled === 0) continue;
		if (filled === 1 && width > 2 && r[0].trim() !== '' && r.length < width / 2) {
			warnings.push({
				row: i + 1,
				column: '',
				value: r[0].trim(),
				code: 'footnote_dropped',
				params: { value: r[0].trim() }
			});
			continue;
		}
		if (r.length > width && r.slice(width).some((c) => c.trim() !== '')) {
			warnings.push({
				row: i + 1,
				column: '',
				value: r.slice(width).join(delimiter),
				code: 'extra_fields',
				params: { n: r.length - width }
			});
		}
		const row =
			r.length === width ? r : r.slice(0, width).concat(Array(Math.max(0, width - r.length)).fill(''));
		rows.push(row);
		rowNumbers.push(i + 1);
	}
	if (rows.length === 0 && !opts.emptyTable) return { problem: { code: 'header_only', params: {} } };
	return { encoding, delimiter, headerRow: h + 1, header, rows, rowNumbers, warnings };
}
