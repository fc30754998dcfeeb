/**
 * kov — the import core on the command line, the same code the import page runs in its Worker.
 *   npm run kov -- check <file> [--dataset progress|trainings|service_levels|activities|municipalities] [--json] [--lang et|en]
 *        [--sheet NAME] (a workbook, .xlsx: the sheet to read; the first by default)
 *        [--errors-out FILE] (the rejected rows as they were, plus an error column: to fix and check again)
 *        [--correct "VALUE=MEANING"]… (read a value as a municipality or plan number, as the page's corrections)
 *        a wide service-level table: [--years 2022,2023 --indicator-column NAME | --indicator NAME]
 *        or [--indicator-columns "A|B" --year-column NAME | --year YYYY] [--municipality-column NAME]
 *   npm run kov -- read <file> --out <table.csv>
 *   npm run kov -- template <dataset> [--lang et|en] [--out FILE]   (the import template; stdout without --out)
 *   npm run kov -- publish <file>… [--base DIR] --out DIR [--valid-rows] [--lang et|en]  (scripts/publish.ts)
 * check exits 0 when the file would import cleanly, 1 when it has row errors, 2 when it is unusable
 * or no row can be saved without a choice (an ambiguous wide table: the options to pass are printed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import {
	analyseAny,
	analysisCounts,
	fileText,
	rejectedRowsFile,
	sheetText,
	readWorkbook,
	workbookKind,
	formatIssue,
	importState,
	readTable,
	templateFile,
	templateNotes,
	wideOptionsFromChoices,
	yearOfHeader,
	type Analysis,
	type AnalyseOptions,
	type WideChoices
} from '../src/lib/import';
import { tableCsv } from '../src/lib/import/read/tableCsv';
import { parsePlan } from '../src/lib/plan/parsePlan';
import { DATASETS, type DatasetName, type Municipality } from '../src/lib/types';
import { WIDE_FLAGS, cliCorrections, publish } from './publish';
import { correctionLabel, suggestCorrections } from '../src/lib/import/datasets/corrections';

const root = join(import.meta.dirname, '..');

function usage(): never {
	console.error(
		'usage: kov check <file> [--dataset NAME] [--json] [--lang et|en]\n       kov read <file> --out <table.csv>\n       kov template <dataset> [--lang et|en] [--out FILE]\n       kov publish <file>… [--base DIR] --out DIR [--valid-rows] [--lang et|en]'
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
	const plan = parsePlan(readFileSync(join(root, 'data/plan-2022-2025.txt'), 'utf8'));
	const activityIds = new Set(plan.map((a) => a.activity_id));
	const activityUnits = Object.fromEntries(plan.map((a) => [a.activity_id, a.target_unit ?? null]));
	return { municipalities, activityIds, activityUnits };
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
		none: '—',
		wideYear: 'Lai tabel, üks veerg iga aasta kohta',
		wideIndicator: 'Lai tabel, üks veerg iga näitaja kohta',
		unpivoted: (cols: string, rows: number) => `pööratud pikaks (${cols}) → ${rows} rida`,
		unpivotedCols: 'pööratud veerud',
		needsIndicator: 'Failis pole näitaja veergu: ütle, milline veerg on näitaja või mis näitaja see on.',
		needsYear: 'Failis pole aasta veergu: ütle, milline veerg on aasta või mis aasta see on.',
		needsColumns: 'Ühtegi pööratavat veergu pole valitud.',
		pass: 'Käivita uuesti ühega neist valikutest:',
		nothingSaved: 'Ühtegi rida ei saa salvestada: igas reas on viga.',
		noRows: 'Ühtegi rida ei saa salvestada: failis pole andmeridu.',
		unknownColumn: (c: string) => `Veergu või aastat „${c}“ failis pole.`,
		sheet: 'Tööleht',
		unknownSheet: (s: string, all: string[]) => `Töövihikus pole lehte „${s}“ (lehed: ${all.join(', ')}).`,
		errorsWritten: (n: number, f: string, e: string, d: string) =>
			`${n} vigast rida → ${f} (${e}, eraldaja ${JSON.stringify(d)})`,
		name: 'näitaja nimi',
		year: 'aasta',
		corrected: (from: string, to: string, rows: number) =>
			`Parandus: „${from}“ loeti kui ${to} (${rows} rida)`,
		fixes: 'Parandatavad väärtused (käivita uuesti valikuga):',
		or: 'või',
		noFix: (v: string) =>
			`sarnast ei leitud: --correct ${shellWord(`${v}=<omavalitsus või tegevuse number>`)}`
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
		none: '—',
		wideYear: 'Wide table, one column per year',
		wideIndicator: 'Wide table, one column per indicator',
		unpivoted: (cols: string, rows: number) => `unpivoted (${cols}) → ${rows} rows`,
		unpivotedCols: 'unpivoted columns',
		needsIndicator:
			'The file has no indicator column: say which column holds the indicator, or which indicator it is.',
		needsYear: 'The file has no year column: say which column holds the year, or which year it is.',
		needsColumns: 'No column to unpivot was chosen.',
		pass: 'Run again with one of these options:',
		nothingSaved: 'No row can be saved: every row has an error.',
		noRows: 'No row can be saved: the file has no data rows.',
		unknownColumn: (c: string) => `There is no column or year "${c}" in the file.`,
		sheet: 'Sheet',
		unknownSheet: (s: string, all: string[]) =>
			`The workbook has no sheet "${s}" (sheets: ${all.join(', ')}).`,
		errorsWritten: (n: number, f: string, e: string, d: string) =>
			`${n} rejected rows → ${f} (${e}, delimiter ${JSON.stringify(d)})`,
		name: 'indicator name',
		year: 'year',
		corrected: (from: string, to: string, rows: number) =>
			`Correction: "${from}" read as ${to} (${rows} rows)`,
		fixes: 'Values you can correct (run again with the option):',
		or: 'or',
		noFix: (v: string) => `nothing similar: --correct ${shellWord(`${v}=<municipality or activity number>`)}`
	}
};

function wideChoices(args: string[]): WideChoices | null {
	if (!WIDE_FLAGS.some((f) => args.includes(f))) return null;
	const list = (v: string | undefined, sep: string) =>
		v === undefined
			? undefined
			: v
					.split(sep)
					.map((x) => x.trim())
					.filter(Boolean);
	const year = option(args, '--year');
	return {
		years: list(option(args, '--years'), ','),
		indicatorColumn: option(args, '--indicator-column'),
		indicator: option(args, '--indicator'),
		indicatorColumns: list(option(args, '--indicator-columns'), '|'),
		yearColumn: option(args, '--year-column'),
		year: year === undefined ? undefined : Number(year),
		municipalityColumn: option(args, '--municipality-column')
	};
}

const shellWord = (s: string) =>
	/^[\p{L}\p{N}_.,%/:+-]+$/u.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`;

/** The command-line options that would settle what a wide table still needs, one line per way. */
function wideSuggestions(a: Analysis, lang: 'et' | 'en'): string[] {
	const w = a.wide;
	if (!w) return [];
	const t = T[lang];
	const name = (i: number) => shellWord(a.header[i]);
	if (w.kind === 'year') {
		const years = `--years ${w.valueColumns.map((i) => String(yearOfHeader(a.header[i]) ?? a.header[i])).join(',')}`;
		const ways = w.candidates.map((i) => `${years} --indicator-column ${name(i)}`);
		return [...ways, `${years} --indicator "<${t.name}>"`];
	}
	const cols = `--indicator-columns ${shellWord(w.valueColumns.map((i) => a.header[i]).join('|'))}`;
	const ways = w.candidates.map((i) => `${cols} --year-column ${name(i)}`);
	return [...ways, `${cols} --year <${t.year}>`];
}

async function check(file: string, args: string[]): Promise<number> {
	const lang = option(args, '--lang') === 'en' ? 'en' : 'et';
	const t = T[lang];
	const datasetArg = option(args, '--dataset');
	if (datasetArg && !DATASETS.includes(datasetArg as DatasetName)) {
		console.error(`unknown dataset "${datasetArg}" (${DATASETS.join(', ')})`);
		return 2;
	}
	const bytes = new Uint8Array(readFileSync(file));
	const ctx = context();
	const corrections = cliCorrections(args, ctx, lang);
	if (!corrections) return 2;
	const options: AnalyseOptions = {
		dataset: datasetArg as DatasetName | undefined,
		lang,
		sheet: option(args, '--sheet'),
		...(corrections.length ? { corrections } : {})
	};
	// The same path as the import page's Worker (workbooks included), but every row checked in JS.
	const analyseFile = async (b: Uint8Array, o: AnalyseOptions, c: typeof ctx) =>
		(await analyseAny(b, o, c, undefined, false)).analysis;
	let a = await analyseFile(bytes, options, ctx);
	if (options.sheet !== undefined && a.sheets && a.sheet !== options.sheet) {
		console.error(t.unknownSheet(options.sheet, a.sheets));
		return 2;
	}
	const choices = wideChoices(args);
	if (choices && !a.problem) {
		const chosen = wideOptionsFromChoices(a.header, a.wide ?? null, choices);
		if ('error' in chosen) {
			console.error(t.unknownColumn(chosen.error.column));
			return 2;
		}
		a = await analyseFile(bytes, { ...options, dataset: 'service_levels', wide: chosen.options }, ctx);
	}
	const errorsOut = option(args, '--errors-out');
	if (errorsOut && !a.problem) {
		const out = rejectedRowsFile(await fileText(bytes, a.sheet), a, lang);
		writeFileSync(errorsOut, out.bytes);
		console.error(t.errorsWritten(out.rows, errorsOut, out.encoding, out.delimiter));
	}
	const state = importState(a);
	// 0 when every row can be saved, 1 with row errors, 2 when no row can be saved without a choice
	// or at all (an unusable file, an ambiguous wide table, a file with no data rows).
	const exit = state.status === 'ready' ? 0 : state.status === 'has-errors' ? 1 : 2;
	const { valid } = analysisCounts(a);
	const suggestions = state.status === 'needs-input' ? wideSuggestions(a, lang) : [];
	const needText = (n: string) =>
		n === 'indicator' ? t.needsIndicator : n === 'year' ? t.needsYear : t.needsColumns;
	const issue = (i: (typeof a.errors)[number]) => ({
		row: i.row,
		column: i.column,
		value: i.value,
		code: i.code,
		reason: formatIssue(i, lang)
	});
	const names = (cols: number[]) => cols.map((i) => a.header[i]);
	// The values a --correct could fix, with their likely meanings (the page's Corrections card).
	const fixes = suggestCorrections([...a.errors, ...a.warnings], ctx);
	if (args.includes('--json')) {
		const out = {
			file,
			exit,
			status: state.status,
			problem: a.problem ? { code: a.problem.code, message: formatIssue(a.problem, lang) } : null,
			encoding: a.encoding,
			delimiter: a.delimiter,
			sheets: a.sheets ?? null,
			sheet: a.sheet ?? null,
			headerRow: a.headerRow,
			dataset: a.dataset,
			detectedDataset: a.detectedDataset,
			mapping: Object.fromEntries(
				Object.entries(a.mapping).map(([k, v]) => [k, v === null ? null : a.header[v]])
			),
			unmapped: a.unmapped,
			wide: a.wide
				? {
						kind: a.wide.kind,
						municipality: a.header[a.wide.idColumn],
						columns: names(a.wide.valueColumns),
						indicatorColumn: a.wide.indicatorColumn === null ? null : a.header[a.wide.indicatorColumn],
						yearColumn: a.wide.yearColumn === null ? null : a.header[a.wide.yearColumn],
						unpivoted: !!a.wide.applied,
						automatic: !!a.wide.auto,
						needs: a.wide.needs,
						options: suggestions
					}
				: null,
			rowCount: a.rowCount,
			validRows: valid,
			errors: a.errors.map(issue),
			warnings: a.warnings.map(issue),
			corrected: a.corrected ?? [],
			corrections: fixes
		};
		console.log(JSON.stringify(out, null, 2));
		return exit;
	}
	if (a.problem) console.log(`✗ ${formatIssue(a.problem, lang)}`);
	console.log(
		a.sheet !== undefined
			? `${t.encoding}: ${a.encoding}\n${t.sheet}: ${a.sheet} (${a.sheets?.join(', ')})`
			: `${t.encoding}: ${a.encoding}\n${t.delimiter}: ${JSON.stringify(a.delimiter)}`
	);
	console.log(`${t.header}: ${a.headerRow}\n${t.dataset}: ${a.dataset ?? t.none}`);
	if (a.wide) {
		const kind = a.wide.kind === 'year' ? t.wideYear : t.wideIndicator;
		const cols = names(a.wide.valueColumns).join(', ');
		console.log(a.wide.applied ? `${kind}: ${t.unpivoted(cols, a.rowCount)}` : `${kind}: ${cols}`);
	}
	if (Object.keys(a.mapping).length) {
		console.log(`${t.mapping}:`);
		const w = a.wide?.applied;
		const spread = (field: string) =>
			w &&
			(field === 'value' ||
				(field === 'year' && w.kind === 'year') ||
				(field === 'indicator' && w.kind === 'indicator'))
				? `${names(w.valueColumns).join(', ')} (${t.unpivotedCols})`
				: w && field === 'indicator' && w.fixed.indicator
					? JSON.stringify(w.fixed.indicator)
					: w && field === 'year' && w.fixed.year
						? String(w.fixed.year)
						: null;
		for (const [field, i] of Object.entries(a.mapping))
			console.log(`  ${field.padEnd(18)} ← ${spread(field) ?? (i === null ? t.none : a.header[i])}`);
	}
	if (state.status === 'needs-input') {
		for (const n of a.wide?.needs ?? []) console.log(`✗ ${needText(n)}`);
		console.log(t.pass);
		for (const s of suggestions) console.log(`  npm run kov -- check ${shellWord(file)} ${s}`);
		return exit;
	}
	console.log(`${t.rows}: ${a.rowCount}\n${t.valid}: ${valid}`);
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
	for (const c of a.corrected ?? []) console.log(t.corrected(c.from, correctionLabel(c, ctx), c.rows));
	if (fixes.length) {
		console.log(t.fixes);
		for (const f of fixes) {
			const ways = f.options.map((o) => `--correct ${shellWord(`${f.value}=${o.label}`)}`);
			console.log(`  ${JSON.stringify(f.value)} (${f.rows}): ${ways.join(` ${t.or} `) || t.noFix(f.value)}`);
		}
	}
	if (state.blocked === 'all_rows_invalid') console.log(`✗ ${t.nothingSaved}`);
	if (state.blocked === 'no_rows') console.log(`✗ ${t.noRows}`);
	if (exit === 0) console.log(t.ok);
	return exit;
}

/** Writes the table as the reader understood it: UTF-8, RFC 4180, `,` and `"`, LF line ends. */
async function read(file: string, args: string[]): Promise<number> {
	const out = option(args, '--out');
	if (!out) usage();
	const bytes = new Uint8Array(readFileSync(file));
	let r: ReturnType<typeof readTable>;
	if (workbookKind(bytes) === 'xlsx') {
		const sheets = await readWorkbook(bytes);
		const sheet = sheets.find((x) => x.name === option(args, '--sheet')) ?? sheets[0];
		r = readTable(sheet ? sheetText(sheet) : '', { delimiter: '\t', emptyTable: true });
	} else r = readTable(bytes, { emptyTable: true });
	if ('problem' in r) {
		console.error(formatIssue(r.problem, option(args, '--lang') === 'en' ? 'en' : 'et'));
		return 2;
	}
	writeFileSync(out, tableCsv(r.header, r.rows), 'utf8');
	console.error(
		`${r.rows.length} rows, ${r.header.length} columns (${r.encoding}, delimiter ${JSON.stringify(r.delimiter)}, header row ${r.headerRow}) → ${out}`
	);
	return 0;
}

/**
 * The import template of a dataset (the same file as the import page's): to --out, with the
 * allowed values printed; without --out the CSV goes to stdout and the allowed values to stderr.
 */
function template(dataset: string, args: string[]): number {
	if (!DATASETS.includes(dataset as DatasetName)) {
		console.error(`unknown dataset "${dataset}" (${DATASETS.join(', ')})`);
		return 2;
	}
	const lang = option(args, '--lang') === 'en' ? 'en' : 'et';
	const { bytes } = templateFile(dataset as DatasetName, lang);
	const notes = templateNotes(dataset as DatasetName, lang).join('\n');
	const out = option(args, '--out');
	if (out) {
		writeFileSync(out, bytes);
		console.log(`${out}\n${notes}`);
	} else {
		process.stdout.write(bytes);
		console.error(notes);
	}
	return 0;
}

const [command, file, ...rest] = process.argv.slice(2);
if (command === 'publish')
	process.exit(
		await publish(process.argv.slice(3), {
			choices: wideChoices,
			suggestions: wideSuggestions,
			unknownColumn: (lang, column) => T[lang].unknownColumn(column)
		})
	);
if (!command || !file) usage();
process.exit(
	command === 'check'
		? await check(file, rest)
		: command === 'read'
			? await read(file, rest)
			: command === 'template'
				? template(file, rest)
				: usage()
);
