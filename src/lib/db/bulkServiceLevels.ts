/**
 * The fast path for large service-level files: DuckDB's own CSV reader parses the whole file and the
 * row checks of the import core run as SQL over it (issue "Performance": JS parsing of a million
 * rows is several times slower than DuckDB's reader). Same rules and same error codes as
 * src/lib/import: unknown or ambiguous municipality, year not an integer in range, value not a
 * number, missing indicator, duplicate key within the file. Rows keep their file row numbers.
 */
import type { Municipality } from '$lib/types';
import { ident, type ColumnSpec, type Connector } from './connector';
import { timed } from '$lib/perf';
import { municipalityIssue, resolveMunicipality } from '$lib/import/datasets/municipality';
import { Corrector } from '$lib/import/datasets/corrections';
import type { AppliedCorrection, Correction } from '$lib/import/types';
import { BULK_MAX_LINE_BYTES, CELL_PREVIEW_CHARS, MAX_CELL_CHARS } from '$lib/import/read/problems';

export interface BulkMapping {
	municipality: number;
	year: number;
	indicator: number;
	value?: number | null;
	domain?: number | null;
	unit?: number | null;
	higher_is_better?: number | null;
}

export interface BulkOptions {
	/** Name under which the UTF-8 file is registered with DuckDB. */
	file: string;
	delimiter: string;
	/** 1-based record number of the header row; data start on the next row. */
	headerRow: number;
	columnCount: number;
	mapping: BulkMapping;
	minYear: number;
	maxYear: number;
	/** False when no cell can be over MAX_CELL_CHARS (lineFacts): the reader skips that check. */
	longCells?: boolean;
	/** The analyst's corrections of unknown municipalities (the import core's `corrections`). */
	corrections?: Correction[];
}

/** What a bulk check found: rows read, rows without errors, and the errors (at most the limit). */
export interface BulkCheck {
	rowCount: number;
	validCount: number;
	errors: BulkIssue[];
	errorCount: number;
	errorRows: number;
	/** The analyst's corrections and the rows each changed (absent when there were none). */
	corrected?: AppliedCorrection[];
}

/**
 * The registered file as DuckDB's CSV reader gives it: every column VARCHAR (`c0`, `c1`, …), after
 * the header row, with `_row` = the record's row number in the file (the numbers errors name).
 */
export function readFileSql(o: {
	file: string;
	delimiter: string;
	headerRow: number;
	columnCount: number;
}): string {
	const columns = Array.from({ length: o.columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
	return `SELECT (row_number() OVER () + ${o.headerRow})::INTEGER AS _row, *
		FROM read_csv('${o.file.replace(/'/g, "''")}', delim = '${o.delimiter.replace(/'/g, "''")}', header = false,
		skip = ${o.headerRow}, quote = '"', escape = '"', null_padding = true, ${READER_OPTIONS}, ignore_errors = false,
		strict_mode = false, columns = {${columns}}, auto_detect = false)`;
}

export interface BulkIssue {
	row: number;
	column: string;
	value: string;
	code: string;
	params: Record<string, string | number>;
}

/**
 * DuckDB's reader stops at a line over 2 MB by default; a longer one (a 5 MB comment) must reach
 * the over-long-cell check as a row error. The buffer stays at DuckDB's default 32 MB; a file with
 * a longer line never takes this path (`analyseLarge` reads it in JS).
 */
export const READER_OPTIONS = `max_line_size = ${BULK_MAX_LINE_BYTES}, buffer_size = ${32 * 1024 * 1024}`;

export const BULK_STAGE = '_bulk_service_levels';
const NAMES = '_bulk_names';
const ERRORS = '_bulk_errors';
const NAME_COLUMNS: ColumnSpec[] = [
	{ name: 'raw', type: 'VARCHAR' },
	{ name: 'ehak_code', type: 'VARCHAR' },
	{ name: 'candidates', type: 'VARCHAR' },
	{ name: 'near', type: 'VARCHAR' }
];
const TRIMMED = '_bulk_trimmed';
const TRIMMED_COLUMNS: ColumnSpec[] = [
	{ name: 'raw', type: 'VARCHAR' },
	{ name: 'text', type: 'VARCHAR' }
];
/** The import core's percentage units (isPercentUnit), for `lower(unit)`. */
const PERCENT_UNITS = '(%|protsent|protsenti|protsendid|percent|per cent|pct)';
const BOOL_TRUE = ['true', 'jah', 'yes', '1', 'tõene', 'x', 'y', 'j'].map((b) => `'${b}'`).join(', ');
const BOOL_FALSE = ['false', 'ei', 'no', '0', 'väär', 'n', 'e'].map((b) => `'${b}'`).join(', ');

/**
 * JavaScript's whitespace (what `String.prototype.trim` and `\s` remove): the import core trims
 * every cell with it and strips it from numbers, so the SQL must use the same set, not SQL's space.
 */
const JS_SPACE_CODES = [
	9,
	10,
	11,
	12,
	13,
	32,
	0xa0,
	0x1680,
	...Array.from({ length: 11 }, (_, i) => 0x2000 + i),
	0x2028,
	0x2029,
	0x202f,
	0x205f,
	0x3000,
	0xfeff
];
const JS_SPACES = String.fromCodePoint(...JS_SPACE_CODES);
const JS_SPACE_CLASS = `[${JS_SPACE_CODES.map((c) => `\\x{${c.toString(16)}}`).join('')}]`;

/** JavaScript's `trim()` in SQL (SQL's own trim removes spaces only). */
export function sqlTrim(x: string): string {
	return x === NULL_TEXT ? x : `trim(${x}, '${JS_SPACES}')`;
}

/** The import core's parseNumber after its trim: a leading − or – is a minus, whitespace goes. */
const clean = (x: string) =>
	`regexp_replace(regexp_replace(${x}, '^[−–]', '-'), '${JS_SPACE_CLASS}', '', 'g')`;
/** The import core's parseNumber on a cleaned text: the same accepted forms, in the same order. */
const num = (v: string) => `(CASE
	WHEN regexp_full_match(${v}, '[-+]?\\d+(,\\d+)?') THEN TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)
	WHEN regexp_full_match(${v}, '[-+]?\\d+(\\.\\d+)?') THEN TRY_CAST(${v} AS DOUBLE)
	WHEN regexp_full_match(${v}, '[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?') THEN TRY_CAST(replace(${v}, ',', '') AS DOUBLE)
	WHEN regexp_full_match(${v}, '[-+]?\\d{1,3}(\\.\\d{3})+(,\\d+)?') THEN TRY_CAST(replace(replace(${v}, '.', ''), ',', '.') AS DOUBLE)
	WHEN regexp_full_match(${v}, '[-+]?[.,]\\d+') THEN TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)
	END)`;

/**
 * How each spelling of a municipality resolves, by the import core's own `resolveMunicipality`: the
 * official spellings up front (they cover an export), then whatever else a file holds.
 */
export function municipalityNames(
	spellings: Iterable<string>,
	municipalities: Municipality[],
	fix?: Corrector
): { raw: string; ehak_code: string | null; candidates: string | null; near: string | null }[] {
	const out: { raw: string; ehak_code: string | null; candidates: string | null; near: string | null }[] = [];
	for (const raw of new Set(spellings)) {
		const r = resolveMunicipality(fix?.to('municipality', raw) ?? raw, municipalities);
		if ('ehak_code' in r) {
			out.push({ raw, ehak_code: r.ehak_code, candidates: null, near: null });
			continue;
		}
		// A name like none is left out: its rows keep no ehak_code and get `unknown_municipality`.
		const { code, names } = municipalityIssue(r);
		if (code === 'ambiguous_municipality') out.push({ raw, ehak_code: null, candidates: names, near: null });
		else if (code === 'unknown_municipality_near')
			out.push({ raw, ehak_code: null, candidates: null, near: names });
	}
	return out;
}

function officialSpellings(municipalities: Municipality[]): string[] {
	return municipalities.flatMap((m) => [
		m.name,
		m.ehak_code,
		String(Number(m.ehak_code)),
		m.name.replace(/\s+(linn|vald)$/i, '')
	]);
}

async function insertNames(tx: Connector, names: ReturnType<typeof municipalityNames>): Promise<void> {
	await tx.insertColumns(NAMES, NAME_COLUMNS, {
		raw: names.map((n) => n.raw),
		ehak_code: names.map((n) => n.ehak_code),
		candidates: names.map((n) => n.candidates),
		near: names.map((n) => n.near)
	});
}

/** An unmapped column: no text. */
const NULL_TEXT = 'NULL::VARCHAR';

/**
 * The import core trims every cell (JavaScript's `trim`). Texts have few distinct values, so they
 * are trimmed by JavaScript itself, once per distinct value that needs it: in an export that has
 * none (the common case) this costs one DISTINCT per column instead of a trim per cell.
 */
async function trimTexts(tx: Connector): Promise<void> {
	const texts = ['domain', 'indicator', 'unit'];
	const distinct = await tx.query<{ col: string; v: string }>(
		texts
			.map(
				(c) =>
					`SELECT '${c}' AS col, v FROM (SELECT DISTINCT ${c} AS v FROM ${BULK_STAGE} WHERE ${c} IS NOT NULL)`
			)
			.join(' UNION ALL ')
	);
	for (const c of texts) {
		const fixes = distinct.filter((d) => d.col === c && d.v.trim() !== d.v);
		if (!fixes.length) continue;
		await tx.exec(`CREATE OR REPLACE TEMP TABLE ${TRIMMED} (raw VARCHAR, text VARCHAR)`);
		await tx.insertColumns(TRIMMED, TRIMMED_COLUMNS, {
			raw: fixes.map((f) => f.v),
			text: fixes.map((f) => f.v.trim())
		});
		await tx.exec(
			`UPDATE ${BULK_STAGE} s SET ${c} = nullif(t.text, '') FROM ${TRIMMED} t WHERE s.${c} = t.raw; DROP TABLE ${TRIMMED};`
		);
	}
}

function col(i: number | null | undefined, table?: string): string {
	if (i === null || i === undefined) return NULL_TEXT;
	return table ? `${table}.${ident(`c${i}`)}` : ident(`c${i}`);
}

/**
 * Read the registered file with DuckDB's CSV reader straight into the typed stage table (one pass:
 * no raw copy of the file), check every row, and return the error rows and counts. Cells that are
 * already plain (`2024`, `12,5`, no surrounding space) take a one-regex path; the rest go through
 * the import core's full rules.
 */
export async function validateBulk(
	tx: Connector,
	o: BulkOptions,
	municipalities: Municipality[],
	header: string[],
	errorLimit = 5000
): Promise<BulkCheck> {
	await tx.exec(
		`DROP TABLE IF EXISTS ${NAMES}; DROP TABLE IF EXISTS ${BULK_STAGE}; DROP TABLE IF EXISTS ${ERRORS};`
	);
	await tx.exec(
		`CREATE TEMP TABLE ${NAMES} (raw VARCHAR, ehak_code VARCHAR, candidates VARCHAR, near VARCHAR)`
	);
	await insertNames(tx, municipalityNames(officialSpellings(municipalities), municipalities));

	const m = o.mapping;
	const [cm, cy, cd, ci, cv, cu, ch] = [
		m.municipality,
		m.year,
		m.domain,
		m.indicator,
		m.value,
		m.unit,
		m.higher_is_better
	].map((i) => col(i));
	const hib = sqlTrim(ch);
	await timed('bulk:read', () =>
		tx.exec(
			`CREATE TEMP TABLE ${BULK_STAGE} AS
			SELECT _row, ${overlong(o.columnCount, o.longCells)} AS _long, ${cm} AS municipality_raw, l.ehak_code, l.candidates,
				${cy} AS year_raw, CASE WHEN isfinite(_yn) AND _yn = floor(_yn) THEN least(greatest(_yn, -2147483647), 2147483647)::INTEGER END AS year,
				nullif(${cd}, '') AS domain, nullif(${ci}, '') AS indicator,
				${cv} AS value_raw, _vn AS value, _vn IS NOT NULL AND _vp AS value_percent, nullif(${cu}, '') AS unit, ${ch} AS hib_raw,
				CASE WHEN lower(${hib}) IN (${BOOL_FALSE}) THEN false
					WHEN coalesce(${hib}, '') = '' OR lower(${hib}) IN (${BOOL_TRUE}) THEN true END AS higher_is_better
			FROM (
				SELECT *, CASE WHEN _ys IS NULL THEN TRY_CAST(${cy} AS DOUBLE) ELSE ${num('_ys')} END AS _yn,
					-- A percent cell as Excel writes it (45 %, spaces gone): the number before the sign.
					coalesce(ends_with(_vs, '%'), false) AS _vp,
					CASE WHEN _vs IS NULL THEN TRY_CAST(replace(${cv}, ',', '.') AS DOUBLE)
						WHEN ends_with(_vs, '%') THEN ${num('substr(_vs, 1, length(_vs) - 1)')}
						ELSE ${num('_vs')} END AS _vn
				FROM (
					SELECT *,
						CASE WHEN NOT regexp_full_match(${cy}, '\\d{1,9}') THEN ${clean(sqlTrim(cy))} END AS _ys,
						CASE WHEN NOT regexp_full_match(${cv}, '[-+]?\\d+(,\\d+)?') THEN ${clean(sqlTrim(cv))} END AS _vs
					FROM (${readFileSql(o)})
				)
			) r
			LEFT JOIN ${NAMES} l ON l.raw = ${col(m.municipality, 'r')}`
		)
	);
	// Spellings other than the official ones (`TALLINN`, `Tallinna linn`, ` 784`): resolved once each.
	// With corrections, each spelling's rows are counted too (the rows a correction changed).
	const fix = new Corrector(o.corrections);
	const other = await tx.query<{ raw: string; n?: number }>(
		fix.size
			? `SELECT municipality_raw AS raw, (count(*) FILTER (WHERE _long IS NULL))::INTEGER AS n FROM ${BULK_STAGE}
			 WHERE ehak_code IS NULL AND candidates IS NULL AND municipality_raw IS NOT NULL GROUP BY 1`
			: `SELECT DISTINCT municipality_raw AS raw FROM ${BULK_STAGE}
			 WHERE ehak_code IS NULL AND candidates IS NULL AND municipality_raw IS NOT NULL`
	);
	const resolved = municipalityNames(
		other.map((r) => r.raw),
		municipalities,
		fix
	);
	// A misspelling's near names ("did you mean") get a column only when there are any: the common
	// file pays nothing for them.
	const hasNear = resolved.some((n) => n.near !== null);
	if (resolved.length) {
		await tx.exec(`DELETE FROM ${NAMES}`);
		await insertNames(tx, resolved);
		if (hasNear) await tx.exec(`ALTER TABLE ${BULK_STAGE} ADD COLUMN near VARCHAR`);
		await tx.exec(
			`UPDATE ${BULK_STAGE} s SET ehak_code = l.ehak_code, candidates = l.candidates${hasNear ? ', near = l.near' : ''}
			 FROM ${NAMES} l WHERE s.municipality_raw = l.raw`
		);
	}
	await timed('bulk:trim', () => trimTexts(tx));
	// As the import core: a percent cell with no unit is a percentage (the sign says so).
	await tx.exec(`UPDATE ${BULK_STAGE} SET unit = '%' WHERE value_percent AND unit IS NULL`);
	// The column named in an error: its header, or the field's name (as the import core does).
	const h = (i: number | null | undefined, field: string) =>
		i === null || i === undefined ? field : header[i] || field;
	const [mun, year, value, hibRaw] = ['municipality_raw', 'year_raw', 'value_raw', 'hib_raw'].map(sqlTrim);
	const names = `[${Array.from({ length: o.columnCount }, (_, i) => lit(header[i] || String(i + 1))).join(', ')}]`;
	// A row with an over-long cell gets that error only (as the import core): one per such cell.
	const checks = `
		SELECT _row, l.i - 1000 AS ord, ${names}[l.i + 1] AS col, l.v || '…' AS value, 'cell_too_long' AS code,
			l.n::VARCHAR AS candidates
		FROM (SELECT _row, unnest(_long) AS l FROM ${BULK_STAGE} WHERE _long IS NOT NULL)
		UNION ALL
		SELECT _row, 1 AS ord, ${lit(h(m.municipality, 'municipality'))} AS col, ${mun} AS value,
			CASE WHEN candidates IS NOT NULL THEN 'ambiguous_municipality'
				WHEN coalesce(${mun}, '') = '' THEN 'missing_value'
				${hasNear ? "WHEN near IS NOT NULL THEN 'unknown_municipality_near'" : ''}
				ELSE 'unknown_municipality' END AS code, ${hasNear ? 'coalesce(candidates, near)' : 'candidates'} AS candidates
		FROM ${BULK_STAGE} WHERE _long IS NULL AND (ehak_code IS NULL)
		UNION ALL
		SELECT _row, 2, ${lit(h(m.year, 'year'))}, ${year},
			CASE WHEN coalesce(${year}, '') = '' THEN 'missing_value'
				WHEN year IS NULL THEN 'invalid_year' ELSE 'year_out_of_range' END, NULL
		FROM ${BULK_STAGE} WHERE _long IS NULL AND (year IS NULL OR year < ${o.minYear} OR year > ${o.maxYear})
		UNION ALL
		SELECT _row, 3, ${lit(h(m.indicator, 'indicator'))}, '', 'missing_value', NULL FROM ${BULK_STAGE} WHERE _long IS NULL AND (indicator IS NULL)
		UNION ALL
		SELECT _row, 5, ${lit(h(m.value, 'value'))}, ${value}, 'invalid_number', NULL
		FROM ${BULK_STAGE} WHERE _long IS NULL AND (value IS NULL AND coalesce(${value}, '') <> '')
		UNION ALL
		SELECT _row, 5, ${lit(h(m.value, 'value'))}, ${value}, 'percent_for_unit', unit
		FROM ${BULK_STAGE} WHERE _long IS NULL AND (value_percent AND NOT regexp_full_match(lower(unit), '${PERCENT_UNITS}'))
		UNION ALL
		SELECT _row, 4, ${lit(h(m.higher_is_better, 'higher_is_better'))}, ${hibRaw}, 'invalid_boolean', NULL
		FROM ${BULK_STAGE} WHERE _long IS NULL AND (higher_is_better IS NULL)
		`;
	await timed('bulk:checks', () => tx.exec(`CREATE TEMP TABLE ${ERRORS} AS ${checks}`));
	// As in the import core, a repeated key is an error only on rows that have no other error. The
	// keys are grouped by their hash first (half the work of grouping the strings); only rows whose
	// hash repeats are grouped by the key itself.
	const cleanRows = `_row NOT IN (SELECT _row FROM ${ERRORS})`;
	const duplicates = `
		SELECT s._row, 6 AS ord, ${lit(h(m.indicator, 'indicator'))} AS col, s.indicator AS value, 'duplicate_key' AS code,
			d.first_row::VARCHAR AS candidates
		FROM ${BULK_STAGE} s JOIN (
			SELECT ehak_code, indicator, year, min(_row) AS first_row FROM ${BULK_STAGE}
			WHERE hash(ehak_code, indicator, year) IN (
				SELECT hash(ehak_code, indicator, year) FROM ${BULK_STAGE} WHERE ${cleanRows} GROUP BY 1 HAVING count(*) > 1
			) AND ${cleanRows}
			GROUP BY ALL HAVING count(*) > 1
		) d USING (ehak_code, indicator, year)
		WHERE s._row <> d.first_row AND s.${cleanRows}`;
	await timed('bulk:duplicates', () => tx.exec(`INSERT INTO ${ERRORS} ${duplicates}`));
	const [counts] = await tx.query<{ rows: number; errors: number; error_rows: number }>(
		`SELECT (SELECT count(*) FROM ${BULK_STAGE})::INTEGER AS rows, (SELECT count(*) FROM ${ERRORS})::INTEGER AS errors,
		 (SELECT count(DISTINCT _row) FROM ${ERRORS})::INTEGER AS error_rows`
	);
	const errors = await tx.query<{
		_row: number;
		col: string;
		value: string | null;
		code: string;
		candidates: string | null;
	}>(
		`SELECT _row, col, value, code, candidates FROM ${ERRORS} ORDER BY _row, ord LIMIT ${Math.max(0, errorLimit | 0)}`
	);
	if (counts.errors > 0)
		await tx.exec(`DELETE FROM ${BULK_STAGE} WHERE _row IN (SELECT _row FROM ${ERRORS})`);
	await tx.exec(`DROP TABLE IF EXISTS ${NAMES}; DROP TABLE IF EXISTS ${ERRORS};`);
	return {
		rowCount: counts.rows,
		validCount: counts.rows - counts.error_rows,
		errorCount: counts.errors,
		errorRows: counts.error_rows,
		...correctedRows(
			fix,
			other.map((r) => ({ ...r, field: 'municipality' }))
		),
		errors: errors.map((e) => ({
			row: e._row,
			column: e.col,
			value: e.value ?? '',
			code: e.code,
			params: issueParams(e, o)
		}))
	};
}

function issueParams(
	e: { value: string | null; code: string; candidates: string | null },
	o: BulkOptions
): Record<string, string | number> {
	switch (e.code) {
		case 'ambiguous_municipality':
			return { value: e.value ?? '', candidates: e.candidates ?? '' };
		case 'unknown_municipality_near':
			return { value: e.value ?? '', near: e.candidates ?? '' };
		case 'year_out_of_range':
			return { value: e.value ?? '', min: o.minYear, max: o.maxYear };
		case 'duplicate_key':
			return { value: e.value ?? '', first: Number(e.candidates) };
		case 'cell_too_long':
			return { value: e.value ?? '', length: Number(e.candidates), max: MAX_CELL_CHARS };
		case 'percent_for_unit':
			return { value: e.value ?? '', unit: e.candidates ?? '' };
		default:
			return { value: e.value ?? '' };
	}
}

/**
 * The file's cells over MAX_CELL_CHARS characters, as a list of {i: column, n: length, v: start}
 * (NULL when none): `strlen` (bytes, cheap) first, `length` (characters) only where it can be over.
 * A file that cannot hold such a cell (`longCells` false, from lineFacts) gets the NULL at once.
 */
export function overlong(columnCount: number, longCells = true): string {
	if (!longCells) return 'NULL::STRUCT(i INTEGER, n BIGINT, v VARCHAR)[]';
	const cells = Array.from({ length: columnCount }, (_, i) => {
		const c = ident(`c${i}`);
		return `CASE WHEN strlen(${c}) > ${MAX_CELL_CHARS} AND length(${c}) > ${MAX_CELL_CHARS} THEN {'i': ${i}, 'n': length(${c}), 'v': left(${c}, ${CELL_PREVIEW_CHARS})} END`;
	});
	return `nullif(list_filter([${cells.join(', ')}], x -> x IS NOT NULL), [])`;
}

/** The corrections with the rows each changed, from the counts of each distinct cell of its field. */
export function correctedRows(
	fix: Corrector,
	cells: { field: string; raw: string; n?: number }[]
): { corrected?: AppliedCorrection[] } {
	if (!fix.size) return {};
	const rows = new Map<string, number>();
	for (const c of cells) {
		const field = c.field as Correction['field'];
		if (!fix.find(field, c.raw)) continue;
		const k = Corrector.key(field, c.raw);
		rows.set(k, (rows.get(k) ?? 0) + (c.n ?? 0));
	}
	return { corrected: fix.applied(rows) };
}

export function lit(s: string): string {
	return `'${s.replace(/'/g, "''")}'`;
}

/** The valid staged rows in the service_levels column order, in file order (what a test reads). */
export const BULK_SELECT = `SELECT ehak_code, year, domain, indicator, value, unit, higher_is_better FROM ${BULK_STAGE} ORDER BY _row`;
