import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
