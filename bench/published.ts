/**
 * Publishing at scale (issue "Publishing", publishing.md): a 1M-row service-level table published
 * by `kov publish` (native DuckDB) and served next to the site as a gzip CSV and a DuckDB database
 * file (and once more without the database file, as the page writes a bundle). Cold loads (new
 * context, HTTP cache disabled) of `/` (first chart from the manifest's summary, data-ready) and of
 * `/municipalities` (data-ready), with the bytes transferred — beside the same pages on the sample
 * path, measured in the same run. Importing the same CSV through the page is the app ingest phase.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { coldPage, engineUpAt, readLog, withProbes } from './browser';
import { spread, type Spread } from './stats';
import { startSite } from '../tests/e2e/site';

export interface PageLoad {
	firstChartMs: Spread | null;
	dataReadyMs: Spread | null;
	/** Bytes of all responses of the last run, and of those under /data/. */
	bytes: number;
	dataBytes: number;
}

export interface PublishedBench {
	rows: number;
	csvBytes: number;
	cliPublishMs: number;
	folderBytes: number;
	published: { overview: PageLoad; municipalities: PageLoad };
	/**
	 * The same bundle without its DuckDB database files (src/lib/publish/database.ts): the folder as
	 * the page's "Download for publishing" writes it, every dataset read from its `.csv.gz`.
	 */
	csvOnly: { municipalities: PageLoad };
	sample: { overview: PageLoad; municipalities: PageLoad };
	/** A planner's repeat visit of /municipalities with the bundle (same context, HTTP cache allowed). */
	repeat: RepeatLoad;
}

export interface RepeatLoad {
	/** The first visit of the same context: data ready. */
	firstReadyMs: Spread | null;
	/** The second visit: data ready (the last visit's results of the same data, src/lib/data/reader.ts). */
	readyMs: Spread | null;
	/** The second visit: DuckDB started and the bundle loaded (end of `kov:load-defaults`), in the background. */
	engineMs: Spread | null;
}

/** First and second visit of one page in one context (service worker blocked: the HTTP path). */
async function repeatOpen(browser: Browser, url: string, runs: number): Promise<RepeatLoad> {
	const first: number[] = [];
	const ready: number[] = [];
	const engine: number[] = [];
	for (let run = 0; run <= runs; run++) {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		try {
			const one = await context.newPage();
			await withProbes(one);
			await one.goto(url);
			await one.waitForSelector('html[data-ready="true"]', { timeout: 180_000 });
			const firstLog = await readLog(one);
			// The results are written to IndexedDB after each query: let the last writes land.
			await one.waitForTimeout(500);
			await one.close();
			const two = await context.newPage();
			await withProbes(two);
			await two.goto(url);
			await two.waitForSelector('html[data-ready="true"]', { timeout: 180_000 });
			const log = await readLog(two);
			const up = await engineUpAt(two, 180_000);
			await two.close();
			if (run > 0 && firstLog.firstReady !== null && log.firstReady !== null) {
				first.push(firstLog.firstReady);
				ready.push(log.firstReady);
				engine.push(up);
			}
		} finally {
			await context.close();
		}
	}
	return { firstReadyMs: spread(first), readyMs: spread(ready), engineMs: spread(engine) };
}

async function coldOpen(browser: Browser, url: string, runs: number): Promise<PageLoad> {
	const chart: number[] = [];
	const ready: number[] = [];
	let bytes = 0;
	let dataBytes = 0;
	for (let run = 0; run <= runs; run++) {
		const { context, page } = await coldPage(browser);
		const sizes: { url: string; bytes: number }[] = [];
		// Transfers are counted in the unmeasured first run only (as in coldLoad.ts): asking for them
		// while a measured page loads slowed that load.
		if (run === 0)
			page.on('requestfinished', async (req) => {
				const s = await req.sizes().catch(() => null);
				sizes.push({ url: req.url(), bytes: s ? s.responseBodySize + s.responseHeadersSize : 0 });
			});
		await page.goto(url);
		await page.waitForSelector('html[data-ready="true"]', { timeout: 180_000 });
		await page.waitForLoadState('networkidle');
		const log = await readLog(page);
		// One unmeasured run first: it pays for the server's and the OS's first reads of the files.
		if (run > 0) {
			if (log.firstChart !== null) chart.push(log.firstChart);
			if (log.firstReady !== null) ready.push(log.firstReady);
		}
		if (run === 0) {
			bytes = sizes.reduce((n, s) => n + s.bytes, 0);
			dataBytes = sizes
				.filter((s) => new URL(s.url).pathname.startsWith('/data/'))
				.reduce((n, s) => n + s.bytes, 0);
		}
		await context.close();
	}
	return { firstChartMs: spread(chart), dataReadyMs: spread(ready), bytes, dataBytes };
}

export async function publishedBench(
	browser: Browser,
	sampleBase: string,
	csv: string,
	rows: number,
	runs: number,
	tmp: string,
	buildDir: string
): Promise<PublishedBench> {
	const folder = join(tmp, `published-${rows}`);
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const started = performance.now();
	execFileSync(process.execPath, ['--import', 'tsx', 'scripts/kov.ts', 'publish', csv, '--out', folder], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const cliPublishMs = Math.round(performance.now() - started);
	const folderBytes = readdirSync(folder).reduce((n, f) => n + statSync(join(folder, f)).size, 0);
	const csvFolder = csvOnlyCopy(folder);
	const site = await startSite(buildDir);
	try {
		site.publish(folder);
		const municipalities = '/municipalities';
		const published = {
			overview: await coldOpen(browser, site.url + '/', runs),
			municipalities: await coldOpen(browser, site.url + municipalities, runs)
		};
		site.publish(csvFolder);
		const csvOnly = { municipalities: await coldOpen(browser, site.url + municipalities, runs) };
		site.publish(folder);
		return {
			rows,
			csvBytes: statSync(csv).size,
			cliPublishMs,
			folderBytes,
			published,
			csvOnly,
			sample: {
				overview: await coldOpen(browser, sampleBase + '/', runs),
				municipalities: await coldOpen(browser, sampleBase + municipalities, runs)
			},
			repeat: await repeatOpen(browser, site.url + municipalities, runs)
		};
	} finally {
		await site.stop();
		rmSync(csvFolder, { recursive: true, force: true });
	}
}

/** A copy of a published folder without database files (and without them in its manifest). */
function csvOnlyCopy(folder: string): string {
	const out = `${folder}-csv`;
	rmSync(out, { recursive: true, force: true });
	cpSync(folder, out, { recursive: true, filter: (f) => !f.endsWith('.duckdb') });
	const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
	for (const d of Object.values(manifest.datasets) as { duckdb?: unknown }[]) delete d.duckdb;
	writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
	return out;
}
