/**
 * "Download for publishing" (publishing.md): the current data — published plus this browser's
 * imports, never the sample — as one zip of exactly the published folder, the `.csv.gz` files
 * written by DuckDB-wasm's COPY, zipped by fflate (loaded only when asked for).
 */
import type { DatasetName } from '$lib/types';
import { makeBundle } from '$lib/publish/bundle';
import type { ManifestSource } from '$lib/publish/manifest';
import { download } from '$lib/export/download';
import { ensureData } from './store.svelte';
import { imports } from './imports.svelte';
import { published, sha256 } from './published.svelte';
import pkg from '../../../package.json';

/** Where each dataset's rows came from: the published manifest's sources, then the local imports. */
function sources(): Partial<Record<DatasetName, ManifestSource[]>> {
	const out: Partial<Record<DatasetName, ManifestSource[]>> = {};
	for (const [d, entry] of Object.entries(published.manifest?.datasets ?? {}))
		out[d as DatasetName] = [...entry.sources];
	for (const m of imports.history)
		(out[m.dataset] ??= []).push({
			name: m.file,
			sha256: null,
			rows_added: m.rowsAdded,
			rows_replaced: m.rowsReplaced,
			at: m.at,
			...(m.corrections?.length
				? {
						corrections: m.corrections.map(({ field, from, to, rows, label }) => ({
							field,
							from,
							to,
							rows,
							...(label ? { label } : {})
						}))
					}
				: {})
		});
	return out;
}

export async function downloadForPublishing(now = new Date()): Promise<{ file: string; datasets: DatasetName[] }> {
	const conn = await ensureData();
	const bundle = await makeBundle(
		conn,
		{ copyOut: (name, sql) => conn.copyToBuffer(name, sql(name)), sha256 },
		{ generatedAt: now.toISOString(), generatedBy: `kov-seire ${pkg.version} (page)`, sources: sources() }
	);
	const { zipSync } = await import('fflate');
	// The .csv.gz files are compressed already: stored as they are; the manifest is deflated.
	const entries = Object.fromEntries(
		Object.entries(bundle.files).map(([name, bytes]) => [
			name,
			[bytes, { level: name.endsWith('.gz') ? 0 : 6 }] as [Uint8Array, { level: 0 | 6 }]
		])
	);
	const zip = zipSync(entries, { mtime: now });
	const file = `kov-seire-data-${now.toISOString().slice(0, 10)}.zip`;
	download(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), file);
	return { file, datasets: Object.keys(bundle.manifest.datasets) as DatasetName[] };
}
