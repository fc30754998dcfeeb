/**
 * Windows-1252's 0x80–0x9F block (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). Node's
 * TextDecoder decodes the `windows-1252` label as ISO-8859-1 and leaves these as C1 controls, while
 * browsers follow the WHATWG table; this keeps the import core identical in both.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	const CHUNK = 8192;
	for (let i = 0; i < bytes.length; i += CHUNK) {
		const part = bytes.subarray(i, i + CHUNK);
		const chars = new Array<string>(part.length);
		for (let k = 0; k < part.length; k++) {
			const b = part[k];
			chars[k] = b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : String.fromCharCode(b);
		}
		out += chars.join('');
	}
	return out;
}
