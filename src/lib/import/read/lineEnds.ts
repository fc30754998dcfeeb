/**
 * Mixed line ends (CRLF, LF and CR in one file: rows pasted together from a Windows and a Mac
 * export) become LF outside quoted fields; a quoted field keeps its own line breaks. Papa Parse and
 * DuckDB each take one line end per file, so a mixed file would otherwise lose rows.
 */
/** `;` tab `,` `|` (the delimiters read), LF and CR. */
const FIELD_START = new Set([0x3b, 0x09, 0x2c, 0x7c, 0x0a, 0x0d]);

export function normaliseLineEnds(text: string): string {
	if (!hasMixedLineEnds(text)) return text;
	let out = '';
	let from = 0;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x22) {
			// A quote opens a field only at its start (after a delimiter or a line end, as Papa
			// Parse reads it); inside, `""` is a quote and a lone `"` closes it.
			if (quoted) {
				if (text.charCodeAt(i + 1) === 0x22) i++;
				else quoted = false;
			} else if (i === 0 || FIELD_START.has(text.charCodeAt(i - 1))) quoted = true;
		} else if (c === 0x0d && !quoted) {
			out += text.slice(from, i) + '\n';
			if (text.charCodeAt(i + 1) === 0x0a) i++;
			from = i + 1;
		}
	}
	return out + text.slice(from);
}

/** Some line ends are CRLF and others LF or CR (a file of one kind throughout is left as it is). */
export function hasMixedLineEnds(text: string | Uint8Array): boolean {
	if (typeof text !== 'string') return mixedInBytes(text);
	const at = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i];
	let crlf = false;
	let lf = false;
	let cr = false;
	for (let i = 0; i < text.length; i++) {
		const c = at(i);
		if (c === 0x0a) lf = true;
		else if (c === 0x0d) {
			if (at(i + 1) === 0x0a) {
				crlf = true;
				i++;
			} else cr = true;
		}
		if (Number(crlf) + Number(lf) + Number(cr) > 1) return true;
	}
	return false;
}

/**
 * The same over bytes. A file without CR (most) is answered by one native `indexOf`. Otherwise the
 * CRs, LFs and CRLFs are counted four bytes at a time: a word is looked at byte by byte only when
 * it holds a CR or an LF (issue #20: 40 ms over an 86 MB CRLF export, where a search per line end
 * took 95 ms).
 */
function mixedInBytes(bytes: Uint8Array): boolean {
	if (bytes.indexOf(0x0d) < 0) return false;
	const { cr, lf, crlf } = lineEndCounts(bytes);
	// Lone CRs only (an old Mac file), or CRLF throughout: one kind.
	if (lf === 0) return false;
	return !(cr === crlf && lf === crlf);
}

/** How many CR, LF and CRLF the bytes hold (a CRLF counts once in each). */
export function lineEndCounts(bytes: Uint8Array): { cr: number; lf: number; crlf: number } {
	let cr = 0;
	let lf = 0;
	let crlf = 0;
	const n = bytes.length;
	const at = (i: number) => {
		const b = bytes[i];
		if (b === 0x0d) {
			cr++;
			if (bytes[i + 1] === 0x0a) crlf++;
		} else if (b === 0x0a) lf++;
	};
	// Bytes up to a 4-byte boundary, then words, then the tail.
	const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
	for (let i = 0; i < head; i++) at(i);
	const count = (n - head) >>> 2;
	const words = count ? new Uint32Array(bytes.buffer, bytes.byteOffset + head, count) : [];
	for (let k = 0; k < count; k++) {
		const w = words[k];
		// A zero byte in w ^ 0x0d0d0d0d is a CR in w (the classic "has a zero byte" test).
		const c = w ^ 0x0d0d0d0d;
		const l = w ^ 0x0a0a0a0a;
		if ((((c - 0x01010101) & ~c) | ((l - 0x01010101) & ~l)) & 0x80808080) {
			const b = head + (k << 2);
			at(b);
			at(b + 1);
			at(b + 2);
			at(b + 3);
		}
	}
	for (let i = head + (count << 2); i < n; i++) at(i);
	return { cr, lf, crlf };
}
