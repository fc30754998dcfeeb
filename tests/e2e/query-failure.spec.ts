import { test, expect, type Page } from '@playwright/test';
import { open, readTable, waitReady } from './hooks';
import { expectedGroups } from './planRules';

/**
 * A query that fails after the page has loaded (issue #21): DuckDB running out of memory, or any
 * other query error. The failure is made where DuckDB-wasm would report it: the engine worker's answer
 * to the page's next query requests is replaced by the `ERROR` message the worker sends when DuckDB
 * throws (duckdb-wasm's `failWith`: `{ type: 'ERROR', requestId, data: { name, message } }`).
 */
/** Arms the page (see above); returns the page's uncaught errors, collected from now on. */
async function armable(page: Page): Promise<string[]> {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.addInitScript(() => {
		const state: { message: string | null; only: string | null; ids: Set<number> } = {
			message: null,
			only: null,
			ids: new Set()
		};
		(window as unknown as { __failQueries: (m: string | null, only?: string | null) => void }).__failQueries =
			(m, only = null) => {
				state.message = m;
				state.only = only;
			};
		const post = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function (this: Worker, msg: unknown, ...rest: unknown[]) {
			const m = msg as { type?: string; messageId?: number; data?: unknown } | null;
			if (
				state.message &&
				m?.messageId !== undefined &&
				/^(RUN|SEND)_(QUERY|PREPARED)$/.test(m.type ?? '') &&
				// `only`: the queries whose SQL text (a RUN_QUERY's data) contains it.
				(state.only === null || JSON.stringify(m.data ?? null).includes(state.only))
			)
				state.ids.add(m.messageId);
			return (post as (...a: unknown[]) => void).call(this, msg, ...rest);
		} as typeof Worker.prototype.postMessage;
		const add = Worker.prototype.addEventListener;
		Worker.prototype.addEventListener = function (
			this: Worker,
			type: string,
			listener: EventListenerOrEventListenerObject,
			options?: boolean | AddEventListenerOptions
		) {
			if (type !== 'message' || typeof listener !== 'function')
				return add.call(this, type, listener, options);
			const wrapped = (ev: Event) => {
				const d = (ev as MessageEvent).data as { requestId?: number; messageId?: number } | null;
				// Every listener of the worker sees the same answer (the engine's and DuckDB's own).
				if (d?.requestId !== undefined && state.ids.has(d.requestId) && state.message) {
					const data = {
						messageId: d.messageId,
						requestId: d.requestId,
						type: 'ERROR',
						data: { name: 'Error', message: state.message }
					};
					return listener.call(this, new MessageEvent('message', { data }));
				}
				return listener.call(this, ev);
			};
			return add.call(this, type, wrapped, options);
		} as typeof Worker.prototype.addEventListener;
	});
	return errors;
}

const fail = (page: Page, message: string | null, only: string | null = null) =>
	page.evaluate(
		([m, o]) =>
			(
				window as unknown as { __failQueries: (m: string | null, only?: string | null) => void }
			).__failQueries(m, o),
		[message, only] as const
	);

/**
 * Opens `path` and waits until DuckDB has started and loaded the data: a later query is then
 * DuckDB's to answer (before, the page may answer from the sample's start results).
 */
async function openEngineReady(page: Page, path: string): Promise<void> {
	await open(page, path);
	await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 90_000 });
}

const OOM = 'Out of Memory Error: could not allocate block of size 256.0 KiB (1.8 GiB/1.8 GiB used)';

test('out of memory on a later query: the charts say so in Estonian, the page stays, retry recovers', async ({
	page
}) => {
	const errors = await armable(page);
	await openEngineReady(page, '/?year=2025');
	await fail(page, OOM);
	const started = Date.now();
	await page.locator('select[name="year"]').selectOption('2023');
	const alert = page.locator('figure[data-chart="attainment-by-direction"] [role="alert"]');
	await expect(alert).toBeVisible({ timeout: 10_000 });
	expect(Date.now() - started).toBeLessThan(10_000);
	await expect(alert).toHaveAttribute('data-error-kind', 'memory');
	await expect(alert).toContainText('mälu otsa');
	await expect(page.locator('figure[data-chart="attainment-by-owner"] [role="alert"]')).toBeVisible();
	// Not a blank page: the heading, the navigation and the year choice are all there; ready again.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ülevaade');
	await expect(page.locator('nav a[href*="/report"]').first()).toBeVisible();
	await waitReady(page);

	await fail(page, null);
	await alert.locator('[data-action="retry"]').click();
	await waitReady(page);
	await expect(alert).toHaveCount(0);
	const want = expectedGroups(2023).byDirection;
	const got = await readTable(page, 'attainment-by-direction');
	for (const [key, g] of want)
		expect(Number(got.get(key)?.attainment)).toBeCloseTo(g.attainment as number, 9);
	expect(errors).toEqual([]);
});

test('a query error on /trainings in English: on the charts, with DuckDB’s message', async ({ page }) => {
	const errors = await armable(page);
	await open(page, '/trainings?lang=en');
	await fail(page, 'Binder Error: Referenced column "registered" not found in FROM clause!');
	await page.locator('select[name="year"]').selectOption('2023');
	const alert = page.locator('figure[data-chart="training-by-year"] [role="alert"]');
	await expect(alert).toBeVisible({ timeout: 10_000 });
	await expect(alert).toHaveAttribute('data-error-kind', 'query');
	await expect(alert).toContainText('A data query failed');
	await expect(alert).toContainText('Referenced column "registered" not found');
	await waitReady(page);
	expect(errors).toEqual([]);
});

test('out of memory while the data load: an alert in English, no endless skeleton', async ({ page }) => {
	const errors = await armable(page);
	// Armed as soon as the page has loaded: DuckDB is still starting (or, on a fast machine, the next
	// page's queries fail) — either way the reader gets the memory message within 10 s.
	await page.goto('/activities?lang=en');
	await fail(page, OOM);
	await page.locator('nav a[href*="/report"]').first().click();
	const alert = page.locator('[role="alert"][data-error-kind="memory"]').first();
	await expect(alert).toBeVisible({ timeout: 10_000 });
	await expect(alert).toContainText('ran out of memory');
	await waitReady(page);
	await expect(page.locator('[data-state="loading"]')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('the training participants fail on /municipalities: the reach chart says so, the ranking stands', async ({
	page
}) => {
	const errors = await armable(page);
	await openEngineReady(page, '/?lang=en');
	await fail(
		page,
		'Binder Error: Referenced column "registered" not found in FROM clause!',
		'sum(coalesce(registered'
	);
	await page.locator('nav a[href^="/municipalities"]').first().click();
	await page.waitForURL(/\/municipalities/);
	const alert = page.locator('figure[data-chart="training-reach"] [role="alert"]');
	await expect(alert).toBeVisible({ timeout: 10_000 });
	await expect(alert).toHaveAttribute('data-error-kind', 'query');
	await expect(alert).toContainText('Referenced column "registered" not found');
	await waitReady(page);
	// Never drawn as "nobody took part": no dots, no table rows; the rest of the page is there.
	expect(await page.locator('table[data-table="training-reach"] tbody tr[data-key]').count()).toBe(0);
	await expect(page.locator('[data-stat="reach-association"]')).toHaveCount(0);
	expect((await readTable(page, 'municipality-ranking')).size).toBe(79);
	await expect(page.locator('figure[data-chart="municipality-ranking"] [role="alert"]')).toHaveCount(0);
	// Retry, with DuckDB answering again: the chart and its association line come back.
	await fail(page, null);
	await alert.locator('[data-action="retry"]').click();
	await waitReady(page);
	await expect(alert).toHaveCount(0);
	expect((await readTable(page, 'training-reach')).size).toBe(79);
	await expect(page.locator('[data-stat="reach-association"]')).toHaveCount(1);
	expect(errors).toEqual([]);
});
