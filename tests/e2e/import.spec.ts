import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, readTable, waitReady } from './hooks';

const F = (name: string) => `tests/fixtures/${name}`;

async function upload(page: Page, file: string) {
	await page.locator('input[type="file"]').setInputFiles(F(file));
	await expect(page.locator('[data-import-status]')).not.toHaveAttribute(
		'data-import-status',
		/idle|reading/
	);
}
const status = (page: Page) => page.locator('[data-import-status]');

async function tableSnapshot(page: Page, path: string, id: string) {
	await open(page, path);
	return [...(await readTable(page, id)).entries()];
}

test('a ; + decimal comma + BOM + CRLF progress export previews, commits and changes the overview', async ({
	page
}) => {
	await open(page, '/import');
	await upload(page, 'progress-et-semicolon-bom-crlf.csv');
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	await expect(page.locator('[data-fact="encoding"]')).toHaveAttribute('data-value', 'utf-8-bom');
	await expect(page.locator('[data-fact="delimiter"]')).toHaveAttribute('data-value', ';');
	await expect(page.locator('select[name="dataset"]')).toHaveValue('progress');
	await expect(page.locator('[data-notice="sample-replaced"]')).toBeVisible();
	const preview = await readTable(page, 'import-preview');
	expect([...preview.keys()]).toEqual(['2', '3', '4', '5', '6']);
	expect(preview.get('4')).toMatchObject({
		activity_id: '2.5.8',
		year: '2024',
		status: 'at_risk',
		actual_value: '7.5',
		target_value: '20'
	});
	expect(preview.get('5')?.comment).toBe('Digipädevuste programm; 1. etapp');
	expect(preview.get('3')?.reported_at).toBe('2025-01-20');

	await page.locator('[data-action="commit-import"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'committed');
	const history = await readTable(page, 'import-history');
	expect(history.size).toBe(1);
	const [entry] = [...history.values()];
	expect(entry).toMatchObject({
		dataset: 'progress',
		file: 'progress-et-semicolon-bom-crlf.csv',
		rows_added: '5',
		rows_replaced: '0',
		rows_rejected: '0'
	});

	// The sample rows are gone: only the five imported activities are reported for 2024.
	await open(page, '/?year=2024');
	// Progress is now real; trainings and service levels are still the sample.
	await expect(page.locator('[data-provenance]')).toHaveAttribute('data-provenance', 'mixed');
	const byDirection = await readTable(page, 'attainment-by-direction');
	const reported = [...byDirection.values()].reduce((n, r) => n + Number(r.reported), 0);
	expect(reported).toBe(5);
	// 2.5.8: 7,5 of target 20 → 0.375; direction 2 has 17 activities, 2.5.2 in progress with 2 of 3.
	const d2 = byDirection.get('2')!;
	expect(Number(d2.attainment)).toBeCloseTo((7.5 / 20 + 2 / 3 + 31.5 / 40) / 17, 9);
});

test('Windows-1257 + tab + title line + quoted newline is read right', async ({ page }) => {
	await open(page, '/import');
	await upload(page, 'progress-win1257-tab-title.csv');
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	await expect(page.locator('[data-fact="encoding"]')).toHaveAttribute('data-value', 'windows-1257');
	await expect(page.locator('[data-fact="delimiter"]')).toHaveAttribute('data-value', '\t');
	await expect(page.locator('[data-fact="header-row"]')).toHaveAttribute('data-value', '3');
	const preview = await readTable(page, 'import-preview');
	expect([...preview.keys()]).toEqual(['4', '5', '6']);
	expect(preview.get('5')?.comment).toBe('Šokk-koolitus ja žürii töö:\nteine osa lükkus 2025. aastasse');
	expect(preview.get('6')?.status).toBe('done');
});

test('mixed valid and invalid rows: every error named, commit only valid rows on request', async ({
	page
}) => {
	await open(page, '/import');
	await upload(page, 'progress-mixed-errors.csv');
	await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
	await expect(page.locator('[data-action="commit-import"]')).toHaveCount(0);
	const rows = await page.$$eval('table[data-table="import-errors"] tbody tr', (trs) =>
		trs.map((tr) => [
			tr.getAttribute('data-key'),
			tr.querySelector('[data-col="column"]')?.getAttribute('data-value'),
			tr.querySelector('[data-col="value"]')?.getAttribute('data-value'),
			tr.querySelector('[data-col="reason"]')?.textContent?.trim()
		])
	);
	expect(rows.map((r) => r.slice(0, 3))).toEqual([
		['3', 'Nr', '9.9.9'],
		['4', 'Staatus', 'valmis?'],
		['5', 'Aasta', '1999'],
		['6', 'Tegelik', 'viis'],
		['7', 'Kuupäev', '31.02.2025']
	]);
	expect(rows[1][3]).toContain('alustamata, töös, riskis, tehtud, tühistatud');
	const download = page.waitForEvent('download');
	await page.locator('[data-action="download-errors"]').click();
	const text = readFileSync(await (await download).path(), 'utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	expect(text).toContain('valmis?');

	await page.locator('[data-action="commit-valid-rows"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'committed');
	const [entry] = [...(await readTable(page, 'import-history')).values()];
	expect(entry).toMatchObject({ rows_added: '2', rows_rejected: '5' });
});

test('re-import replaces by key, undo restores the prior state exactly, and data survive a reload', async ({
	page
}) => {
	const before = await tableSnapshot(page, '/?year=2024', 'attainment-by-direction');
	await open(page, '/import');
	await upload(page, 'progress-canonical.csv');
	await page.locator('[data-action="commit-import"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'committed');
	const afterFirst = await tableSnapshot(page, '/?year=2024', 'attainment-by-direction');
	expect(afterFirst).not.toEqual(before);

	await open(page, '/import');
	await upload(page, 'progress-canonical.csv');
	await page.locator('[data-action="commit-import"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'committed');
	const history = [...(await readTable(page, 'import-history')).values()];
	expect(history[0]).toMatchObject({ rows_added: '0', rows_replaced: '3' });
	expect(await tableSnapshot(page, '/?year=2024', 'attainment-by-direction')).toEqual(afterFirst);

	// Reload: the imports are still there.
	await page.reload();
	await waitReady(page);
	expect([...(await readTable(page, 'attainment-by-direction')).entries()]).toEqual(afterFirst);

	// Undo both, newest first: back to exactly the sample state.
	await open(page, '/import');
	for (let i = 0; i < 2; i++) {
		await page.locator('[data-action="undo-import"]').first().click();
		await expect(page.locator('table[data-table="import-history"] tbody tr')).toHaveCount(1 - i);
	}
	expect(await tableSnapshot(page, '/?year=2024', 'attainment-by-direction')).toEqual(before);
	await expect(page.locator('[data-provenance]')).toHaveAttribute('data-provenance', 'sample');
});

test('reset to default data forgets every import', async ({ page }) => {
	const before = await tableSnapshot(page, '/?year=2024', 'attainment-by-owner');
	await open(page, '/import');
	await upload(page, 'progress-canonical.csv');
	await page.locator('[data-action="commit-import"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'committed');
	await page.locator('[data-action="reset-data"]').click();
	await page.locator('[data-action="confirm-reset"]').click();
	await expect(page.locator('table[data-table="import-history"] tbody tr')).toHaveCount(0);
	await page.reload();
	await waitReady(page);
	expect(await tableSnapshot(page, '/?year=2024', 'attainment-by-owner')).toEqual(before);
});

for (const [file, code] of [
	['empty.csv', 'empty'],
	['header-only.csv', 'header_only'],
	['binary.csv', 'binary'],
	['html-as-csv.csv', 'html'],
	['no-header.csv', 'no_header']
] as const) {
	test(`${file} is rejected with one clear message and changes nothing`, async ({ page }) => {
		const before = await tableSnapshot(page, '/?year=2024', 'attainment-by-direction');
		await open(page, '/import');
		await upload(page, file);
		await expect(status(page)).toHaveAttribute('data-import-status', 'rejected');
		await expect(page.locator(`[data-problem="${code}"]`)).toBeVisible();
		await expect(
			page.locator('[data-action="commit-import"], [data-action="commit-valid-rows"]')
		).toHaveCount(0);
		expect(await tableSnapshot(page, '/?year=2024', 'attainment-by-direction')).toEqual(before);
	});
}

test('a cancelled import changes nothing', async ({ page }) => {
	const before = await tableSnapshot(page, '/?year=2024', 'attainment-by-direction');
	await open(page, '/import');
	await upload(page, 'progress-canonical.csv');
	await page.locator('[data-action="cancel-import"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'idle');
	expect(await tableSnapshot(page, '/?year=2024', 'attainment-by-direction')).toEqual(before);
});

test('error messages follow the language: English reasons with ?lang=en', async ({ page }) => {
	await open(page, '/import?lang=en');
	await upload(page, 'trainings-et.csv');
	await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
	await expect(page.locator('select[name="dataset"]')).toHaveValue('trainings');
	const reasons = await page.$$eval('table[data-table="import-errors"] [data-col="reason"]', (tds) =>
		tds.map((t) => t.textContent ?? '')
	);
	expect(reasons[0]).toContain('"Tartu" is ambiguous: Tartu linn | Tartu vald');
	expect(reasons[1]).toContain('Completed (25) plus dropped out (8) is more than registered (30)');
});

test('a wide service-level table is unpivoted after the user confirms the year columns', async ({ page }) => {
	await open(page, '/import');
	await upload(page, 'service-levels-wide-years.csv');
	await expect(page.locator('fieldset[data-wide="year"]')).toBeVisible();
	await page.locator('input[name="wide-fixed"]').fill('Koduteenuse ootejärjekord (päeva)');
	await page.locator('[data-action="confirm-unpivot"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	// 3 municipalities × 3 years; the empty 2024 value of Rae vald stays missing, not 0.
	expect(await page.locator('[data-fact="valid-rows"]').getAttribute('data-value')).toBe('9');
	const rows = await page.$$eval('table[data-table="import-preview"] tbody tr', (trs) =>
		trs.map((tr) =>
			['ehak_code', 'year', 'indicator', 'value'].map((c) =>
				tr.querySelector(`[data-col="${c}"]`)?.getAttribute('data-value')
			)
		)
	);
	expect(rows[0]).toEqual(['0784', '2022', 'Koduteenuse ootejärjekord (päeva)', '12.5']);
	expect(rows[5]).toEqual(['0653', '2024', 'Koduteenuse ootejärjekord (päeva)', '']);
});

test('the import worker waiting for a file is stopped when the analyst leaves /import', async ({ page }) => {
	const started = page.waitForEvent('worker', (w) => w.url().includes('import.worker'));
	await open(page, '/import');
	const worker = await started;
	const closed = new Promise<void>((resolve) => worker.on('close', () => resolve()));
	// A client-side navigation (the nav link), as an analyst leaves the page.
	await page.locator('nav a[href="/"]').first().click();
	await waitReady(page);
	await closed;
	expect(page.workers().filter((w) => w.url().includes('import.worker'))).toEqual([]);
});

test('the save button counts rows in English: one row, several rows', async ({ page }) => {
	await open(page, '/import?lang=en');
	const file = (lines: string[]) => ({
		name: 'tasemed.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(['Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik', ...lines].join('\n'))
	});
	const input = page.locator('input[type="file"]');
	await input.setInputFiles(file(['Tallinn;2024;haridus;X (%);5;%', 'Atlantis;2024;haridus;X (%);5;%']));
	await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
	await expect(page.locator('[data-action="commit-valid-rows"]')).toHaveText(
		'Save only the 1 valid row, leave out 1 with errors'
	);
	await input.setInputFiles(file(['Tallinn;2024;haridus;X (%);5;%']));
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	await expect(page.locator('[data-action="commit-import"]')).toHaveText('Save the 1 row');
	await input.setInputFiles(file(['Tallinn;2024;haridus;X (%);5;%', 'Rae vald;2024;haridus;X (%);6;%']));
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	await expect(page.locator('[data-action="commit-import"]')).toHaveText('Save all 2 rows');
});

test('a misspelt municipality gets a "did you mean" with the name it is nearest to, in both languages', async ({
	page
}) => {
	const file = {
		name: 'tasemed.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			[
				'Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik',
				'Tallin;2024;haridus;X (%);5;%',
				'Saarema vald;2024;haridus;X (%);6;%',
				'Atlantis;2024;haridus;X (%);7;%',
				'Rae vald;2024;haridus;X (%);8;%'
			].join('\n')
		)
	};
	for (const [lang, near, none] of [
		[
			'en',
			(v: string, n: string) => `No municipality "${v}" was found. Did you mean ${n}?`,
			'No municipality "Atlantis" was found.'
		],
		[
			'et',
			(v: string, n: string) => `Omavalitsust „${v}“ ei leitud. Kas mõeldud on: ${n}?`,
			'Omavalitsust „Atlantis“ ei leitud.'
		]
	] as const) {
		await open(page, `/import?lang=${lang}`);
		await page.locator('input[type="file"]').setInputFiles(file);
		await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
		const errors = await readTable(page, 'import-errors');
		expect([...errors.values()].map((e) => [e.row, e.value, e.reason])).toEqual([
			['2', 'Tallin', near('Tallin', 'Tallinn')],
			['3', 'Saarema vald', near('Saarema vald', 'Saaremaa vald')],
			['4', 'Atlantis', none]
		]);
	}
});

test('an activity number Excel turned into a date, or wrote with commas, is named for what it probably was', async ({
	page
}) => {
	await open(page, '/import?lang=en');
	await page.locator('input[type="file"]').setInputFiles({
		name: 'aruanded.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			['Nr;Aasta;Staatus;Tegelik', '1,1,3;2024;töös;1', '01.01.2003;2024;töös;1', '1.1.5;2024;tehtud;1'].join(
				'\n'
			)
		)
	});
	await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
	await expect(page.locator('select[name="dataset"]')).toHaveValue('progress');
	const errors = await readTable(page, 'import-errors');
	expect([...errors.values()].map((e) => [e.row, e.value, e.reason])).toEqual([
		['2', '1,1,3', 'There is no activity "1,1,3" in the action plan. Did you mean 1.1.3?'],
		[
			'3',
			'01.01.2003',
			'"01.01.2003" is a date, not an activity number: Excel has probably turned activity 1.1.3 into one. Format the column as text, type 1.1.3 and export again.'
		]
	]);
});

test('a training linked to a mangled activity number is imported without the link, and the warning says what it was', async ({
	page
}) => {
	await open(page, '/import?lang=en');
	const header =
		'Koolituse ID;Programm;Teema;Tegevus;Korraldaja;Algus;Lõpp;Omavalitsus;Registreerunud;Läbinud;Katkestanud;Rahulolu';
	await page.locator('input[type="file"]').setInputFiles({
		name: 'koolitused.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			[
				header,
				'K-1;Programm;Teema;3,3,2,1;RTK;07.09.2021;08.09.2021;Saue vald;10;9;1;90',
				'K-2;Programm;Teema;01.01.2005;RTK;07.09.2021;08.09.2021;Saue vald;10;9;1;90'
			].join('\n')
		)
	});
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	await expect(page.locator('select[name="dataset"]')).toHaveValue('trainings');
	const warnings = await page.$$eval('table[data-table="import-warnings"] tbody tr', (trs) =>
		trs.map((tr) => tr.textContent ?? '')
	);
	expect(warnings).toHaveLength(2);
	expect(warnings[0]).toContain('There is no activity "3,3,2,1" in the plan (did you mean 3.3.2.1?)');
	expect(warnings[1]).toContain(
		'"01.01.2005" is a date, not an activity number (Excel has probably turned activity 1.1.5 into one)'
	);
});
