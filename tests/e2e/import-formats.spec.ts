import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, readTable } from './hooks';

/** Issue #18: Excel's other exports, templates, the rejected rows to fix and resubmit, limits. */
const status = (page: Page) => page.locator('[data-import-status]');
const DATASETS = ['progress', 'trainings', 'service_levels', 'municipalities', 'activities'];

async function uploadBuffer(page: Page, name: string, buffer: Buffer) {
	await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
	await expect(status(page)).not.toHaveAttribute('data-import-status', /idle|reading/);
}

async function downloaded(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
	const download = page.waitForEvent('download');
	await page.locator(selector).click();
	const d = await download;
	return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

for (const lang of ['et', 'en'])
	test(`every template (${lang}) downloads and imports unchanged as its two example rows`, async ({
		page
	}) => {
		await open(page, `/import?lang=${lang}`);
		for (const dataset of DATASETS) {
			const t = await downloaded(page, `[data-action="download-template"][data-dataset="${dataset}"]`);
			expect(t.name.endsWith('.csv')).toBe(true);
			expect([...t.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const header = t.bytes.toString('utf8').slice(1).split('\r\n')[0];
			expect(header.includes(';')).toBe(true);
			if (dataset === 'progress')
				expect(header.startsWith(lang === 'et' ? 'Nr;Aasta;Staatus' : 'Activity id;Year;Status')).toBe(true);
			await uploadBuffer(page, t.name, t.bytes);
			await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
			await expect(page.locator('select[name="dataset"]')).toHaveValue(dataset);
			expect([...(await readTable(page, 'import-preview')).keys()]).toEqual(['2', '3']);
			await page.locator('[data-action="cancel-import"]').click();
		}
	});

test("Excel's Unicode Text export (UTF-16 LE, tab) previews with its letters", async ({ page }) => {
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/progress-unicode-text.txt');
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	await expect(page.locator('[data-fact="encoding"]')).toHaveAttribute('data-value', 'utf-16le');
	await expect(page.locator('[data-fact="delimiter"]')).toHaveAttribute('data-value', '\t');
	const preview = await readTable(page, 'import-preview');
	expect(preview.get('2')?.comment).toBe('Koolitused žüriiga');
});

test('a workbook: the first sheet, a sheet picker, cell values; another sheet on request', async ({
	page
}) => {
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/progress-workbook.xlsx');
	await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
	await expect(page.locator('[data-fact="encoding"]')).toHaveAttribute('data-value', 'xlsx');
	await expect(page.locator('[data-fact="sheet"]')).toHaveAttribute('data-value', 'Aruanne 2024');
	await expect(page.locator('[data-fact="header-row"]')).toHaveAttribute('data-value', '3');
	await expect(page.locator('select[name="sheet"] option')).toHaveText(['Aruanne 2024', 'Selgitused']);
	const preview = await readTable(page, 'import-preview');
	expect(preview.get('5')).toMatchObject({ actual_value: '1234.5', reported_at: '2025-01-20' });
	// The notes sheet has no dataset's columns: one clear message, the picker stays to go back.
	await page.locator('select[name="sheet"]').selectOption('Selgitused');
	await expect(status(page)).toHaveAttribute('data-import-status', 'rejected');
	await expect(page.locator('[data-problem="unknown_dataset"]')).toBeVisible();
	await expect(page.locator('select[name="sheet"]')).toHaveValue('Selgitused');
	await page.locator('select[name="sheet"]').selectOption('Aruanne 2024');
	await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
	await expect(page.locator('[data-fact="sheet"]')).toHaveAttribute('data-value', 'Aruanne 2024');
});

test('Download errors gives the rejected rows as they were plus an error column; fixed, they import', async ({
	page
}) => {
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles('tests/fixtures/progress-mixed-errors.csv');
	await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
	const errors = [...(await readTable(page, 'import-errors')).keys()];
	const file = await downloaded(page, '[data-action="download-errors"]');
	expect(file.name).toBe('progress-mixed-errors-vead.csv');
	const text = file.bytes.toString('utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	const lines = text.slice(1).trimEnd().split('\r\n');
	expect(lines[0]).toBe('Nr;Aasta;Staatus;Tegelik;Kommentaar;Kuupäev;viga');
	expect(lines.length - 1).toBe(errors.length);
	expect(lines.find((l) => l.includes('valmis?'))).toContain('„Staatus“');

	const fixed = text
		.replace('9.9.9;', '1.1.1;')
		.replace('valmis?;', 'tehtud;')
		.replace(';1999;', ';2023;')
		.replace(';viis;', ';5;')
		.replace('31.02.2025;', '28.02.2025;');
	await uploadBuffer(page, 'progress-fixed.csv', Buffer.from(fixed, 'utf8'));
	await expect(status(page)).toHaveAttribute('data-import-status', 'ready');
	expect((await readTable(page, 'import-preview')).size).toBe(errors.length);
	await page.locator('[data-action="commit-import"]').click();
	await expect(status(page)).toHaveAttribute('data-import-status', 'committed');
});

test('limits: a 5 MB comment is a row error naming its length; a 70 kB header rejects the file', async ({
	page
}) => {
	await open(page, '/import?lang=en');
	const long = `Nr;Aasta;Staatus;Kommentaar\r\n1.1.1;2024;töös;${'x'.repeat(5 * 1024 * 1024)}\r\n2.5.1;2024;tehtud;lühike\r\n`;
	await uploadBuffer(page, 'long-comment.csv', Buffer.from(long, 'utf8'));
	await expect(status(page)).toHaveAttribute('data-import-status', 'has-errors');
	const errors = await readTable(page, 'import-errors');
	expect(errors.get('2')?.column).toBe('Kommentaar');
	await expect(page.locator('table[data-table="import-errors"] [data-col="reason"]').first()).toContainText(
		'5242880 characters'
	);
	await page.locator('[data-action="cancel-import"]').click();
	const wide = `Nr;Aasta;Staatus;${'k'.repeat(70 * 1024)}\r\n1.1.1;2024;töös;x\r\n`;
	await uploadBuffer(page, 'long-header.csv', Buffer.from(wide, 'utf8'));
	await expect(status(page)).toHaveAttribute('data-import-status', 'rejected');
	await expect(page.locator('[data-problem="header_too_large"]')).toBeVisible();
});
