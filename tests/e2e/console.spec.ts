import { test, expect } from '@playwright/test';
import { open } from './hooks';

/**
 * Every page, both languages, with its data tables open: nothing in the console but the absent
 * published manifest (a site with no published folder: the app then shows its sample, publishing.md).
 */
const PAGES = [
	'/',
	'/activities',
	'/activities/1.1.5',
	'/trainings',
	'/municipalities?m=0205,0784&peer=similar',
	'/municipalities/0205',
	'/data-quality',
	'/report?year=2025',
	'/import'
];

for (const lang of ['et', 'en'])
	test(`no console error or warning on any page (${lang})`, async ({ page }) => {
		const said: string[] = [];
		page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`));
		page.on('console', (m) => {
			if (m.type() !== 'error' && m.type() !== 'warning') return;
			if (m.location().url.endsWith('/data/manifest.json')) return;
			// The suite blocks service workers (playwright.config.ts): Playwright's own line.
			if (m.text() === 'Service Worker registration blocked by Playwright') return;
			said.push(`${m.type()}: ${m.text().slice(0, 200)}`);
		});
		for (const path of PAGES) {
			await open(page, `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
			await page.$$eval('main details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
			await page.waitForTimeout(300);
			expect(said, path).toEqual([]);
		}
	});
