import { describe, it, expect, beforeAll } from 'vitest';
import { latestLoad } from '$lib/data/ready.svelte';

beforeAll(() => {
	// `<html data-ready>` bookkeeping waits a frame; Node has none.
	globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0) as unknown as number;
});

function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('latestLoad — only the latest load of a view is shown', () => {
	it('an earlier load answering after a later one is not shown (DuckDB overtaken by the start results)', async () => {
		const load = latestLoad();
		const shown: string[] = [];
		const first = deferred<string>();
		const second = deferred<string>();
		load(first.promise, (v) => shown.push(v));
		load(second.promise, (v) => shown.push(v));
		second.resolve('2024 from the start results');
		await flush();
		first.resolve('2025 from DuckDB');
		await flush();
		expect(shown).toEqual(['2024 from the start results']);
	});

	it('loads in order: each is shown; an earlier failure after a newer answer is not reported', async () => {
		const load = latestLoad();
		const shown: string[] = [];
		const failed: unknown[] = [];
		load(Promise.resolve('a'), (v) => shown.push(v));
		await flush();
		load(Promise.resolve('b'), (v) => shown.push(v));
		await flush();
		const old = deferred<string>();
		load(old.promise, (v) => shown.push(v), (e) => failed.push(e));
		load(Promise.resolve('c'), (v) => shown.push(v), (e) => failed.push(e));
		await flush();
		old.reject(new Error('stale failure'));
		await flush();
		expect(shown).toEqual(['a', 'b', 'c']);
		expect(failed).toEqual([]);
	});

	it('the latest load’s failure is reported', async () => {
		const load = latestLoad();
		const failed: string[] = [];
		load(Promise.reject(new Error('Out of Memory Error')), () => undefined, (e) => failed.push(String(e)));
		await flush();
		expect(failed).toEqual(['Error: Out of Memory Error']);
	});

	it('two views keep their own latest (one guard per load)', async () => {
		const a = latestLoad();
		const b = latestLoad();
		const shown: string[] = [];
		const slow = deferred<string>();
		a(slow.promise, (v) => shown.push(v));
		b(Promise.resolve('b'), (v) => shown.push(v));
		await flush();
		slow.resolve('a');
		await flush();
		expect(shown).toEqual(['b', 'a']);
	});
});
