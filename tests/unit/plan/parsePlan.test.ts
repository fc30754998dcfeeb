import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePlan, isPlanText } from '../../../src/lib/plan';

const text = readFileSync('data/plan-2022-2025.txt', 'utf8');
const plan = parsePlan(text);
const byId = new Map(plan.map((a) => [a.activity_id, a]));

describe('parsePlan(text) on the plan itself (seed 001)', () => {
	it('finds exactly 42 activities in plan order, with trailing dots dropped', () => {
		expect(plan).toHaveLength(42);
		expect(plan.map((a) => a.seq)).toEqual([...Array(42).keys()]);
		expect(byId.has('1.1.4')).toBe(true);
		expect(byId.has('3.2.1')).toBe(true);
		expect([...byId.keys()].some((id) => id.endsWith('.'))).toBe(false);
	});
	it('counts 9, 17, 14 and 2 activities in the four directions', () => {
		const count = (d: number) => plan.filter((a) => a.direction === d).length;
		expect([1, 2, 3, 4].map(count)).toEqual([9, 17, 14, 2]);
	});
	it('names the directions as in the plan, direction 4 from its numbered heading', () => {
		expect(byId.get('1.1.1')?.direction_name).toBe(
			'KOV inimvara arendamise süsteemsus ning seotus strateegilise juhtimise ja poliitikakujundamisega'
		);
		expect(byId.get('2.1.1')?.direction_name).toBe('Koostöö ja koordineerimine inimvara arendamisel');
		expect(byId.get('3.1.1')?.direction_name).toBe('Keskelt KOV inimvara arendamise toetamine');
		expect(byId.get('4.1.1')?.direction_name).toBe('Tegevuskava seire ja uuendamine');
	});
	it('takes result-area names from the numbered headings, including tab-padded ones', () => {
		expect(byId.get('2.5.1')?.result_area_name).toBe(
			'ELVL personaliarenduse võimekuse ja koordineeriva rolli kujundamise toetamine'
		);
		expect(byId.get('2.3.1')?.result_area).toBe('2.3');
		expect(byId.get('3.3.2.4')?.result_area_name).toBe(
			'Valdkonnaüleste strateegiliselt oluliste kompetentside toetamine'
		);
	});
	it('links sub-activities to their parent', () => {
		expect(plan.filter((a) => a.parent_id === '3.3.2').map((a) => a.activity_id)).toEqual([
			'3.3.2.1',
			'3.3.2.2',
			'3.3.2.3',
			'3.3.2.4',
			'3.3.2.5',
			'3.3.2.6'
		]);
		expect(byId.get('3.3.2')?.parent_id).toBeNull();
	});
	it('reads the direction-3 header (empty funding name, typo Sihetase) without making an activity of it', () => {
		expect(plan.some((a) => a.title === 'Tegevus' || a.activity_id === 'Nr')).toBe(false);
		expect(byId.get('3.1.1')?.funding).toBe('SF, RE');
	});
	it('gives the same result with CRLF line ends and a BOM', () => {
		expect(parsePlan('\uFEFF' + text.replace(/\n/g, '\r\n'))).toEqual(plan);
	});
	it('isPlanText tells the plan from an ordinary CSV', () => {
		expect(isPlanText(text)).toBe(true);
		expect(isPlanText('Nr;Aasta;Staatus\n1.1.1;2024;töös\n')).toBe(false);
	});
});
