/// <reference lib="webworker" />
import { analyseFile } from '$lib/import';
import type { AnalyseRequest, WorkerMessage } from './importClient';

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (ev: MessageEvent<AnalyseRequest>) => {
	const { bytes, options, ctx, lang } = ev.data;
	try {
		const analysis = analyseFile(
			bytes,
			{ ...options, lang },
			{ activityIds: new Set(ctx.activityIds), municipalities: ctx.municipalities },
			(fraction: number) => post({ type: 'progress', fraction })
		);
		post({ type: 'done', analysis });
	} catch (e) {
		post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
	}
};
