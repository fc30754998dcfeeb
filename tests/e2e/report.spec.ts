import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { open, readTable, seriousAxeViolations, tablesWiderThanTheirBox, waitReady } from './hooks';
import { expectedGroups, standingsAt, type Standing } from './planRules';

/**
 * The annual and final review read through the hooks (ui-contract `report-direction-change`,
 * `report-status-changes`, …) against the year-on-year rules of metrics.md computed here from the
 * shipped sample progress file and the plan.
 */

function expectChange(
	table: Map<string, Record<string, string>>,
	cur: Map<string, ReturnType<typeof expectedGroups>['byDirection'] extends Map<string, infer G> ? G : never>,
	prev: typeof cur
) {
	expect([...table.keys()].sort()).toEqual([...cur.keys()].sort());
	for (const [key, g] of cur) {
		const row = table.get(key)!;
		const p = prev.get(key);
		const num = (v: string) => (v === '' ? null : Number(v));
		if (g.attainment === null) expect(row.attainment).toBe('');
		else expect(num(row.attainment), `${key} attainment`).toBeCloseTo(g.attainment, 9);
		if (!p || p.attainment === null) expect(row.attainment_prev).toBe('');
		else expect(num(row.attainment_prev), `${key} attainment_prev`).toBeCloseTo(p.attainment, 9);
		if (g.attainment === null || !p || p.attainment === null) expect(row.change).toBe('');
		else expect(num(row.change), `${key} change`).toBeCloseTo(g.attainment - p.attainment, 9);
		expect(Number(row.done), `${key} done`).toBe(g.done);
		expect(Number(row.late), `${key} late`).toBe(g.late);
	}
}

/** metrics.md: an activity whose display status as of Y differs from Y − 1, with its latest comment. */
function statusChanges(year: number) {
	const before = new Map(standingsAt(year - 1).map((s) => [s.a.activity_id, s]));
	return new Map(
		standingsAt(year)
			.filter((s) => before.get(s.a.activity_id)!.status !== s.status)
			.map((s) => [
				s.a.activity_id,
				{ status_prev: before.get(s.a.activity_id)!.status, status: s.status, comment: s.comment ?? '' }
			])
	);
}

for (const year of [2024, 2025]) {
	test(`/report?year=${year}: attainment beside ${year - 1} and the status changes follow the rules`, async ({
		page
	}) => {
		await open(page, `/report?year=${year}`);
		const cur = expectedGroups(year);
		const prev = expectedGroups(year - 1);
		expectChange(await readTable(page, 'report-direction-change'), cur.byDirection, prev.byDirection);
		expectChange(await readTable(page, 'report-owner-change'), cur.byOwner, prev.byOwner);

		const want = statusChanges(year);
		const got = await readTable(page, 'report-status-changes');
		expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
		for (const [id, w] of want) {
			const row = got.get(id)!;
			expect({ status_prev: row.status_prev, status: row.status, comment: row.comment }, id).toEqual(w);
		}
		// Charts, not only tables: both change charts are drawn.
		for (const id of ['report-direction-change', 'report-owner-change'])
			await expect(page.locator(`figure[data-chart="${id}"] svg`).first()).toBeVisible();
		// The summary paragraph is written from these numbers: the attainment change with its sign.
		const total = (y: number) => {
			const scored = standingsAt(y).filter((s) => s.score !== null);
			return scored.reduce((t, s) => t + (s.score ?? 0), 0) / scored.length;
		};
		const pp = Math.round((total(year) - total(year - 1)) * 100);
		const signed = `${pp > 0 ? '+' : pp < 0 ? '−' : '±'}${Math.abs(pp)}\u00a0pp`;
		await expect(page.locator('[data-summary]').first()).toContainText(signed);
		await expect(page.locator('[data-summary]').first()).toContainText(`${year - 1}`);
	});
}

test('the final review (2025): attainment per plan year, the carry-over list and its CSV', async ({
	page
}) => {
	await open(page, '/report?year=2025&lang=en');
	await expect(page.locator('[data-report="final"]')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('final review');

	const years = await readTable(page, 'report-direction-years');
	for (const y of [2022, 2023, 2024, 2025]) {
		const want = expectedGroups(y).byDirection;
		for (const [key, g] of want) {
			const raw = years.get(key)?.[`attainment_${y}`];
			expect(Number(raw), `${key} ${y}`).toBeCloseTo(g.attainment as number, 9);
		}
	}
	const carry = standingsAt(2025).filter((s: Standing) => s.status !== 'done' && s.status !== 'cancelled');
	const got = await readTable(page, 'report-carry-over');
	expect([...got.keys()]).toEqual(carry.map((s) => s.a.activity_id));
	for (const s of carry) expect(got.get(s.a.activity_id)?.comment ?? '').toBe(s.comment ?? '');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('[data-action="export-csv"][data-export="carry-over"]').click()
	]);
	const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
	const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
	expect(rows.length - 1).toBe(carry.length);
	const idCol = rows[0].indexOf('No.');
	expect(idCol).toBeGreaterThanOrEqual(0);
	expect(rows.slice(1).map((r) => r[idCol])).toEqual(carry.map((s) => s.a.activity_id));
});

/** The PDF's outline entries (Chromium writes one per heading with `outline: true`). */
function outlineTitles(pdf: Buffer): string[] {
	const text = pdf.toString('latin1');
	return [...text.matchAll(/\/Title\s*(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]+>)/g)].map(([, s]) => {
		if (s.startsWith('(')) return s.slice(1, -1).replace(/\\(.)/g, '$1');
		const hex = s.slice(1, -1);
		const bytes = Buffer.from(hex, 'hex');
		if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
		return bytes.toString('latin1');
	});
}

async function printed(page: Page) {
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	return { pdf, pages, outline: outlineTitles(pdf) };
}

for (const [path, sections] of [
	['/report?year=2023', 5],
	['/report?year=2025&lang=en', 7]
] as const) {
	test(`${path} prints to PDF: one section per page break, each in the outline`, async ({ page }) => {
		await open(page, path);
		const titles = await page.locator('section[data-section] > h2').allTextContents();
		expect(titles.length).toBe(sections);
		const { pdf, pages, outline } = await printed(page);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		// Every section starts on a page of its own.
		expect(pages).toBeGreaterThanOrEqual(sections);
		for (const title of titles) expect(outline, title).toContain(title.trim());
		// Charts are printed: the SVGs are in the print layout, not only the tables.
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('figure[data-chart="report-direction-change"] svg').first()).toBeVisible();
		await page.emulateMedia({ media: 'screen' });
	});
}

for (const lang of ['et', 'en'])
	test(`the final review's tables (${lang}) show every column on the sheet and on an A4 page`, async ({
		page
	}) => {
		await open(page, `/report?year=2025&lang=${lang}`);
		expect(await page.locator('.report table[data-table]').count()).toBeGreaterThan(10);
		expect(await tablesWiderThanTheirBox(page, '.report')).toEqual([]);
		// A4 between Chrome's default print margins: 210 mm − 2 × 0.4 in ≈ 718 CSS px.
		await page.setViewportSize({ width: 718, height: 1000 });
		await page.emulateMedia({ media: 'print' });
		expect(await tablesWiderThanTheirBox(page, '.report')).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(718);
	});

test('the printed page header names the plan, the year and marks sample data', async ({ page }) => {
	await open(page, '/report?year=2024');
	const css = await page.locator('style[data-print-marks]').textContent();
	expect(css).toContain('KOV inimvara keskse arendamise tegevuskava 2022–2025');
	expect(css).toContain('Aastaülevaade 2024');
	expect(css).toContain('NÄIDISANDMED');
	expect(css).toContain('counter(page)');
});

for (const lang of ['et', 'en'])
	test(`axe: the annual review (2023) in ${lang}`, async ({ page }) => {
		await open(page, `/report?year=2023&lang=${lang}`);
		const bad = await seriousAxeViolations(page, 'light');
		expect(bad, bad.join('\n')).toEqual([]);
	});

test('the report’s activity lines say targets and reports in their unit: yes/no as words, percentages with the sign', async ({
	page
}) => {
	await open(page, '/activities?lang=en');
	const units = new Map(
		[...(await readTable(page, 'activities')).entries()].map(([id, r]) => [id, r.target_unit])
	);
	await open(page, '/report?lang=en');
	const lines = await page.$$eval('table[data-table^="report-direction-"]', (tables) =>
		tables
			.filter((t) => /^report-direction-\d+$/.test(t.getAttribute('data-table') ?? ''))
			.flatMap((t) => [...t.querySelectorAll('tbody tr[data-key]')])
			.map((tr) => {
				const cell = (c: string) => tr.querySelector(`td[data-col="${c}"]`) as HTMLElement;
				return {
					id: tr.getAttribute('data-key') ?? '',
					target: [cell('target_value').dataset.value ?? '', cell('target_value').textContent?.trim() ?? ''],
					actual: [cell('actual_value').dataset.value ?? '', cell('actual_value').textContent?.trim() ?? '']
				};
			})
	);
	expect(lines.length).toBe(units.size);
	const seen = new Set<string>();
	for (const { id, target, actual } of lines) {
		const unit = units.get(id);
		seen.add(unit ?? '');
		for (const [value, text] of [target, actual]) {
			if (value === '') expect(text, id).toBe('–');
			else if (unit === 'binary' && (value === '0' || value === '1'))
				expect(text, id).toBe(value === '1' ? 'yes' : 'no');
			else if (unit === 'percent') expect(text, id).toMatch(/%$/);
			else expect(text, id).not.toMatch(/%|yes|no/);
		}
	}
	expect([...seen].sort()).toEqual(['binary', 'count', 'percent']);
});

test('"Large type" enlarges the report’s sheet and tables, which still fit, and is remembered after a reload', async ({
	page
}) => {
	await open(page, '/report?lang=en');
	const size = () =>
		page
			.locator('table[data-table="report-direction-1"] td')
			.first()
			.evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
	const normal = await size();
	// 8.5 pt at the normal size (a document's table).
	expect(normal).toBeCloseTo((8.5 * 96) / 72, 1);
	const toggle = page.locator('[data-action="toggle-large-type"]');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	expect(await size()).toBeCloseTo(normal * 1.25, 1);
	// The sheet grows with its text, so every table still fits it.
	expect(await tablesWiderThanTheirBox(page)).toEqual([]);
	await page.reload();
	await waitReady(page);
	await expect(page.locator('[data-action="toggle-large-type"]')).toHaveAttribute('aria-pressed', 'true');
	expect(await size()).toBeCloseTo(normal * 1.25, 1);
	await page.locator('[data-action="toggle-large-type"]').click();
	expect(await size()).toBeCloseTo(normal, 1);
});
