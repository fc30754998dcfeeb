import type { ReadResult, WideNeed, WideOptions, WidePlan } from '../types';
import { normalizeHeader, parseMeasure } from '../read/values';
import { mapColumns } from './fields';

/**
 * The year a column header names: `2024`, `2024. a`, `2024 a.`, `2024. aasta`, `Aasta 2024`,
 * `Year 2024`; else null.
 */
export function yearOfHeader(header: string): number | null {
	const m = /^(?:(?:aasta|year) )?((?:19|20)\d{2})(?: (?:a|aasta|year))?$/.exec(normalizeHeader(header));
	return m ? Number(m[1]) : null;
}

/** Share of a column's non-empty cells (in the first rows) that read as numbers or percent cells. */
function numericShare(rows: string[][], column: number): { share: number; filled: number } {
	let filled = 0;
	let numeric = 0;
	for (const r of rows.slice(0, 200)) {
		const v = (r[column] ?? '').trim();
		if (v === '' || v === '-' || v === '–' || v === '..' || v === '…') continue;
		filled++;
		if (parseMeasure(v)) numeric++;
	}
	return { share: filled ? numeric / filled : 0, filled };
}

/**
 * A wide service-level table as statistics offices publish it, and how to turn it long.
 *
 * - **one column per year** (`Omavalitsus;Valdkond;Näitaja;2022;2023;2024`, also `2024. a`,
 *   `Aasta 2024`): the year columns are unpivoted, every column that maps to a field (municipality
 *   or EHAK code, domain, indicator, unit, direction) is kept with each long row;
 * - **one column per indicator** with a year column (`KOV;Aasta;Lasteaiakoha ootejärjekord;…`):
 *   the columns that map to no field and hold numbers are the indicators.
 *
 * `needs` is empty when that reading is unambiguous; else it names what the user must give: the
 * indicator (a column of the file or a name for all rows) or the year (likewise). Null when the
 * header is not a wide service-level table (a long table, or no municipality column).
 */
export function planWide(header: string[], rows: string[][]): WidePlan | null {
	const { mapping } = mapColumns('service_levels', header);
	const idColumn = mapping.ehak_code ?? mapping.municipality ?? null;
	if (idColumn === null || mapping.value !== null) return null;
	const mapped = new Set(Object.values(mapping).filter((i): i is number => i !== null));
	const free = header.map((_, i) => i).filter((i) => !mapped.has(i) && header[i].trim() !== '');
	const years = free.filter((i) => yearOfHeader(header[i]) !== null);

	if (years.length && mapping.year === null) {
		const indicatorColumn = mapping.indicator;
		// Text columns that could hold the indicator's name when no column is called so.
		const candidates = free.filter((i) => !years.includes(i) && numericShare(rows, i).share < 0.5);
		const needs: WideNeed[] = indicatorColumn === null ? ['indicator'] : [];
		return {
			kind: 'year',
			idColumn,
			valueColumns: years,
			indicatorColumn,
			yearColumn: null,
			candidates,
			needs
		};
	}
	if (mapping.indicator !== null || years.length) return null;
	const indicators = free.filter((i) => {
		const { share, filled } = numericShare(rows, i);
		return filled > 0 && share >= 0.8;
	});
	if (!indicators.length) return null;
	const yearColumn = mapping.year;
	const candidates = free.filter((i) => !indicators.includes(i));
	const needs: WideNeed[] = yearColumn === null ? ['year'] : [];
	return {
		kind: 'indicator',
		idColumn,
		valueColumns: indicators,
		indicatorColumn: null,
		yearColumn,
		candidates,
		needs
	};
}

/** The options that unpivot a plan without further input (`needs` empty), else null. */
export function wideOptionsOf(plan: WidePlan): WideOptions | null {
	if (plan.needs.length) return null;
	return {
		idColumn: plan.idColumn,
		kind: plan.kind,
		valueColumns: plan.valueColumns,
		indicatorColumn: plan.indicatorColumn,
		yearColumn: plan.yearColumn,
		fixed: {}
	};
}

/** What is still missing from the user's options for a wide table (empty: it can be unpivoted). */
export function wideOptionNeeds(o: WideOptions): WideNeed[] {
	const needs: WideNeed[] = [];
	if (o.kind === 'year' && (o.indicatorColumn ?? null) === null && !o.fixed.indicator?.trim())
		needs.push('indicator');
	if (o.kind === 'indicator' && (o.yearColumn ?? null) === null && !o.fixed.year) needs.push('year');
	if (!o.valueColumns.length) needs.push('columns');
	return needs;
}

/**
 * A suggested wide table, compatible with earlier callers: the municipality column and the value
 * columns (years or indicators).
 */
export function detectWide(
	header: string[],
	rows: string[][] = []
): { kind: 'year' | 'indicator'; idColumn: number; valueColumns: number[] } | null {
	const plan = planWide(header, rows);
	return plan ? { kind: plan.kind, idColumn: plan.idColumn, valueColumns: plan.valueColumns } : null;
}

const LONG_FIELDS = [
	'municipality',
	'ehak_code',
	'year',
	'domain',
	'indicator',
	'value',
	'unit',
	'higher_is_better'
] as const;

/**
 * Turn a wide table long: one row per (file row, value column), in file order, file row numbers
 * kept. The kept columns (municipality, EHAK code, domain, indicator, unit, direction, year) are
 * copied to every long row; a year column's year comes from its header (`2024. a` → 2024), an
 * indicator column's name is its header. `rowHeaders` names each long row's cells after the file's
 * columns, so a row error points at the column of the file (`2023`), not at `value`.
 */
export function unpivotWide(table: Pick<ReadResult, 'header' | 'rows' | 'rowNumbers'>, o: WideOptions) {
	const { mapping: found } = mapColumns('service_levels', table.header);
	const source: Record<string, number | null> = { ...found, value: null };
	// The chosen municipality column; the other one (name or EHAK code) only when it is not the same.
	const isCode = found.ehak_code === o.idColumn;
	source.ehak_code = isCode ? o.idColumn : null;
	source.municipality = isCode ? null : o.idColumn;
	if (o.kind === 'year') {
		source.year = null;
		source.indicator = o.indicatorColumn ?? null;
	} else {
		source.indicator = null;
		source.year = o.yearColumn ?? null;
	}
	for (const c of o.valueColumns) for (const f of LONG_FIELDS) if (source[f] === c) source[f] = null;
	const columns = [...LONG_FIELDS];
	const index = Object.fromEntries(columns.map((f, i) => [f, i])) as Record<(typeof columns)[number], number>;
	const filled = (f: (typeof columns)[number]) =>
		(source[f] !== null && source[f] !== undefined) ||
		f === 'value' ||
		(f === 'year' && (o.kind === 'year' || o.fixed.year !== undefined)) ||
		(f === 'indicator' && (o.kind === 'indicator' || !!o.fixed.indicator?.trim())) ||
		(f === 'domain' && !!o.fixed.domain);
	// Fields with no column in the file are unmapped (a missing EHAK code is not an empty one).
	const mapping: Record<string, number | null> = Object.fromEntries(
		columns.map((f, i) => [f, filled(f) ? i : null])
	);
	// The unpivoted columns are named after the file's columns they come from (`2022, 2023, 2024`).
	const spread = o.valueColumns.map((c) => table.header[c]?.trim() ?? '').join(', ');
	const baseHeader = columns.map((f) => {
		const i = source[f];
		if (i !== null && i !== undefined) return table.header[i];
		if (f === 'value' || (f === 'year' && o.kind === 'year') || (f === 'indicator' && o.kind === 'indicator'))
			return spread;
		return f;
	});
	const perColumn = o.valueColumns.map((c) => {
		const label = table.header[c] ?? '';
		const h = [...baseHeader];
		h[index.value] = label;
		if (o.kind === 'year') h[index.year] = label;
		else h[index.indicator] = label;
		return {
			column: c,
			header: h,
			year: o.kind === 'year' ? String(yearOfHeader(label) ?? label.trim()) : null,
			indicator: o.kind === 'indicator' ? label.trim() : null
		};
	});
	const fixedYear = o.fixed.year === undefined ? '' : String(o.fixed.year);
	const fixedIndicator = o.fixed.indicator?.trim() ?? '';
	const rows: string[][] = [];
	const rowNumbers: number[] = [];
	const rowHeaders: string[][] = [];
	table.rows.forEach((r, k) => {
		const kept = columns.map((f) => {
			const i = source[f];
			return i === null || i === undefined ? '' : (r[i] ?? '');
		});
		if (fixedYear && kept[index.year].trim() === '') kept[index.year] = fixedYear;
		if (fixedIndicator && kept[index.indicator].trim() === '') kept[index.indicator] = fixedIndicator;
		if (o.fixed.domain && kept[index.domain].trim() === '') kept[index.domain] = o.fixed.domain;
		for (const p of perColumn) {
			const cells = [...kept];
			cells[index.value] = r[p.column] ?? '';
			if (p.year !== null) cells[index.year] = p.year;
			if (p.indicator !== null) cells[index.indicator] = p.indicator;
			rows.push(cells);
			rowNumbers.push(table.rowNumbers[k]);
			rowHeaders.push(p.header);
		}
	});
	return { header: baseHeader, rows, rowNumbers, rowHeaders, mapping, kept: source };
}

/** A wide table's reading as a person (or the `kov` CLI) states it, by column names. */
export interface WideChoices {
	/** The year columns, by year or by header (`2022,2023,2024`). */
	years?: string[];
	/** The column holding each row's indicator (one column per year). */
	indicatorColumn?: string;
	/** One indicator for every row (one column per year, no indicator column). */
	indicator?: string;
	/** The indicator columns by header (one column per indicator). */
	indicatorColumns?: string[];
	/** The column holding each row's year (one column per indicator). */
	yearColumn?: string;
	/** One year for every row (one column per indicator, no year column). */
	year?: number;
	/** The municipality (name or EHAK code) column. */
	municipalityColumn?: string;
}

/** A column by its header: exactly, else as header matching compares (case, diacritics, `._-/`). */
export function findColumn(header: string[], name: string): number | null {
	const exact = header.findIndex((h) => h.trim() === name.trim());
	if (exact >= 0) return exact;
	const n = normalizeHeader(name);
	const loose = header.findIndex((h) => normalizeHeader(h) === n);
	return loose >= 0 ? loose : null;
}

/**
 * The unpivot options from choices by column name, starting from the plan found in the file; an
 * error names the column or year that is not in the header.
 */
export function wideOptionsFromChoices(
	header: string[],
	plan: WidePlan | null,
	c: WideChoices
): { options: WideOptions } | { error: { code: 'wide_unknown_column'; column: string } } {
	const unknown = (column: string) => ({ error: { code: 'wide_unknown_column' as const, column } });
	const kind: 'year' | 'indicator' =
		c.years || c.indicatorColumn !== undefined || c.indicator !== undefined
			? 'year'
			: c.indicatorColumns || c.yearColumn !== undefined || c.year !== undefined
				? 'indicator'
				: (plan?.kind ?? 'year');
	let idColumn = plan?.idColumn ?? null;
	if (c.municipalityColumn !== undefined) {
		idColumn = findColumn(header, c.municipalityColumn);
		if (idColumn === null) return unknown(c.municipalityColumn);
	}
	if (idColumn === null) return unknown(c.municipalityColumn ?? 'municipality');
	let valueColumns = plan && plan.kind === kind ? plan.valueColumns : [];
	if (kind === 'year' && c.years) {
		valueColumns = [];
		for (const y of c.years) {
			const i = header.findIndex((h) => h.trim() === y.trim() || String(yearOfHeader(h)) === y.trim());
			if (i < 0) return unknown(y);
			valueColumns.push(i);
		}
	}
	if (kind === 'indicator' && c.indicatorColumns) {
		valueColumns = [];
		for (const name of c.indicatorColumns) {
			const i = findColumn(header, name);
			if (i === null) return unknown(name);
			valueColumns.push(i);
		}
	}
	let indicatorColumn = kind === 'year' ? (plan?.kind === 'year' ? plan.indicatorColumn : null) : null;
	if (c.indicatorColumn !== undefined) {
		indicatorColumn = findColumn(header, c.indicatorColumn);
		if (indicatorColumn === null) return unknown(c.indicatorColumn);
	}
	let yearColumn = kind === 'indicator' ? (plan?.kind === 'indicator' ? plan.yearColumn : null) : null;
	if (c.yearColumn !== undefined) {
		yearColumn = findColumn(header, c.yearColumn);
		if (yearColumn === null) return unknown(c.yearColumn);
	}
	return {
		options: {
			idColumn,
			kind,
			valueColumns,
			indicatorColumn: kind === 'year' ? indicatorColumn : null,
			yearColumn: kind === 'indicator' ? yearColumn : null,
			fixed: {
				indicator: kind === 'year' ? c.indicator : undefined,
				year: kind === 'indicator' ? c.year : undefined
			}
		}
	};
}
