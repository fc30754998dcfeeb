/**
 * Filter-change latency with the imported data loaded: on `/municipalities` the indicator, year and
 * peer-group selects (Playwright's selectOption, as a person picks an option), on `/` the
 * direction filter (a click on a bar of the attainment-by-direction chart, the linked-view
 * filter). Each change is timed from its input event to the page having settled (settle.ts).
 */
import type { Page } from 'playwright-core';
import { step } from './log';
import { mark, settled } from './settle';
import { spread, type Spread } from './stats';

export interface Latency {
	ms: Spread | null;
	/** How many of the changes went through data-ready="false" (a query) rather than only re-rendering. */
	withQuery: number;
	how: string;
	error: string | null;
}

const summary = (l: Latency) =>
	l.error ? `error: ${l.error}` : `p50 ${l.ms?.p50} ms, p95 ${l.ms?.p95} ms (n=${l.ms?.n})`;

async function navTo(page: Page, path: string) {
	// Already there (the import step ends on /municipalities): a click on its own link changes nothing.
	if (new URL(page.url()).pathname === path) return;
	const since = await mark(page);
	await page.locator(`nav a[href="${path}"], nav a[href^="${path}?"]`).first().click({ timeout: 120_000 });
	await settled(page, since, 'click', { timeout: 300_000 });
}

/** Option values of a select, in order, each different from the one before, spread over the list. */
async function sequence(page: Page, name: string, count: number): Promise<string[]> {
	const { values, current } = await page
		.locator(`select[name="${name}"]`)
		.evaluate((s: HTMLSelectElement) => ({
			values: [...s.options].map((o) => o.value).filter((v) => v !== ''),
			current: s.value
		}));
	if (values.length < 2) throw new Error(`select[name=${name}] has ${values.length} options`);
	// A step coprime with the length visits the whole list before repeating.
	let step = Math.max(1, Math.floor(values.length / 7));
	const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
	while (gcd(step, values.length) !== 1) step++;
	const out: string[] = [];
	let i = Math.max(0, values.indexOf(current));
	let prev = current;
	while (out.length < count) {
		i = (i + step) % values.length;
		if (values[i] === prev) continue;
		out.push(values[i]);
		prev = values[i];
	}
	return out;
}

async function selectChanges(page: Page, name: string, count: number): Promise<Latency> {
	const times: number[] = [];
	let withQuery = 0;
	try {
		for (const value of await sequence(page, name, count)) {
			const since = await mark(page);
			await page.locator(`select[name="${name}"]`).selectOption(value, { timeout: 120_000 });
			const s = await settled(page, since, 'change');
			times.push(s.ms);
			if (s.cycled) withQuery++;
		}
		return { ms: spread(times), withQuery, how: `select[name=${name}] selectOption`, error: null };
	} catch (e) {
		const error = String(e).split('\n')[0].slice(0, 200);
		return { ms: spread(times), withQuery, how: `select[name=${name}] selectOption`, error };
	}
}

export async function municipalityLatency(page: Page, count: number): Promise<Record<string, Latency>> {
	const out: Record<string, Latency> = {};
	try {
		await navTo(page, '/municipalities');
	} catch (e) {
		const error = `municipalities page not reachable: ${String(e).split('\n')[0].slice(0, 200)}`;
		return { indicator: { ms: null, withQuery: 0, how: '', error } };
	}
	for (const [key, name] of [
		['indicator', 'indicator'],
		['year', 'sl-year'],
		['peer', 'peer']
	]) {
		const exists = (await page.locator(`select[name="${name}"]`).count()) > 0;
		out[key] = exists
			? await selectChanges(page, name, count)
			: { ms: null, withQuery: 0, how: '', error: `no select[name=${name}] on /municipalities` };
		step(`      ${key}: ${summary(out[key])}`);
	}
	return out;
}

/** Tags the bars of the direction chart (marks whose datum is an index) so Playwright can click one. */
function tagBars(page: Page): Promise<number> {
	return page.evaluate(() => {
		const svg = document.querySelector('figure[data-chart="attainment-by-direction"] svg');
		const bars = [...(svg?.querySelectorAll('rect') ?? [])].filter(
			(r) => typeof (r as unknown as { __data__?: unknown }).__data__ === 'number'
		);
		bars.forEach((b, i) => b.setAttribute('data-bench-bar', String(i)));
		return bars.length;
	});
}

/** A re-render replaces the bars (and their tags): tag again and retry. */
async function clickBar(page: Page, k: number): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			const bar = page.locator(`[data-bench-bar="${k}"]`);
			// A person's click where the bar is (Plot's tip may lie over it; the app takes the pointed bar).
			await bar.scrollIntoViewIfNeeded({ timeout: 10_000 });
			const box = await bar.boundingBox();
			if (!box) throw new Error(`bar ${k} has no box`);
			await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
			return;
		} catch (e) {
			if (attempt === 3) throw e;
			await tagBars(page);
		}
	}
}

export async function overviewLatency(page: Page, count: number): Promise<Latency> {
	const how = 'click on a bar of figure[data-chart=attainment-by-direction]';
	const times: number[] = [];
	let withQuery = 0;
	try {
		await navTo(page, '/');
		for (let i = 0; i < count; i++) {
			const bars = await tagBars(page);
			if (bars === 0) throw new Error('no clickable bars in the direction chart');
			const since = await mark(page);
			// Bars in turn; every fifth click hits the selected bar again, which clears the filter.
			const k = i % 5 === 4 ? (i - 1) % bars : i % bars;
			await clickBar(page, k);
			const s = await settled(page, since, 'click');
			times.push(s.ms);
			if (s.cycled) withQuery++;
		}
		return { ms: spread(times), withQuery, how, error: null };
	} catch (e) {
		return { ms: spread(times), withQuery, how, error: String(e).split('\n')[0].slice(0, 200) };
	}
}
