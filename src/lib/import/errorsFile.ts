import type { Analysis, Encoding, RowIssue } from './types';
import { formatIssue } from './messages';
import { records } from './read/readTable';
import { normaliseLineEnds } from './read/lineEnds';
import { canEncode, encodeText } from './read/encode';
import { writeDelimited } from './read/writeTable';
import { parseNumber } from './read/values';

type Lang = 'et' | 'en';

const TEXT = {
	et: {
		column: 'viga',
		cell: (e: RowIssue, reason: string) =>
			`rida ${e.row}, veerg „${e.column}“, väärtus „${e.value}“: ${reason}`
	},
	en: {
		column: 'error',
		cell: (e: RowIssue, reason: string) => `row ${e.row}, column "${e.column}", value "${e.value}": ${reason}`
	}
};

/** The name of the column the rejected-rows file adds (the importer ignores it as an unknown column). */
export function errorColumnName(lang: Lang): string {
	return TEXT[lang].column;
}

/**
 * Issue #18 "Fix and resubmit": the rejected rows as they were in the file (every cell, in file
 * order, under the file's header row) plus an error column naming row, column, value and reason,
 * in the file's own delimiter and encoding — so it opens in Excel, is fixed there and imported
 * again. `text` is the file as the importer read it (decoded; a workbook's sheet as text).
 * Cells that Excel would run as a formula get the export guard `'` (data-contract "Text is data");
 * numbers such as `-3` stay as they are.
 */
export function rejectedRowsFile(
	text: string,
	a: Pick<Analysis, 'delimiter' | 'headerRow' | 'errors' | 'encoding'>,
	lang: Lang
): { bytes: Uint8Array; encoding: Encoding; delimiter: string; rows: number } {
	const all = records(normaliseLineEnds(text.replace(/^\uFEFF/, '')), a.delimiter);
	const header = all[a.headerRow - 1] ?? [];
	const byRow = new Map<number, RowIssue[]>();
	for (const e of a.errors) {
		if (e.row <= a.headerRow || e.row > all.length) continue;
		byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
	}
	const rows = [...byRow.keys()].sort((x, y) => x - y);
	const width = Math.max(header.length, ...rows.map((r) => all[r - 1].length));
	const pad = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
	const t = TEXT[lang];
	const out = [
		[...pad(header), t.column],
		...rows.map((r) => [
			...pad(all[r - 1]).map(guardFormula),
			byRow
				.get(r)!
				.map((e) => t.cell(e, formatIssue(e, lang)))
				.join(' | ')
		])
	];
	// A workbook's sheet comes back with `;`, as Estonian Excel splits a CSV.
	const delimiter = a.encoding === 'xlsx' || a.encoding === 'ods' ? ';' : a.delimiter;
	const written = writeDelimited(out, delimiter);
	// A workbook comes back as CSV for Excel, and UTF-8 gets its BOM (without one Excel reads õ ä ö ü
	// wrong); a code page that lacks a letter of the reasons gives UTF-8 with BOM too.
	const encoding: Encoding =
		a.encoding === 'xlsx' || a.encoding === 'ods' || a.encoding === 'utf-8' || !canEncode(written, a.encoding)
			? 'utf-8-bom'
			: a.encoding;
	return { bytes: encodeText(written, encoding), encoding, delimiter, rows: rows.length };
}

function guardFormula(cell: string): string {
	if (!/^[=+\-@\t\r]/.test(cell)) return cell;
	return /^[+-]/.test(cell) && parseNumber(cell) !== undefined ? cell : `'${cell}`;
}
