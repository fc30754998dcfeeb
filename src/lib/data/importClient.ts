/**
 * The import page's side of the import Worker: the file (a Blob: the page never reads it) goes to
 * the worker, which reads it and runs the
 * import core (src/lib/import) off the main thread and reports progress, then the analysis.
 */
import type { DatasetName, Municipality } from '$lib/types';
import type { Lang } from '$lib/i18n/catalogue';
import type { Analysis, AnalyseOptions, Encoding } from '$lib/import';
import { now, record } from '$lib/perf';

export interface AnalyseRequest {
	file: Blob;
	fileName: string;
	options: AnalyseOptions;
	ctx: { activityIds: string[]; municipalities: Municipality[] };
	lang: Lang;
}

/** The rejected rows of an analysed file, as a file to fix and import again. */
export interface ErrorsRequest {
	file: Blob;
	errors: Pick<Analysis, 'delimiter' | 'headerRow' | 'errors' | 'encoding' | 'sheet'>;
	lang: Lang;
}

export type WorkerMessage =
	| { type: 'progress'; fraction: number; rows?: number }
	| { type: 'errors'; bytes: Uint8Array; encoding: Encoding; delimiter: string; rows: number }
	| { type: 'done'; analysis: Analysis; utf8?: Uint8Array; blob?: Blob; timings?: Record<string, number> }
	| { type: 'error'; message: string };

/** The analysis; for the bulk path also the file as UTF-8 (for DuckDB) and as a Blob (to store). */
export interface AnalyseResult {
	analysis: Analysis;
	utf8?: Uint8Array;
	blob?: Blob;
}

const spawn = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
/** A worker started before a file is chosen: its script is loaded and compiled by then. */
let standby: Worker | null = null;

/** Start the next import's worker now (on opening `/import`, and after each import). */
export function prepareImportWorker(): void {
	if (typeof Worker !== 'undefined') standby ??= spawn();
}

/** Leaving `/import`: the waiting worker is not kept alive (a module worker holds a few MB). */
export function releaseImportWorker(): void {
	standby?.terminate();
	standby = null;
}

export function analyseInWorker(
	request: AnalyseRequest,
	onProgress: (fraction: number, rows?: number) => void
): { result: Promise<AnalyseResult>; cancel: () => void } {
	const started = now();
	const worker = standby ?? spawn();
	standby = null;
	const result = new Promise<AnalyseResult>((resolve, reject) => {
		worker.onmessage = (ev: MessageEvent<WorkerMessage>) => {
			const m = ev.data;
			if (m.type === 'progress') onProgress(m.fraction, m.rows);
			else {
				worker.terminate();
				if (m.type === 'errors') reject(new Error('unexpected message'));
				else if (m.type === 'done') {
					// The worker's phases, laid end to end before now on this thread's timeline.
					let end = now();
					for (const [name, ms] of Object.entries(m.timings ?? {}).reverse()) {
						record(`worker:${name}`, end - ms, end);
						end -= ms;
					}
					record('worker:total', started, now());
					resolve({ analysis: m.analysis, utf8: m.utf8, blob: m.blob });
				}
				else reject(new Error(m.message));
			}
		};
		worker.onerror = (e) => {
			worker.terminate();
			reject(new Error(e.message || 'import worker failed'));
		};
	});
	worker.postMessage(request);
	return { result, cancel: () => worker.terminate() };
}

/** The rejected-rows file, made in the Worker (it reads the file again; a workbook's reader is there). */
export function rejectedRowsInWorker(
	request: ErrorsRequest
): Promise<{ bytes: Uint8Array; encoding: Encoding; delimiter: string; rows: number }> {
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	return new Promise((resolve, reject) => {
		worker.onmessage = (ev: MessageEvent<WorkerMessage>) => {
			const m = ev.data;
			if (m.type === 'progress') return;
			worker.terminate();
			if (m.type === 'errors') resolve(m);
			else reject(new Error(m.type === 'error' ? m.message : 'unexpected message'));
		};
		worker.onerror = (e) => {
			worker.terminate();
			reject(new Error(e.message || 'import worker failed'));
		};
		worker.postMessage(request);
	});
}

export type { DatasetName };
