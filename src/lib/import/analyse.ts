import type { DatasetName } from '$lib/types';
import { isPlanText, parsePlan } from '$lib/plan';
import type { Analysis, AnalyseOptions, FileProblem, ReadResult, RowIssue, WidePlan } from './types';
import { readTable } from './read/readTable';
import { decodeBytes, utf16Of } from './read/decode';
import { hasMixedLineEnds, normaliseLineEnds } from './read/lineEnds';
import { MAX_FILE_BYTES, byteProblem, lineFacts } from './read/problems';
import { readWorkbook, workbookKind, type WorkbookSheet } from './read/workbook';
import { writeDelimited } from './read/writeTable';
import { detectDataset, mapColumns } from './datasets/fields';
import { normalizeHeader } from './read/values';
import { overlongCells, validateRows, type ValidationContext } from './datasets/validate';
import { planWide, unpivotWide, wideOptionNeeds, wideOptionsOf } from './datasets/wide';

const EMPTY: Omit<Analysis, 'encoding' | 'delimiter'> = {
	headerRow: 0,
	header: [],
	dataset: null,
	detectedDataset: null,
	mapping: {},
	missingRequired: [],
	unmapped: [],
	rowCount: 0,
	rows: [],
	rowNumbers: [],
	errors: [],
	warnings: []
};

function rejected(problem: FileProblem, base: Partial<Analysis> = {}): Analysis {
	return { encoding: 'utf-8', delimiter: ',', ...EMPTY, ...base, problem };
}

/**
 * What the import page (in a Worker) and the `kov check` CLI show for a file: encoding, delimiter,
 * header row, dataset, column mapping, every row error — and the valid rows, normalised.
 */
export function analyseFile(
	bytes: Uint8Array,
	options: AnalyseOptions,
	ctx: ValidationContext,
	onProgress?: (fraction: number) => void
): Analysis {
	const bp = byteProblem(bytes);
	if (bp) return rejected(bp);
	const { text, encoding, mixedLines } = decodeBytes(bytes);
	return analyseText(text, encoding, options, ctx, onProgress, mixedWarning(mixedLines, encoding));
}

/**
 * The datasets whose large files DuckDB's reader checks (the bulk path): long service-level tables
 * and training statistics, the two that run to hundreds of thousands of rows (issue #20).
 */
export const BULK_DATASETS: DatasetName[] = ['service_levels', 'trainings'];

/** Files from this size on may take the bulk path (see `analyseLarge`). */
export const BULK_MIN_BYTES = 1024 * 1024;
/**
 * How much of a large file's text is analysed in JS for detection, mapping and the preview: about
 * 800 rows of an export, plenty for the delimiter, the header and the mapping (DuckDB checks every
 * row). At 512 kB this was 60–90 ms of every bulk import spent checking rows twice (issue #20).
 */
export const BULK_HEAD_CHARS = 64 * 1024;

/**
 * A large file: when it is a long-format service-level table, only its head is analysed here
 * (detection, mapping, preview rows) and the file goes to DuckDB's CSV reader, which checks every
 * row with the same rules (src/lib/db/bulkServiceLevels.ts): as `utf8`, the bytes themselves, when
 * the head is UTF-8 (nothing else is decoded: DuckDB rejects an invalid byte further on, and the
 * page then asks again with `fullDecode`); else as `text`, the whole file decoded. Any other file,
 * or a head that needs the user (wide table, missing columns, unknown dataset), gets the full
 * analysis.
 */
export function analyseLarge(
	bytes: Uint8Array,
	options: AnalyseOptions,
	ctx: ValidationContext,
	onProgress?: (fraction: number) => void
): { analysis: Analysis; text: string | null; utf8?: Uint8Array } {
	const bp = byteProblem(bytes);
	if (bp) return { analysis: rejected(bp), text: null };
	const large =
		bytes.length >= BULK_MIN_BYTES &&
		!options.wide &&
		(options.dataset === undefined || BULK_DATASETS.includes(options.dataset));
	const lines = large ? lineFacts(bytes) : null;
	// A line DuckDB's reader would refuse (with room for Windows-125x growing as UTF-8).
	const eligible = lines !== null && lines.fitsReader;
	const utf16 = utf16Of(bytes) !== null;
	// UTF-16 has 0x0a bytes inside characters: its lines cannot be measured in bytes.
	const bulk = { bulk: true, longCells: lines === null || lines.longCells || utf16 };
	if (eligible && !options.fullDecode && !utf16 && !hasMixedLineEnds(bytes)) {
		const end = bytes.lastIndexOf(0x0a, BULK_HEAD_CHARS);
		const head = end > 0 ? decodeBytes(bytes.subarray(0, end + 1)) : null;
		if (head && (head.encoding === 'utf-8' || head.encoding === 'utf-8-bom')) {
			const a = analyseText(head.text, head.encoding, options, ctx);
			if (!a.problem && !a.wide && a.dataset !== null && BULK_DATASETS.includes(a.dataset)) {
				onProgress?.(1);
				return { analysis: { ...a, ...bulk }, text: null, utf8: bytes };
			}
		}
	}
	const decoded = decodeBytes(bytes);
	const { encoding, mixedLines } = decoded;
	// DuckDB's reader takes one line end per file: a mixed file reaches it with LF throughout.
	const text = normaliseLineEnds(decoded.text);
	const notes = mixedWarning(mixedLines, encoding);
	const full = () => ({ analysis: analyseText(text, encoding, options, ctx, onProgress, notes), text: null });
	if (!eligible) return full();
	const cut = text.lastIndexOf('\n', BULK_HEAD_CHARS);
	if (cut <= 0) return full();
	const head = analyseText(text.slice(0, cut + 1), encoding, options, ctx, undefined, notes);
	if (head.problem || head.wide || head.dataset === null || !BULK_DATASETS.includes(head.dataset))
		return full();
	onProgress?.(1);
	return { analysis: { ...head, ...bulk }, text };
}

/**
 * The file as DuckDB's CSV reader gets it on the bulk path: UTF-8. A UTF-8 file is passed as it is
 * (no second copy; a BOM sits in the header line, which the reader skips); a UTF-16, Windows-125x
 * or mixed-encoding file, or one with mixed line ends, is the decoded text encoded again.
 */
export function bulkBytes(bytes: Uint8Array, encoding: Analysis['encoding'], text: string): Uint8Array {
	// Mixed line ends: the text (LF throughout) is what DuckDB must read; it drops a field at a lone CR.
	return (encoding === 'utf-8' || encoding === 'utf-8-bom') && !hasMixedLineEnds(bytes)
		? bytes
		: new TextEncoder().encode(text);
}

function analyseText(
	text: string,
	encoding: Analysis['encoding'],
	options: AnalyseOptions,
	ctx: ValidationContext,
	onProgress?: (fraction: number) => void,
	notes: RowIssue[] = [],
	delimiter?: string
): Analysis {
	// The plan's own tab-separated text (seed 001) imports as it is.
	if ((options.dataset === undefined || options.dataset === 'activities') && isPlanText(text)) {
		const activities = parsePlan(text);
		return {
			...EMPTY,
			encoding,
			delimiter: '\t',
			headerRow: 1,
			header: [
				'Nr',
				'Tegevus',
				'Sihtrühm',
				'Väljundid',
				'Sihttase',
				'Peavastutaja',
				'Kaasvastutajad',
				'Rahastamine',
				'Tähtaeg'
			],
			dataset: 'activities',
			detectedDataset: 'activities',
			mapping: {
				activity_id: 0,
				title: 1,
				target_group: 2,
				outputs: 3,
				target_text: 4,
				lead_owner: 5,
				co_owners: 6,
				funding: 7,
				deadline: 8
			},
			rowCount: activities.length,
			rows: activities,
			rowNumbers: activities.map((_, i) => i + 1)
		};
	}

	if (options.activityUnits && !ctx.activityUnits) ctx = { ...ctx, activityUnits: options.activityUnits };
	if (options.corrections?.length) ctx = { ...ctx, corrections: options.corrections };
	const read = readTable(text, { delimiter });
	if ('problem' in read) return rejected(read.problem, { encoding });
	const table: ReadResult = { ...read, encoding };
	onProgress?.(0.3);

	const detected = detectDataset(table.header).dataset;
	// A wide service-level table (one column per year or per indicator) when the header reads as one.
	const plan =
		options.dataset === 'service_levels' ||
		(options.dataset === undefined && (detected === null || detected === 'service_levels'))
			? planWide(table.header, table.rows)
			: null;
	const dataset: DatasetName | null = options.dataset ?? detected ?? (plan ? 'service_levels' : null);
	const base = {
		encoding: table.encoding,
		delimiter: table.delimiter,
		headerRow: table.headerRow,
		header: table.header,
		rowCount: table.rows.length,
		detectedDataset: detected ?? (plan ? ('service_levels' as const) : null)
	};
	if (dataset === 'service_levels' && (plan || options.wide)) {
		return analyseWide(table, plan, options, ctx, base, notes, onProgress);
	}
	if (!dataset) return rejected({ code: 'unknown_dataset', params: {} }, base);

	const { mapping, missingRequired, unmapped } = mapColumns(dataset, table.header, options.mapping);
	const shown = { ...base, dataset, mapping, missingRequired, unmapped };
	if (missingRequired.length) {
		return rejected(
			{ code: 'missing_columns', params: { columns: missingRequired.join(', ') } },
			{ ...EMPTY, ...shown }
		);
	}
	const result = validateRows(dataset, table, mapping, ctx, (f) => onProgress?.(0.3 + f * 0.7));
	onProgress?.(1);
	return {
		...shown,
		rowCount: table.rows.length,
		rows: result.rows,
		rowNumbers: result.rowNumbers,
		errors: result.errors,
		warnings: [...notes, ...duplicateColumns(table, mapping), ...table.warnings, ...result.warnings],
		percentValues: result.percents,
		...corrected(result.corrected)
	};
}

/** The analysis's corrections, when the analyst made any. */
const corrected = (list: Analysis['corrected']) => (list?.length ? { corrected: list } : {});

/**
 * A wide service-level table: unpivoted at once when its reading is unambiguous (or the user has
 * chosen), else returned without rows and with `wide.needs` saying what the user must choose.
 */
function analyseWide(
	table: ReadResult,
	plan: WidePlan | null,
	options: AnalyseOptions,
	ctx: ValidationContext,
	base: Pick<Analysis, 'encoding' | 'delimiter' | 'headerRow' | 'header' | 'rowCount' | 'detectedDataset'>,
	notes: RowIssue[],
	onProgress?: (fraction: number) => void
): Analysis {
	const o = options.wide ?? (plan ? wideOptionsOf(plan) : null);
	const shown: WidePlan = o
		? {
				kind: o.kind,
				idColumn: o.idColumn,
				valueColumns: o.valueColumns,
				indicatorColumn: o.indicatorColumn ?? null,
				yearColumn: o.yearColumn ?? null,
				candidates: plan?.candidates ?? [],
				needs: wideOptionNeeds(o)
			}
		: (plan as WidePlan);
	const warnings = [...notes, ...table.warnings];
	if (!o || shown.needs.length) {
		return { ...EMPTY, ...base, dataset: 'service_levels', wide: shown, warnings };
	}
	// Over-long cells anywhere in a file row (not only the unpivoted ones) reject that row first.
	const tooLong: RowIssue[] = [];
	const keep = table.rows.map((cells, i) => {
		const issues = overlongCells(cells, table.rowNumbers[i], table.header);
		tooLong.push(...issues);
		return issues.length === 0;
	});
	const shortRows = tooLong.length
		? {
				...table,
				rows: table.rows.filter((_, i) => keep[i]),
				rowNumbers: table.rowNumbers.filter((_, i) => keep[i])
			}
		: table;
	const long = unpivotWide(shortRows, o);
	const checked = validateRows('service_levels', long, long.mapping, ctx, (f) => onProgress?.(0.3 + f * 0.7));
	const result = tooLong.length
		? { ...checked, errors: [...tooLong, ...checked.errors].sort((a, b) => a.row - b.row) }
		: checked;
	onProgress?.(1);
	const keptColumns = long.kept;
	const used = new Set([
		...o.valueColumns,
		...Object.values(keptColumns).filter((i): i is number => i !== null)
	]);
	return {
		...base,
		dataset: 'service_levels',
		mapping: keptColumns,
		missingRequired: [],
		unmapped: table.header.filter((h, i) => !used.has(i) && h.trim() !== ''),
		rowCount: long.rows.length,
		// Counted in long rows, as the valid ones are (one file row gives a row per year); a file row
		// rejected for an over-long cell counts once.
		errorRowCount: long.rows.length - result.rows.length + keep.filter((k) => !k).length,
		rows: result.rows,
		rowNumbers: result.rowNumbers,
		errors: result.errors,
		warnings: [...warnings, ...result.warnings],
		percentValues: result.percents,
		...corrected(result.corrected),
		wide: { ...shown, applied: o, auto: !options.wide, kept: keptColumns }
	};
}

/** A workbook's sheet as the text the importer reads: tab-separated, every cell quoted as needed. */
export function sheetText(sheet: WorkbookSheet): string {
	return writeDelimited(sheet.rows, WORKBOOK_DELIMITER, '\n');
}
export const WORKBOOK_DELIMITER = '\t';

/**
 * A workbook (issue #18 "Workbooks"): the chosen sheet (the first by default) is read as a table
 * of its cells' values, with the same detection (title rows, header row), mapping and checks as a
 * CSV file. The sheets' names come back for the sheet picker.
 */
export function analyseWorkbook(
	sheets: WorkbookSheet[],
	kind: 'xlsx' | 'ods',
	options: AnalyseOptions,
	ctx: ValidationContext,
	onProgress?: (fraction: number) => void
): Analysis {
	const names = sheets.map((s) => s.name);
	const sheet = sheets.find((s) => s.name === options.sheet) ?? sheets[0];
	const base = { encoding: kind, delimiter: WORKBOOK_DELIMITER, sheets: names, sheet: sheet?.name };
	if (!sheet) return rejected({ code: 'workbook_empty', params: { sheet: '' } }, base);
	const text = sheetText(sheet);
	if (text.trim() === '') return rejected({ code: 'workbook_empty', params: { sheet: sheet.name } }, base);
	const a = analyseText(text, kind, options, ctx, onProgress, [], WORKBOOK_DELIMITER);
	return { ...a, sheets: names, sheet: sheet.name };
}

/**
 * Any file the import page and `kov check` take: a workbook (its reader loaded only now), else
 * text — on the large-file path when `bulk` (the page, which has DuckDB), else every row in JS.
 * A workbook that cannot be read is one clear message.
 */
export async function analyseAny(
	bytes: Uint8Array,
	options: AnalyseOptions,
	ctx: ValidationContext,
	onProgress?: (fraction: number) => void,
	bulk = true
): Promise<{ analysis: Analysis; text: string | null; utf8?: Uint8Array }> {
	const kind = workbookKind(bytes);
	if (kind === null)
		return bulk
			? analyseLarge(bytes, options, ctx, onProgress)
			: { analysis: analyseFile(bytes, options, ctx, onProgress), text: null };
	if (bytes.length > MAX_FILE_BYTES) return { analysis: rejected(byteProblem(bytes)!), text: null };
	if (kind === 'ods')
		return { analysis: rejected({ code: 'workbook_ods', params: {} }, { encoding: 'ods' }), text: null };
	let sheets: WorkbookSheet[];
	try {
		sheets = await readWorkbook(bytes);
	} catch (e) {
		const reason = e instanceof Error ? e.message : String(e);
		return {
			analysis: rejected({ code: 'workbook_unreadable', params: { reason } }, { encoding: kind }),
			text: null
		};
	}
	return { analysis: analyseWorkbook(sheets, kind, options, ctx, onProgress), text: null };
}

/**
 * The text the importer read from a file (decoded; a workbook's chosen sheet as text), for the
 * rejected-rows file.
 */
export async function fileText(bytes: Uint8Array, sheet?: string): Promise<string> {
	const kind = workbookKind(bytes);
	if (kind === 'xlsx') {
		const sheets = await readWorkbook(bytes);
		const s = sheets.find((x) => x.name === sheet) ?? sheets[0];
		return s ? sheetText(s) : '';
	}
	return decodeBytes(bytes).text;
}

/** Lines of a single-byte file that were UTF-8: read right, but the user should know. */
function mixedWarning(lines: number[] | undefined, encoding: Analysis['encoding']): RowIssue[] {
	if (!lines?.length) return [];
	const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? ', …' : '');
	return [
		{
			row: lines[0],
			column: '',
			value: shown,
			code: 'mixed_encoding',
			params: { n: lines.length, lines: shown, encoding }
		}
	];
}

/** A mapped column whose name appears again in the header: the first is used, and the user is told. */
function duplicateColumns(table: ReadResult, mapping: Record<string, number | null>): RowIssue[] {
	const norm = table.header.map(normalizeHeader);
	const out: RowIssue[] = [];
	for (const index of Object.values(mapping)) {
		if (index === null || norm[index] === '') continue;
		const others = norm.flatMap((h, i) => (h === norm[index] && i !== index ? [i + 1] : []));
		if (others.length)
			out.push({
				row: table.headerRow,
				column: table.header[index],
				value: table.header[index],
				code: 'duplicate_column',
				params: { value: table.header[index], first: index + 1, others: others.join(', ') }
			});
	}
	return out;
}

/**
 * The import state an analysis puts the page in (ui-contract "Import state"): `rejected` (the file
 * is unusable), `needs-input` (a wide table the user must explain before any row exists),
 * `has-errors` (row errors; `saveable` says whether any valid row is left to save), `ready`.
 * `ready` always has at least one row to save; a file with rows but none saveable and no error is
 * `rejected`.
 */
export function importState(a: Analysis): {
	status: 'ready' | 'has-errors' | 'rejected' | 'needs-input';
	saveable: number;
	/** Why nothing can be saved, when nothing can. */
	blocked: 'needs_input' | 'all_rows_invalid' | 'no_rows' | 'unusable' | null;
} {
	const { valid, errorRows } = analysisCounts(a);
	if (a.problem) return { status: 'rejected', saveable: 0, blocked: 'unusable' };
	if (a.wide?.needs.length) return { status: 'needs-input', saveable: 0, blocked: 'needs_input' };
	if (a.errors.length || errorRows > 0)
		return { status: 'has-errors', saveable: valid, blocked: valid > 0 ? null : 'all_rows_invalid' };
	if (valid > 0) return { status: 'ready', saveable: valid, blocked: null };
	return { status: 'rejected', saveable: 0, blocked: 'no_rows' };
}

/** Valid rows and rows with errors: over the whole file on the bulk path, else from the analysis. */
export function analysisCounts(a: Analysis): { valid: number; errorRows: number } {
	return {
		valid: a.validCount ?? a.rows.length,
		errorRows: a.errorRowCount ?? new Set(a.errors.map((e) => e.row)).size
	};
}
