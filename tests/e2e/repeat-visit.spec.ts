import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { open, readTable, waitReady } from './hooks';

/**
 * Repeat visits answer from the last visit's query results of the same data while DuckDB-wasm
 * starts (src/lib/data/reader.ts, resultCache.ts). DuckDB's wasm is held back here, so a page that
 * is ready must have its values from that cache, and they must be the values DuckDB gave.
 */

/** Hold DuckDB's wasm until the returned function is called. */
async function holdEngine(context: BrowserContext): Promise<() => void> {
	let release = () => {};
	const released = new Promise<void>((r) => (release = r));
	await context.route(/\.wasm(\?|$)/, async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

const engineStarted = (page: Page) =>
	page.evaluate(() => performance.getEntriesByName('kov:duckdb-start').length > 0);

const PAGES = [
	{ path: '/?year=2024&direction=2', table: 'attainment-by-direction' },
	{ path: '/?year=2024&direction=2', table: 'attainment-by-owner' },
	{ path: '/municipalities?indicator=Ametnike%20arv&year=2023', table: 'municipality-ranking' },
	{ path: '/activities?year=2024', table: 'activities' }
];

test('a repeat visit shows the last visit’s values of the same data before DuckDB has started', async ({
	context
}) => {
	const first = await context.newPage();
	const expected = new Map<string, Awaited<ReturnType<typeof readTable>>>();
	for (const { path, table } of PAGES) {
		await open(first, path);
		const rows = await readTable(first, table);
		expect(rows.size, `${path} ${table}`).toBeGreaterThan(0);
		expected.set(path + table, rows);
	}
	// The results are written after each query; let the last writes land.
	await first.waitForTimeout(500);
	await first.close();

	const release = await holdEngine(context);
	const second = await context.newPage();
	const errors: string[] = [];
	second.on('pageerror', (e) => errors.push(e.message));
	for (const { path, table } of PAGES) {
		await open(second, path);
		expect(await engineStarted(second), `${path}: DuckDB must not have answered`).toBe(false);
		expect(await readTable(second, table), `${path} ${table}`).toEqual(expected.get(path + table));
	}
	// A view the last visit did not see waits for DuckDB, and then works.
	release();
	await open(second, '/?year=2023&direction=3');
	expect(await engineStarted(second)).toBe(true);
	expect((await readTable(second, 'attainment-by-direction')).size).toBe(4);
	expect(errors).toEqual([]);
});

test('with local imports, a repeat visit shows them, never the last visit’s results of the sample', async ({
	context
}) => {
	const page = await context.newPage();
	await open(page, '/?year=2024');
	const sample = await readTable(page, 'attainment-by-direction');
	await page.waitForTimeout(500);

	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/progress-et-semicolon-bom-crlf.csv');
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	await page.locator('[data-action="commit-import"]').click();
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'committed');
	// The overview is not opened again in this page: the last results of its query are the sample's.
	await page.close();

	const again = await context.newPage();
	await again.goto('/?year=2024');
	await waitReady(again);
	expect(await engineStarted(again)).toBe(true);
	const byDirection = await readTable(again, 'attainment-by-direction');
	expect(byDirection).not.toEqual(sample);
	// Only the five imported activities are reported for 2024 (as tests/e2e/import.spec.ts).
	expect([...byDirection.values()].reduce((n, r) => n + Number(r.reported), 0)).toBe(5);
});
