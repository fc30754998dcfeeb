import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { open, readTable } from './hooks';

/**
 * Wide service-level tables as statistics offices publish them (issue #22): uploaded through the
 * import page, then read back through the municipality ranking and checked against values
 * computed here from the file itself (independently of the app's parsers).
 */
const F = (name: string) => `tests/fixtures/${name}`;
const status = (page: Page) => page.locator('[data-import-status]');

async function upload(page: Page, file: string) {
	await page.locator('input[type="file"]').setInputFiles(F(file));
	await expect(status(page)).not.toHaveAttribute('data-import-status', /idle|reading/);
}

const codes = new Map(
	Papa.parse<Record<string, string>>(readFileSync('data/municipalities.csv', 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data.map((r) => [r.name, r.ehak_code])
);

/** A cell as Estonian Excel writes it: `1 234,5`, `1 234`, `−3`, `+14`, `45,5 %` → a number. */
function excelNumber(cell: string): number | null {
	const s = cell
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(/%$/, '')
		.replace(/^−/, '-')
		.replace(',', '.');
	return s === '' ? null : Number(s);
}

/** The file's rows below its header (`headerLine`, 0-based), as records, footnote lines dropped. */
function records(file: string, headerLine: number): Record<string, string>[] {
	const text = readFileSync(F(file), 'utf8').split(/\r?\n/).slice(headerLine).join('\n');
	return Papa.parse<Record<string, string>>(text, {
		header: true,
		delimiter: ';',
		skipEmptyLines: true
	}).data.filter((r) => Object.values(r).filter((v) => v.trim() !== '').length > 1);
}

type Long = { ehak: string; year: number; indicator: string; value: number | null };

async function expectRanking(page: Page, long: Long[], indicator: string, year: number) {
	await open(page, `/municipalities?${new URLSearchParams({ indicator, year: String(year) })}`);
	const table = await readTable(page, 'municipality-ranking');
	const want = long.filter((r) => r.indicator === indicator && r.year === year);
	expect(want.length).toBeGreaterThan(0);
	for (const w of want) {
		const row = table.get(w.ehak);
		expect(row, `${w.ehak} ${indicator} ${year}`).toBeDefined();
		if (w.value === null) expect(row!.value).toBe('');
		else expect(Number(row!.value), `${w.ehak} ${indicator} ${year}`).toBeCloseTo(w.value, 9);
	}
	// Every other municipality has no value: the sample rows were replaced by the file's.
	const listed = new Set(want.map((w) => w.ehak));
	for (const [code, row] of table) if (!listed.has(code)) expect(row.value, code).toBe('');
}

test('a year-wide statistics table with id columns is unpivoted at once and lands in the ranking', async ({
	page
}) => {
	const file = 'service-levels-wide-years-ids.csv';
	const years = ['2022', '2023', '2024'];
	const long: Long[] = records(file, 1).flatMap((r) =>
		years.map((y) => ({
			ehak: codes.get(r.Omavalitsus)!,
			year: Number(y),
			indicator: r['Näitaja'],
			value: excelNumber(r[y])
		}))
	);
	expect(long).toHaveLength(36);

	await open(page, '/import');
	await upload(page, file);
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	await expect(page.locator('fieldset[data-wide="year"]')).toHaveAttribute('data-wide-state', 'auto');
	await expect(page.locator('select[name="dataset"]')).toHaveValue('service_levels');
	await expect(page.locator('[data-fact="valid-rows"]')).toHaveAttribute('data-value', String(long.length));
	// The preview shows the long rows: file row 3 (Tallinn) gives one row per year.
	const preview = await page.$$eval('table[data-table="import-preview"] tbody tr', (trs) =>
		trs.map((tr) =>
			['ehak_code', 'year', 'domain', 'indicator', 'value', 'unit'].map((c) =>
				tr.querySelector(`[data-col="${c}"]`)?.getAttribute('data-value')
			)
		)
	);
	expect(preview.slice(0, 3).map((r) => [r[0], r[1], r[4]])).toEqual(
		long.slice(0, 3).map((l) => [l.ehak, String(l.year), String(l.value)])
	);
	expect(preview[0].slice(2, 4)).toEqual(['haridus', long[0].indicator]);
	expect(preview[0][5]).toBe('%');

	await page.locator('[data-action="commit-import"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'committed');
	const [entry] = [...(await readTable(page, 'import-history')).values()];
	expect(entry).toMatchObject({ dataset: 'service_levels', rows_added: '36', rows_rejected: '0' });

	const indicators = [...new Set(long.map((l) => l.indicator))];
	await expectRanking(page, long, indicators[0], 2023);
	await expectRanking(page, long, indicators[1], 2024);
});

test('an indicator-wide table with a year column is unpivoted at once and lands in the ranking', async ({
	page
}) => {
	const file = 'service-levels-wide-indicators.csv';
	const rows = records(file, 0);
	const indicators = Object.keys(rows[0]).slice(2);
	const long: Long[] = rows.flatMap((r) =>
		indicators.map((i) => ({
			ehak: codes.get(r.KOV)!,
			year: Number(r.Aasta),
			indicator: i,
			value: excelNumber(r[i])
		}))
	);

	await open(page, '/import');
	await upload(page, file);
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	await expect(page.locator('fieldset[data-wide="indicator"]')).toHaveAttribute('data-wide-state', 'auto');
	await expect(page.locator('[data-fact="valid-rows"]')).toHaveAttribute('data-value', String(long.length));
	await page.locator('[data-action="commit-import"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'committed');

	await expectRanking(page, long, indicators[0], 2024);
	await expectRanking(page, long, indicators[1], 2023);
});

test('an ambiguous wide table asks first (needs-input), then gives the rows of the chosen reading', async ({
	page
}) => {
	const file = 'service-levels-wide-ambiguous.csv';
	const headers = ['2022. a', '2023. a', 'Aasta 2024'];
	const long: Long[] = records(file, 0).flatMap((r) =>
		headers.map((h, k) => ({
			ehak: codes.get(r.Omavalitsus)!,
			year: 2022 + k,
			indicator: r.Teenus,
			value: excelNumber(r[h])
		}))
	);

	await open(page, '/import?lang=en');
	await upload(page, file);
	await expect(status(page)).toHaveAttribute('data-import-status', 'needs-input');
	await expect(page.locator('fieldset[data-wide="year"]')).toHaveAttribute('data-wide-state', 'needs-input');
	await expect(page.locator('[data-wide-needs="indicator"]')).toBeVisible();
	await expect(page.locator('[data-nothing-to-save="needs_input"]')).toBeVisible();
	await expect(page.locator('[data-action="commit-import"], [data-action="commit-valid-rows"]')).toHaveCount(
		0
	);
	await expect(page.locator('[data-fact="valid-rows"]')).toHaveAttribute('data-value', '0');

	// The user says which column holds the indicator.
	await page.locator('select[name="wide-from"]').selectOption({ label: 'Teenus' });
	await page.locator('[data-action="confirm-unpivot"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	await expect(page.locator('fieldset[data-wide="year"]')).toHaveAttribute('data-wide-state', 'chosen');
	await expect(page.locator('[data-fact="valid-rows"]')).toHaveAttribute('data-value', String(long.length));
	const preview = await page.$$eval('table[data-table="import-preview"] tbody tr', (trs) =>
		trs.map((tr) =>
			['ehak_code', 'year', 'indicator', 'value'].map((c) =>
				tr.querySelector(`[data-col="${c}"]`)?.getAttribute('data-value')
			)
		)
	);
	expect(preview).toEqual(long.map((l) => [l.ehak, String(l.year), l.indicator, String(l.value)]));

	await page.locator('[data-action="commit-import"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'committed');
	await expectRanking(page, long, long[0].indicator, 2023);
});

test('a file whose every row has an error: has-errors, nothing to save, and why', async ({ page }) => {
	await open(page, '/import?lang=en');
	await page.locator('input[type="file"]').setInputFiles({
		name: 'all-bad.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Nr;Aasta;Staatus;Tegelik\n9.9.9;2024;töös;1\n1.1.1;2024;töös;45 %\n', 'utf8')
	});
	await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
	await expect(page.locator('[data-action="commit-valid-rows"]')).toBeDisabled();
	await expect(page.locator('[data-action="commit-import"]')).toHaveCount(0);
	await expect(page.locator('[data-nothing-to-save="all_rows_invalid"]')).toContainText(
		'No row can be saved'
	);
	const reasons = await page.$$eval('table[data-table="import-errors"] [data-col="reason"]', (tds) =>
		tds.map((t) => t.textContent ?? '')
	);
	expect(reasons[1]).toContain('is a percentage, but the target of activity 1.1.1');
});

/** The page and `kov check` run the same import core: the same status and counts for wide tables. */
for (const fixture of [
	'service-levels-wide-years-ids.csv',
	'service-levels-wide-indicators.csv',
	'service-levels-wide-ambiguous.csv'
]) {
	test(`browser and CLI agree on ${fixture}`, async ({ page }) => {
		const cli = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/kov.ts', 'check', F(fixture), '--json'],
			{
				encoding: 'utf8'
			}
		);
		const j = JSON.parse(cli.stdout);
		expect(cli.status).toBe(j.status === 'ready' ? 0 : 2);
		await open(page, '/import');
		await upload(page, fixture);
		await expect(status(page)).toHaveAttribute('data-import-status', j.status);
		const fact = (name: string) => page.locator(`[data-fact="${name}"]`).getAttribute('data-value');
		expect(Number(await fact('row-count'))).toBe(j.rowCount);
		expect(Number(await fact('valid-rows'))).toBe(j.validRows);
		await expect(page.locator(`fieldset[data-wide="${j.wide.kind}"]`)).toBeVisible();
	});
}
