/**
 * DuckDB's worker, started before DuckDB's client code is loaded: the worker begins downloading and
 * compiling the 34 MB wasm at once (static/engine-worker.js, `?wasm=`), while the page loads and
 * parses DuckDB-wasm's JavaScript (issue #20, cold start). duckdb.ts takes it over.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { base } from '$app/paths';
import { EngineError } from './engine';

export { ehWasm };

export interface EngineWorker {
	worker: Worker;
	/** Rejects when the worker script does not load or DuckDB's start fails inside it. */
	failed: Promise<never>;
}

let spawned: EngineWorker | null = null;

/**
 * The URL of the wrapper worker: the wasm to compile early and DuckDB's worker script. The script
 * goes last, so the URL does not end in `.wasm`: a server rule (or a test's route) for `*.wasm`
 * must not take the worker for the wasm.
 */
export function engineWorkerUrl(basePath: string, worker: string, wasm: string): string {
	return `${basePath}/engine-worker.js?${new URLSearchParams({ wasm, duckdb: worker })}`;
}

/**
 * Creates the worker once per page load (DuckDB is started once: a failed start is not retried);
 * listens for its failures from the first moment, so none is missed.
 */
export function spawnEngineWorker(): EngineWorker {
	if (spawned) return spawned;
	performance.mark('kov:engine:spawn');
	const worker = new Worker(engineWorkerUrl(base, ehWorker, ehWasm));
	// A missing worker script, or one that throws at start, is reported by the wrapper (or is an
	// error event on the Worker); so is the wasm the browser refuses to compile.
	const failed = new Promise<never>((_, reject) => {
		worker.addEventListener('error', (e) => {
			e.preventDefault();
			// With no message, the wrapper itself did not load (DuckDB's script not loading is reported by
			// the wrapper below): the administrator is pointed at the file that is missing.
			const url = e.message ? ehWorker : new URL(`${base}/engine-worker.js`, location.href).href;
			reject(new EngineError('worker', url, null, null, e.message));
		});
		worker.addEventListener('message', (e: MessageEvent) => {
			const failure = (e.data?.data as { kovEngineError?: { what: 'worker' | 'start'; message: string } })
				?.kovEngineError;
			if (failure)
				reject(
					new EngineError(
						failure.what,
						failure.what === 'worker' ? ehWorker : ehWasm,
						null,
						null,
						failure.message
					)
				);
		});
	});
	void failed.catch(() => undefined);
	spawned = { worker, failed };
	return spawned;
}
