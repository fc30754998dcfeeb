import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parsePlan } from '../../src/lib/plan/parsePlan';
import { leftAxisLabels, open, readTable, seriousAxeViolations } from './hooks';

/**
 * /data-quality read through the hooks after importing two progress files, checked against the
 * chase list computed here from those files and the plan by metrics.md "Missing reports", written
 * out independently of the app's SQL.
 */
const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));
const FILES = ['progress-chase-list.csv', 'progress-canonical.csv'];

/** The status words of the two files (data-contract "progress"). */
const STATUS: Record<string, string> = {
	tehtud: 'done',
	töös: 'in_progress',
	riskis: 'at_risk',
	tühistatud: 'cancelled',
	done: 'done',
	in_progress: 'in_progress'
};
interface Report {
	activity_id: string;
	year: number;
	status: string;
}
function readReports(file: string): Report[] {
	const text = readFileSync(`tests/fixtures/${file}`, 'utf8');
	const parsed = Papa.parse<string[]>(text.trim(), { delimiter: text.includes(';') ? ';' : ',' }).data;
	return parsed.slice(1).map((r) => ({
		activity_id: r[0],
		year: Number(r[1]),
		status: STATUS[r[2].toLowerCase()]
	}));
}
/** Imports replace by (activity_id, year): the later file wins. */
const reports = new Map<string, Report>();
for (const file of FILES) for (const r of readReports(file)) reports.set(`${r.activity_id}|${r.year}`, r);

function expected(year: number): Map<string, Record<string, string>> {
	const out = new Map<string, Record<string, string>>();
	for (const a of plan) {
		const own = [...reports.values()].filter((r) => r.activity_id === a.activity_id);
		if (own.some((r) => r.year === year)) continue;
		const prev = own.filter((r) => r.year <= year - 1).sort((x, y) => y.year - x.year)[0];
		const statusPrev = prev ? prev.status : 'not_reported';
		const owes = a.recurring || (statusPrev !== 'done' && statusPrev !== 'cancelled');
		if (!owes) continue;
		out.set(a.activity_id, {
			lead_owners: [...a.lead_owners].sort().join(';'),
			last_report_year: prev ? String(prev.year) : '',
			status_prev: statusPrev
		});
	}
	return out;
}

async function importFile(page: Page, file: string) {
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles(`tests/fixtures/${file}`);
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	await page.locator('[data-action="commit-import"]').click();
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'committed');
}

function pick(table: Map<string, Record<string, string>>) {
	return new Map(
		[...table].map(([k, r]) => [
			k,
			{ lead_owners: r.lead_owners, last_report_year: r.last_report_year, status_prev: r.status_prev }
		])
	);
}

test('missing reports after two progress imports: the list, the owner groups, the overview line and the CSV', async ({
	page
}) => {
	for (const file of FILES) await importFile(page, file);

	// The header's year is now the latest year with a report: 2025.
	await open(page, '/data-quality');
	const want2025 = expected(2025);
	expect(want2025.get('4.1.1')).toEqual({ lead_owners: 'RM', last_report_year: '2024', status_prev: 'done' });
	expect(want2025.has('1.1.1')).toBe(false);
	expect(want2025.has('1.1.2')).toBe(false);
	expect(want2025.get('2.5.8')?.status_prev).toBe('not_reported');
	const table = await readTable(page, 'missing-reports');
	expect(pick(table)).toEqual(want2025);
	expect([...table.keys()]).toEqual([...want2025.keys()]);

	// Grouped by lead owner: an activity with several lead owners is counted under each.
	const perOwner = new Map<string, number>();
	for (const r of want2025.values())
		for (const o of r.lead_owners.split(';')) perOwner.set(o, (perOwner.get(o) ?? 0) + 1);
	const groups = await page.$$eval('[data-section="missing-reports"] li[data-owner]', (lis) =>
		lis.map((li) => [li.getAttribute('data-owner'), Number(li.getAttribute('data-count'))] as const)
	);
	expect(new Map(groups)).toEqual(perOwner);
	// Each activity links to its page.
	await expect(
		page.locator('[data-section="missing-reports"] a[href="/activities/2.5.2"]').first()
	).toHaveCount(1);

	// The chase list: BOM, `;`, one line per owner and activity.
	const [dl] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('[data-action="download-chase-list"]').click()
	]);
	expect(dl.suggestedFilename()).toBe('puuduvad-aruanded-2025.csv');
	const csv = readFileSync((await dl.path())!, 'utf8');
	expect(csv.startsWith('\uFEFFPeavastutaja;Organisatsioon;Tegevuse nr;')).toBe(true);
	const lines = csv.trim().split('\r\n').slice(1);
	expect(lines).toHaveLength([...perOwner.values()].reduce((a, b) => a + b, 0));
	expect(lines).toContain(
		'RM;Rahandusministeerium;4.1.1;Igaaastane tegevuskava täitmise ülevaade;2025;2024;Tehtud'
	);

	// Another year from the URL.
	await open(page, '/data-quality?year=2024');
	expect(pick(await readTable(page, 'missing-reports'))).toEqual(expected(2024));

	// The overview's line names the same numbers and leads to the list.
	await open(page, '/');
	const line = page.locator('[data-missing-reports]');
	await expect(line).toHaveAttribute('data-missing-reports', String(want2025.size));
	await expect(line).toHaveAttribute('data-owners', String(perOwner.size));
	await expect(line.locator('a')).toHaveText(
		`${want2025.size} tegevust võlgneb 2025. aasta aruannet (${perOwner.size} vastutajat)`
	);
	await line.locator('a').click();
	await expect(page).toHaveURL(/\/data-quality\?year=2025$/);
});

test('coverage: municipalities with a value per indicator and year, as counted in the sample file', async ({
	page
}) => {
	const rows = Papa.parse<Record<string, string>>(readFileSync('data/sample/service_levels.csv', 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
	const counts = new Map<string, Set<string>>();
	for (const r of rows) {
		if (r.value === '') continue;
		const k = `${r.indicator}|${r.year}`;
		counts.set(k, (counts.get(k) ?? new Set()).add(r.ehak_code));
	}
	const years = [...new Set(rows.map((r) => r.year))].sort();
	await open(page, '/data-quality');
	const table = await readTable(page, 'service-level-coverage');
	expect([...table.keys()].sort()).toEqual([...new Set(rows.map((r) => r.indicator))].sort());
	for (const [indicator, cols] of table)
		for (const y of years)
			expect([indicator, y, cols[y]]).toEqual([
				indicator,
				y,
				String(counts.get(`${indicator}|${y}`)?.size ?? '')
			]);
	// A cell links to the municipality page filtered to that indicator and year.
	const [indicator] = [...table.keys()];
	const href = await page
		.locator(
			`table[data-table="service-level-coverage"] tr[data-key="${indicator}"] td[data-col="${years[0]}"] a`
		)
		.getAttribute('href');
	expect(href).toBe(`/municipalities?${new URLSearchParams({ indicator, year: years[0] })}`);
	// The chart says its data are the sample, in a badge the size of its text (not a bar across the card).
	const figure = page.locator('figure[data-chart="service-level-coverage"]');
	const badge = figure.locator('.badge');
	await expect(badge).toHaveText('Näidisandmed');
	const [b, f] = [await badge.boundingBox(), await figure.boundingBox()];
	expect(b!.width).toBeLessThan(f!.width / 4);
	// The chart names each indicator whole (wrapped, not cut with "…"), inside the picture.
	const labels = await leftAxisLabels(page, 'service-level-coverage');
	expect(labels.map((l) => l.name).sort()).toEqual([...table.keys()].sort());
	expect(labels.filter((l) => !l.inside).map((l) => l.name)).toEqual([]);

	// Warnings: one line per kind whose count is its rows in the full table.
	const all = await readTable(page, 'data-quality');
	const kinds = new Map<string, number>();
	for (const r of all.values()) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
	const lines = await page.$$eval('[data-warning-kind]', (lis) =>
		lis.map((li) => [li.getAttribute('data-warning-kind'), Number(li.getAttribute('data-count'))] as const)
	);
	expect(new Map(lines)).toEqual(kinds);
	// The service-level gaps come from the sample and say so.
	await expect(page.locator('[data-warning-kind="service_level_missing_value"] summary')).toContainText(
		'näidisandmetest'
	);
});

for (const lang of ['et', 'en']) {
	test(`axe on /data-quality in ${lang} with a chase list, and no overflow at 390 px`, async ({ page }) => {
		await importFile(page, FILES[0]);
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await open(page, `/data-quality?lang=${lang}`);
			const bad = await seriousAxeViolations(page, scheme);
			expect(bad, bad.join('\n')).toEqual([]);
		}
		await page.setViewportSize({ width: 390, height: 844 });
		await open(page, `/data-quality?lang=${lang}`);
		await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	});
}
