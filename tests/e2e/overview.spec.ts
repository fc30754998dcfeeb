import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parsePlan } from '../../src/lib/plan/parsePlan';
import { open, readTable, guardOrigin } from './hooks';

/**
 * The overview read through the hooks, checked against attainment computed here from the shipped
 * sample progress file and the plan (metrics.md rules, written out independently of the app's SQL).
 */
interface P {
	activity_id: string;
	year: number;
	status: string;
	actual_value: number | null;
	target_value: number | null;
	reported_at: string;
	seq: number;
}
const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));
const progress: P[] = Papa.parse<Record<string, string>>(readFileSync('data/sample/progress.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data.map((r, i) => ({
	activity_id: r.activity_id,
	year: Number(r.year),
	status: r.status,
	actual_value: r.actual_value === '' ? null : Number(r.actual_value),
	target_value: r.target_value === '' ? null : Number(r.target_value),
	reported_at: r.reported_at ?? '',
	seq: i
}));

function expected(year: number) {
	const standings = plan.map((a) => {
		const reports = progress
			.filter((p) => p.activity_id === a.activity_id && p.year <= year)
			.sort((x, y) => y.year - x.year || (y.reported_at > x.reported_at ? 1 : -1) || y.seq - x.seq);
		const r = reports[0];
		const status = r ? r.status : 'not_reported';
		let score: number | null = 0;
		if (r && r.status === 'cancelled') score = null;
		else if (r && r.status === 'done') score = 1;
		else if (r) {
			const target = r.target_value ?? a.target_value;
			score = target > 0 && r.actual_value !== null ? Math.min(1, Math.max(0, r.actual_value / target)) : 0;
		}
		const late =
			status !== 'done' &&
			status !== 'cancelled' &&
			!a.recurring &&
			a.deadline_year !== null &&
			a.deadline_year < year;
		return { a, status, score, late };
	});
	const group = (list: typeof standings) => {
		const scored = list.filter((s) => s.score !== null);
		return {
			attainment: scored.length ? scored.reduce((t, s) => t + (s.score ?? 0), 0) / scored.length : null,
			activities: list.length,
			reported: list.filter((s) => s.status !== 'not_reported').length,
			done: list.filter((s) => s.status === 'done').length,
			at_risk: list.filter((s) => s.status === 'at_risk').length,
			late: list.filter((s) => s.late).length,
			not_reported: list.filter((s) => s.status === 'not_reported').length
		};
	};
	const byDirection = new Map(
		[1, 2, 3, 4].map((d) => [String(d), group(standings.filter((s) => s.a.direction === d))])
	);
	const owners = new Set(plan.flatMap((a) => a.lead_owners));
	const byOwner = new Map(
		[...owners].map((o) => [o, group(standings.filter((s) => s.a.lead_owners.includes(o)))])
	);
	return { byDirection, byOwner };
}

function expectGroups(
	actual: Map<string, Record<string, string>>,
	wanted: ReturnType<typeof expected>['byDirection']
) {
	expect([...actual.keys()].sort()).toEqual([...wanted.keys()].sort());
	for (const [key, w] of wanted) {
		const row = actual.get(key)!;
		if (w.attainment === null) expect(row.attainment).toBe('');
		else expect(Number(row.attainment)).toBeCloseTo(w.attainment, 9);
		for (const col of ['activities', 'reported', 'done', 'at_risk', 'late', 'not_reported'] as const) {
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
