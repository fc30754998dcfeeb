/// <reference lib="webworker" />
import { analyseAny, bulkBytes, fileText, rejectedRowsFile } from '$lib/import';
import type { AnalyseRequest, ErrorsRequest, WorkerMessage } from './importClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

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
		const timings = { analyse: encoded - started, encode: performance.now() - encoded };
		post({ type: 'done', analysis, utf8, blob, timings }, utf8 ? [utf8.buffer] : []);
	} catch (e) {
		post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
	}
};
