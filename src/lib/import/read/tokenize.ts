/**
 * Delimited text → records, RFC 4180 with the repairs real files need (issue #18, item 6: the
 * Pollock benchmark's polluted files, and the broken exports they stand for):
 *
 * - A field is quoted when it starts with `"`; inside, `""` is a quote; it ends at a `"` followed
 *   by the delimiter, a line end or the end of the text (spaces before those are allowed).
 * - **A stray quote is text.** When a field starts with `"` but, before any closing quote, a
 *   quote starts another field (`"ABC-12,$48.00,"Pillow, round"`: a quote typed at a cell's
 *   start), or no quote closes it at all, the opening quote is a character of an unquoted field,
 *   which ends at the next delimiter. A lone quote elsewhere inside a quoted field is text
 *   (`""Mini", 12` is `"Mini`), as Papa Parse reads it. Excel and LibreOffice always double a
 *   quote inside a quoted cell, so their files never take these paths; Papa Parse instead swallows
 *   cells (and lines) up to the next `",`.
 * - **A quoted line break must leave a whole record.** A quoted field may hold line breaks (Excel
 *   writes a cell's Alt+Enter so), but when the record that makes has another number of fields than
 *   the file's usual one while reading the quote as text gives the usual number, the quote is
 *   text (a stray quote at a line's last field would otherwise swallow the next lines).
 * - CRLF, LF and CR all end a record outside quotes; an empty line is a record of one empty field.
 * - **The dialect is read off the text** (its first 64 kB; the same text always gives the same
 *   reading, so the reader and the errors file agree): fields quoted with `'` instead of `"` when
 *   no field starts with `"` and some `'…'` field holds the delimiter (a quote that is needed, not
 *   an apostrophe; inside such a field a lone `'` is an apostrophe); and spaces after the delimiter are skipped when nearly every delimiter is
 *   followed by one (`a, b, "c, d"`: Python's `skipinitialspace`, what csv.Sniffer finds).
 */
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const APOSTROPHE = 0x27;

interface Parsed {
	fields: string[];
	next: number;
	/** A quoted field held a line break. */
	spanned: boolean;
}

export interface Dialect {
	/** The quote character's code: `"` or `'`. */
	quote: number;
	/** Spaces after a delimiter are not part of the next field. */
	skipSpace: boolean;
}

class Tokenizer {
	private noQuoteFrom = Infinity;
	private readonly quoteChar: string;
	/** Delimiters seen outside quotes, and how many of them a space followed. */
	delims = 0;
	delimsBeforeSpace = 0;
	constructor(
		private readonly text: string,
		private readonly delim: number,
		private readonly dialect: Dialect = { quote: 0x22, skipSpace: false }
	) {
		this.quoteChar = String.fromCharCode(dialect.quote);
	}

	/** Index of the next `"` at or after `from`, or -1 (remembering where none is left). */
	private quoteAt(from: number): number {
		if (from >= this.noQuoteFrom) return -1;
		const q = this.text.indexOf(this.quoteChar, from);
		if (q < 0) this.noQuoteFrom = Math.min(this.noQuoteFrom, from);
		return q;
	}

	/** A quoted field starting at `start` (its opening quote): its value and end, or null when it is not one. */
	private quoted(start: number): { value: string; end: number; spanned: boolean } | null {
		const t = this.text;
		let value = '';
		let from = start + 1;
		for (;;) {
			const q = this.quoteAt(from);
			if (q < 0) return null;
			if (t.charCodeAt(q + 1) === this.dialect.quote) {
				value += t.slice(from, q + 1);
				from = q + 2;
				continue;
			}
			let j = q + 1;
			while (t.charCodeAt(j) === SPACE && this.delim !== SPACE) j++;
			const c = t.charCodeAt(j);
			if (j >= t.length || c === this.delim || c === LF || c === CR) {
				value += t.slice(from, q);
				return { value, end: j, spanned: value.includes('\n') || value.includes('\r') };
			}
			// A lone quote inside is text (`""Mini"` is `"Mini`; with `'` for quotes, `won't`), unless
			// it starts a field (after the delimiter or a line end): then the opening quote was stray.
			const before = t.charCodeAt(q - 1);
			if (this.dialect.quote === APOSTROPHE || (before !== this.delim && before !== LF && before !== CR)) {
				value += t.slice(from, q + 1);
				from = q + 1;
				continue;
			}
			return null;
		}
	}

	/** One record from `pos`; `span` false reads a quoted field with a line break as unquoted text. */
	record(pos: number, span: boolean): Parsed {
		const t = this.text;
		const n = t.length;
		const fields: string[] = [];
		let spanned = false;
		for (;;) {
			let value: string | null = null;
			if (this.dialect.skipSpace) while (t.charCodeAt(pos) === SPACE) pos++;
			if (t.charCodeAt(pos) === this.dialect.quote) {
				const q = this.quoted(pos);
				if (q && (span || !q.spanned)) {
					value = q.value;
					pos = q.end;
					spanned ||= q.spanned;
				}
			}
			if (value === null) {
				let end = pos;
				while (end < n) {
					const c = t.charCodeAt(end);
					if (c === this.delim || c === LF || c === CR) break;
					end++;
				}
				value = t.slice(pos, end);
				pos = end;
			}
			fields.push(value);
			const c = t.charCodeAt(pos);
			if (pos < n && c === this.delim) {
				pos++;
				this.delims++;
				if (t.charCodeAt(pos) === SPACE) this.delimsBeforeSpace++;
				continue;
			}
			if (c === CR) pos += t.charCodeAt(pos + 1) === LF ? 2 : 1;
			else if (c === LF) pos++;
			return { fields, next: pos, spanned };
		}
	}
}

/** The most common field count among non-blank records (the widest on a tie). */
export function usualWidth(rows: readonly (readonly string[])[]): number {
	const counts = new Map<number, number>();
	for (const r of rows)
		if (r.length > 1 || r[0] !== '') counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
	let best = 0;
	let freq = 0;
	for (const [w, f] of counts) if (f > freq || (f === freq && w > best)) [best, freq] = [w, f];
	return best;
}

const SAMPLE = 64 * 1024;

/** The quote character and whether spaces after the delimiter are skipped, from the text's start. */
export function dialectOf(text: string, delimiter: string): Dialect {
	const d = delimiter.charCodeAt(0);
	const sample = text.slice(0, SAMPLE);
	let quote = 0x22;
	if (!fieldStarts(sample, delimiter, '"') && delimiter !== "'") {
		// `'` quotes only when `'…'` fields hold the delimiter (quotes that are needed) and reading
		// them so gives more lines of the usual width than reading `'` as text.
		const e = delimiter.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
		const needed = new RegExp(`(?:^|${e})'[^'\\r\\n]*${e}[^'\\r\\n]*'(?=${e}|\\r|\\n|$)`, 'gm');
		if (
			(sample.match(needed)?.length ?? 0) >= 2 &&
			widthShare(sample, d, APOSTROPHE) > widthShare(sample, d, 0x22)
		)
			quote = APOSTROPHE;
	}
	if (d === SPACE) return { quote, skipSpace: false };
	const tk = new Tokenizer(sample, d, { quote, skipSpace: false });
	let pos = 0;
	let n = 0;
	while (pos < sample.length && n < 200) {
		pos = tk.record(pos, true).next;
		n++;
	}
	const skipSpace = n >= 3 && tk.delims >= Math.max(10, n) && tk.delimsBeforeSpace >= tk.delims * 0.9;
	return { quote, skipSpace };
}

/** The share of the sample's first records (up to 200) that have the usual width, reading `quote` as the quote. */
function widthShare(sample: string, d: number, quote: number): number {
	const tk = new Tokenizer(sample, d, { quote, skipSpace: false });
	const rows: string[][] = [];
	let pos = 0;
	while (pos < sample.length && rows.length < 200) {
		const r = tk.record(pos, true);
		rows.push(r.fields);
		pos = r.next;
	}
	const w = usualWidth(rows);
	const filled = rows.filter((r) => r.length > 1 || r[0] !== '');
	return filled.length ? filled.filter((r) => r.length === w).length / filled.length : 0;
}

/** Whether some field of the sample starts with `q` (at a line start or after the delimiter). */
function fieldStarts(sample: string, delimiter: string, q: string): boolean {
	return (
		sample.startsWith(q) ||
		sample.includes(delimiter + q) ||
		sample.includes('\n' + q) ||
		sample.includes('\r' + q)
	);
}

/**
 * The text's records split at `delimiter` (one character). `preview` > 0 stops after that many.
 * Records whose quoted line break leaves them another width than the usual one are read again with
 * the quote as text (see above), so the result is the same whoever asks (reader, errors file).
 */
export function tokenize(text: string, delimiter: string, preview = 0): string[][] {
	const tk = new Tokenizer(text, delimiter.charCodeAt(0), dialectOf(text, delimiter));
	const rows: string[][] = [];
	const starts: number[] = [];
	const spanned: number[] = [];
	let pos = 0;
	while (pos < text.length && (preview <= 0 || rows.length < preview)) {
		const r = tk.record(pos, true);
		if (r.spanned) spanned.push(rows.length);
		starts.push(pos);
		rows.push(r.fields);
		pos = r.next;
	}
	if (
		text.length > 0 &&
		pos >= text.length &&
		/[\r\n]$/.test(text) &&
		(preview <= 0 || rows.length < preview)
	)
		rows.push(['']);
	if (spanned.length === 0) return rows;
	const width = usualWidth(rows);
	if (spanned.every((i) => rows[i].length === width)) return rows;

	// Again from the first record whose quoted line break gives it the wrong width.
	const first = spanned.find((i) => rows[i].length !== width)!;
	const out = rows.slice(0, first);
	pos = starts[first];
	while (pos < text.length && (preview <= 0 || out.length < preview)) {
		let r = tk.record(pos, true);
		if (r.spanned && r.fields.length !== width) {
			const flat = tk.record(pos, false);
			if (flat.fields.length === width) r = flat;
		}
		out.push(r.fields);
		pos = r.next;
	}
	if (pos >= text.length && /[\r\n]$/.test(text) && (preview <= 0 || out.length < preview)) out.push(['']);
	return out;
}
