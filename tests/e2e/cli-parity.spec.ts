import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { open, readTable } from './hooks';

/** The import page and `kov check` run the same import core: same facts and errors for the same file. */
for (const fixture of ['progress-mixed-errors.csv', 'progress-win1257-tab-title.csv', 'trainings-et.csv']) {
	test(`browser and CLI agree on ${fixture}`, async ({ page }) => {
		const cli = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/kov.ts', 'check', `tests/fixtures/${fixture}`, '--json', '--lang', 'en'],
			{
				encoding: 'utf8'
			}
		);
		const j = JSON.parse(cli.stdout);
		await open(page, '/import?lang=en');
		await page.locator('input[type="file"]').setInputFiles(`tests/fixtures/${fixture}`);
		await expect(page.locator('[data-import-status]')).toHaveAttribute(
			'data-import-status',
			/ready|has-errors/
		);
		const fact = (name: string) => page.locator(`[data-fact="${name}"]`).getAttribute('data-value');
		expect(await fact('encoding')).toBe(j.encoding);
		expect(await fact('delimiter')).toBe(j.delimiter);
		expect(Number(await fact('header-row'))).toBe(j.headerRow);
		expect(Number(await fact('row-count'))).toBe(j.rowCount);
		expect(Number(await fact('valid-rows'))).toBe(j.validRows);
		await expect(page.locator('select[name="dataset"]')).toHaveValue(j.dataset);
		const errors = await page.$$eval('table[data-table="import-errors"] tbody tr', (trs) =>
			trs.map((tr) => ({
				row: Number(tr.getAttribute('data-key')),
				column: tr.querySelector('[data-col="column"]')?.getAttribute('data-value'),
				value: tr.querySelector('[data-col="value"]')?.getAttribute('data-value'),
				reason: tr.querySelector('[data-col="reason"]')?.textContent?.trim()
			}))
		);
		expect(errors).toEqual(
			j.errors.map((e: Record<string, unknown>) => ({
				row: e.row,
				column: e.column,
				value: e.value,
				reason: e.reason
			}))
		);
	});
}

test('an imported service-level file changes the municipality ranking', async ({ page }) => {
	const indicator = 'Kvalifikatsioonile vastavate õpetajate osakaal (%)';
	const url = `/municipalities?indicator=${encodeURIComponent(indicator)}&year=2024`;
	await open(page, url);
	const before = await readTable(page, 'municipality-ranking');
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles({
		name: 'teenustasemed-2024.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			`Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik\nRae vald;2024;haridus;${indicator};100;%\nTallinn;2024;haridus;${indicator};50,5;%\n`
		)
	});
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	await page.locator('[data-action="commit-import"]').click();
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'committed');
	await open(page, url);
	const after = await readTable(page, 'municipality-ranking');
	expect(after).not.toEqual(before);
	// The sample rows of the dataset are gone: only the two imported municipalities have values.
	expect(after.get('0653')).toMatchObject({ value: '100', rank: '1' });
	expect(after.get('0784')).toMatchObject({ value: '50.5', rank: '2' });
	expect([...after.values()].filter((r) => r.value !== '')).toHaveLength(2);
});
