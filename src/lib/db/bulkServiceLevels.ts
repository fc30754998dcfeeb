/**
 * The fast path for large service-level files: DuckDB's own CSV reader parses the whole file and the
 * row checks of the import core run as SQL over it (issue "Performance": JS parsing of a million
 * rows is several times slower than DuckDB's reader). Same rules and same error codes as
 * src/lib/import: unknown or ambiguous municipality, year not an integer in range, value not a
 * number, missing indicator, duplicate key within the file. Rows keep their file row numbers.
 */
import type { Municipality } from '$lib/types';
import { ident, type ColumnSpec, type Connector } from './connector';

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
}

export interface BulkIssue {
	row: number;
	column: string;
	value: string;
	code: string;
	params: Record<string, string | number>;
}

export const BULK_STAGE = '_bulk_service_levels';
const BOOL_TRUE = ['true', 'jah', 'yes', '1', 'tõene', 'x', 'y', 'j'].map((b) => `'${b}'`).join(', ');
const BOOL_FALSE = ['false', 'ei', 'no', '0', 'väär', 'n', 'e'].map((b) => `'${b}'`).join(', ');
const RAW = '_bulk_raw';
const LOOKUP = '_bulk_municipality_lookup';
const LOOKUP_COLUMNS: ColumnSpec[] = [
	{ name: 'key', type: 'VARCHAR' },
	{ name: 'ehak_code', type: 'VARCHAR' },
	{ name: 'candidates', type: 'VARCHAR' }
];

/** The same normalisation as the import core's name matching: case, spacing and diacritics. */
export function normaliseName(s: string): string {
	return s.trim().replace(/\s+/g, ' ').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}
const SQL_NORMALISE = (x: string) => `lower(strip_accents(regexp_replace(trim(${x}), '\\s+', ' ', 'g')))`;

/** Every spelling that resolves a municipality: EHAK code with and without zeros, name, bare name. */
export function municipalityLookup(
	municipalities: Municipality[]
): { key: string; ehak_code: string | null; candidates: string | null }[] {
	const byKey = new Map<string, Set<string>>();
	const add = (key: string, code: string) => {
		const set = byKey.get(key) ?? new Set<string>();
		set.add(code);
		byKey.set(key, set);
	};
	const names = new Map(municipalities.map((m) => [m.ehak_code, m.name]));
	for (const m of municipalities) {
		add(m.ehak_code, m.ehak_code);
		add(String(Number(m.ehak_code)), m.ehak_code);
		add(normaliseName(m.name), m.ehak_code);
		const bare = normaliseName(m.name.replace(/\s+(linn|vald)$/i, ''));
		add(bare, m.ehak_code);
		// `Tallinn` is the one city named without `linn`; its long form is the genitive `Tallinna linn`.
		if (m.type === 'linn' && !/\slinn$/i.test(m.name)) {
			add(normaliseName(`${m.name} linn`), m.ehak_code);
			add(normaliseName(`${m.name}a linn`), m.ehak_code);
		}
	}
	return [...byKey.entries()].map(([key, codes]) =>
		codes.size === 1
			? { key, ehak_code: [...codes][0], candidates: null }
			: { key, ehak_code: null, candidates: [...codes].map((c) => names.get(c) ?? c).join(' | ') }
	);
}

function col(i: number | null | undefined, table?: string): string {
	if (i === null || i === undefined) return 'NULL';
	return table ? `${table}.${ident(`c${i}`)}` : ident(`c${i}`);
}

/** Parse the registered file and build the typed stage table; returns the error rows and counts. */
export async function validateBulk(
	tx: Connector,
	o: BulkOptions,
	municipalities: Municipality[],
	header: string[],
	errorLimit = 5000
): Promise<{
	rowCount: number;
	validCount: number;
	errors: BulkIssue[];
	errorCount: number;
	errorRows: number;
}> {
	const columns = Array.from({ length: o.columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
	const delim = o.delimiter.replace(/'/g, "''");
	await tx.exec(
		`DROP TABLE IF EXISTS ${RAW}; DROP TABLE IF EXISTS ${LOOKUP}; DROP TABLE IF EXISTS ${BULK_STAGE};`
	);
	await tx.exec(
		`CREATE TEMP TABLE ${RAW} AS SELECT (row_number() OVER () + ${o.headerRow})::INTEGER AS _row, *
		 FROM read_csv('${o.file.replace(/'/g, "''")}', delim = '${delim}', header = false, skip = ${o.headerRow},
		 quote = '"', escape = '"', null_padding = true, ignore_errors = false, strict_mode = false,
		 columns = {${columns}}, auto_detect = false)`
	);
	await tx.exec(`CREATE TEMP TABLE ${LOOKUP} (key VARCHAR, ehak_code VARCHAR, candidates VARCHAR)`);
	const lookup = municipalityLookup(municipalities);
	await tx.insertColumns(LOOKUP, LOOKUP_COLUMNS, {
		key: lookup.map((l) => l.key),
		ehak_code: lookup.map((l) => l.ehak_code),
		candidates: lookup.map((l) => l.candidates)
	});

	const m = o.mapping;
	// The import core's parseNumber as SQL: the same accepted forms, in the same order.
	const clean = (x: string) =>
		`regexp_replace(regexp_replace(trim(${x}), '^[−–]', '-'), '[\\s\u00a0\u202f\u2009]', '', 'g')`;
	const num = (v: string) => `(CASE
			WHEN regexp_full_match(${v}, '[-+]?\\d+(,\\d+)?') THEN TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)
			WHEN regexp_full_match(${v}, '[-+]?\\d+(\\.\\d+)?') THEN TRY_CAST(${v} AS DOUBLE)
			WHEN regexp_full_match(${v}, '[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?') THEN TRY_CAST(replace(${v}, ',', '') AS DOUBLE)
			WHEN regexp_full_match(${v}, '[-+]?\\d{1,3}(\\.\\d{3})+(,\\d+)?') THEN TRY_CAST(replace(replace(${v}, '.', ''), ',', '.') AS DOUBLE)
			WHEN regexp_full_match(${v}, '[-+]?[.,]\\d+') THEN TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)
			END)`;
	// 79 municipalities: resolve each distinct spelling once, then join on the raw text.
	await tx.exec(
		`CREATE OR REPLACE TEMP TABLE _bulk_names AS
		 SELECT n.raw, l.ehak_code, l.candidates FROM (SELECT DISTINCT ${col(m.municipality)} AS raw FROM ${RAW}) n
		 LEFT JOIN ${LOOKUP} l ON l.key = CASE WHEN regexp_full_match(trim(n.raw), '\\d{1,4}')
			THEN lpad(trim(n.raw), 4, '0') ELSE ${SQL_NORMALISE('n.raw')} END`
	);
	await tx.exec(
		`CREATE TEMP TABLE ${BULK_STAGE} AS
		 SELECT r._row,
			trim(${col(m.municipality)}) AS municipality_raw,
			l.ehak_code, l.candidates,
			trim(${col(m.year)}) AS year_raw,
			CASE WHEN _yn = floor(_yn) AND abs(_yn) < 2147483648 THEN _yn::INTEGER END AS year,
			nullif(trim(${col(m.domain)}), '') AS domain,
			nullif(trim(${col(m.indicator)}), '') AS indicator,
			trim(${col(m.value)}) AS value_raw, _vn AS value,
			nullif(trim(${col(m.unit)}), '') AS unit,
			trim(${col(m.higher_is_better)}) AS hib_raw,
			CASE WHEN lower(trim(${col(m.higher_is_better)})) IN (${BOOL_FALSE}) THEN false
				WHEN coalesce(trim(${col(m.higher_is_better)}), '') = '' OR lower(trim(${col(m.higher_is_better)})) IN (${BOOL_TRUE}) THEN true
				END AS higher_is_better
		 FROM (SELECT *, ${num('_y')} AS _yn, ${num('_v')} AS _vn
			FROM (SELECT *, ${clean(col(m.year))} AS _y, ${clean(col(m.value))} AS _v FROM ${RAW})) r
		 LEFT JOIN _bulk_names l ON l.raw IS NOT DISTINCT FROM ${col(m.municipality, 'r')}`
	);
	// The column named in an error: its header, or the field's name (as the import core does).
	const h = (i: number | null | undefined, field: string) =>
		i === null || i === undefined ? field : header[i] || field;
	const checks = `
		SELECT _row, 1 AS ord, ${lit(h(m.municipality, 'municipality'))} AS col, municipality_raw AS value,
			CASE WHEN candidates IS NOT NULL THEN 'ambiguous_municipality'
				WHEN municipality_raw IS NULL OR municipality_raw = '' THEN 'missing_value'
				ELSE 'unknown_municipality' END AS code, candidates
		FROM ${BULK_STAGE} WHERE ehak_code IS NULL
		UNION ALL
		SELECT _row, 2, ${lit(h(m.year, 'year'))}, year_raw,
			CASE WHEN year_raw IS NULL OR year_raw = '' THEN 'missing_value'
				WHEN year IS NULL THEN 'invalid_year' ELSE 'year_out_of_range' END, NULL
		FROM ${BULK_STAGE} WHERE year IS NULL OR year < ${o.minYear} OR year > ${o.maxYear}
		UNION ALL
		SELECT _row, 3, ${lit(h(m.indicator, 'indicator'))}, '', 'missing_value', NULL FROM ${BULK_STAGE} WHERE indicator IS NULL
		UNION ALL
		SELECT _row, 5, ${lit(h(m.value, 'value'))}, value_raw, 'invalid_number', NULL
		FROM ${BULK_STAGE} WHERE value IS NULL AND value_raw IS NOT NULL AND value_raw <> ''
		UNION ALL
		SELECT _row, 4, ${lit(h(m.higher_is_better, 'higher_is_better'))}, hib_raw, 'invalid_boolean', NULL
		FROM ${BULK_STAGE} WHERE higher_is_better IS NULL`;
	// As in the import core, a repeated key is an error only on rows that have no other error.
	const duplicates = `
		SELECT s._row, 6 AS ord, ${lit(h(m.indicator, 'indicator'))} AS col, s.indicator AS value, 'duplicate_key' AS code,
			d.first_row::VARCHAR AS candidates
		FROM ${BULK_STAGE} s JOIN (
			SELECT ehak_code, indicator, year, min(_row) AS first_row FROM ${BULK_STAGE}
			WHERE _row NOT IN (SELECT _row FROM _bulk_errors)
			GROUP BY ALL HAVING count(*) > 1
		) d USING (ehak_code, indicator, year)
		WHERE s._row <> d.first_row AND s._row NOT IN (SELECT _row FROM _bulk_errors)`;
	await tx.exec(`CREATE OR REPLACE TEMP TABLE _bulk_errors AS ${checks}`);
	await tx.exec(`INSERT INTO _bulk_errors ${duplicates}`);
	const [counts] = await tx.query<{ rows: number; errors: number; error_rows: number }>(
		`SELECT (SELECT count(*) FROM ${BULK_STAGE})::INTEGER AS rows, (SELECT count(*) FROM _bulk_errors)::INTEGER AS errors,
		 (SELECT count(DISTINCT _row) FROM _bulk_errors)::INTEGER AS error_rows`
	);
	const errors = await tx.query<{
		_row: number;
		col: string;
		value: string | null;
		code: string;
		candidates: string | null;
	}>(
		`SELECT _row, col, value, code, candidates FROM _bulk_errors ORDER BY _row, ord LIMIT ${Math.max(0, errorLimit | 0)}`
	);
	await tx.exec(`DELETE FROM ${BULK_STAGE} WHERE _row IN (SELECT _row FROM _bulk_errors)`);
	await tx.exec(
		`DROP TABLE IF EXISTS ${RAW}; DROP TABLE IF EXISTS ${LOOKUP}; DROP TABLE IF EXISTS _bulk_names; DROP TABLE IF EXISTS _bulk_errors;`
	);
	return {
		rowCount: counts.rows,
		validCount: counts.rows - counts.error_rows,
		errorCount: counts.errors,
		errorRows: counts.error_rows,
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
		case 'year_out_of_range':
			return { value: e.value ?? '', min: o.minYear, max: o.maxYear };
		case 'duplicate_key':
			return { value: e.value ?? '', first: Number(e.candidates) };
		default:
			return { value: e.value ?? '' };
	}
}

function lit(s: string): string {
	return `'${s.replace(/'/g, "''")}'`;
}

/** Select the valid staged rows in the service_levels column order (for applyImport's stage). */
export const BULK_SELECT = `SELECT ehak_code, year, domain, indicator, value, unit, higher_is_better FROM ${BULK_STAGE} ORDER BY _row`;
