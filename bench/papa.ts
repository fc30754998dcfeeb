/**
 * The JS baseline, in an app page (`/import`, loaded and ready): Papa Parse on the file's text,
 * then the conversion an import needs (decimal comma → number, year → integer, empty → null) into
 * columns, then one Arrow insert into a DuckDB-wasm of the app's version (bench/page/duck.ts). The
 * text is fetched before the clock starts, so decoding is not in the time (the app's is).
 *
 * The app's Content-Security-Policy (script-src 'self') blocks inline scripts, which is what
 * `page.addScriptTag({ path })` inserts; so both scripts are served from the page's own origin
 * under `/__bench/` by a Playwright route and added with `addScriptTag({ url })`.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { Columns } from './page/duck';
import { cdpFor, jsHeap } from './browser';
import { spread, type Spread } from './stats';

export interface PapaIngest {
	parseMs: Spread | null;
	convertMs: Spread | null;
	/** Arrow table build + DuckDB-wasm insert */
	insertMs: Spread | null;
	/** of which building the Arrow table in JS */
	arrowMs: Spread | null;
	/** parse + convert, per run: the JS baseline without a database */
	parseConvertMs: Spread | null;
	/** parse + convert + insert */
	totalMs: Spread | null;
	rows: number;
	parseErrors: number;
	insertedRows: number;
	insertError: string | null;
	/** DuckDB-wasm's CSV reader alone on the same file, in the same page (bench/page/duck.ts). */
	wasmReader: { readMs: Spread | null; registerMs: Spread | null; rows: number; error: string | null };
}

/** Bundles bench/page/duck.ts into one IIFE script (global `BenchDuck`). */
export async function bundleDuck(outDir: string): Promise<string> {
	await build({
		configFile: false,
		logLevel: 'warn',
		build: {
			outDir,
			emptyOutDir: false,
			minify: true,
			lib: { entry: 'bench/page/duck.ts', formats: ['iife'], name: 'BenchDuck', fileName: () => 'duck.js' }
		}
	});
	return join(outDir, 'duck.js');
}

/** The app's own DuckDB worker and wasm from the build, as same-origin URLs. */
function duckAssets(buildDir: string): { worker: string; wasm: string } {
	const dir = join(buildDir, '_app/immutable/assets');
	const files = readdirSync(dir);
	const worker = files.find((f) => /^duckdb-browser-eh\.worker.*\.js$/.test(f));
	const wasm = files.find((f) => /^duckdb-eh.*\.wasm$/.test(f));
	if (!worker || !wasm) throw new Error(`DuckDB worker/wasm not found in ${dir}`);
	return { worker: `/_app/immutable/assets/${worker}`, wasm: `/_app/immutable/assets/${wasm}` };
}

interface Window {
	Papa: {
		parse: (text: string, options: object) => { data: Record<string, string>[]; errors: unknown[] };
	};
	BenchDuck: {
		open(w: string, m: string): Promise<void>;
		insert(c: Columns, t: string): Promise<{ rows: number; arrowMs: number; insertMs: number }>;
		readCsv(b: Uint8Array): Promise<{ rows: number; registerMs: number; readMs: number }>;
	};
	__benchText?: string;
}

async function oneRun(page: Page): Promise<{
	parse: number;
	convert: number;
	insert: number | null;
	arrow: number | null;
	rows: number;
	errors: number;
	inserted: number;
	insertError: string | null;
}> {
	return page.evaluate(async () => {
		const w = window as unknown as Window;
		const text = w.__benchText as string;
		const t0 = performance.now();
		const parsed = w.Papa.parse(text, {
			delimiter: ';',
			header: true,
			dynamicTyping: false,
			skipEmptyLines: true
		});
		const t1 = performance.now();
		const rows = parsed.data;
		const n = rows.length;
		const c: Columns = {
			municipality: new Array<string>(n),
			year: new Int32Array(n),
			domain: new Array<string>(n),
			indicator: new Array<string>(n),
			value: new Float64Array(n),
			valid: new Uint8Array(Math.ceil(n / 8)),
			unit: new Array<string>(n)
		};
		for (let i = 0; i < n; i++) {
			const r = rows[i];
			c.municipality[i] = r['Omavalitsus'];
			c.year[i] = parseInt(r['Aasta'], 10);
			c.domain[i] = r['Valdkond'];
			c.indicator[i] = r['Näitaja'];
			const v = r['Väärtus'];
			if (v !== '') {
				c.value[i] = Number(v.replace(/[\s\u00a0]/g, '').replace(',', '.'));
				c.valid[i >> 3] |= 1 << (i & 7);
			}
			c.unit[i] = r['Ühik'];
		}
		const t2 = performance.now();
		let inserted = 0;
		let arrow: number | null = null;
		let insertError: string | null = null;
		try {
			const r = await w.BenchDuck.insert(c, 't');
			inserted = r.rows;
			arrow = r.arrowMs;
		} catch (e) {
			insertError = String(e).slice(0, 300);
		}
		const t3 = performance.now();
		return {
			parse: t1 - t0,
			convert: t2 - t1,
			insert: insertError ? null : t3 - t2,
			arrow,
			rows: n,
			errors: parsed.errors.length,
			inserted,
			insertError
		};
	});
}

/** DuckDB-wasm's reader alone, `runs` times; the file's bytes are fetched before each clock starts. */
async function readerRuns(page: Page, cdp: CDPSession, runs: number): Promise<PapaIngest['wasmReader']> {
	const read: number[] = [];
	const register: number[] = [];
	let rows = 0;
	try {
		await page.evaluate(() => delete (window as unknown as Window).__benchText);
		for (let run = 0; run < runs; run++) {
			await jsHeap(cdp, true);
			const r = await page.evaluate(async () => {
				const bytes = new Uint8Array(await (await fetch('/__bench-data/data.csv')).arrayBuffer());
				return (window as unknown as Window).BenchDuck.readCsv(bytes);
			});
			read.push(r.readMs);
			register.push(r.registerMs);
			rows = r.rows;
		}
		return { readMs: spread(read), registerMs: spread(register), rows, error: null };
	} catch (e) {
		return { readMs: spread(read), registerMs: spread(register), rows, error: String(e).slice(0, 300) };
	}
}

export async function papaIngest(
	browser: Browser,
	base: string,
	file: string,
	runs: number,
	paths: { buildDir: string; duckJs: string }
): Promise<PapaIngest> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.route('**/__bench/**', (route) => {
		const name = new URL(route.request().url()).pathname.replace('/__bench/', '');
		const bodies: Record<string, [string, string]> = {
			'papaparse.min.js': ['node_modules/papaparse/papaparse.min.js', 'text/javascript'],
			'duck.js': [paths.duckJs, 'text/javascript']
		};
		const hit = bodies[name];
		return hit
			? route.fulfill({ body: readFileSync(hit[0]), contentType: hit[1] })
			: route.fulfill({ status: 404 });
	});
	// The CSV itself comes from the app's own server: an 86 MB body through Playwright's route
	// (base64 over the DevTools protocol) brought the browser down.
	const served = join(paths.buildDir, '__bench-data');
	mkdirSync(served, { recursive: true });
	copyFileSync(file, join(served, 'data.csv'));
	const page = await context.newPage();
	let cdp: CDPSession | null = null;
	try {
		await page.goto(base + '/import');
		await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
		await page.addScriptTag({ url: '/__bench/papaparse.min.js' });
		await page.addScriptTag({ url: '/__bench/duck.js' });
		const assets = duckAssets(paths.buildDir);
		await page.evaluate(
			async ({ worker, wasm }) => {
				const w = window as unknown as Window;
				await w.BenchDuck.open(worker, wasm);
				w.__benchText = await (await fetch('/__bench-data/data.csv')).text();
			},
			{ worker: assets.worker, wasm: assets.wasm }
		);
		cdp = await cdpFor(page);
		const parse: number[] = [];
		const convert: number[] = [];
		const insert: number[] = [];
		const arrow: number[] = [];
		const parseConvert: number[] = [];
		const total: number[] = [];
		let last: Awaited<ReturnType<typeof oneRun>> | null = null;
		for (let run = 0; run < runs; run++) {
			await jsHeap(cdp, true); // start each run from a collected heap
			last = await oneRun(page);
			parse.push(last.parse);
			convert.push(last.convert);
			parseConvert.push(last.parse + last.convert);
			if (last.insert !== null) {
				insert.push(last.insert);
				if (last.arrow !== null) arrow.push(last.arrow);
				total.push(last.parse + last.convert + last.insert);
			}
		}
		const wasmReader = await readerRuns(page, cdp, runs);
		return {
			wasmReader,
			parseMs: spread(parse),
			convertMs: spread(convert),
			insertMs: spread(insert),
			arrowMs: spread(arrow),
			parseConvertMs: spread(parseConvert),
			totalMs: spread(total),
			rows: last?.rows ?? 0,
			parseErrors: last?.errors ?? 0,
			insertedRows: last?.inserted ?? 0,
			insertError: last?.insertError ?? null
		};
	} finally {
		await cdp?.detach().catch(() => undefined);
		await context.close().catch(() => undefined);
		rmSync(served, { recursive: true, force: true });
	}
}
