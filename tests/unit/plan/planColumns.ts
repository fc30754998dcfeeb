import { readFileSync } from 'node:fs';

/** The plan's columns as published (seed 001), counted from 0: Nr, Tegevus, Sihtrühm, Väljundid, … */
export const COLUMN = { sihttase: 4, peavastutaja: 5, kaasvastutajad: 6, tahtaeg: 8 } as const;

export const PLAN_TEXT = readFileSync('data/plan-2022-2025.txt', 'utf8');

/**
 * `[Nr, cell]` for every activity row of the plan, in plan order, with the id as the plan writes it
 * (`1.1.4.`). Read straight from the file, so the tables beside it fail loudly if the plan changes.
 */
export function planColumn(column: number): [string, string][] {
	return PLAN_TEXT.split(/\r?\n/)
		.map((line) => line.split('\t'))
		.filter((cells) => /^\d+(\.\d+){2,3}\.?$/.test(cells[0]))
		.map((cells) => [cells[0], cells[column] ?? '']);
}
