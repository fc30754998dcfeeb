import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardOrigin, readTable, waitReady } from './hooks';
import { startSite, type Site } from './site';

/**
 * Repeat visits and offline use (src/service-worker.ts): the service worker is allowed here (the
 * other specs block it so that page.route() sees every request).
 */
test.use({ serviceWorkers: 'allow' });

const EXAMPLE = 'tests/fixtures/published-sample';
let site: Site;
test.beforeAll(async () => {
	site = await startSite();
});
test.afterAll(async () => {
	await site.stop();
});

test('a second visit starts from the cache; offline, the app opens with the data it last had and says so', async ({
	context
}) => {
	site.publish(EXAMPLE);
	const manifest = JSON.parse(readFileSync(join(EXAMPLE, 'manifest.json'), 'utf8'));
	const first = await context.newPage();
	const outside = guardOrigin(first, site.url);
	await first.goto(site.url + '/');
	await waitReady(first);
	await expect(first.locator('html')).toHaveAttribute('data-source', 'published');
	const online = await readTable(first, 'attainment-by-direction');
	expect(online.size).toBe(4);
	await first.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect(first.locator('[data-offline]')).toHaveCount(0);
	await first.close();

	// Second visit: the page is controlled by the worker, the same data, no offline label.
	const second = await context.newPage();
	await second.goto(site.url + '/');
	await waitReady(second);
	expect(await second.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	expect(await readTable(second, 'attainment-by-direction')).toEqual(online);
	await expect(second.locator('[data-offline]')).toHaveCount(0);
	await second.close();

	// Offline: the shell, DuckDB's wasm and the published files come from the cache; labelled.
	await context.setOffline(true);
	const third = await context.newPage();
	const errors: string[] = [];
	third.on('pageerror', (e) => errors.push(e.message));
	await third.goto(site.url + '/');
	await waitReady(third);
	await expect(third.locator('html')).toHaveAttribute('data-source', 'published');
	await expect(third.locator('[data-offline]')).toBeVisible();
	await expect(third.locator('[data-source-label="published"]')).toContainText(
		manifest.generated_at.slice(8, 10) + '.' + manifest.generated_at.slice(5, 7)
	);
	expect(await readTable(third, 'attainment-by-direction')).toEqual(online);
	// Another page of the app, reached by a link while offline.
	await third.locator('nav a[href*="/municipalities"]').first().click();
	// The page itself first: until it has mounted, `data-ready` is still the overview's.
	await expect(third.locator('select[name="indicator"]')).toBeAttached();
	await waitReady(third);
	expect((await readTable(third, 'municipality-ranking')).size).toBeGreaterThan(0);
	expect(errors).toEqual([]);
	await third.close();

	// Online again with newer data on the server: the new manifest is shown, without the offline label.
	await context.setOffline(false);
	const v2 = mkdtempSync(join(tmpdir(), 'kov-v2-'));
	cpSync(EXAMPLE, v2, { recursive: true });
	const next = { ...manifest, generated_at: '2027-01-15T09:00:00.000Z' };
	writeFileSync(join(v2, 'manifest.json'), JSON.stringify(next, null, 1));
	site.publish(v2);
	const fourth = await context.newPage();
	await fourth.goto(site.url + '/');
	await waitReady(fourth);
	await expect(fourth.locator('[data-source-label="published"]')).toContainText('15.01.2027');
	await expect(fourth.locator('[data-offline]')).toHaveCount(0);
	expect(outside).toEqual([]);
});

test('offline with nothing published: the embedded sample, labelled as sample', async ({ context }) => {
	site.clear();
	const page = await context.newPage();
	await page.goto(site.url + '/?lang=en');
	await waitReady(page);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.close();
	await context.setOffline(true);
	const again = await context.newPage();
	await again.goto(site.url + '/?lang=en');
	await waitReady(again);
	await expect(again.locator('html')).toHaveAttribute('data-source', 'sample');
	await expect(again.locator('[data-provenance="sample"]')).toBeVisible();
	expect((await readTable(again, 'attainment-by-direction')).size).toBe(4);
});
