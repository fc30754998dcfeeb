/**
 * A quick look at where a system's outputs differ from Pollock's clean files (not the score: the
 * score is score.py's). Per pollution kind: files whose table equals the clean one cell for cell.
 *   npx tsx bench/pollock/diff.ts [SUT] [POLLOCK_DIR] [--show KIND]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? args.splice(showAt, 2)[1] : undefined;
const sut = args[0] ?? 'kovseire';
const pollock = args[1] ?? '/work/pollock';
const out = join(
	import.meta.dirname,
	'out',
	process.env.DIFF_DIR ?? 'run',
	'results',
	sut,
	'polluted_files',
	'loading'
);
const rows = (t: string) =>
	Papa.parse<string[]>(t, { delimiter: ',', newline: '\n' }).data.filter((r) => r.join('') !== '');
const kinds = new Map<string, { n: number; ok: number; bad: string[] }>();
for (const f of readdirSync(join(pollock, 'polluted_files', 'clean')).sort()) {
	const kind = f.replace(/\.csv$/, '').replace(/\d+/g, '#');
	const k = kinds.get(kind) ?? { n: 0, ok: 0, bad: [] };
	kinds.set(kind, k);
	k.n++;
	const p = join(out, `${f}_converted.csv`);
	const got = existsSync(p) ? rows(readFileSync(p, 'utf8').replace(/\r\n?/g, '\n')) : [];
	const want = rows(
		readFileSync(join(pollock, 'polluted_files', 'clean', f), 'utf8').replace(/\r\n?/g, '\n')
	);
	if (JSON.stringify(got) === JSON.stringify(want)) k.ok++;
	else k.bad.push(f);
}
for (const [kind, k] of kinds)
	console.log(
		`${kind.padEnd(40)} ${k.ok}/${k.n}${k.bad.length && k.bad.length <= 4 ? '  ' + k.bad.join(' ') : ''}`
	);
if (show) for (const f of kinds.get(show)?.bad.slice(0, 3) ?? []) console.log(f);
