import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parsePlan } from '../../src/lib/plan/parsePlan';
import { leftAxisLabels, open, readTable, tablesWiderThanTheirBox, waitReady } from './hooks';

const rows = Papa.parse<Record<string, string>>(readFileSync('data/sample/trainings.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;
function totals(list: Record<string, string>[]) {
	const n = (r: Record<string, string>, k: string) => (r[k] === '' ? 0 : Number(r[k]));
	const reg = list.reduce((s, r) => s + n(r, 'registered'), 0);
	const sat = list.filter((r) => r.satisfaction !== '' && n(r, 'registered') > 0);
	const w = sat.reduce((s, r) => s + n(r, 'registered'), 0);
	return {
		trainings: list.length,
		registered: reg,
		completed: list.reduce((s, r) => s + n(r, 'completed'), 0),
		dropped_out: list.reduce((s, r) => s + n(r, 'dropped_out'), 0),
		completion_rate: reg ? list.reduce((s, r) => s + n(r, 'completed'), 0) / reg : null,
		satisfaction: w ? sat.reduce((s, r) => s + n(r, 'satisfaction') * n(r, 'registered'), 0) / w : null
	};
}
function check(actual: Record<string, string> | undefined, want: ReturnType<typeof totals>) {
	expect(actual).toBeDefined();
	for (const k of ['trainings', 'registered', 'completed', 'dropped_out'] as const)
		expect(Number(actual![k])).toBe(want[k]);
	for (const k of ['completion_rate', 'satisfaction'] as const) {
		if (want[k] === null) expect(actual![k]).toBe('');
		else expect(Number(actual![k])).toBeCloseTo(want[k]!, 9);
	}
}

test('training tables by year and by programme match the sample file', async ({ page }) => {
	await open(page, '/trainings');
	const byYear = await readTable(page, 'training-by-year');
	const years = [...new Set(rows.map((r) => r.start_date.slice(0, 4)))].sort();
	expect([...byYear.keys()].sort()).toEqual(years);
	for (const y of years) check(byYear.get(y), totals(rows.filter((r) => r.start_date.startsWith(y))));
	const byProgram = await readTable(page, 'training-by-program');
	for (const p of new Set(rows.map((r) => r.program)))
		check(byProgram.get(p), totals(rows.filter((r) => r.program === p)));
});

test('seed 003 facts: RTK 2021 — 5 trainings, 122 registered, 113 completed, 9 dropped out, 95 %', async ({
	page
}) => {
	await open(page, '/trainings?from=2021&to=2021&organiser=RTK');
	const byYear = await readTable(page, 'training-by-year');
	expect(byYear.get('2021')).toMatchObject({
		trainings: '5',
		registered: '122',
		completed: '113',
		dropped_out: '9',
		satisfaction: '95'
	});
});

test('filters round-trip through the URL and an unknown value gives a notice', async ({ page }) => {
	await open(page, '/trainings');
	await page.locator('select[name="organiser"]').selectOption('ELVL');
	await expect(page).toHaveURL(/organiser=ELVL/);
	await page.reload();
	await waitReady(page);
	const byProgram = await readTable(page, 'training-by-program');
	const elvl = new Set(rows.filter((r) => r.organiser === 'ELVL').map((r) => r.program));
	expect(new Set(byProgram.keys())).toEqual(elvl);
	await open(page, '/trainings?organiser=Nobody');
	await expect(page.locator('[data-notice="bad-param"]')).toContainText('Nobody');
});

test('an imported training file changes the tables', async ({ page }) => {
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/trainings-et.csv');
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'has-errors');
	await page.locator('[data-action="commit-valid-rows"]').click();
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'committed');
	await open(page, '/trainings');
	const byYear = await readTable(page, 'training-by-year');
	// The sample rows are gone; the two valid rows of the fixture (2025) remain: 24 + 16 registered.
	expect([...byYear.keys()]).toEqual(['2025']);
	expect(byYear.get('2025')).toMatchObject({
		trainings: '2',
		registered: '40',
		completed: '37',
		dropped_out: '3'
	});
});

for (const lang of ['et', 'en'])
	test(`every column of the training tables is in sight on a 1366 px screen (${lang})`, async ({ page }) => {
		await page.setViewportSize({ width: 1366, height: 900 });
		await open(page, `/trainings?lang=${lang}`);
		expect(await page.locator('main table[data-table]').count()).toBe(8);
		expect(await tablesWiderThanTheirBox(page)).toEqual([]);
		// An activity's own trainings, beside its report history.
		await open(page, `/activities/1.1.5?lang=${lang}`);
		expect((await readTable(page, 'activity-trainings')).size).toBeGreaterThan(0);
		expect(await tablesWiderThanTheirBox(page)).toEqual([]);
	});

test('rates and per-1,000 figures line up: every figure of a column has the same decimals', async ({
	page
}) => {
	for (const lang of ['et', 'en']) {
		await open(page, `/trainings?lang=${lang}`);
		const columns = await page.$$eval('main table[data-table^="training-by-"]', (tables) =>
			tables.flatMap((t) =>
				['completion_rate', 'satisfaction', 'per_1000'].map((col) => ({
					col: `${t.getAttribute('data-table')}.${col}`,
					texts: [...t.querySelectorAll(`tbody td[data-col="${col}"]`)]
						.map((td) => td.textContent?.trim() ?? '')
						.filter((s) => s !== '–')
				}))
			)
		);
		const checked = columns.filter((c) => c.texts.length > 1);
		expect(checked.map((c) => c.col)).toContain('training-by-municipality.per_1000');
		expect(checked.map((c) => c.col)).toContain('training-by-county.completion_rate');
		for (const { col, texts } of checked) {
			const decimals = new Set(texts.map((s) => /[.,](\d+)/.exec(s)?.[1].length ?? 0));
			expect([...decimals], `${lang} ${col}: ${texts.slice(0, 8).join(' ')}`).toHaveLength(1);
		}
	}
});

test('the programmes chart names every programme whole, inside the picture', async ({ page }) => {
	await open(page, '/trainings');
	const labels = await leftAxisLabels(page, 'training-by-program');
	const programmes = [...(await readTable(page, 'training-by-program')).keys()];
	expect(programmes.length).toBeGreaterThan(1);
	expect(labels.map((l) => l.name).sort()).toEqual(programmes.sort());
	expect(labels.filter((l) => !l.inside)).toEqual([]);
});

test('a sortable table sorts by the clicked column, numbers as numbers, and says so (aria-sort)', async ({
	page
}) => {
	await open(page, '/trainings?lang=en');
	const table = page.locator('table[data-table="training-by-activity"]');
	const column = (col: string) =>
		table
			.locator(`tbody tr[data-key] td[data-col="${col}"]`)
			.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value') ?? ''));
	const header = (label: string) => table.locator('thead th').filter({ hasText: label });
	const byNumber = (a: string, b: string) => Number(a) - Number(b);

	await header('Registered').locator('button').click();
	await expect(header('Registered')).toHaveAttribute('aria-sort', 'ascending');
	const up = await column('registered');
	expect(up.length).toBeGreaterThan(2);
	expect(up).toEqual([...up].sort(byNumber));
	await header('Registered').locator('button').click();
	await expect(header('Registered')).toHaveAttribute('aria-sort', 'descending');
	expect(await column('registered')).toEqual([...up].sort(byNumber).reverse());

	// Activity numbers sort part by part (3.3.2.1 before 3.3.2.6; 1.10 would come after 1.9).
	await header('Activity').locator('button').click();
	const ids = await column('name');
	const parts = (id: string) => id.split('.').map(Number);
	const byId = (a: string, b: string) => {
		const [x, y] = [parts(a), parts(b)];
		for (let i = 0; i < Math.max(x.length, y.length); i++)
			if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
		return 0;
	};
	expect(ids).toEqual([...ids].sort(byId));
	await expect(header('Registered')).toHaveAttribute('aria-sort', 'none');
});

test('the totals by plan activity name each activity by its title from the plan, beside its number', async ({
	page
}) => {
	const titles = new Map(
		parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8')).map((a) => [a.activity_id, a.title])
	);
	await open(page, '/trainings?lang=en');
	const cells = await page.$$eval('table[data-table="training-by-activity"] td[data-col="name"]', (tds) =>
		tds.map((td) => [td.getAttribute('data-value') ?? '', td.querySelector('.title')?.textContent ?? ''])
	);
	expect(cells.length).toBeGreaterThan(2);
	for (const [id, title] of cells) expect([id, title]).toEqual([id, titles.get(id)]);
});
