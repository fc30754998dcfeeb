import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { nearActivity } from '../../../src/lib/import/datasets/activityId';
import { analyseFile } from '../../../src/lib/import';
import { formatIssue } from '../../../src/lib/import/messages';
import { parsePlan } from '../../../src/lib/plan/parsePlan';
import { municipalities } from '../municipalities';

const ids = new Set(parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8')).map((a) => a.activity_id));

describe('nearActivity(text, plan ids): what an activity number not in the plan probably was', () => {
	it.each([
		['1,1,3', '1.1.3'],
		['1 1 3', '1.1.3'],
		['Tegevus 2.3.1', '2.3.1'],
		['3.3.2,1', '3.3.2.1'],
		['1..1.3', '1.1.3']
	])('%j: the same digits, other separators → %s', (text, id) =>
		expect(nearActivity(text, ids)).toEqual({ id, date: false })
	);
	it.each([
		['01.01.2003', '1.1.3'],
		['1.1.2003', '1.1.3'],
		['2003-01-01', '1.1.3'],
		['1.02.2001', '1.2.1'],
		['2001-02-01', '1.2.1']
	])('%j: a date Excel made of %s', (text, id) =>
		expect(nearActivity(text, ids)).toEqual({ id, date: true })
	);
	it.each([
		['9.9.9', 'digits of no activity'],
		['1.1.2023', 'a date whose numbers are no activity (1.1.23)'],
		['1.1', 'too few parts'],
		['1.1.1.1.1', 'too many parts'],
		['1.1.3', 'already a plan number (nothing to suggest)'],
		['abc', 'no digits']
	])('%j: nothing (%s)', (text) => expect(nearActivity(text, ids)).toBeNull());
	it('the plan really has the numbers used here', () => {
		for (const id of ['1.1.3', '2.3.1', '3.3.2.1', '1.2.1']) expect(ids.has(id)).toBe(true);
	});
});

describe('a progress export with mangled activity numbers: each row names what it probably was', () => {
	it('separators and an Excel date get their own reasons; a number of no activity stays unknown', () => {
		const csv = [
			'Nr;Aasta;Staatus;Tegelik',
			'1,1,3;2024;töös;1',
			'01.01.2003;2024;töös;1',
			'9.9.9;2024;töös;1',
			'1.1.5;2024;tehtud;1'
		].join('\n');
		const a = analyseFile(
			new TextEncoder().encode(csv),
			{ dataset: 'progress' },
			{ activityIds: ids, municipalities }
		);
		expect(a.errors.map((e) => [e.row, e.value, e.code, e.params.near])).toEqual([
			[2, '1,1,3', 'unknown_activity_near', '1.1.3'],
			[3, '01.01.2003', 'activity_as_date', '1.1.3'],
			[4, '9.9.9', 'unknown_activity', undefined]
		]);
		expect(formatIssue(a.errors[0], 'en')).toBe(
			'There is no activity "1,1,3" in the action plan. Did you mean 1.1.3?'
		);
		expect(formatIssue(a.errors[1], 'et')).toBe(
			'„01.01.2003“ on kuupäev, mitte tegevuse number: Excel on ilmselt teinud tegevusest 1.1.3 kuupäeva. Vorminda veerg tekstiks, kirjuta 1.1.3 ja ekspordi uuesti.'
		);
		expect(a.rows).toHaveLength(1);
	});
});
