import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { open, readTable, guardOrigin, waitReady } from './hooks';

/**
 * The municipalities page read through the hooks, checked against rank, peer median and change
 * computed here from the shipped sample file and the municipality list (metrics.md "Municipality
 * comparison", written out independently of the app's metric functions).
 */
interface M {
	ehak_code: string;
	name: string;
	type: string;
	county: string;
	population: number;
}
interface S {
	ehak_code: string;
	year: number;
	domain: string;
	indicator: string;
	value: number | null;
	higher_is_better: boolean;
}
const csv = (path: string) =>
	Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const municipalities: M[] = csv('data/municipalities.csv').map((r) => ({
	ehak_code: r.ehak_code,
	name: r.name,
	type: r.type,
	county: r.county,
	population: Number(r.population_approx)
}));
const levels: S[] = csv('data/sample/service_levels.csv').map((r) => ({
	ehak_code: r.ehak_code,
	year: Number(r.year),
	domain: r.domain,
	indicator: r.indicator,
	value: r.value === undefined || r.value.trim() === '' ? null : Number(r.value),
	higher_is_better: !/^(false|0|no|ei)$/i.test((r.higher_is_better ?? 'true').trim())
}));

type Peer = 'county' | 'type' | 'size';
const band = (p: number) => (p < 5000 ? 0 : p < 10000 ? 1 : p < 20000 ? 2 : p < 50000 ? 3 : 4);
const group = (m: M, peer: Peer) =>
	peer === 'county' ? m.county : peer === 'type' ? m.type : String(band(m.population));
function middle(xs: number[]): number | null {
	if (!xs.length) return null;
	const s = [...xs].sort((a, b) => a - b);
	const h = s.length >> 1;
	return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function expected(indicator: string, year: number, peer: Peer, source: S[] = levels) {
	const value = (code: string, y: number) =>
		source.find((r) => r.indicator === indicator && r.year === y && r.ehak_code === code)?.value ?? null;
	const higher = source.find((r) => r.indicator === indicator)?.higher_is_better ?? true;
	const now = new Map(municipalities.map((m) => [m.ehak_code, value(m.ehak_code, year)]));
	const present = [...now.values()].filter((v): v is number => v !== null);
	return new Map(
		municipalities.map((m) => {
			const v = now.get(m.ehak_code) ?? null;
			const before = value(m.ehak_code, year - 1);
			// Ties share the best rank and the next one skips: 1 + how many are strictly better.
			const rank = v === null ? null : 1 + present.filter((o) => (higher ? o > v : o < v)).length;
			const peers = municipalities
				.filter((o) => group(o, peer) === group(m, peer))
				.map((o) => now.get(o.ehak_code) ?? null)
				.filter((x): x is number => x !== null);
			return [
				m.ehak_code,
				{
					value: v,
					rank,
					peer_median: middle(peers),
					change: v === null || before === null ? null : v - before
				}
			];
		})
	);
}

function expectNumber(raw: string, want: number | null, what: string) {
	if (want === null) expect(raw, what).toBe('');
	else {
		expect(raw, what).not.toBe('');
		expect(Number(raw), what).toBeCloseTo(want, 9);
	}
}

const indicators = [...new Set(levels.map((r) => r.indicator))];
const years = [...new Set(levels.map((r) => r.year))].sort((a, b) => a - b);
const lowerIsBetter = indicators.find((i) => levels.some((r) => r.indicator === i && !r.higher_is_better));
const withGaps = indicators.find((i) => levels.some((r) => r.indicator === i && r.value === null));

test.describe('municipality ranking', () => {
	const cases: { indicator: string; year: number; peer: Peer }[] = [
		{ indicator: indicators[0], year: years.at(-1) as number, peer: 'county' },
		{ indicator: lowerIsBetter ?? indicators[1], year: years[1], peer: 'size' },
		{ indicator: withGaps ?? indicators.at(-1) ?? indicators[0], year: years.at(-2) as number, peer: 'type' }
	];
	for (const c of cases) {
		test(`value, rank, peer median and change for ${c.indicator} ${c.year} by ${c.peer}`, async ({
			page,
			baseURL
		}) => {
			const outside = guardOrigin(page, baseURL as string);
			const q = new URLSearchParams({ indicator: c.indicator, year: String(c.year), peer: c.peer });
			await open(page, `/municipalities?${q}`);
			const table = await readTable(page, 'municipality-ranking');
			const want = expected(c.indicator, c.year, c.peer);
			expect(table.size).toBe(79);
			for (const [code, w] of want) {
				const row = table.get(code);
				expect(row, code).toBeDefined();
				expectNumber(row!.value, w.value, `${code} value`);
				expect(row!.rank, `${code} rank`).toBe(w.rank === null ? '' : String(w.rank));
				expectNumber(row!.peer_median, w.peer_median, `${code} peer_median`);
				expectNumber(row!.change, w.change, `${code} change`);
			}
			// Missing values are shown as missing, never as 0.
			const cells = await page.$$eval(
				'table[data-table="municipality-ranking"] td[data-col="value"][data-value=""]',
				(tds) => tds.map((td) => td.textContent?.trim())
			);
			expect(cells.every((text) => text === '–')).toBe(true);
			await expect(page.locator('figure[data-chart="municipality-ranking"] svg').first()).toBeVisible();
			expect(outside).toEqual([]);
		});
	}

	test('a county filter keeps national ranks and shows only that county', async ({ page }) => {
		const county = 'Tartu maakond';
		const year = years.at(-1) as number;
		await open(
			page,
			`/municipalities?${new URLSearchParams({ indicator: indicators[0], year: String(year), county })}`
		);
		const table = await readTable(page, 'municipality-ranking');
		const inCounty = municipalities.filter((m) => m.county === county);
		expect([...table.keys()].sort()).toEqual(inCounty.map((m) => m.ehak_code).sort());
		const want = expected(indicators[0], year, 'county');
		for (const [code, row] of table) expect(row.rank).toBe(String(want.get(code)?.rank ?? ''));
	});
});

async function find(page: Page, text: string) {
	await page.getByLabel(/Leia omavalitsus|Find a municipality/).fill(text);
	await page.locator('[data-action="find-municipality"]').click();
}

test.describe('finding a municipality', () => {
	for (const name of ['Tartu', 'Viljandi', 'Rakvere', 'Võru']) {
		test(`the bare name ${name} asks which one is meant`, async ({ page }) => {
			await open(page, '/municipalities');
			await find(page, name);
			const choices = page.locator('[data-state="ambiguous"] [data-action="choose-municipality"]');
			const candidates = municipalities.filter((m) => m.name.replace(/ (linn|vald)$/, '') === name);
			expect(candidates).toHaveLength(2);
			await expect(choices).toHaveCount(2);
			for (const m of candidates) await expect(choices.filter({ hasText: m.name })).toHaveCount(1);
			const vald = candidates.find((m) => m.type === 'vald') as M;
			await choices.filter({ hasText: vald.name }).click();
			await expect(page).toHaveURL(new RegExp(`[?&]m=${vald.ehak_code}`));
			await expect(page.locator('[data-focus]')).toHaveAttribute('data-focus', vald.ehak_code);
		});
	}

	test('an unambiguous bare name and an EHAK code select directly and add to the comparison', async ({
		page
	}) => {
		await open(page, '/municipalities');
		await find(page, 'Rae');
		const rae = municipalities.find((m) => m.name === 'Rae vald') as M;
		await expect(page).toHaveURL(new RegExp(`[?&]m=${rae.ehak_code}(&|$)`));
		await find(page, '0784');
		await expect(page).toHaveURL(new RegExp(`[?&]m=0784%2C${rae.ehak_code}(&|$)`));
		await expect(page.locator('[data-focus]')).toHaveAttribute('data-focus', '0784');
		// The comparison's rows are a query of their own (DuckDB may still be starting: the page was
		// ready from the start results).
		await waitReady(page);
		const compare = await readTable(page, 'municipality-compare');
		expect(new Set([...compare.keys()].map((k) => k.split(':')[0]))).toEqual(
			new Set(['0784', rae.ehak_code])
		);
	});

	test('an unknown name says so', async ({ page }) => {
		await open(page, '/municipalities?lang=en');
		await find(page, 'Atlantis');
		await expect(page.locator('[data-state="unknown-municipality"]')).toContainText('Atlantis');
	});
});

test.describe('URL state', () => {
	test('round trip: the view comes back from its URL, and changes go into it', async ({ page }) => {
		const indicator = indicators.at(-1) as string;
		const year = years.at(-2) as number;
		const q = new URLSearchParams({
			indicator,
			year: String(year),
			peer: 'type',
			county: 'Harju maakond',
			m: '0784,0653',
			lang: 'en'
		});
		await open(page, `/municipalities?${q}`);
		await expect(page.locator('select[name="indicator"]')).toHaveValue(indicator);
		await expect(page.locator('select[name="sl-year"]')).toHaveValue(String(year));
		await expect(page.locator('select[name="peer"]')).toHaveValue('type');
		await expect(page.locator('select[name="county"]')).toHaveValue('Harju maakond');
		await expect(page.locator('[data-selected-municipalities] li')).toHaveCount(2);
		await expect(page.locator('h1')).toHaveText('Municipality comparison');

		await page.locator('select[name="peer"]').selectOption('size');
		await expect(page).toHaveURL(/[?&]peer=size/);
		await page.reload();
		await waitReady(page);
		await expect(page.locator('select[name="peer"]')).toHaveValue('size');
		await expect(page.locator('select[name="county"]')).toHaveValue('Harju maakond');
		const table = await readTable(page, 'municipality-ranking');
		const want = expected(indicator, year, 'size');
		expect(table.size).toBe(municipalities.filter((m) => m.county === 'Harju maakond').length);
		for (const [code, row] of table) expectNumber(row.peer_median, want.get(code)?.peer_median ?? null, code);
	});

	test('a new indicator changes the values, and the profile links carry it', async ({ page }) => {
		const year = years.at(-1) as number;
		const [from, to] = [indicators[0], indicators[1]];
		await open(page, `/municipalities?${new URLSearchParams({ indicator: from, year: String(year) })}`);
		await page.locator('select[name="indicator"]').selectOption(to);
		await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).toBe(to);
		await waitReady(page);
		const table = await readTable(page, 'municipality-ranking');
		const want = expected(to, year, 'county');
		expect(table.size).toBe(79);
		for (const [code, w] of want) expectNumber(table.get(code)!.value, w.value, `${code} value`);
		// Every name link in the ranking opens the profile with the indicator now shown.
		const links = await page.$$eval('table[data-table="municipality-ranking"] a[href]', (as) =>
			as.map((a) => a.getAttribute('href') as string)
		);
		expect(links).toHaveLength(79);
		for (const href of links) {
			const url = new URL(href, 'http://x');
			expect(url.pathname, href).toMatch(/^\/municipalities\/\d{4}$/);
			expect(url.searchParams.get('indicator'), href).toBe(to);
		}
	});

	test('unknown values get a notice and are ignored', async ({ page }) => {
		await open(page, '/municipalities?peer=galaxy&indicator=Nonexistent&county=Atlantis&m=0784,9999');
		const notice = page.locator('[data-notice="bad-param"]');
		for (const v of ['galaxy', 'Nonexistent', 'Atlantis', '9999']) await expect(notice).toContainText(v);
		await expect(page.locator('select[name="peer"]')).toHaveValue('county');
		await expect(page.locator('[data-focus]')).toHaveAttribute('data-focus', '0784');
		expect((await readTable(page, 'municipality-ranking')).size).toBe(79);
	});

	test('a year without data shows the nearest year with data and says so', async ({ page }) => {
		const first = years[0];
		await open(page, `/municipalities?year=${first - 1}`);
		const notice = page.locator('[data-notice="year-fallback"]');
		await expect(notice).toHaveAttribute('data-year', String(first));
		await expect(notice).toContainText(String(first - 1));
		await expect(page.locator('select[name="sl-year"]')).toHaveValue(String(first));
		await expect(page.locator('table[data-table="municipality-ranking"]')).toHaveCount(1);
	});
});

test('an imported service-level file replaces the sample and changes the ranking', async ({ page }) => {
	const indicator = levels.find((r) => r.higher_is_better)?.indicator as string;
	const year = years.at(-1) as number;
	const url = `/municipalities?${new URLSearchParams({ indicator, year: String(year), peer: 'county' })}`;
	await open(page, url);
	const before = await readTable(page, 'municipality-ranking');

	// An Estonian Excel export: names instead of codes, decimal commas, the previous year for one.
	const imported: [string, number, string][] = [
		['Rae vald', year, '100'],
		['Tallinn', year, '50,5'],
		['Tartu linn', year, '80,25'],
		['Rae vald', year - 1, '90']
	];
	const body = imported.map(([name, y, v]) => `${name};${y};haridus;${indicator};${v};%`).join('\r\n');
	await open(page, '/import');
	await page.locator('input[type="file"]').setInputFiles({
		name: 'teenustasemed.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(`Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik\r\n${body}\r\n`)
	});
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
	await page.locator('[data-action="commit-import"]').click();
	await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'committed');

	// After a reload: the stored import is replayed over the defaults, the sample rows are gone.
	await open(page, url);
	const after = await readTable(page, 'municipality-ranking');
	expect(after).not.toEqual(before);
	const byName = new Map(municipalities.map((m) => [m.name, m]));
	const source: S[] = imported.map(([name, y, v]) => ({
		ehak_code: byName.get(name)?.ehak_code as string,
		year: y,
		domain: 'haridus',
		indicator,
		value: Number(v.replace(',', '.')),
		higher_is_better: true
	}));
	const want = expected(indicator, year, 'county', source);
	expect([...after.values()].filter((r) => r.value !== '')).toHaveLength(3);
	for (const [code, w] of want) {
		const row = after.get(code);
		expect(row, code).toBeDefined();
		expectNumber(row!.value, w.value, `${code} value`);
		expect(row!.rank, `${code} rank`).toBe(w.rank === null ? '' : String(w.rank));
		expectNumber(row!.peer_median, w.peer_median, `${code} peer_median`);
		expectNumber(row!.change, w.change, `${code} change`);
	}
});

test('a dot on the map selects its municipality, which then opens its profile', async ({ page }) => {
	await open(page, '/municipalities?lang=en');
	const svg = page.locator('figure[data-chart="municipality-map"] svg:has(g.municipality-dot)');
	const dot = svg.locator('g.municipality-dot circle').nth(10);
	const at = await dot.evaluate((c) => [c.getAttribute('cx'), c.getAttribute('cy')]);
	await dot.click();
	await expect(page).toHaveURL(/[?&]m=\d{4}(&|$)/);
	const code = new URL(page.url()).searchParams.get('m') as string;
	const m = municipalities.find((x) => x.ehak_code === code);
	expect(m, code).toBeDefined();
	await waitReady(page);
	// The selection ring is drawn where the clicked dot is: the dot was that municipality's.
	const ring = svg.locator('circle[r="10"]');
	await expect(ring).toHaveCount(1);
	expect(await ring.evaluate((c) => [c.getAttribute('cx'), c.getAttribute('cy')])).toEqual(at);
	await page.locator(`a[href*="/municipalities/${code}"]`).first().click();
	await waitReady(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(m!.name);
});

test('with Large type the charts are drawn larger, text and all, and a dot on the map still selects its municipality', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	const map = 'figure[data-chart="municipality-map"] svg:has(g.municipality-dot)';
	const ranking = 'figure[data-chart="municipality-ranking"] .plot svg';
	/** A chart's picture: its drawn width, the width shown, its tallest text as shown. */
	const picture = (selector: string) =>
		page.locator(selector).evaluate((svg) => ({
			drawn: Number(svg.getAttribute('width')),
			shown: svg.getBoundingClientRect().width,
			text: Math.max(0, ...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height))
		}));
	/** The tallest text at the chart's drawn size (a picture shown smaller than drawn is scaled back). */
	const drawnText = (p: { drawn: number; shown: number; text: number }) => (p.text * p.drawn) / p.shown;
	await open(page, '/municipalities?lang=en');
	const normal = { map: await picture(map), ranking: await picture(ranking) };
	expect(normal.ranking.text).toBeGreaterThan(0);
	await page.locator('[data-action="toggle-large-type"]').click();
	await expect(page.locator('[data-action="toggle-large-type"]')).toHaveAttribute('aria-pressed', 'true');
	// Each picture is the same drawing, shown 1.25 times its drawn size (the card has the room).
	await expect.poll(async () => (await picture(map)).shown / normal.map.drawn).toBeCloseTo(1.25, 2);
	await expect.poll(async () => (await picture(ranking)).shown / normal.ranking.drawn).toBeCloseTo(1.25, 2);
	const large = await picture(ranking);
	expect(large.drawn).toBe(normal.ranking.drawn);
	expect(large.text / drawnText(normal.ranking)).toBeCloseTo(1.25, 1);

	const svg = page.locator(map);
	const dot = svg.locator('g.municipality-dot circle').nth(10);
	const at = await dot.evaluate((c) => [c.getAttribute('cx'), c.getAttribute('cy')]);
	await dot.click();
	await expect(page).toHaveURL(/[?&]m=\d{4}(&|$)/);
	await waitReady(page);
	const ring = svg.locator('circle[r="10"]');
	await expect(ring).toHaveCount(1);
	expect(await ring.evaluate((c) => [c.getAttribute('cx'), c.getAttribute('cy')])).toEqual(at);
	await page.locator('[data-action="toggle-large-type"]').click();
	await expect.poll(async () => (await picture(map)).shown).toBeCloseTo(normal.map.shown, 0);
});
