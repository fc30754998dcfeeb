/**
 * Named phases on the User Timing timeline (`performance.measure('kov:…')`), so the benchmark and
 * the browser's performance panel can see where an import or a page load spends its time. Works in
 * the page, in workers and in Node (Vitest); a missing `performance` makes it a no-op.
 */
const perf: Performance | undefined = typeof performance === 'undefined' ? undefined : performance;

/** Run `fn` and record its duration as `kov:<name>`. */
export async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
	const start = perf?.now() ?? 0;
	try {
		return await fn();
	} finally {
		record(name, start, perf?.now() ?? 0);
	}
}

/** Record a phase measured elsewhere (e.g. in a worker), ending now on this thread's clock. */
export function record(name: string, start: number, end: number): void {
	try {
		perf?.measure(`kov:${name}`, { start, end });
	} catch {
		// An old engine without the options form: timing is optional.
	}
}

export function now(): number {
	return perf?.now() ?? 0;
}
