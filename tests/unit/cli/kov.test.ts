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

describe('kov check: wide tables and nothing to save', { timeout: 60_000 }, () => {
	it('a year-wide table with id columns is unpivoted and would import cleanly (exit 0)', () => {
		const r = kov('check', 'tests/fixtures/service-levels-wide-years-ids.csv', '--lang', 'en');
		expect(r.code).toBe(0);
		expect(r.out).toContain('Wide table, one column per year: unpivoted (2022, 2023, 2024) → 36 rows');
		expect(r.out).toContain('Valid rows: 36');
		const j = JSON.parse(kov('check', 'tests/fixtures/service-levels-wide-years-ids.csv', '--json').out);
		expect(j).toMatchObject({ exit: 0, status: 'ready', validRows: 36, rowCount: 36 });
		expect(j.wide).toMatchObject({
			kind: 'year',
			columns: ['2022', '2023', '2024'],
			automatic: true,
			needs: []
		});
	});
	it('an indicator-wide table with a year column is unpivoted (exit 0)', () => {
		const j = JSON.parse(kov('check', 'tests/fixtures/service-levels-wide-indicators.csv', '--json').out);
		expect(j).toMatchObject({ exit: 0, status: 'ready', validRows: 20 });
		expect(j.wide).toMatchObject({ kind: 'indicator', yearColumn: 'Aasta', unpivoted: true });
	});
	it('an ambiguous wide table exits 2 with the options to pass, never "would import cleanly"', () => {
		const r = kov('check', 'tests/fixtures/service-levels-wide-ambiguous.csv', '--lang', 'en');
		expect(r.code).toBe(2);
		expect(r.out).not.toContain('would import cleanly');
		expect(r.out).toContain('--years 2022,2023,2024 --indicator-column Teenus');
		expect(r.out).toContain('--years 2022,2023,2024 --indicator "<indicator name>"');
		const j = JSON.parse(kov('check', 'tests/fixtures/service-levels-wide-ambiguous.csv', '--json').out);
		expect(j).toMatchObject({ exit: 2, status: 'needs-input', validRows: 0 });
		expect(j.wide.needs).toEqual(['indicator']);
		// The year-only fixture of the page: the one way is to name the indicator.
		const y = kov('check', 'tests/fixtures/service-levels-wide-years.csv', '--lang', 'en');
		expect(y.code).toBe(2);
		expect(y.out).toContain('--years 2022,2023,2024 --indicator "<indicator name>"');
	});
	it('with the options it suggests, the ambiguous table imports (exit 0); an unknown column exits 2', () => {
		const file = 'tests/fixtures/service-levels-wide-ambiguous.csv';
		const r = kov('check', file, '--years', '2022,2023,2024', '--indicator-column', 'Teenus', '--json');
		expect(JSON.parse(r.out)).toMatchObject({ exit: 0, status: 'ready', validRows: 12 });
		const named = kov(
			'check',
			'tests/fixtures/service-levels-wide-years.csv',
			'--indicator',
			'Koduteenuse ootejärjekord (päeva)'
		);
		expect(named.code).toBe(0);
		expect(named.out).toContain('Korras ridu: 9');
		expect(kov('check', file, '--indicator-column', 'Puudub').code).toBe(2);
	});
	it('0 valid rows with errors exits 1 and says nothing can be saved', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kov-none-'));
		const file = join(dir, 'none.csv');
		writeFileSync(file, 'Nr;Aasta;Staatus;Tegelik\n9.9.9;2024;töös;1\n1.1.1;2024;töös;45 %\n');
		const r = kov('check', file, '--lang', 'en');
		expect(r.code).toBe(1);
		expect(r.out).toContain('Valid rows: 0');
		expect(r.out).toContain('No row can be saved: every row has an error.');
		expect(r.out).toContain('is a percentage, but the target of activity 1.1.1');
		expect(r.out).not.toContain('would import cleanly');
	});
});

describe("kov check --correct (the import page's corrections)", { timeout: 60_000 }, () => {
	const dir = mkdtempSync(join(tmpdir(), 'kov-correct-'));
	const file = join(dir, 'aruanded.csv');
	writeFileSync(
		file,
		['Nr;Aasta;Staatus;Tegelik', '01.01.2003;2024;töös;1', '2,3,1;2024;tehtud;1', '9.9.9;2024;töös;1'].join(
			'\r\n'
		)
	);
	it('lists the values to correct with the options that would do it', () => {
		const r = kov('check', file, '--lang', 'en');
		expect(r.code).toBe(1);
		expect(r.out).toContain('"01.01.2003" (1): --correct "01.01.2003=1.1.3"');
		expect(r.out).toContain('"2,3,1" (1): --correct "2,3,1=2.3.1"');
		expect(r.out).toContain(
			'"9.9.9" (1): nothing similar: --correct "9.9.9=<municipality or activity number>"'
		);
		const json = JSON.parse(kov('check', file, '--json').out);
		expect(
			json.corrections.map((c: { value: string; options: { to: string }[] }) => [c.value, c.options])
		).toEqual([
			['01.01.2003', [{ to: '1.1.3', label: '1.1.3' }]],
			['2,3,1', [{ to: '2.3.1', label: '2.3.1' }]],
			['9.9.9', []]
		]);
	});
	it('with the options, the rows are read as the plan numbers and counted; a bad option exits 2', () => {
		const r = kov('check', file, '--json', '--correct', '01.01.2003=1.1.3', '--correct', '2,3,1=2.3.1');
		expect(r.code).toBe(1);
		const json = JSON.parse(r.out);
		expect(json.validRows).toBe(2);
		expect(json.errors.map((e: { value: string }) => e.value)).toEqual(['9.9.9']);
		expect(json.corrected).toEqual([
			{ field: 'activity_id', from: '01.01.2003', to: '1.1.3', rows: 1 },
			{ field: 'activity_id', from: '2,3,1', to: '2.3.1', rows: 1 }
		]);
		const bad = kov('check', file, '--correct', '01.01.2003');
		expect(bad.code).toBe(2);
		expect(bad.err).toContain('VÄÄRTUS=TÄHENDUS');
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
