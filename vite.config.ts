import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

/**
 * `npm run dev` serves the repository's `data/published/` (when present) at `/data/`, as the build
 * copies it into the site; a missing file there is a 404 (no manifest → the sample).
 */
function publishedData(): Plugin {
	return {
		name: 'kov-published-data',
		configureServer(server) {
			server.middlewares.use('/data', (req, res, next) => {
				const name = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(
					/^([/\\]|\.\.)+/,
					''
				);
				if (!/^[a-z_]+\.(json|csv\.gz)$/.test(name)) return next();
				const file = join('data/published', name);
				if (!existsSync(file)) {
					res.statusCode = 404;
					return res.end('not found');
				}
				res.setHeader('content-type', name.endsWith('.json') ? 'application/json' : 'application/gzip');
				res.setHeader('cache-control', 'no-cache');
				res.end(readFileSync(file));
			});
		}
	};
}

export default defineConfig({
	plugins: [publishedData(), sveltekit()],
	server: { fs: { allow: ['data'] } },
	worker: { format: 'es' },
	build: {
		target: 'es2022',
		minify: process.env.KOV_NO_MINIFY ? false : undefined,
		// Data files stay files: a data: URL would be blocked by the CSP's connect-src 'self'.
		assetsInlineLimit: 0,
		chunkSizeWarningLimit: 1500,
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// Property tests run 10 000 cases; a loaded 2-core machine needs more than the default 5 s.
		testTimeout: 60_000
	}
});
