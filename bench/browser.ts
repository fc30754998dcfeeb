/**
 * Headless Debian Chromium as the e2e tests run it, plus what the benchmark reads from it: an
 * in-page log (probes) of `<html data-ready>` and import-status changes, input events, the first
 * chart and long tasks, all on the page's own clock; the main thread's JS heap (CDP); and the
 * resident memory of the renderer processes, which also holds the workers and DuckDB's wasm memory.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium';

export function launch(): Promise<Browser> {
	return launchChromium();
}

/** What the probes record; times are `performance.now()` / `event.timeStamp` of the page. */
export interface ProbeLog {
	ready: { v: string; t: number }[];
	status: { v: string; t: number }[];
	input: { type: string; t: number }[];
	/** URL changes (client-side navigations). */
	urls: { href: string; t: number }[];
	lastMutation: number;
	firstChart: number | null;
	firstReady: number | null;
	longTasks: { start: number; duration: number }[];
}

/** Runs in the page before any of its scripts (page.addInitScript). */
function probes() {
	const log: ProbeLog = {
		ready: [],
		status: [],
		input: [],
		urls: [],
		lastMutation: 0,
		firstChart: null,
		firstReady: null,
		longTasks: []
	};
	(window as unknown as { __bench: ProbeLog }).__bench = log;
	let href = location.href;
	const seeUrl = (now: number) => {
		if (location.href !== href) log.urls.push({ href: (href = location.href), t: now });
	};
	// pushState/replaceState (SvelteKit's client-side navigation) fire the Navigation API's event.
	const nav = (window as unknown as { navigation?: EventTarget }).navigation;
	nav?.addEventListener('currententrychange', () => seeUrl(performance.now()));
	new MutationObserver((records) => {
		const now = performance.now();
		seeUrl(now);
		for (const r of records) {
			const el = r.target as Element;
			if (r.type === 'attributes' && r.attributeName === 'data-ready') {
				const v = el.getAttribute('data-ready') ?? '';
				log.ready.push({ v, t: now });
				if (v === 'true' && log.firstReady === null) log.firstReady = now;
			} else if (r.type === 'attributes' && r.attributeName === 'data-import-status') {
				log.status.push({ v: el.getAttribute('data-import-status') ?? '', t: now });
			} else log.lastMutation = now;
			if (r.type === 'childList') {
				for (const n of r.addedNodes) {
					if (n instanceof Element && n.getAttribute('data-import-status'))
						log.status.push({ v: n.getAttribute('data-import-status') ?? '', t: now });
				}
			}
		}
		if (log.firstChart === null && document.querySelector('figure[data-chart] svg')) log.firstChart = now;
	}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
	for (const type of ['change', 'click'])
		addEventListener(type, (e) => log.input.push({ type, t: e.timeStamp }), true);
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) log.longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		/* no long-task timing in this browser */
	}
}

export async function withProbes(page: Page): Promise<void> {
	// tsx compiles with esbuild's keepNames, which wraps named functions in `__name(…)`; functions
	// sent to the page (init scripts, waitForFunction) need that helper there too.
	await page.addInitScript('globalThis.__name ??= (target) => target;');
	await page.addInitScript(probes);
}

export function readLog(page: Page): Promise<ProbeLog> {
	return page.evaluate(() => (window as unknown as { __bench: ProbeLog }).__bench);
}

export async function cdpFor(page: Page): Promise<CDPSession> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	return cdp;
}

/** The main thread's used JS heap in bytes, optionally after a full garbage collection. */
export async function jsHeap(cdp: CDPSession, collect = false): Promise<number> {
	if (collect) await cdp.send('HeapProfiler.collectGarbage');
	const { metrics } = await cdp.send('Performance.getMetrics');
	return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

function stat(pid: number): { ppid: number; rssKb: number; renderer: boolean } | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
		const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		const renderer = cmd.includes('--type=renderer') && !cmd.includes('--top-chrome-webui');
		return { ppid, rssKb, renderer };
	} catch {
		return null;
	}
}

/**
 * Resident memory (bytes) of the largest renderer process of the browser this process launched —
 * with one page open, the page's: its main thread, its workers and DuckDB's wasm memory. Linux
 * only; null elsewhere.
 */
export function rendererRss(): number | null {
	let pids: number[];
	try {
		pids = readdirSync('/proc')
			.filter((d) => /^\d+$/.test(d))
			.map(Number);
	} catch {
		return null;
	}
	const info = new Map<number, NonNullable<ReturnType<typeof stat>>>();
	for (const pid of pids) {
		const s = stat(pid);
		if (s) info.set(pid, s);
	}
	const ours = new Set<number>([process.pid]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, s] of info)
			if (!ours.has(pid) && ours.has(s.ppid)) {
				ours.add(pid);
				grew = true;
			}
	}
	let kb = 0;
	for (const pid of ours) {
		const s = info.get(pid);
		if (s?.renderer) kb = Math.max(kb, s.rssKb);
	}
	return kb > 0 ? kb * 1024 : null;
}

/** Samples heap and renderer memory every `ms` until stopped; returns the peaks seen. */
export function sampleMemory(cdp: CDPSession, ms = 500) {
	let peakHeap = 0;
	let peakRss = 0;
	let busy = false;
	const timer = setInterval(() => {
		peakRss = Math.max(peakRss, rendererRss() ?? 0);
		if (busy) return; // the main thread is busy: the previous sample has not come back yet
		busy = true;
		jsHeap(cdp)
			.then((h) => (peakHeap = Math.max(peakHeap, h)))
			.catch(() => undefined)
			.finally(() => (busy = false));
	}, ms);
	return {
		stop(): { peakHeap: number; peakRss: number } {
			clearInterval(timer);
			peakRss = Math.max(peakRss, rendererRss() ?? 0);
			return { peakHeap, peakRss };
		}
	};
}

export const mb = (bytes: number | null | undefined) =>
	bytes === null || bytes === undefined || !Number.isFinite(bytes) ? null : Math.round(bytes / 1048576);

/** A new context and page with the probes and the HTTP cache disabled: a first visit. */
/**
 * When DuckDB had started and loaded the data (end of the app's `kov:load-defaults` measure, on the
 * page's clock): on a repeat visit the page is ready before that, from the last visit's results.
 */
export async function engineUpAt(page: Page, timeout: number): Promise<number> {
	const handle = await page.waitForFunction(
		() => {
			const m = performance.getEntriesByName('kov:load-defaults')[0];
			return m ? m.startTime + m.duration : null;
		},
		undefined,
		{ timeout }
	);
	return (await handle.jsonValue()) as number;
}

export async function coldPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await withProbes(page);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	return { context, page };
}
