import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import { createSchemaSql, TABLES } from '../../../src/lib/db/schema';
import { sampleInsertSql } from '../../../src/lib/db/defaultsSql';
import { activityColumns, ownerColumns } from '../../../src/lib/db/rows';
import { parsePlan } from '../../../src/lib/plan/parsePlan';
import { loadTrainings } from '../../../src/lib/queries/trainings';
import { trainingTotals } from '../../../src/lib/metrics/trainings';
import { trainingEvidence } from '../../../src/lib/metrics/trainingEvidence';
import type { TrainingRow } from '../../../src/lib/types';

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let conn: Conn;
const none = { from: null, to: null, program: null, organiser: null, county: null, activity: null };
const sample = Papa.parse<Record<string, string>>(readFileSync('data/sample/trainings.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;
const rows: TrainingRow[] = sample.map((r) => ({
	training_id: r.training_id,
	program: r.program,
	topic: r.topic,
	activity_id: r.activity_id || null,
	organiser: r.organiser,
	start_date: r.start_date,
	end_date: r.end_date,
	ehak_code: null,
	registered: r.registered === '' ? null : Number(r.registered),
	completed: r.completed === '' ? null : Number(r.completed),
	dropped_out: r.dropped_out === '' ? null : Number(r.dropped_out),
	satisfaction: r.satisfaction === '' ? null : Number(r.satisfaction)
}));

beforeAll(async () => {
	conn = await createNodeConnector();
	await conn.exec(createSchemaSql());
	const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));
	await conn.insertColumns('activities', TABLES.activities, activityColumns(plan, 'default'));
	await conn.insertColumns('activity_owners', TABLES.activity_owners, ownerColumns(plan));
	await conn.exec(sampleInsertSql('municipalities', join(process.cwd(), 'data/municipalities.csv')));
	await conn.exec(sampleInsertSql('trainings', join(process.cwd(), 'data/sample/trainings.csv')));
	await conn.exec(sampleInsertSql('progress', join(process.cwd(), 'data/sample/progress.csv')));
});
afterAll(() => conn.close());

function same(a: Record<string, unknown>, b: ReturnType<typeof trainingTotals>) {
	for (const k of ['trainings', 'registered', 'completed', 'dropped_out'] as const) expect(a[k]).toBe(b[k]);
	for (const k of ['completion_rate', 'dropout_rate', 'satisfaction'] as const) {
		if (b[k] === null) expect(a[k]).toBeNull();
		else expect(a[k] as number).toBeCloseTo(b[k] as number, 9);
	}
}

describe('loadTrainings(conn, filter) — the SQL follows the training metric rules', () => {
	it('totals equal trainingTotals over the sample file', async () => {
		const d = await loadTrainings(conn, none, 2025);
		same(d.totals, trainingTotals(rows));
	});
	it('by year and by programme equal the pure function per group', async () => {
		const d = await loadTrainings(conn, none, 2025);
		for (const g of d.byYear)
			same(g, trainingTotals(rows.filter((r) => r.start_date?.startsWith(String(g.key)))));
		for (const g of d.byProgram) same(g, trainingTotals(rows.filter((r) => r.program === g.key)));
	});
	it('seed 003: RTK 2021 workshops — 122 registered, 113 completed, 9 dropped out, 95 % satisfaction', async () => {
		const d = await loadTrainings(conn, { ...none, from: 2021, to: 2021, organiser: 'RTK' }, 2025);
		expect(d.totals).toMatchObject({ trainings: 5, registered: 122, completed: 113, dropped_out: 9 });
		expect(d.totals.satisfaction).toBeCloseTo(95, 9);
	});
	it('evidence for 3.1.3 compares the owner’s reported value with completed participants', async () => {
		const d = await loadTrainings(conn, none, 2025);
		const e = d.evidence.find((x) => x.activity_id === '3.1.3')!;
		const completed = rows
			.filter((r) => r.activity_id === '3.1.3')
			.reduce((s, r) => s + (r.completed ?? 0), 0);
		expect(e.evidence_value).toBe(completed);
		expect(e.agrees).toBe(e.reported_actual === null ? null : e.reported_actual === completed);
	});
});

describe('trainingEvidence(kind, totals, reported)', () => {
	it('counts trainings, completed participants, or cannot compare a share', () => {
		expect(trainingEvidence('trainings', { trainings: 3, completed: 40, registered: 45 }, 1)).toEqual({
			evidence_value: 3,
			agrees: false
		});
		expect(trainingEvidence('completed', { trainings: 3, completed: 28, registered: 30 }, 28)).toEqual({
			evidence_value: 28,
			agrees: true
		});
		expect(
			trainingEvidence('participants_only', { trainings: 3, completed: 28, registered: 30 }, 25)
		).toEqual({ evidence_value: 30, agrees: null });
	});
});
