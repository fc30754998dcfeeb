import { test, expect } from '@playwright/test';
import { open, readTable, guardOrigin } from './hooks';
import { expectedGroups as expected, plan, progress } from './planRules';

function expectGroups(
	actual: Map<string, Record<string, string>>,
	wanted: ReturnType<typeof expected>['byDirection']
) {
	expect([...actual.keys()].sort()).toEqual([...wanted.keys()].sort());
	for (const [key, w] of wanted) {
		const row = actual.get(key)!;
		if (w.attainment === null) expect(row.attainment).toBe('');
		else expect(Number(row.attainment)).toBeCloseTo(w.attainment, 9);
		for (const col of [
			'activities',
			'reported',
			'done',
			'at_risk',
			'late',
			'not_reported',
			'cancelled'
		] as const) {
			expect(Number(row[col]), `${key}.${col}`).toBe(w[col]);
		}
	}
}

const latestYear = Math.max(...progress.map((p) => p.year));

test('the overview opens in Estonian on the latest reported year, values match the sample file', async ({
	page
}) => {
	await open(page, '/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'et');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ülevaade');
	await expect(page.locator('[data-provenance="sample"]')).toContainText('Näidisandmed');
	const want = expected(latestYear);
	expectGroups(await readTable(page, 'attainment-by-direction'), want.byDirection);
	expectGroups(await readTable(page, 'attainment-by-owner'), want.byOwner);
	await expect(page.locator('figure[data-chart="attainment-by-direction"] svg').first()).toBeVisible();
	await expect(page.locator('figure[data-chart="attainment-by-owner"] figcaption')).not.toBeEmpty();
});

test('?lang=en&year=2023 shows English and the 2023 figures', async ({ page }) => {
	await open(page, '/?lang=en&year=2023');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
	await expect(page.locator('[data-provenance="sample"]')).toContainText('Sample data');
	const want = expected(2023);
	expectGroups(await readTable(page, 'attainment-by-direction'), want.byDirection);
	expectGroups(await readTable(page, 'attainment-by-owner'), want.byOwner);
	const kpi = page.locator('[data-kpi="activities"]');
	await expect(kpi).toHaveAttribute('data-value', String(plan.length));
});

test('the language toggle switches to English and is remembered', async ({ page }) => {
	await open(page, '/');
	await page.locator('[data-action="toggle-lang"]').click();
	await expect(page).toHaveURL(/lang=en/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
	await open(page, '/activities');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('bad URL parameters show a notice, not a crash', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await open(page, '/?year=abc&lang=xx');
	const notice = page.locator('[data-notice="bad-param"]');
	await expect(notice).toContainText('abc');
	await expect(notice).toContainText('xx');
	await expect(page.locator('table[data-table="attainment-by-direction"] tbody tr')).toHaveCount(4);
	expect(errors).toEqual([]);
});

test('an owner who leads nothing and a direction out of range are ignored with a notice', async ({
	page
}) => {
	await open(page, '/?owner=Tundmatu&direction=7');
	const notice = page.locator('main [data-notice="bad-param"]');
	await expect(notice).toContainText('Tundmatu');
	await expect(notice).toContainText('„7“');
	// Nothing is filtered: the figures are those of the whole plan.
	const want = expected(latestYear);
	expectGroups(await readTable(page, 'attainment-by-direction'), want.byDirection);
	expectGroups(await readTable(page, 'attainment-by-owner'), want.byOwner);
	await expect(page.locator('[data-kpi="activities"]')).toHaveAttribute('data-value', String(plan.length));
	await expect(page.locator('[data-filter]')).toHaveCount(0);
});

test('no request leaves the page origin', async ({ page, baseURL }) => {
	const outside = guardOrigin(page, baseURL!);
	for (const path of [
		'/',
		'/activities',
		'/trainings',
		'/municipalities',
		'/import',
		'/data-quality',
		'/report',
		'/activities/2.5.1'
	]) {
		await open(page, path);
		// The static build's Content-Security-Policy: only this origin, wasm compilation, own workers.
		const csp = await page.locator('meta[http-equiv="content-security-policy" i]').getAttribute('content');
		expect(csp, path).toContain("default-src 'self'");
		expect(csp, path).toContain("'wasm-unsafe-eval'");
		expect(csp, path).not.toMatch(/https?:/);
	}
	expect(outside).toEqual([]);
});

test('filters work from the keyboard alone', async ({ page }) => {
	await open(page, '/municipalities');
	const peer = page.locator('select[name="peer"]');
	const before = await peer.inputValue();
	await peer.focus();
	await page.keyboard.press('ArrowDown');
	await expect(page).toHaveURL(/[?&]peer=/);
	expect(await peer.inputValue()).not.toBe(before);

	await open(page, '/activities');
	await page.locator('select[name="direction"]').focus();
	await page.keyboard.press('ArrowDown');
	await expect(page).toHaveURL(/[?&]direction=/);
	// Clearing the filters is a button reachable by keyboard.
	await page.locator('[data-action="clear-filters"]').focus();
	await page.keyboard.press('Enter');
	await expect(page).not.toHaveURL(/[?&]direction=/);
});

test('the late and at-risk list says how many it holds and names owners as the tables do', async ({
	page
}) => {
	await open(page, '/?lang=en');
	const late = await readTable(page, 'late-activities');
	expect(late.size).toBeGreaterThan(1);
	await expect(page.locator('[data-section="late"] [data-count]')).toHaveText(`${late.size} activities`);
	const metas = await page.locator('[data-section="late"] li .meta').allTextContents();
	const [id, row] = [...late.entries()].find(([, r]) => r.lead_owners.includes(';'))!;
	const i = [...late.keys()].indexOf(id);
	expect(metas[i]).toContain(row.lead_owners.split(';').join(', '));
	expect(metas.join(' ')).not.toContain(';');
});

test('a key figure links to the activities it counts, with the year and the direction', async ({ page }) => {
	// The overview's owner is the lead owner: the list is asked for it so (role=lead).
	for (const query of [
		'year=2024&lang=en',
		'year=2025&direction=2&lang=en',
		'year=2025&owner=ELVL&lang=en'
	]) {
		for (const [kpi, param] of [
			['late', 'late=1'],
			['at_risk', 'status=at_risk'],
			['done', 'status=done'],
			['not_reported', 'status=not_reported']
		]) {
			await open(page, `/?${query}`);
			const figure = page.locator(`[data-kpi="${kpi}"]`);
			const counted = Number(await figure.getAttribute('data-value'));
			const link = figure.locator('a[data-kpi-link]');
			await expect(link).toHaveAccessibleName(new RegExp(`: ${counted}\\. Show these activities$`));
			await link.click();
			await expect(page).toHaveURL(new RegExp(`/activities\\?.*${param}`));
			for (const kept of query.split('&')) expect(page.url(), kept).toContain(kept);
			await expect(page.locator('[data-count]').first()).toHaveAttribute('data-count', String(counted));
			expect((await readTable(page, 'activities')).size, `${kpi} ${query}`).toBe(counted);
		}
	}
	// Unticked, the owner's co-owned activities join the list (RTK co-owns ones it does not lead).
	await open(page, '/activities?owner=RTK&role=lead&lang=en');
	const lead = (await readTable(page, 'activities')).size;
	await page.locator('input[name="role"]').uncheck();
	await expect(page).not.toHaveURL(/role=lead/);
	await expect.poll(async () => (await readTable(page, 'activities')).size).toBeGreaterThan(lead);
});
