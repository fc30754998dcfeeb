import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dataFingerprint, resultKey, type FingerprintInput } from '$lib/data/resultCache';
import { parseManifest, type Manifest } from '$lib/publish/manifest';

const manifest = parseManifest(readFileSync('tests/fixtures/published-sample/manifest.json', 'utf8'));

function input(over: Partial<FingerprintInput> = {}): FingerprintInput {
	return {
		build: '1733100000000',
		day: '2026-12-01',
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
	it('is the same for the same published folder, build and day', () => {
		expect(dataFingerprint(input())).toBe(dataFingerprint(input()));
		expect(dataFingerprint(input())).toContain(manifest.generated_at);
	});

	it('changes with any dataset file, the build, the day, or a move from the sample to a folder', () => {
		const base = dataFingerprint(input());
		const others = [
			dataFingerprint(input({ published: { status: 'ok', manifest: replaced(manifest, 'progress') } })),
			dataFingerprint(input({ published: { status: 'ok', manifest: replaced(manifest, 'service_levels') } })),
			dataFingerprint(input({ build: '1733100000001' })),
			dataFingerprint(input({ day: '2026-12-02' })),
			dataFingerprint(input({ published: { status: 'none', manifest: null } }))
		];
		for (const other of others) expect(other).not.toBeNull();
		expect(new Set([base, ...others]).size).toBe(others.length + 1);
	});

	it('the embedded sample has one fingerprint per build and day', () => {
		const sample = input({ published: { status: 'none', manifest: null } });
		expect(dataFingerprint(sample)).toBe('1733100000000|2026-12-01|sample');
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
