/**
 * How DuckDB-wasm's files are fetched, and what a failure to start is called (issue "When the
 * database engine cannot start"). Kept apart from duckdb.ts so it is tested without a browser.
 */

/** Why the engine did not start: what failed, and what a web administrator can check. */
export class EngineError extends Error {
	constructor(
		readonly what: 'webassembly' | 'wasm' | 'worker' | 'start' | 'timeout',
		readonly url: string,
		readonly status: number | null = null,
		readonly mime: string | null = null,
		readonly detail = ''
	) {
		super(
			`DuckDB ${what}: ${url}${status !== null ? ` HTTP ${status}` : ''}${mime ? ` (${mime})` : ''}${detail ? ` — ${detail}` : ''}`
		);
		this.name = 'EngineError';
	}
}

/** What the start-up learnt about the server, for the administrator's note on /data-quality. */
export const engineNotes: { wasmMime: string | null; wasmUrl: string | null } = {
	wasmMime: null,
	wasmUrl: null
};

/** Is this the type browsers require for streaming compilation? */
export function isWasmMime(contentType: string | null): boolean {
	return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/wasm';
}

/**
 * The URL DuckDB's worker instantiates the wasm from. Served as `application/wasm` → the file's own
 * URL (streaming compilation). Served with another type (IIS without a MIME map, an object store
 * without a content type) → the browser refuses to compile the response, and DuckDB-wasm has no
 * fallback: the bytes are downloaded here and handed over as a Blob of the right type.
 */
export async function wasmSource(url: string, fetchFn: typeof fetch = fetch): Promise<string> {
	let head: Response;
	try {
		head = await fetchFn(url, { method: 'HEAD' });
	} catch (e) {
		throw new EngineError('wasm', url, null, null, e instanceof Error ? e.message : String(e));
	}
	// A server that does not answer HEAD: try the file as it is.
	if (head.status === 405 || head.status === 501) return url;
	const mime = head.headers.get('content-type');
	if (!head.ok) throw new EngineError('wasm', url, head.status, mime);
	if (isWasmMime(mime)) return url;
	const res = await fetchFn(url);
	if (!res.ok) throw new EngineError('wasm', url, res.status, mime);
	const bytes = await res.arrayBuffer();
	engineNotes.wasmMime = mime ?? '';
	engineNotes.wasmUrl = url;
	return URL.createObjectURL(new Blob([bytes], { type: 'application/wasm' }));
}

/** Reject when `work` has not settled after `ms` (a start that hangs must still say so). */
export function within<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(onTimeout()), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Watches DuckDB's instantiation: rejects when `idleMs` pass with no download progress and no start
 * (a hang the wrapper worker, static/engine-worker.js, could not see). DuckDB reports progress only
 * between chunks that arrive 20 ms or more apart, so a fast download may report nothing: the watch
 * counts from the start; a good file starts in 1–3 s on this project's 2-core machines.
 */
export function startWatch(
	url: string,
	idleMs = 20_000,
	clock: () => number = () => performance.now()
): {
	progress: () => void;
	failed: Promise<never>;
	stop: () => void;
} {
	let last = clock();
	let timer: ReturnType<typeof setInterval> | undefined;
	const failed = new Promise<never>((_, reject) => {
		timer = setInterval(() => {
			if (clock() - last > idleMs)
				reject(new EngineError('timeout', url, null, null, `${Math.round(idleMs / 1000)} s`));
		}, 250);
	});
	void failed.catch(() => undefined);
	return {
		progress: () => {
			last = clock();
		},
		failed,
		stop: () => clearInterval(timer)
	};
}
