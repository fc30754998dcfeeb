/**
 * The Pollock benchmark (bench/pollock) scores our reader in-process, for speed; this checks that
 * what it writes is byte for byte what `kov read <file> --out <table.csv>` writes.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { oursCsv } from '../../../bench/pollock/loaders';

function kovRead(file: string, out: string) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kov.ts', 'read', file, '--out', out], {
		encoding: 'utf8'
	});
	return r.status;
}

const FILES = [
	'tests/fixtures/messy/stray-quote-cell.csv',
	'tests/fixtures/messy/stray-quote-line-end.csv',
	'tests/fixtures/messy/stray-quote-and-quoted-break.csv',
	'tests/fixtures/progress-win1257-tab-title.csv',
	'tests/fixtures/progress-et-semicolon-bom-crlf.csv',
	'tests/fixtures/service-levels-mixed-encoding.csv',
	'tests/fixtures/progress-unicode-text.txt',
	'tests/fixtures/header-only.csv',
	'tests/fixtures/empty.csv'
];

/** A few of Pollock's own files too, where an extracted copy is at hand (not in CI). */
const POLLOCK = process.env.POLLOCK_DIR ?? '/work/pollock';
const POLLOCK_FILES = [
	'row_extra_quote5_col3.csv',
	'file_preamble.csv',
	'row_field_delimiter_5_0x20.csv'
].map((f) => join(POLLOCK, 'polluted_files', 'csv', f));
if (POLLOCK_FILES.every((f) => existsSync(f))) FILES.push(...POLLOCK_FILES);

describe('bench/pollock writes what kov read writes', { timeout: 120_000 }, () => {
	const dir = mkdtempSync(join(tmpdir(), 'kov-read-pollock-'));
	for (const file of FILES) {
		it(basename(file), () => {
			const out = join(dir, `${basename(file)}.out.csv`);
			expect(kovRead(file, out)).toBe(0);
			expect(readFileSync(out, 'utf8')).toBe(oursCsv(new Uint8Array(readFileSync(file))));
		});
	}
	it('an empty file is an empty table and a header-only file its header (the import page refuses both)', () => {
		expect(oursCsv(new Uint8Array(readFileSync('tests/fixtures/empty.csv')))).toBe('');
		expect(oursCsv(new Uint8Array(readFileSync('tests/fixtures/header-only.csv')))).toBe(
			'Nr,Aasta,Staatus,Tegelik\n'
		);
	});
});
