/**
 * The app's real import path, as an analyst goes through it: on `/import` choose the file (the
 * `input[type=file]`), wait for the preview (`[data-import-status]` ready / has-errors), press
 * commit, wait for `committed`, then open `/municipalities` from the navigation (client-side, the
 * same database) and wait until its charts are rendered. Phases are timed on the page's clock from
 * the input events to the status and data-ready changes, so the harness's own polling is not in
 * them; the total is their sum. Also: the longest main-thread task (how long the page froze) and
 * peak memory while it ran.
 */
import type { CDPSession, Page } from 'playwright-core';
import { jsHeap, readLog, rendererRss, sampleMemory } from './browser';
import { mark, settled } from './settle';

export interface ImportRun {
	ok: boolean;
	/** Why the run stopped (import path missing, rejected file, failed commit, timeout). */
	error: string | null;
	analyseMs: number | null;
	commitMs: number | null;
	chartsMs: number | null;
	totalMs: number | null;
	/** Wall time including the harness's reaction between phases. */
	wallMs: number | null;
	/**
	 * The commit button's click → `/municipalities` settled, on the page's clock: the commit, the
	 * harness's reaction (≈ 0.1–0.2 s) and the charts. Work the app does between "committed" and the
	 * navigation (the next page's queries, asked ahead) is in here, not in `commitMs` + `chartsMs`.
	 */
	commitToChartsMs: number | null;
	status: string | null;
	message: string | null;
	longestTaskMs: number | null;
	/** Sum of long tasks (> 50 ms) on the main thread during the import. */
	longTasksMs: number | null;
	peakHeapBytes: number | null;
	peakRssBytes: number | null;
	heapAfterBytes: number | null;
	rssAfterBytes: number | null;
	/** The app's own phases (`kov:*` User Timing measures on the page) during this import, ms by name. */
	marks: Record<string, number>;
}

const STEP_TIMEOUT = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 900_000);

async function navTo(page: Page, path: string): Promise<void> {
	const link = page.locator(`nav a[href="${path}"], nav a[href^="${path}?"]`).first();
	await link.click({ timeout: STEP_TIMEOUT });
}

function statusValue(page: Page): Promise<string | null> {
	return page
		.locator('[data-import-status]')
		.first()
		.getAttribute('data-import-status', { timeout: 5_000 })
		.catch(() => null);
}

/** Opens `/import`: a fresh navigation when `base` is given, else through the navigation. */
export async function openImport(page: Page, base?: string): Promise<string | null> {
	try {
		if (base) await page.goto(base + '/import');
		else await navTo(page, '/import');
		await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
		await page.waitForSelector('input[type="file"]', { state: 'attached', timeout: 30_000 });
		await page.waitForSelector('[data-import-status]', { state: 'attached', timeout: 30_000 });
		// An analyst takes a few seconds to choose a file; the page warms DuckDB's bulk path meanwhile
		// (src/lib/import/warmup.ts). Wait for that, as the analyst's choosing would (at most 30 s).
		await page
			.waitForSelector('[data-import-engine="warm"]', { state: 'attached', timeout: 30_000 })
			.catch(() => undefined);
		return null;
	} catch (e) {
		return `import path not available: ${String(e).split('\n')[0].slice(0, 200)}`;
	}
}

/** One import of `file`; afterwards the page `after` (where the dataset is shown) is opened and timed. */
/** A run with nothing measured (yet): `error` says why, or null while it is still to run. */
export const failedRun = (error: string | null): ImportRun => ({
	ok: false,
	error,
	analyseMs: null,
	commitMs: null,
	chartsMs: null,
	totalMs: null,
	wallMs: null,
	commitToChartsMs: null,
	status: null,
	message: null,
	longestTaskMs: null,
	longTasksMs: null,
	peakHeapBytes: null,
	peakRssBytes: null,
	heapAfterBytes: null,
	rssAfterBytes: null,
	marks: {}
});

export async function importOnce(
	page: Page,
	cdp: CDPSession,
	file: string,
	after = '/municipalities'
): Promise<ImportRun> {
	const run = failedRun(null);
	const memory = sampleMemory(cdp);
	const wall0 = Date.now();
	try {
		const start = await mark(page);
		const since = await page.evaluate(() => performance.now());
		await page.locator('input[type="file"]').setInputFiles(file, { timeout: STEP_TIMEOUT });
		await page.waitForFunction(
			(since) => {
				const b = (window as unknown as { __bench: import('./browser').ProbeLog }).__bench;
				return b.status.slice(since).some((s) => ['ready', 'has-errors', 'rejected'].includes(s.v));
			},
			start.status,
			{ timeout: STEP_TIMEOUT, polling: 200 }
		);
		run.status = await statusValue(page);
		if (run.status === 'rejected') {
			run.message = await page.locator('[data-problem], [data-message]').first().textContent();
			throw new Error(`file rejected: ${run.message?.trim()}`);
		}
		const beforeCommit = await mark(page);
		const button = page.locator('[data-action="commit-import"], [data-action="commit-valid-rows"]').first();
		// The commit may hold the main thread for long; the click must not time out waiting for it.
		await button.click({ timeout: STEP_TIMEOUT, noWaitAfter: true });
		await page.waitForFunction(
			(since) => {
				const b = (window as unknown as { __bench: import('./browser').ProbeLog }).__bench;
				if (b.status.slice(since).some((s) => s.v === 'committed')) return true;
				return !!document.querySelector('[data-message="error"]');
			},
			beforeCommit.status,
			{ timeout: STEP_TIMEOUT, polling: 200 }
		);
		run.status = await statusValue(page);
		run.message = (await page.locator('[data-message]').first().textContent())?.trim() ?? null;
		if (run.status !== 'committed') throw new Error(`commit failed: ${run.message}`);
		const beforeNav = await mark(page);
		await navTo(page, after);
		const charts = await settled(page, beforeNav, 'click', { timeout: STEP_TIMEOUT });
		await page.waitForSelector('figure[data-chart] svg', { timeout: 60_000 });

		const log = await readLog(page);
		const fileInput = log.input.slice(start.input).find((e) => e.type === 'change');
		const analysed = log.status.slice(start.status).find((s) => s.v === 'ready' || s.v === 'has-errors');
		const click = log.input.slice(beforeCommit.input).find((e) => e.type === 'click');
		const committed = log.status.slice(beforeCommit.status).find((s) => s.v === 'committed');
		if (fileInput && analysed) run.analyseMs = analysed.t - fileInput.t;
		if (click && committed) run.commitMs = committed.t - click.t;
		run.chartsMs = charts.ms;
		if (click) run.commitToChartsMs = charts.end - click.t;
		if (run.analyseMs !== null && run.commitMs !== null)
			run.totalMs = run.analyseMs + run.commitMs + charts.ms;
		run.wallMs = Date.now() - wall0;
		const from = fileInput?.t ?? 0;
		const tasks = log.longTasks.filter((l) => l.start >= from && l.start <= charts.end);
		run.longestTaskMs = tasks.reduce((m, l) => Math.max(m, l.duration), 0);
		run.longTasksMs = tasks.reduce((n, l) => n + l.duration, 0);
		run.marks = await page.evaluate((t0) => {
			const out: Record<string, number> = {};
			for (const m of performance.getEntriesByType('measure'))
				if (m.name.startsWith('kov:') && m.startTime >= t0)
					out[m.name.slice(4)] = (out[m.name.slice(4)] ?? 0) + m.duration;
			return out;
		}, since);
		run.ok = true;
	} catch (e) {
		run.error ??= String(e).split('\n')[0].slice(0, 300);
		run.status ??= await statusValue(page);
	} finally {
		const peaks = memory.stop();
		run.peakHeapBytes = peaks.peakHeap || null;
		run.peakRssBytes = peaks.peakRss || null;
	}
	run.heapAfterBytes = await jsHeap(cdp, true).catch(() => null);
	run.rssAfterBytes = rendererRss();
	return run;
}
