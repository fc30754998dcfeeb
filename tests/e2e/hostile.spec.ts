import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, readTable } from './hooks';

/** Files we did not write: text stays text, nothing runs, bad files change nothing. */
const HOSTILE = [
	'<img src=x onerror=alert(1)>',
	'<script>alert(2)</script>',
	'"); DROP TABLE progress; --',
	'=HYPERLINK("http://evil.example","klikk")',
	"+cmd|' /C calc'!A0",
	'@SUM(1+1)',
	'<svg onload=alert(3)><circle r=5/></svg>'
];

function watchDialogs(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', async (d) => {
		dialogs.push(d.message());
		await d.dismiss();
	});
	return dialogs;
}

test('markup, SQL and formulas in a file are imported as literal text and never run', async ({ page }) => {
	const dialogs = watchDialogs(page);
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/progress-hostile.csv');
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	const preview = await readTable(page, 'import-preview');
	expect([...preview.values()].map((r) => r.comment)).toEqual(HOSTILE);
	await page.locator('[data-action="commit-import"]').click();
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'committed');

	await open(page, '/activities/2.5.1');
	const history = await readTable(page, 'activity-history');
	expect(history.get('2024')?.comment).toBe(HOSTILE[0]);
	await expect(page.getByText(HOSTILE[0], { exact: true }).first()).toBeVisible();
	expect(await page.locator('img[src="x"], script:text("alert"), svg circle[r="5"]').count()).toBe(0);

	// The progress table survived the "DROP TABLE" comment.
	await open(page, '/?year=2024');
	expect((await readTable(page, 'attainment-by-direction')).size).toBe(4);

	// Exports carry the formula guard.
	await open(page, '/activities/2.5.4');
	const download = page.waitForEvent('download');
	await page.locator('figure[data-chart="activity-history"] [data-action="export-csv"]').click();
	const csv = readFileSync(await (await download).path(), 'utf8');
	expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klikk"")"`);
	expect(dialogs).toEqual([]);
});

test('huge, wide and odd files are rejected with one message and change nothing', async ({ page }) => {
	const dialogs = watchDialogs(page);
	await open(page, '/?year=2024');
	const before = [...(await readTable(page, 'attainment-by-direction')).entries()];
	await open(page, '/import');
	const files = [
		{ name: 'one-long-line.csv', buffer: Buffer.from('x'.repeat(5 * 1024 * 1024)), code: 'no_header' },
		{
			name: 'ten-thousand-columns.csv',
			buffer: Buffer.from(
				Array.from({ length: 10_000 }, (_, i) => `v${i}`).join(';') + '\n' + '1;'.repeat(9999) + '1\n'
			),
			code: 'too_many_columns'
		},
		{ name: 'nul-bytes.csv', buffer: Buffer.from([0x4e, 0x72, 0x00, 0x3b, 0x00]), code: 'binary' }
	];
	for (const f of files) {
		await page
			.locator('input[type="file"]')
			.setInputFiles({ name: f.name, mimeType: 'text/csv', buffer: f.buffer });
		await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'rejected');
		await expect(page.locator(`[data-problem="${f.code}"]`)).toBeVisible();
	}
	await open(page, '/?year=2024');
	expect([...(await readTable(page, 'attainment-by-direction')).entries()]).toEqual(before);
	expect(dialogs).toEqual([]);
});

test('a reload during an import leaves the previous data intact', async ({ page }) => {
	await open(page, '/?year=2024');
	const before = [...(await readTable(page, 'attainment-by-direction')).entries()];
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/progress-canonical.csv');
	await page.reload();
	await open(page, '/?year=2024');
	expect([...(await readTable(page, 'attainment-by-direction')).entries()]).toEqual(before);
});

test('a corrupt stored state falls back to the default data with a notice', async ({ page }) => {
	await open(page, '/?year=2024');
	const before = [...(await readTable(page, 'attainment-by-direction')).entries()];
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('kov-seire');
				req.onupgradeneeded = () => req.result.createObjectStore('imports');
				req.onsuccess = () => {
					const tx = req.result.transaction('imports', 'readwrite');
					tx.objectStore('imports').put(
						[{ id: 'broken', dataset: 'progress', file: 'x.csv', at: '2026-01-01' }],
						'imports'
					);
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	await open(page, '/?year=2024');
	await expect(page.locator('[data-notice="corrupt-state"]')).toBeVisible();
	expect([...(await readTable(page, 'attainment-by-direction')).entries()]).toEqual(before);
});

test('a full browser storage is reported and the commit changes nothing', async ({ page }) => {
	// IndexedDB refuses writes once `__quotaFull` is set, as a browser over its quota does.
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
			if ((window as unknown as { __quotaFull?: boolean }).__quotaFull)
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await open(page, '/?year=2024');
	const before = [...(await readTable(page, 'attainment-by-direction')).entries()];
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/progress-canonical.csv');
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	await page.evaluate(() => ((window as unknown as { __quotaFull?: boolean }).__quotaFull = true));
	await page.locator('[data-action="commit-import"]').click();
	const error = page.locator('[data-message="error"]');
	await expect(error).toBeVisible();
	await expect(error).toContainText('salvestusruum on täis');
	await expect(page.locator('[data-import-status]')).not.toHaveAttribute('data-import-status', 'committed');
	expect(await page.locator('table[data-table="import-history"] tbody tr[data-key]').count()).toBe(0);
	// Same session and after a reload: the data are as before.
	await page.locator('nav a[href^="/?"], nav a[href="/"]').first().click();
	await page.waitForURL(/\/(\?.*)?$/);
	await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
	await open(page, '/?year=2024');
	expect([...(await readTable(page, 'attainment-by-direction')).entries()]).toEqual(before);
});

test('a file of mixed encodings and one with odd header names import with the text intact', async ({
	page
}) => {
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/service-levels-mixed-encoding.csv');
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	const warnings = await readTable(page, 'import-warnings');
	expect(warnings.get('3')?.reason).toContain('UTF-8');
	const preview = await readTable(page, 'import-preview');
	expect([...preview.values()].map((r) => r.ehak_code)).toEqual(['0622', '0917', '0255']);
	await expect(page.locator('table[data-table="import-preview"]')).toContainText(
		'Õpetajate osakaal kvalifikatsiooniga (%)'
	);

	await page.locator('[data-action="cancel-import"]').click();
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/progress-odd-header.csv');
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	const odd = await readTable(page, 'import-warnings');
	expect(odd.get('1')?.column).toBe('Aasta');
	await expect(page.locator('p', { hasText: 'Kommentaar; "märkus"' })).toBeVisible();
	// Mapped by hand, the quoted column's text arrives whole.
	await page.locator('select[aria-label$=": comment"]').selectOption('3');
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	await expect
		.poll(async () => (await readTable(page, 'import-preview')).get('2')?.comment)
		.toBe('Märkus; "tsitaat" sees');
});

test('markup in an indicator name stays text in the municipality tables, whose names link to profiles', async ({
	page
}) => {
	const dialogs = watchDialogs(page);
	const name = HOSTILE[0];
	const rows = ['Tallinn', 'Tartu linn'].flatMap((m, i) =>
		[2023, 2024].map((y) => `${m};${y};Haridus;${name};${y - 2000 + i},5;%`)
	);
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles({
		name: 'teenustasemed-markup.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(['Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik', ...rows].join('\r\n') + '\r\n')
	});
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	await page.locator('[data-action="commit-import"]').click();
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'committed');

	await open(page, `/municipalities?${new URLSearchParams({ indicator: name, year: '2024', m: '0784' })}`);
	const ranking = await readTable(page, 'municipality-ranking');
	expect(ranking.get('0784')).toMatchObject({ value: '24.5', rank: '2' });
	expect(ranking.get('0793')).toMatchObject({ value: '25.5', rank: '1' });
	const tallinn = page.locator(
		'[data-table="municipality-ranking"] tr[data-key="0784"] td[data-col="name"] a'
	);
	await expect(tallinn).toHaveText('Tallinn');
	await expect(tallinn).toHaveAttribute('href', /^\/municipalities\/0784\?/);
	const cell = page.locator(
		'[data-table="municipality-compare"] tr[data-key="0784:' + name + '"] td[data-col="indicator"]'
	);
	await expect(cell).toHaveText(name);
	await expect(cell).toHaveAttribute('data-value', name);
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	// The link opens the profile, carrying the indicator (the table is in the chart's <details>).
	await page.locator('figure[data-chart="municipality-ranking"] summary').click();
	await tallinn.click();
	await expect(page).toHaveURL(/\/municipalities\/0784\?.*indicator=/);
	expect(dialogs).toEqual([]);
});
