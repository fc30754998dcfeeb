/**
 * The bulk path for large training files (issue #20: "the bulk path for every dataset with many
 * rows"). DuckDB's CSV reader reads the file; the row rules are the import core's own
 * (src/lib/import/datasets/validate.ts `trainingRow`), run so that they cannot drift:
 * - cells that need a parser (dates, counts, satisfaction, municipality, activity link) are parsed
 *   by the import core's parsers in JavaScript, once per **distinct** cell text — a training file
 *   repeats the same few hundred dates, counts and names — and joined back in SQL;
 * - texts are trimmed in SQL with JavaScript's whitespace set;
 * - the rules between cells (end before start, completed + dropped out > registered, the
 *   replace-by-key duplicate) are SQL over those values.
 * Same error codes, values, parameters and order as the JS path (a parity test holds them equal).
 */
import type { Municipality } from '$lib/types';
import { ident, type ColumnSpec, type Connector } from './connector';
import { timed } from '$lib/perf';
import { municipalityIssue, resolveMunicipality } from '$lib/import/datasets/municipality';
import { parseDate, parseInteger, parsePercent } from '$lib/import/read/values';
import { MAX_CELL_CHARS } from '$lib/import/read/problems';
import {
	BULK_STAGE,
	correctedRows,
	lit,
	overlong,
	readFileSql,
	sqlTrim,
	type BulkCheck,
	type BulkIssue
} from './bulkServiceLevels';
import { unknownActivityIssue } from '$lib/import/datasets/activityId';
import { Corrector } from '$lib/import/datasets/corrections';
import type { Correction } from '$lib/import/types';
import { DATASET_FIELDS } from '$lib/import/datasets/fields';

/** The row warnings the bulk path reports (for every row; a head analysis has them for its rows only). */
export const BULK_ROW_WARNINGS = [
	'unknown_activity_link',
	'unknown_activity_link_near',
	'activity_link_as_date'
];

/** The trainings fields a file may map (data-contract "trainings", the import core's fields), by column index. */
export type TrainingMapping = Record<string, number | null>;
export const TRAINING_FIELDS = DATASET_FIELDS.trainings.map((f) => f.name);

export interface BulkTrainingOptions {
	file: string;
	delimiter: string;
	headerRow: number;
	columnCount: number;
	mapping: TrainingMapping;
	/** As BulkOptions.longCells. */
	longCells?: boolean;
}

/** What the trainings' cells are checked against: the municipalities, the plan, the corrections. */
export interface BulkTrainingContext {
	municipalities: Municipality[];
	activityIds: Set<string>;
	corrections?: Correction[];
}

type Parsed =
	| 'activity_id'
	| 'start_date'
	| 'end_date'
	| 'municipality'
	| 'registered'
	| 'completed'
	| 'dropped_out'
	| 'satisfaction';
/** The fields a parser reads (every field but plain text), in the import core's order. */
const PARSED = DATASET_FIELDS.trainings.filter((f) => f.type !== 'text').map((f) => f.name as Parsed);
/** Parsed fields whose text a rule between cells names even when the cell itself is valid. */
const KEEP_TEXT: Parsed[] = ['end_date', 'completed'];
const RAW = '_bulk_raw';
const VALUES = '_bulk_values';
const ERRORS = '_bulk_errors';
const WARNINGS = '_bulk_warnings';
const VALUE_COLUMNS: ColumnSpec[] = [
	{ name: 'field', type: 'VARCHAR' },
	{ name: 'raw', type: 'VARCHAR' },
	{ name: 't', type: 'VARCHAR' },
	{ name: 'v', type: 'VARCHAR' },
	{ name: 'n', type: 'DOUBLE' },
	{ name: 'code', type: 'VARCHAR' },
	{ name: 'p', type: 'VARCHAR' }
];

/** One distinct cell text of a parsed field, as the import core's RowReader reads it. */
export function parseCell(
	field: Parsed,
	raw: string,
	ctx: BulkTrainingContext & { fix?: Corrector }
): { t: string; v: string | null; n: number | null; code: string | null; p: string | null } {
	const t = raw.trim();
	const out = {
		t,
		v: null as string | null,
		n: null as number | null,
		code: null as string | null,
		p: null as string | null
	};
	switch (field) {
		case 'activity_id': {
			const id = (ctx.fix?.to(field, t) ?? t).replace(/\.+$/, '');
			if (id === '') return out;
			if (ctx.activityIds.has(id)) out.v = id;
			else {
				const issue = unknownActivityIssue(id, ctx.activityIds, true);
				out.code = issue.code;
				out.p = issue.near;
			}
			return out;
		}
		case 'start_date':
		case 'end_date': {
			const d = parseDate(t);
			if (d === undefined) out.code = 'invalid_date';
			else out.v = d;
			return out;
		}
		case 'municipality': {
			if (t === '') return out;
			const r = resolveMunicipality(ctx.fix?.to(field, t) ?? t, ctx.municipalities);
			if ('ehak_code' in r) out.v = r.ehak_code;
			else {
				const issue = municipalityIssue(r);
				out.code = issue.code;
				out.p = issue.names;
			}
			return out;
		}
		case 'satisfaction': {
			const s = parsePercent(t);
			if (s === undefined || (s !== null && (s < 0 || s > 100))) out.code = 'invalid_percent';
			else out.n = s;
			return out;
		}
		default: {
			const n = parseInteger(t);
			if (n === undefined || (n !== null && n < 0)) out.code = 'invalid_count';
			else out.n = n;
			return out;
		}
	}
}

/**
 * Read the registered file into the stage table (`BULK_STAGE`, the trainings columns plus `_row`),
 * check every row, delete the rows with errors, and return the errors and warnings.
 */
export async function validateBulkTrainings(
	tx: Connector,
	o: BulkTrainingOptions,
	ctx: BulkTrainingContext,
	header: string[],
	errorLimit = 5000
): Promise<BulkCheck & { warnings: BulkIssue[] }> {
	const at = (f: string) => o.mapping[f] ?? null;
	const cell = (f: string, table = 'r') => {
		const i = at(f);
		return i === null ? 'NULL::VARCHAR' : `${table}.${ident(`c${i}`)}`;
	};
	const columnName = (f: string) => {
		const i = at(f);
		return lit(i === null ? f : header[i] || f);
	};
	await tx.exec(
		[RAW, VALUES, BULK_STAGE, ERRORS, WARNINGS].map((t) => `DROP TABLE IF EXISTS ${t};`).join(' ')
	);
	await timed('bulk:read', () =>
		tx.exec(
			`CREATE TEMP TABLE ${RAW} AS SELECT *, ${overlong(o.columnCount, o.longCells)} AS _long FROM (${readFileSql(o)})`
		)
	);
	// Each parsed field's distinct cells, parsed by the import core's own parsers.
	const mapped = PARSED.filter((f) => at(f) !== null);
	await tx.exec(
		`CREATE TEMP TABLE ${VALUES} (${VALUE_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')})`
	);
	// With corrections, each cell's rows are counted too (the rows a correction changed).
	const fix = new Corrector(ctx.corrections);
	let distinct: { field: Parsed; raw: string; n?: number }[] = [];
	await timed('bulk:values', async () => {
		if (!mapped.length) return;
		distinct = await tx.query<{ field: Parsed; raw: string; n?: number }>(
			mapped
				.map((f) => {
					const c = `coalesce(${ident(`c${at(f)}`)}, '')`;
					return fix.size
						? `SELECT '${f}' AS field, ${c} AS raw, count(*)::INTEGER AS n FROM ${RAW} WHERE _long IS NULL GROUP BY 2`
						: `SELECT DISTINCT '${f}' AS field, ${c} AS raw FROM ${RAW} WHERE _long IS NULL`;
				})
				.join(' UNION ALL ')
		);
		const parsed = distinct.map((d) => ({ ...d, ...parseCell(d.field, d.raw, { ...ctx, fix }) }));
		await tx.insertColumns(
			VALUES,
			VALUE_COLUMNS,
			Object.fromEntries(VALUE_COLUMNS.map((c) => [c.name, parsed.map((x) => x[c.name as keyof typeof x])]))
		);
	});
	// One join per parsed field. (Measured in DuckDB-wasm at 100,000 rows: SQL expressions in place of
	// the joins for the plain cells — regex + cast, strptime, list_contains — cost as much per field.)
	const join = (f: Parsed) =>
		at(f) === null
			? ''
			: `LEFT JOIN ${VALUES} ${f} ON ${f}.field = '${f}' AND ${f}.raw = coalesce(${cell(f)}, '')`;
	const v = (f: Parsed, c: 't' | 'v' | 'n' | 'code' | 'p') =>
		at(f) === null ? (c === 'n' ? 'NULL::DOUBLE' : c === 't' ? "''" : 'NULL::VARCHAR') : `${f}.${c}`;
	const text = (f: string) => `nullif(${sqlTrim(cell(f))}, '')`;
	await timed('bulk:stage', () =>
		tx.exec(
			`CREATE TEMP TABLE ${BULK_STAGE} AS SELECT r._row, r._long,
				${text('training_id')} AS training_id, ${text('program')} AS program, ${text('topic')} AS topic,
				${v('activity_id', 'v')} AS activity_id, ${text('organiser')} AS organiser,
				${v('start_date', 'v')} AS start_date, ${v('end_date', 'v')} AS end_date, ${v('municipality', 'v')} AS ehak_code,
				${v('registered', 'n')}::INTEGER AS registered, ${v('completed', 'n')}::INTEGER AS completed,
				${v('dropped_out', 'n')}::INTEGER AS dropped_out, ${v('satisfaction', 'n')} AS satisfaction,
				${PARSED.map(
					(f) =>
						// The cell's text is kept where an error names it (and for the two rules between cells).
						`${KEEP_TEXT.includes(f) ? v(f, 't') : `CASE WHEN ${v(f, 'code')} IS NOT NULL THEN ${v(f, 't')} END`} AS ${f}_t,
						${v(f, 'code')} AS ${f}_code, ${v(f, 'p')} AS ${f}_p`
				).join(', ')}
			FROM ${RAW} r ${mapped.map(join).join(' ')}; DROP TABLE ${RAW}; DROP TABLE ${VALUES};`
		)
	);
	const names = `[${Array.from({ length: o.columnCount }, (_, i) => lit(header[i] || String(i + 1))).join(', ')}]`;
	const fieldError = (f: Parsed, ord: number) =>
		`SELECT _row, ${ord} AS ord, ${columnName(f)} AS col, ${f}_t AS value, ${f}_code AS code, ${f}_p AS p,
			NULL::INTEGER AS a, NULL::INTEGER AS b, NULL::INTEGER AS c
		FROM ${BULK_STAGE} WHERE _long IS NULL AND ${f}_code IS NOT NULL`;
	const checks = [
		`SELECT _row, l.i - 1000 AS ord, ${names}[l.i + 1] AS col, l.v || '…' AS value, 'cell_too_long' AS code,
			NULL AS p, l.n AS a, NULL AS b, NULL AS c
		FROM (SELECT _row, unnest(_long) AS l FROM ${BULK_STAGE} WHERE _long IS NOT NULL)`,
		`SELECT _row, 1, ${columnName('program')}, '', 'missing_value', NULL, NULL, NULL, NULL
		FROM ${BULK_STAGE} WHERE _long IS NULL AND program IS NULL`,
		fieldError('start_date', 3),
		fieldError('end_date', 4),
		`SELECT _row, 5, ${columnName('end_date')}, end_date_t, 'end_before_start', start_date, NULL, NULL, NULL
		FROM ${BULK_STAGE} WHERE _long IS NULL AND start_date IS NOT NULL AND end_date IS NOT NULL AND end_date < start_date`,
		fieldError('registered', 6),
		fieldError('completed', 7),
		fieldError('dropped_out', 8),
		`SELECT _row, 9, ${columnName('completed')}, completed_t, 'completed_exceeds_registered', NULL,
			coalesce(completed, 0), coalesce(dropped_out, 0), registered
		FROM ${BULK_STAGE} WHERE _long IS NULL AND registered IS NOT NULL AND coalesce(completed, 0) + coalesce(dropped_out, 0) > registered`,
		fieldError('satisfaction', 10),
		...(at('municipality') === null ? [] : [fieldError('municipality', 11)])
	].join(' UNION ALL ');
	await timed('bulk:checks', () => tx.exec(`CREATE TEMP TABLE ${ERRORS} AS ${checks}`));
	// As the import core: a repeated key (training_id, else program + start date + municipality) is
	// an error only among rows with no other error; the first such row is the one kept.
	const key = `coalesce(training_id, program || '|' || coalesce(start_date, '') || '|' || coalesce(ehak_code, ''))`;
	await timed('bulk:duplicates', () =>
		tx.exec(
			`INSERT INTO ${ERRORS}
			SELECT _row, 12, ${columnName('program')}, program, 'duplicate_key', NULL, first_row, NULL, NULL FROM (
				SELECT _row, program, min(_row) OVER (PARTITION BY ${key}) AS first_row
				FROM ${BULK_STAGE} WHERE _row NOT IN (SELECT _row FROM ${ERRORS})
			) WHERE _row <> first_row`
		)
	);
	await tx.exec(
		`CREATE TEMP TABLE ${WARNINGS} AS SELECT _row, ${columnName('activity_id')} AS col, activity_id_t AS value,
			activity_id_code AS code, activity_id_p AS p
		FROM ${BULK_STAGE} WHERE _long IS NULL AND activity_id_code IS NOT NULL`
	);
	const [counts] = await tx.query<{ rows: number; errors: number; error_rows: number; warnings: number }>(
		`SELECT (SELECT count(*) FROM ${BULK_STAGE})::INTEGER AS rows, (SELECT count(*) FROM ${ERRORS})::INTEGER AS errors,
		 (SELECT count(DISTINCT _row) FROM ${ERRORS})::INTEGER AS error_rows`
	);
	const limit = Math.max(0, errorLimit | 0);
	const errors = await tx.query<{
		_row: number;
		col: string;
		value: string | null;
		code: string;
		p: string | null;
		a: number | null;
		b: number | null;
		c: number | null;
	}>(`SELECT _row, col, value, code, p, a, b, c FROM ${ERRORS} ORDER BY _row, ord LIMIT ${limit}`);
	const warnings = await tx.query<{
		_row: number;
		col: string;
		value: string;
		code: string;
		p: string | null;
	}>(`SELECT _row, col, value, code, p FROM ${WARNINGS} ORDER BY _row LIMIT ${limit}`);
	if (counts.errors > 0)
		await tx.exec(`DELETE FROM ${BULK_STAGE} WHERE _row IN (SELECT _row FROM ${ERRORS})`);
	await tx.exec(`DROP TABLE IF EXISTS ${ERRORS}; DROP TABLE IF EXISTS ${WARNINGS};`);
	return {
		rowCount: counts.rows,
		validCount: counts.rows - counts.error_rows,
		errorCount: counts.errors,
		errorRows: counts.error_rows,
		...correctedRows(fix, distinct),
		errors: errors.map((e) => {
			const value = e.value ?? '';
			return { row: e._row, column: e.col, value, code: e.code, params: { value, ...params(e) } };
		}),
		warnings: warnings.map((w) => ({
			row: w._row,
			column: w.col,
			value: w.value,
			code: w.code,
			params: { value: w.value, ...(w.p === null ? {} : { near: w.p }) }
		}))
	};
}

function params(e: {
	code: string;
	p: string | null;
	a: number | null;
	b: number | null;
	c: number | null;
}): Record<string, string | number> {
	switch (e.code) {
		case 'ambiguous_municipality':
			return { candidates: e.p ?? '' };
		case 'unknown_municipality_near':
			return { near: e.p ?? '' };
		case 'end_before_start':
			return { start: e.p ?? '' };
		case 'completed_exceeds_registered':
			return { completed: Number(e.a), dropped_out: Number(e.b), registered: Number(e.c) };
		case 'duplicate_key':
			return { first: Number(e.a) };
		case 'cell_too_long':
			return { length: Number(e.a), max: MAX_CELL_CHARS };
		default:
			return {};
	}
}

/** The valid staged rows in the trainings column order, in file order (what a test reads). */
export const BULK_TRAININGS_SELECT = `SELECT training_id, program, topic, activity_id, organiser, start_date, end_date,
	ehak_code, registered, completed, dropped_out, satisfaction FROM ${BULK_STAGE} ORDER BY _row`;
