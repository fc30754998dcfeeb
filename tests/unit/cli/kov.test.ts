import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';

function kov(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/kov.ts', ...args], { encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('kov check <file>', { timeout: 60_000 }, () => {
	it('exits 0 for a clean file and says so', () => {
		const r = kov('check', 'tests/fixtures/progress-canonical.csv', '--lang', 'en');
		expect(r.code).toBe(0);
		expect(r.out).toContain('The file would import cleanly.');
	});
	it('exits 1 with every row error (row, column, value, reason) for a file with bad rows', () => {
		const r = kov('check', 'tests/fixtures/progress-mixed-errors.csv');
		expect(r.code).toBe(1);
		expect(r.out).toContain('Tundmatu staatus „valmis?“');
		expect(r.out).toMatch(/\s4\s+Staatus\s+"valmis\?"/);
	});
	it('exits 2 for an unusable file', () => {
		for (const f of ['empty.csv', 'binary.csv', 'html-as-csv.csv', 'header-only.csv'])
			expect(kov('check', `tests/fixtures/${f}`).code).toBe(2);
	});
	it('--json gives the same facts as the import page, in a stable shape', () => {
		const r = kov('check', 'tests/fixtures/progress-win1257-tab-title.csv', '--json', '--lang', 'en');
		const j = JSON.parse(r.out);
		expect(j).toMatchObject({
			exit: 0,
			encoding: 'windows-1257',
			delimiter: '\t',
			headerRow: 3,
			dataset: 'progress',
			rowCount: 3,
			validRows: 3,
			errors: []
		});
		expect(j.mapping).toMatchObject({
			activity_id: 'Tegevuse nr',
			status: 'Seis',
			actual_value: 'Saavutatud'
		});
		const bad = JSON.parse(kov('check', 'tests/fixtures/trainings-et.csv', '--json', '--lang', 'en').out);
		expect(bad.errors[0]).toEqual({
			row: 3,
			column: 'Omavalitsus',
			value: 'Tartu',
			code: 'ambiguous_municipality',
			reason: expect.stringContaining('ambiguous')
		});
	});
	it('--dataset overrides detection and rejects an unknown name', () => {
		expect(kov('check', 'tests/fixtures/progress-canonical.csv', '--dataset', 'nope').code).toBe(2);
		expect(
			JSON.parse(
				kov('check', 'tests/fixtures/progress-canonical.csv', '--dataset', 'trainings', '--json').out
			).exit
		).toBe(2);
	});
});

describe('kov read <file> --out <table.csv>', { timeout: 60_000 }, () => {
	const dir = mkdtempSync(join(tmpdir(), 'kov-read-'));
	const clean = [
		['Nr', 'Aasta', 'Kommentaar'],
		['1.1.1', '2024', 'Juhend; kinnitatud'],
		['2.5.2', '2024', 'Rida "jutumärkides"\nja teine rida']
	];
	const variants: Record<string, string> = {
		semicolon:
			'Nr;Aasta;Kommentaar\n1.1.1;2024;"Juhend; kinnitatud"\n2.5.2;2024;"Rida ""jutumärkides""\nja teine rida"\n',
		pipe: 'Nr|Aasta|Kommentaar\n1.1.1|2024|Juhend; kinnitatud\n2.5.2|2024|"Rida ""jutumärkides""\nja teine rida"\n',
		tab: 'Nr\tAasta\tKommentaar\r\n1.1.1\t2024\tJuhend; kinnitatud\r\n2.5.2\t2024\t"Rida ""jutumärkides""\nja teine rida"\r\n',
		'preamble-footnote-blank':
			'Aruanne 2024\n\nNr;Aasta;Kommentaar\n\n1.1.1;2024;"Juhend; kinnitatud"\n2.5.2;2024;"Rida ""jutumärkides""\nja teine rida"\n\nAllikas: RM\n',
		'bom-crlf-trailing':
			'\uFEFFNr;Aasta;Kommentaar;;\r\n1.1.1;2024;"Juhend; kinnitatud";;\r\n2.5.2;2024;"Rida ""jutumärkides""\nja teine rida";;\r\n;;;;\r\n',
		'space-padded':
			'Nr ; Aasta ; Kommentaar\n1.1.1;2024;"Juhend; kinnitatud"\n2.5.2;2024;"Rida ""jutumärkides""\nja teine rida"\n',
		'missing-trailing-field':
			'Nr;Aasta;Kommentaar;Märkus\n1.1.1;2024;"Juhend; kinnitatud"\n2.5.2;2024;"Rida ""jutumärkides""\nja teine rida";\n'
	};
	for (const [name, text] of Object.entries(variants)) {
		it(`reads the ${name} variant as the clean table`, () => {
			const file = join(dir, `${name}.csv`);
			const out = join(dir, `${name}.out.csv`);
			writeFileSync(file, text);
			expect(kov('read', file, '--out', out).code).toBe(0);
			const table = Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data;
			const expected =
				name === 'missing-trailing-field' ? clean.map((r, i) => [...r, i === 0 ? 'Märkus' : '']) : clean;
			expect(table).toEqual(expected);
		});
	}
});
