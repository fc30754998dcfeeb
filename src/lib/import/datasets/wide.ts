import type { ReadResult, WideOptions } from '../types';
import { normalizeHeader } from '../read/values';
import { DATASET_FIELDS } from './fields';

const YEAR = /^(19|20)\d{2}$/;

/**
 * A wide service-level table: a municipality column and one column per year (`2021;2022;2023`) or
 * per indicator. Suggests the columns; the user confirms before unpivoting.
 */
export function detectWide(
	header: string[]
): { kind: 'year' | 'indicator'; idColumn: number; valueColumns: number[] } | null {
	const norm = header.map(normalizeHeader);
	const muniAliases = [
		...DATASET_FIELDS.service_levels[0].aliases,
		...DATASET_FIELDS.service_levels[1].aliases,
		'municipality',
		'ehak_code'
	].map(normalizeHeader);
	const idColumn = norm.findIndex((h) => muniAliases.includes(h));
	if (idColumn < 0) return null;
	const years = header.map((h, i) => (YEAR.test(h.trim()) ? i : -1)).filter((i) => i >= 0 && i !== idColumn);
	if (years.length >= 2) return { kind: 'year', idColumn, valueColumns: years };
	const known = new Set(
		DATASET_FIELDS.service_levels.flatMap((f) => [f.name, ...f.aliases]).map(normalizeHeader)
	);
	if (norm.some((h) => h === 'naitaja' || h === 'indicator')) return null;
	const others = header
		.map((h, i) => i)
		.filter((i) => i !== idColumn && !known.has(norm[i]) && header[i].trim() !== '');
	if (others.length >= 2) return { kind: 'indicator', idColumn, valueColumns: others };
	return null;
}

/** Turn a wide table long: one row per (municipality, year or indicator), file row numbers kept. */
export function unpivotWide(table: Pick<ReadResult, 'header' | 'rows' | 'rowNumbers'>, o: WideOptions) {
	const header = ['municipality', 'year', 'indicator', 'domain', 'value'];
	const rows: string[][] = [];
	const rowNumbers: number[] = [];
	table.rows.forEach((r, k) => {
		for (const c of o.valueColumns) {
			const label = table.header[c]?.trim() ?? '';
			const year = o.kind === 'year' ? label : String(o.fixed.year ?? '');
			const indicator = o.kind === 'indicator' ? label : (o.fixed.indicator ?? '');
			rows.push([r[o.idColumn] ?? '', year, indicator, o.fixed.domain ?? '', r[c] ?? '']);
			rowNumbers.push(table.rowNumbers[k]);
		}
	});
	return { header, rows, rowNumbers };
}
