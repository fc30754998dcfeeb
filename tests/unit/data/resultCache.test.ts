import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataFingerprint, resultKey, type FingerprintInput } from '$lib/data/resultCache';
import { parseManifest, type Manifest } from '$lib/publish/manifest';

const manifest = parseManifest(readFileSync('tests/fixtures/published-sample/manifest.json', 'utf8'));

function input(over: Partial<FingerprintInput> = {}): FingerprintInput {
	return {
		build: '1733100000000',
		published: { status: 'ok', manifest },
		localImports: false,
		...over
	};
}

/** The manifest with one dataset file replaced (another SHA-256), as a new bundle on the server. */
function replaced(m: Manifest, dataset: 'progress' | 'service_levels'): Manifest {
	const copy = structuredClone(m);
	const entry = copy.datasets[dataset];
	if (!entry) throw new Error(`the example bundle has no ${dataset}`);
	entry.sha256 = entry.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
	return copy;
}

describe('dataFingerprint: which data the last visit’s results belong to', () => {
	it('is the same for the same published folder and build', () => {
		expect(dataFingerprint(input())).toBe(dataFingerprint(input()));
		expect(dataFingerprint(input())).toContain(manifest.generated_at);
	});

	it('changes with any dataset file, the build, or a move from the sample to a folder', () => {
		const base = dataFingerprint(input());
		const others = [
			dataFingerprint(input({ published: { status: 'ok', manifest: replaced(manifest, 'progress') } })),
			dataFingerprint(input({ published: { status: 'ok', manifest: replaced(manifest, 'service_levels') } })),
			dataFingerprint(input({ build: '1733100000001' })),
			dataFingerprint(input({ published: { status: 'none', manifest: null } }))
		];
		for (const other of others) expect(other).not.toBeNull();
		expect(new Set([base, ...others]).size).toBe(others.length + 1);
	});

	it('the embedded sample has one fingerprint per build', () => {
		const sample = input({ published: { status: 'none', manifest: null } });
		expect(dataFingerprint(sample)).toBe('1733100000000|sample');
	});

	it('is null (no cache) with local imports, a broken folder, or before the manifest has answered', () => {
		expect(dataFingerprint(input({ localImports: true }))).toBeNull();
		expect(dataFingerprint(input({ localImports: true, published: { status: 'none', manifest: null } }))).toBeNull();
		expect(dataFingerprint(input({ published: { status: 'error', manifest } }))).toBeNull();
		expect(dataFingerprint(input({ published: { status: 'unknown', manifest: null } }))).toBeNull();
	});
});

describe('resultKey', () => {
	it('tells apart the same SQL with other parameters, and parameters of other types', () => {
		const sql = 'SELECT * FROM progress WHERE year = ? AND activity_id = ?';
		const keys = [
			resultKey(sql, [2024, '2.5.8']),
			resultKey(sql, [2025, '2.5.8']),
			resultKey(sql, ['2024', '2.5.8']),
			resultKey(sql, [2024, '2.5.8 ']),
			resultKey(sql)
		];
		expect(new Set(keys).size).toBe(keys.length);
		expect(resultKey(sql, [2024, '2.5.8'])).toBe(resultKey(sql, [2024, '2.5.8']));
	});
});

/** Every source file of the app (the SQL lives in .ts and .svelte files under src/). */
function sources(dir = 'src'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : []
	);
}

describe('a query result depends only on its SQL, its parameters and the data', () => {
	// The cache key has no date: SQL that read the clock would answer yesterday's result today.
	const CLOCK =
		/\b(current_date|current_timestamp|current_time|localtimestamp|localtime|get_current_timestamp|get_current_time|transaction_timestamp)\b|\btoday\s*\(|\b(select|where|case|when|then|and|or|by)\b[^\n]*(?<![.\w])now\s*\(\)/i;

	it('finds the clock in SQL where it is (the check itself)', () => {
		for (const sql of [
			'SELECT * FROM progress WHERE deadline < current_date',
			'`SELECT year(now()) AS y`',
			'"SELECT today() - deadline FROM activities"',
			'SELECT get_current_timestamp()'
		])
			expect(sql).toMatch(CLOCK);
		for (const code of [
			'const started = performance.now();',
			'return `imp-${Date.now().toString(36)}`;',
			"record('worker:total', started, now());",
			"t('state.now')"
		])
			expect(code).not.toMatch(CLOCK);
	});

	it('no source file of the app has SQL that reads the clock', () => {
		const files = sources();
		expect(files.length).toBeGreaterThan(50);
		const found = files.flatMap((f) =>
			readFileSync(f, 'utf8')
				.split('\n')
				.flatMap((line, i) => (CLOCK.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : []))
		);
		expect(found).toEqual([]);
	});
});
