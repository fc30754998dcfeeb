import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import { createSchemaSql } from '../../../src/lib/db/schema';
import { applyImport, rebuildDataset, snapshotDefaults, type ImportRecord } from '../../../src/lib/db/commit';
import { recordColumns } from '../../../src/lib/data/toRecord';
import type { ProgressRow, ServiceLevelRow } from '../../../src/lib/types';

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let conn: Conn;

function progress(rows: Partial<ProgressRow>[]): ProgressRow[] {
	return rows.map((r, i) => ({
		activity_id: '1.1.1',
		year: 2024,
		status: 'in_progress',
		actual_value: null,
		target_value: null,
		comment: null,
		reported_at: null,
		seq: i,
		...r
	}));
}

function record(id: string, dataset: ImportRecord['dataset'], rows: object[]): ImportRecord {
	return {
		id,
		dataset,
		file: `${id}.csv`,
		at: '2026-11-24T10:00:00Z',
		rowCount: rows.length,
		rowsAdded: 0,
		rowsReplaced: 0,
		rowsRejected: 0,
		...recordColumns(dataset, rows as ProgressRow[])
	};
}

async function progressTable() {
	return conn.query<{ activity_id: string; year: number; status: string; source: string }>(
		'SELECT activity_id, year, status, source FROM progress ORDER BY activity_id, year'
	);
}

beforeEach(async () => {
	conn = await createNodeConnector();
	await conn.exec(createSchemaSql());
	// Two shipped sample rows, as the app loads them.
	await conn.exec(`INSERT INTO progress VALUES
		('1.1.1', 2023, 'in_progress', NULL, NULL, NULL, '2024-01-10', 0, 'sample'),
		('1.1.2', 2023, 'done', NULL, NULL, NULL, '2024-01-10', 1, 'sample')`);
	await snapshotDefaults(conn);
});
afterEach(() => conn.close());

describe('applyImport(tx, record)', () => {
	it('removes the shipped sample rows of the dataset on the first real import', async () => {
		const r = await applyImport(
			conn,
			record('a', 'progress', progress([{ activity_id: '2.5.2', year: 2024 }]))
		);
		expect(r).toEqual({ added: 1, replaced: 0 });
		expect(await progressTable()).toEqual([
			{ activity_id: '2.5.2', year: 2024, status: 'in_progress', source: 'a' }
		]);
	});

	it('replaces by (activity_id, year) instead of duplicating', async () => {
		await applyImport(conn, record('a', 'progress', progress([{ year: 2023 }, { year: 2024 }])));
		const r = await applyImport(
			conn,
			record('b', 'progress', progress([{ year: 2024, status: 'done' }, { year: 2025 }]))
		);
		expect(r).toEqual({ added: 1, replaced: 1 });
		expect((await progressTable()).map((x) => `${x.year}:${x.status}:${x.source}`)).toEqual([
			'2023:in_progress:a',
			'2024:done:b',
			'2025:in_progress:b'
		]);
	});

	it('numbers imported rows after every existing row, so a re-import wins ties', async () => {
		await applyImport(conn, record('a', 'progress', progress([{ year: 2023 }, { activity_id: '1.1.2' }])));
		await applyImport(conn, record('b', 'progress', progress([{ activity_id: '1.1.3' }])));
		const rows = await conn.query<{ activity_id: string; seq: number }>(
			'SELECT activity_id, seq FROM progress ORDER BY seq'
		);
		expect(rows.map((r) => r.activity_id)).toEqual(['1.1.1', '1.1.2', '1.1.3']);
	});

	it('replaces service levels by (municipality, indicator, year) and keeps a missing value missing', async () => {
		const sl = (v: number | null): ServiceLevelRow => ({
			ehak_code: '0784',
			year: 2024,
			domain: 'haridus',
			indicator: 'Õpetajate osakaal (%)',
			value: v,
			unit: '%',
			higher_is_better: true
		});
		await applyImport(conn, record('a', 'service_levels', [sl(80)]));
		const r = await applyImport(conn, record('b', 'service_levels', [sl(null)]));
		expect(r).toEqual({ added: 0, replaced: 1 });
		expect(await conn.query('SELECT value, source FROM service_levels')).toEqual([
			{ value: null, source: 'b' }
		]);
	});
});

describe('rebuildDataset(tx, dataset, records) — undo', () => {
	it('undoing the only import brings the sample rows back exactly', async () => {
		const before = await progressTable();
		const a = record('a', 'progress', progress([{ activity_id: '2.5.2' }]));
		await applyImport(conn, a);
		await rebuildDataset(conn, 'progress', []);
		expect(await progressTable()).toEqual(before);
	});

	it('undoing an earlier import keeps the later one and what it replaced', async () => {
		const a = record('a', 'progress', progress([{ year: 2023, status: 'at_risk' }, { year: 2024 }]));
		const b = record('b', 'progress', progress([{ year: 2024, status: 'done' }]));
		await applyImport(conn, a);
		await applyImport(conn, b);
		await rebuildDataset(conn, 'progress', [b]);
		expect((await progressTable()).map((x) => `${x.activity_id}:${x.year}:${x.status}:${x.source}`)).toEqual([
			'1.1.1:2024:done:b'
		]);
	});

	it('a failing import inside a transaction leaves every row as it was', async () => {
		const before = await progressTable();
		const bad = record('x', 'progress', progress([{ activity_id: '2.1.1' }]));
		bad.columns.year = ['not a year'];
		await expect(conn.transaction((tx) => applyImport(tx, bad))).rejects.toThrow();
		expect(await progressTable()).toEqual(before);
	});
});
