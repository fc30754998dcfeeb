import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { open, readTable, waitReady } from './hooks';
import { startSite, type Site } from './site';

/**
 * Publishing (../shared/spec/publishing.md): what an analyst accepts is what everyone else sees.
 * Each test serves its own copy of the built site whose data/ folder the test fills, as the
 * ministry's web administrator would; browser contexts are different people.
 */
const F = (name: string) => `tests/fixtures/${name}`;
const EXAMPLE = F('published-sample');

let site: Site;
test.beforeEach(async () => {
	site = await startSite();
});
test.afterEach(async () => {
	await site?.stop();
});

async function person(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
	const context = await browser.newContext({ baseURL: site.url });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return { context, page, errors };
}

/** Hold DuckDB's wasm back in this context until `release()`; `asked()`: it was requested. */
async function holdWasm(context: BrowserContext): Promise<{ release: () => void; asked: () => boolean }> {
	let release = () => {};
	const released = new Promise<void>((r) => (release = r));
	let asked = false;
	await context.route(/\.wasm(\?|$)/, async (route) => {
		asked = true;
		await released;
		await route.continue();
	});
	return { release, asked: () => asked };
}

async function importFile(page: Page, file: string | { name: string; buffer: Buffer }, validOnly = false) {
	await open(page, '/import');
	const input = page.locator('input[type="file"]');
	if (typeof file === 'string') await input.setInputFiles(file);
	else await input.setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: file.buffer });
	const status = page.locator('[data-import-status]');
	await expect(status).toHaveAttribute('data-import-status', validOnly ? 'has-errors' : 'ready', {
		timeout: 180_000
	});
	await page.locator(`[data-action="${validOnly ? 'commit-valid-rows' : 'commit-import'}"]`).click();
	await expect(status).toHaveAttribute('data-import-status', 'committed', { timeout: 180_000 });
}

/** Click "Download for publishing" and unpack the zip into a new folder; returns the folder. */
async function downloadBundle(page: Page): Promise<string> {
	await open(page, '/import');
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 180_000 }),
		page.locator('[data-action="export-published"]').click()
	]);
	expect(download.suggestedFilename()).toMatch(/^kov-seire-data-\d{4}-\d{2}-\d{2}\.zip$/);
	const zip = readFileSync(await download.path());
	const dir = mkdtempSync(join(tmpdir(), 'kov-bundle-'));
	for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(zip)))) {
		expect(name, 'the zip holds exactly the folder: no sub-folders').not.toContain('/');
		writeFileSync(join(dir, name), bytes);
	}
	return dir;
}

async function table(page: Page, path: string, id: string) {
	await open(page, path);
	return readTable(page, id);
}

const source = (page: Page) => page.locator('html').getAttribute('data-source');

test('two people: an analyst’s import stays local until it is published, then everyone sees it', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const analyst = await person(browser);
	const member = await person(browser);

	const before = await table(member.page, '/', 'attainment-by-direction');
	expect(await source(member.page)).toBe('sample');
	await expect(member.page.locator('[data-provenance="sample"]')).toBeVisible();

	// The analyst imports a progress export: their overview changes, the steering-group member's does not.
	await importFile(analyst.page, F('progress-et-semicolon-bom-crlf.csv'));
	const analystView = await table(analyst.page, '/', 'attainment-by-direction');
	expect(analystView).not.toEqual(before);
	expect(await source(analyst.page)).toBe('local');
	await expect(analyst.page.locator('[data-source-label="local"]')).toContainText('(1)');
	await expect(analyst.page.locator('[data-action="discard-local"]')).toBeVisible();

	await member.page.reload();
	await waitReady(member.page);
	expect(await readTable(member.page, 'attainment-by-direction')).toEqual(before);
	expect(await source(member.page)).toBe('sample');

	// Published: the bundle goes into the site's data/ folder; the member reloads and sees it.
	const bundle = await downloadBundle(analyst.page);
	const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
	expect(manifest).toMatchObject({ format: 'kov-seire/published', version: 1 });
	// Sample data are never published: only the plan, the municipalities and the imported progress.
	expect(Object.keys(manifest.datasets).sort()).toEqual(['activities', 'municipalities', 'progress']);
	expect(manifest.datasets.progress.sources).toMatchObject([
		{ name: 'progress-et-semicolon-bom-crlf.csv', rows_added: 5 }
	]);
	site.publish(bundle);

	await member.page.reload();
	await waitReady(member.page);
	expect(await source(member.page)).toBe('published');
	expect(await readTable(member.page, 'attainment-by-direction')).toEqual(analystView);
	const day = new Date(manifest.generated_at);
	const dd = (n: number) => String(n).padStart(2, '0');
	await expect(member.page.locator('[data-source-label="published"]')).toHaveText(
		`Avaldatud andmed ${dd(day.getDate())}.${dd(day.getMonth() + 1)}.${day.getFullYear()}`
	);
	// Trainings and service levels were not published: the sample stands in for them, labelled.
	await expect(member.page.locator('[data-provenance="mixed"]')).toBeVisible();

	// The analyst's drafts were made on the sample; the server now has newer data: asked, not lost.
	await open(analyst.page, '/');
	await expect(analyst.page.locator('[data-notice="newer-published"]')).toBeVisible();
	expect(await source(analyst.page)).toBe('published');
	await analyst.page.locator('[data-action="discard-pending"]').click();
	await expect(analyst.page.locator('[data-notice="newer-published"]')).toHaveCount(0);
	await expect.poll(() => readTable(analyst.page, 'attainment-by-direction')).toEqual(analystView);
	expect(await source(analyst.page)).toBe('published');
	expect(analyst.errors).toEqual([]);
	expect(member.errors).toEqual([]);
	await analyst.context.close();
	await member.context.close();
});

test('local changes over published data: discard returns to the published state', async ({ browser }) => {
	site.publish(EXAMPLE);
	const analyst = await person(browser);
	const published = await table(analyst.page, '/', 'attainment-by-direction');
	expect(await source(analyst.page)).toBe('published');
	await expect(analyst.page.locator('[data-provenance]')).toHaveCount(0);

	await importFile(analyst.page, F('progress-et-semicolon-bom-crlf.csv'));
	expect(await table(analyst.page, '/', 'attainment-by-direction')).not.toEqual(published);
	expect(await source(analyst.page)).toBe('local');

	await analyst.page.locator('[data-action="discard-local"]').click();
	await expect(analyst.page.locator('html')).toHaveAttribute('data-source', 'published');
	await expect.poll(() => readTable(analyst.page, 'attainment-by-direction')).toEqual(published);
	await analyst.page.reload();
	await waitReady(analyst.page);
	expect(await source(analyst.page)).toBe('published');
	expect(await readTable(analyst.page, 'attainment-by-direction')).toEqual(published);
	expect(analyst.errors).toEqual([]);
	await analyst.context.close();
});

function cliPublish(args: string[]): { status: number | null; stderr: string } {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kov.ts', 'publish', ...args], {
		encoding: 'utf8'
	});
	return { status: r.status, stderr: r.stderr };
}

test('newer data on the server: drafts re-applied give the same values as importing them there directly', async ({
	browser
}) => {
	test.setTimeout(300_000);
	site.publish(EXAMPLE);
	const analyst = await person(browser);
	await importFile(analyst.page, F('progress-et-semicolon-bom-crlf.csv'));
	await importFile(analyst.page, F('service-levels-long-et.csv'));

	// The server's data move on: another progress report published from the command line.
	const v2 = mkdtempSync(join(tmpdir(), 'kov-v2-'));
	const cli = cliPublish([F('progress-canonical.csv'), '--base', EXAMPLE, '--out', v2]);
	expect(cli.status, cli.stderr).toBe(0);
	site.publish(v2);

	await analyst.page.reload();
	await waitReady(analyst.page);
	const notice = analyst.page.locator('[data-notice="newer-published"]');
	await expect(notice).toBeVisible();
	await expect(notice).toContainText('2');
	await analyst.page.locator('[data-action="reapply-local"]').click();
	await expect(notice).toHaveCount(0);
	await expect(analyst.page.locator('html')).toHaveAttribute('data-source', 'local');
	const views = async (page: Page) => ({
		direction: await table(page, '/', 'attainment-by-direction'),
		owner: await readTable(page, 'attainment-by-owner'),
		activities: await table(page, '/activities', 'activities'),
		ranking: await table(
			page,
			`/municipalities?${new URLSearchParams({ indicator: 'Lasteaiakoha ootejärjekord', year: '2024' })}`,
			'municipality-ranking'
		)
	});
	const reapplied = await views(analyst.page);
	const history = await table(analyst.page, '/import', 'import-history');
	expect(history.size).toBe(2);

	const direct = await person(browser);
	await importFile(direct.page, F('progress-et-semicolon-bom-crlf.csv'));
	await importFile(direct.page, F('service-levels-long-et.csv'));
	expect(await views(direct.page)).toEqual(reapplied);
	expect(reapplied.ranking.size).toBeGreaterThan(0);
	expect(analyst.errors).toEqual([]);
	rmSync(v2, { recursive: true, force: true });
	await analyst.context.close();
	await direct.context.close();
});

/** A copy of the example bundle, changed by `edit`, as the site's data/ folder. */
function brokenBundle(base: string, edit: (dir: string) => void): string {
	const dir = mkdtempSync(join(tmpdir(), 'kov-broken-'));
	cpSync(base, dir, { recursive: true });
	edit(dir);
	return dir;
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
function setManifest(dir: string, change: (m: Record<string, unknown>) => void) {
	const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	change(m);
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
}

const BROKEN: { name: string; file: string; code: RegExp; edit: (dir: string) => void }[] = [
	{
		name: 'a manifest that is not JSON',
		file: 'manifest.json',
		code: /JSON/,
		edit: (dir) =>
			writeFileSync(join(dir, 'manifest.json'), '{"format": "kov-seire/published", "version": 1,')
	},
	{
		name: 'a manifest of another format',
		file: 'manifest.json',
		code: /kov-seire/,
		edit: (dir) => setManifest(dir, (m) => (m.format = 'evidence/data'))
	},
	{
		name: 'a manifest of another version',
		file: 'manifest.json',
		code: /2/,
		edit: (dir) => setManifest(dir, (m) => (m.version = 2))
	},
	{
		name: 'a missing dataset file',
		file: 'municipalities.csv.gz',
		code: /404/,
		edit: (dir) => rmSync(join(dir, 'municipalities.csv.gz'))
	},
	{
		name: 'a corrupt gzip file (its SHA-256 in the manifest matches it)',
		file: 'progress.csv.gz',
		code: /corrupt \(gzip\)/,
		edit: (dir) => {
			const good = readFileSync(join(dir, 'progress.csv.gz'));
			const bad = Buffer.concat([good.subarray(0, 30), Buffer.alloc(40, 0x55)]);
			writeFileSync(join(dir, 'progress.csv.gz'), bad);
			setManifest(
				dir,
				(m) => ((m.datasets as Record<string, { sha256: string }>).progress.sha256 = sha(bad))
			);
		}
	},
	{
		name: 'a dataset file that does not match its SHA-256',
		file: 'activities.csv.gz',
		code: /SHA-256/,
		edit: (dir) => writeFileSync(join(dir, 'activities.csv.gz'), gzipSync('activity_id,direction\n1.1.1,1\n'))
	}
];

test('a broken published folder: an error naming the file, never the sample, no page error', async ({
	browser
}) => {
	test.setTimeout(300_000);
	// A publication whose summary differs from the sample's: a chart painted from it is published data.
	const base = mkdtempSync(join(tmpdir(), 'kov-base-'));
	const cli = cliPublish([F('progress-canonical.csv'), '--out', base]);
	expect(cli.status, cli.stderr).toBe(0);
	const summary = JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8')).summary;
	const published = new Map<string, string>(
		summary.overview.byDirection.map((r: { key: string; attainment: number }) => [
			r.key,
			String(r.attainment)
		])
	);
	const sample = JSON.parse(readFileSync(join(EXAMPLE, 'manifest.json'), 'utf8')).summary;
	expect(sample.overview.byDirection.map((r: { attainment: number }) => String(r.attainment))).not.toEqual([
		...published.values()
	]);
	for (const c of BROKEN) {
		const dir = brokenBundle(base, c.edit);
		site.publish(dir);
		for (const lang of ['et', 'en']) {
			const p = await person(browser);
			await open(p.page, `/?lang=${lang}`);
			const alert = p.page.locator('[data-error="published"]');
			await expect(alert, c.name).toBeVisible();
			await expect(alert, c.name).toHaveAttribute('role', 'alert');
			await expect(alert, c.name).toHaveAttribute('data-file', c.file);
			await expect(alert, c.name).toContainText(`/data/${c.file}`);
			if (lang === 'en') await expect(alert, c.name).toContainText(c.code);
			await expect(alert.locator('[data-action="reload"]'), c.name).toHaveText(
				lang === 'en' ? 'Reload the page' : 'Laadi leht uuesti'
			);
			expect(await source(p.page), c.name).not.toBe('sample');
			await expect(p.page.locator('[data-provenance]'), c.name).toHaveCount(0);
			// Never a chart of the sample: with an intact manifest, its summary (the published figures)
			// may stay painted; with a broken manifest there is no chart at all.
			const chart = await readTable(p.page, 'attainment-by-direction');
			if (c.file === 'manifest.json') expect(chart.size, c.name).toBe(0);
			for (const [key, row] of chart) expect(row.attainment, c.name).toBe(published.get(key));
			await open(p.page, `/municipalities?lang=${lang}`);
			await expect(p.page.locator('[data-error="published"]'), c.name).toBeVisible();
			await expect(p.page.locator('table[data-table="municipality-ranking"] tbody tr'), c.name).toHaveCount(
				0
			);
			expect(p.errors, c.name).toEqual([]);
			await p.context.close();
		}
		rmSync(dir, { recursive: true, force: true });
	}
	rmSync(base, { recursive: true, force: true });
});

for (const published of [true, false])
	test(`a planner’s first visit (${published ? 'published data' : 'nothing published: the sample'}): the indicator list from the start results while DuckDB starts, then DuckDB’s values`, async ({
		browser
	}) => {
		if (published) site.publish(EXAMPLE);
		const options = (page: Page) =>
			page.$$eval('select[name="indicator"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
		const reference = await person(browser);
		await open(reference.page, '/municipalities');
		// An indicator other than the page's default (the first one).
		const indicator = (await options(reference.page))[2];
		const path = `/municipalities?indicator=${encodeURIComponent(indicator)}`;
		await open(reference.page, path);
		const expected = {
			options: await options(reference.page),
			ranking: await readTable(reference.page, 'municipality-ranking')
		};
		expect(expected.options.length).toBeGreaterThan(2);
		expect(expected.ranking.size).toBeGreaterThan(0);

		// DuckDB's wasm held back: what the page shows can only come from the manifest's (or the
		// sample's build-time) start results.
		const planner = await person(browser);
		const { release } = await holdWasm(planner.context);
		await planner.page.goto(path);
		await expect(planner.page.locator('select[name="indicator"] option')).toHaveCount(
			expected.options.length
		);
		expect(await options(planner.page)).toEqual(expected.options);
		await expect(planner.page.locator('select[name="indicator"]')).toHaveValue(indicator);
		expect(await planner.page.locator('html').getAttribute('data-ready')).not.toBe('true');
		expect(await source(planner.page)).toBe(published ? 'published' : 'sample');
		release();
		await waitReady(planner.page);
		expect(await readTable(planner.page, 'municipality-ranking')).toEqual(expected.ranking);
		expect(planner.errors).toEqual([]);
		await reference.context.close();
		await planner.context.close();
	});

for (const published of [true, false])
	test(`the steering group’s first visit of the overview (${published ? 'published data' : 'nothing published: the sample'}): ready from the start results before DuckDB has started`, async ({
		browser
	}) => {
		if (published) site.publish(EXAMPLE);
		const CHARTS = ['attainment-by-direction', 'attainment-by-owner', 'status-mix'];
		const shown = async (page: Page) => ({
			tables: await Promise.all(CHARTS.map((id) => readTable(page, id))),
			missing: await page.locator('[data-missing-reports]').getAttribute('data-missing-reports'),
			year: await page.locator('select[name="year"]').inputValue()
		});
		const reference = await person(browser);
		await open(reference.page, '/');
		const expected = await shown(reference.page);
		expect(expected.tables[0].size).toBeGreaterThan(0);
		await open(reference.page, '/?year=2023');
		const before = await readTable(reference.page, 'attainment-by-direction');

		const member = await person(browser);
		const wasm = await holdWasm(member.context);
		// Ready, with every chart the database would give, while DuckDB's wasm is still held back.
		await open(member.page, '/');
		expect(await member.page.locator('html').getAttribute('data-engine')).toBe('loading');
		expect(await shown(member.page)).toEqual(expected);
		// DuckDB starts all the same, in the background.
		await expect.poll(() => wasm.asked(), { timeout: 30_000 }).toBe(true);
		expect(await source(member.page)).toBe(published ? 'published' : 'sample');
		// Another year was not shipped: it waits for DuckDB, then shows the database's answer.
		await member.page.locator('select[name="year"]').selectOption('2023');
		await expect(member.page.locator('html')).toHaveAttribute('data-ready', 'false');
		wasm.release();
		await waitReady(member.page);
		expect(await readTable(member.page, 'attainment-by-direction')).toEqual(before);
		expect(member.errors).toEqual([]);
		await reference.context.close();
		await member.context.close();
	});

// Nothing published: the sample's build-time results hold the default indicator's rows. (A
// published folder ships its lists only: its rows are shown once its checked files have loaded.)
test('a planner opens /municipalities on the sample: the default indicator ready from the start results before DuckDB has started', async ({
	browser
}) => {
	const shown = async (page: Page) => ({
		indicator: await page.locator('select[name="indicator"]').inputValue(),
		ranking: await readTable(page, 'municipality-ranking'),
		trend: await readTable(page, 'municipality-trend')
	});
	const reference = await person(browser);
	await open(reference.page, '/municipalities');
	const expected = await shown(reference.page);
	expect(expected.ranking.size).toBe(79);

	const planner = await person(browser);
	const { release } = await holdWasm(planner.context);
	await open(planner.page, '/municipalities');
	expect(await shown(planner.page)).toEqual(expected);
	await expect(planner.page.locator('html')).toHaveAttribute('data-engine', 'loading');
	release();
	await expect(planner.page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 90_000 });
	expect(planner.errors).toEqual([]);
	await reference.context.close();
	await planner.context.close();
});

test('no manifest on the server: the embedded sample, labelled', async ({ browser }) => {
	const p = await person(browser);
	const res = await p.page.request.get('/data/manifest.json');
	expect(res.status()).toBe(404);
	await open(p.page, '/');
	expect(await source(p.page)).toBe('sample');
	await expect(p.page.locator('[data-provenance="sample"]')).toHaveText('Näidisandmed');
	await expect(p.page.locator('[data-error="published"]')).toHaveCount(0);
	await p.context.close();
});

test('the page and `kov publish` make the same folder from the same files', async ({ browser }) => {
	test.setTimeout(300_000);
	const files = [
		F('progress-et-semicolon-bom-crlf.csv'),
		F('service-levels-long-et.csv'),
		F('trainings-et.csv')
	];
	const out = mkdtempSync(join(tmpdir(), 'kov-cli-'));
	const cli = cliPublish([...files, '--valid-rows', '--out', out]);
	expect(cli.status, cli.stderr).toBe(0);

	const analyst = await person(browser);
	await importFile(analyst.page, files[0]);
	await importFile(analyst.page, files[1]);
	await importFile(analyst.page, files[2], true);
	const page = await downloadBundle(analyst.page);

	const m = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	const [a, b] = [m(page), m(out)];
	expect(Object.keys(a.datasets)).toEqual(Object.keys(b.datasets));
	for (const d of Object.keys(a.datasets)) {
		expect(a.datasets[d].rows, d).toBe(b.datasets[d].rows);
		expect(a.datasets[d].columns, d).toEqual(b.datasets[d].columns);
		const rows = (dir: string) => parseCsv(gunzip(join(dir, a.datasets[d].file)));
		expect(rows(page), d).toEqual(rows(out));
	}
	expect(a.summary).toEqual(b.summary);
	expect(a.datasets.progress.sources.map((s: { name: string }) => s.name)).toEqual(
		b.datasets.progress.sources.map((s: { name: string }) => s.name)
	);
	rmSync(out, { recursive: true, force: true });
	await analyst.context.close();
});

function gunzip(path: string): string {
	return gunzipSync(readFileSync(path)).toString('utf8');
}

/** RFC 4180 rows, numbers compared as numbers (the two DuckDB builds may print `1.0` and `1`). */
function parseCsv(text: string): string[][] {
	const rows = Papa.parse<string[]>(text.trim(), { header: false }).data;
	return rows.map((r) => r.map((v) => (v !== '' && Number.isFinite(Number(v)) ? String(Number(v)) : v)));
}
