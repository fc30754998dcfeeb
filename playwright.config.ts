import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

const PORT = Number(process.env.E2E_PORT ?? 5917);

export default defineConfig({
	testDir: 'tests/e2e',
	// Each page compiles DuckDB's 34 MB wasm: generous limits keep a loaded 2-core machine from flaking.
	timeout: 180_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	webServer: {
		command: `node scripts/serve.mjs build ${PORT}`,
		port: PORT,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	},
	use: {
		// The app's service worker (src/service-worker.ts) would answer later navigations from its cache,
		// past page.route() interception: blocked here, allowed in tests/e2e/offline.spec.ts.
		serviceWorkers: 'block',
		baseURL: `http://localhost:${PORT}`,
		browserName: 'chromium',
		locale: 'et-EE',
		timezoneId: 'Europe/Tallinn',
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }
	}
});
