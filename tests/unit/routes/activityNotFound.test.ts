import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { activitiesLike } from '../../../src/routes/activities/[id]/notFound';
import { parsePlan } from '../../../src/lib/plan/parsePlan';

const ids = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8')).map((a) => a.activity_id);

describe('activitiesLike(id, ids): what an address with no plan activity probably meant', () => {
	it('a number written otherwise, or the date Excel made of it', () => {
		expect(activitiesLike('1,1,3', ids)).toEqual({ near: '1.1.3', within: [] });
		expect(activitiesLike('01.01.2003', ids)).toEqual({ near: '1.1.3', within: [] });
		expect(activitiesLike('2003-01-01', ids)).toEqual({ near: '1.1.3', within: [] });
	});
	it("a result area or a direction: its activities, in the plan's order", () => {
		const area = activitiesLike('1.1', ids);
		expect(area.near).toBeNull();
		expect(area.within).toEqual(ids.filter((id) => id.startsWith('1.1.')));
		expect(area.within.length).toBeGreaterThan(3);
		expect(activitiesLike('4.', ids).within).toEqual(ids.filter((id) => id.startsWith('4.')));
		// 3.3.2 is split into 3.3.2.1 … in the plan.
		const split = activitiesLike('3.3.2', ids);
		expect(split.within.length).toBeGreaterThan(1);
		expect(split.within.every((id) => id.startsWith('3.3.2.'))).toBe(true);
	});
	it('nothing like it: nothing offered, and no text breaks it', () => {
		for (const id of ['9.9.9', 'tegevus', '100%', '%E0%A4%A', ''])
			expect(activitiesLike(id, ids)).toEqual({ near: null, within: [] });
	});
});
