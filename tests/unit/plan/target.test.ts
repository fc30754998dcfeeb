import { describe, it, expect } from 'vitest';
import { numberWord, parseTarget } from '$lib/plan';
import type { TargetUnit } from '$lib/types';
import { COLUMN, planColumn } from './planColumns';

/** Every Sihttase (target) of the plan, with its value and unit worked out by hand from metrics.md. */
const PLAN_TARGETS: [nr: string, sihttase: string, value: number, unit: TargetUnit][] = [
	['1.1.1', 'Juhend muudetud', 1, 'binary'],
	['1.1.2', 'Vähemalt 3 analüüs', 3, 'count'],
	['1.1.3', 'Vastavad näitajad/ indikaatorid lisatud valdkonnaülel ja vähemalt 3 valdkonnas', 3, 'count'],
	['1.1.4.', '>0 (vähemalt 1)', 1, 'count'],
	['1.1.5', 'Vähemalt 1 koolitus', 1, 'count'],
	['1.2.1', 'Vähemalt 3', 3, 'count'],
	['1.2.2', '', 1, 'binary'],
	['1.2.3', '', 1, 'binary'],
	['1.2.4', 'Vähemalt 3 valdkonnas', 3, 'count'],
	['2.1.1', 'Valdkonnaüleline vaade lõpp-protokolliga lisatud', 1, 'binary'],
	['2.2.1', 'Juhtühm moodustatud ja vähemalt 2 korda kogunenud', 2, 'count'],
	['2.2.2', 'Vähemalt 2 valdkonnas', 2, 'count'],
	['2.3.1', 'Vähemalt kolmes ministeeriumis', 3, 'count'],
	['2.3.2', 'Vähemalt 2 ministeeriumis', 2, 'count'],
	['2.4.1', 'Vähemalt kahes valdkonnas', 2, 'count'],
	['2.5.1', 'Ametikoht moodustatud ja täidetud', 1, 'binary'],
	['2.5.2', 'Võrgustik moodustatud, tegevuskava olemas, vähemalt 3 regulaarset kohtumist', 3, 'count'],
	['2.5.3', 'Keskfond loodud, sisu vähemalt kahes valdkonnas', 2, 'count'],
	['2.5.4', '', 1, 'binary'],
	['2.5.5', 'Vähemalt kahes valdkonnas', 2, 'count'],
	['2.5.6', 'Vähemalt kahes valdkonnas', 2, 'count'],
	['2.5.7', 'Raamistik loodud, vähemalt 5 roteerimist toimunud', 5, 'count'],
	['2.5.8', 'Süsteem olemas ja kasutatakse vähemalt 20 KOV-is', 20, 'count'],
	['2.6.1', 'Vähemalt ühel korral aastas ühine seminar', 1, 'count'],
	[
		'2.6.2',
		'Perioodi (2023-2025) keskmiselt vähemalt 40% kesksete koolituste puhul KOV sihtrühmana kaasatud',
		40,
		'percent'
	],
	['2.6.3', 'Otsus vastu võetud', 1, 'binary'],
	['3.1.1', 'Otsus vastu võetud', 1, 'binary'],
	['3.1.2', 'Koolitusprogramm toimunud, vähemalt 25% volinikest osalenud', 25, 'percent'],
	['3.1.3', 'Arenguprogramm toimunud, vähemalt 25 KOV juhti osalenud', 25, 'count'],
	['3.1.4', 'Vähemalt ühel koolitus/ arendustegevus aastas', 1, 'count'],
	['3.2.1.', 'Vähemalt 4 uut kompetentsiloendit koostatud ja arendustegevuses kasutatud', 4, 'count'],
	['3.2.2', 'Vähemalt 4 valdkonnas kompetentsiloendit arendustegevuses kasutatud', 4, 'count'],
	['3.3.1', 'Vähemalt 5 valdkonda määratletud, tegevuste kavandamisel arvestatud', 5, 'count'],
	['3.3.2', 'Igas valdkonnas vähemalt 1 arendustegevus', 1, 'count'],
	['3.3.2.1', 'Vähemalt 2 valdkondade ülest/ ühist algatust', 2, 'count'],
	['3.3.2.2', 'Vähemalt 2 ministeeriumide ülest/ ühist algatust', 2, 'count'],
	['3.3.2.3', 'Vähemalt 2 valdkonnas ministeeriumide ülest algatust', 2, 'count'],
	['3.3.2.4', 'Vähemalt 2 ministeeriumide ülest algatust', 2, 'count'],
	['3.3.2.5', 'Vähemalt 1 ministeeriumide ülene algatus KOV toetamiseks', 1, 'count'],
	['3.3.2.6', 'Vähemalt 2 ministeeriumide ülest algatust', 2, 'count'],
	['4.1.1', 'Kõigis valdkondades esitatud', 1, 'binary'],
	['4.1.2', 'Tegevuskava perioodiks 2022-2025 ajakohastatud', 1, 'binary']
];

describe('parseTarget(text) on every Sihttase of the plan', () => {
	it('the table holds the 42 activities and their Sihttase exactly as the plan writes them', () => {
		expect(PLAN_TARGETS.map(([nr, text]) => [nr, text])).toEqual(planColumn(COLUMN.sihttase));
	});
	it.each(PLAN_TARGETS)('%s: %j → %d %s', (_nr, text, value, unit) => {
		expect(parseTarget(text)).toEqual({ value, unit });
	});
});

describe('numberWord(word)', () => {
	it.each([
		['üks', 1],
		['ühe', 1],
		['ühel', 1],
		['ühes', 1],
		['ühest', 1],
		['ühele', 1],
		['üheks', 1],
		['ühega', 1],
		['üht', 1],
		['ühte', 1],
		['kaks', 2],
		['kahe', 2],
		['kahes', 2],
		['kahel', 2],
		['kaheks', 2],
		['kaht', 2],
		['kahte', 2],
		['kolm', 3],
		['kolme', 3],
		['kolmes', 3],
		['kolmel', 3],
		['kolmest', 3],
		['kolmeks', 3],
		['neli', 4],
		['nelja', 4],
		['neljas', 4],
		['neljal', 4],
		['neljale', 4],
		['viis', 5],
		['viie', 5],
		['viies', 5],
		['viiel', 5],
		['viiest', 5],
		['viit', 5],
		['kuus', 6],
		['kuue', 6],
		['kuues', 6],
		['kuuel', 6],
		['kuut', 6],
		['seitse', 7],
		['seitsme', 7],
		['seitsmes', 7],
		['seitsmel', 7],
		['seitset', 7],
		['kaheksa', 8],
		['kaheksas', 8],
		['kaheksal', 8],
		['kaheksat', 8],
		['üheksa', 9],
		['üheksas', 9],
		['üheksal', 9],
		['üheksat', 9],
		['kümme', 10],
		['kümne', 10],
		['kümnes', 10],
		['kümnel', 10],
		['kümmet', 10]
	])('reads %s as %d', (word, value) => {
		expect(numberWord(word)).toBe(value);
	});
	it('ignores letter case', () => {
		expect([numberWord('Kolmes'), numberWord('KAHES'), numberWord('Ühel')]).toEqual([3, 2, 1]);
	});
	it.each(['ühine', 'ühised', 'üksus', 'kolmapäev', 'kolmandas', 'kahekesi', 'kümnend', 'viide', 'valdkond'])(
		'does not read %s as a number',
		(word) => {
			expect(numberWord(word)).toBeNull();
		}
	);
});

describe('parseTarget(text)', () => {
	it.each([
		['Vähemalt ühel korral aastas', 1],
		['Vähemalt kahes valdkonnas', 2],
		['Vähemalt kolmes ministeeriumis', 3],
		['Koolitus toimunud neljas maakonnas', 4],
		['Vähemalt viiel seminaril osalenud', 5],
		['Kümme KOV-i liitunud', 10],
		['Vähemalt ühte valdkonda kaasatud', 1]
	])('reads the number word in %j as %d count', (text, value) => {
		expect(parseTarget(text)).toEqual({ value, unit: 'count' });
	});
	it('takes the number after vähemalt over an earlier number', () => {
		expect(parseTarget('3 analüüsi, neist vähemalt 1 avalikustatud')).toEqual({ value: 1, unit: 'count' });
	});
	it('takes the number after vähemalt over an earlier number word', () => {
		expect(parseTarget('Seitsmes maakonnas vähemalt 2 koolitust')).toEqual({ value: 2, unit: 'count' });
	});
	it('takes the first standalone number when there is no vähemalt', () => {
		expect(parseTarget('3 koolitust ja 100 osalejat')).toEqual({ value: 3, unit: 'count' });
	});
	it('finds vähemalt in capitals', () => {
		expect(parseTarget('VÄHEMALT 3 analüüsi')).toEqual({ value: 3, unit: 'count' });
	});
	it('makes a percent of a number with % right after it', () => {
		expect(parseTarget('25% volinikest osalenud')).toEqual({ value: 25, unit: 'percent' });
	});
	it('reads a decimal comma', () => {
		expect(parseTarget('vähemalt 12,5% osalenud')).toEqual({ value: 12.5, unit: 'percent' });
	});
	it('never takes a year for the target', () => {
		expect(parseTarget('Analüüs valmis 2024. aastal')).toEqual({ value: 1, unit: 'binary' });
	});
	it('never takes a year range with an en dash for the target', () => {
		expect(parseTarget('Tegevuskava perioodiks 2022–2025 kinnitatud')).toEqual({ value: 1, unit: 'binary' });
	});
	it('skips a bracketed year range and takes the number after it', () => {
		expect(parseTarget('Tegevuskava (2023-2025) kinnitatud, 3 koosolekut')).toEqual({
			value: 3,
			unit: 'count'
		});
	});
	it('skips a school-year range before vähemalt', () => {
		expect(parseTarget('2023/2024 õppeaastal vähemalt 15% töötajatest')).toEqual({
			value: 15,
			unit: 'percent'
		});
	});
	it('reads >0 (vähemalt 1) as 1 count', () => {
		expect(parseTarget('>0 (vähemalt 1)')).toEqual({ value: 1, unit: 'count' });
	});
	it('makes a binary target of a text without a number', () => {
		expect(parseTarget('Ühine seminar toimunud')).toEqual({ value: 1, unit: 'binary' });
	});
	it('makes a binary target of an empty or blank text', () => {
		expect([parseTarget(''), parseTarget('   ')]).toEqual([
			{ value: 1, unit: 'binary' },
			{ value: 1, unit: 'binary' }
		]);
	});
});
