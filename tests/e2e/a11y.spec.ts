import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, seriousAxeViolations, tablesWiderThanTheirBox } from './hooks';

/** axe on every page, both languages, light and dark: no serious or critical violations. */
const PAGES = [
	'/',
	'/activities',
	'/activities/2.5.2',
	'/trainings',
	'/municipalities',
	'/municipalities/0618',
	'/import',
	'/data-quality',
	'/report'
];

for (const path of PAGES) {
	for (const lang of ['et', 'en']) {
		test(`axe: ${path} in ${lang}, light and dark`, async ({ page }) => {
			for (const scheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme: scheme });
				await open(page, `${path}?lang=${lang}`);
				const bad = await seriousAxeViolations(page, scheme);
				expect(bad, bad.join('\n')).toEqual([]);
			}
		});
	}
}

test('axe: an empty state (a filter that matches nothing) has no serious violations', async ({ page }) => {
	await open(page, '/activities?q=zzzz-nothing-matches');
	const result = await new AxeBuilder({ page }).analyze();
	expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('no page is wider than the screen (320 px as WCAG reflow asks, a 390 px phone, a laptop; Large type), with every data table open', async ({
	page
}) => {
	const paths = [...PAGES, '/municipalities?m=0653,0784', '/?lang=en', '/trainings?lang=en'];
	for (const large of [false, true]) {
		if (large) await page.addInitScript(() => localStorage.setItem('kov-seire.large-type', '1'));
		for (const width of [320, 390, 1366]) {
			await page.setViewportSize({ width, height: 844 });
			for (const path of paths) {
				await open(page, path);
				await expect(page.locator('html')).toHaveClass(large ? /large-type/ : /^(?!.*large-type)/);
				// "Show data table" opened everywhere: a wide table scrolls in its own box.
				await page.$$eval('main details', (all) =>
					all.forEach((d) => ((d as HTMLDetailsElement).open = true))
				);
				const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
				expect(scrollWidth, `${path} at ${width} px${large ? ', Large type' : ''}`).toBeLessThanOrEqual(
					width
				);
			}
		}
	}
});

test('with Large type, the cards that stood side by side stand one a row, so their tables still fit', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	const columns = () =>
		page.$$eval('.grid-2', (grids) =>
			grids.map((g) => getComputedStyle(g).gridTemplateColumns.split(' ').length)
		);
	for (const path of ['/activities/1.1.5', '/trainings', '/']) {
		await open(page, path);
		// Two cards a row at the normal size.
		expect(Math.max(...(await columns())), path).toBe(2);
		const toggle = page.locator('[data-action="toggle-large-type"]');
		if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');
		expect(Math.max(...(await columns())), path).toBe(1);
		expect(await tablesWiderThanTheirBox(page), path).toEqual([]);
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	}
});
