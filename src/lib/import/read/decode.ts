import type { Encoding } from '../types';
import { decodeWindows1252 } from './windows1252';

/**
 * Bytes → text, detecting UTF-8 (with or without BOM), Windows-1257 (Baltic; what Estonian Excel
 * writes) and Windows-1252. Hand-written because common charset detectors do not know 1257.
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
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
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
				utf8Lines.push(line);
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
