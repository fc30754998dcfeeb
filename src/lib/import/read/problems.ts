import type { FileProblem } from '../types';
import { decodeUtf16, utf16Of } from './decode';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Issue #18 "Limits that protect the page": wider files, longer headers and cells are not data. */
export const MAX_COLUMNS = 1000;
/** The header line's size in UTF-8 bytes (64 kB). */
export const MAX_HEADER_BYTES = 64 * 1024;
/** A text cell longer than this (in characters) is a row error naming its length. */
export const MAX_CELL_CHARS = 2000;
/** The longest line DuckDB's reader takes on the bulk path (a file with a longer one is read in JS). */
export const BULK_MAX_LINE_BYTES = 8 * 1024 * 1024;

/**
 * What the bulk path needs to know of a large file's lines: whether every line fits DuckDB's reader
 * (`fitsReader`: none over BULK_MAX_LINE_BYTES / 3, with room for Windows-125x growing as UTF-8),
 * and whether any cell can be over MAX_CELL_CHARS (`longCells`). A cell of n characters is at least
 * n bytes in every encoding, so without a line that long no cell is, unless a quoted cell spans
 * lines: any `"` in the file keeps the check on. DuckDB then skips the over-long-cell list on every
 * row (issue #20: 10 % of the checked read).
 *
 * Lines are LF-separated and measured in bytes (a CR counted). An export's lines are all short, and
 * that is known from one `lastIndexOf` per MAX_CELL_CHARS bytes (each finds the last line end within
 * that many bytes of a line's start): 9 ms over 86 MB instead of 72 ms for a search per line.
 * Only a file with a longer line is measured line by line.
 */
export function lineFacts(bytes: Uint8Array): { fitsReader: boolean; longCells: boolean } {
	let start = 0;
	while (bytes.length - start > MAX_CELL_CHARS) {
		const end = bytes.lastIndexOf(0x0a, start + MAX_CELL_CHARS);
		if (end < start) {
			const longest = longestLine(bytes, start);
			return { fitsReader: longest <= BULK_MAX_LINE_BYTES / 3, longCells: true };
		}
		start = end + 1;
	}
	// Only now the search for a quote, a whole pass of its own: a long line already said yes.
	return { fitsReader: true, longCells: bytes.includes(0x22) };
}

/** The longest LF-separated line from `from` on, in bytes (a CR counted). */
function longestLine(bytes: Uint8Array, from = 0): number {
	let longest = 0;
	let start = from;
	while (start < bytes.length) {
		let end = bytes.indexOf(0x0a, start);
		if (end < 0) end = bytes.length;
		if (end - start > longest) longest = end - start;
		start = end + 1;
	}
	return longest;
}

/** How much of an over-long cell an error shows. */
export const CELL_PREVIEW_CHARS = 40;

/**
 * The cell's length in characters (code points, as DuckDB's `length` counts) when it is over
 * MAX_CELL_CHARS, else null.
 */
export function overlongCell(cell: string): number | null {
	if (cell.length <= MAX_CELL_CHARS) return null;
	let n = 0;
	for (let i = 0; i < cell.length; i++) {
		const c = cell.charCodeAt(i);
		if (c < 0xd800 || c > 0xdbff || i + 1 >= cell.length) n++;
		else {
			const d = cell.charCodeAt(i + 1);
			n++;
			if (d >= 0xdc00 && d <= 0xdfff) i++;
		}
	}
	return n > MAX_CELL_CHARS ? n : null;
}

/** The start of an over-long cell, as an error shows it. */
export function cellPreview(cell: string): string {
	return (
		Array.from(cell.slice(0, CELL_PREVIEW_CHARS * 2))
			.slice(0, CELL_PREVIEW_CHARS)
			.join('') + '…'
	);
}

/** File-level checks on the raw bytes: empty, too large, binary. */
export function byteProblem(bytes: Uint8Array): FileProblem | null {
	if (bytes.length > MAX_FILE_BYTES)
		return { code: 'too_large', params: { size: `${Math.round(MAX_FILE_BYTES / 1048576)} MB` } };
	const utf16 = utf16Of(bytes);
	if (utf16) return textProblem(decodeUtf16(bytes.subarray(0, 128 * 1024), utf16), bytes.length);
	let nonSpace = false;
	const sample = bytes.subarray(0, 64 * 1024);
	let control = 0;
	for (const b of sample) {
		if (b === 0) return { code: 'binary', params: {} };
		if (b < 9 || (b > 13 && b < 32)) control++;
		if (b > 32) nonSpace = true;
	}
	if (!nonSpace && bytes.length <= sample.length) return { code: 'empty', params: {} };
	if (control > sample.length * 0.05) return { code: 'binary', params: {} };
	return null;
}

/** The same checks on a UTF-16 file's text (its bytes are half zeros). */
function textProblem(head: string, size: number): FileProblem | null {
	let control = 0;
	for (let i = 0; i < head.length; i++) {
		const c = head.charCodeAt(i);
		if (c === 0) return { code: 'binary', params: {} };
		if (c < 9 || (c > 13 && c < 32)) control++;
	}
	if (head.trim() === '' && size <= 128 * 1024) return { code: 'empty', params: {} };
	if (control > head.length * 0.05) return { code: 'binary', params: {} };
	return null;
}

/** HTML saved with a .csv name (a web page or an Excel "Save as web page"). */
export function isHtml(text: string): boolean {
	return /^\s*(<!doctype\s+html|<html[\s>]|<table[\s>]|<\?xml[^>]*>\s*<html)/i.test(text.slice(0, 2048));
}
