import type { Target } from '$lib/types';

/**
 * Estonian number words 1–10 in any case form: the stem (nominative, genitive or the short
 * partitive/illative `üht(e)`, `kaht(e)`, `viit`, `kuut`) plus an optional case ending, e.g. `kolmes`
 * (inessive), `ühel` (adessive), `kahe` (genitive), `ühte` (partitive). metrics.md "Target".
 */
const NUMBER_STEMS: [RegExp, number][] = [
	[/^kaheksa/, 8],
	[/^üheksa/, 9],
	[/^(ühte|üht|ühe|üks)/, 1],
	[/^(kahte|kaht|kahe|kaks)/, 2],
	[/^(kolme|kolm)/, 3],
	[/^(nelja|neli)/, 4],
	[/^(viie|viis|viit)/, 5],
	[/^(kuue|kuus|kuut)/, 6],
	[/^(seitsme|seitse)/, 7],
	[/^(kümne|kümme)/, 10]
];
const CASE_ENDING = /^(|s|l|st|lt|le|ga|ks|ni|na|ta|t|d|sse)$/;

/** The value of an Estonian number word in any case form, or null. */
export function numberWord(word: string): number | null {
	const w = word.toLocaleLowerCase('et');
	for (const [stem, value] of NUMBER_STEMS) {
		const m = stem.exec(w);
		if (m && CASE_ENDING.test(w.slice(m[0].length))) return value;
	}
	return null;
}

interface NumberToken {
	value: number;
	percent: boolean;
	index: number;
}

const TOKEN = /(\d+(?:[.,]\d+)?)\s*(%?)|([\p{L}]+)/gu;
const YEAR_RANGE = /\(?\b(19|20)\d{2}\s*[-–/]\s*(19|20)\d{2}\b\)?/g;

/** Numbers in the text, in order, with years and year ranges removed (they are never targets). */
function numberTokens(text: string): NumberToken[] {
	const withoutRanges = text.replace(YEAR_RANGE, (m) => ' '.repeat(m.length));
	const tokens: NumberToken[] = [];
	for (const m of withoutRanges.matchAll(TOKEN)) {
		if (m[1] !== undefined) {
			const digits = m[1];
			const value = Number(digits.replace(',', '.'));
			if (/^(19|20)\d{2}$/.test(digits) && !m[2]) continue;
			tokens.push({ value, percent: m[2] === '%', index: m.index ?? 0 });
		} else if (m[3] !== undefined) {
			const value = numberWord(m[3]);
			if (value !== null) tokens.push({ value, percent: false, index: m.index ?? 0 });
		}
	}
	return tokens;
}

/**
 * The plan's target text (`Sihttase`) as a number and unit: the number after `vähemalt`, else the
 * first standalone number; `%` right after it makes it a percent; no number means a binary target.
 */
export function parseTarget(text: string): Target {
	const tokens = numberTokens(text ?? '');
	if (tokens.length === 0) return { value: 1, unit: 'binary' };
	const atLeast = /vähemalt/giu.exec(text);
	const chosen = (atLeast && tokens.find((t) => t.index > atLeast.index)) || tokens[0];
	if (chosen.value <= 0 && tokens.length > 1) {
		// `>0 (vähemalt 1)`: the bound 0 is not the target, the number in brackets is.
		const next = tokens.find((t) => t.value > 0);
		if (next) return { value: next.value, unit: next.percent ? 'percent' : 'count' };
	}
	return { value: chosen.value, unit: chosen.percent ? 'percent' : 'count' };
}
