/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

/**
 * Repeat visits and offline use (issue #20), with SvelteKit's own service-worker mechanism:
 * - the app shell — hashed JS/CSS, DuckDB's wasm and worker, the static files, the prerendered pages —
 *   is cached at install under this build's version and served from the cache (a new build is a new
 *   cache; the old one is deleted when the new worker takes over);
 * - pages and the published `data/manifest.json` are asked of the network first; only when the
 *   network does not answer is the last copy served, and the manifest copy then carries the header
 *   `x-kov-cached-at` so the page says it shows an offline copy (never a stale manifest as current);
 * - published dataset files are addressed by their hash (`?v=<sha>`), so a cached one is never stale;
 *   those no longer named by the newest manifest are dropped.
 * Nothing here talks to another origin: requests elsewhere are not touched (the CSP forbids them anyway).
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `kov-shell-${version}`;
const DATA = 'kov-published-data';
const PAGES = 'kov-pages';
const MANIFEST = `${base}/data/manifest.json`;
/** The page a static host answers for any other path (adapter-static `fallback`). */
const FALLBACK = `${base}/200.html`;

const SHELL_FILES = [...build, ...files];
const shellPaths = new Set(SHELL_FILES);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(SHELL);
			await cache.addAll(SHELL_FILES);
			// Pages are refreshed on every online visit; a missing one must not stop the install.
			const pages = await caches.open(PAGES);
			await Promise.all([...prerendered, FALLBACK].map((p) => pages.add(p).catch(() => undefined)));
			// The visit that installs the worker was not served by it: take the published folder now, so
			// that the next visit opens offline with it (or, with nothing published, with the sample).
			await precacheData().catch(() => undefined);
		})()
	);
});

async function precacheData(): Promise<void> {
	const response = await fetch(MANIFEST, { cache: 'no-cache' });
	if (response.status >= 500 || response.type !== 'basic') return;
	const data = await caches.open(DATA);
	await data.put(MANIFEST, await marked(response.clone()));
	if (!response.ok) return;
	type File = { file?: string; sha256?: string };
	const manifest = (await response.json()) as { datasets?: Record<string, File & { duckdb?: File }> };
	for (const dataset of Object.values(manifest.datasets ?? {})) {
		// The file the page reads: a dataset's database file where it has one, else its CSV.
		const d = dataset.duckdb ?? dataset;
		if (!d.file || !d.sha256) continue;
		await data.add(`${base}/data/${d.file}?v=${d.sha256.slice(0, 16)}`).catch(() => undefined);
	}
}

/** A copy of a response with the time it was cached (`x-kov-cached-at`). */
async function marked(response: Response): Promise<Response> {
	const headers = new Headers(response.headers);
	headers.set('x-kov-cached-at', new Date().toISOString());
	return new Response(await response.blob(), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key.startsWith('kov-shell-') && key !== SHELL) await caches.delete(key);
			// The open pages use the new worker at once (their later requests, e.g. a refreshed manifest).
			await sw.clients.claim();
		})()
	);
});

/** Network first; on a network failure the cached copy (if any), marked for the manifest. */
async function networkFirst(request: Request, cacheName: string, mark: boolean): Promise<Response> {
	const cache = await caches.open(cacheName);
	try {
		const response = await fetch(request);
		if (response.status < 500 && response.type === 'basic') {
			await cache.put(request, await marked(response.clone()));
			if (mark && response.ok) void pruneData(response.clone());
		}
		return response;
	} catch (offline) {
		const cached = await cache.match(request, { ignoreSearch: !mark });
		if (cached) return mark ? cached : stripMark(cached);
		if (request.mode === 'navigate') {
			const shell = await cache.match(FALLBACK);
			if (shell) return stripMark(shell);
		}
		throw offline;
	}
}

/** Only the manifest's copy says when it was cached; a page is served as it was. */
function stripMark(response: Response): Response {
	const headers = new Headers(response.headers);
	headers.delete('x-kov-cached-at');
	return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Dataset files the newest manifest no longer names are dropped from the cache. */
async function pruneData(manifestResponse: Response): Promise<void> {
	try {
		const manifest = (await manifestResponse.json()) as { datasets?: Record<string, { sha256?: string }> };
		const keep = new Set(
			Object.values(manifest.datasets ?? {}).map((d) => String(d.sha256 ?? '').slice(0, 16))
		);
		const cache = await caches.open(DATA);
		for (const request of await cache.keys()) {
			const url = new URL(request.url);
			if (url.pathname === MANIFEST) continue;
			const v = url.searchParams.get('v');
			if (!v || !keep.has(v)) await cache.delete(request);
		}
	} catch {
		// A manifest that is not JSON is the page's to report; the cache stays as it is.
	}
}

/** Cache first (content-addressed files): the network only for what is not cached yet. */
async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
	const cache = await caches.open(cacheName);
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
	return response;
}

/**
 * A hashed asset or static file from this build's cache. engine-worker.js is asked with a query
 * (`?duckdb=<DuckDB's worker>`): the cached file is the same, but a worker takes its own URL from the
 * response, so the copy is given without one and the worker keeps the URL with its query.
 */
async function shellFile(request: Request, url: URL): Promise<Response> {
	const cached = await (await caches.open(SHELL)).match(url.pathname);
	if (!cached) return fetch(request);
	if (!url.search) return cached;
	return new Response(cached.body, {
		status: cached.status,
		statusText: cached.statusText,
		headers: cached.headers
	});
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// The engine asks for the wasm's type with HEAD before it starts (src/lib/db/engine.ts).
	if (request.method === 'HEAD' && shellPaths.has(url.pathname)) {
		event.respondWith(
			shellFile(request, url).then(
				(r) => new Response(null, { status: r.status, statusText: r.statusText, headers: r.headers })
			)
		);
		return;
	}
	if (request.method !== 'GET') return;

	if (shellPaths.has(url.pathname)) {
		event.respondWith(shellFile(request, url));
		return;
	}
	if (url.pathname === MANIFEST) {
		event.respondWith(networkFirst(request, DATA, true));
		return;
	}
	if (url.pathname.startsWith(`${base}/data/`) && url.searchParams.has('v')) {
		event.respondWith(cacheFirst(request, DATA));
		return;
	}
	if (request.mode === 'navigate' || request.headers.get('accept')?.includes('text/html')) {
		event.respondWith(networkFirst(request, PAGES, false));
	}
});
