import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parsePlan } from '../../../src/lib/plan/parsePlan';

const read = (f: string) =>
	Papa.parse<Record<string, string>>(readFileSync(f, 'utf8'), { header: true, skipEmptyLines: true }).data;
const plan = new Set(parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8')).map((a) => a.activity_id));
const municipalities = read('data/municipalities.csv');
const names = new Set(municipalities.map((m) => m.name));
const codes = new Set(municipalities.map((m) => m.ehak_code));

describe('data/sample/progress.csv', () => {
	const rows = read('data/sample/progress.csv');
	it('reports only plan activities, 2022–2025, once per activity and year, with canonical statuses', () => {
		expect(rows.every((r) => plan.has(r.activity_id))).toBe(true);
		expect(new Set(rows.map((r) => r.year))).toEqual(new Set(['2022', '2023', '2024', '2025']));
		expect(new Set(rows.map((r) => `${r.activity_id}|${r.year}`)).size).toBe(rows.length);
		expect(new Set(rows.map((r) => r.status))).toEqual(
			new Set(['not_started', 'in_progress', 'at_risk', 'done', 'cancelled'])
		);
	});
	it('leaves some activities unreported in the latest year (missing rows, not zeros)', () => {
		const latest = new Set(rows.filter((r) => r.year === '2025').map((r) => r.activity_id));
		const reportedEver = new Set(rows.map((r) => r.activity_id));
		expect(reportedEver.size).toBeLessThanOrEqual(plan.size);
		expect(latest.size).toBeLessThan(plan.size);
	});
});

describe('data/sample/trainings.csv', () => {
	const rows = read('data/sample/trainings.csv');
	const n = (r: Record<string, string>, k: string) => Number(r[k] || 0);
	it('never has completed + dropped out above registered, and names real municipalities', () => {
		expect(rows.filter((r) => n(r, 'completed') + n(r, 'dropped_out') > n(r, 'registered'))).toEqual([]);
		expect(rows.filter((r) => r.municipality && !names.has(r.municipality))).toEqual([]);
		expect(rows.filter((r) => r.activity_id && !plan.has(r.activity_id))).toEqual([]);
	});
	it('holds seed 003 exactly: RTK workshops 2021 — 5 trainings, 122 registered, 113 completed, 9 dropped out, 95 %', () => {
		const w = rows.filter(
			(r) => r.program === 'Avatud valitsemise ja digivõimekuse töötoad' && r.start_date.startsWith('2021')
		);
		expect(w).toHaveLength(5);
		expect(w.every((r) => r.organiser === 'RTK')).toBe(true);
		const reg = w.reduce((s, r) => s + n(r, 'registered'), 0);
		expect([
			reg,
			w.reduce((s, r) => s + n(r, 'completed'), 0),
			w.reduce((s, r) => s + n(r, 'dropped_out'), 0)
		]).toEqual([122, 113, 9]);
		expect(w.reduce((s, r) => s + n(r, 'satisfaction') * n(r, 'registered'), 0) / reg).toBe(95);
		expect(
			rows.filter(
				(r) =>
					r.program === 'Avatud valitsemise ja digivõimekuse töötoad' && r.start_date.startsWith('2023-0')
			)
		).toHaveLength(3);
	});
	it('holds seed 004 exactly: the micro-degree pilot, 21 participants (18 Rae vald), 9.9.2022–21.4.2023', () => {
		const m = rows.filter((r) => r.program === 'Kohaliku valitsemise mikrokraad');
		expect(m.reduce((s, r) => s + n(r, 'registered'), 0)).toBe(21);
		expect(m.find((r) => r.municipality === 'Rae vald')?.registered).toBe('18');
		expect(new Set(m.map((r) => `${r.start_date}/${r.end_date}`))).toEqual(
			new Set(['2022-09-09/2023-04-21'])
		);
	});
});

describe('data/sample/service_levels.csv', () => {
	const rows = read('data/sample/service_levels.csv');
	it('covers the 79 municipalities, 2021–2024, with gaps left missing and lower-is-better indicators', () => {
		expect(rows.every((r) => codes.has(r.ehak_code))).toBe(true);
		expect(new Set(rows.map((r) => r.ehak_code)).size).toBe(79);
		expect(new Set(rows.map((r) => r.year))).toEqual(new Set(['2021', '2022', '2023', '2024']));
		const indicators = new Set(rows.map((r) => r.indicator));
		expect(rows.length).toBeLessThan(indicators.size * 79 * 4);
		expect(rows.some((r) => r.higher_is_better === 'false')).toBe(true);
		expect(new Set(rows.map((r) => `${r.ehak_code}|${r.indicator}|${r.year}`)).size).toBe(rows.length);
	});
});
