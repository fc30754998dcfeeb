import { describe, it, expect, vi } from 'vitest';
import { EngineError, engineNotes, isWasmMime, startWatch, wasmSource, within } from '$lib/db/engine';

const reply = (status: number, type: string | null, body = new Uint8Array([0, 97, 115, 109])) =>
	new Response(status === 200 ? body : 'x', { status, headers: type ? { 'content-type': type } : {} });

describe('the wasm file as the server sends it', () => {
	it('application/wasm (any case, with parameters) streams from its own URL', async () => {
		expect(isWasmMime('application/wasm')).toBe(true);
		expect(isWasmMime('Application/WASM; charset=binary')).toBe(true);
		expect(isWasmMime('application/octet-stream')).toBe(false);
		expect(isWasmMime(null)).toBe(false);
		const calls: string[] = [];
		const url = await wasmSource('/x.wasm', (async (u: string, init?: RequestInit) => {
			calls.push(init?.method ?? 'GET');
			return reply(200, 'application/wasm');
		}) as typeof fetch);
		expect(url).toBe('/x.wasm');
		expect(calls).toEqual(['HEAD']);
	});
	it('another type: downloaded whole and handed over as a Blob of the right type, noted for the administrator', async () => {
		const url = await wasmSource('/y.wasm', (async () =>
			reply(200, 'application/octet-stream')) as typeof fetch);
		expect(url).toMatch(/^blob:/);
		const blob = await (await fetch(url)).blob();
		expect(blob.type).toBe('application/wasm');
		expect(engineNotes).toEqual({ wasmMime: 'application/octet-stream', wasmUrl: '/y.wasm' });
	});
	it('a missing file is an EngineError with its URL, HTTP status and type', async () => {
		const failing = wasmSource('/z.wasm', (async () => reply(404, 'text/html')) as typeof fetch);
		await expect(failing).rejects.toBeInstanceOf(EngineError);
		await expect(failing).rejects.toMatchObject({
			what: 'wasm',
			url: '/z.wasm',
			status: 404,
			mime: 'text/html'
		});
	});
	it('a server that refuses HEAD: the file is tried as it is', async () => {
		expect(await wasmSource('/h.wasm', (async () => reply(405, null)) as typeof fetch)).toBe('/h.wasm');
	});
	it('within(): a start that hangs is reported', async () => {
		await expect(within(new Promise(() => undefined), 20, () => new Error('hung'))).rejects.toThrow('hung');
		expect(await within(Promise.resolve(5), 20, () => new Error('no'))).toBe(5);
	});
});

describe('startWatch: a start that will never finish is reported', () => {
	it('no progress and no start for the idle time → a timeout naming the file', async () => {
		vi.useFakeTimers();
		let now = 0;
		const w = startWatch('/e.wasm', 7000, () => now);
		let failed = false;
		w.failed.catch(() => (failed = true));
		now = 6900;
		vi.advanceTimersByTime(300);
		await Promise.resolve();
		expect(failed).toBe(false);
		now = 7300;
		vi.advanceTimersByTime(300);
		await expect(w.failed).rejects.toMatchObject({ what: 'timeout', url: '/e.wasm', detail: '7 s' });
		w.stop();
		vi.useRealTimers();
	});
	it('a slow download that keeps reporting progress is not a failure', async () => {
		vi.useFakeTimers();
		let now = 0;
		const w = startWatch('/s.wasm', 7000, () => now);
		let failed = false;
		w.failed.catch(() => (failed = true));
		for (let t = 0; t < 60_000; t += 1000) {
			now = t;
			w.progress();
			vi.advanceTimersByTime(1000);
		}
		await Promise.resolve();
		expect(failed).toBe(false);
		w.stop();
		vi.useRealTimers();
	});
});

describe('the engine worker’s URL', () => {
	it('carries the wasm and DuckDB’s worker script, and does not end in .wasm', async () => {
		const { engineWorkerUrl } = await import('$lib/db/engineWorker');
		const wasm = '/kov/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm';
		const worker = '/kov/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js';
		const url = new URL(engineWorkerUrl('/kov', worker, wasm), 'https://example.ee');
		expect(url.pathname).toBe('/kov/engine-worker.js');
		expect(url.searchParams.get('wasm')).toBe(wasm);
		expect(url.searchParams.get('duckdb')).toBe(worker);
		// A server rule or a route for `*.wasm` must not match the worker itself.
		expect(url.href).not.toMatch(/\.wasm(\?|$)/);
	});
});
