import type { Encoding } from '../types';
import { decodeWindows1252 } from './windows1252';

/**
 * Text → bytes in any encoding the importer reads (decode.ts), for files written back to the
 * analyst in the encoding they came in (the rejected rows, issue #18) and for the round-trip tests.
 * UTF-16 and `utf-8-bom` get their BOM; a character a Windows code page lacks becomes `?`.
 */
export function encodeText(text: string, encoding: Encoding): Uint8Array {
	switch (encoding) {
		case 'utf-8':
			return new TextEncoder().encode(text);
		case 'utf-8-bom':
		case 'xlsx':
		case 'ods':
			return new TextEncoder().encode('\uFEFF' + text);
		case 'utf-16le':
		case 'utf-16be': {
			const out = new Uint8Array(2 + text.length * 2);
			const le = encoding === 'utf-16le';
			const view = new DataView(out.buffer);
			view.setUint16(0, 0xfeff, le);
			for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), le);
			return out;
		}
		case 'windows-1257':
		case 'windows-1252': {
			const table = codePage(encoding);
			const out = new Uint8Array(text.length);
			let n = 0;
			for (const ch of text) {
				const c = ch.codePointAt(0) as number;
				out[n++] = c < 0x80 ? c : (table.get(ch) ?? 0x3f);
			}
			return out.subarray(0, n);
		}
	}
}

const CODE_PAGES = new Map<string, Map<string, number>>();

/** Character → byte for 0x80–0xFF of a Windows code page, from the decoders the importer uses. */
function codePage(encoding: 'windows-1257' | 'windows-1252'): Map<string, number> {
	let table = CODE_PAGES.get(encoding);
	if (table) return table;
	const bytes = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
	const chars =
		encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder('windows-1257').decode(bytes);
	table = new Map();
	for (let i = 0; i < 128; i++)
		if (chars[i] !== '\uFFFD' && !table.has(chars[i])) table.set(chars[i], 0x80 + i);
	CODE_PAGES.set(encoding, table);
	return table;
}

/** Whether every character of the text has a byte in the encoding (UTF-* have all). */
export function canEncode(text: string, encoding: Encoding): boolean {
	if (encoding !== 'windows-1257' && encoding !== 'windows-1252') return true;
	const table = codePage(encoding);
	for (const ch of text) if (ch.codePointAt(0)! >= 0x80 && !table.has(ch)) return false;
	return true;
}
