import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { open, readTable, seriousAxeViolations, tablesWiderThanTheirBox } from './hooks';
import { windows1257 } from '../windows1257';
import { parsePlan } from '../../src/lib/plan/parsePlan';

const plan = parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8'));

/**
 * The preview's corrections: each value that matches no municipality or plan activity is offered
 * once, with its likely meanings; a choice reads every row with it again, is listed with the rows
 * it changed and is kept with the import (history, and the stored file's replay after a reload).
 */
const municipalities = Papa.parse<Record<string, string>>(readFileSync('data/municipalities.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data.map((r) => ({ ehak_code: r.ehak_code, name: r.name }));
const code = (name: string) => municipalities.find((m) => m.name === name)!.ehak_code;

const status = (page: Page) => page.locator('[data-import-status]');
const fact = (page: Page, name: string) => page.locator(`[data-fact="${name}"]`);
const upload = (page: Page, name: string, buffer: Buffer) =>
	page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
/** Wait until the preview is read again (a choice starts a new reading). */
async function settled(page: Page, state: string) {
	await expect(status(page)).toHaveAttribute('data-import-status', state, { timeout: 180_000 });
}

const INDICATOR = 'Lasteaiakoha ootejärjekord (parandatud)';
const LEVELS = [
	'Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik',
	`Tallin;2024;Haridus;${INDICATOR};12;last`,
	`Tallin;2023;Haridus;${INDICATOR};15;last`,
	`Tartu;2024;Haridus;${INDICATOR};5;last`,
	`Atlantis;2024;Haridus;${INDICATOR};7;last`,
	`Saarema vald;2024;Haridus;${INDICATOR};3;last`,
	`Saue vald;2024;Haridus;${INDICATOR};4;last`
].join('\r\n');

test('service levels: a misspelt, an ambiguous and an unknown name corrected in the preview, saved, kept in the history', async ({
	page
}) => {
	await open(page, '/import?lang=et');
	await upload(page, 'tasemed.csv', Buffer.from(LEVELS));
	await settled(page, 'has-errors');
	await expect(fact(page, 'valid-rows')).toHaveAttribute('data-value', '1');

	const offered = await readTable(page, 'import-corrections');
	expect([...offered.entries()]).toEqual([
		['municipality:Tallin', { column: 'Omavalitsus', value: 'Tallin', rows: '2', read_as: code('Tallinn') }],
		[
			'municipality:Tartu',
			{
				column: 'Omavalitsus',
				value: 'Tartu',
				rows: '1',
				read_as: `${code('Tartu linn')};${code('Tartu vald')}`
			}
		],
		['municipality:Atlantis', { column: 'Omavalitsus', value: 'Atlantis', rows: '1', read_as: '' }],
		[
			'municipality:Saarema vald',
			{ column: 'Omavalitsus', value: 'Saarema vald', rows: '1', read_as: code('Saaremaa vald') }
		]
	]);
	const row = (key: string) => page.locator(`table[data-table="import-corrections"] tr[data-key="${key}"]`);
	await expect(row('municipality:Tallin').locator('[data-action="apply-correction"]')).toHaveText('Tallinn');

	// One click: both Tallin rows are read as Tallinn.
	await row('municipality:Tallin').locator('[data-action="apply-correction"]').click();
	await expect(page.locator('table[data-table="import-corrections-applied"] tr[data-key]')).toHaveCount(1);
	await settled(page, 'has-errors');
	expect([...(await readTable(page, 'import-corrections-applied')).entries()]).toEqual([
		['municipality:Tallin', { from: 'Tallin', to: code('Tallinn'), rows: '2' }]
	]);
	await expect(fact(page, 'valid-rows')).toHaveAttribute('data-value', '3');
	expect([...(await readTable(page, 'import-corrections')).keys()]).toEqual([
		'municipality:Tartu',
		'municipality:Atlantis',
		'municipality:Saarema vald'
	]);

	// Undone: the rows are errors again.
	await page.locator('[data-action="undo-correction"]').click();
	await expect(page.locator('table[data-table="import-corrections-applied"]')).toHaveCount(0);
	await expect(fact(page, 'valid-rows')).toHaveAttribute('data-value', '1');

	// Both tables, their buttons and their lists are usable with a screen reader.
	expect(await seriousAxeViolations(page, 'corrections')).toEqual([]);

	// Every single suggestion at once (Tallin, Saarema vald), one of two meanings, one from the list.
	await page.locator('[data-action="apply-all-corrections"]').click();
	await expect(page.locator('table[data-table="import-corrections-applied"] tr[data-key]')).toHaveCount(2);
	await row('municipality:Tartu')
		.locator(`[data-to="${code('Tartu vald')}"]`)
		.click();
	await expect(page.locator('table[data-table="import-corrections-applied"] tr[data-key]')).toHaveCount(3);
	await row('municipality:Atlantis')
		.locator('select[data-action="choose-correction"]')
		.selectOption(code('Rae vald'));
	await settled(page, 'ready');
	await expect(page.locator('table[data-table="import-corrections"]')).toHaveCount(0);
	const applied = await readTable(page, 'import-corrections-applied');
	expect(new Map([...applied].map(([k, v]) => [k, [v.to, v.rows]]))).toEqual(
		new Map([
			['municipality:Tallin', [code('Tallinn'), '2']],
			['municipality:Saarema vald', [code('Saaremaa vald'), '1']],
			['municipality:Tartu', [code('Tartu vald'), '1']],
			['municipality:Atlantis', [code('Rae vald'), '1']]
		])
	);
	const preview = await readTable(page, 'import-preview');
	expect([...preview.values()].map((r) => [r.ehak_code, r.value])).toEqual([
		[code('Tallinn'), '12'],
		[code('Tallinn'), '15'],
		[code('Tartu vald'), '5'],
		[code('Rae vald'), '7'],
		[code('Saaremaa vald'), '3'],
		[code('Saue vald'), '4']
	]);

	await page.locator('[data-action="commit-import"]').click();
	await settled(page, 'committed');
	const history = page.locator('table[data-table="import-history"] tbody tr[data-key]').first();
	await expect(history.locator('[data-corrections]')).toHaveAttribute(
		'data-corrections',
		`Tallin=${code('Tallinn')}:2|Saarema vald=${code('Saaremaa vald')}:1|Tartu=${code('Tartu vald')}:1|Atlantis=${code('Rae vald')}:1`
	);
	await expect(history).toContainText('„Tallin“ → Tallinn (2)');

	// The planners see the corrected rows: Tallinn's 2024 value under its own name.
	await open(page, `/municipalities?${new URLSearchParams({ indicator: INDICATOR, year: '2024' })}`);
	const ranking = await readTable(page, 'municipality-ranking');
	expect(ranking.get(code('Tallinn'))?.value).toBe('12');
	expect(ranking.get(code('Rae vald'))?.value).toBe('7');
});

test('progress: activity numbers Excel made into dates are read as the plan numbers, in English', async ({
	page
}) => {
	await open(page, '/import?lang=en');
	await upload(
		page,
		'aruanded.csv',
		Buffer.from(
			[
				'Nr;Aasta;Staatus;Tegelik;Siht',
				'01.01.2003;2024;töös;3;4',
				'2,3,1;2024;tehtud;3;3',
				'9.9.9;2024;töös;1;1',
				'1.1.1;2024;tehtud;1;1'
			].join('\r\n')
		)
	);
	await settled(page, 'has-errors');
	const offered = await readTable(page, 'import-corrections');
	expect(new Map([...offered].map(([k, v]) => [k, [v.column, v.rows, v.read_as]]))).toEqual(
		new Map([
			['activity_id:01.01.2003', ['Nr', '1', '1.1.3']],
			['activity_id:2,3,1', ['Nr', '1', '2.3.1']],
			['activity_id:9.9.9', ['Nr', '1', '']]
		])
	);
	// The list names each plan number by the start of its title; the suggestion's button by the whole.
	const title = (id: string) => plan.find((a) => a.activity_id === id)!.title;
	const list = page.locator(
		'tr[data-key="activity_id:9.9.9"] select[data-action="choose-correction"] option'
	);
	await expect(list).toHaveCount(plan.length + 1);
	const [first] = plan;
	expect(await list.nth(1).textContent()).toContain(`${first.activity_id} ${first.title.slice(0, 30)}`);
	await expect(
		page.locator('tr[data-key="activity_id:01.01.2003"] [data-action="apply-correction"]')
	).toHaveAttribute('title', title('1.1.3'));
	await expect(page.locator('[data-action="apply-all-corrections"]')).toHaveText(
		'Apply every suggestion (2)'
	);
	await page.locator('[data-action="apply-all-corrections"]').click();
	await expect(page.locator('table[data-table="import-corrections-applied"] tr[data-key]')).toHaveCount(2);
	await settled(page, 'has-errors');
	await expect(fact(page, 'valid-rows')).toHaveAttribute('data-value', '3');
	const errors = await readTable(page, 'import-errors');
	expect([...errors.values()].map((e) => e.value)).toEqual(['9.9.9']);

	await page.locator('[data-action="commit-valid-rows"]').click();
	await settled(page, 'committed');
	await expect(page.locator('table[data-table="import-history"] [data-corrections]')).toContainText(
		'Corrected: "01.01.2003" → 1.1.3 (1), "2,3,1" → 2.3.1 (1)'
	);
	await open(page, '/activities?year=2024');
	const activities = await readTable(page, 'activities');
	expect(activities.get('1.1.3')?.actual_value).toBe('3');
	expect(activities.get('2.3.1')?.actual_value).toBe('3');
	// The data-quality page says what was corrected, and where.
	await open(page, '/data-quality?lang=en');
	const log = await readTable(page, 'import-corrections-log');
	expect([...log.values()].map((r) => [r.source, r.file, r.dataset, r.from, r.to, r.rows])).toEqual([
		['local', 'aruanded.csv', 'progress', '01.01.2003', '1.1.3', '1'],
		['local', 'aruanded.csv', 'progress', '2,3,1', '2.3.1', '1']
	]);
});

/**
 * A large training export (DuckDB's reader): a misspelt municipality on many rows and a training's
 * link written with commas. Corrected, every row is saved; the stored file is read again after a
 * reload with the same corrections (the totals do not change).
 */
test('a large training export: corrections counted over the whole file and kept by the replay after a reload', async ({
	page
}) => {
	test.setTimeout(300_000);
	const lines = [
		'Koolitusstatistika 2022–2025',
		'',
		'Koolituse id;Programm;Tegevus;Korraldaja;Algus;Lõpp;Omavalitsus;Registreerunud;Läbinud;Katkestanud;Rahulolu'
	];
	const byYear = new Map<number, { trainings: number; registered: number }>();
	let misspelt = 0;
	let link = 0;
	for (let i = 0; i < 12_000; i++) {
		const year = 2022 + (i % 4);
		const place = i % 97 === 0 ? 'Tallin' : municipalities[i % municipalities.length].name;
		if (place === 'Tallin') misspelt++;
		const activity = i % 501 === 0 ? '3,3,2,1' : '3.3.2.1';
		if (activity === '3,3,2,1') link++;
		const registered = 10 + (i % 30);
		const day = String(1 + (i % 28)).padStart(2, '0');
		lines.push(
			`K-${i};Avatud valitsemise ja digivõimekuse töötoad;${activity};RTK;${day}.03.${year};${day}.03.${year};${place};${registered};${registered - 1};1;90`
		);
		const y = byYear.get(year) ?? { trainings: 0, registered: 0 };
		y.trainings++;
		y.registered += registered;
		byYear.set(year, y);
	}
	const bytes = Buffer.from(windows1257(lines.join('\r\n') + '\r\n'));
	expect(bytes.length).toBeGreaterThan(1024 * 1024);

	await open(page, '/import');
	await upload(page, 'koolitused-suur.csv', bytes);
	await settled(page, 'has-errors');
	await expect(fact(page, 'reader')).toHaveAttribute('data-value', 'duckdb');
	await expect(fact(page, 'error-rows')).toHaveAttribute('data-value', String(misspelt));
	const offered = await readTable(page, 'import-corrections');
	expect(new Map([...offered].map(([k, v]) => [k, [v.rows, v.read_as]]))).toEqual(
		new Map([
			['municipality:Tallin', [String(misspelt), code('Tallinn')]],
			['activity_id:3,3,2,1', [String(link), '3.3.2.1']]
		])
	);
	await page.locator('[data-action="apply-all-corrections"]').click();
	await expect(page.locator('table[data-table="import-corrections-applied"] tr[data-key]')).toHaveCount(2);
	await settled(page, 'ready');
	await expect(fact(page, 'reader')).toHaveAttribute('data-value', 'duckdb');
	const applied = await readTable(page, 'import-corrections-applied');
	expect(applied.get('municipality:Tallin')?.rows).toBe(String(misspelt));
	expect(applied.get('activity_id:3,3,2,1')?.rows).toBe(String(link));
	await expect(page.locator('table[data-table="import-warnings"]')).toHaveCount(0);

	await page.locator('[data-action="commit-import"]').click();
	await settled(page, 'committed');
	const totals = async () => {
		await open(page, '/trainings');
		const t = await readTable(page, 'training-by-year');
		for (const [year, y] of byYear)
			expect(t.get(String(year)), String(year)).toMatchObject({
				trainings: String(y.trainings),
				registered: String(y.registered)
			});
	};
	await totals();
	// After a reload the stored file is read again by DuckDB, through the same corrections.
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 180_000 });
	await totals();
	await open(page, '/import');
	await expect(page.locator('table[data-table="import-history"] [data-corrections]')).toHaveAttribute(
		'data-corrections',
		`Tallin=${code('Tallinn')}:${misspelt}|3,3,2,1=3.3.2.1:${link}`
	);
});

test('a correction saved with its import is remembered: the next file with that value is read through it, until forgotten', async ({
	page
}) => {
	const file = (name: string, lines: string[]) =>
		upload(
			page,
			name,
			Buffer.from(['Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik', ...lines].join('\r\n'))
		);
	const applied = () => readTable(page, 'import-corrections-applied');
	await open(page, '/import?lang=en');
	await expect(page.locator('table[data-table="remembered-corrections"]')).toHaveCount(0);
	await file('jaanuar.csv', [
		`Tallin;2024;Haridus;${INDICATOR};12;last`,
		`Saue vald;2024;Haridus;${INDICATOR};4;last`
	]);
	await settled(page, 'has-errors');
	await page.locator('tr[data-key="municipality:Tallin"] [data-action="apply-correction"]').click();
	await settled(page, 'ready');
	await expect(page.locator('[data-action="remember-corrections"]')).toBeChecked();
	await page.locator('[data-action="commit-import"]').click();
	await settled(page, 'committed');
	expect(await seriousAxeViolations(page, 'remembered corrections')).toEqual([]);
	const memory = await readTable(page, 'remembered-corrections');
	expect([...memory.entries()]).toEqual([
		['municipality:Tallin', { field: 'municipality', from: 'Tallin', to: code('Tallinn') }]
	]);

	// Next month's file, after a reload: read through the remembered correction at once, and said so.
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
	await file('veebruar.csv', [
		`Tallin;2025;Haridus;${INDICATOR};11;last`,
		`Tallin;2023;Haridus;${INDICATOR};13;last`,
		`Rae vald;2025;Haridus;${INDICATOR};6;last`
	]);
	await settled(page, 'ready');
	expect([...(await applied()).entries()]).toEqual([
		['municipality:Tallin', { from: 'Tallin', to: code('Tallinn'), rows: '2' }]
	]);
	await expect(
		page.locator('table[data-table="import-corrections-applied"] tr[data-key="municipality:Tallin"]')
	).toHaveAttribute('data-remembered', 'true');
	// A file with no such value lists nothing.
	await file('maerts.csv', [`Rae vald;2025;Haridus;${INDICATOR};6;last`]);
	await settled(page, 'ready');
	await expect(page.locator('[data-corrections-card]')).toHaveCount(0);

	// Set aside for one file: its rows are errors again, the memory keeps it.
	await file('veebruar.csv', [
		`Tallin;2025;Haridus;${INDICATOR};11;last`,
		`Rae vald;2025;Haridus;${INDICATOR};6;last`
	]);
	await settled(page, 'ready');
	await page.locator('tr[data-key="municipality:Tallin"] [data-action="undo-correction"]').click();
	await settled(page, 'has-errors');
	await expect(fact(page, 'valid-rows')).toHaveAttribute('data-value', '1');
	expect((await readTable(page, 'remembered-corrections')).size).toBe(1);

	// Forgotten: gone from the memory, and the next file is not corrected.
	await page.locator('[data-action="cancel-import"]').click();
	await page.locator('tr[data-key="municipality:Tallin"] [data-action="forget-correction"]').click();
	await expect(page.locator('table[data-table="remembered-corrections"]')).toHaveCount(0);
	await file('aprill.csv', [`Tallin;2025;Haridus;${INDICATOR};11;last`]);
	await settled(page, 'has-errors');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
	await expect(page.locator('table[data-table="remembered-corrections"]')).toHaveCount(0);
});

test('a correction is not remembered when the analyst says so', async ({ page }) => {
	await open(page, '/import?lang=et');
	await upload(
		page,
		'tasemed.csv',
		Buffer.from(
			['Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik', `Tallin;2024;Haridus;${INDICATOR};12;last`].join(
				'\r\n'
			)
		)
	);
	await settled(page, 'has-errors');
	await page.locator('tr[data-key="municipality:Tallin"] [data-action="apply-correction"]').click();
	await settled(page, 'ready');
	await page.locator('[data-action="remember-corrections"]').uncheck();
	await page.locator('[data-action="commit-import"]').click();
	await settled(page, 'committed');
	await expect(page.locator('table[data-table="import-history"] [data-corrections]')).toHaveCount(1);
	await expect(page.locator('table[data-table="remembered-corrections"]')).toHaveCount(0);
});

test('on a phone the corrections fit the screen: the column gives way to the choices', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page, '/import?lang=et');
	await upload(page, 'tasemed.csv', Buffer.from(LEVELS));
	await settled(page, 'has-errors');
	await page.locator('tr[data-key="municipality:Tallin"] [data-action="apply-correction"]').click();
	await expect(page.locator('table[data-table="import-corrections-applied"] tr[data-key]')).toHaveCount(1);
	expect(await tablesWiderThanTheirBox(page, '[data-corrections-card]')).toEqual([]);
	// The hook still names the column.
	expect((await readTable(page, 'import-corrections')).get('municipality:Tartu')?.column).toBe('Omavalitsus');
});

test('a file with many unknown names: the values in the most rows first, 25 at a time, and the page stays small', async ({
	page
}) => {
	// Village names where municipalities belong (a wrong column, or a file of villages): 60 values,
	// one of them (misspelt) in three rows near the end of the file.
	const villages = Array.from({ length: 59 }, (_, i) => `Küla ${i + 1}`);
	const lines = [
		...villages.map((v, i) => `${v};2024;Haridus;${INDICATOR};${i};last`),
		...[2022, 2023, 2024].map((y) => `Tallin;${y};Haridus;${INDICATOR};9;last`)
	];
	await open(page, '/import?lang=en');
	await upload(
		page,
		'villages.csv',
		Buffer.from(['Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik', ...lines].join('\r\n'))
	);
	await settled(page, 'has-errors');
	const card = page.locator('[data-corrections-card]');
	const listed = async () => [...(await readTable(page, 'import-corrections')).entries()];

	const first = await listed();
	expect(first).toHaveLength(25);
	expect(first[0]).toEqual([
		'municipality:Tallin',
		{ column: 'Omavalitsus', value: 'Tallin', rows: '3', read_as: code('Tallinn') }
	]);
	expect(first.slice(1).map(([, v]) => v.value)).toEqual(villages.slice(0, 24));
	await expect(card.locator('[data-corrections-shown]')).toContainText('25 of 60');
	// Each listed value has the 79 municipalities to choose from; the unlisted ones add nothing.
	expect(await card.locator('select[data-action="choose-correction"] option').count()).toBe(25 * 80);

	await card.locator('[data-action="more-corrections"]').click();
	expect((await listed()).map(([, v]) => v.value)).toEqual(['Tallin', ...villages.slice(0, 49)]);
	await card.locator('[data-action="more-corrections"]').click();
	expect(await listed()).toHaveLength(60);
	await expect(card.locator('[data-action="more-corrections"]')).toHaveCount(0);

	// A choice from the end of the list still reads every row with that value again.
	await page
		.locator('table[data-table="import-corrections"] tr[data-key="municipality:Küla 59"] select')
		.selectOption(code('Rae vald'));
	await expect(page.locator('table[data-table="import-corrections-applied"] tr[data-key]')).toHaveCount(1);
	await settled(page, 'has-errors');
	expect([...(await readTable(page, 'import-corrections-applied')).entries()]).toEqual([
		['municipality:Küla 59', { from: 'Küla 59', to: code('Rae vald'), rows: '1' }]
	]);
	await expect(fact(page, 'valid-rows')).toHaveAttribute('data-value', '1');
	expect(await listed()).toHaveLength(59);
});
