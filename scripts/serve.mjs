// Serves the static build (build/) on localhost with the SPA fallback (200.html) and correct MIME
// types for .wasm. Used by the e2e tests and the benchmark; `npm run preview` does the same for people.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve as resolvePath } from 'node:path';

const root = resolvePath(process.argv[2] ?? 'build');
const port = Number(process.env.PORT ?? process.argv[3] ?? 4173);
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.parquet': 'application/octet-stream',
	// A published dataset file: served as the gzip file it is, never with Content-Encoding.
	'.gz': 'application/gzip'
};

async function resolve(pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	for (const candidate of [clean, `${clean}.html`, join(clean, 'index.html')]) {
		const file = join(root, candidate);
		if (!file.startsWith(root)) continue;
		try {
			if ((await stat(file)).isFile()) return file;
		} catch {
			/* try the next candidate */
		}
	}
	// A missing file (data/manifest.json, a script) is a 404, as on any static host; only page paths
	// fall back to the app (`/activities/2.5.1` is a page, not a file).
	return TYPES[extname(clean)] ? null : join(root, '200.html');
}

/** Caching as the README advises: the manifest revalidates, everything here is no-store in tests. */
function cacheControl(pathname) {
	return pathname.endsWith('/manifest.json') ? 'no-cache' : 'no-store';
}

createServer(async (req, res) => {
	try {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const file = await resolve(url.pathname);
		if (file === null) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
			res.end('not found');
			return;
		}
		const body = await readFile(file);
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': cacheControl(url.pathname)
		});
		res.end(body);
	} catch (e) {
		res.writeHead(500, { 'content-type': 'text/plain' });
		res.end(String(e));
	}
}).listen(port, '127.0.0.1', () => console.log(`kov-seire: http://localhost:${port}/ (serving ${root})`));
