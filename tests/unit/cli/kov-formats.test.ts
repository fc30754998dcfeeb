import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateFile } from '../../../src/lib/import';

function kov(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kov.ts', ...args]);
	return { code: r.status, out: r.stdout, err: r.stderr.toString('utf8') };
}
const dir = mkdtempSync(join(tmpdir(), 'kov-formats-'));

describe('kov template <dataset> (issue #18)', { timeout: 60_000 }, () => {
	it('writes the same template as the import page to stdout, the allowed values to stderr', () => {
		const r = kov('template', 'progress');
		expect(r.code).toBe(0);
		expect(new Uint8Array(r.out)).toEqual(templateFile('progress', 'et').bytes);
		expect(r.err).toContain('Kohustuslikud veerud: Nr, Aasta, Staatus');
	});
	it('--lang en --out FILE writes the English template, which kov check passes', () => {
		const file = join(dir, 'trainings.csv');
		const r = kov('template', 'trainings', '--lang', 'en', '--out', file);
		expect(r.code).toBe(0);
		expect(new Uint8Array(readFileSync(file))).toEqual(templateFile('trainings', 'en').bytes);
		const c = kov('check', file, '--json');
		expect(c.code).toBe(0);
		expect(JSON.parse(c.out.toString('utf8'))).toMatchObject({
			dataset: 'trainings',
			validRows: 2,
			errors: []
		});
	});
	it('an unknown dataset exits 2', () => {
		expect(kov('template', 'budget').code).toBe(2);
	});
});

describe('kov check: UTF-16 text and workbooks, and the rejected rows', { timeout: 60_000 }, () => {
	it("reads Excel's Unicode Text export (UTF-16 LE, tab)", () => {
		const r = kov('check', 'tests/fixtures/progress-unicode-text.txt', '--json');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out.toString('utf8'))).toMatchObject({
			encoding: 'utf-16le',
			delimiter: '\t',
			validRows: 2
		});
	});
	it('reads a workbook, names its sheets, takes --sheet and refuses an unknown one', () => {
		const r = kov('check', 'tests/fixtures/progress-workbook.xlsx', '--json', '--lang', 'en');
		expect(r.code).toBe(1);
		expect(JSON.parse(r.out.toString('utf8'))).toMatchObject({
			encoding: 'xlsx',
			sheets: ['Aruanne 2024', 'Selgitused'],
			sheet: 'Aruanne 2024',
			headerRow: 3,
			validRows: 2
		});
		expect(kov('check', 'tests/fixtures/progress-workbook.xlsx', '--sheet', 'Selgitused').code).toBe(2);
		const bad = kov('check', 'tests/fixtures/progress-workbook.xlsx', '--sheet', 'Puudub');
		expect(bad.code).toBe(2);
		expect(bad.err).toContain('Puudub');
	});
	it('--errors-out writes the rejected rows as they were, in the file encoding, plus an error column', () => {
		const file = join(dir, 'vead.csv');
		const r = kov('check', 'tests/fixtures/progress-mixed-errors.csv', '--errors-out', file);
		expect(r.code).toBe(1);
		const text = readFileSync(file, 'utf8');
		expect(text.startsWith('\uFEFFNr;')).toBe(true);
		expect(text.split('\r\n')[0].endsWith(';viga')).toBe(true);
		expect(text).toContain('valmis?');
		expect(r.err).toContain('5 vigast rida');
	});
});
