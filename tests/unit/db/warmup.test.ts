import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import { validateBulk } from '../../../src/lib/db/bulkServiceLevels';
import { analyseFile } from '../../../src/lib/import';
import { warmupCsv, WARMUP_HEADER, WARMUP_YEARS } from '../../../src/lib/import/warmup';
import { municipalities } from '../municipalities';

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let conn: Conn;
beforeAll(async () => (conn = await createNodeConnector()));
afterAll(() => conn.close());

const names = municipalities.map((m) => m.name);

describe('warmupCsv(names, rows) — the file that warms the bulk path', () => {
	it('is valid for the JS import core: every row a service-level row, no errors', () => {
		const csv = warmupCsv(names, 2000);
		const a = analyseFile(new TextEncoder().encode(csv), {}, { activityIds: new Set(), municipalities });
		expect(a.problem ?? null).toBeNull();
		expect(a.dataset).toBe('service_levels');
		expect(a.delimiter).toBe(';');
		expect(a.rowCount).toBe(2000);
		expect(a.errors).toEqual([]);
	});

	it('takes the rules past the plain cell: thousands spaces, percent cells and empty values', () => {
		const lines = warmupCsv(names, 300).trimEnd().split('\r\n');
		expect(lines[0]).toBe(WARMUP_HEADER.join(';'));
		const values = lines.slice(1).map((l) => l.split(';')[4]);
		expect(values.some((v) => /^\d{1,3}( \d{3})+,\d$/.test(v))).toBe(true);
		expect(values.some((v) => /^\d+,\d %$/.test(v))).toBe(true);
		expect(values.some((v) => v === '')).toBe(true);
		// The same spelling DuckDB and JS read: every year inside the range the check is given.
		const years = lines.slice(1).map((l) => Number(l.split(';')[1]));
		expect(Math.min(...years)).toBeGreaterThanOrEqual(WARMUP_YEARS[0]);
		expect(Math.max(...years)).toBeLessThanOrEqual(WARMUP_YEARS[1]);
	});

	it('passes the bulk check in DuckDB with no error rows, as the page runs it', async () => {
		const rows = 3000;
		const file = join(mkdtempSync(join(tmpdir(), 'kov-warm-')), 'w.csv');
		writeFileSync(file, warmupCsv(names, rows), 'utf8');
		const r = await validateBulk(
			conn,
			{
				file,
				delimiter: ';',
				headerRow: 1,
				columnCount: WARMUP_HEADER.length,
				mapping: { municipality: 0, year: 1, domain: 2, indicator: 3, value: 4, unit: 5 },
				minYear: WARMUP_YEARS[0],
				maxYear: WARMUP_YEARS[1]
			},
			municipalities,
			WARMUP_HEADER
		);
		expect(r).toMatchObject({ rowCount: rows, validCount: rows, errorCount: 0 });
	});

	it('is empty without municipalities (nothing to warm with)', () => {
		expect(warmupCsv([], 10)).toBe('');
	});
});
