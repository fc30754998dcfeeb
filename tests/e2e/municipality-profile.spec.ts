import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { open, readTable, guardOrigin, waitReady, seriousAxeViolations } from './hooks';

/**
 * The profile (/municipalities/<ehak_code>), similar municipalities and training reach, read
 * through the hooks and checked against values computed here from the shipped sample files by the
 * rules of metrics.md ("Municipality comparison", "Similar municipalities") — written out again,
 * independently of the app's functions.
 */
interface M {
	ehak_code: string;
	name: string;
	county: string;
	population: number;
}
const csv = (path: string) =>
	Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const municipalities: M[] = csv('data/municipalities.csv').map((r) => ({
	ehak_code: r.ehak_code,
	name: r.name,
	county: r.county,
	population: Number(r.population_approx)
}));
const levels = csv('data/sample/service_levels.csv').map((r) => ({
	ehak_code: r.ehak_code,
	year: Number(r.year),
	domain: r.domain,
	indicator: r.indicator,
	value: r.value.trim() === '' ? null : Number(r.value),
	higher_is_better: r.higher_is_better !== 'false'
}));
const trainings = csv('data/sample/trainings.csv');
/** The header's default year: the latest year with plan progress (metrics.md "Attainment"). */
const headerYear = Math.max(...csv('data/sample/progress.csv').map((r) => Number(r.year)));
const slYears = [...new Set(levels.map((r) => r.year))].sort((a, b) => a - b);
/** The header's year if it has service levels, else the latest year before it. */
const shownYear = slYears.includes(headerYear)
	? headerYear
	: Math.max(...slYears.filter((y) => y < headerYear));

const value = (code: string, indicator: string, year: number) =>
	levels.find((r) => r.ehak_code === code && r.indicator === indicator && r.year === year)?.value ?? null;
function middle(xs: number[]): number | null {
	if (!xs.length) return null;
	const s = [...xs].sort((a, b) => a - b);
	const h = s.length >> 1;
	return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
function expectNumber(raw: string | undefined, want: number | null, what: string) {
	if (want === null) expect(raw ?? '', what).toBe('');
	else expect(Number(raw), what).toBeCloseTo(want, 9);
}

/** Similar municipalities by metrics.md, for every municipality: code → the 7 nearest with distances. */
function similar(chosen: { indicator: string; weight: number }[], year: number) {
	const used = chosen.flatMap((c) => {
		const vals = new Map<string, number>();
		for (const m of municipalities) {
			const v =
				c.indicator === 'population' ? Math.log10(m.population) : value(m.ehak_code, c.indicator, year);
			if (v !== null) vals.set(m.ehak_code, v);
		}
		const xs = [...vals.values()];
		const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
		const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
		if (!(sd > 0)) return [];
		return [{ weight: c.weight, z: new Map([...vals].map(([k, v]) => [k, (v - mean) / sd])) }];
	});
	const need = Math.ceil(used.length / 2);
	return new Map(
		municipalities.map((m) => {
			const near = municipalities.flatMap((x) => {
				if (x.ehak_code === m.ehak_code) return [];
				let sum = 0;
				let w = 0;
				let shared = 0;
				for (const u of used) {
					const a = u.z.get(m.ehak_code);
					const b = u.z.get(x.ehak_code);
					if (a === undefined || b === undefined) continue;
					sum += u.weight * (a - b) ** 2;
					w += u.weight;
					shared++;
				}
				return shared === 0 || shared < need
					? []
					: [{ code: x.ehak_code, name: x.name, distance: Math.sqrt(sum / w) }];
			});
			near.sort((a, b) =>
				Math.abs(a.distance - b.distance) < 1e-12
					? a.name.localeCompare(b.name, 'et')
					: a.distance - b.distance
			);
			return [m.ehak_code, near.slice(0, 7)];
		})
	);
}

const POLTSAMAA = municipalities.find((m) => m.name === 'Põltsamaa vald') as M;
const indicatorsOf = (year: number) => [
	...new Set(levels.filter((r) => r.year === year && r.value !== null).map((r) => r.indicator))
];
const domainOf = (indicator: string) => levels.find((r) => r.indicator === indicator)?.domain;
/** A level indicator (0–9): the profile links to it, so the similarity default is its domain. */
const levelIndicator = levels.find((r) => / \(0–9\)$/.test(r.indicator))?.indicator as string;
const defaultChoice = indicatorsOf(shownYear)
	.filter((i) => domainOf(i) === domainOf(levelIndicator))
	.map((indicator) => ({ indicator, weight: 1 }));

test.describe('municipality profile', () => {
	test('every indicator of the year: value, rank, county peer median and change, from the sample', async ({
		page,
		baseURL
	}) => {
		const outside = guardOrigin(page, baseURL as string);
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await open(page, `/municipalities/${POLTSAMAA.ehak_code}`);
		await expect(page.locator('h1')).toHaveText(POLTSAMAA.name);
		await expect(page.locator('[data-fact="county"]')).toHaveText(POLTSAMAA.county);
		await expect(page.locator('[data-fact="population"]')).toHaveAttribute(
			'data-value',
			String(POLTSAMAA.population)
		);
		// The header's year has no service levels in the sample: the page says which year it shows.
		if (shownYear !== headerYear) {
			await expect(page.locator('[data-notice="year-fallback"]')).toHaveAttribute(
				'data-year',
				String(shownYear)
			);
			await expect(page.locator('[data-notice="year-fallback"]')).toContainText(String(headerYear));
		}
		const table = await readTable(page, 'municipality-profile');
		const indicators = indicatorsOf(shownYear);
		expect([...table.keys()].sort()).toEqual([...indicators].sort());
		for (const indicator of indicators) {
			const hib = levels.find((r) => r.indicator === indicator)?.higher_is_better ?? true;
			const v = value(POLTSAMAA.ehak_code, indicator, shownYear);
			const all = municipalities
				.map((m) => value(m.ehak_code, indicator, shownYear))
				.filter((x): x is number => x !== null);
			const peers = municipalities
				.filter((m) => m.county === POLTSAMAA.county)
				.map((m) => value(m.ehak_code, indicator, shownYear))
				.filter((x): x is number => x !== null);
			const before = value(POLTSAMAA.ehak_code, indicator, shownYear - 1);
			const row = table.get(indicator);
			expectNumber(row?.value, v, `${indicator} value`);
			expect(row?.rank, `${indicator} rank`).toBe(
				v === null ? '' : String(1 + all.filter((o) => (hib ? o > v : o < v)).length)
			);
			expectNumber(row?.peer_median, middle(peers), `${indicator} peer_median`);
			expectNumber(row?.change, v === null || before === null ? null : v - before, `${indicator} change`);
		}
		// A level is shown without decimals.
		const level = table.get(levelIndicator);
		if (level?.value) {
			const text = await page.locator(`tr[data-key="${levelIndicator}"] td[data-col="value"]`).textContent();
			expect(text?.trim()).toBe(String(Number(level.value)));
		}
		// Its trainings: the sample rows naming it.
		const own = trainings.filter((r) => r.municipality === POLTSAMAA.name);
		if (own.length) expect((await readTable(page, 'municipality-trainings')).size).toBe(own.length);
		else await expect(page.locator('[data-state="no-trainings"]')).toBeVisible();
		expect(errors).toEqual([]);
		expect(outside).toEqual([]);
	});

	test('similar municipalities: the 7 nearest by the rule, with their distances', async ({ page }) => {
		await open(
			page,
			`/municipalities/${POLTSAMAA.ehak_code}?${new URLSearchParams({ indicator: levelIndicator })}`
		);
		const want = similar(defaultChoice, shownYear).get(POLTSAMAA.ehak_code) ?? [];
		expect(want).toHaveLength(7);
		const table = await readTable(page, 'similar-municipalities');
		expect([...table.keys()]).toEqual(want.map((w) => w.code));
		want.forEach((w, i) => {
			expect(table.get(w.code)?.rank).toBe(String(i + 1));
			expectNumber(table.get(w.code)?.distance, w.distance, `${w.name} distance`);
		});
	});

	test('the chosen indicators and weights survive a reload from the URL', async ({ page }) => {
		await open(
			page,
			`/municipalities/${POLTSAMAA.ehak_code}?${new URLSearchParams({ indicator: levelIndicator, lang: 'en' })}`
		);
		const editor = page.locator('[data-form="similarity"]');
		await editor.locator('summary').click();
		await editor.locator('input[type="checkbox"][data-indicator="population"]').check();
		await expect(page).toHaveURL(/[?&]sim=population/);
		await waitReady(page);
		const weight = editor.locator(`input[name="weight"][data-indicator="${defaultChoice[0].indicator}"]`);
		await weight.fill('3');
		await weight.press('Tab');
		await expect(page).toHaveURL(/[?&]sim=3\*/);
		await waitReady(page);
		const chosen = [
			{ indicator: defaultChoice[0].indicator, weight: 3 },
			...defaultChoice.slice(1),
			{ indicator: 'population', weight: 1 }
		];
		const want = similar(chosen, shownYear).get(POLTSAMAA.ehak_code) ?? [];

		await page.reload();
		await waitReady(page);
		await page.locator('[data-form="similarity"] summary').click();
		await expect(page.locator('input[type="checkbox"][data-indicator="population"]')).toBeChecked();
		await expect(
			page.locator(`input[name="weight"][data-indicator="${defaultChoice[0].indicator}"]`)
		).toHaveValue('3');
		const table = await readTable(page, 'similar-municipalities');
		expect([...table.keys()]).toEqual(want.map((w) => w.code));
		for (const w of want) expectNumber(table.get(w.code)?.distance, w.distance, w.name);
	});

	test('an unknown ehak_code gives the notice, not a crash', async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await open(page, '/municipalities/9999?lang=en');
		await expect(page.locator('[data-notice="unknown-municipality"]')).toContainText('9999');
		await expect(page.locator('[data-notice="unknown-municipality"] a')).toHaveAttribute(
			'href',
			/\/municipalities/
		);
		expect(errors).toEqual([]);
	});

	for (const lang of ['et', 'en']) {
		test(`axe: the profile in ${lang}`, async ({ page }) => {
			await open(page, `/municipalities/${POLTSAMAA.ehak_code}?lang=${lang}&peer=similar`);
			await page.locator('[data-form="similarity"] summary').click();
			const bad = await seriousAxeViolations(page, lang);
			expect(bad, bad.join('\n')).toEqual([]);
		});
	}

	test('on a 390 px phone nothing is wider than the screen', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		for (const path of [
			`/municipalities/${POLTSAMAA.ehak_code}?peer=similar`,
			`/municipalities?peer=similar&m=${POLTSAMAA.ehak_code}`
		]) {
			await open(page, path);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
		}
	});
});

/** The ranking's peer median with peer=similar: each municipality's own 7 similar + itself. */
async function expectSimilarPeerMedians(page: Page, indicator: string, year: number) {
	const groups = similar(
		indicatorsOf(year)
			.filter((i) => domainOf(i) === domainOf(indicator))
			.map((i) => ({ indicator: i, weight: 1 })),
		year
	);
	const table = await readTable(page, 'municipality-ranking');
	expect(table.size).toBe(79);
	for (const m of municipalities) {
		const members = [m.ehak_code, ...(groups.get(m.ehak_code) ?? []).map((s) => s.code)];
		const want = middle(members.map((c) => value(c, indicator, year)).filter((v): v is number => v !== null));
		expectNumber(table.get(m.ehak_code)?.peer_median, want, `${m.name} peer_median`);
	}
}

test.describe('peer = similar and training reach on /municipalities', () => {
	test('peer=similar makes peer_median the median over the 7 similar + itself', async ({ page }) => {
		const indicator = levels.find((r) => r.domain === 'personal' && !/0–9/.test(r.indicator))
			?.indicator as string;
		const q = new URLSearchParams({ indicator, year: String(shownYear), peer: 'county' });
		await open(page, `/municipalities?${q}`);
		const county = await readTable(page, 'municipality-ranking');
		await page.locator('select[name="peer"]').selectOption('similar');
		await expect(page).toHaveURL(/[?&]peer=similar/);
		await waitReady(page);
		await expect
			.poll(async () =>
				[...(await readTable(page, 'municipality-ranking')).values()].map((r) => r.peer_median)
			)
			.not.toEqual([...county.values()].map((r) => r.peer_median));
		await expectSimilarPeerMedians(page, indicator, shownYear);

		// Away and back: the groups kept from before are still the right ones.
		const peer = async (value: string) => {
			await page.locator('select[name="peer"]').selectOption(value);
			await expect(page).toHaveURL(new RegExp(`[?&]peer=${value}`));
			await waitReady(page);
		};
		await peer('county');
		await peer('similar');
		await expectSimilarPeerMedians(page, indicator, shownYear);
		// Back in another year: the groups are those of that year.
		await peer('county');
		await page.locator('select[name="sl-year"]').selectOption(String(shownYear - 1));
		await expect(page).toHaveURL(new RegExp(`[?&]year=${shownYear - 1}`));
		await waitReady(page);
		await peer('similar');
		await expectSimilarPeerMedians(page, indicator, shownYear - 1);
	});

	test('training reach against the change: n and Spearman’s ρ from the sample, years in the URL', async ({
		page
	}) => {
		const indicator = levelIndicator;
		const years = [
			...new Set(levels.filter((r) => r.indicator === indicator && r.value !== null).map((r) => r.year))
		].sort();
		const from = years[1];
		const to = years.at(-1) as number;
		await open(
			page,
			`/municipalities?${new URLSearchParams({ indicator, from: String(from), to: String(to), lang: 'en' })}`
		);
		await expect(page.locator('select[name="reach-from"]')).toHaveValue(String(from));
		await expect(page.locator('select[name="reach-from"]')).toBeVisible();
		const byName = new Map(municipalities.map((m) => [m.name, m.ehak_code]));
		const registered = new Map<string, number>();
		for (const r of trainings) {
			const y = Number(r.start_date.slice(0, 4));
			const code = byName.get(r.municipality);
			if (!code || y < from || y > to) continue;
			registered.set(code, (registered.get(code) ?? 0) + Number(r.registered || 0));
		}
		const pairs = municipalities.flatMap((m) => {
			const a = value(m.ehak_code, indicator, from);
			const b = value(m.ehak_code, indicator, to);
			return a === null || b === null
				? []
				: [{ x: ((registered.get(m.ehak_code) ?? 0) / m.population) * 1000, y: b - a }];
		});
		const ranks = (xs: number[]) => {
			const sorted = [...xs].sort((p, q) => p - q);
			return xs.map((v) => {
				const first = sorted.indexOf(v);
				const last = sorted.lastIndexOf(v);
				return (first + last) / 2 + 1;
			});
		};
		const rx = ranks(pairs.map((p) => p.x));
		const ry = ranks(pairs.map((p) => p.y));
		const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
		const [mx, my] = [mean(rx), mean(ry)];
		const cov = rx.reduce((s, v, i) => s + (v - mx) * (ry[i] - my), 0);
		const rho =
			cov / Math.sqrt(rx.reduce((s, v) => s + (v - mx) ** 2, 0) * ry.reduce((s, v) => s + (v - my) ** 2, 0));

		const stat = page.locator('[data-stat="reach-association"]');
		await expect(stat).toHaveAttribute('data-n', String(pairs.length));
		expect(Number(await stat.getAttribute('data-rho'))).toBeCloseTo(rho, 9);
		await expect(stat).toContainText('association, not an effect');
		const table = await readTable(page, 'training-reach');
		const poltsamaa = table.get(POLTSAMAA.ehak_code);
		expectNumber(
			poltsamaa?.reach,
			((registered.get(POLTSAMAA.ehak_code) ?? 0) / POLTSAMAA.population) * 1000,
			'reach'
		);
		await expect(page.locator('figure[data-chart="training-reach"] svg').first()).toBeVisible();
	});

	test('training reach for an indicator with one year (a first import): no years to choose, the reason instead', async ({
		page
	}) => {
		const file = 'tests/fixtures/service-levels-long-et.csv';
		const rows = csv(file).map((r) => ({ indicator: r['Näitaja'], year: Number(r['Aasta']) }));
		const indicator = rows[0].indicator;
		const years = [...new Set(rows.filter((r) => r.indicator === indicator).map((r) => r.year))];
		expect(years).toHaveLength(1);
		await open(page, '/import');
		await page.locator('input[type="file"]').setInputFiles(file);
		await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'ready');
		await page.locator('[data-action="commit-import"]').click();
		await expect(page.locator('[data-import-status]')).toHaveAttribute('data-import-status', 'committed');
		await open(page, `/municipalities?${new URLSearchParams({ indicator, lang: 'en' })}`);
		const figure = page.locator('figure[data-chart="training-reach"]');
		await expect(figure.locator('h2')).toHaveText(`Training reach and the change of “${indicator}”`);
		await expect(figure.locator('select[name="reach-from"]')).toBeHidden();
		await expect(figure.locator('select[name="reach-to"]')).toBeHidden();
		await expect(figure.locator('.empty')).toHaveText(
			`A change needs values from at least two years; this indicator has only ${years[0]}.`
		);
		await expect(figure.locator('[data-stat="reach-association"]')).toHaveCount(0);
		expect((await readTable(page, 'training-reach')).size).toBe(0);
		// No notice about a `from` nobody set.
		await expect(page.locator('[data-notice="bad-param"]')).toHaveCount(0);
	});

	test('links from the ranking, the map and the compare view open the profile', async ({ page }) => {
		await open(page, `/municipalities?m=${POLTSAMAA.ehak_code}&lang=en`);
		for (const id of ['municipality-ranking', 'municipality-map', 'municipality-compare'])
			await expect(
				page.locator(`table[data-table="${id}"] a[href^="/municipalities/${POLTSAMAA.ehak_code}"]`).first(),
				id
			).toHaveCount(1);
		await page.locator('[data-action="open-profile"]').click();
		await waitReady(page);
		await expect(page).toHaveURL(new RegExp(`/municipalities/${POLTSAMAA.ehak_code}\\?`));
		await expect(page.locator('h1')).toHaveText(POLTSAMAA.name);
	});
});

test('alone in its county, a municipality’s profile says its own value is the median and offers the other groups', async ({
	page
}) => {
	const perCounty = new Map<string, M[]>();
	for (const m of municipalities) perCounty.set(m.county, [...(perCounty.get(m.county) ?? []), m]);
	const alone = [...perCounty.values()].filter((list) => list.length === 1).map((list) => list[0]);
	expect(alone.length).toBeGreaterThan(0);
	const withPeers = [...perCounty.values()].find((list) => list.length > 1)![0];

	await open(page, `/municipalities/${withPeers.ehak_code}?lang=en`);
	await expect(page.locator('[data-highlights="strongest"]')).toBeVisible();
	await expect(page.locator('[data-notice="peer-alone"]')).toHaveCount(0);

	for (const m of alone) {
		await open(page, `/municipalities/${m.ehak_code}?lang=en`);
		const notice = page.locator('[data-notice="peer-alone"]');
		await expect(notice).toContainText(`${m.name} is the only municipality in its peer group (${m.county})`);
		await expect(page.locator('[data-highlights]')).toHaveCount(0);
		await expect(notice.locator('[data-peer-option]')).toHaveText([
			'Same type (city/rural)',
			'Same size band',
			'Similar municipalities (7)'
		]);
		// The table's peer median is the municipality's own value, as the notice says.
		for (const row of (await readTable(page, 'municipality-profile')).values())
			expect(row.peer_median).toBe(row.value);
		await notice.locator('[data-peer-option="type"]').click();
		await expect(page).toHaveURL(/peer=type/);
		await waitReady(page);
		await expect(page.locator('[data-notice="peer-alone"]')).toHaveCount(0);
		await expect(page.locator('select[name="peer"]')).toHaveValue('type');
		await expect(page.locator('[data-highlights="strongest"]')).toBeVisible();

		// The comparison page says it beside the peer group's size.
		await open(page, `/municipalities?m=${m.ehak_code}&lang=en`);
		await expect(page.locator('[data-note="peer-self"]')).toContainText(`Only ${m.name} has a value`);
		await open(page, `/municipalities?m=${m.ehak_code}&peer=type&lang=en`);
		await expect(page.locator('[data-peer-group="type"]')).toBeVisible();
		await expect(page.locator('[data-note="peer-self"]')).toHaveCount(0);
	}
	await open(page, `/municipalities?m=${withPeers.ehak_code}&lang=en`);
	await expect(page.locator('[data-peer-group="county"]')).toBeVisible();
	await expect(page.locator('[data-note="peer-self"]')).toHaveCount(0);
});
