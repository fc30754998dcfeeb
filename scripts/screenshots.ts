/**
 * Screenshots of the running app for people to look at (and for the README):
 *   npx tsx scripts/screenshots.ts [baseURL] [outDir] [path…]
 * Every page at 1366×768 and 390×844, light and dark, Estonian and English, unless paths are given
 * with `--quick` (desktop, light, both languages).
 */
import { launchChromium } from './chromium';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const [base = 'http://localhost:4173', outDir = 'docs/screenshots', ...rest] = args.filter(
	(a) => a !== '--quick'
);
const paths = rest.length
	? rest
	: [
			'/',
			'/activities',
			'/activities/2.5.2',
			'/trainings',
			'/municipalities',
			'/import',
			'/data-quality',
			'/report'
		];
const viewports = quick
	? [{ name: 'desktop', width: 1366, height: 768 }]
	: [
			{ name: 'desktop', width: 1366, height: 768 },
			{ name: 'phone', width: 390, height: 844 }
		];
const schemes: ('light' | 'dark')[] = quick ? ['light'] : ['light', 'dark'];
const langs = ['et', 'en'];

mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
for (const vp of viewports) {
	for (const scheme of schemes) {
		const context = await browser.newContext({
			viewport: { width: vp.width, height: vp.height },
			colorScheme: scheme,
			deviceScaleFactor: 1
		});
		const page = await context.newPage();
		page.on('pageerror', (e) => console.error('pageerror', e.message));
		for (const lang of langs) {
			for (const p of paths) {
				const url = `${base}${p}${p.includes('?') ? '&' : '?'}lang=${lang}`;
				await page.goto(url);
				await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 }).catch(() => {
					console.error(`not ready: ${url}`);
				});
				const name = `${(p.replace(/[/?=&]+/g, '_').replace(/^_|_$/g, '') || 'overview').slice(0, 60)}-${lang}-${vp.name}-${scheme}.png`;
				await page.screenshot({ path: join(outDir, name), fullPage: !quick || vp.name === 'desktop' });
				console.log(name);
			}
		}
		await context.close();
	}
}
await browser.close();
