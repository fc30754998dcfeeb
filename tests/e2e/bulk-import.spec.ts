import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expectRanking, open, readTable } from './hooks';
import { windows1257 } from '../windows1257';

/**
 * A large service-level export (well over the bulk threshold, BULK_MIN_BYTES) takes DuckDB's CSV reader path:
 * Windows-1257, `;`, decimal commas, a title line, a few bad rows at known places. Checked through
 * the hooks: the preview's counts and errors, the ranking after commit, after a reload (replay from
 * IndexedDB) and after undo.
 */
const municipalities = Papa.parse<Record<string, string>>(readFileSync('data/municipalities.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data.map((r) => ({ ehak_code: r.ehak_code, name: r.name, county: r.county }));

const INDICATORS = 120;
const YEARS = Array.from({ length: 20 }, (_, i) => 2005 + i);
const value = (mi: number, ind: number, year: number) => ((mi * 37 + ind * 11 + year * 7) % 1000) / 10;
const comma = (n: number) => String(n).replace('.', ',');

function bigFile(encoding: 'windows-1257' | 'utf-8') {
	const lines = [
		'Teenustasemed 2005–2024 (väljavõte)',
		'',
		'Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik;Suurem on parem'
	];
	for (const [mi, m] of municipalities.entries())
		for (let ind = 1; ind <= INDICATORS; ind++)
			for (const y of YEARS)
				lines.push(`${m.name};${y};Haridus;Näitaja ${ind};${comma(value(mi, ind, y))};%;jah`);
	// Bad rows, each with one error; file rows count from 1 at the title line.
	const bad: [string, string, string][] = [
		['Atlantis;2024;Haridus;Näitaja 1;5;%;jah', 'Omavalitsus', 'Atlantis'],
		['Tartu;2024;Haridus;Näitaja 1;5;%;jah', 'Omavalitsus', 'Tartu'],
		['Rae vald;20x4;Haridus;Näitaja 1;5;%;jah', 'Aasta', '20x4'],
		['Rae vald;2023;Haridus;Näitaja 999;viis;%;jah', 'Väärtus', 'viis']
	];
	const errors = new Map<string, { column: string; value: string }>();
	bad.forEach(([line, column, v], i) => {
		const at = 1000 + i * 50_000;
		lines.splice(at, 0, line);
		errors.set(String(at + 1), { column, value: v });
	});
	const text = lines.join('\r\n') + '\r\n';
	return {
		bytes: encoding === 'utf-8' ? Buffer.from(text, 'utf8') : Buffer.from(windows1257(text)),
		rows: lines.length - 3,
		errors
	};
}

/*
 * Windows-1257 is decoded and handed to DuckDB as UTF-8 (a Blob of it is stored for the replay); a
 * UTF-8 export is handed over as it is and the file itself is stored. Both must replay after a reload.
 */
for (const encoding of ['windows-1257', 'utf-8'] as const)
	test(`a large ${encoding} service-level export goes through DuckDB: counts, errors, ranking, reload, undo`, async ({
		page
	}) => {
		test.setTimeout(420_000);
		const file = bigFile(encoding);
		expect(file.bytes.length).toBeGreaterThan(8 * 1024 * 1024);
		const ind = 7;
		const year = 2024;
		const url = `/municipalities?${new URLSearchParams({ indicator: `Näitaja ${ind}`, year: String(year), peer: 'county' })}`;

		// Before: the indicator is unknown to the sample, the page falls back to its default view.
		await open(page, url);
		const before = await readTable(page, 'municipality-ranking');

		await open(page, '/import');
		await page
			.locator('input[type="file"]')
			.setInputFiles({ name: 'teenustasemed-suur.csv', mimeType: 'text/csv', buffer: file.bytes });
		const status = page.locator('[data-import-status]');
		await expect(status).toHaveAttribute('data-import-status', 'has-errors', { timeout: 180_000 });
		const fact = (name: string) => page.locator(`[data-fact="${name}"]`);
		await expect(fact('reader')).toHaveAttribute('data-value', 'duckdb');
		await expect(fact('encoding')).toHaveAttribute('data-value', encoding);
		await expect(fact('header-row')).toHaveAttribute('data-value', '3');
		await expect(fact('row-count')).toHaveAttribute('data-value', String(file.rows));
		await expect(fact('error-rows')).toHaveAttribute('data-value', String(file.errors.size));
		await expect(fact('valid-rows')).toHaveAttribute('data-value', String(file.rows - file.errors.size));
		const errors = await readTable(page, 'import-errors');
		expect([...errors.keys()].sort()).toEqual([...file.errors.keys()].sort());
		for (const [row, e] of file.errors) expect(errors.get(row), row).toMatchObject(e);
		// Names decoded from Windows-1257 reach the preview intact.
		await expect(page.locator('table[data-table="import-preview"]')).toContainText('Näitaja 1');

		await page.locator('[data-action="commit-valid-rows"]').click();
		await expect(status).toHaveAttribute('data-import-status', 'committed', { timeout: 180_000 });
		const history = await readTable(page, 'import-history');
		const entry = [...history.values()].find((h) => h.file === 'teenustasemed-suur.csv');
		expect(entry).toMatchObject({
			dataset: 'service_levels',
			rows_added: String(file.rows - file.errors.size),
			rows_rejected: String(file.errors.size)
		});

		// The ranking reads the imported values (the sample has no such indicator); again after a reload.
		const check = () => expectRanking(page, municipalities, value, ind, year);
		await open(page, url);
		await check();
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 180_000 });
		await check();

		if (encoding === 'utf-8') {
			// The same file again (every row replaced), then the first import undone: the undo
			// replays the second from its stored file, which DuckDB no longer holds in memory.
			await open(page, '/import');
			await page
				.locator('input[type="file"]')
				.setInputFiles({ name: 'uuesti.csv', mimeType: 'text/csv', buffer: file.bytes });
			await expect(status).toHaveAttribute('data-import-status', 'has-errors', { timeout: 180_000 });
			await page.locator('[data-action="commit-valid-rows"]').click();
			await expect(status).toHaveAttribute('data-import-status', 'committed', { timeout: 180_000 });
			await page
				.locator('table[data-table="import-history"] tbody tr', { hasText: 'teenustasemed-suur.csv' })
				.locator('[data-action="undo-import"]')
				.click();
			await expect(page.locator('table[data-table="import-history"] tbody tr[data-key]')).toHaveCount(1);
			await expect(page.locator('table[data-table="import-history"]')).toContainText('uuesti.csv');
			await open(page, url);
			await check();
		}

		// Undo: exactly the view from before the import.
		await open(page, '/import');
		await page.locator('[data-action="undo-import"]').first().click();
		await expect(page.locator('table[data-table="import-history"] tbody tr[data-key]')).toHaveCount(0);
		await open(page, url);
		expect(await readTable(page, 'municipality-ranking')).toEqual(before);
	});

test('an export whose first megabyte is plain ASCII and whose later rows are Windows-1257 is read whole, intact', async ({
	page
}) => {
	// DuckDB gets the bytes as UTF-8 first (the head is), stops at the first õ, and the page reads the
	// file again decoded as Windows-1257: the preview must say so and count every row.
	const ascii = municipalities.filter((m) => /^[\x20-\x7e]+$/.test(m.name));
	const lines = ['Naitaja;Omavalitsus;Aasta;Vaartus'];
	for (let i = 0, size = 0; size < 1.2 * 1024 * 1024; i++) {
		const line = `Naitaja ${Math.floor(i / ascii.length)};${ascii[i % ascii.length].name};2024;${i % 100},5`;
		lines.push(line);
		size += line.length + 2;
	}
	lines.push('Naitaja 0;Põltsamaa vald;2024;1,5', 'Naitaja 0;Türi vald;2024;2,5');
	const bytes = Buffer.from(windows1257(lines.join('\r\n') + '\r\n'));

	await open(page, '/import');
	await page
		.locator('input[type="file"]')
		.setInputFiles({ name: 'segane.csv', mimeType: 'text/csv', buffer: bytes });
	const status = page.locator('[data-import-status]');
	await expect(status).toHaveAttribute('data-import-status', 'ready', { timeout: 120_000 });
	const fact = (name: string) => page.locator(`[data-fact="${name}"]`);
	await expect(fact('reader')).toHaveAttribute('data-value', 'duckdb');
	await expect(fact('encoding')).toHaveAttribute('data-value', 'windows-1257');
	await expect(fact('row-count')).toHaveAttribute('data-value', String(lines.length - 1));
	await expect(fact('valid-rows')).toHaveAttribute('data-value', String(lines.length - 1));
});

test('a large export with percent cells past its first megabyte stays on DuckDB’s reader and reads them', async ({
	page
}) => {
	// Plain numbers first (the head the page analyses), then Excel's percent cells: `45,5 %`.
	const lines = ['Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik'];
	const pct = (mi: number) => (mi * 7) % 100;
	for (let i = 0, size = 0; size < 1.3 * 1024 * 1024; i++) {
		const m = municipalities[i % municipalities.length];
		const k = Math.floor(i / municipalities.length);
		const line = `${m.name};${2005 + (k % 20)};Haridus;Täitumus ${Math.floor(k / 20)};${i % 50},5;%`;
		lines.push(line);
		size += line.length + 2;
	}
	for (const [mi, m] of municipalities.entries())
		lines.push(`${m.name};2024;Haridus;Osakaal;${pct(mi)},5\u00a0%;`);
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles({
		name: 'protsendid.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')
	});
	const status = page.locator('[data-import-status]');
	await expect(status).toHaveAttribute('data-import-status', 'ready', { timeout: 120_000 });
	await expect(page.locator('[data-fact="reader"]')).toHaveAttribute('data-value', 'duckdb');
	await expect(page.locator('[data-fact="valid-rows"]')).toHaveAttribute(
		'data-value',
		String(lines.length - 1)
	);
	await page.locator('[data-action="commit-import"]').click();
	await expect(status).toHaveAttribute('data-import-status', 'committed', { timeout: 120_000 });
	await open(page, `/municipalities?${new URLSearchParams({ indicator: 'Osakaal', year: '2024' })}`);
	const table = await readTable(page, 'municipality-ranking');
	expect(table.size).toBe(municipalities.length);
	for (const [mi, m] of municipalities.entries())
		expect(Number(table.get(m.ehak_code)?.value), m.name).toBeCloseTo(pct(mi) + 0.5, 6);
});

/**
 * A large training-statistics export takes the bulk path too (issue #20): Windows-1257, `;`,
 * dd.mm.yyyy, a title line, and bad rows of each kind at known places. The preview's counts and
 * errors, then `training-by-year` after commit, against sums computed here from the file's rows.
 */
test('a large training export goes through DuckDB: counts, errors, warnings, totals by year', async ({
	page
}) => {
	test.setTimeout(300_000);
	const programmes = [
		['Avatud valitsemise ja digivõimekuse töötoad', '3.3.2.1', 'RTK'],
		['Kohaliku omavalitsuse juhtimise mikrokraad', '1.1.1', 'TLÜ']
	];
	const lines = [
		'Koolitusstatistika 2022–2025',
		'',
		'Koolituse id;Programm;Tegevus;Korraldaja;Algus;Lõpp;Omavalitsus;Registreerunud;Läbinud;Katkestanud;Rahulolu'
	];
	const good: { year: number; registered: number; completed: number; dropped: number }[] = [];
	const two = (n: number) => String(n).padStart(2, '0');
	for (let i = 0; i < 16_000; i++) {
		const [program, activity, organiser] = programmes[i % 2];
		const year = 2022 + (i % 4);
		const day = 1 + (i % 28);
		const month = 1 + (i % 12);
		const registered = 10 + (i % 30);
		const dropped = i % 3;
		const completed = registered - dropped - (i % 2);
		const m = municipalities[i % municipalities.length].name;
		lines.push(
			`K-${i};${program};${activity};${organiser};${two(day)}.${two(month)}.${year};${two(day)}.${two(month)}.${year};${m};${registered};${completed};${dropped};${80 + (i % 20)},5`
		);
		good.push({ year, registered, completed, dropped });
	}
	// Bad rows (one error each) and one unknown plan activity (a warning; the row is kept, unlinked).
	const bad: [string, string, string][] = [
		[
			'X-1;Personalijuhtimise baaskoolitus;;RaM;31.02.2023;01.03.2023;Rae vald;10;9;1;90',
			'Algus',
			'31.02.2023'
		],
		['X-2;Personalijuhtimise baaskoolitus;;RaM;01.03.2023;01.03.2023;Rae vald;10;10;1;90', 'Läbinud', '10'],
		[
			'X-3;Personalijuhtimise baaskoolitus;;RaM;01.03.2023;01.03.2023;Tartu;10;9;1;90',
			'Omavalitsus',
			'Tartu'
		],
		[
			'K-5;Personalijuhtimise baaskoolitus;;RaM;01.03.2023;01.03.2023;Rae vald;10;9;1;90',
			'Programm',
			'Personalijuhtimise baaskoolitus'
		]
	];
	const errors = new Map<string, { column: string; value: string }>();
	bad.forEach(([line, column, v], i) => {
		const at = 500 + i * 4_000;
		lines.splice(at, 0, line);
		errors.set(String(at + 1), { column, value: v });
	});
	lines.push('W-1;Personalijuhtimise baaskoolitus;9.9.9;RaM;01.03.2024;01.03.2024;Rae vald;12;12;0;90');
	good.push({ year: 2024, registered: 12, completed: 12, dropped: 0 });
	const text = lines.join('\r\n') + '\r\n';
	const bytes = Buffer.from(windows1257(text));
	expect(bytes.length).toBeGreaterThan(1024 * 1024);

	await open(page, '/import');
	await page
		.locator('input[type="file"]')
		.setInputFiles({ name: 'koolitused-suur.csv', mimeType: 'text/csv', buffer: bytes });
	const status = page.locator('[data-import-status]');
	await expect(status).toHaveAttribute('data-import-status', 'has-errors', { timeout: 180_000 });
	const fact = (name: string) => page.locator(`[data-fact="${name}"]`);
	await expect(fact('reader')).toHaveAttribute('data-value', 'duckdb');
	await expect(fact('encoding')).toHaveAttribute('data-value', 'windows-1257');
	await expect(fact('row-count')).toHaveAttribute('data-value', String(lines.length - 3));
	await expect(fact('error-rows')).toHaveAttribute('data-value', String(errors.size));
	const found = await readTable(page, 'import-errors');
	expect([...found.keys()].sort()).toEqual([...errors.keys()].sort());
	for (const [row, e] of errors) expect(found.get(row), row).toMatchObject(e);
	// The warning names the unknown plan activity of the last row (which the head never saw).
	const warnings = await readTable(page, 'import-warnings');
	expect(warnings.get(String(lines.length))).toMatchObject({ column: 'Tegevus', value: '9.9.9' });

	await page.locator('[data-action="commit-valid-rows"]').click();
	await expect(status).toHaveAttribute('data-import-status', 'committed', { timeout: 180_000 });
	const history = await readTable(page, 'import-history');
	expect([...history.values()].find((h) => h.file === 'koolitused-suur.csv')).toMatchObject({
		dataset: 'trainings',
		rows_added: String(good.length),
		rows_rejected: String(errors.size)
	});

	await open(page, '/trainings');
	const byYear = await readTable(page, 'training-by-year');
	for (const year of [2022, 2023, 2024, 2025]) {
		const rows = good.filter((g) => g.year === year);
		const sum = (k: 'registered' | 'completed' | 'dropped') => String(rows.reduce((n, g) => n + g[k], 0));
		expect(byYear.get(String(year)), String(year)).toMatchObject({
			trainings: String(rows.length),
			registered: sum('registered'),
			completed: sum('completed'),
			dropped_out: sum('dropped')
		});
	}
});
