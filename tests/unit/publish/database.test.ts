import { describe, it, expect, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeConnector, type NodeConnector } from '$lib/db/nodeConnector';
import { createSchemaSql } from '$lib/db/schema';
import { fetchPublished, loadPublished, type PublishedFiles } from '$lib/publish/load';
import { PublishError, parseManifest, type Manifest } from '$lib/publish/manifest';
import { makeBundle } from '$lib/publish/bundle';
import { DATASETS } from '$lib/types';
import { checkPublishedFolder } from '../../../scripts/site-data';

/**
 * The optional DuckDB database file beside a large dataset's CSV (src/lib/publish/database.ts):
 * written by native DuckDB, read instead of the CSV where the host can, always the CSV's rows.
 */
const EXAMPLE = 'tests/fixtures/published-sample';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const scratch = mkdtempSync(join(tmpdir(), 'kov-db-scratch-'));

function folder(dir: string, databases: boolean, log: string[] = []): PublishedFiles {
	return {
		read: async (file) => {
			log.push(file);
			if (!existsSync(join(dir, file))) throw new PublishError(file, 'http', 'HTTP 404');
			return new Uint8Array(readFileSync(join(dir, file)));
		},
		register: async (name, bytes) => {
			const path = join(scratch, `${Math.random().toString(36).slice(2)}-${name}`);
			writeFileSync(path, bytes);
			return path;
		},
		drop: async () => undefined,
		sha256: async (b) => sha(b),
		databases
	};
}

async function load(dir: string, databases: boolean, log: string[] = []) {
	const conn = await createNodeConnector();
	await conn.exec(createSchemaSql());
	const manifest = parseManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	const files = folder(dir, databases, log);
	const checked = await fetchPublished(manifest, files);
	await loadPublished(conn, checked, files);
	return conn;
}

/** The example bundle written again with a database file for every dataset of ≥ 1,000 rows. */
async function bundleWithDatabases(): Promise<{ dir: string; manifest: Manifest }> {
	const conn = await load(EXAMPLE, false);
	const dir = mkdtempSync(join(tmpdir(), 'kov-db-'));
	const bundle = await makeBundle(
		conn,
		{
			copyOut: async (name, sql) => {
				await conn.exec(sql(join(dir, name)));
				return new Uint8Array(readFileSync(join(dir, name)));
			},
			sha256: async (b) => sha(b),
			databaseMinRows: 1000
		},
		{ generatedAt: '2026-12-01T10:00:00Z', generatedBy: 'test', sources: {} }
	);
	conn.close();
	for (const [name, bytes] of Object.entries(bundle.files)) writeFileSync(join(dir, name), bytes);
	return { dir, manifest: bundle.manifest };
}

async function tables(conn: NodeConnector) {
	const out: Record<string, unknown[]> = {};
	for (const d of DATASETS) out[d] = await conn.query(`SELECT * FROM ${d} ORDER BY ALL`);
	return out;
}

describe('a dataset’s DuckDB database file (native DuckDB)', { timeout: 120_000 }, () => {
	it('is written for large datasets only, listed in the manifest, and loads the CSV’s rows', async () => {
		const { dir, manifest } = await bundleWithDatabases();
		const withDb = Object.entries(manifest.datasets).filter(([, d]) => d?.duckdb);
		// The sample's service levels (4,832 rows) pass the test's threshold; its progress does not.
		expect(withDb.map(([name]) => name)).toEqual(['service_levels']);
		expect(manifest.datasets.service_levels?.duckdb?.file).toBe('service_levels.duckdb');
		expect(manifest.datasets.progress?.duckdb).toBeUndefined();
		expect(
			parseManifest(readFileSync(join(dir, 'manifest.json'), 'utf8')).datasets.service_levels?.duckdb
		).toEqual(manifest.datasets.service_levels?.duckdb);

		const read: string[] = [];
		const fromDb = await load(dir, true, read);
		expect(read).toContain('service_levels.duckdb');
		expect(read).not.toContain('service_levels.csv.gz');
		const fromCsv = await load(dir, false);
		expect(await tables(fromDb)).toEqual(await tables(fromCsv));
		fromDb.close();
		fromCsv.close();
		expect(await checkPublishedFolder(dir)).toEqual([]);
		rmSync(dir, { recursive: true, force: true });
	});

	it('a SHA-256 mismatch names the database file', async () => {
		const { dir } = await bundleWithDatabases();
		const db = join(dir, 'service_levels.duckdb');
		const bytes = readFileSync(db);
		bytes[bytes.length - 1] ^= 1;
		writeFileSync(db, bytes);
		await expect(load(dir, true)).rejects.toMatchObject({ file: 'service_levels.duckdb', code: 'sha' });
		expect((await checkPublishedFolder(dir)).join('\n')).toMatch(/service_levels\.duckdb: SHA-256/);
		rmSync(dir, { recursive: true, force: true });
	});

	it('a database file this DuckDB cannot read: the dataset’s CSV is read instead, with a warning', async () => {
		const { dir } = await bundleWithDatabases();
		const junk = new TextEncoder().encode('not a database file');
		writeFileSync(join(dir, 'service_levels.duckdb'), junk);
		const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
		m.datasets.service_levels.duckdb.sha256 = sha(junk);
		writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const read: string[] = [];
		const conn = await load(dir, true, read);
		expect(read).toEqual(expect.arrayContaining(['service_levels.duckdb', 'service_levels.csv.gz']));
		expect(warn.mock.calls.flat().join(' ')).toMatch(
			/service_levels\.duckdb.*reading service_levels\.csv\.gz/
		);
		warn.mockRestore();
		const [{ n }] = await conn.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM service_levels');
		expect(n).toBe(m.datasets.service_levels.rows);
		conn.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('the build’s check: a database file whose rows are not the CSV’s fails, naming both', async () => {
		const { dir } = await bundleWithDatabases();
		// A database file written from other rows (one value changed), its SHA-256 in the manifest.
		const conn = await load(dir, false);
		await conn.exec(
			`UPDATE service_levels SET value = value + 1 WHERE rowid = (SELECT min(rowid) FROM service_levels WHERE value IS NOT NULL)`
		);
		await replaceDatabase(conn, dir, 'ehak_code, year, domain, indicator, value, unit, higher_is_better');
		expect(await checkPublishedFolder(dir)).toEqual([
			expect.stringMatching(
				/service_levels\.duckdb: not the rows of service_levels\.csv\.gz \(1 rows more, 1 rows missing\)/
			)
		]);
		rmSync(dir, { recursive: true, force: true });
	});

	it('a database file whose table has other columns: the build names them, the page reads the CSV', async () => {
		const { dir } = await bundleWithDatabases();
		const conn = await load(dir, false);
		const m = await replaceDatabase(
			conn,
			dir,
			'ehak_code, year::VARCHAR AS year, domain, indicator, value, unit, higher_is_better'
		);
		expect(await checkPublishedFolder(dir)).toEqual([
			expect.stringMatching(
				/service_levels\.duckdb: table service_levels: columns .*year VARCHAR.* ≠ .*year INTEGER/
			)
		]);
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const read: string[] = [];
		const page = await load(dir, true, read);
		expect(read).toContain('service_levels.csv.gz');
		expect(warn.mock.calls.flat().join(' ')).toMatch(/columns .* ≠ /);
		warn.mockRestore();
		const [{ n }] = await page.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM service_levels');
		expect(n).toBe(m.datasets.service_levels.rows);
		page.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('a manifest naming a database file of another form is a shape error', () => {
		const m = JSON.parse(readFileSync(join(EXAMPLE, 'manifest.json'), 'utf8'));
		m.datasets.service_levels.duckdb = { file: '../x.duckdb', sha256: 'a'.repeat(64) };
		expect(() => parseManifest(JSON.stringify(m))).toThrow(/service_levels\.duckdb/);
		m.datasets.service_levels.duckdb = { file: 'service_levels.duckdb', sha256: 'nope' };
		expect(() => parseManifest(JSON.stringify(m))).toThrow(/service_levels\.duckdb/);
	});
});

/**
 * The folder's `service_levels.duckdb` replaced by one written from `conn` with the columns `select`
 * (its SHA-256 in the manifest updated, so only its content is wrong); `conn` is closed. Returns
 * the manifest.
 */
async function replaceDatabase(
	conn: Awaited<ReturnType<typeof load>>,
	dir: string,
	select: string
): Promise<{ datasets: Record<string, { rows: number }> }> {
	const path = join(dir, 'other.duckdb');
	await conn.exec(
		`ATTACH '${path}' AS o (STORAGE_VERSION 'v1.0.0'); CREATE TABLE o.service_levels AS SELECT ${select} FROM service_levels; DETACH o;`
	);
	conn.close();
	const other = readFileSync(path);
	rmSync(path);
	writeFileSync(join(dir, 'service_levels.duckdb'), other);
	const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	m.datasets.service_levels.duckdb.sha256 = sha(other);
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
	return m;
}
