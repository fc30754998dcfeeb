import { launch, withProbes } from '../bench/browser';
const b = await launch();
const p = await (await b.newContext()).newPage();
await withProbes(p);
await p.goto('http://localhost:5919/');
await p.waitForSelector('html[data-ready="true"]');
for (let i = 0; i < 6; i++) {
  const n = await p.evaluate(() => {
    const svg = document.querySelector('figure[data-chart="attainment-by-direction"] svg');
    const bars = [...(svg?.querySelectorAll('rect') ?? [])].filter((r) => typeof (r as any).__data__ === 'number');
    bars.forEach((b, i) => b.setAttribute('data-bench-bar', String(i)));
    return bars.map((b) => (b as any).__data__ + ':' + b.getAttribute('aria-label') + ':' + b.getAttribute('width'));
  });
  console.log(n.join(' | '));
  const k = i % 5 === 4 ? (i - 1) % n.length : i % n.length;
  await p.locator(`[data-bench-bar="${k}"]`).click({ timeout: 10000 }).catch((e) => console.log('click fail', String(e).slice(0, 200)));
  await p.waitForTimeout(1500);
  console.log(i, k, p.url());
}
await b.close();
