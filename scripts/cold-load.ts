/**
 * Prints the cold load of the built app (cache disabled): navigation → first chart, → DuckDB
 * started, → data ready. `npm run build && npm run preview` first, then
 *   npx tsx scripts/cold-load.ts [baseURL] [runs]
 * A report for people, never an assertion.
 */
import { chromium } from 'playwright-core';

const [base = 'http://localhost:4173', runsArg = '3'] = process.argv.slice(2);
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
});
for (let i = 0; i < Number(runsArg); i++) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const t0 = Date.now();
	await page.goto(`${base}/`);
	await page.waitForSelector('figure[data-chart] svg');
	const chart = Date.now() - t0;
	await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
	const ready = Date.now() - t0;
	const duck = await page.evaluate(
		() => performance.getEntriesByName('kov:duckdb-start')[0]?.duration ?? NaN
	);
	console.log(
		`run ${i + 1}: first chart ${chart} ms · DuckDB-wasm started after ${Math.round(duck)} ms · data ready ${ready} ms`
	);
	await context.close();
}
await browser.close();
