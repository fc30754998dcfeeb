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

/** The same over bytes, by native `indexOf` (a 100 MB export is scanned in milliseconds). */
function mixedInBytes(bytes: Uint8Array): boolean {
	let cr = 0;
	let crlf = 0;
	for (let i = bytes.indexOf(0x0d); i >= 0; i = bytes.indexOf(0x0d, i + 1)) {
		cr++;
		if (bytes[i + 1] === 0x0a) crlf++;
		if (cr !== crlf) break;
	}
	if (cr === 0) return false;
	if (cr !== crlf) {
		// A lone CR: mixed unless every line end is a lone CR (an old Mac file).
		return bytes.indexOf(0x0a) >= 0 || crlf > 0;
	}
	// Every CR starts a CRLF: mixed when some LF has no CR before it.
	for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1))
		if (bytes[i - 1] !== 0x0d) return true;
	return false;
}
