/**
 * A repeat visit (issue #20): a new browser context with the HTTP cache and the app's service worker
 * allowed; the first visit of `/` installs the worker (which caches the app shell and DuckDB's wasm),
 * then a second page of the same context opens `/` again — timed from navigation start to
 * `<html data-ready="true">`, beside the first visit of the same run as the baseline. A repeat visit
 * shows the last visit's query results of the same data while DuckDB-wasm starts (src/lib/data/
 * reader.ts); when DuckDB has loaded the data in the background is measured too. Then the
 * context goes offline and `/` is opened a third time: does the app still start, and from which data.
 */
import type { Browser } from 'playwright-core';
import { engineUpAt, readLog, withProbes } from './browser';
import { spread, type Spread } from './stats';

export interface SecondVisit {
	firstVisitReadyMs: Spread | null;
	secondVisitReadyMs: Spread | null;
	secondVisitFirstChartMs: Spread | null;
	/** Second visit: DuckDB started and the data loaded (end of `kov:load-defaults`), in the background. */
	secondVisitEngineMs: Spread | null;
	/** Offline third visit: `<html data-ready>` reached, and `<html data-source>` then. */
	offline: { ready: boolean; source: string | null; error: string | null };
}

export async function secondVisit(browser: Browser, base: string, runs: number): Promise<SecondVisit> {
	const first: number[] = [];
	const second: number[] = [];
	const secondChart: number[] = [];
	const secondEngine: number[] = [];
	let offline: SecondVisit['offline'] = { ready: false, source: null, error: null };
	// One unmeasured run first, as for the cold load.
	for (let run = 0; run <= runs; run++) {
		const context = await browser.newContext({ serviceWorkers: 'allow' });
		try {
			const one = await context.newPage();
			await withProbes(one);
			await one.goto(base + '/');
			await one.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
			// The worker is installed (its cache filled) and active before the second visit.
			await one.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
			const firstLog = await readLog(one);
			await one.close();

			const two = await context.newPage();
			await withProbes(two);
			await two.goto(base + '/');
			await two.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
			const log = await readLog(two);
			const engine = await engineUpAt(two, 120_000);
			const controlled = await two.evaluate(() => navigator.serviceWorker.controller !== null);
			await two.close();
			if (run > 0 && firstLog.firstReady !== null && log.firstReady !== null && controlled) {
				first.push(firstLog.firstReady);
				second.push(log.firstReady);
				if (log.firstChart !== null) secondChart.push(log.firstChart);
				secondEngine.push(engine);
			}

			if (run === runs) {
				await context.setOffline(true);
				const three = await context.newPage();
				try {
					await three.goto(base + '/');
					await three.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
					offline = {
						ready: true,
						source: await three.getAttribute('html', 'data-source'),
						error: null
					};
				} catch (e) {
					offline = { ready: false, source: null, error: String(e).split('\n')[0].slice(0, 200) };
				}
			}
		} finally {
			await context.close();
		}
	}
	return {
		firstVisitReadyMs: spread(first),
		secondVisitReadyMs: spread(second),
		secondVisitFirstChartMs: spread(secondChart),
		secondVisitEngineMs: spread(secondEngine),
		offline
	};
}
