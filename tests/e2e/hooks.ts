import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** A `table[data-table]` read through the ui-contract hooks: key → column → raw value. */
export type HookTable = Map<string, Record<string, string>>;

export async function readTable(page: Page, id: string): Promise<HookTable> {
	const rows = await page.$$eval(`table[data-table="${id}"] tbody tr[data-key]`, (trs) =>
		trs.map((tr) => {
			const cols: Record<string, string> = {};
			tr.querySelectorAll('td[data-col]').forEach((td) => {
				cols[td.getAttribute('data-col') ?? ''] = td.getAttribute('data-value') ?? '';
			});
			return [tr.getAttribute('data-key') ?? '', cols] as [string, Record<string, string>];
		})
	);
	return new Map(rows);
}

/** Go to a path and wait until `<html data-ready="true">`. */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await waitReady(page);
}

export async function waitReady(page: Page): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
}

/** Fail the test on any request that leaves the page's origin. */
export function guardOrigin(page: Page, baseURL: string): string[] {
	const outside: string[] = [];
	const origin = new URL(baseURL).origin;
	page.on('request', (req) => {
		const url = req.url();
		if (url.startsWith('data:') || url.startsWith('blob:')) return;
		if (new URL(url).origin !== origin) outside.push(url);
	});
	return outside;
}

/**
 * The generated service levels (municipality index × indicator × year → value) as the ranking must
 * show them: value, rank (1 + how many are better; higher is better) and the change since last year.
 */
export async function expectRanking(
	page: Page,
	municipalities: { ehak_code: string; name: string }[],
	value: (mi: number, ind: number, year: number) => number,
	ind: number,
	year: number
): Promise<void> {
	const table = await readTable(page, 'municipality-ranking');
	expect(table.size).toBe(municipalities.length);
	for (const [mi, m] of municipalities.entries()) {
		const v = value(mi, ind, year);
		const better = municipalities.filter((_, oi) => value(oi, ind, year) > v).length;
		expect(Number(table.get(m.ehak_code)?.value), m.name).toBeCloseTo(v, 6);
		expect(table.get(m.ehak_code)?.rank, m.name).toBe(String(better + 1));
		expect(Number(table.get(m.ehak_code)?.change), m.name).toBeCloseTo(v - value(mi, ind, year - 1), 6);
	}
}

/**
 * axe on the page as it is, with every `<details>` open (the data tables are part of what a
 * screen-reader user gets): its serious and critical violations, one line each.
 */
export async function seriousAxeViolations(page: Page, label: string): Promise<string[]> {
	await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${label} ${v.id} (${v.impact}) ${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')}`
		);
}

/**
 * The data tables in sight (not in a closed "Show data table") that are wider than the box they sit
 * in: their last columns would be cut off behind a sideways scroll.
 */
export function tablesWiderThanTheirBox(page: Page, scope = 'main'): Promise<string[]> {
	return page.$$eval(`${scope} table[data-table]`, (tables) =>
		tables
			.filter((t) => !t.closest('details:not([open])'))
			.filter((t) => t.getBoundingClientRect().width > (t.parentElement as HTMLElement).clientWidth + 1)
			.map((t) => `${t.getAttribute('data-table')}: ${Math.round(t.getBoundingClientRect().width)} px`)
	);
}

/**
 * A chart's left-axis labels as read (a wrapped label's lines joined by a space), and whether each
 * starts inside the picture (not clipped at its left edge).
 */
export function leftAxisLabels(page: Page, chart: string): Promise<{ name: string; inside: boolean }[]> {
	return page.$$eval(`figure[data-chart="${chart}"] svg g[text-anchor="end"] text`, (texts) =>
		texts.map((text) => ({
			name:
				[...text.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || (text.textContent ?? ''),
			inside:
				text.getBoundingClientRect().left >=
				(text.closest('svg') as SVGSVGElement).getBoundingClientRect().left - 0.5
		}))
	);
}
