import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { open } from './hooks';

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
