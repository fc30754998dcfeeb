import { describe, it, expect } from 'vitest';
import { preloadViews, type PreloadDeps } from '$lib/data/preloadViews';

/** Deps whose readiness and idle time the test hands out by hand. */
function fake(failing: string[] = []) {
	const log: string[] = [];
	let ready: (() => void) | null = null;
	const idles: (() => void)[] = [];
	let unwatched = false;
	const deps: PreloadDeps = {
		preload: async (path) => {
			log.push(path);
			if (failing.includes(path)) throw new Error('chunk failed to load');
		},
		whenReady: (then) => {
			ready = then;
			return () => (unwatched = true);
		},
		idle: (then) => idles.push(then)
	};
	const flush = () => new Promise((r) => setTimeout(r, 0));
	return {
		deps,
		log,
		idles,
		becomeReady: () => ready?.(),
		runIdle: async () => {
			idles.shift()?.();
			await flush();
		},
		unwatched: () => unwatched
	};
}

describe('preloadViews — the other views’ code, after the page is ready, in idle time', () => {
	it('waits for the page to be ready, then loads one view per idle period, in order', async () => {
		const f = fake();
		preloadViews(['/a', '/b', '/c'], f.deps);
		expect(f.idles).toHaveLength(0);
		f.becomeReady();
		expect(f.log).toEqual([]);
		await f.runIdle();
		expect(f.log).toEqual(['/a']);
		await f.runIdle();
		await f.runIdle();
		expect(f.log).toEqual(['/a', '/b', '/c']);
		expect(f.idles).toHaveLength(0);
	});

	it('a view whose code fails to load does not stop the others', async () => {
		const f = fake(['/a']);
		preloadViews(['/a', '/b'], f.deps);
		f.becomeReady();
		await f.runIdle();
		await f.runIdle();
		expect(f.log).toEqual(['/a', '/b']);
	});

	it('stopped (the layout unmounted): nothing more is loaded and the watch ends', async () => {
		const f = fake();
		const stop = preloadViews(['/a', '/b'], f.deps);
		f.becomeReady();
		await f.runIdle();
		stop();
		await f.runIdle();
		expect(f.log).toEqual(['/a']);
		expect(f.unwatched()).toBe(true);
	});
});
