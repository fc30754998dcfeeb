import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, readTable, waitReady } from './hooks';
import { parsePlan } from '../../src/lib/plan/parsePlan';

const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));

const planIds = readFileSync('data/plan-2022-2025.txt', 'utf8')
	.split(/\r?\n/)
	.map((l) => /^(\d+(?:\.\d+){2,3})\.?\t/.exec(l)?.[1])
	.filter((x): x is string => !!x);

test('the activities table lists all 42 plan activities with the hook columns', async ({ page }) => {
	await open(page, '/activities?year=2024');
	const t = await readTable(page, 'activities');
	expect([...t.keys()].sort()).toEqual([...planIds].sort());
	expect(t.get('2.3.1')).toMatchObject({
		direction: '2',
		target_value: '3',
		target_unit: 'count',
		deadline_year: '2023'
	});
	expect(t.get('3.2.1')?.lead_owners).toBe('RM;SiM;SoM');
	expect(t.get('2.6.2')).toMatchObject({ target_unit: 'percent', target_value: '40' });
});

test('filters live in the URL and survive a reload', async ({ page }) => {
	await open(page, '/activities');
	await page.locator('select[name="direction"]').selectOption('2');
	await expect(page).toHaveURL(/direction=2/);
	await page.locator('input[name="late"]').check();
	await expect(page).toHaveURL(/late=1/);
	await page.reload();
	await waitReady(page);
	await expect(page.locator('select[name="direction"]')).toHaveValue('2');
	const t = await readTable(page, 'activities');
	for (const [id, row] of t) {
		expect(id.startsWith('2.')).toBe(true);
		expect(row.late).toBe('true');
	}
	await page.locator('[data-action="clear-filters"]').first().click();
	await expect(page).not.toHaveURL(/direction=/);
	expect((await readTable(page, 'activities')).size).toBe(planIds.length);
});

test('direction filter keeps exactly that direction’s activities', async ({ page }) => {
	await open(page, '/activities?direction=3');
	const t = await readTable(page, 'activities');
	expect([...t.keys()].sort()).toEqual(planIds.filter((id) => id.startsWith('3.')).sort());
});

test('the owner filter matches lead and co-owners', async ({ page }) => {
	await open(page, '/activities?owner=JuM');
	// JuM appears only as a co-owner of 3.2.1 in the plan.
	expect([...(await readTable(page, 'activities')).keys()]).toEqual(['3.2.1']);
});

test('an unknown filter value shows a notice and is ignored', async ({ page }) => {
	await open(page, '/activities?status=bogus&direction=9');
	await expect(page.locator('[data-notice="bad-param"]')).toContainText('bogus');
	expect((await readTable(page, 'activities')).size).toBe(planIds.length);
});

test('CSV export has a BOM, the hook columns and one row per shown activity', async ({ page }) => {
	await open(page, '/activities?direction=4');
	const download = page.waitForEvent('download');
	await page.locator('[data-action="export-csv"]').first().click();
	const text = readFileSync(await (await download).path(), 'utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const lines = text.trim().split(/\r\n/);
	expect(lines[0]).toContain('activity_id');
	expect(lines).toHaveLength(1 + planIds.filter((id) => id.startsWith('4.')).length);
});

test('an activity page shows the plan text, history and linked trainings', async ({ page }) => {
	await open(page, '/activities/3.3.2.1?lang=en');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Digipädevuste arendamine');
	await expect(page.locator('[data-field="target_text"]')).toHaveText(
		'Vähemalt 2 valdkondade ülest/ ühist algatust'
	);
	const trainings = await readTable(page, 'activity-trainings');
	const expected = readFileSync('data/sample/trainings.csv', 'utf8')
		.split('\n')
		.filter((l) => l.split(',')[3] === '3.3.2.1').length;
	expect(trainings.size).toBe(expected);
	await open(page, '/activities/9.9.9');
	await expect(page.locator('[data-state="not-found"]')).toBeVisible();
});

test('linked views: a direction filter on the overview changes the owner chart and can be cleared', async ({
	page
}) => {
	await open(page, '/?year=2024');
	const all = await readTable(page, 'attainment-by-owner');
	await open(page, '/?year=2024&direction=3');
	await expect(page.locator('[data-filter="direction"]')).toBeVisible();
	const filtered = await readTable(page, 'attainment-by-owner');
	const activitiesIn3 = [...filtered.values()].reduce((n, r) => Math.max(n, Number(r.activities)), 0);
	expect(activitiesIn3).toBeLessThanOrEqual(14);
	expect([...filtered.entries()]).not.toEqual([...all.entries()]);
	// The direction chart itself stays whole: it is the filter's source.
	expect((await readTable(page, 'attainment-by-direction')).size).toBe(4);
	await page.locator('[data-action="clear-filters"]').click();
	await expect(page).not.toHaveURL(/direction=/);
	await waitReady(page);
	expect([...(await readTable(page, 'attainment-by-owner')).entries()]).toEqual([...all.entries()]);
});

test('the annual report has the same numbers as the overview', async ({ page }) => {
	await open(page, '/?year=2024');
	const dir = await readTable(page, 'attainment-by-direction');
	const owner = await readTable(page, 'attainment-by-owner');
	await open(page, '/report?year=2024');
	const rdir = await readTable(page, 'attainment-by-direction');
	const rowner = await readTable(page, 'attainment-by-owner');
	const strip = (m: Map<string, Record<string, string>>) =>
		[...m].map(([k, v]) => [k, { ...v, name: undefined }]);
	expect(strip(rdir)).toEqual(strip(dir));
	expect(strip(rowner)).toEqual(strip(owner));
	await page.pdf({ path: test.info().outputPath('report.pdf'), format: 'A4' });
});

test('an extended deadline is said once in Estonian and translated in English', async ({ page }) => {
	// 2.5.2's deadline cell in the plan says the deadline was extended, in Estonian.
	const line = readFileSync('data/plan-2022-2025.txt', 'utf8')
		.split(/\r?\n/)
		.find((l) => l.startsWith('2.5.2\t'));
	const raw = (line ?? '').split('\t').at(-1)?.trim() ?? '';
	expect(raw).toMatch(/pikendatud/);
	const deadline = page.locator('[data-field="deadline_year"]');
	await open(page, '/activities/2.5.2?lang=et');
	await expect(deadline).toHaveText(raw);
	await open(page, '/activities/2.5.2?lang=en');
	await expect(deadline).toHaveText(`${raw} (the deadline was extended)`);
});

test('at 1366 px what the steering group reads is in sight; the number stays in sight when scrolled', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	for (const lang of ['et', 'en']) {
		await open(page, `/activities?lang=${lang}`);
		const cut = await page.$$eval('table[data-table="activities"] thead th', (ths) => {
			const box = (ths[0].closest('.table-scroll') as HTMLElement).getBoundingClientRect();
			return ths
				.filter((th) => th.getBoundingClientRect().right > box.right + 1)
				.map((th) => th.textContent?.trim() ?? '');
		});
		const inSight = ['activity_id', 'title', 'status', 'actual_value', 'target_value', 'score'].concat([
			'deadline_year',
			'late',
			'lead_owners'
		]);
		const labels = await page.$$eval(
			'table[data-table="activities"] tbody tr:first-child td[data-col]',
			(tds, cols) =>
				tds
					.filter((td) => cols.includes(td.getAttribute('data-col') ?? ''))
					.map((td) => {
						const table = td.closest('table') as HTMLTableElement;
						return (
							table.tHead?.rows[0].cells[(td as HTMLTableCellElement).cellIndex].textContent?.trim() ?? ''
						);
					}),
			inSight
		);
		expect(labels).toHaveLength(inSight.length);
		expect(
			cut.filter((label) => labels.includes(label)),
			lang
		).toEqual([]);
		// Something is behind the scroll (the plan's wording), so the sticky number matters.
		expect(cut.length, lang).toBeGreaterThan(0);
		const scroller = page.locator('table[data-table="activities"]').locator('xpath=..');
		const before = await page
			.locator('table[data-table="activities"] tbody td[data-col="activity_id"]')
			.first()
			.boundingBox();
		await scroller.evaluate((e) => (e.scrollLeft = 400));
		await expect
			.poll(() => scroller.evaluate((e) => e.scrollLeft), { message: 'the table scrolls sideways' })
			.toBeGreaterThan(0);
		const after = await page
			.locator('table[data-table="activities"] tbody td[data-col="activity_id"]')
			.first()
			.boundingBox();
		expect(after?.x).toBe(before?.x);
		const titleAfter = await page
			.locator('table[data-table="activities"] tbody td[data-col="title"]')
			.first()
			.boundingBox();
		expect((titleAfter?.x ?? 0) < (before?.x ?? 0)).toBe(true);
	}
});

test('on a phone the number, the title and the start of the status are in one screen width', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page, '/activities');
	const [statusLeft, boxRight] = await page.$$eval('table[data-table="activities"] thead th', (ths) => {
		const box = (ths[0].closest('.table-scroll') as HTMLElement).getBoundingClientRect();
		const table = ths[0].closest('table') as HTMLTableElement;
		const index = (table.tBodies[0].rows[0].querySelector('td[data-col="status"]') as HTMLTableCellElement)
			.cellIndex;
		return [ths[index].getBoundingClientRect().left, box.right];
	});
	expect(statusLeft).toBeLessThan(boxRight);
});

test('a yes/no activity reads "yes"/"no", not 1 beside "yes/no (done or not)"; its hooks stay numbers', async ({
	page
}) => {
	await open(page, '/activities?lang=en');
	const rows = await page.$$eval('table[data-table="activities"] tbody tr[data-key]', (trs) =>
		trs.map((tr) => {
			const cell = (col: string) => tr.querySelector(`td[data-col="${col}"]`) as HTMLElement;
			return {
				unit: cell('target_unit').dataset.value,
				target: [cell('target_value').dataset.value, cell('target_value').textContent?.trim()],
				actual: [cell('actual_value').dataset.value, cell('actual_value').textContent?.trim()]
			};
		})
	);
	const binary = rows.filter((r) => r.unit === 'binary');
	expect(binary.length).toBeGreaterThan(0);
	for (const r of binary) {
		expect(r.target).toEqual(['1', 'yes']);
		const [value, text] = r.actual;
		expect(text).toBe(value === '1' ? 'yes' : value === '0' ? 'no' : text);
	}
	expect(binary.some((r) => r.actual[0] === '1')).toBe(true);
	// Counted targets keep their number; a percentage target and its report carry the sign.
	const counted = rows.filter((r) => r.unit === 'count');
	for (const r of counted) expect(r.target[1]).toBe(r.target[0]);
	const percent = rows.filter((r) => r.unit === 'percent');
	expect(percent.length).toBeGreaterThan(0);
	for (const r of percent) {
		expect(r.target[1]).toBe(`${r.target[0]}%`);
		if (r.actual[0] !== '') expect(r.actual[1]).toMatch(/^[\d.,]+%$/);
	}
	expect(percent.some((r) => r.actual[0] !== '')).toBe(true);
});

test('the CSV keeps the plan’s column order whatever the screen shows first', async ({ page }) => {
	await open(page, '/activities');
	const download = page.waitForEvent('download');
	await page.locator('[data-action="export-csv"]').first().click();
	const header = readFileSync(await (await download).path(), 'utf8')
		.slice(1)
		.split(/\r\n/)[0]
		.split(',');
	expect(header.slice(0, 4)).toEqual(['activity_id', 'title', 'direction', 'target_text']);
	const screen = await page.$$eval(
		'table[data-table="activities"] tbody tr:first-child td[data-col]',
		(tds) => tds.map((td) => td.getAttribute('data-col'))
	);
	expect([...header].sort()).toEqual([...screen].sort());
	expect(screen.slice(0, 3)).toEqual(['activity_id', 'title', 'status']);
});

test('an activity’s page says its standing as of the chosen year, as the activities table does', async ({
	page
}) => {
	for (const year of [2024, 2022]) {
		await open(page, `/activities?year=${year}`);
		const rows = [...(await readTable(page, 'activities')).entries()];
		const picks = [
			rows.find(([, r]) => r.late === 'true'),
			rows.find(([, r]) => r.status === 'done'),
			rows.find(([, r]) => r.status === 'not_reported')
		].filter((x) => x !== undefined);
		expect(picks.length, String(year)).toBeGreaterThan(1);
		for (const [id, row] of picks) {
			await open(page, `/activities/${id}?year=${year}&lang=en`);
			const standing = page.locator('[data-standing]');
			await expect(standing).toHaveAttribute('data-standing', row.status);
			await expect(standing).toHaveAttribute('data-late', row.late);
			await expect(standing).toHaveAttribute('data-score', row.score);
			await expect(standing).toContainText(`As of ${year}:`);
			await expect(standing.getByText('Late', { exact: true })).toHaveCount(row.late === 'true' ? 1 : 0);
		}
	}
});

test("a percentage target is written as the reader's language writes it, on the activity page and in the trainings' evidence", async ({
	page
}) => {
	for (const [lang, sign] of [
		['en', '%'],
		['et', ' %']
	] as const) {
		await open(page, `/activities/2.6.2?lang=${lang}`);
		const target = page.locator('[data-field="target_value"]');
		const v = await target.getAttribute('data-value');
		expect(Number(v)).toBeGreaterThan(0);
		await expect(target).toHaveText(`${v}${sign}`);
		await open(page, `/trainings?lang=${lang}`);
		const rows = await page.$$eval('table[data-table="training-evidence"] tbody tr[data-key]', (trs) =>
			trs.map((tr) => ({
				unit: tr.querySelector('[data-col="target_unit"]')?.getAttribute('data-value'),
				value: tr.querySelector('[data-col="target_value"]')?.getAttribute('data-value'),
				text: tr.querySelector('[data-col="target_value"]')?.textContent?.trim()
			}))
		);
		const percent = rows.filter((r) => r.unit === 'percent');
		expect(percent.length, lang).toBeGreaterThan(0);
		for (const r of percent) expect(r.text).toBe(`${r.value}${sign}`);
	}
});

test("an address with no plan activity offers what it probably meant: the number, or the area's activities", async ({
	page
}) => {
	await open(page, '/activities/01.01.2003?lang=en');
	const notice = page.locator('[data-state="not-found"]');
	await expect(notice).toContainText('There is no activity "01.01.2003"');
	const near = notice.locator('[data-near="1.1.3"] a');
	await expect(near).toContainText(plan.find((a) => a.activity_id === '1.1.3')!.title.slice(0, 30));
	await near.click();
	await expect(page).toHaveURL(/\/activities\/1\.1\.3\?lang=en$/);
	await expect(page.locator('h1 .id')).toHaveText('1.1.3');

	await open(page, '/activities/2.5?lang=et');
	const listed = page.locator('[data-within="2.5"] li');
	const expected = plan.filter((a) => a.activity_id.startsWith('2.5.')).map((a) => a.activity_id);
	await expect(listed).toHaveCount(expected.length);
	expect(await listed.locator('strong').allTextContents()).toEqual(expected);

	await open(page, '/activities/9.9.9?lang=en');
	await expect(page.locator('[data-state="not-found"] a')).toHaveCount(0);
});
