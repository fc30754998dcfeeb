import type { Encoding } from '../types';
import { decodeWindows1252 } from './windows1252';

/**
 * Bytes → text, detecting UTF-8 (with or without BOM), Windows-1257 (Baltic; what Estonian Excel
 * writes) and Windows-1252. Hand-written because common charset detectors do not know 1257.
 * õ ä ö ü are the same byte in both code pages; š ž Š Ž differ: 1257 has them at F0 FE D0 DE, 1252
 * at 9A 9E 8A 8E (where 1257 has no letters).
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		const encoding = guessSingleByte(bytes);
		const text =
			encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
		return { text, encoding };
	}
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
