import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { open, readTable } from './hooks';

/**
 * The database engine on ordinary web servers (issue "When the database engine cannot start"):
 * DuckDB's .wasm sent with another MIME type still works; a missing wasm or worker script says so
 * within 10 seconds, in the reader's language, with what an administrator can check.
 */
async function serveWasmAs(context: BrowserContext, contentType: string) {
	await context.route(/\.wasm(\?|$)/, async (route) => {
		const res = await route.fetch();
		await route.fulfill({ response: res, headers: { ...res.headers(), 'content-type': contentType } });
	});
}

function pageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

test('wasm served as application/octet-stream: the app works, the administrator gets a note', async ({
	browser,
	baseURL
}) => {
	const normal = await browser.newContext({ baseURL });
	const reference = await normal.newPage();
	await open(reference, '/');
	const expected = await readTable(reference, 'attainment-by-direction');
	await normal.close();

	const context = await browser.newContext({ baseURL });
	await serveWasmAs(context, 'application/octet-stream');
	const page = await context.newPage();
	const errors = pageErrors(page);
	await open(page, '/');
	// Values from DuckDB itself, not the summary: change the year so the page queries.
	expect(await readTable(page, 'attainment-by-direction')).toEqual(expected);
	await open(page, '/?year=2024');
	expect((await readTable(page, 'attainment-by-direction')).size).toBe(4);
	await expect(page.locator('[data-error="engine"]')).toHaveCount(0);
	await open(page, '/data-quality?lang=en');
	const note = page.locator('[data-notice="wasm-mime"]');
	await expect(note).toContainText('application/octet-stream');
	await expect(note).toContainText('.wasm');
	expect(errors).toEqual([]);
	await context.close();
});

const missing = { status: 404, body: 'not found' };
const byPath = (pattern: RegExp) => (url: URL) => pattern.test(url.pathname);
const FAILURES: {
	name: string;
	route: RegExp | ((url: URL) => boolean);
	reply: object;
	what: string;
	text: RegExp;
}[] = [
	{
		name: 'the wasm file missing (404)',
		route: /\.wasm(\?|$)/,
		reply: missing,
		what: 'wasm',
		text: /HTTP 404/
	},
	{
		name: "DuckDB's worker script missing (404)",
		route: byPath(/duckdb-browser-eh\.worker[^/]*\.js$/),
		reply: missing,
		what: 'worker',
		text: /worker script could not be started: \S*duckdb-browser-eh\.worker/
	},
	{
		name: 'the wrapper worker script missing (404)',
		route: byPath(/\/engine-worker\.js$/),
		reply: missing,
		what: 'worker',
		text: /worker script could not be started: \S*\/engine-worker\.js \(the script did not load\)/
	},
	{
		name: 'a corrupt wasm file',
		route: /\.wasm(\?|$)/,
		reply: { status: 200, contentType: 'application/wasm', body: Buffer.alloc(2_000_000, 0x2a) },
		what: 'start',
		text: /did not start: .*magic word/
	}
];

for (const f of FAILURES)
	test(`${f.name}: an alert within 10 s on /, /municipalities and /import, no uncaught error`, async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ baseURL });
		await context.route(f.route, (route) => route.fulfill(f.reply));
		const page = await context.newPage();
		const errors = pageErrors(page);
		for (const [path, lang] of [
			['/', 'et'],
			['/municipalities', 'en'],
			['/import', 'en']
		] as const) {
			const started = Date.now();
			await page.goto(`${path}?lang=${lang}`);
			const alert = page.locator('[data-error="engine"]');
			await expect(alert).toBeVisible({ timeout: 10_000 });
			expect(Date.now() - started).toBeLessThan(10_000);
			await expect(alert).toHaveAttribute('role', 'alert');
			await expect(alert).toHaveAttribute('data-what', f.what);
			if (lang === 'en') await expect(alert).toContainText(f.text);
			await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
			await expect(page.locator('[data-state="loading"]')).toHaveCount(0);
			if (path === '/') {
				// The first chart from the precomputed summary stays.
				expect((await readTable(page, 'attainment-by-direction')).size).toBe(4);
			}
		}
		expect(errors).toEqual([]);
		await context.close();
	});

test('a browser without WebAssembly: an alert in the reader’s language, the summary chart stays', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL });
	await context.addInitScript(() => {
		// As a browser with WebAssembly turned off (some hardened ministry configurations).
		delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
	});
	const page = await context.newPage();
	const errors = pageErrors(page);
	const started = Date.now();
	await page.goto('/?lang=en');
	const alert = page.locator('[data-error="engine"]');
	await expect(alert).toBeVisible({ timeout: 10_000 });
	expect(Date.now() - started).toBeLessThan(10_000);
	await expect(alert).toHaveAttribute('data-what', 'webassembly');
	await expect(alert).toContainText('WebAssembly');
	// No reload offered: it would fail the same way.
	await expect(alert.locator('[data-action="reload"]')).toHaveCount(0);
	await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
	expect((await readTable(page, 'attainment-by-direction')).size).toBe(4);
	expect(errors).toEqual([]);
	await context.close();
});

test('after a failed start, "Reload the page" starts the engine again once the file is there', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL });
	// The server fails the wasm (a deploy half done), then sends it again.
	let broken = true;
	let failed = 0;
	await context.route(/\.wasm(\?|$)/, async (route) => {
		if (!broken) return route.continue();
		failed++;
		return route.fulfill(missing);
	});
	const page = await context.newPage();
	const errors = pageErrors(page);
	await page.goto('/municipalities?lang=en');
	const alert = page.locator('[data-error="engine"]');
	await expect(alert).toBeVisible({ timeout: 10_000 });
	const reload = alert.locator('[data-action="reload"]');
	await expect(reload).toHaveText('Reload the page');
	broken = false;
	await reload.click();
	await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
	await expect(alert).toHaveCount(0);
	expect(failed).toBeGreaterThan(0);
	await open(page, '/municipalities?lang=en');
	expect((await readTable(page, 'municipality-ranking')).size).toBe(79);
	expect(errors).toEqual([]);
	await context.close();
});
