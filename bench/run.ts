/**
 * npm run bench — builds the app, serves it on localhost and drives Debian's Chromium:
 *   1. cold load of / (cache disabled) to the first chart and to data-ready, bytes transferred;
 *   2. import of generated service-level CSVs (`;` + decimal comma) through the app's import page;
 *   3. the same file read by native DuckDB (the physical reference) and parsed by Papa Parse in the page;
 *   4. filter-change latency on /municipalities and / after the import (p50, p95);
 *   5. JS heap after one and after two imports of the same file.
 * BENCH_QUICK=1: 100k rows only, fewer runs. Timings are reported, never asserted.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';

const QUICK = process.env.BENCH_QUICK === '1';
const PORT = Number(process.env.BENCH_PORT ?? 4199);
const BASE = `http://localhost:${PORT}`;
const RUNS = QUICK ? 1 : 3;
const SIZES = QUICK ? [100_000] : [100_000, 1_000_000];
const tmp = join(process.cwd(), 'bench/tmp');
mkdirSync(tmp, { recursive: true });

const stats = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
	return { median: q(0.5), min: s[0], max: s[s.length - 1], p95: q(0.95), n: s.length };
};

function generate(rows: number): string {
	const file = join(tmp, `service-levels-${rows}.csv`);
	const munis = readFileSync('data/municipalities.csv', 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => l.split(',')[1]);
	const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
	const perIndicator = munis.length * years.length;
	const indicators = Math.ceil(rows / perIndicator);
	const out: string[] = ['Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik'];
	let n = 0;
	let seed = 7;
	const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	for (let i = 0; i < indicators && n < rows; i++) {
		for (const y of years) {
			for (const m of munis) {
				if (n >= rows) break;
				const v = rnd() < 0.03 ? '' : (rnd() * 2000).toFixed(1).replace('.', ',');
				out.push(
					`${m};${y};${['haridus', 'sotsiaalhoolekanne', 'planeerimine', 'personal'][i % 4]};Näitaja ${i + 1};${v};arv`
				);
				n++;
			}
		}
	}
	writeFileSync(file, out.join('\n') + '\n');
	return file;
}

async function native(file: string): Promise<number> {
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	const t = performance.now();
	await c.run(
		`CREATE TABLE t AS SELECT * FROM read_csv('${file}', delim=';', decimal_separator=',', header=true)`
	);
	const ms = performance.now() - t;
	c.closeSync();
	db.closeSync();
	return ms;
}

async function ready(page: Page, timeout = 600_000) {
	await page.waitForSelector('html[data-ready="true"]', { timeout });
}

async function heap(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	const { metrics } = await cdp.send('Performance.getMetrics');
	return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

async function main() {
	if (!process.env.BENCH_NO_BUILD) execSync('npm run build', { stdio: 'ignore' });
	const server = spawn(process.execPath, ['scripts/serve.mjs', 'build', String(PORT)], { stdio: 'ignore' });
	await new Promise((r) => setTimeout(r, 800));
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
			'--disable-sync',
			'--js-flags=--expose-gc'
		]
	});
	const results: Record<string, unknown> = {
		date: new Date().toISOString(),
		machine: {
			cpus: cpus().length,
			model: cpus()[0]?.model,
			node: process.version,
			chromium: browser.version()
		},
		quick: QUICK
	};

	// 1. Cold load.
	const firstChart: number[] = [];
	const readyMs: number[] = [];
	let bytes = { js: 0, wasm: 0, other: 0, initialJsGzip: 0 };
	for (let i = 0; i < RUNS + 1; i++) {
		const ctx = await browser.newContext();
		const page = await ctx.newPage();
		const cdp = await ctx.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		const sizes = new Map<string, { url: string; type: string; bytes: number; at: number }>();
		const t0 = Date.now();
		cdp.on('Network.responseReceived', (e) =>
			sizes.set(e.requestId, {
				url: e.response.url,
				type: e.response.mimeType,
				bytes: 0,
				at: Date.now() - t0
			})
		);
		cdp.on('Network.loadingFinished', (e) => {
			const s = sizes.get(e.requestId);
			if (s) s.bytes = e.encodedDataLength;
		});
		await page.goto(BASE + '/');
		await page.waitForSelector('figure[data-chart] svg');
		const chartAt = Date.now() - t0;
		await ready(page);
		const readyAt = Date.now() - t0;
		if (i > 0) {
			firstChart.push(chartAt);
			readyMs.push(readyAt);
		}
		const all = [...sizes.values()];
		const isJs = (s: { url: string }) => /\.m?js(\?|$)/.test(s.url);
		const initialJs = all.filter((s) => isJs(s) && !s.url.includes('worker') && s.at <= chartAt);
		bytes = {
			js: all.filter((s) => isJs(s)).reduce((n, s) => n + s.bytes, 0),
			wasm: all.filter((s) => s.url.endsWith('.wasm')).reduce((n, s) => n + s.bytes, 0),
			other: all.filter((s) => !isJs(s) && !s.url.endsWith('.wasm')).reduce((n, s) => n + s.bytes, 0),
			initialJsGzip: initialJs.reduce((n, s) => {
				const path = join('build', new URL(s.url).pathname);
				try {
					return n + gzipSync(readFileSync(path)).length;
				} catch {
					return n;
				}
			}, 0)
		};
		await ctx.close();
	}
	results.coldLoad = { firstChartMs: stats(firstChart), dataReadyMs: stats(readyMs), bytes };

	// 2.–5. Imports.
	const imports: Record<string, unknown>[] = [];
	for (const rows of SIZES) {
		const file = generate(rows);
		const mb = statSync(file).size / 1048576;
		const nativeMs: number[] = [];
		for (let i = 0; i < RUNS; i++) nativeMs.push(await native(file));

		const ctx = await browser.newContext();
		const page = await ctx.newPage();
		await page.goto(BASE + '/import');
		await ready(page);
		await page.addScriptTag({ path: 'node_modules/papaparse/papaparse.min.js' });
		const text = readFileSync(file, 'utf8');
		const papaMs: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			papaMs.push(
				await page.evaluate((t) => {
					const start = performance.now();
					const P = (
						window as unknown as {
							Papa: { parse: (s: string, o: object) => { data: Record<string, string>[] } };
						}
					).Papa;
					const parsed = P.parse(t, { delimiter: ';', header: true, skipEmptyLines: true });
					const values = new Float64Array(parsed.data.length);
					parsed.data.forEach(
						(r, k) => (values[k] = r['Väärtus'] === '' ? NaN : Number(r['Väärtus'].replace(',', '.')))
					);
					return performance.now() - start;
				}, text)
			);
		}
		const appMs: number[] = [];
		const heapAfter: number[] = [];
		let appError: string | null = null;
		for (let i = 0; i < Math.min(RUNS, 2); i++) {
			try {
				await page.goto(BASE + '/import');
				await ready(page);
				const t = Date.now();
				await page.locator('input[type="file"]').setInputFiles(file);
				await page.waitForSelector('[data-import-status="ready"], [data-import-status="has-errors"]', {
					state: 'attached',
					timeout: 900_000
				});
				await page
					.locator('[data-action="commit-import"], [data-action="commit-valid-rows"]')
					.first()
					.click();
				await page.waitForSelector('[data-import-status="committed"]', {
					state: 'attached',
					timeout: 900_000
				});
				await page.goto(BASE + '/municipalities');
				await ready(page);
				appMs.push(Date.now() - t);
				await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
				heapAfter.push(await heap(page));
			} catch (e) {
				appError = String(e).slice(0, 200);
				break;
			}
		}
		// Filter-change latency at this size, on /municipalities (year) and / (direction).
		const latency: Record<string, unknown> = {};
		if (!appError) {
			const years: number[] = [];
			const options = await page.locator('main select').nth(1).locator('option').allTextContents();
			for (let i = 0; i < 20; i++) {
				const t = Date.now();
				await page
					.locator('main select')
					.nth(1)
					.selectOption({ index: i % Math.max(1, options.length) });
				await ready(page);
				years.push(Date.now() - t);
			}
			latency.municipalitiesYear = stats(years);
			await page.goto(BASE + '/');
			await ready(page);
			const dirs: number[] = [];
			for (let i = 0; i < 20; i++) {
				const t = Date.now();
				await page.evaluate((d) => history.replaceState(null, '', d), `/?direction=${(i % 4) + 1}`);
				await page.goto(`${BASE}/?direction=${(i % 4) + 1}`);
				await ready(page);
				dirs.push(Date.now() - t);
			}
			latency.overviewDirectionWithReload = stats(dirs);
		}
		await ctx.close();
		const app = appMs.length ? stats(appMs) : null;
		imports.push({
			rows,
			mb: Number(mb.toFixed(1)),
			nativeDuckDbMs: stats(nativeMs),
			papaParseInPageMs: stats(papaMs),
			appImportMs: app,
			appError,
			ratioAppToNative: app ? Number((app.median / stats(nativeMs).median).toFixed(1)) : null,
			ratioAppToPapa: app ? Number((app.median / stats(papaMs).median).toFixed(2)) : null,
			heapAfterImportsMB: heapAfter.map((h) => Number((h / 1048576).toFixed(1))),
			filterLatencyMs: latency
		});
	}
	results.imports = imports;
	await browser.close();
	server.kill();
	writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');

	const c = results.coldLoad as {
		firstChartMs: { median: number; min: number; max: number };
		dataReadyMs: { median: number };
		bytes: typeof bytes;
	};
	console.log(
		`cold load: first chart ${c.firstChartMs.median} ms (${c.firstChartMs.min}–${c.firstChartMs.max}), data ready ${c.dataReadyMs.median} ms`
	);
	console.log(
		`bytes: JS ${(c.bytes.js / 1024).toFixed(0)} kB, wasm ${(c.bytes.wasm / 1048576).toFixed(1)} MB, initial JS gzip ${(c.bytes.initialJsGzip / 1024).toFixed(0)} kB`
	);
	console.log('rows\tMB\tnative ms\tpapa ms\tapp ms\tapp/native\tapp/papa\theap MB');
	for (const r of imports as Record<string, never>[]) {
		const s = (x: { median: number } | null) => (x ? String(Math.round(x.median)) : '–');
		console.log(
			`${r.rows}\t${r.mb}\t${s(r.nativeDuckDbMs)}\t${s(r.papaParseInPageMs)}\t${r.appImportMs ? s(r.appImportMs) : r.appError}\t${r.ratioAppToNative ?? '–'}\t${r.ratioAppToPapa ?? '–'}\t${(r.heapAfterImportsMB as number[]).join(' / ')}`
		);
	}
	console.log('→ bench/results.json');
}

await main();
