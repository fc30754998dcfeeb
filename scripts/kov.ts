/**
 * kov — the import core on the command line, the same code the import page runs in its Worker.
 *   npm run kov -- check <file> [--dataset progress|trainings|service_levels|activities|municipalities] [--json] [--lang et|en]
 *   npm run kov -- read <file> --out <table.csv>
 *   npm run kov -- publish <file>… [--base DIR] --out DIR [--valid-rows] [--lang et|en]  (scripts/publish.ts)
 * check exits 0 when the file would import cleanly, 1 when it has row errors, 2 when it is unusable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { analyseFile, formatIssue, readTable } from '../src/lib/import';
import { parsePlan } from '../src/lib/plan/parsePlan';
import { DATASETS, type DatasetName, type Municipality } from '../src/lib/types';
import { publish } from './publish';

const root = join(import.meta.dirname, '..');

function usage(): never {
	console.error(
		'usage: kov check <file> [--dataset NAME] [--json] [--lang et|en]\n       kov read <file> --out <table.csv>\n       kov publish <file>… [--base DIR] --out DIR [--valid-rows] [--lang et|en]'
	);
	process.exit(2);
}

function option(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
}

function context() {
	const municipalities: Municipality[] = Papa.parse<Record<string, string>>(
		readFileSync(join(root, 'data/municipalities.csv'), 'utf8'),
		{ header: true, skipEmptyLines: true }
	).data.map((r) => ({
		ehak_code: r.ehak_code,
		name: r.name,
		type: r.type as 'linn' | 'vald',
		county: r.county,
		population: Number(r.population_approx) || null,
		lat: Number(r.lat) || null,
		lon: Number(r.lon) || null
	}));
	const activityIds = new Set(
		parsePlan(readFileSync(join(root, 'data/plan-2022-2025.txt'), 'utf8')).map((a) => a.activity_id)
	);
	return { municipalities, activityIds };
}

const T = {
	et: {
		encoding: 'Kodeering',
		delimiter: 'Eraldaja',
		header: 'Päiserida',
		dataset: 'Andmestik',
		mapping: 'Veergude vastavus',
		rows: 'Andmeridu',
		valid: 'Korras ridu',
		errors: 'Vead',
		warnings: 'Hoiatused',
		ok: 'Fail on importimiseks korras.',
		none: '—'
	},
	en: {
		encoding: 'Encoding',
		delimiter: 'Delimiter',
		header: 'Header row',
		dataset: 'Dataset',
		mapping: 'Column mapping',
		rows: 'Data rows',
		valid: 'Valid rows',
		errors: 'Errors',
		warnings: 'Warnings',
		ok: 'The file would import cleanly.',
		none: '—'
	}
};

function check(file: string, args: string[]): number {
	const lang = option(args, '--lang') === 'en' ? 'en' : 'et';
	const datasetArg = option(args, '--dataset');
	if (datasetArg && !DATASETS.includes(datasetArg as DatasetName)) {
		console.error(`unknown dataset "${datasetArg}" (${DATASETS.join(', ')})`);
		return 2;
	}
	const bytes = new Uint8Array(readFileSync(file));
	const a = analyseFile(bytes, { dataset: datasetArg as DatasetName | undefined, lang }, context());
	const exit = a.problem ? 2 : a.errors.length ? 1 : 0;
	const issue = (i: (typeof a.errors)[number]) => ({
		row: i.row,
		column: i.column,
		value: i.value,
		code: i.code,
		reason: formatIssue(i, lang)
	});
	if (args.includes('--json')) {
		const out = {
			file,
			exit,
			problem: a.problem ? { code: a.problem.code, message: formatIssue(a.problem, lang) } : null,
			encoding: a.encoding,
			delimiter: a.delimiter,
			headerRow: a.headerRow,
			dataset: a.dataset,
			detectedDataset: a.detectedDataset,
			mapping: Object.fromEntries(
				Object.entries(a.mapping).map(([k, v]) => [k, v === null ? null : a.header[v]])
			),
			unmapped: a.unmapped,
			rowCount: a.rowCount,
			validRows: a.rows.length,
			errors: a.errors.map(issue),
			warnings: a.warnings.map(issue)
		};
		console.log(JSON.stringify(out, null, 2));
		return exit;
	}
	const t = T[lang];
	if (a.problem) console.log(`✗ ${formatIssue(a.problem, lang)}`);
	console.log(
		`${t.encoding}: ${a.encoding}\n${t.delimiter}: ${JSON.stringify(a.delimiter)}\n${t.header}: ${a.headerRow}\n${t.dataset}: ${a.dataset ?? t.none}`
	);
	if (Object.keys(a.mapping).length) {
		console.log(`${t.mapping}:`);
		for (const [field, i] of Object.entries(a.mapping))
			console.log(`  ${field.padEnd(18)} ← ${i === null ? t.none : a.header[i]}`);
	}
	console.log(`${t.rows}: ${a.rowCount}\n${t.valid}: ${a.rows.length}`);
	for (const [title, list] of [
		[t.errors, a.errors],
		[t.warnings, a.warnings]
	] as const) {
		if (!list.length) continue;
		console.log(`${title} (${list.length}):`);
		for (const i of list)
			console.log(
				`  ${String(i.row).padStart(5)}  ${i.column}  ${JSON.stringify(i.value)}  ${formatIssue(i, lang)}`
			);
	}
	if (exit === 0) console.log(t.ok);
	return exit;
}

/** Writes the table as the reader understood it: UTF-8, RFC 4180, `,` and `"`, LF line ends. */
function read(file: string, args: string[]): number {
	const out = option(args, '--out');
	if (!out) usage();
	const r = readTable(new Uint8Array(readFileSync(file)));
	if ('problem' in r) {
		console.error(formatIssue(r.problem, option(args, '--lang') === 'en' ? 'en' : 'et'));
		return 2;
	}
	const quote = (s: string) => (/[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
	const lines = [r.header, ...r.rows].map((row) => row.map(quote).join(','));
	writeFileSync(out, lines.join('\n') + '\n', 'utf8');
	console.error(
		`${r.rows.length} rows, ${r.header.length} columns (${r.encoding}, delimiter ${JSON.stringify(r.delimiter)}, header row ${r.headerRow}) → ${out}`
	);
	return 0;
}

const [command, file, ...rest] = process.argv.slice(2);
if (command === 'publish') process.exit(await publish(process.argv.slice(3)));
if (!command || !file) usage();
process.exit(command === 'check' ? check(file, rest) : command === 'read' ? read(file, rest) : usage());
