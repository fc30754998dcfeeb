import { test, expect, type Page } from '@playwright/test';
import { open, readTable } from './hooks';

/**
 * Every page printed (the steering group prints the overview and the activities for a meeting): on
 * an A4 sheet between Chrome's default margins (≈ 718 CSS px) nothing is cut. Paper cannot scroll,
 * so a table must show all its columns on the sheet and a scrolling list all its items.
 */
const PAGES = [
	'/',
	'/activities',
	'/activities/1.2.4',
	'/trainings',
	'/municipalities?m=0205',
	'/municipalities/0205',
	'/data-quality',
	'/report'
];

/** What printing would cut: tables past the sheet's edge and boxes that hide part of their content. */
function cut(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const edge = document.querySelector('main')!.getBoundingClientRect().right + 1;
		const out: string[] = [];
		for (const t of document.querySelectorAll('main table')) {
			const b = t.getBoundingClientRect();
			if (b.width > 0 && b.right > edge)
				out.push(`table ${t.getAttribute('data-table')} ends at ${Math.round(b.right)} px`);
		}
		for (const e of document.querySelectorAll('main *')) {
			const s = getComputedStyle(e);
			const box = e as HTMLElement;
			if (
				['auto', 'scroll', 'hidden'].includes(s.overflowY) &&
				box.clientHeight > 20 &&
				box.scrollHeight > box.clientHeight + 2
			)
				out.push(
					`${e.tagName.toLowerCase()}.${e.className} shows ${box.clientHeight} of ${box.scrollHeight} px`
				);
		}
		for (const d of document.querySelectorAll('main details:not([open])'))
			if (d.getClientRects().length)
				out.push(`a closed "${d.querySelector('summary')?.textContent?.trim()}"`);
		return out;
	});
}

for (const lang of ['et', 'en'])
	test(`printed on A4 (${lang}): every page's tables whole on the sheet, no list cut, no closed "show" lines`, async ({
		page
	}) => {
		await page.setViewportSize({ width: 718, height: 1000 });
		for (const path of PAGES) {
			await open(page, `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
			await page.emulateMedia({ media: 'print' });
			expect(await cut(page), path).toEqual([]);
			await page.emulateMedia({ media: 'screen' });
		}
	});

test("the printed overview lists every late or at-risk activity; the activities table keeps the steering group's columns", async ({
	page
}) => {
	await page.setViewportSize({ width: 718, height: 1000 });
	await open(page, '/?lang=en');
	const late = await readTable(page, 'late-activities');
	expect(late.size).toBeGreaterThan(8);
	// On screen the list scrolls in its box; on paper every item is in sight.
	const items = page.locator('[data-section="late"] li');
	await expect(items).toHaveCount(late.size);
	const list = page.locator('[data-section="late"] ul');
	const clipped = () => list.evaluate((u) => u.scrollHeight > u.clientHeight + 2);
	expect(await clipped()).toBe(true);
	await page.emulateMedia({ media: 'print' });
	expect(await clipped()).toBe(false);
	await expect(items.last()).toBeVisible();

	await open(page, '/activities?lang=en');
	await page.emulateMedia({ media: 'print' });
	const shown = await page.$$eval('table[data-table="activities"] tbody tr:first-child td[data-col]', (tds) =>
		tds.filter((td) => td.getClientRects().length > 0).map((td) => td.getAttribute('data-col'))
	);
	expect(shown).toEqual([
		'activity_id',
		'title',
		'status',
		'actual_value',
		'target_value',
		'score',
		'deadline_year',
		'late',
		'lead_owners'
	]);
	// The plan's wording is left off the sheet, not out of the hooks.
	const row = (await readTable(page, 'activities')).get('1.1.1');
	expect(row?.target_text).toBeTruthy();
	expect(row?.direction).toBe('1');
});

test('a printed page says what it rests on: the plan, the year and the sample in capitals; after an import, the local changes', async ({
	page
}) => {
	const line = page.locator('[data-print-source]');
	await open(page, '/trainings?year=2024&lang=et');
	await expect(line).toBeHidden();
	await page.emulateMedia({ media: 'print' });
	await expect(line).toBeVisible();
	await expect(line).toHaveAttribute('data-print-source', 'sample');
	await expect(line).toHaveText(
		/KOV inimvara keskse arendamise tegevuskava 2022–2025.*Seisuga aasta 2024.*NÄIDISANDMED/
	);
	await page.emulateMedia({ media: 'screen' });

	// The report prints its own running header: no second line.
	await open(page, '/report?lang=et');
	await page.emulateMedia({ media: 'print' });
	await expect(line).toHaveCount(0);
	await page.emulateMedia({ media: 'screen' });

	// Service levels imported here: local changes, the other two datasets still sample.
	await open(page, '/import?lang=en');
	await page.locator('input[type="file"]').setInputFiles({
		name: 'tasemed.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik\r\nTallinn;2024;Haridus;Lasteaiakoha ootejärjekord;12;last\r\n'
		)
	});
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready', {
		timeout: 60_000
	});
	await page.locator('[data-action="commit-import"]').click();
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'committed');
	await open(page, '/municipalities?lang=en');
	await page.emulateMedia({ media: 'print' });
	await expect(line).toHaveAttribute('data-print-source', 'mixed');
	await expect(line).toHaveText(/As of year \d{4}.*Local changes — not published \(1\).*PARTLY SAMPLE DATA/);
});

test('printed from a dark screen, the page and its charts are in the light colours (paper is white)', async ({
	page
}) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await open(page, '/activities/1.1.3?lang=en');
	const chart = page.locator('figure[data-chart] svg').first();
	await expect(chart).toBeVisible();
	/** Lightness (0–255) of the body's text and of the first chart's text. */
	const lightness = () =>
		page.evaluate(() => {
			const l = (c: string) => {
				const [r, g, b] = c.match(/\d+/g)!.map(Number);
				return Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
			};
			const svg = document.querySelector('figure[data-chart] svg')!;
			return { body: l(getComputedStyle(document.body).color), chart: l(getComputedStyle(svg).color) };
		});
	const screen = await lightness();
	expect(screen.body).toBeGreaterThan(180);
	expect(screen.chart).toBeGreaterThan(150);
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	await expect.poll(async () => (await lightness()).body).toBeLessThan(80);
	expect((await lightness()).chart).toBeLessThan(100);
	// Back on the screen: dark again.
	await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
	await expect.poll(async () => (await lightness()).body).toBeGreaterThan(180);
});
