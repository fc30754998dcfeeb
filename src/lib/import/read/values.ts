/**
 * Typed values as Estonian exports write them. Each parser returns the value, `null` for an empty
 * cell, or `undefined` when the text is not a valid value of that type.
 */
import { isValid, parse } from 'date-fns';

const SPACES = /[\s\u00a0\u202f\u2009]/g;

/** `1 234,5`, `1234.5`, `1,5`, `−3`, `+2`; thousands separators: space, NBSP, narrow NBSP. */
export function parseNumber(text: string | null | undefined): number | null | undefined {
	if (text === null || text === undefined) return null;
	let s = text.trim();
	if (s === '') return null;
	s = s.replace(/^[−–]/, '-').replace(SPACES, '');
	if (/^[-+]?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
	if (/^[-+]?\d+(\.\d+)?$/.test(s)) return Number(s);
	if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
	if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
	if (/^[-+]?[.,]\d+$/.test(s)) return Number(s.replace(',', '.'));
	return undefined;
}

/** A value as Excel writes a percent cell: `45%`, `45 %`, `45,5 %` (any space before the sign). */
const PERCENT_SIGN = /[\s\u00a0\u202f\u2009]*%$/;

/**
 * A measured value: a number (any form `parseNumber` reads) or a percent cell as Excel writes it to
 * CSV (`45%`, `45 %`, `45,5 %`, `−2,5 %`), which reads as 45 / 45.5 / −2.5 with `percent` set — the
 * caller decides whether a percentage is allowed there (the activity's or the indicator's unit).
 */
export function parseMeasure(
	text: string | null | undefined
): { value: number; percent: boolean } | null | undefined {
	if (text === null || text === undefined) return null;
	const s = text.trim();
	if (s === '') return null;
	const percent = PERCENT_SIGN.test(s);
	const n = parseNumber(percent ? s.replace(PERCENT_SIGN, '') : s);
	if (n === null || n === undefined) return undefined;
	return { value: n, percent };
}

/** A whole number (counts, years). */
export function parseInteger(text: string | null | undefined): number | null | undefined {
	const n = parseNumber(text);
	if (n === null || n === undefined) return n;
	return Number.isInteger(n) ? n : undefined;
}

const DATE_FORMATS = ['dd.MM.yyyy', 'd.M.yyyy', 'yyyy-MM-dd', 'd.M.yy'];
const REFERENCE = new Date(2000, 0, 1);

/** `dd.mm.yyyy`, `d.m.yyyy`, `yyyy-mm-dd` (also with a time part) → ISO `yyyy-mm-dd`. */
export function parseDate(text: string | null | undefined): string | null | undefined {
	if (text === null || text === undefined) return null;
	const s = text.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, '');
	if (s === '') return null;
	for (const f of DATE_FORMATS) {
		if (f.length > s.length + 2) continue;
		const d = parse(s, f, REFERENCE);
		if (isValid(d) && d.getFullYear() >= 1900 && d.getFullYear() <= 2100) {
			const y = String(d.getFullYear()).padStart(4, '0');
			const m = String(d.getMonth() + 1).padStart(2, '0');
			const day = String(d.getDate()).padStart(2, '0');
			return `${y}-${m}-${day}`;
		}
	}
	return undefined;
}

const TRUE = new Set(['true', 'jah', 'yes', '1', 'tõene', 'x', 'y', 'j']);
const FALSE = new Set(['false', 'ei', 'no', '0', 'väär', 'n', 'e']);

export function parseBoolean(text: string | null | undefined): boolean | null | undefined {
	if (text === null || text === undefined) return null;
	const s = text.trim().toLocaleLowerCase('et');
	if (s === '') return null;
	if (TRUE.has(s)) return true;
	if (FALSE.has(s)) return false;
	return undefined;
}

/** Satisfaction: `95%`, `95,0` and `0,95` all mean 95 (data-contract "trainings"). */
export function parsePercent(text: string | null | undefined): number | null | undefined {
	if (text === null || text === undefined) return null;
	const s = text.trim().replace(/\s*%$/, '');
	const n = parseNumber(s);
	if (n === null || n === undefined) return n;
	const value = n > 0 && n <= 1 && !/%/.test(text) && /[.,]/.test(s) ? n * 100 : n;
	return Math.round(value * 1e9) / 1e9;
}

/**
 * Header matching ignores case, surrounding and repeated inner whitespace, the punctuation `._-/`
 * and diacritics: `Tähtaeg`, `tahtaeg` and ` TÄHTAEG ` are the same column.
 */
export function normalizeHeader(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[._\-/]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
