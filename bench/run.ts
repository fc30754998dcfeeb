/**
 * npm run bench — builds the app, serves build/ on localhost and drives headless Debian Chromium:
 *   1. cold load of / (new context, cache disabled) to the first chart and to data-ready; bytes;
 *   2. import of generated service-level CSVs (`;`, decimal comma) through the app's import page;
 *   3. the same file read by native DuckDB (the physical reference) and by Papa Parse + convert +
 *      Arrow insert into DuckDB-wasm in an app page (the JS baseline);
 *   4. filter-change latency on /municipalities and / with the largest imported file loaded;
 *   5. JS heap and renderer memory after one import and after importing the same file again.
 * Prints a summary and writes bench/results.json. Timings are reported, never asserted.
 * Env: BENCH_QUICK=1 (100k rows, one run each), BENCH_PORT (4184), BENCH_NO_BUILD=1 (reuse
 * build/), BENCH_BUILD_DIR (serve another copy of the build), BENCH_SIZES=100000,1000000, CHROMIUM_PATH.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { cdpFor, jsHeap, launch, rendererRss, withProbes } from './browser';
import { coldLoad, type ColdLoad } from './coldLoad';
import { secondVisit, type SecondVisit } from './secondVisit';
import { publishedBench, type PublishedBench } from './published';
import { writeCsv, writeTrainingCsv } from './generate';
import { failedRun, importOnce, openImport, type ImportRun } from './appImport';
import { municipalityLatency, overviewLatency, type Latency } from './latency';
import { nativeIngest, type NativeIngest } from './native';
import { bundleDuck, papaIngest, type PapaIngest } from './papa';
import { step } from './log';
import { printReport } from './report';
import { ratio, spread, type Spread } from './stats';

const QUICK = process.env.BENCH_QUICK === '1';
/** Rows of the generated training export (a large trainer's export: 13 MB). */
const TRAINING_ROWS = 100_000;
const PORT = Number(process.env.BENCH_PORT ?? 4184);
const BASE = `http://localhost:${PORT}`;
const RUNS = QUICK ? 1 : 3;
/** Largest first: latency and memory are measured with the largest file that imports. */
const SIZES = (process.env.BENCH_SIZES ?? (QUICK ? '100000' : '1000000,100000'))
	.split(',')
	.map(Number)
	.sort((a, b) => b - a);
const LATENCY_CHANGES = QUICK ? 8 : 20;
/** A further run of a size is skipped when one import already took longer than this. */
const SLOW_IMPORT_MS = 150_000;
const BUILD = process.env.BENCH_BUILD_DIR ?? 'build';
const TMP = join('bench', 'tmp');

export interface AppIngest {
	runs: ImportRun[];
	analyseMs: Spread | null;
	commitMs: Spread | null;
	chartsMs: Spread | null;
	totalMs: Spread | null;
	/** Commit click → charts settled, the harness's reaction included (see appImport.ts). */
	commitToChartsMs: Spread | null;
	longestTaskMs: Spread | null;
	/** Median of each `kov:*` phase over the successful runs (what the time was spent on). */
	phases: Record<string, number>;
	error: string | null;
}

export interface Ingest {
	rows: number;
	fileBytes: number;
	indicators: number;
	native: NativeIngest;
	papa: PapaIngest | null;
	papaError: string | null;
	app: AppIngest;
	ratios: {
		appToNative: number | null;
		appToPapa: number | null;
		/** how many times faster the app is than the Papa Parse path (Papa / app) */
		papaToApp: number | null;
		papaToNative: number | null;
		/** app import / DuckDB-wasm's reader alone: what the app adds on top of its engine's floor */
		appToWasmReader: number | null;
		/** DuckDB-wasm's reader / native DuckDB: the engine's own cost of running in the browser */
		wasmReaderToNative: number | null;
	};
}

export interface Memory {
	rows: number;
	before: { heapBytes: number | null; rssBytes: number | null };
	imports: ImportRun[];
	/** Renderer RSS after the second import / after the first: about 1 when replacing does not duplicate. */
	rssSecondToFirst: number | null;
	heapSecondToFirst: number | null;
}

export interface Results {
	date: string;
	quick: boolean;
	machine: {
		cpus: number;
		cpuModel: string;
		memoryGB: number;
		platform: string;
		node: string;
		chromium: string;
		loadAverage: { start: number[]; end: number[] };
	};
	versions: Record<string, string>;
	coldLoad: ColdLoad;
	/** A repeat visit with the service worker and the HTTP cache allowed, and an offline visit. */
	secondVisit: SecondVisit | null;
	ingest: Ingest[];
	/** Per size: memory before, after the import and after importing the same file again. */
	memory: Memory[];
	latency: { rows: number; controls: Record<string, Latency> } | null;
	/** A large training-statistics export through the app (the bulk path), beside native DuckDB. */
	trainings: { rows: number; fileBytes: number; native: NativeIngest; app: AppIngest } | null;
	/** A published 1M-row bundle: cold loads beside the sample path and the CSV import. */
	published:
		| (PublishedBench & {
				importCsvMs: Spread | null;
				readyToImport: number | null;
				csvOnlyReadyToImport: number | null;
		  })
		| null;
	notes: string[];
}

const load = () => loadavg().map((l) => Math.round(l * 100) / 100);

async function startServer(): Promise<() => void> {
	const server = spawn(process.execPath, ['scripts/serve.mjs', BUILD, String(PORT)], { stdio: 'ignore' });
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(BASE + '/')).ok) return () => server.kill();
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error(`the static server did not start on port ${PORT}`);
}

function versionOf(pkg: string): string {
	try {
		return JSON.parse(readFileSync(join('node_modules', pkg, 'package.json'), 'utf8')).version;
	} catch {
		return '?';
	}
}

async function nativeVersion(): Promise<string> {
	const instance = await DuckDBInstance.create(':memory:');
	const c = await instance.connect();
	const v = String((await c.runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v);
	c.closeSync();
	instance.closeSync();
	return v;
}

function summarise(runs: ImportRun[]): AppIngest {
	const ok = runs.filter((r) => r.ok);
	const pick = (f: (r: ImportRun) => number | null) =>
		spread(ok.map(f).filter((v): v is number => v !== null));
	return {
		runs,
		analyseMs: pick((r) => r.analyseMs),
		commitMs: pick((r) => r.commitMs),
		chartsMs: pick((r) => r.chartsMs),
		totalMs: pick((r) => r.totalMs),
		commitToChartsMs: pick((r) => r.commitToChartsMs),
		longestTaskMs: pick((r) => r.longestTaskMs),
		phases: Object.fromEntries(
			[...new Set(ok.flatMap((r) => Object.keys(r.marks)))].map((name) => [
				name,
				Math.round(spread(ok.map((r) => r.marks[name] ?? 0))?.median ?? 0)
			])
		),
		error: ok.length ? null : (runs[0]?.error ?? 'no run')
	};
}

const describe = (r: ImportRun) =>
	r.ok
		? `read+check ${Math.round(r.analyseMs ?? 0)} ms, commit ${Math.round(r.commitMs ?? 0)} ms, charts ${Math.round(r.chartsMs ?? 0)} ms`
		: `failed: ${r.error}`;

/**
 * One size through the app. The first context also carries the memory measurement (import, then
 * the same file again: a replace) and then, for the largest size that imports, the filter changes.
 */
async function appIngest(browser: Browser, file: string, rows: number, results: Results): Promise<AppIngest> {
	const runs: ImportRun[] = [];
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		try {
			const page = await context.newPage();
			await withProbes(page);
			const notAvailable = await openImport(page, BASE);
			if (notAvailable) {
				runs.push(failedRun(notAvailable));
				break;
			}
			const cdp = await cdpFor(page);
			const before = { heapBytes: await jsHeap(cdp, true), rssBytes: rendererRss() };
			const first = await importOnce(page, cdp, file);
			runs.push(first);
			step(`    run ${run + 1}: ${describe(first)}`);
			if (run === 0) {
				const imports = [first];
				if (first.ok) {
					const reopened = await openImport(page);
					imports.push(reopened ? failedRun(reopened) : await importOnce(page, cdp, file));
					step(`    same file again (replace): ${describe(imports[1])}`);
				}
				const [a, b] = imports;
				results.memory.push({
					rows,
					before,
					imports,
					rssSecondToFirst:
						a.rssAfterBytes && b?.rssAfterBytes
							? Math.round((b.rssAfterBytes / a.rssAfterBytes) * 100) / 100
							: null,
					heapSecondToFirst:
						a.heapAfterBytes && b?.heapAfterBytes
							? Math.round((b.heapAfterBytes / a.heapAfterBytes) * 100) / 100
							: null
				});
				if (imports.at(-1)?.ok && !results.latency) {
					step(`    filter changes (${LATENCY_CHANGES} per control)`);
					const controls: Record<string, Latency> = {
						...(await municipalityLatency(page, LATENCY_CHANGES)),
						overviewDirection: await overviewLatency(page, LATENCY_CHANGES)
					};
					const d = controls.overviewDirection;
					step(
						`      direction: ${d.error ? `error: ${d.error}` : `p50 ${d.ms?.p50} ms, p95 ${d.ms?.p95} ms`}`
					);
					results.latency = { rows, controls };
				}
			}
			// A failed import fails the same way again; a slow one is not worth repeating.
			if (!first.ok || (first.wallMs ?? 0) > SLOW_IMPORT_MS) break;
		} finally {
			await context.close();
		}
	}
	return summarise(runs);
}

async function main() {
	mkdirSync(TMP, { recursive: true });
	if (!process.env.BENCH_NO_BUILD) {
		step('building (npm run build)');
		execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
	}
	// Outside bench/ so that eslint (which does not read .gitignore) never sees the minified bundle.
	const duckJs = await bundleDuck(join('node_modules', '.cache', 'kov-bench'));
	const stopServer = await startServer();
	let browser = await launch();
	// A phase that crashes the browser (a renderer out of memory at 1M rows) must not take the
	// later phases with it: each phase of each size gets a fresh browser.
	const fresh = async () => {
		await browser.close().catch(() => undefined);
		browser = await launch();
		return browser;
	};
	const cpu = cpus();
	const results: Results = {
		date: new Date().toISOString(),
		quick: QUICK,
		machine: {
			cpus: cpu.length,
			cpuModel: cpu[0]?.model ?? '?',
			memoryGB: Math.round(totalmem() / 1073741824),
			platform: platform(),
			node: process.version,
			chromium: browser.version(),
			loadAverage: { start: load(), end: [] }
		},
		versions: {
			'duckdb (native)': await nativeVersion(),
			'@duckdb/duckdb-wasm': versionOf('@duckdb/duckdb-wasm'),
			papaparse: versionOf('papaparse'),
			'playwright-core': versionOf('playwright-core')
		},
		coldLoad: null as unknown as ColdLoad,
		secondVisit: null,
		ingest: [],
		trainings: null,
		memory: [],
		latency: null,
		published: null,
		notes: []
	};
	try {
		step('cold load of /');
		results.coldLoad = await coldLoad(browser, BASE, RUNS, BUILD);
		step('second visit of / (service worker and cache allowed), then offline');
		results.secondVisit = await secondVisit(browser, BASE, RUNS);
		for (const rows of SIZES) {
			const { file, bytes, indicators } = writeCsv(TMP, rows);
			step(`${rows.toLocaleString('en-US')} rows (${Math.round(bytes / 1048576)} MB): native DuckDB`);
			const native = await nativeIngest(file, RUNS);
			step('  Papa Parse and DuckDB-wasm read_csv in the page');
			let papa: Ingest['papa'] = null;
			let papaError: string | null = null;
			try {
				papa = await papaIngest(await fresh(), BASE, file, RUNS, { buildDir: BUILD, duckJs });
			} catch (e) {
				papaError = String(e).split('\n')[0].slice(0, 300);
			}
			step('  app import');
			const app = await appIngest(await fresh(), file, rows, results);
			const papaTotal = papa?.totalMs ?? papa?.parseConvertMs ?? null;
			results.ingest.push({
				rows,
				fileBytes: bytes,
				indicators,
				native,
				papa,
				papaError,
				app,
				ratios: {
					appToNative: ratio(app.totalMs, native.ms),
					appToPapa: ratio(app.totalMs, papaTotal),
					papaToApp: ratio(papaTotal, app.totalMs),
					papaToNative: ratio(papaTotal, native.ms),
					appToWasmReader: ratio(app.totalMs, papa?.wasmReader.readMs ?? null),
					wasmReaderToNative: ratio(papa?.wasmReader.readMs ?? null, native.ms)
				}
			});
		}
		{
			const { file, bytes } = writeTrainingCsv(TMP, TRAINING_ROWS);
			step(
				`training export, ${TRAINING_ROWS.toLocaleString('en-US')} rows (${Math.round(bytes / 1048576)} MB): native DuckDB`
			);
			const native = await nativeIngest(file, RUNS);
			step('  app import (→ /trainings)');
			const runs: ImportRun[] = [];
			const b = await fresh();
			for (let run = 0; run < RUNS; run++) {
				const context = await b.newContext({ serviceWorkers: 'block' });
				try {
					const page = await context.newPage();
					await withProbes(page);
					const notAvailable = await openImport(page, BASE);
					const r = notAvailable
						? failedRun(notAvailable)
						: await importOnce(page, await cdpFor(page), file, '/trainings');
					runs.push(r);
					step(`    run ${run + 1}: ${describe(r)}`);
					if (!r.ok) break;
				} finally {
					await context.close();
				}
			}
			results.trainings = { rows: TRAINING_ROWS, fileBytes: bytes, native, app: summarise(runs) };
		}
		step(`published bundle of ${SIZES[0].toLocaleString('en-US')} rows: kov publish, cold loads`);
		const { file } = writeCsv(TMP, SIZES[0]);
		const pub = await publishedBench(await fresh(), BASE, file, SIZES[0], RUNS, TMP, BUILD);
		const imported = results.ingest.find((i) => i.rows === SIZES[0])?.app.totalMs ?? null;
		// Importing the CSV means: open the page on the sample, then import the file. Each figure is
		// the sum of the two parts' (so the range runs from the sum of their minima to that of their
		// maxima; a range of the import alone read as if the median were outside it).
		const sample = pub.sample.municipalities.dataReadyMs;
		const viaImport =
			imported && sample
				? {
						n: Math.min(imported.n, sample.n),
						median: imported.median + sample.median,
						min: imported.min + sample.min,
						max: imported.max + sample.max,
						p50: imported.p50 + sample.p50,
						p95: imported.p95 + sample.p95
					}
				: null;
		results.published = {
			...pub,
			importCsvMs: viaImport,
			readyToImport: ratio(pub.published.municipalities.dataReadyMs, viaImport),
			csvOnlyReadyToImport: ratio(pub.csvOnly.municipalities.dataReadyMs, viaImport)
		};
	} finally {
		await browser.close();
		stopServer();
	}
	results.machine.loadAverage.end = load();
	results.ingest.sort((a, b) => a.rows - b.rows);
	results.memory.sort((a, b) => a.rows - b.rows);
	if (
		Math.max(...results.machine.loadAverage.start, ...results.machine.loadAverage.end) >
		cpus().length * 0.75
	)
		results.notes.push(
			'the machine was busy with other work during the run (load average above); timings are noisy'
		);
	if (results.ingest.some((i) => i.papa?.insertError))
		results.notes.push('Papa baseline: the DuckDB-wasm insert failed; its total is parse + convert only');
	writeFileSync('bench/results.json', JSON.stringify(results, null, '\t') + '\n');
	printReport(results);
}

await main();
