/**
 * Our CSV reader on the Pollock benchmark (HPI, "Pollock: A Data Loading Benchmark"): every
 * polluted file loaded by each system under test, then scored with Pollock's own evaluation
 * (bench/pollock/score.py → its evaluate.py and pollock/metrics.py) and printed as a table.
 *
 *   npm run bench:pollock [-- POLLOCK_DIR] [--suts kovseire,papaparse,pycsv,duckdbauto] [--published pycsv]
 *
 * POLLOCK_DIR (default /work/pollock) is an extracted copy of the Pollock repository (polluted_files,
 * pollock/, evaluate.py, pollock_weights.json, results/). Outputs go to bench/pollock/out/ (not in
 * git); the table also to bench/pollock/results.md. --published re-scores Pollock's own published
 * outputs of those systems (results/<sut>/polluted_files/loading) as a check of the scoring.
 * --files REGEX loads and scores only the matching files (a quick look, not the benchmark's score).
 */
import { spawnSync } from 'node:child_process';
import {
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
	existsSync
} from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbAutoCsv, oursCsv, papaCsv, APPLICATION_ERROR } from './loaders';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const flag = (name: string) => {
	const i = args.indexOf(name);
	if (i < 0) return undefined;
	const v = args[i + 1];
	args.splice(i, 2);
	return v;
};
const SUTS = (flag('--suts') ?? 'kovseire,papaparse,pycsv,duckdbauto').split(',').filter(Boolean);
const published = (flag('--published') ?? '').split(',').filter(Boolean);
/** For a quick look while working: only the files whose names match (the table is then not Pollock's score). */
const only = flag('--files');
const pollock = resolve(args[0] ?? '/work/pollock');
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const LABEL: Record<string, string> = {
	kovseire: 'ours (kov read)',
	papaparse: 'Papa Parse (default)',
	pycsv: 'Python csv (Sniffer)',
	duckdbauto: 'DuckDB auto',
	'pub-pycsv': 'Python csv, Pollock published outputs',
	'pub-duckdbauto': 'DuckDB auto, Pollock published outputs'
};

const polluted = join(pollock, 'polluted_files');
const files = readdirSync(join(polluted, 'csv'))
	.filter((f) => f.endsWith('csv') && (!only || new RegExp(only).test(f)))
	.sort();

/** A scratch folder laid out as Pollock's evaluate.py expects (polluted_files/, results/<sut>/…). */
function workDir(name: string): string {
	const dir = join(here, 'out', name);
	mkdirSync(join(dir, 'results'), { recursive: true });
	rmSync(join(dir, 'polluted_files'), { force: true });
	symlinkSync(polluted, join(dir, 'polluted_files'));
	return dir;
}

async function load(sut: string, dir: string): Promise<void> {
	const out = join(dir, 'results', sut, 'polluted_files', 'loading');
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const t0 = performance.now();
	if (sut === 'pycsv') {
		const r = spawnSync(python, [join(here, 'pycsv.py'), polluted, out], { stdio: 'inherit' });
		if (r.status !== 0) throw new Error(`pycsv.py exited ${r.status}`);
	} else if (sut === 'duckdbauto') {
		for (const f of files) {
			// A new database per file, as Pollock's client connects anew for each.
			const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
			let csv: string;
			try {
				csv = await duckdbAutoCsv(join(polluted, 'csv', f), instance);
			} catch (e) {
				csv = APPLICATION_ERROR + String((e as Error).message ?? e);
			}
			instance.closeSync();
			writeFileSync(join(out, `${f}_converted.csv`), csv);
		}
	} else {
		const loader = sut === 'kovseire' ? oursCsv : sut === 'papaparse' ? papaCsv : null;
		if (!loader) throw new Error(`unknown system ${sut}`);
		for (const f of files) {
			const bytes = new Uint8Array(readFileSync(join(polluted, 'csv', f)));
			let csv: string;
			try {
				csv = loader(bytes);
			} catch (e) {
				csv = APPLICATION_ERROR + String((e as Error).message ?? e);
			}
			writeFileSync(join(out, `${f}_converted.csv`), csv);
		}
	}
	console.error(`${sut}: ${files.length} files loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

interface Score {
	sut: string;
	files: number;
	simple: number;
	weighted: number;
	success: number;
	header_f1: number;
	record_f1: number;
	cell_f1: number;
	[k: string]: number | string;
}

function score(dir: string, suts: string[]): Score[] {
	if (!suts.length) return [];
	const r = spawnSync(python, [join(here, 'score.py'), pollock, dir, ...suts], {
		encoding: 'utf8',
		env: { ...process.env, POLLOCK_FILES: only ?? '' },
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 64 * 1024 * 1024
	});
	if (r.status !== 0) throw new Error(`score.py exited ${r.status}`);
	return r.stdout
		.split('\n')
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l) as Score);
}

const dir = workDir(only ? 'quick' : 'run');
for (const sut of SUTS) await load(sut, dir);
const scores = score(dir, SUTS);

// Pollock's published outputs, re-scored here: the check that this scoring is the paper's.
const pubDir = workDir('published');
const pub: string[] = [];
for (const sut of published) {
	const src = join(pollock, 'results', sut, 'polluted_files', 'loading');
	if (!existsSync(src)) {
		console.error(`no published outputs for ${sut} in ${src}`);
		continue;
	}
	const name = `pub-${sut}`;
	mkdirSync(join(pubDir, 'results', name, 'polluted_files'), { recursive: true });
	rmSync(join(pubDir, 'results', name, 'polluted_files', 'loading'), { force: true });
	symlinkSync(src, join(pubDir, 'results', name, 'polluted_files', 'loading'));
	pub.push(name);
}
const pubScores = score(pubDir, pub);

const paper = new Map<string, { simple: number; weighted: number }>();
const agg = join(pollock, 'results', 'aggregate_results_polluted_files.csv');
if (existsSync(agg)) {
	const [head, ...lines] = readFileSync(agg, 'utf8').trim().split('\n');
	const cols = head.split(',');
	for (const l of lines) {
		const c = l.split(',');
		paper.set(c[0], {
			simple: Number(c[cols.indexOf('pollock_simple')]),
			weighted: Number(c[cols.indexOf('pollock_weighted')])
		});
	}
}

const f3 = (x: number) => x.toFixed(3);
const f4 = (x: number) => x.toFixed(4);
const rows = [...scores, ...pubScores].map((s) => {
	const p = paper.get(s.sut.replace(/^pub-/, ''));
	const paperCell = s.sut.startsWith('pub-') || s.sut === 'duckdbauto' || s.sut === 'pycsv';
	return `| ${LABEL[s.sut] ?? s.sut} | ${f4(s.success)} | ${f4(s.header_f1)} | ${f4(s.record_f1)} | ${f4(s.cell_f1)} | **${f3(s.simple)}** | ${f3(s.weighted)} | ${paperCell && p ? `${f3(p.simple)} / ${f3(p.weighted)}` : ''} |`;
});
const table = [
	`| System | success | header F1 | record F1 | cell F1 | simple | weighted | paper (simple / weighted) |`,
	`| --- | --: | --: | --: | --: | --: | --: | --: |`,
	...rows
].join('\n');
// An extracted copy has no .git: its commit may be written in POLLOCK_DIR/COMMIT.
const commit = existsSync(join(pollock, 'COMMIT'))
	? readFileSync(join(pollock, 'COMMIT'), 'utf8').trim()
	: spawnSync('git', ['-C', pollock, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout?.trim();
if (only) {
	console.log(table);
	process.exit(0);
}
const md = `# Reader vs the Pollock benchmark

${new Date().toISOString().slice(0, 10)}, ${files.length} polluted files, \`npm run bench:pollock\`${commit ? `, Pollock ${commit}` : ''}.

${table}
`;
console.log(table);
writeFileSync(join(here, 'results.md'), md);
// The repository's `prettier --check .` covers it: write it as prettier would (aligned table).
spawnSync(join(here, '..', '..', 'node_modules', '.bin', 'prettier'), ['--write', join(here, 'results.md')], {
	stdio: 'ignore'
});
