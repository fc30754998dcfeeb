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
