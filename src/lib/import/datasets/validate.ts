import type { DatasetName, Municipality, ProgressRow, ServiceLevelRow, TrainingRow } from '$lib/types';
import type { AppliedCorrection, ColumnMapping, Correction, ReadResult, RowIssue } from '../types';
import {
	parseBoolean,
	parseDate,
	parseInteger,
	parseMeasure,
	parseNumber,
	parsePercent
} from '../read/values';
import { MAX_CELL_CHARS, cellPreview, overlongCell } from '../read/problems';
import { unknownActivityIssue } from './activityId';
import { Corrector } from './corrections';
import { municipalityIssue, resolveMunicipality } from './municipality';
import { parseStatus } from './status';

export interface ValidationContext {
	activityIds: Set<string>;
	municipalities: Municipality[];
	/**
	 * Each activity's target unit (`count`/`percent`/`binary`, null when the plan gives none): a
	 * progress value written as a percent cell (`45 %`) is read only for a percentage target.
	 */
	activityUnits?: Record<string, string | null>;
	/** The analyst's corrections of unknown municipalities and activity numbers. */
	corrections?: Correction[];
}

/** A unit cell that means a percentage: `%`, `protsent(i)`, `percent`, `pct`. */
export function isPercentUnit(unit: string | null | undefined): boolean {
	return /^(%|protsent|protsenti|protsendid|percent|per cent|pct)$/i.test((unit ?? '').trim());
}

export const YEAR_RANGE = {
	progress: [2020, 2035],
	service_levels: [1990, 2035],
	trainings: [2000, 2035]
} as const;
const ACTIVITY_ID = /^\d+(\.\d+){2,3}$/;

/** One row's cells by field name, with the issue helpers that know the row and the header. */
class RowReader {
	errors: RowIssue[] = [];
	warnings: RowIssue[] = [];
	/** Percent cells read (`45 %`). */
	percents = 0;
	constructor(
		private cells: string[],
		private row: number,
		private header: string[],
		private mapping: ColumnMapping,
		private fix: Corrector
	) {}
	has(field: string): boolean {
		return this.mapping[field] !== null && this.mapping[field] !== undefined;
	}
	raw(field: string): string {
		const i = this.mapping[field];
		return i === null || i === undefined ? '' : (this.cells[i] ?? '').trim();
	}
	column(field: string): string {
		const i = this.mapping[field];
		return i === null || i === undefined ? field : this.header[i] || field;
	}
	error(field: string, code: string, params: Record<string, string | number> = {}, value = this.raw(field)) {
		this.errors.push({
			row: this.row,
			column: this.column(field),
			value,
			code,
			params: { value, ...params }
		});
	}
	warn(field: string, code: string, params: Record<string, string | number> = {}) {
		this.warnings.push({
			row: this.row,
			column: this.column(field),
			value: this.raw(field),
			code,
			params: { value: this.raw(field), ...params }
		});
	}
	text(field: string, required = false): string | null {
		const v = this.raw(field);
		if (v === '') {
			if (required) this.error(field, 'missing_value');
			return null;
		}
		return v;
	}
	number(field: string): number | null {
		const n = parseNumber(this.raw(field));
		if (n === undefined) {
			this.error(field, 'invalid_number');
			return null;
		}
		return n;
	}
	/**
	 * A number, or a percent cell (`45 %` → 45) where `percentError` is null; else the error it names.
	 */
	measure(
		field: string,
		percentError: () => { code: string; params?: Record<string, string | number> } | null
	) {
		const m = parseMeasure(this.raw(field));
		if (m === undefined) {
			this.error(field, 'invalid_number');
			return null;
		}
		if (m === null) return null;
		if (m.percent) {
			this.percents++;
			const e = percentError();
			if (e) {
				this.error(field, e.code, e.params);
				return null;
			}
		}
		return m.value;
	}
	count(field: string): number | null {
		const n = parseInteger(this.raw(field));
		if (n === undefined || (n !== null && n < 0)) {
			this.error(field, 'invalid_count');
			return null;
		}
		return n;
	}
	year(field: string, [min, max]: readonly [number, number], required = true): number | null {
		const v = this.raw(field);
		if (v === '') {
			if (required) this.error(field, 'missing_value');
			return null;
		}
		const n = parseInteger(v);
		if (n === null || n === undefined) {
			this.error(field, 'invalid_year');
			return null;
		}
		if (n < min || n > max) {
			this.error(field, 'year_out_of_range', { min, max });
			return null;
		}
		return n;
	}
	date(field: string): string | null {
		const d = parseDate(this.raw(field));
		if (d === undefined) {
			this.error(field, 'invalid_date');
			return null;
		}
		return d;
	}
	activityId(field: string): string | null {
		const v = this.fix.read('activity_id', this.raw(field)).replace(/\.+$/, '');
		return v === '' ? null : v;
	}
	municipality(field: string, list: Municipality[], required: boolean): string | null {
		const v = this.raw(field);
		if (v === '') {
			if (required) this.error(field, 'missing_value');
			return null;
		}
		const r = resolveMunicipality(this.fix.read('municipality', v), list);
		if ('ehak_code' in r) return r.ehak_code;
		const issue = municipalityIssue(r);
		this.error(field, issue.code, issue.params);
		return null;
	}
}

type Built = { row: object | null; key: string | null };

function progressRow(r: RowReader, ctx: ValidationContext, seq: number): Built {
	const id = r.activityId('activity_id');
	if (id === null) r.error('activity_id', 'missing_value');
	else if (!ctx.activityIds.has(id)) {
		const issue = unknownActivityIssue(id, ctx.activityIds, false);
		r.error('activity_id', issue.code, issue.near === null ? {} : { near: issue.near });
	}
	const year = r.year('year', YEAR_RANGE.progress);
	const statusText = r.raw('status');
	const status = statusText === '' ? undefined : parseStatus(statusText);
	if (statusText === '') r.error('status', 'missing_value');
	else if (!status) r.error('status', 'unknown_status');
	// A percent cell (`45 %`) is a value only where the activity's target is a percentage.
	const known = id !== null && ctx.activityIds.has(id);
	const unit = known ? (ctx.activityUnits?.[id] ?? null) : null;
	const percentError = () =>
		!known || unit === 'percent'
			? null
			: {
					code:
						unit === 'count'
							? 'percent_for_count_target'
							: unit === 'binary'
								? 'percent_for_binary_target'
								: 'percent_for_unknown_target',
					params: { activity: id ?? '' }
				};
	const row: ProgressRow = {
		activity_id: id ?? '',
		year: year ?? 0,
		status: status ?? 'not_started',
		actual_value: r.measure('actual_value', percentError),
		target_value: r.measure('target_value', percentError),
		comment: r.text('comment'),
		reported_at: r.date('reported_at'),
		seq
	};
	return { row, key: `${id}|${year}` };
}

function trainingRow(r: RowReader, ctx: ValidationContext): Built {
	const program = r.text('program', true);
	let activity_id = r.activityId('activity_id');
	if (activity_id !== null && !ctx.activityIds.has(activity_id)) {
		const issue = unknownActivityIssue(activity_id, ctx.activityIds, true);
		r.warn('activity_id', issue.code, issue.near === null ? {} : { near: issue.near });
		activity_id = null;
	}
	const start_date = r.date('start_date');
	const end_date = r.date('end_date');
	if (start_date && end_date && end_date < start_date)
		r.error('end_date', 'end_before_start', { start: start_date });
	const registered = r.count('registered');
	const completed = r.count('completed');
	const dropped_out = r.count('dropped_out');
	if (registered !== null && (completed ?? 0) + (dropped_out ?? 0) > registered) {
		r.error(
			'completed',
			'completed_exceeds_registered',
			{ completed: completed ?? 0, dropped_out: dropped_out ?? 0, registered },
			r.raw('completed')
		);
	}
	const sat = parsePercent(r.raw('satisfaction'));
	if (sat === undefined || (sat !== null && (sat < 0 || sat > 100)))
		r.error('satisfaction', 'invalid_percent');
	const ehak_code = r.has('municipality') ? r.municipality('municipality', ctx.municipalities, false) : null;
	const training_id = r.text('training_id');
	const row: TrainingRow = {
		training_id,
		program: program ?? '',
		topic: r.text('topic'),
		activity_id,
		organiser: r.text('organiser'),
		start_date,
		end_date,
		ehak_code,
		registered,
		completed,
		dropped_out,
		satisfaction: sat ?? null
	};
	return { row, key: training_id ?? `${program}|${start_date ?? ''}|${ehak_code ?? ''}` };
}

function serviceLevelRow(r: RowReader, ctx: ValidationContext): Built {
	const field = r.has('ehak_code') ? 'ehak_code' : 'municipality';
	const ehak_code = r.municipality(field, ctx.municipalities, true);
	const year = r.year('year', YEAR_RANGE.service_levels);
	const indicator = r.text('indicator', true);
	const hib = parseBoolean(r.raw('higher_is_better'));
	if (hib === undefined) r.error('higher_is_better', 'invalid_boolean');
	// A percent cell (`45 %`) is read where the indicator's unit is a percentage; with no unit the
	// sign itself says it is one.
	let unit = r.text('unit');
	const value = r.measure('value', () => {
		if (unit === null) {
			unit = '%';
			return null;
		}
		return isPercentUnit(unit) ? null : { code: 'percent_for_unit', params: { unit: unit } };
	});
	const row: ServiceLevelRow = {
		ehak_code: ehak_code ?? '',
		year: year ?? 0,
		domain: r.text('domain'),
		indicator: indicator ?? '',
		value,
		unit,
		higher_is_better: hib ?? true
	};
	return { row, key: `${ehak_code}|${indicator}|${year}` };
}

function municipalityRow(r: RowReader): Built {
	const code = r.raw('ehak_code');
	if (!/^\d{1,4}$/.test(code)) r.error('ehak_code', code === '' ? 'missing_value' : 'invalid_ehak_code');
	const ehak_code = code.padStart(4, '0');
	const name = r.text('name', true) ?? '';
	const typeText = r.raw('type').toLowerCase();
	const type =
		typeText === 'linn' || typeText === 'vald' ? typeText : /\svald$/i.test(name) ? 'vald' : 'linn';
	if (typeText !== '' && typeText !== 'linn' && typeText !== 'vald') r.error('type', 'invalid_type');
	const population = r.count('population');
	const row: Municipality = {
		ehak_code,
		name,
		type,
		county: r.text('county') ?? '',
		population,
		lat: r.number('lat'),
		lon: r.number('lon')
	};
	return { row, key: ehak_code };
}

function activityRow(r: RowReader): Built {
	const id = r.activityId('activity_id');
	if (id === null) r.error('activity_id', 'missing_value');
	else if (!ACTIVITY_ID.test(id)) r.error('activity_id', 'invalid_activity_id');
	const unit = r.raw('target_unit');
	if (unit !== '' && !['count', 'percent', 'binary'].includes(unit)) r.error('target_unit', 'invalid_unit');
	const row = {
		activity_id: id ?? '',
		title: r.text('title', true) ?? '',
		target_group: r.text('target_group') ?? '',
		outputs: r.text('outputs') ?? '',
		target_text: r.text('target_text') ?? '',
		target_value: r.number('target_value'),
		target_unit: unit === '' ? null : unit,
		lead_owner: r.text('lead_owner', true) ?? '',
		co_owners: r.text('co_owners') ?? '',
		funding: r.text('funding') ?? '',
		deadline: r.text('deadline') ?? ''
	};
	return { row, key: id };
}

/** Check every row of a table for one dataset; valid rows come back normalised, every problem as an issue. */
export function validateRows(
	dataset: DatasetName,
	table: Pick<ReadResult, 'header' | 'rows' | 'rowNumbers'> & {
		/** Per row, the header its cells came from (an unpivoted wide table: the year's column). */
		rowHeaders?: string[][];
	},
	mapping: ColumnMapping,
	ctx: ValidationContext,
	onProgress?: (fraction: number) => void
): {
	rows: object[];
	rowNumbers: number[];
	errors: RowIssue[];
	warnings: RowIssue[];
	percents: number;
	corrected: AppliedCorrection[];
} {
	const fix = new Corrector(ctx.corrections);
	const rows: object[] = [];
	const rowNumbers: number[] = [];
	const errors: RowIssue[] = [];
	const warnings: RowIssue[] = [];
	const seen = new Map<string, number>();
	let percents = 0;
	const step = Math.max(1, Math.floor(table.rows.length / 50));
	for (let i = 0; i < table.rows.length; i++) {
		const rowNo = table.rowNumbers[i];
		const long = overlongCells(table.rows[i], rowNo, table.rowHeaders?.[i] ?? table.header);
		if (long.length) {
			// A row with an over-long cell gets that error only: the cell is not data to check further.
			errors.push(...long);
			continue;
		}
		const r = new RowReader(table.rows[i], rowNo, table.rowHeaders?.[i] ?? table.header, mapping, fix);
		const built =
			dataset === 'progress'
				? progressRow(r, ctx, i)
				: dataset === 'trainings'
					? trainingRow(r, ctx)
					: dataset === 'service_levels'
						? serviceLevelRow(r, ctx)
						: dataset === 'municipalities'
							? municipalityRow(r)
							: activityRow(r);
		if (r.errors.length === 0 && built.key !== null) {
			const first = seen.get(built.key);
			if (first !== undefined) r.error(keyField(dataset), 'duplicate_key', { first });
			else seen.set(built.key, rowNo);
		}
		warnings.push(...r.warnings);
		percents += r.percents;
		if (r.errors.length) errors.push(...r.errors);
		else if (built.row) {
			rows.push(built.row);
			rowNumbers.push(rowNo);
		}
		if (onProgress && i % step === 0) onProgress(i / table.rows.length);
	}
	return { rows, rowNumbers, errors, warnings, percents, corrected: fix.applied() };
}

/** Issue #18: a text cell over MAX_CELL_CHARS is a row error naming its length, never a silent import. */
export function overlongCells(cells: string[], row: number, header: string[]): RowIssue[] {
	const out: RowIssue[] = [];
	for (let c = 0; c < cells.length; c++) {
		const length = overlongCell(cells[c]);
		if (length === null) continue;
		const value = cellPreview(cells[c]);
		out.push({
			row,
			column: header[c] || String(c + 1),
			value,
			code: 'cell_too_long',
			params: { value, length, max: MAX_CELL_CHARS }
		});
	}
	return out;
}

function keyField(dataset: DatasetName): string {
	return dataset === 'trainings'
		? 'program'
		: dataset === 'municipalities'
			? 'ehak_code'
			: dataset === 'service_levels'
				? 'indicator'
				: 'activity_id';
}
