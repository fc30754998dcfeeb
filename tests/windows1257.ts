/**
 * Windows-1257 bytes for test files: the letters Estonian names and headers use, the en dash and
 * ASCII. An analyst's Excel export is in this encoding; Node has no encoder for it.
 */
export const CP1257: Record<string, number> = {
	õ: 0xf5,
	ä: 0xe4,
	ö: 0xf6,
	ü: 0xfc,
	Õ: 0xd5,
	Ä: 0xc4,
	Ö: 0xd6,
	Ü: 0xdc,
	š: 0xf0,
	ž: 0xfe,
	Š: 0xd0,
	Ž: 0xde,
	'–': 0x96
};

export function windows1257(text: string): Uint8Array {
	const out = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		const code = c.charCodeAt(0);
		if (code < 0x80) out[i] = code;
		else if (c in CP1257) out[i] = CP1257[c];
		else throw new Error(`no Windows-1257 byte for ${c}`);
	}
	return out;
}
