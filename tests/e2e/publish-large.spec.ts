import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { expectRanking, open, waitReady } from './hooks';
import { startSite } from './site';

/**
 * Publishing at the size analysts have: a 1,000,000-row service-level export imported on the page,
 * downloaded for publishing, put on the server; a planner's /municipalities is ready from the
 * published .csv.gz and ranks the municipalities right (values computed here from the generator).
 * The same export published by `kov publish` also carries a DuckDB database file, which the page
 * reads instead; a database file that is not the manifest's is an error naming it.
 */
const municipalities = Papa.parse<Record<string, string>>(readFileSync('data/municipalities.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data.map((r) => ({ ehak_code: r.ehak_code, name: r.name }));

const YEARS = Array.from({ length: 20 }, (_, i) => 2005 + i);
const INDICATORS = Math.ceil(1_000_000 / (municipalities.length * YEARS.length));
const value = (mi: number, ind: number, year: number) => ((mi * 37 + ind * 11 + year * 7) % 1000) / 10;

test('a published 1,000,000-row service-level table: the planner’s page is ready and ranks right', async ({
	browser
}) => {
	test.setTimeout(600_000);
	const dir = mkdtempSync(join(tmpdir(), 'kov-1m-'));
	const lines = ['Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik'];
	for (const [mi, m] of municipalities.entries())
		for (let ind = 1; ind <= INDICATORS; ind++)
			for (const y of YEARS)
				lines.push(`${m.name};${y};Haridus;Näitaja ${ind};${String(value(mi, ind, y)).replace('.', ',')};%`);
	const rows = lines.length - 1;
	expect(rows).toBeGreaterThanOrEqual(1_000_000);
	const csv = join(dir, 'teenustasemed-1m.csv');
	writeFileSync(csv, lines.join('\r\n') + '\r\n');

	const site = await startSite();
	try {
		const analyst = await (await browser.newContext({ baseURL: site.url })).newPage();
		await open(analyst, '/import');
		await analyst.locator('input[type="file"]').setInputFiles(csv);
		const status = analyst.locator('[data-import-status]');
		await expect(status).toHaveAttribute('data-import-status', 'ready', { timeout: 240_000 });
		await expect(analyst.locator('[data-fact="row-count"]')).toHaveAttribute('data-value', String(rows));
		await analyst.locator('[data-action="commit-import"]').click();
		await expect(status).toHaveAttribute('data-import-status', 'committed', { timeout: 240_000 });

		await open(analyst, '/import');
		const [download] = await Promise.all([
			analyst.waitForEvent('download', { timeout: 240_000 }),
			analyst.locator('[data-action="export-published"]').click()
		]);
		const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
		const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
		expect(manifest.datasets.service_levels.rows).toBe(rows);
		const bundle = join(dir, 'bundle');
		rmSync(bundle, { recursive: true, force: true });
		mkdirSync(bundle);
		for (const [name, bytes] of Object.entries(files)) writeFileSync(join(bundle, name), bytes);
		site.publish(bundle);

		// At this size the app builds an index on the indicator in the background (lookupIndex.ts); a
		// later import drops it before writing and it is built again. The ranking stays right across.
		const indexBuilt = () =>
			analyst.evaluate(() => performance.getEntriesByName('kov:index:service_levels.indicator').length);
		await expect.poll(indexBuilt, { timeout: 120_000 }).toBeGreaterThan(0);
		const fixedInd = 321;
		const fixed = (mi: number, ind: number, year: number) =>
			value(mi, ind, year) + (ind === fixedInd && year === 2024 ? 1000 + mi / 10 : 0);
		const correction = join(dir, 'parandus.csv');
		writeFileSync(
			correction,
			[
				'Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik',
				...municipalities.map(
					(m, mi) =>
						`${m.name};2024;Haridus;Näitaja ${fixedInd};${String(fixed(mi, fixedInd, 2024)).replace('.', ',')};%`
				)
			].join('\r\n') + '\r\n'
		);
		await analyst.locator('input[type="file"]').setInputFiles(correction);
		await expect(status).toHaveAttribute('data-import-status', 'ready', { timeout: 240_000 });
		await analyst.locator('[data-action="commit-import"]').click();
		await expect(status).toHaveAttribute('data-import-status', 'committed', { timeout: 240_000 });
		const buildsBefore = await indexBuilt();
		await analyst.locator('nav a[href^="/municipalities"]').first().click();
		await waitReady(analyst);
		await analyst.locator('select[name="indicator"]').selectOption(`Näitaja ${fixedInd}`);
		await waitReady(analyst);
		await analyst.locator('select[name="sl-year"]').selectOption('2024');
		await waitReady(analyst);
		await expectRanking(analyst, municipalities, fixed, fixedInd, 2024);
		// Built again after the correction, and the page still ranks right with it.
		await expect.poll(indexBuilt, { timeout: 120_000 }).toBeGreaterThan(buildsBefore);
		await analyst.locator('select[name="indicator"]').selectOption(`Näitaja ${fixedInd + 1}`);
		await waitReady(analyst);
		await analyst.locator('select[name="indicator"]').selectOption(`Näitaja ${fixedInd}`);
		await waitReady(analyst);
		await expectRanking(analyst, municipalities, fixed, fixedInd, 2024);

		const planner = await (await browser.newContext({ baseURL: site.url })).newPage();
		const errors: string[] = [];
		planner.on('pageerror', (e) => errors.push(e.message));
		let transferred = 0;
		planner.on('response', async (r) => {
			if (r.url().includes('/data/')) transferred += (await r.body().catch(() => Buffer.alloc(0))).length;
		});
		const ind = 321;
		const year = 2024;
		await open(
			planner,
			`/municipalities?${new URLSearchParams({ indicator: `Näitaja ${ind}`, year: String(year) })}`
		);
		expect(await planner.locator('html').getAttribute('data-source')).toBe('published');
		await expectRanking(planner, municipalities, value, ind, year);
		// The compressed folder, not the 40 MB export, is what a planner downloads.
		expect(transferred).toBeLessThan(readFileSync(csv).length / 4);
		expect(errors).toEqual([]);

		// `kov publish` of the same export also writes the table as a DuckDB database file
		// (src/lib/publish/database.ts): a planner's page reads that instead of the CSV, same ranking.
		const cli = join(dir, 'cli');
		const made = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/kov.ts', 'publish', csv, '--out', cli],
			{
				encoding: 'utf8'
			}
		);
		expect(made.status, made.stderr).toBe(0);
		const cliManifest = JSON.parse(readFileSync(join(cli, 'manifest.json'), 'utf8'));
		expect(cliManifest.datasets.service_levels.duckdb.file).toBe('service_levels.duckdb');
		site.publish(cli);
		const reader = await (await browser.newContext({ baseURL: site.url })).newPage();
		reader.on('pageerror', (e) => errors.push(e.message));
		const asked: string[] = [];
		reader.on('request', (r) => {
			if (r.url().includes('/data/')) asked.push(new URL(r.url()).pathname);
		});
		const path = `/municipalities?${new URLSearchParams({ indicator: `Näitaja ${ind}`, year: String(year) })}`;
		await open(reader, path);
		expect(asked).toContain('/data/service_levels.duckdb');
		expect(asked).not.toContain('/data/service_levels.csv.gz');
		expect(await reader.locator('html').getAttribute('data-source')).toBe('published');
		await expectRanking(reader, municipalities, value, ind, year);

		// A database file that is not the one the manifest names: an error naming it, no ranking.
		const db = join(site.dataDir, 'service_levels.duckdb');
		const bytes = readFileSync(db);
		bytes[bytes.length >> 1] ^= 0xff;
		writeFileSync(db, bytes);
		const other = await (await browser.newContext({ baseURL: site.url })).newPage();
		other.on('pageerror', (e) => errors.push(e.message));
		await open(other, path);
		const alert = other.locator('[data-error="published"]');
		await expect(alert).toBeVisible();
		await expect(alert).toHaveAttribute('data-file', 'service_levels.duckdb');
		await expect(other.locator('table[data-table="municipality-ranking"] tbody tr')).toHaveCount(0);
		expect(errors).toEqual([]);
	} finally {
		await site.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});
