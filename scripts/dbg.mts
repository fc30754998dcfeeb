import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage();
p.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
p.on('pageerror', (e) => console.log('pageerror', String(e).slice(0, 300)));
await p.addInitScript(() => { new MutationObserver(() => { const el = document.querySelector('figure[data-chart] svg'); if (el && !(window as any).__fc) (window as any).__fc = performance.now(); }).observe(document, {subtree: true, childList: true}); });
await p.goto('http://localhost:5919/');
await p.waitForSelector('html[data-ready="true"]', { timeout: 120000 });
console.log('firstChart', await p.evaluate(() => (window as any).__fc), await p.locator('figure[data-chart] svg').count());
await p.goto('http://localhost:5919/import');
await p.waitForSelector('html[data-ready="true"]', { timeout: 120000 });
const t0 = Date.now();
await p.locator('input[type="file"]').setInputFiles(process.argv[2]);
for (let i = 0; i < 60; i++) {
  const s = await p.locator('[data-import-status]').getAttribute('data-import-status');
  const ph = await p.locator('[data-import-phase]').getAttribute('data-import-phase', {timeout: 100}).catch(() => null);
  console.log((Date.now() - t0), s, ph);
  if (['ready','has-errors','rejected'].includes(s ?? '')) break;
  await p.waitForTimeout(1000);
}
await p.screenshot({ path: '/tmp/dbg.png' });
await b.close();
