/**
 * static/engine-worker.js hands DuckDB's start-up code the wasm's exports without the C++ symbols
 * (`linkableExports`). These tests check the facts that makes safe in the DuckDB-wasm version
 * installed, and that DuckDB given only those exports answers the app's kinds of statements as
 * DuckDB given all of them does. (DuckDB-wasm's Node build: the same wasm, the same start-up code.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { readPublishedSql } from '$lib/publish/manifest';
import { createSchemaSql } from '$lib/db/schema';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
const wasmFile = path.join(dist, 'duckdb-eh.wasm');

type Exports = Record<string, unknown>;

/** engine-worker.js run as a worker script would be, without a DuckDB URL (it reports and stops). */
function loadWorkerScript(): { linkableExports: (e: Exports) => Exports; reports: unknown[] } {
	const reports: unknown[] = [];
	const self = {
		location: { href: 'http://localhost/engine-worker.js', origin: 'http://localhost' },
		addEventListener: () => undefined,
		postMessage: (m: unknown) => reports.push(m)
	};
	const context = vm.createContext({ self, URL, WebAssembly, importScripts: () => undefined });
	vm.runInContext(readFileSync('static/engine-worker.js', 'utf8'), context);
	return { linkableExports: context.linkableExports as (e: Exports) => Exports, reports };
}

interface Db {
	instantiate(): Promise<void>;
	open(config: object): void;
	connect(): { query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] } };
	registerFileBuffer(name: string, bytes: Uint8Array): void;
}

/** DuckDB-wasm's Node build; with `link`, its start-up code sees only the linkable exports. */
async function startDuckDb(link: ((e: Exports) => Exports) | null): Promise<Db> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const original = WebAssembly.instantiate;
	if (link) {
		(WebAssembly as { instantiate: unknown }).instantiate = async (...args: unknown[]) => {
			const r = (await (original as (...a: unknown[]) => Promise<WebAssembly.WebAssemblyInstantiatedSource>)(
				...args
			)) as WebAssembly.WebAssemblyInstantiatedSource;
			return { module: r.module, instance: { exports: link(r.instance.exports as Exports) } };
		};
	}
	try {
		const db: Db = await duckdb.createDuckDB(
			{
				mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
				eh: { mainModule: wasmFile, mainWorker: '' }
			},
			new duckdb.VoidLogger(),
			duckdb.NODE_RUNTIME
		);
		await db.instantiate();
		db.open({});
		return db;
	} finally {
		WebAssembly.instantiate = original;
	}
}

const module = new WebAssembly.Module(readFileSync(wasmFile));
const exportNames = WebAssembly.Module.exports(module).map((e) => e.name);

describe('engine-worker.js linkableExports', () => {
	const { linkableExports, reports } = loadWorkerScript();
	const fake = Object.fromEntries(exportNames.map((n) => [n, n]));
	const kept = new Set(Object.keys(linkableExports(fake)));
	const dropped = exportNames.filter((n) => !kept.has(n));

	it('is defined by the worker script, which reports a missing DuckDB URL instead of throwing', () => {
		expect(typeof linkableExports).toBe('function');
		expect(JSON.stringify(reports)).toContain('no same-origin DuckDB worker script given');
	});

	it('drops only C++ symbols, and most of the exports', () => {
		expect(dropped.length).toBeGreaterThan(0);
		for (const name of dropped) expect(name.startsWith('_Z') || name.startsWith('orig$_Z')).toBe(true);
		expect(kept.size).toBeLessThan(exportNames.length / 4);
		// What DuckDB-wasm calls by name stays.
		for (const name of ['duckdb_web_open', 'duckdb_web_query_run', 'malloc', 'free', '__wasm_call_ctors'])
			expect(kept.has(name), name).toBe(true);
	});

	it('drops nothing the wasm imports through its offset table', () => {
		const got = WebAssembly.Module.imports(module).filter((i) => i.module.startsWith('GOT.'));
		expect(got.length).toBeGreaterThan(0);
		expect(got.filter((i) => !kept.has(i.name) && exportNames.includes(i.name))).toEqual([]);
	});

	it("drops nothing DuckDB-wasm's browser worker script names", () => {
		const js = readFileSync(path.join(dist, 'duckdb-browser-eh.worker.js'), 'utf8');
		const named = new Set(js.match(/[A-Za-z0-9_$]*_Z[A-Za-z0-9_$]+/g) ?? []);
		expect(dropped.filter((n) => named.has(n) || named.has(n.replace(/^orig\$/, '')))).toEqual([]);
	});
});

describe('DuckDB started with the linkable exports only', () => {
	let full: Db;
	let linked: Db;
	let linkedCalls = 0;
	beforeAll(async () => {
		full = await startDuckDb(null);
		const { linkableExports } = loadWorkerScript();
		linked = await startDuckDb((e) => {
			linkedCalls++;
			return linkableExports(e);
		});
	}, 60_000);

	const bundle = 'tests/fixtures/published-sample';
	// DuckDB-wasm's Node build writes `COPY … TO` files to the disk: a folder of their own.
	const dir = mkdtempSync(path.join(tmpdir(), 'kov-engine-link-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	function run(db: Db, name: string): unknown[] {
		const c = db.connect();
		const copyPath = path.join(dir, `${name}.csv.gz`).replaceAll("'", "''");
		db.registerFileBuffer('sl.csv.gz', new Uint8Array(readFileSync(`${bundle}/service_levels.csv.gz`)));
		c.query(createSchemaSql());
		c.query(readPublishedSql('service_levels', 'sl.csv.gz'));
		const out: unknown[] = [];
		const q = (sql: string) =>
			c
				.query(sql)
				.toArray()
				.map((r) => JSON.stringify(r.toJSON(), (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
		out.push(
			q('SELECT count(*) AS n, count(DISTINCT indicator) AS i, round(sum(value), 3) AS s FROM service_levels')
		);
		out.push(
			q(`SELECT indicator, year, median(value) AS m, rank() OVER (PARTITION BY indicator ORDER BY year) AS r
				FROM service_levels GROUP BY indicator, year ORDER BY indicator, year LIMIT 20`)
		);
		out.push(
			q("SELECT regexp_replace('Tallinn 0784', '[0-9]+', '#') AS r, strptime('01.02.2024', '%d.%m.%Y') AS d")
		);
		c.query('BEGIN TRANSACTION');
		c.query('DELETE FROM service_levels');
		c.query('ROLLBACK');
		out.push(q('SELECT count(*) AS n FROM service_levels'));
		for (const bad of ['SELECT * FROM nope', "SELECT 'x'::INTEGER", "SELECT error('boom')"]) {
			try {
				c.query(bad);
				out.push('no error');
			} catch (e) {
				out.push(String((e as Error).message).split('\n')[0]);
			}
		}
		c.query(`COPY (SELECT * FROM service_levels ORDER BY ALL) TO '${copyPath}' (HEADER, COMPRESSION gzip)`);
		out.push(q(`SELECT count(*) AS n FROM read_csv('${copyPath}')`));
		return out;
	}

	it('answers as DuckDB with every export does: reads, aggregates, windows, errors, rollback, COPY', () => {
		expect(linkedCalls).toBe(1);
		const expected = run(full, 'full');
		expect(expected.flat().join(' ')).toContain('Catalog Error');
		expect(run(linked, 'linked')).toEqual(expected);
	});
});
