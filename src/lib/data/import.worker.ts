/// <reference lib="webworker" />
import { analyseLarge } from '$lib/import';
import type { AnalyseRequest, WorkerMessage } from './importClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

self.onmessage = (ev: MessageEvent<AnalyseRequest>) => {
	const { bytes, options, ctx, lang } = ev.data;
	try {
		const { analysis, text } = analyseLarge(
			bytes,
			{ ...options, lang },
			{ activityIds: new Set(ctx.activityIds), municipalities: ctx.municipalities },
			(fraction: number) => post({ type: 'progress', fraction })
		);
		// The bulk path: DuckDB reads the whole file as UTF-8 (it has no Windows-1257 reader).
		const utf8 = text === null ? undefined : new TextEncoder().encode(text);
		post({ type: 'done', analysis, utf8 }, utf8 ? [utf8.buffer] : []);
	} catch (e) {
		post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
	}
};
