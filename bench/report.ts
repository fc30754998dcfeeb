/** The console summary of a benchmark run (bench/results.json has everything). */
import { ratio } from './stats';
import type { Results } from './run';
import type { Spread } from './stats';

const ms = (s: Spread | null | undefined) =>
	s ? `${fmt(s.median)} ms (${fmt(s.min)}–${fmt(s.max)}, n=${s.n})` : '–';
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const kb = (b: number) => `${Math.round(b / 1024).toLocaleString('en-US')} kB`;
const mbs = (b: number | null | undefined) =>
	b ? `${Math.round(b / 1048576).toLocaleString('en-US')} MB` : '–';
const x = (r: number | null | undefined) => (r === null || r === undefined ? '–' : `${r}×`);

function table(head: string[], rows: (string | number)[][]): string {
	const cells = [head, ...rows].map((r) => r.map(String));
	const width = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
	const line = (r: string[]) => r.map((c, i) => c.padEnd(width[i])).join('  ');
	return [line(cells[0]), width.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function printReport(r: Results): void {
	const out: string[] = [];
	const m = r.machine;
	out.push(
		`kov-seire benchmark ${r.date} — ${m.cpus}× ${m.cpuModel}, Node ${m.node}, Chromium ${m.chromium}, load ${m.loadAverage.start.join('/')}${r.quick ? ' (BENCH_QUICK)' : ''}`
	);
	const c = r.coldLoad;
	out.push('', 'Cold load of / (cache disabled, default data)');
	out.push(`  first chart  ${ms(c.firstChartMs)}`);
	out.push(`  data ready   ${ms(c.dataReadyMs)}`);
	out.push(`  DuckDB up    ${ms(c.engineUpMs)} (started and the data loaded, in the background)`);
	out.push(
		`  transferred  JS ${kb(c.bytes.js)}, wasm ${kb(c.bytes.wasm)}, other ${kb(c.bytes.other)} (${c.requests} requests)`
	);
	out.push(
		`  initial JS   ${c.initialJs.files} files, ${kb(c.initialJs.bytes)} raw, ${kb(c.initialJs.gzipBytes)} gzipped`
	);

	const v = r.secondVisit;
	if (v) {
		out.push('', 'Repeat visit of / (service worker and HTTP cache allowed)');
		out.push(`  first visit, data ready   ${ms(v.firstVisitReadyMs)}`);
		out.push(`  second visit, first chart ${ms(v.secondVisitFirstChartMs)}`);
		out.push(`  second visit, data ready  ${ms(v.secondVisitReadyMs)}`);
		out.push(`  second visit, DuckDB up   ${ms(v.secondVisitEngineMs)} (in the background)`);
		out.push(
			`  offline third visit       ${v.offline.ready ? `works (data-source ${v.offline.source})` : `fails: ${v.offline.error}`}`
		);
	}

	out.push('', 'Ingest of a service-level CSV (median ms; ratios of medians)');
	out.push(
		table(
			[
				'rows',
				'file',
				'native DuckDB',
				'wasm read_csv',
				'Papa parse+convert',
				'Papa +insert',
				'app import',
				'app/native',
				'wasm/native',
				'app/wasm',
				'Papa/app'
			],
			r.ingest.map((i) => [
				i.rows.toLocaleString('en-US'),
				mbs(i.fileBytes),
				i.native.ms ? fmt(i.native.ms.median) : '–',
				i.papa?.wasmReader.readMs ? fmt(i.papa.wasmReader.readMs.median) : (i.papa?.wasmReader.error ?? '–'),
				i.papa?.parseConvertMs ? fmt(i.papa.parseConvertMs.median) : '–',
				i.papa?.totalMs ? fmt(i.papa.totalMs.median) : (i.papa?.insertError ?? i.papaError ?? '–'),
				i.app.totalMs ? fmt(i.app.totalMs.median) : `failed: ${i.app.error ?? '?'}`.slice(0, 60),
				x(i.ratios.appToNative),
				x(i.ratios.wasmReaderToNative),
				x(i.ratios.appToWasmReader),
				x(i.ratios.papaToApp)
			])
		)
	);
	out.push('', 'App import phases (median ms), beside DuckDB-wasm read_csv of the same file alone');
	out.push(
		table(
			[
				'rows',
				'runs',
				'wasm read_csv alone',
				'read+check',
				'commit',
				'charts',
				'total',
				'commit click → charts',
				'longest main-thread task',
				'peak renderer RSS'
			],
			r.ingest.map((i) => [
				i.rows.toLocaleString('en-US'),
				`${i.app.runs.filter((u) => u.ok).length}/${i.app.runs.length}`,
				i.papa?.wasmReader.readMs ? fmt(i.papa.wasmReader.readMs.median) : '–',
				i.app.analyseMs ? fmt(i.app.analyseMs.median) : '–',
				i.app.commitMs ? fmt(i.app.commitMs.median) : '–',
				i.app.chartsMs ? fmt(i.app.chartsMs.median) : '–',
				i.app.totalMs ? fmt(i.app.totalMs.median) : '–',
				i.app.commitToChartsMs ? fmt(i.app.commitToChartsMs.median) : '–',
				i.app.longestTaskMs ? fmt(i.app.longestTaskMs.median) : '–',
				mbs(Math.max(0, ...i.app.runs.map((u) => u.peakRssBytes ?? 0)))
			])
		)
	);
	for (const i of r.ingest)
		for (const u of i.app.runs.filter((u) => !u.ok))
			out.push(`  ${i.rows.toLocaleString('en-US')} rows: ${u.error}`);
	// Where the import's time goes, by the app's own kov:* marks (worker phases included).
	for (const i of r.ingest) {
		const phases = Object.entries(i.app.phases ?? {}).sort((a, b) => b[1] - a[1]);
		if (phases.length)
			out.push(
				`  ${i.rows.toLocaleString('en-US')} rows, kov:* phases: ${phases.map(([n, v]) => `${n} ${fmt(v)}`).join(', ')}`
			);
	}

	if (r.trainings) {
		const tr = r.trainings;
		const a = tr.app;
		out.push(
			'',
			`Ingest of a training-statistics CSV, ${tr.rows.toLocaleString('en-US')} rows (${mbs(tr.fileBytes)}), bulk path (median ms)`
		);
		out.push(
			table(
				['native DuckDB', 'read+check', 'commit', '/trainings', 'app total', 'app/native', 'runs'],
				[
					[
						tr.native.ms ? fmt(tr.native.ms.median) : '–',
						a.analyseMs ? fmt(a.analyseMs.median) : '–',
						a.commitMs ? fmt(a.commitMs.median) : '–',
						a.chartsMs ? fmt(a.chartsMs.median) : '–',
						a.totalMs
							? fmt(a.totalMs.median)
							: `failed: ${a.runs.find((u) => !u.ok)?.error ?? '?'}`.slice(0, 60),
						x(ratio(a.totalMs, tr.native.ms)),
						`${a.runs.filter((u) => u.ok).length}/${a.runs.length}`
					]
				]
			)
		);
		const phases = Object.entries(a.phases ?? {}).sort((p, q) => q[1] - p[1]);
		if (phases.length) out.push(`  kov:* phases: ${phases.map(([n, v]) => `${n} ${fmt(v)}`).join(', ')}`);
	}

	for (const mm of r.memory) {
		out.push('', `Memory, ${mm.rows.toLocaleString('en-US')} rows (after GC; peak while importing)`);
		out.push(
			table(
				['', 'main JS heap', 'peak JS heap', 'renderer RSS', 'peak renderer RSS', 'import'],
				[
					['before import', mbs(mm.before.heapBytes), '', mbs(mm.before.rssBytes), '', ''],
					...mm.imports.map((u, k) => [
						k === 0 ? 'after 1 import' : `after ${k + 1} imports`,
						mbs(u.heapAfterBytes),
						mbs(u.peakHeapBytes),
						mbs(u.rssAfterBytes),
						mbs(u.peakRssBytes),
						u.ok ? (u.message ?? 'ok') : `failed: ${u.error}`
					])
				]
			)
		);
	}

	if (r.latency) {
		const l = r.latency;
		out.push(
			'',
			`Filter-change latency, ${l.rows.toLocaleString('en-US')} service-level rows loaded (input → settled)`
		);
		out.push(
			table(
				['page', 'control', 'n', 'p50 ms', 'p95 ms', 'max ms', 'queried'],
				Object.entries(l.controls).map(([k, v]) => [
					k.startsWith('overview') ? '/' : '/municipalities',
					k,
					v.ms?.n ?? 0,
					v.ms ? fmt(v.ms.p50) : '–',
					v.ms ? fmt(v.ms.p95) : '–',
					v.ms ? fmt(v.ms.max) : '–',
					v.error ? `error: ${v.error}` : `${v.withQuery}/${v.ms?.n ?? 0}`
				])
			)
		);
	}
	const p = r.published;
	if (p) {
		out.push(
			'',
			`Published bundle, ${p.rows.toLocaleString('en-US')} service-level rows: CSV ${kb(p.csvBytes)} → folder ${kb(p.folderBytes)} (kov publish ${fmt(p.cliPublishMs)} ms); cold loads, median ms`
		);
		const row = (
			name: string,
			l: { firstChartMs: Spread | null; dataReadyMs: Spread | null; bytes: number; dataBytes: number }
		) => [name, ms(l.firstChartMs), ms(l.dataReadyMs), kb(l.bytes), kb(l.dataBytes)];
		out.push(
			table(
				['page', 'first chart', 'data ready', 'transferred', 'of it data/'],
				[
					row('/ published', p.published.overview),
					row('/ sample', p.sample.overview),
					row('/municipalities published', p.published.municipalities),
					...(p.csvOnly ? [row('/municipalities published, CSV only', p.csvOnly.municipalities)] : []),
					row('/municipalities sample', p.sample.municipalities)
				]
			)
		);
		out.push(
			`  /municipalities ready from the bundle vs sample load + importing the same CSV (${ms(p.importCsvMs)}): ${p.readyToImport ?? '–'}× (CSV only, as the page writes a bundle: ${p.csvOnlyReadyToImport ?? '–'}×)`
		);
		if (p.repeat)
			out.push(
				`  repeat visit of /municipalities with the bundle: data ready ${ms(p.repeat.readyMs)} (first visit ${ms(p.repeat.firstReadyMs)}); DuckDB up ${ms(p.repeat.engineMs)} in the background`
			);
	}
	for (const n of r.notes) out.push(`note: ${n}`);
	out.push('', '→ bench/results.json');
	console.log(out.join('\n'));
}
