import type { Encoding } from '../types';
import { decodeWindows1252 } from './windows1252';

/**
 * Bytes → text, detecting UTF-16 (LE or BE: Excel's "Unicode Text" export, with a BOM; without one
 * when every other byte is zero), UTF-8 (with or without BOM), Windows-1257 (Baltic; what Estonian
 * Excel writes) and Windows-1252. Hand-written because common charset detectors do not know 1257.
 * õ ä ö ü are the same byte in both code pages; š ž Š Ž differ: 1257 has them at F0 FE D0 DE, 1252
 * at 9A 9E 8A 8E (where 1257 has no letters).
 */
export function decodeBytes(bytes: Uint8Array): {
	text: string;
	encoding: Encoding;
	/** Lines (1-based) that were valid UTF-8 in an otherwise single-byte file: decoded as UTF-8. */
	mixedLines?: number[];
} {
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
	}
	const utf16 = utf16Of(bytes);
	if (utf16) return { text: decodeUtf16(bytes, utf16), encoding: utf16 };
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		if (!implausibleUtf8(text)) return { text, encoding: 'utf-8' };
		throw new Error('single-byte text that happens to be valid UTF-8');
	} catch {
		const encoding = guessSingleByte(bytes);
		const single = (b: Uint8Array) =>
			encoding === 'windows-1252' ? decodeWindows1252(b) : new TextDecoder(encoding).decode(b);
		const mixed = decodeMixed(bytes, single);
		if (mixed) return { text: mixed.text, encoding, mixedLines: mixed.utf8Lines };
		return { text: single(bytes), encoding };
	}
}

/**
 * A file put together from two exports (one UTF-8, one Windows-125x): each line is decoded on its
 * own, UTF-8 where the line is valid UTF-8 with letters beyond ASCII, else the single-byte guess.
 * Null when no line is such UTF-8 (the common, unmixed case).
 */
function decodeMixed(
	bytes: Uint8Array,
	single: (b: Uint8Array) => string
): { text: string; utf8Lines: number[] } | null {
	if (!hasUtf8Sequence(bytes)) return null;
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	const parts: string[] = [];
	const utf8Lines: number[] = [];
	let start = 0;
	let line = 1;
	while (start <= bytes.length) {
		let end = bytes.indexOf(0x0a, start);
		if (end < 0) end = bytes.length;
		const chunk = bytes.subarray(start, end);
		let text: string | null = null;
		if (hasUtf8Sequence(chunk)) {
			try {
				text = utf8.decode(chunk);
				if (implausibleUtf8(text)) text = null;
				else utf8Lines.push(line);
			} catch {
				text = null;
			}
		}
		parts.push(text ?? single(chunk));
		start = end + 1;
		line++;
	}
	return utf8Lines.length ? { text: parts.join('\n'), utf8Lines } : null;
}

/** A UTF-8 lead byte followed by a continuation byte somewhere in the file (cheap pre-check). */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length - 1; i++) {
		const b = bytes[i];
		if (b >= 0xc2 && b <= 0xf4 && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0xbf) return true;
	}
	return false;
}

function guessSingleByte(bytes: Uint8Array): 'windows-1257' | 'windows-1252' {
	let score1252 = 0;
	let score1257 = 0;
	for (const b of bytes) {
		if (b === 0x8a || b === 0x8e || b === 0x9a || b === 0x9e) score1252++;
		else if (b === 0xd0 || b === 0xde || b === 0xf0 || b === 0xfe) score1257++;
	}
	return score1252 > score1257 ? 'windows-1252' : 'windows-1257';
}

/**
 * UTF-16 by its BOM (FF FE little-endian, FE FF big-endian), or without one when, over the first
 * kilobytes, nearly every second byte is zero and the others are not (text that is mostly ASCII).
 */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	if (bytes.length < 8 || bytes.length % 2 !== 0) return null;
	const n = Math.min(bytes.length, 4096);
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}
	const pairs = n / 2;
	if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.02) return 'utf-16le';
	if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.02) return 'utf-16be';
	return null;
}

/** UTF-16 bytes → text without the BOM; an odd last byte is dropped. */
export function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
	const hasBom =
		bytes.length >= 2 &&
		((encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) ||
			(encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff));
	const body = bytes.subarray(hasBom ? 2 : 0, bytes.length - (bytes.length % 2));
	return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

/**
 * Valid UTF-8 that a Windows-125x export of Estonian text produces by chance and real text does
 * not: CJK ideographs (ä or Ä then two bytes of 0x80–0xBF: `äšž` in 1252), Armenian to NKo
 * (Õ Ö Ü then one such byte), and Ċ Ď Ě Ğ (Ä then š/ž/Š/Ž in 1252) — when the text has no other
 * letter beyond ASCII (a UTF-8 file with õ ä ö ü is UTF-8 whatever else it holds). The price: a
 * BOM-less UTF-8 file whose only non-ASCII text is such script is read as Windows-125x.
 */
function implausibleUtf8(text: string): boolean {
	return IMPLAUSIBLE.test(text) && !LATIN_LETTER.test(text);
}
const IMPLAUSIBLE = /[\u3400-\u9fff\u0530-\u07ff\u010a\u010e\u011a\u011e]/;
const LATIN_LETTER = /[\u00c0-\u00ff\u0100-\u0109\u010b-\u010d\u010f-\u0119\u011b-\u011d\u011f-\u024f]/;
