import { describe, it, expect } from 'vitest';
import { isPlanText, parsePlan } from '$lib/plan';
import { PLAN_TEXT } from './planColumns';

const plan = parsePlan(PLAN_TEXT);
const byId = new Map(plan.map((a) => [a.activity_id, a]));

/** The 42 activity numbers of the plan, in plan order, read off the file by hand. */
const IDS = [
	...['1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.1.5', '1.2.1', '1.2.2', '1.2.3', '1.2.4'],
	...['2.1.1', '2.2.1', '2.2.2', '2.3.1', '2.3.2', '2.4.1'],
	...['2.5.1', '2.5.2', '2.5.3', '2.5.4', '2.5.5', '2.5.6', '2.5.7', '2.5.8', '2.6.1', '2.6.2', '2.6.3'],
	...['3.1.1', '3.1.2', '3.1.3', '3.1.4', '3.2.1', '3.2.2', '3.3.1', '3.3.2'],
	...['3.3.2.1', '3.3.2.2', '3.3.2.3', '3.3.2.4', '3.3.2.5', '3.3.2.6'],
	...['4.1.1', '4.1.2']
];

/** data-contract.md "activities": the directions' Estonian names. */
const DIRECTIONS: Record<number, string> = {
	1: 'KOV inimvara arendamise süsteemsus ning seotus strateegilise juhtimise ja poliitikakujundamisega',
	2: 'Koostöö ja koordineerimine inimvara arendamisel',
	3: 'Keskelt KOV inimvara arendamise toetamine',
	4: 'Tegevuskava seire ja uuendamine'
};

/** The numbered headings of the plan, one per result area. */
const RESULT_AREAS: Record<string, string> = {
	'1.1':
		'KOV inimvara arendamise vajaduse parem seostamine riigi strateegiliste arengu kavandamise ja poliitika kujundamise (sh elluviimise) protsessiga',
	'1.2': 'KOV inimvara arendamise parem seostamine KOV strateegilise juhtimise protsessiga',
	'2.1': 'Ministeeriumide vaheline KOV valdkonnapoliitikate ja prioriteetide parem sidustamine',
	'2.2':
		'Ministeeriumide ülese KOV koolitus- ja arendustegevuse planeerimise koordineerimise toimemudeli kujundamine ja käivitamine',
	'2.3': 'Ministeeriumi valitsemisala sisene koordinatsioon ja tõhusam kommunikatsioon KOV suunal',
	'2.4':
		'Koostöö ülikoolidega (sh nt mikrokraadide kujundamisel, arenguprogrammid, akadeemilise huvi tekitamine/ kasvatamine teatud valdkondades)',
	'2.5': 'ELVL personaliarenduse võimekuse ja koordineeriva rolli kujundamise toetamine',
	'2.6':
		'KOV inimvara arendamise parem seostamine riigi keskse personaliarendamise ja koolituste korraldamisega',
	'3.1': 'Juhtide arendamine ja koolitamine',
	'3.2': 'Keskse lähenemise toetamine KOV teenistujate valdkondlike kompetentside arendamises',
	'3.3': 'Valdkonnaüleste strateegiliselt oluliste kompetentside toetamine',
	'4.1': 'Tegevuskava seire ja uuendamine'
};

describe('parsePlan(text) on the plan itself (seed 001)', () => {
	it('finds exactly 42 activities', () => {
		expect(plan).toHaveLength(42);
	});
	it('keeps plan order, in ids and in seq', () => {
		expect(plan.map((a) => [a.activity_id, a.seq])).toEqual(IDS.map((id, i) => [id, i]));
	});
	it('drops the trailing dot of 1.1.4. and 3.2.1.', () => {
		expect([byId.get('1.1.4')?.title, byId.get('3.2.1')?.title]).toEqual([
			'Regionaalarengu tegevuskavas inimvara arendamisele suunatud tegevused',
			expect.stringMatching(/^KOV ametnike kompetentsimudelite laiendamine/)
		]);
	});
	it('counts 9, 17, 14 and 2 activities in directions 1 to 4', () => {
		expect([1, 2, 3, 4].map((d) => plan.filter((a) => a.direction === d).length)).toEqual([9, 17, 14, 2]);
	});
	it('takes the direction from the first segment of the id', () => {
		expect(plan.every((a) => a.direction === Number(a.activity_id.split('.')[0]))).toBe(true);
	});
	it.each([1, 2, 3, 4])('names direction %d as the plan does', (d) => {
		expect(new Set(plan.filter((a) => a.direction === d).map((a) => a.direction_name))).toEqual(
			new Set([DIRECTIONS[d]])
		);
	});
	it('takes the result area from the first two segments of the id', () => {
		expect([...new Set(plan.map((a) => a.result_area))]).toEqual(Object.keys(RESULT_AREAS));
	});
	it.each(Object.entries(RESULT_AREAS))('names result area %s after its numbered heading', (area, name) => {
		expect(new Set(plan.filter((a) => a.result_area === area).map((a) => a.result_area_name))).toEqual(
			new Set([name])
		);
	});
	it('gives the six sub-activities 3.3.2.1–3.3.2.6 the parent 3.3.2', () => {
		expect(plan.filter((a) => a.parent_id !== null).map((a) => [a.activity_id, a.parent_id])).toEqual(
			[1, 2, 3, 4, 5, 6].map((n) => [`3.3.2.${n}`, '3.3.2'])
		);
	});
	it('keeps the sub-activities in the direction and result area of their parent', () => {
		const subs = plan.filter((a) => a.parent_id === '3.3.2');
		expect(subs.every((a) => a.direction === 3 && a.result_area === '3.3')).toBe(true);
	});
	it('reads the columns of the direction-3 header (empty funding name, typo Sihetase) in place', () => {
		expect(byId.get('3.1.2')).toMatchObject({
			target_text: 'Koolitusprogramm toimunud, vähemalt 25% volinikest osalenud',
			target_value: 25,
			target_unit: 'percent',
			lead_owners: ['ELVL'],
			funding: 'RE',
			deadline_year: 2022
		});
	});
	it('parses target, owners and deadline of each activity', () => {
		expect(byId.get('1.2.1')).toMatchObject({
			target_value: 3,
			target_unit: 'count',
			lead_owner: 'RM (KOVPO, RIHATO), ELVL, RTK',
			lead_owners: ['RM', 'ELVL', 'RTK'],
			co_owner_orgs: ['HTM', 'KeM', 'KuM', 'MeM', 'MKM', 'SiM', 'SoM'],
			deadline_year: 2023,
			extended: false,
			recurring: false
		});
	});
	it('makes no activity of the title lines, headings, header rows and the ------- separator', () => {
		const notActivities = PLAN_TEXT.split('\n')
			.filter((line) => !/^\d+(\.\d+){2,3}\.?\t/.test(line))
			.join('\n');
		expect(notActivities).toMatch(/^-------\t/m);
		expect(notActivities).toMatch(/^Nr\tTegevus\tSihtrühm\tVäljundid\tSihetase\t.*\t\tTähtaeg$/m);
		expect(parsePlan(notActivities)).toEqual([]);
	});
	it('gives the same result with CRLF line ends and a byte-order mark', () => {
		expect(parsePlan('\uFEFF' + PLAN_TEXT.replace(/\n/g, '\r\n'))).toEqual(plan);
	});
});

describe('isPlanText(text)', () => {
	it('recognises the plan', () => {
		expect(isPlanText(PLAN_TEXT)).toBe(true);
	});
	it('recognises the plan with CRLF line ends and a byte-order mark', () => {
		expect(isPlanText('\uFEFF' + PLAN_TEXT.replace(/\n/g, '\r\n'))).toBe(true);
	});
	it('does not take an ordinary progress CSV for the plan', () => {
		expect(isPlanText('Nr;Aasta;Staatus\n1.1.1;2024;töös\n')).toBe(false);
	});
});
