/**
 * "The page has caught up with an input": the time from the input event (its own `timeStamp`) to
 * the last `<html data-ready="true">` once the page has gone through `false` and stayed `true`
 * for `quietMs` (several loads may run one after another). An input that loads nothing never
 * sets `false`; then the time is that of the last DOM change within `idleMs` of the URL change
 * (every filter here is in the URL, so a change that has not reached the URL is still pending).
 */
import type { Page } from 'playwright-core';
import type { ProbeLog } from './browser';

export interface Mark {
	href: string;
	input: number;
	ready: number;
	status: number;
	urls: number;
}

export interface Settled {
	ms: number;
	/** Whether the page went through data-ready="false" (a data load) or only re-rendered. */
	cycled: boolean;
	/** Input event time on the page's clock. */
	at: number;
	/** Settle time on the page's clock. */
	end: number;
}

export function mark(page: Page): Promise<Mark> {
	return page.evaluate(() => {
		const b = (window as unknown as { __bench: ProbeLog }).__bench;
		return {
			href: location.href,
			input: b.input.length,
			ready: b.ready.length,
			status: b.status.length,
			urls: b.urls.length
		};
	});
}

export async function settled(
	page: Page,
	since: Mark,
	inputType: 'change' | 'click',
	{ quietMs = 300, idleMs = 1000, timeout = 300_000 } = {}
): Promise<Settled> {
	const handle = await page.waitForFunction(
		({ since, inputType, quietMs, idleMs }) => {
			const b = (window as unknown as { __bench: ProbeLog }).__bench;
			const input = b.input.slice(since.input).find((e) => e.type === inputType);
			if (!input) return false;
			if (document.documentElement.dataset.ready !== 'true') return false;
			const now = performance.now();
			const changes = b.ready.slice(since.ready).filter((e) => e.t >= input.t - 1);
			if (changes.some((e) => e.v === 'false')) {
				const last = changes[changes.length - 1];
				if (now - last.t < quietMs) return false;
				return { ms: last.t - input.t, cycled: true, at: input.t, end: last.t };
			}
			if (location.href === since.href) return false;
			const urlAt = b.urls.slice(since.urls).find((u) => u.href !== since.href)?.t ?? input.t;
			if (now - urlAt < idleMs) return false;
			const end = Math.max(input.t, b.lastMutation);
			return { ms: end - input.t, cycled: false, at: input.t, end };
		},
		{ since, inputType, quietMs, idleMs },
		{ timeout, polling: 100 }
	);
	return (await handle.jsonValue()) as Settled;
}
