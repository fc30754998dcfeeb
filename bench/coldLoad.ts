/**
 * Cold load of `/` with the default data: a new browser context per run (empty IndexedDB) with the
 * HTTP cache disabled, timed from navigation start to the first chart (`figure[data-chart] svg`)
 * and to `<html data-ready="true">`; bytes transferred split into JS, wasm and the rest; and the
 * gzipped size of the JS that arrived before the first chart (the static server does not compress,
 * so this is what a gzip-serving host would send).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { coldPage, engineUpAt, readLog } from './browser';
import { spread, type Spread } from './stats';

export interface ColdLoad {
	firstChartMs: Spread | null;
	dataReadyMs: Spread | null;
	/**
	 * DuckDB started and the data loaded (`kov:load-defaults`). The overview's opening queries are
	 * answered from the start results before that, so "data ready" can come first.
	 */
	engineUpMs: Spread | null;
	requests: number;
	bytes: { js: number; wasm: number; other: number; total: number };
	initialJs: { files: number; bytes: number; gzipBytes: number };
	/** Requests that left localhost (should be none). */
	external: string[];
}

interface Loaded {
	url: string;
	bytes: number;
	/** Epoch ms when the response ended. */
	end: number;
}

const isWasm = (url: string) => new URL(url).pathname.endsWith('.wasm');
const isJs = (url: string) => /\.m?js$/.test(new URL(url).pathname);

export async function coldLoad(
	browser: Browser,
	base: string,
	runs: number,
	buildDir: string
): Promise<ColdLoad> {
	const firstChart: number[] = [];
	const ready: number[] = [];
	const engine: number[] = [];
	let last: Omit<ColdLoad, 'firstChartMs' | 'dataReadyMs' | 'engineUpMs'> | null = null;
	// One unmeasured run first: it pays for the server's and the OS's first reads of the files.
	for (let run = 0; run <= runs; run++) {
		const { context, page } = await coldPage(browser);
		const loaded: Loaded[] = [];
		const external: string[] = [];
		// Playwright reports the requests of the page's workers too (DuckDB fetches its wasm from one).
		// Sizes and timings are read in the unmeasured run only: asking Playwright for them while a
		// measured page loads slowed it (/municipalities with the 1M bundle: 2.8–3.0 s instead of 2.3–2.4 s, two runs each).
		if (run === 0)
			page.on('requestfinished', async (req) => {
				const url = req.url();
				if (!url.startsWith('http')) return;
				if (!url.startsWith(base)) external.push(url);
				const sizes = await req.sizes().catch(() => null);
				const timing = req.timing();
				loaded.push({
					url,
					bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
					end: timing.startTime + Math.max(timing.responseEnd, 0)
				});
			});
		await page.goto(base + '/');
		await page.waitForSelector('figure[data-chart] svg', { timeout: 120_000 });
		await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
		const engineUp = await engineUpAt(page, 120_000);
		await page.waitForLoadState('networkidle');
		const log = await readLog(page);
		const origin = await page.evaluate(() => performance.timeOrigin);
		if (run > 0 && log.firstChart !== null && log.firstReady !== null) {
			firstChart.push(log.firstChart);
			ready.push(log.firstReady);
			engine.push(engineUp);
		}
		const chartEpoch = origin + (log.firstChart ?? Infinity);
		const sum = (xs: Loaded[]) => xs.reduce((n, x) => n + x.bytes, 0);
		const js = loaded.filter((l) => isJs(l.url));
		const wasm = loaded.filter((l) => isWasm(l.url));
		const initial = js.filter((l) => l.end <= chartEpoch);
		const gzip = initial.reduce((n, l) => {
			try {
				return n + gzipSync(readFileSync(join(buildDir, decodeURIComponent(new URL(l.url).pathname)))).length;
			} catch {
				return n;
			}
		}, 0);
		if (run === 0)
			last = {
				requests: loaded.length,
				bytes: {
					js: sum(js),
					wasm: sum(wasm),
					other: sum(loaded) - sum(js) - sum(wasm),
					total: sum(loaded)
				},
				initialJs: { files: initial.length, bytes: sum(initial), gzipBytes: gzip },
				external
			};
		await context.close();
	}
	return {
		firstChartMs: spread(firstChart),
		dataReadyMs: spread(ready),
		engineUpMs: spread(engine),
		...(last as NonNullable<typeof last>)
	};
}
