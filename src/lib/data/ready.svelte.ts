import { tick } from 'svelte';

/**
 * `<html data-ready>` (ui-contract): "true" once the data are loaded and the page has rendered,
 * "false" while a change is loading. Views wrap their loads in `track()`.
 */
let pending = 0;
let baseReady = false;

function write(value: boolean) {
	if (typeof document !== 'undefined') document.documentElement.dataset.ready = value ? 'true' : 'false';
}

async function settle() {
	await tick();
	// Charts mount in effects after the data arrive; give them one frame.
	await new Promise((r) => requestAnimationFrame(() => r(null)));
	if (pending === 0 && baseReady) write(true);
}

export function setBaseReady(value: boolean): void {
	baseReady = value;
	if (!value) write(false);
	else void settle();
}

export function track<T>(promise: Promise<T>): Promise<T> {
	pending++;
	write(false);
	const done = () => {
		pending--;
		void settle();
	};
	promise.then(done, done);
	return promise;
}

/** The data changed: "false" at once, until the views that re-query have rendered again. */
export function changing(): void {
	write(false);
	void settle();
}

/**
 * One view's load, of which only the latest answer is shown. An earlier load may answer later:
 * one that waits for DuckDB is overtaken by the next, answered from the start results or the last
 * visit's results, and must not then replace it (a header year that settles after the manifest
 * has answered, an indicator changed while DuckDB starts). Tracked for `<html data-ready>` as
 * `track` is.
 */
export function latestLoad(): <T>(work: Promise<T>, show: (value: T) => void, fail?: (e: unknown) => void) => void {
	let current = 0;
	return (work, show, fail) => {
		const id = ++current;
		track(work).then(
			(value) => {
				if (id === current) show(value);
			},
			(e) => {
				if (id === current) fail?.(e);
			}
		);
	};
}
