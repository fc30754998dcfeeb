import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import { createSchemaSql, TABLES } from '../../../src/lib/db/schema';
import { sampleInsertSql } from '../../../src/lib/db/defaultsSql';
import { activityColumns, ownerColumns } from '../../../src/lib/db/rows';
import { ident } from '../../../src/lib/db/connector';
import {
	attainmentByDirectionSql,
	attainmentByOwnerSql,
	bindAsOf,
	standingsSql
} from '../../../src/lib/db/queries/attainment';
import {
	activityStandings,
	attainmentByDirection,
	attainmentByOwner
} from '../../../src/lib/metrics/attainment';
import { parsePlan } from '../../../src/lib/plan/parsePlan';
import type { ProgressRow, Status } from '../../../src/lib/types';

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let conn: Conn;
const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));
const progress: ProgressRow[] = Papa.parse<Record<string, string>>(
	readFileSync('data/sample/progress.csv', 'utf8'),
	{
		header: true,
		skipEmptyLines: true
	}
).data.map((r, i) => ({
	activity_id: r.activity_id,
	year: Number(r.year),
	status: r.status as Status,
	actual_value: r.actual_value === '' ? null : Number(r.actual_value),
	target_value: r.target_value === '' ? null : Number(r.target_value),
	comment: r.comment || null,
	reported_at: r.reported_at || null,
	seq: i
}));

beforeAll(async () => {
	conn = await createNodeConnector();
	await conn.exec(createSchemaSql());
	await conn.insertColumns('activities', TABLES.activities, activityColumns(plan, 'default'));
	await conn.insertColumns('activity_owners', TABLES.activity_owners, ownerColumns(plan));
	await conn.exec(sampleInsertSql('progress', join(process.cwd(), 'data/sample/progress.csv')));
});
afterAll(() => conn.close());

async function sql(q: string, year: number) {
	const b = bindAsOf(q, year);
	return conn.query(b.sql, b.params);
}
function sameGroups(fromSql: Record<string, unknown>[], fromTs: ReturnType<typeof attainmentByDirection>) {
	const ts = new Map(fromTs.map((g) => [g.key, g]));
	expect(fromSql.map((r) => r.key).sort()).toEqual([...ts.keys()].sort());
	for (const r of fromSql) {
		const g = ts.get(String(r.key))!;
		if (g.attainment === null) expect(r.attainment).toBeNull();
		else expect(r.attainment as number).toBeCloseTo(g.attainment, 12);
		for (const k of [
			'activities',
			'reported',
			'done',
			'at_risk',
			'late',
			'not_reported',
			'cancelled'
		] as const)
			expect(r[k]).toBe(g[k]);
	}
}

describe('the attainment SQL gives the same numbers as the TypeScript rules', () => {
	for (const year of [2022, 2023, 2024, 2025]) {
		it(`as of ${year}`, async () => {
			const standings = activityStandings(plan, progress, year);
			sameGroups(await sql(attainmentByDirectionSql(), year), attainmentByDirection(standings));
			sameGroups(await sql(attainmentByOwnerSql('lead'), year), attainmentByOwner(standings, 'lead'));
			sameGroups(await sql(attainmentByOwnerSql('co'), year), attainmentByOwner(standings, 'co'));
			const rows = await sql(standingsSql(), year);
			const byId = new Map(standings.map((s) => [s.activity_id, s]));
			for (const r of rows) {
				const s = byId.get(String(r.activity_id))!;
				expect([r.status, r.late]).toEqual([s.status, s.late]);
				if (s.score === null) expect(r.score).toBeNull();
				else expect(r.score as number).toBeCloseTo(s.score, 12);
			}
		});
	}
	it('quotes identifiers from files safely', () => {
		expect(ident('a"b; DROP TABLE progress; --')).toBe('"a""b; DROP TABLE progress; --"');
	});
});
