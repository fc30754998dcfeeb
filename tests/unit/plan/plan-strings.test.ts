import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTarget, parseOwners, parseDeadline, numberWord } from '../../../src/lib/plan';

/**
 * Every target, owner and deadline string of the plan's 42 activities (columns Sihttase,
 * Peavastutaja, Kaasvastutajad, Tähtaeg of seed 001), with the values worked out by hand from
 * metrics.md. The strings are read from the plan file, so a changed plan fails here loudly.
 */
const MIN = ['HTM', 'KeM', 'KuM', 'MeM', 'MKM', 'SiM', 'SoM'];
type U = 'count' | 'percent' | 'binary';
const EXPECTED: [
	id: string,
	target: [number, U],
	lead: string[],
	co: string[],
	deadline: [number | null, boolean, boolean]
][] = [
	['1.1.1', [1, 'binary'], ['RM'], MIN, [2023, false, false]],
	['1.1.2', [3, 'count'], MIN, [], [2025, false, false]],
	['1.1.3', [3, 'count'], ['RM'], MIN, [2023, false, false]],
	['1.1.4.', [1, 'count'], ['RM'], ['Ministeeriumid'], [2022, false, false]],
	['1.1.5', [1, 'count'], ['RM'], ['RM', 'RTK'], [2023, false, false]],
	['1.2.1', [3, 'count'], ['RM', 'ELVL', 'RTK'], MIN, [2023, false, false]],
	['1.2.2', [1, 'binary'], ['ELVL'], ['RM'], [2023, false, false]],
	['1.2.3', [1, 'binary'], ['ELVL'], ['RM'], [2024, false, false]],
	['1.2.4', [3, 'count'], MIN, ['RTK'], [2022, false, false]],
	['2.1.1', [1, 'binary'], ['RM'], MIN, [2023, true, false]],
	['2.2.1', [2, 'count'], ['RM'], MIN, [2022, false, false]],
	['2.2.2', [2, 'count'], MIN, [], [2023, false, false]],
	['2.3.1', [3, 'count'], MIN, [], [2023, false, false]],
	['2.3.2', [2, 'count'], MIN, [], [null, false, false]],
	['2.4.1', [2, 'count'], [...MIN, 'ELVL'], ['Ülikoolid'], [2023, false, false]],
	['2.5.1', [1, 'binary'], ['ELVL'], ['RM'], [2022, false, false]],
	['2.5.2', [3, 'count'], ['ELVL'], ['RM'], [2023, true, false]],
	['2.5.3', [2, 'count'], ['ELVL'], ['RM'], [2023, false, false]],
	['2.5.4', [1, 'binary'], ['ELVL'], MIN, [2023, false, false]],
	['2.5.5', [2, 'count'], ['ELVL'], ['RM'], [2023, false, false]],
	['2.5.6', [2, 'count'], ['ELVL'], ['RM', 'Ministeeriumid'], [2023, false, false]],
	['2.5.7', [5, 'count'], ['ELVL'], ['RM', 'RK'], [2024, false, false]],
	['2.5.8', [20, 'count'], ['ELVL'], ['RM'], [2025, false, false]],
	['2.6.1', [1, 'count'], ['RM'], ['RM'], [2023, true, false]],
	['2.6.2', [40, 'percent'], ['RM', 'RTK'], ['ELVL'], [2025, false, false]],
	['2.6.3', [1, 'binary'], ['RM', 'RTK'], MIN, [2023, false, false]],
	['3.1.1', [1, 'binary'], ['RM'], ['RM', 'ELVL'], [2024, false, false]],
	['3.1.2', [25, 'percent'], ['ELVL'], MIN, [2022, false, false]],
	['3.1.3', [25, 'count'], ['RM', 'ELVL'], MIN, [2023, false, false]],
	['3.1.4', [1, 'count'], ['RK'], ['RM', 'RTK'], [2023, false, false]],
	['3.2.1.', [4, 'count'], ['RM', 'SoM', 'SiM'], ['ELVL', 'JuM'], [2025, false, false]],
	['3.2.2', [4, 'count'], MIN, ['ELVL'], [2025, false, false]],
	['3.3.1', [5, 'count'], ['RM'], ['HTM', 'SoM', 'KeM', 'KuM', 'MKM'], [2025, false, false]],
	['3.3.2', [1, 'count'], MIN, MIN, [2023, false, false]],
	['3.3.2.1', [2, 'count'], ['MKM'], ['ELVL'], [2023, false, false]],
	['3.3.2.2', [2, 'count'], ['RM', 'MKM', 'HTM', 'SoM', 'KeM'], ['Ministeeriumid'], [2023, false, false]],
	['3.3.2.3', [2, 'count'], ['RM'], MIN, [2024, false, false]],
	['3.3.2.4', [2, 'count'], ['RM'], ['MKM', 'MeM'], [2024, false, false]],
	['3.3.2.5', [1, 'count'], ['KeM'], ['MKM', 'HTM', 'Ministeeriumid'], [2024, false, false]],
	['3.3.2.6', [2, 'count'], ['RM'], MIN, [2025, false, false]],
	['4.1.1', [1, 'binary'], ['RM'], MIN, [2023, false, true]],
	['4.1.2', [1, 'binary'], ['RM'], MIN, [2023, false, true]]
];

const rows = new Map(
	readFileSync('data/plan-2022-2025.txt', 'utf8')
		.split(/\r?\n/)
		.map((l) => l.split('\t'))
		.filter((c) => /^\d+(\.\d+){2,3}\.?$/.test(c[0]))
		.map((c) => [c[0], c] as const)
);

describe('the plan has exactly the 42 activities listed here', () => {
	it('same ids, same order', () => expect([...rows.keys()]).toEqual(EXPECTED.map((e) => e[0])));
});

describe.each(EXPECTED)('activity %s', (id, [value, unit], lead, co, [year, extended, recurring]) => {
	const cells = rows.get(id)!;
	it(`parseTarget(${JSON.stringify(cells[4])}) → ${value} ${unit}`, () =>
		expect(parseTarget(cells[4])).toEqual({ value, unit }));
	it(`parseOwners(${JSON.stringify(cells[5])}) and co-owners ${JSON.stringify(cells[6])}`, () => {
		expect(parseOwners(cells[5])).toEqual(lead);
		expect(parseOwners(cells[6])).toEqual(co);
	});
	it(`parseDeadline(${JSON.stringify(cells[8])})`, () =>
		expect(parseDeadline(cells[8])).toEqual({ year, extended, recurring }));
});

describe('numberWord(word) — Estonian number words in any case form', () => {
	it.each([
		['üks', 1],
		['ühel', 1],
		['ühe', 1],
		['kaks', 2],
		['kahes', 2],
		['kahe', 2],
		['kolm', 3],
		['kolmes', 3],
		['neli', 4],
		['neljas', 4],
		['viis', 5],
		['viiel', 5],
		['kuus', 6],
		['seitsmes', 7],
		['kaheksa', 8],
		['üheksa', 9],
		['kümme', 10],
		['kümnes', 10],
		['KOLMES', 3]
	])('%s → %d', (w, n) => expect(numberWord(w)).toBe(n));
	it.each(['ühine', 'kolmapäev', 'kahekesi', 'valdkond'])('%s is not a number word', (w) =>
		expect(numberWord(w)).toBeNull()
	);
});

describe('parseTarget(text) — the rules of metrics.md on made-up strings', () => {
	it.each([
		['Vähemalt 3 analüüs', 3, 'count'],
		['Vähemalt kolmes ministeeriumis', 3, 'count'],
		['Perioodi (2023-2025) keskmiselt vähemalt 40% …', 40, 'percent'],
		['Süsteem olemas ja kasutatakse vähemalt 20 KOV-is', 20, 'count'],
		['Juhend muudetud', 1, 'binary'],
		['Tegevuskava perioodiks 2022-2025 ajakohastatud', 1, 'binary'],
		['', 1, 'binary'],
		['>0 (vähemalt 1)', 1, 'count'],
		['Aruanne 2023. aastal, 5 kohtumist', 5, 'count'],
		['12,5% osalenud', 12.5, 'percent']
	])('%j → %d %s', (text, value, unit) => expect(parseTarget(text)).toEqual({ value, unit }));
});
