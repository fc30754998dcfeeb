import type { FileProblem } from '../types';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_COLUMNS = 500;

/** File-level checks on the raw bytes: empty, too large, binary. */
export function byteProblem(bytes: Uint8Array): FileProblem | null {
	if (bytes.length > MAX_FILE_BYTES)
		return { code: 'too_large', params: { size: `${Math.round(MAX_FILE_BYTES / 1048576)} MB` } };
	let nonSpace = false;
	const sample = bytes.subarray(0, 64 * 1024);
	let control = 0;
	for (const b of sample) {
		if (b === 0) return { code: 'binary', params: {} };
		if (b < 9 || (b > 13 && b < 32)) control++;
		if (b > 32) nonSpace = true;
	}
	if (!nonSpace && bytes.length <= sample.length) return { code: 'empty', params: {} };
	if (control > sample.length * 0.05) return { code: 'binary', params: {} };
	return null;
}

/** HTML saved with a .csv name (a web page or an Excel "Save as web page"). */
export function isHtml(text: string): boolean {
	return /^\s*(<!doctype\s+html|<html[\s>]|<table[\s>]|<\?xml[^>]*>\s*<html)/i.test(text.slice(0, 2048));
}
