/**
 * The published data folder as the page sees it (../shared/spec/publishing.md): `data/manifest.json`
 * fetched from the app's own base path at start, its dataset files downloaded and checked against
 * their SHA-256 while DuckDB-wasm starts. No manifest (404, or a static host's HTML fallback) → the
 * embedded sample; anything else that is wrong → an error naming the file, never the sample.
 */
import { base } from '$app/paths';
import summary from '$lib/generated/summary.json';
import { fetchPublished, type CheckedFile, type PublishedFiles } from '$lib/publish/load';
import {
	MANIFEST_FILE,
	PublishError,
	hex,
	parseManifest,
	type Manifest,
	type PublishProblemCode
} from '$lib/publish/manifest';
import type { DefaultSummary } from './summary';
import { hasStoredImports } from './summary';
import { view } from '$lib/state/view.svelte';

export interface PublishedState {
	/** unknown until the manifest request has answered. */
	status: 'unknown' | 'none' | 'ok' | 'error';
	manifest: Manifest | null;
	/**
	 * When the network did not answer and the service worker served its last copy of the manifest:
	 * when that copy was fetched (ISO). Null when the manifest came from the server now.
	 */
	offlineCopy: string | null;
	error: { file: string; url: string; code: PublishProblemCode; detail: string } | null;
}

export const published = $state<PublishedState>({
	status: 'unknown',
	manifest: null,
	offlineCopy: null,
	error: null
});

/** The folder's URL, relative to the app's base path (no other origin). */
export function dataUrl(file: string): string {
	return `${base}/data/${file}`;
}

/** SHA-256 in the browser: WebCrypto where the page is a secure context, else a small JS hash. */
export async function sha256(bytes: Uint8Array): Promise<string> {
	if (globalThis.crypto?.subtle) {
		return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
	}
	// Plain http on an intranet host is not a secure context: crypto.subtle is undefined there.
	const { sha256: js } = await import('@noble/hashes/sha2.js');
	return hex(js(bytes));
}

function httpFiles(register: PublishedFiles['register'], drop: PublishedFiles['drop']): PublishedFiles {
	return {
		async read(file, sha) {
			// The hash in the query: a replaced file is a new URL, so the files may be cached for long.
			const url = `${dataUrl(file)}?v=${sha.slice(0, 16)}`;
			let res: Response;
			try {
				res = await fetch(url);
			} catch (e) {
				throw new PublishError(file, 'http', e instanceof Error ? e.message : String(e));
			}
			const body = new Uint8Array(await res.arrayBuffer());
			if (!res.ok) throw new PublishError(file, 'http', `HTTP ${res.status}`);
			return body;
		},
		register,
		drop,
		sha256,
		databases: true
	};
}

function fail(e: unknown): never {
	const err = e instanceof PublishError ? e : new PublishError(MANIFEST_FILE, 'http', String(e));
	published.status = 'error';
	published.error = { file: err.file, url: dataUrl(err.file), code: err.code, detail: err.detail };
	throw err;
}

async function fetchManifest(): Promise<Manifest | null> {
	let res: Response;
	try {
		res = await fetch(dataUrl(MANIFEST_FILE), { cache: 'no-cache' });
	} catch (e) {
		fail(new PublishError(MANIFEST_FILE, 'http', e instanceof Error ? e.message : String(e)));
	}
	// The body is read in every case: an unread response stays open (and the page never goes idle).
	const text = await res.text().catch(() => '');
	if (res.status === 404) return none();
	if (!res.ok) fail(new PublishError(MANIFEST_FILE, 'http', `HTTP ${res.status}`));
	// A static host that answers every unknown path with the app's index.html has no manifest.
	if ((res.headers.get('content-type') ?? '').includes('text/html') || /^\s*<(!doctype|html)/i.test(text))
		return none();
	let manifest: Manifest;
	try {
		manifest = parseManifest(text);
	} catch (e) {
		fail(e);
	}
	published.manifest = manifest;
	published.offlineCopy = res.headers.get('x-kov-cached-at');
	published.status = 'ok';
	if (manifest.summary && !hasStoredImports()) {
		view.years = manifest.summary.years;
		view.defaultYear = manifest.summary.year;
	}
	return manifest;
}

function none(): null {
	published.status = 'none';
	return null;
}

let manifestRequest: Promise<Manifest | null> | null = null;

/** The manifest (null when nothing is published); one request per page load. */
export function loadManifest(): Promise<Manifest | null> {
	manifestRequest ??= fetchManifest();
	return manifestRequest;
}

/** Download and check the manifest's dataset files (SHA-256); a PublishError names a bad file. */
export async function downloadPublished(
	manifest: Manifest,
	register: PublishedFiles['register'],
	drop: PublishedFiles['drop']
): Promise<{ checked: CheckedFile[]; files: PublishedFiles }> {
	const files = httpFiles(register, drop);
	try {
		return { checked: await fetchPublished(manifest, files), files };
	} catch (e) {
		fail(e);
	}
}

/** Mark a failure while the checked files were read into DuckDB. */
export function publishFailed(e: unknown): never {
	fail(e);
}

/**
 * What the overview paints before DuckDB-wasm answers: the manifest's summary when data are
 * published, the build-time summary of the embedded sample when nothing is; nothing while the
 * manifest is unknown or broken, or when this browser holds local imports.
 */
export function firstPaintSummary(): DefaultSummary | null {
	if (hasStoredImports()) return null;
	if (published.status === 'ok') return published.manifest?.summary ?? null;
	if (published.status === 'none') return summary as unknown as DefaultSummary;
	return null;
}
