/// <reference lib="webworker" />
import { analyseAny, analyseLarge, bulkBytes, fileText, rejectedRowsFile } from '$lib/import';
import { workerWarmupFile } from '$lib/import/workerWarmup';
import type { AnalyseRequest, ErrorsRequest, WorkerMessage } from './importClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

/**
 * A worker is started before the analyst chooses a file (importClient.ts). It analyses a generated
 * large service-level file once, thrown away, so that the analyst's file runs on compiled code:
 * a large file's scans and the head's detection, mapping and row checks ran at half speed the
 * first time in a worker (issue #20; measured in Node: 55 ms the first time, 34 then 20–25).
 * A file posted meanwhile waits for it (the analyst takes longer to choose one).
 */
function warm(): void {
	try {
		const { bytes, municipalities } = workerWarmupFile();
		analyseLarge(bytes, {}, { activityIds: new Set(), municipalities });
	} catch {
		// Warming only: a failure here changes nothing.
	}
}
setTimeout(warm, 0);

self.onmessage = async (ev: MessageEvent<AnalyseRequest | ErrorsRequest>) => {
	const started = performance.now();
	try {
		if ('errors' in ev.data) {
			// The rejected rows as they were in the file (issue #18 "Fix and resubmit"): read again here.
			const { file, errors, lang } = ev.data;
			const bytes = new Uint8Array(await file.arrayBuffer());
			const text = await fileText(bytes, errors.sheet);
			const out = rejectedRowsFile(text, errors, lang);
			post({ type: 'errors', ...out }, [out.bytes.buffer]);
			return;
		}
		const { file, options, ctx, lang } = ev.data;
		// Read here, off the page's thread: a large export is 100 MB.
		const bytes = new Uint8Array(await file.arrayBuffer());
		const read = performance.now();
		const { analysis, text, utf8: asIs } = await analyseAny(
			bytes,
			{ ...options, lang },
			{ activityIds: new Set(ctx.activityIds), municipalities: ctx.municipalities },
			(fraction: number) => post({ type: 'progress', fraction })
		);
		// The bulk path: DuckDB reads the whole file as UTF-8 (it has no Windows-1257 reader). A
		// UTF-8 file goes as it is (a BOM sits in the skipped header line); others are re-encoded.
		const encoded = performance.now();
		const utf8 = asIs ?? (text === null ? undefined : bulkBytes(bytes, analysis.encoding, text));
		// What IndexedDB keeps for the replay at start-up: the file itself when DuckDB reads it as it
		// is, else a Blob of the UTF-8 bytes, made here, off the page's thread.
		const blob = !utf8 ? undefined : utf8 === bytes ? file : new Blob([utf8 as Uint8Array<ArrayBuffer>]);
		const timings = { read: read - started, analyse: encoded - read, encode: performance.now() - encoded };
		post({ type: 'done', analysis, utf8, blob, timings }, utf8 ? [utf8.buffer] : []);
	} catch (e) {
		post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
	}
};
