import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	Corrector,
	correctionLabel,
	effectiveCorrections,
	hasCorrection,
	parseCorrection,
	suggestCorrections,
	withCorrection,
	withoutCorrection
} from '../../../src/lib/import/datasets/corrections';
import { analyseFile, type Correction } from '../../../src/lib/import';
import { parsePlan } from '../../../src/lib/plan/parsePlan';
import { municipalities } from '../municipalities';

const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));
const activityIds = new Set(plan.map((a) => a.activity_id));
const ctx = { activityIds, municipalities };
const bytes = (text: string) => new TextEncoder().encode(text);

/** A progress report as an owner's Estonian Excel export has it: 1.1.3 turned into a date, 2,3,1. */
const PROGRESS = [
	'Nr;Aasta;Staatus;Tegelik;Siht;Kommentaar',
	'01.01.2003;2024;Töös;2;4;Koolitusvajaduse analüüs tehtud',
	'2,3,1;2024;Tehtud;1;1;',
	'01.01.2003;2023;Töös;1;4;',
	'9.9.9;2024;Töös;1;1;',
	'1.1.1;2024;Tehtud;1;1;'
].join('\r\n');

/** Service levels with a misspelt, an ambiguous and an unknown name. */
const LEVELS = [
	'Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik',
	'Tallin;2024;Haridus;Lasteaiakoha ootejärjekord;12;last',
	'Tallin;2023;Haridus;Lasteaiakoha ootejärjekord;15;last',
	'Tartu;2024;Haridus;Lasteaiakoha ootejärjekord;5;last',
	'Atlantis;2024;Haridus;Lasteaiakoha ootejärjekord;5;last',
	'Saue vald;2024;Haridus;Lasteaiakoha ootejärjekord;3;last'
].join('\r\n');

describe('suggestCorrections(issues, context): what the preview offers for each value', () => {
	it('a progress report: an Excel date and other separators, each value once with its rows', () => {
		const a = analyseFile(bytes(PROGRESS), { dataset: 'progress' }, ctx);
		expect(suggestCorrections(a.errors, ctx)).toEqual([
			{
				field: 'activity_id',
				column: 'Nr',
				value: '01.01.2003',
				rows: 2,
				options: [{ to: '1.1.3', label: '1.1.3' }]
			},
			{
				field: 'activity_id',
				column: 'Nr',
				value: '2,3,1',
				rows: 1,
				options: [{ to: '2.3.1', label: '2.3.1' }]
			},
			{ field: 'activity_id', column: 'Nr', value: '9.9.9', rows: 1, options: [] }
		]);
	});

	it('service levels: near names, both meanings of a bare name, nothing for a name like none', () => {
		const a = analyseFile(bytes(LEVELS), { dataset: 'service_levels' }, ctx);
		const s = suggestCorrections(a.errors, ctx);
		expect(s.map((x) => [x.value, x.rows, x.options.map((o) => o.label)])).toEqual([
			['Tallin', 2, ['Tallinn']],
			['Tartu', 1, ['Tartu linn', 'Tartu vald']],
			['Atlantis', 1, []]
		]);
		expect(s[0].options[0].to).toBe('0784');
		expect(s.every((x) => x.field === 'municipality' && x.column === 'Omavalitsus')).toBe(true);
	});

	it('the values in the most rows come first; values in as many rows keep the file order', () => {
		const rows = ['Atlantis', 'Tartu', 'Tallin', 'Pärnuu', 'Tallin', 'Pärnuu', 'Vöru', 'Pärnuu'];
		const file = [
			'Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik',
			...rows.map((m, i) => `${m};${2020 + i};Haridus;Lasteaiakoha ootejärjekord;1;last`)
		].join('\r\n');
		const a = analyseFile(bytes(file), { dataset: 'service_levels' }, ctx);
		const s = suggestCorrections(a.errors, ctx);
		expect(s.map((x) => [x.value, x.rows])).toEqual([
			['Pärnuu', 3],
			['Tallin', 2],
			['Atlantis', 1],
			['Tartu', 1],
			['Vöru', 1]
		]);
	});

	it("a training's link to no plan activity (a warning) is offered too; other issues are not", () => {
		const a = analyseFile(
			bytes(
				[
					'Programm;Tegevus;Algus;Lõpp;Omavalitsus;Registreerunud',
					'Avatud valitsemise ja digivõimekuse töötoad;3,3,2,1;07.09.2021;08.09.2021;Saue vald;26',
					'Avatud valitsemise ja digivõimekuse töötoad;3.3.2.1;eile;08.09.2021;Saue vald;viis'
				].join('\r\n')
			),
			{ dataset: 'trainings' },
			ctx
		);
		expect(a.errors.map((e) => e.code)).toEqual(['invalid_date', 'invalid_count']);
		expect(suggestCorrections([...a.errors, ...a.warnings], ctx)).toEqual([
			{
				field: 'activity_id',
				column: 'Tegevus',
				value: '3,3,2,1',
				rows: 1,
				options: [{ to: '3.3.2.1', label: '3.3.2.1' }]
			}
		]);
	});
});

describe('the import read through the corrections (AnalyseOptions.corrections)', () => {
	it('progress: the corrected rows are valid, carry the plan number and are counted', () => {
		const corrections: Correction[] = [
			{ field: 'activity_id', from: '01.01.2003', to: '1.1.3' },
			{ field: 'activity_id', from: '2,3,1', to: '2.3.1' }
		];
		const before = analyseFile(bytes(PROGRESS), { dataset: 'progress' }, ctx);
		const a = analyseFile(bytes(PROGRESS), { dataset: 'progress', corrections }, ctx);
		expect(before.rows).toHaveLength(1);
		expect(a.rows.map((r) => (r as { activity_id: string }).activity_id)).toEqual([
			'1.1.3',
			'2.3.1',
			'1.1.3',
			'1.1.1'
		]);
		expect(a.errors.map((e) => [e.row, e.value, e.code])).toEqual([[5, '9.9.9', 'unknown_activity']]);
		expect(a.corrected).toEqual([
			{ field: 'activity_id', from: '01.01.2003', to: '1.1.3', rows: 2 },
			{ field: 'activity_id', from: '2,3,1', to: '2.3.1', rows: 1 }
		]);
	});

	it('service levels: a name read as the chosen municipality; a correction for another field is not used', () => {
		const a = analyseFile(
			bytes(LEVELS),
			{
				dataset: 'service_levels',
				corrections: [
					{ field: 'municipality', from: 'Tallin', to: '0784' },
					{ field: 'municipality', from: 'Tartu', to: '0796' },
					{ field: 'activity_id', from: 'Atlantis', to: '1.1.1' }
				]
			},
			ctx
		);
		expect(a.rows.map((r) => (r as { ehak_code: string }).ehak_code)).toEqual([
			'0784',
			'0784',
			'0796',
			'0726'
		]);
		expect(a.errors.map((e) => e.value)).toEqual(['Atlantis']);
		expect(a.corrected?.map((c) => [c.from, c.rows])).toEqual([
			['Tallin', 2],
			['Tartu', 1],
			['Atlantis', 0]
		]);
	});

	it('a wide table (one column per year) is read through them too', () => {
		const a = analyseFile(
			bytes(['Omavalitsus;Näitaja;2023;2024', 'Tallin;Lasteaiakoha ootejärjekord;15;12'].join('\r\n')),
			{ corrections: [{ field: 'municipality', from: 'Tallin', to: '0784' }] },
			ctx
		);
		expect(a.wide?.applied).toBeDefined();
		expect(a.errors).toEqual([]);
		expect(a.corrected).toEqual([{ field: 'municipality', from: 'Tallin', to: '0784', rows: 2 }]);
	});

	it('without corrections the analysis has no `corrected`', () => {
		expect(analyseFile(bytes(LEVELS), { dataset: 'service_levels' }, ctx).corrected).toBeUndefined();
	});
});

describe('Corrector, withCorrection, withoutCorrection, correctionLabel', () => {
	it('matches the trimmed cell, per field, and counts each read', () => {
		const fix = new Corrector([{ field: 'municipality', from: ' Tallin ', to: '0784' }]);
		expect(fix.read('municipality', 'Tallin  ')).toBe('0784');
		expect(fix.read('municipality', 'tallin')).toBe('tallin');
		expect(fix.read('activity_id', 'Tallin')).toBe('Tallin');
		expect(fix.find('municipality', '\tTallin')?.to).toBe('0784');
		expect(fix.applied()).toEqual([{ field: 'municipality', from: 'Tallin', to: '0784', rows: 1 }]);
	});

	it('one correction per value: a new choice replaces the old one; removing leaves the others', () => {
		const a: Correction = { field: 'municipality', from: 'Tartu', to: '0793' };
		const b: Correction = { field: 'municipality', from: 'Tartu', to: '0796' };
		const c: Correction = { field: 'activity_id', from: 'Tartu', to: '1.1.1' };
		expect(withCorrection(withCorrection([a, c], b), b)).toEqual([c, b]);
		expect(withoutCorrection([a, c], { ...a, to: 'x' })).toEqual([c]);
		expect(withoutCorrection(undefined, a)).toEqual([]);
	});

	it('names a municipality by its name and an activity by its number', () => {
		expect(correctionLabel({ field: 'municipality', from: 'Tallin', to: '0784' }, ctx)).toBe('Tallinn');
		expect(correctionLabel({ field: 'activity_id', from: '2,3,1', to: '2.3.1' }, ctx)).toBe('2.3.1');
		expect(correctionLabel({ field: 'municipality', from: 'x', to: '9999' }, null)).toBe('9999');
	});
});

describe('parseCorrection(text, context): the command line\'s --correct "VALUE=MEANING"', () => {
	it.each([
		['Tallin=Tallinn', { field: 'municipality', from: 'Tallin', to: '0784' }],
		['Saarema vald = 0714', { field: 'municipality', from: 'Saarema vald', to: '0714' }],
		['Tartu=Tartu vald', { field: 'municipality', from: 'Tartu', to: '0796' }],
		['01.01.2003=1.1.3', { field: 'activity_id', from: '01.01.2003', to: '1.1.3' }],
		['a=b=2.3.1', { field: 'activity_id', from: 'a=b', to: '2.3.1' }]
	])('%j', (text, correction) => expect(parseCorrection(text, ctx)).toEqual({ correction }));
	it.each([
		['Tallinn', 'syntax'],
		['=Tallinn', 'syntax'],
		['Tallin=', 'syntax'],
		['Tallin=Atlantis', 'unknown'],
		['Tallin=9.9.9', 'unknown'],
		['Tartuu=Tartu', 'ambiguous']
	])('%j: %s', (text, error) => expect(parseCorrection(text, ctx)).toEqual({ error }));
});

describe('effectiveCorrections(remembered, chosen, set aside): what a file is read through', () => {
	const tallinn: Correction = { field: 'municipality', from: 'Tallin', to: '0784' };
	const tartu: Correction = { field: 'municipality', from: 'Tartu', to: '0793' };
	const tartuVald: Correction = { field: 'municipality', from: 'Tartu', to: '0796' };
	const date: Correction = { field: 'activity_id', from: '01.01.2003', to: '1.1.3' };
	it("the remembered ones, then this file's choices; a choice for the same value wins", () => {
		expect(effectiveCorrections([tallinn, tartu], [tartuVald, date], [])).toEqual([tallinn, tartuVald, date]);
	});
	it('a remembered one set aside for this file is left out; the others stay', () => {
		expect(effectiveCorrections([tallinn, tartu], undefined, [{ ...tartu, to: 'any' }])).toEqual([tallinn]);
	});
	it('hasCorrection finds a value whatever it is read as', () => {
		expect(hasCorrection([tartu], tartuVald)).toBe(true);
		expect(hasCorrection([tartu], { ...tartu, field: 'activity_id' })).toBe(false);
		expect(hasCorrection(undefined, tartu)).toBe(false);
	});
});
