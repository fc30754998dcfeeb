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
