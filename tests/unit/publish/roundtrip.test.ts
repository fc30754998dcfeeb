import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createNodeConnector } from '$lib/db/nodeConnector';
import { createSchemaSql } from '$lib/db/schema';
import { fetchPublished, loadPublished, type PublishedFiles } from '$lib/publish/load';
import { PublishError, parseManifest, publishedColumns } from '$lib/publish/manifest';
import { bundleSummary, makeBundle } from '$lib/publish/bundle';
import { DATASETS, type DatasetName } from '$lib/types';

const EXAMPLE = 'tests/fixtures/published-sample';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const scratch = mkdtempSync(join(tmpdir(), 'kov-scratch-'));

function folder(dir: string): PublishedFiles {
	return {
		read: async (file) => {
			if (!existsSync(join(dir, file))) throw new PublishError(file, 'http', 'HTTP 404');
			return new Uint8Array(readFileSync(join(dir, file)));
		},
		register: async (name, bytes) => {
			const path = join(scratch, name);
			writeFileSync(path, bytes);
			return path;
		},
		drop: async () => undefined,
		sha256: async (b) => sha(b)
	};
}

async function load(dir: string) {
	const conn = await createNodeConnector();
	await conn.exec(createSchemaSql());
	const manifest = parseManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	const files = folder(dir);
	const checked = await fetchPublished(manifest, files);
	await loadPublished(conn, checked, files);
	return { conn, manifest };
}

function kov(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kov.ts', ...args], { encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('a published folder round trip (native DuckDB)', { timeout: 120_000 }, () => {
	it('loads the example bundle: every table as the manifest says, owners derived from the plan’s texts', async () => {
		const { conn, manifest } = await load(EXAMPLE);
		for (const d of DATASETS) {
			const [{ n }] = await conn.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${d}`);
			expect(n, d).toBe(manifest.datasets[d]?.rows);
		}
		// `RM (KOVPO, RIHATO), ELVL, RTK`-style owner texts give the same owners as the plan parser.
		const owners = await conn.query<{ n: number }>(
			"SELECT count(*)::INTEGER AS n FROM activity_owners WHERE activity_id = '1.1.1' AND role = 'lead'"
		);
		expect(owners[0].n).toBeGreaterThan(0);
		// The summary in the manifest is what the loaded tables give, its start results included:
		// each one is what the query it names gives on them.
		expect(await bundleSummary(conn, Object.keys(manifest.datasets) as DatasetName[])).toEqual(
			manifest.summary
		);
		expect(manifest.summary?.results?.map((r) => r.reads)).toEqual([
			['municipalities'],
			['service_levels'],
			['progress'],
			...Array(3).fill(['activities', 'progress'])
		]);
		for (const r of manifest.summary?.results ?? [])
			expect(await conn.query(r.sql, r.params), r.sql).toEqual(r.rows);
		conn.close();
	});

	it('written again, the bundle holds the same rows and the same summary (page and CLI share this code)', async () => {
		const { conn, manifest } = await load(EXAMPLE);
		const out = mkdtempSync(join(tmpdir(), 'kov-rt-'));
		const bundle = await makeBundle(
			conn,
			{
				copyOut: async (name, sql) => {
					await conn.exec(sql(join(out, name)));
					return new Uint8Array(readFileSync(join(out, name)));
				},
				sha256: async (b) => sha(b)
			},
			{ generatedAt: '2026-12-01T10:00:00Z', generatedBy: 'test', sources: {} }
		);
		conn.close();
		expect(Object.keys(bundle.manifest.datasets)).toEqual(Object.keys(manifest.datasets));
		for (const [d, entry] of Object.entries(manifest.datasets)) {
			const again = gunzipSync(bundle.files[entry.file]).toString('utf8');
			expect(again, d).toBe(gunzipSync(readFileSync(join(EXAMPLE, entry.file))).toString('utf8'));
			expect(again.split('\n')[0], d).toBe(
				publishedColumns(d as (typeof DATASETS)[number])
					.map((c) => c.name)
					.join(',')
			);
		}
		expect(bundle.manifest.summary).toEqual(manifest.summary);
	});

	it('a SHA-256 mismatch names the file; a server-unzipped file is told apart', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kov-bad-'));
		cpSync(EXAMPLE, dir, { recursive: true });
		const plain = gunzipSync(readFileSync(join(dir, 'progress.csv.gz')));
		writeFileSync(join(dir, 'progress.csv.gz'), plain);
		await expect(load(dir)).rejects.toMatchObject({ file: 'progress.csv.gz', code: 'decompressed' });
		writeFileSync(join(dir, 'progress.csv.gz'), gzipSync(plain.subarray(0, 200)));
		await expect(load(dir)).rejects.toMatchObject({ file: 'progress.csv.gz', code: 'sha' });
	});

	it('a file whose rows do not fit the manifest’s types is a read error naming it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kov-types-'));
		cpSync(EXAMPLE, dir, { recursive: true });
		const text = gunzipSync(readFileSync(join(dir, 'progress.csv.gz'))).toString('utf8');
		const broken = gzipSync(text.replace(/\n(\d[\d.]*),2024,/, '\n$1,kaks tuhat,'));
		writeFileSync(join(dir, 'progress.csv.gz'), broken);
		const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
		m.datasets.progress.sha256 = sha(broken);
		writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
		await expect(load(dir)).rejects.toMatchObject({ file: 'progress.csv.gz', code: 'read' });
	});
});

describe('kov publish', { timeout: 120_000 }, () => {
	it('applies files in order on the embedded plan and writes the folder with its manifest', () => {
		const out = mkdtempSync(join(tmpdir(), 'kov-pub-'));
		const r = kov('publish', 'tests/fixtures/progress-canonical.csv', '--out', out, '--lang', 'en');
		expect(r.code, r.err).toBe(0);
		expect(readdirSync(out).sort()).toEqual([
			'activities.csv.gz',
			'manifest.json',
			'municipalities.csv.gz',
			'progress.csv.gz'
		]);
		const m = parseManifest(readFileSync(join(out, 'manifest.json'), 'utf8'));
		expect(m.generated_by).toMatch(/\(cli\)$/);
		expect(m.datasets.progress).toMatchObject({ rows: 3 });
		expect(m.datasets.progress?.sources).toMatchObject([
			{
				name: 'progress-canonical.csv',
				sha256: sha(readFileSync('tests/fixtures/progress-canonical.csv')),
				rows_added: 3,
				rows_replaced: 0
			}
		]);
		for (const [d, e] of Object.entries(m.datasets))
			expect(sha(readFileSync(join(out, e.file))), d).toBe(e.sha256);
	});
	it('--base: replaces by key on top of a published folder and keeps its sources', () => {
		const out = mkdtempSync(join(tmpdir(), 'kov-pub-'));
		const r = kov(
			'publish',
			'tests/fixtures/progress-et-semicolon-bom-crlf.csv',
			'--base',
			EXAMPLE,
			'--out',
			out
		);
		expect(r.code, r.err).toBe(0);
		const before = parseManifest(readFileSync(join(EXAMPLE, 'manifest.json'), 'utf8'));
		const after = parseManifest(readFileSync(join(out, 'manifest.json'), 'utf8'));
		const added = after.datasets.progress!.sources.at(-1)!;
		expect(added.name).toBe('progress-et-semicolon-bom-crlf.csv');
		expect(after.datasets.progress!.rows).toBe(before.datasets.progress!.rows + added.rows_added);
		expect(added.rows_added + added.rows_replaced).toBe(5);
		expect(after.datasets.progress!.sources.slice(0, -1)).toEqual(before.datasets.progress!.sources);
		expect(after.datasets.service_levels!.sha256).toBe(before.datasets.service_levels!.sha256);
	});
	it('row errors: exit 1, every error named, nothing written; --valid-rows writes the valid ones', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'kov-pub-')), 'out');
		const bad = kov('publish', 'tests/fixtures/progress-mixed-errors.csv', '--out', out, '--lang', 'en');
		expect(bad.code).toBe(1);
		expect(bad.err).toMatch(/progress-mixed-errors\.csv:4\s+Staatus\s+"valmis\?"\s+Unknown status/);
		expect(existsSync(out)).toBe(false);
		const valid = kov('publish', 'tests/fixtures/progress-mixed-errors.csv', '--valid-rows', '--out', out);
		expect(valid.code, valid.err).toBe(0);
		const checked = kov('check', 'tests/fixtures/progress-mixed-errors.csv', '--json');
		const m = parseManifest(readFileSync(join(out, 'manifest.json'), 'utf8'));
		expect(m.datasets.progress?.rows).toBe(JSON.parse(checked.out).validRows);
	});
	it('wide tables as `kov check` reads them: unambiguous ones published, an ambiguous one exit 2 with the options, then published with them', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'kov-pub-')), 'out');
		const wide = 'tests/fixtures/service-levels-wide-ambiguous.csv';
		const ambiguous = kov('publish', wide, '--out', out, '--lang', 'en');
		expect(ambiguous.code).toBe(2);
		expect(ambiguous.err).toContain('--years 2022,2023,2024 --indicator-column Teenus');
		expect(existsSync(out)).toBe(false);
		const options = ['--years', '2022,2023,2024', '--indicator-column', 'Teenus'];
		const chosen = kov('publish', wide, ...options, '--out', out);
		expect(chosen.code, chosen.err).toBe(0);
		const checked = JSON.parse(kov('check', wide, ...options, '--json').out);
		expect(
			parseManifest(readFileSync(join(out, 'manifest.json'), 'utf8')).datasets.service_levels?.rows
		).toBe(checked.validRows);
		const ids = kov('publish', 'tests/fixtures/service-levels-wide-years-ids.csv', '--out', join(out, 'ids'));
		expect(ids.code, ids.err).toBe(0);
	});
	it('--correct: misspelt names read as the municipalities chosen, on the JS and the bulk path; kept in the manifest', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kov-fix-'));
		const head = 'Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik';
		const small = join(dir, 'tasemed.csv');
		writeFileSync(
			small,
			[
				head,
				'Tallin;2024;Haridus;X;12;last',
				'Tallin;2023;Haridus;X;15;last',
				'Tartu;2024;Haridus;X;5;last'
			].join('\r\n')
		);
		// Over the bulk threshold: DuckDB's reader, the corrections in its SQL path.
		const lines = [head];
		for (let y = 1990; y < 2036; y++)
			for (let i = 0; i < 700; i++)
				lines.push(`${i % 7 ? 'Saue vald' : 'Saarema vald'};${y};Haridus;Näitaja ${i};${i},5;%`);
		const large = join(dir, 'suur.csv');
		writeFileSync(large, lines.join('\r\n'));
		expect(readFileSync(large).length).toBeGreaterThan(1024 * 1024);
		const misspelt = lines.filter((l) => l.startsWith('Saarema vald;')).length;

		const out = join(dir, 'out');
		const without = kov('publish', small, '--out', out, '--lang', 'en');
		expect(without.code).toBe(1);
		const r = kov(
			'publish',
			small,
			large,
			'--correct',
			'Tallin=Tallinn',
			'--correct',
			'Tartu=Tartu vald',
			'--correct',
			'Saarema vald=Saaremaa vald',
			'--out',
			out,
			'--lang',
			'en'
		);
		expect(r.code, r.err).toBe(0);
		expect(r.err).toContain('"Tallin" read as Tallinn (2 rows)');
		expect(r.err).toContain(`"Saarema vald" read as Saaremaa vald (${misspelt} rows)`);
		const m = parseManifest(readFileSync(join(out, 'manifest.json'), 'utf8'));
		expect(m.datasets.service_levels?.rows).toBe(3 + lines.length - 1);
		const [first, second] = m.datasets.service_levels!.sources;
		expect(first.corrections).toEqual([
			{ field: 'municipality', from: 'Tallin', to: '0784', rows: 2, label: 'Tallinn' },
			{ field: 'municipality', from: 'Tartu', to: '0796', rows: 1, label: 'Tartu vald' },
			{ field: 'municipality', from: 'Saarema vald', to: '0714', rows: 0, label: 'Saaremaa vald' }
		]);
		expect(second.corrections?.find((c) => c.from === 'Saarema vald')?.rows).toBe(misspelt);
		const published = gunzipSync(readFileSync(join(out, 'service_levels.csv.gz'))).toString('utf8');
		expect(published.split('\n').filter((l) => l.startsWith('0714,')).length).toBe(misspelt);
		// A meaning that names nothing, or more than one municipality: exit 2, nothing written.
		const none = join(dir, 'none');
		expect(kov('publish', small, '--correct', 'Tallin=Atlantis', '--out', none).code).toBe(2);
		const twice = kov('publish', small, '--correct', 'Tartu=Tartu', '--out', none, '--lang', 'en');
		expect(twice.code).toBe(2);
		expect(twice.err).toContain('names more than one municipality');
		expect(existsSync(none)).toBe(false);
	});
	it('an unusable file or a broken base: exit 2, nothing written', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'kov-pub-')), 'out');
		expect(kov('publish', 'tests/fixtures/binary.csv', '--out', out).code).toBe(2);
		const base = mkdtempSync(join(tmpdir(), 'kov-base-'));
		writeFileSync(join(base, 'manifest.json'), '{"format":"kov-seire/published","version":7}');
		const r = kov('publish', 'tests/fixtures/progress-canonical.csv', '--base', base, '--out', out);
		expect(r.code).toBe(2);
		expect(r.err).toContain('manifest.json');
		expect(existsSync(out)).toBe(false);
	});
	it('the build’s check of data/published/ fails on a row error with row, column, value and reason', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kov-site-'));
		cpSync(EXAMPLE, dir, { recursive: true });
		const text = gunzipSync(readFileSync(join(dir, 'progress.csv.gz'))).toString('utf8');
		const lines = text.split('\n');
		lines[2] = lines[2].replace(/,(done|in_progress|at_risk|not_started|cancelled),/, ',valmis?,');
		const bad = gzipSync(lines.join('\n'));
		writeFileSync(join(dir, 'progress.csv.gz'), bad);
		const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
		m.datasets.progress.sha256 = sha(bad);
		writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
		const r = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/site-data.ts', dir, join(dir, 'out')],
			{
				encoding: 'utf8'
			}
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/progress\.csv\.gz: row 3, column status, value "valmis\?": Unknown status/);
		expect(existsSync(join(dir, 'out'))).toBe(false);
		const good = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/site-data.ts', EXAMPLE, join(dir, 'copied')],
			{ encoding: 'utf8' }
		);
		expect(good.status, good.stderr).toBe(0);
		expect(readdirSync(join(dir, 'copied')).sort()).toEqual(readdirSync(EXAMPLE).sort());
	});
});
