import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { planDatabase, report } from '../progressRow';
import { readFileSync } from 'node:fs';
import type { NodeConnector } from '$lib/db/nodeConnector';
import { ident, type Row } from '$lib/db/connector';
import {
	attainmentByDirectionSql,
	attainmentByOwnerSql,
	bindAsOf,
	standingsSql
} from '$lib/db/queries/attainment';
import {
	activityStandings,
	attainmentByDirection,
	attainmentByOwner,
	type AttainmentGroup
} from '$lib/metrics/attainment';
import { parsePlan } from '$lib/plan';
import type { ProgressRow } from '$lib/types';

const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));

/**
 * Hand-made reports on the real plan, one per rule of metrics.md "Attainment"; `seq` is the import
 * order. Plan targets: 1.1.2 3, 1.1.3 3, 1.1.4 1, 1.1.5 1, 1.2.1 3, 1.2.4 3, 2.2.2 2, 2.5.2 3, 2.6.2 40 %,
 * 3.3.2 1, 3.3.2.1 2; 1.1.1, 1.2.2 and 1.2.3 are binary.
 */
const PROGRESS: Omit<ProgressRow, 'seq'>[] = [
	// done → 1
	{ ...row('1.1.1', 2023, 'done'), reported_at: '2024-02-01' },
	// a later year's report replaces an earlier one; cancelled leaves every mean
	{ ...row('1.1.2', 2022, 'in_progress'), actual_value: 1 },
	row('1.1.2', 2024, 'cancelled'),
	// over the target → 1; late from 2024 (due 2023)
	{ ...row('1.1.3', 2023, 'in_progress'), actual_value: 5 },
	// negative → 0; late from 2023 (due 2022)
	{ ...row('1.1.4', 2022, 'in_progress'), actual_value: -1 },
	// the row's target 4 beats the plan's 3: 2 / 4; three lead owners RM, ELVL, RTK
	{ ...row('1.2.1', 2023, 'at_risk'), actual_value: 2, target_value: 4 },
	// a target of 0 → 0
	{ ...row('1.2.4', 2023, 'in_progress'), actual_value: 2, target_value: 0 },
	// no actual value → 0
	row('1.2.2', 2023, 'in_progress'),
	// same year: the later reported_at wins although imported first
	{ ...row('1.1.5', 2024, 'at_risk'), actual_value: 0.2, reported_at: '2025-03-01' },
	{ ...row('1.1.5', 2024, 'in_progress'), actual_value: 0.8, reported_at: '2025-01-10' },
	// same year and date: the later import wins
	{ ...row('1.2.3', 2024, 'in_progress'), actual_value: 0, reported_at: '2025-02-02' },
	{ ...row('1.2.3', 2024, 'done'), reported_at: '2025-02-02' },
	// same year, one row without a date (not in metrics.md: SQL and TypeScript must merely agree)
	{ ...row('2.2.2', 2023, 'in_progress'), actual_value: 1, reported_at: '2024-01-05' },
	{ ...row('2.2.2', 2023, 'at_risk'), actual_value: 0 },
	// only a 2025 report: not reported before 2025; 30 / 40 % from 2025
	{ ...row('2.6.2', 2025, 'in_progress'), actual_value: 30 },
	// 1 / 3 in 2022–2023, 3 / 3 from 2024; due 2023 (extended), so late from 2024
	{ ...row('2.5.2', 2022, 'in_progress'), actual_value: 1 },
	{ ...row('2.5.2', 2024, 'in_progress'), actual_value: 3 },
	// recurring (due 2023/ igaaastane): never late
	row('4.1.1', 2024, 'in_progress'),
	// no deadline year (Mi): never late
	row('2.3.2', 2023, 'not_started'),
	// a parent and its sub-activities each count once
	{ ...row('3.3.2', 2023, 'in_progress'), actual_value: 1 },
	{ ...row('3.3.2.1', 2024, 'at_risk'), actual_value: 1 },
	row('3.3.2.5', 2022, 'cancelled')
];
const progress: ProgressRow[] = PROGRESS.map((r, seq) => ({ ...r, seq }));

function row(activity_id: string, year: number, status: ProgressRow['status']): ProgressRow {
	return report(activity_id, year, status);
}

let conn: NodeConnector;
beforeAll(async () => {
	conn = await planDatabase(plan, progress);
});
afterAll(() => conn.close());

function sql(query: string, year: number): Promise<Row[]> {
	const bound = bindAsOf(query, year);
	return conn.query(bound.sql, bound.params);
}

const COUNTS = ['activities', 'reported', 'done', 'at_risk', 'late', 'not_reported', 'cancelled'] as const;

/** The SQL groups as `key → numbers`, shaped like the TypeScript groups. */
function groups(rows: Row[]): Map<string, Omit<AttainmentGroup, 'key'>> {
	return new Map(
		rows.map((r) => [
			String(r.key),
			{
				attainment: r.attainment as number | null,
				...Object.fromEntries(COUNTS.map((k) => [k, r[k] as number]))
			} as Omit<AttainmentGroup, 'key'>
		])
	);
}

function expectSameGroups(fromSql: Row[], fromTs: AttainmentGroup[]) {
	const sqlGroups = groups(fromSql);
	expect([...sqlGroups.keys()].sort()).toEqual(fromTs.map((g) => g.key).sort());
	for (const g of fromTs) {
		const s = sqlGroups.get(g.key)!;
		if (g.attainment === null) expect(s.attainment, g.key).toBeNull();
		else expect(s.attainment, g.key).toBeCloseTo(g.attainment, 12);
		for (const k of COUNTS) expect([g.key, k, s[k]]).toEqual([g.key, k, g[k]]);
	}
}

describe('the activities and owners in DuckDB', () => {
	it('holds the 42 activities of the plan', async () => {
		expect(await conn.query('SELECT count(*) AS n FROM activities')).toEqual([{ n: 42 }]);
	});
	it('holds one lead row per lead owner: RM, ELVL and RTK for 1.2.1', async () => {
		const rows = await conn.query(
			"SELECT org FROM activity_owners WHERE activity_id = ? AND role = 'lead' ORDER BY org",
			['1.2.1']
		);
		expect(rows.map((r) => r.org)).toEqual(['ELVL', 'RM', 'RTK']);
	});
	it('holds one co row per co-owner: ELVL and JuM for 3.2.1', async () => {
		const rows = await conn.query(
			"SELECT org FROM activity_owners WHERE activity_id = ? AND role = 'co' ORDER BY org",
			['3.2.1']
		);
		expect(rows.map((r) => r.org)).toEqual(['ELVL', 'JuM']);
	});
});

describe.each([2021, 2022, 2023, 2024, 2025])(
	'as of %i the SQL gives the numbers of the TypeScript rules',
	(year) => {
		const standings = activityStandings(plan, progress, year);
		it('standingsSql(): the status, score, late flag, report and target of every activity, in plan order', async () => {
			const rows = await sql(standingsSql(), year);
			expect(rows.map((r) => r.activity_id)).toEqual(standings.map((s) => s.activity_id));
			rows.forEach((r, i) => {
				const s = standings[i];
				expect([r.activity_id, r.status, r.late, r.report_year, r.actual_value, r.target_value]).toEqual([
					s.activity_id,
					s.status,
					s.late,
					s.report_year,
					s.actual_value,
					s.target_value
				]);
				if (s.score === null) expect(r.score, s.activity_id).toBeNull();
				else expect(r.score, s.activity_id).toBeCloseTo(s.score, 12);
			});
		});
		it('attainmentByDirectionSql(): the mean and counts of each direction', async () => {
			expectSameGroups(await sql(attainmentByDirectionSql(), year), attainmentByDirection(standings));
		});
		it("attainmentByOwnerSql('lead'): the mean and counts of each lead owner", async () => {
			expectSameGroups(await sql(attainmentByOwnerSql('lead'), year), attainmentByOwner(standings, 'lead'));
		});
		it("attainmentByOwnerSql('co'): the mean and counts of each co-owner", async () => {
			expectSameGroups(await sql(attainmentByOwnerSql('co'), year), attainmentByOwner(standings, 'co'));
		});
	}
);

describe('the attainment SQL, checked by hand', () => {
	async function group(query: string, year: number, key: string) {
		return groups(await sql(query, year)).get(key);
	}
	it('direction 1 as of 2023: 17/54, with 1.1.4 and 1.2.4 late', async () => {
		const d1 = await group(attainmentByDirectionSql(), 2023, '1');
		expect(d1?.attainment).toBeCloseTo((1 + 1 / 3 + 1 + 0 + 0 + 0.5 + 0 + 0 + 0) / 9, 12);
		expect(d1).toMatchObject({
			activities: 9,
			reported: 7,
			done: 1,
			at_risk: 1,
			late: 2,
			not_reported: 2,
			cancelled: 0
		});
	});
	it('direction 1 as of 2024: 3.7 / 8, 1.1.2 cancelled and six late', async () => {
		const d1 = await group(attainmentByDirectionSql(), 2024, '1');
		expect(d1?.attainment).toBeCloseTo(3.7 / 8, 12);
		expect(d1).toMatchObject({
			activities: 8,
			reported: 9,
			done: 2,
			at_risk: 2,
			late: 6,
			not_reported: 0,
			cancelled: 1
		});
	});
	it('direction 3 as of 2024: the parent 3.3.2 and sub-activity 3.3.2.1 each count once', async () => {
		const d3 = await group(attainmentByDirectionSql(), 2024, '3');
		expect(d3?.attainment).toBeCloseTo((1 + 0.5) / 13, 12);
		expect(d3).toMatchObject({
			activities: 13,
			reported: 3,
			at_risk: 1,
			late: 6,
			not_reported: 11,
			cancelled: 1
		});
	});
	it('direction 4 as of 2025: recurring activities are not late', async () => {
		expect(await group(attainmentByDirectionSql(), 2025, '4')).toMatchObject({
			attainment: 0,
			late: 0,
			not_reported: 1
		});
	});
	it('lead owner RTK: 1.2.1 counts fully, 2.6.2 only from its 2025 report', async () => {
		const rtk2024 = await group(attainmentByOwnerSql('lead'), 2024, 'RTK');
		const rtk2025 = await group(attainmentByOwnerSql('lead'), 2025, 'RTK');
		expect([rtk2024?.activities, rtk2024?.attainment, rtk2025?.attainment]).toEqual([
			3,
			expect.closeTo(0.5 / 3, 12),
			expect.closeTo((0.5 + 0.75 + 0) / 3, 12)
		]);
	});
	it('lead owner ELVL as of 2024: 14 activities, 1.2.1, 1.2.3 and 2.5.2 scoring', async () => {
		const elvl = await group(attainmentByOwnerSql('lead'), 2024, 'ELVL');
		expect([elvl?.activities, elvl?.attainment]).toEqual([14, expect.closeTo((0.5 + 1 + 1) / 14, 12)]);
	});
	it('co-owner RTK as of 2024: 1.1.5 (later reported_at wins), 1.2.4 and 3.1.4, all late', async () => {
		const rtk = await group(attainmentByOwnerSql('co'), 2024, 'RTK');
		expect([rtk?.activities, rtk?.attainment, rtk?.late]).toEqual([3, expect.closeTo(0.2 / 3, 12), 3]);
	});
	it('standings as of 2024: the tie-breaks, the row target and the ignored later report', async () => {
		const rows = await sql(standingsSql(), 2024);
		const pick = (id: string) => rows.find((r) => r.activity_id === id);
		expect([pick('1.1.5'), pick('1.2.3'), pick('1.2.1'), pick('2.6.2')]).toMatchObject([
			{ status: 'at_risk', score: expect.closeTo(0.2, 12), late: true },
			{ status: 'done', score: 1, late: false },
			{ status: 'at_risk', score: 0.5, target_value: 4, lead_owners: 'ELVL;RM;RTK' },
			{ status: 'not_reported', score: 0, report_year: null }
		]);
	});
});

describe('ident(name)', () => {
	it('doubles a double quote inside the quoted name', () => {
		expect(ident('a"b')).toBe('"a""b"');
	});
	it('keeps a name with a quote and SQL in it a name in DuckDB', async () => {
		const name = 'a"b; DROP TABLE progress; --';
		await conn.exec(`CREATE TEMP TABLE ${ident(name)} (${ident(name)} INTEGER)`);
		await conn.exec(`INSERT INTO ${ident(name)} VALUES (1)`);
		const rows = await conn.query(`SELECT ${ident(name)} FROM ${ident(name)}`);
		const progressRows = await conn.query('SELECT count(*) AS n FROM progress');
		expect([rows, progressRows]).toEqual([[{ [name]: 1 }], [{ n: PROGRESS.length }]]);
	});
});

/**
 * The overview groups its year's standings in TypeScript (one query per year, none per filter
 * click); the SQL groupings it replaced are the reference, filter by filter.
 */
describe('overviewFrom(standings, filter) agrees with the SQL groupings', async () => {
	const { overviewFrom } = await import('$lib/queries/overview');
	const { bindParams, filterValues, totalsSql, statusMixSql } = await import('$lib/db/queries/attainment');
	const leads = [...new Set(plan.flatMap((a) => a.lead_owners))].sort();
	const filters = [
		{ direction: null, owner: null },
		...[1, 2, 3, 4].map((direction) => ({ direction, owner: null })),
		...leads.map((owner) => ({ direction: null, owner })),
		{ direction: 1, owner: 'RM' },
		{ direction: 4, owner: 'RM' }
	];
	const run = (query: string, year: number, f: { direction: number | null; owner: string | null }) => {
		const b = bindParams(query, filterValues(year, f));
		return conn.query(b.sql, b.params);
	};

	it.each([2022, 2023, 2024, 2025])('as of %i, for every direction and lead owner', async (year) => {
		const standings = await run(standingsSql(), year, { direction: null, owner: null });
		expect(standings.length).toBe(42);
		for (const f of filters) {
			const o = overviewFrom(standings as never, f);
			const label = JSON.stringify(f);
			const [totals] = await run(totalsSql(f), year, f);
			expectSameGroups([{ ...totals, key: '' }], [o.totals]);
			const dirs = await run(attainmentByDirectionSql({ owner: f.owner }), year, { ...f, direction: null });
			expectSameGroups(dirs, o.byDirection);
			expect(
				o.byDirection.map((g) => g.key),
				label
			).toEqual(dirs.map((r) => r.key));
			const owners = await run(attainmentByOwnerSql('lead', { direction: f.direction }), year, {
				...f,
				owner: null
			});
			expectSameGroups(owners, o.byOwner);
			expect(
				o.byOwner.map((g) => g.key),
				label
			).toEqual(owners.map((r) => r.key));
			const mix = await run(statusMixSql(f), year, f);
			expect(o.statusMix, label).toEqual(mix);
			const list = await run(standingsSql(f), year, f);
			expect(
				o.standings.map((s) => s.activity_id),
				label
			).toEqual(list.map((r) => r.activity_id));
		}
	});
});
