/**
 * The analyst's corrections of values that match nothing (`Tallin`, `01.01.2003` for 1.1.3): what
 * the preview suggests for each such value, and how the import reads a file through the ones
 * chosen. One reading for the import core and both bulk paths.
 */
import type { Municipality } from '$lib/types';
import type { AppliedCorrection, Correction, RowIssue } from '../types';
import { nearActivity } from './activityId';
import { resolveMunicipality } from './municipality';

type Field = Correction['field'];
const key = (field: Field, from: string) => `${field}\u0000${from.trim()}`;

/** Reads cells through the corrections and counts the cells each one changed. */
export class Corrector {
	readonly #by = new Map<string, AppliedCorrection>();
	constructor(corrections: readonly Correction[] = []) {
		for (const c of corrections) this.#by.set(key(c.field, c.from), { ...c, from: c.from.trim(), rows: 0 });
	}
	get size(): number {
		return this.#by.size;
	}
	/** The correction of a cell, if any, without counting it (the bulk paths read distinct values). */
	find(field: Field, cell: string): AppliedCorrection | undefined {
		return this.#by.size ? this.#by.get(key(field, cell)) : undefined;
	}
	/** A cell as corrected (else as it is), not counted (the bulk paths read distinct values). */
	to(field: Field, cell: string): string {
		return this.find(field, cell)?.to ?? cell;
	}
	/** A row's cell as corrected (else as it is), counted: call it once per row and field. */
	read(field: Field, cell: string): string {
		const c = this.find(field, cell);
		if (!c) return cell;
		c.rows++;
		return c.to;
	}
	/** Every correction with the rows it changed (`rows` given: counted elsewhere, by `from`). */
	applied(rows?: Map<string, number>): AppliedCorrection[] {
		return [...this.#by.values()].map((c) =>
			rows ? { ...c, rows: rows.get(key(c.field, c.from)) ?? 0 } : { ...c }
		);
	}
	/** The counting key of a cell (bulk paths sum their counts by it). */
	static key(field: Field, cell: string): string {
		return key(field, cell);
	}
}

/** Issues whose value the analyst can correct, by the field they are in. */
const FIELD_OF: Record<string, Field> = {
	unknown_municipality: 'municipality',
	unknown_municipality_near: 'municipality',
	ambiguous_municipality: 'municipality',
	unknown_activity: 'activity_id',
	unknown_activity_near: 'activity_id',
	activity_as_date: 'activity_id',
	unknown_activity_link: 'activity_id',
	unknown_activity_link_near: 'activity_id',
	activity_link_as_date: 'activity_id'
};

/** One value to correct: where it is, in how many of the rows listed, and what it probably meant. */
export interface Suggestion {
	field: Field;
	column: string;
	value: string;
	/** Rows listed with this value (all of them, unless the list of errors was cut). */
	rows: number;
	/** The likely meanings, best first: near names, the ambiguous name's municipalities, a number. */
	options: { to: string; label: string }[];
}

export interface SuggestionContext {
	municipalities: Municipality[];
	activityIds: ReadonlySet<string>;
	/** Each activity's title, where known (the choices name the activity by it too). */
	activityTitles?: Readonly<Record<string, string>>;
}

/**
 * The values of `issues` the analyst can correct, those in the most rows first (then in the order
 * they first appear): an unknown or ambiguous municipality, an activity number not in the plan (a
 * progress error or a training's link warning), each with its likely meanings (none for a value
 * like nothing known: the analyst picks from the list).
 */
export function suggestCorrections(issues: readonly RowIssue[], ctx: SuggestionContext): Suggestion[] {
	const by = new Map<string, Suggestion & { seen: Set<number> }>();
	for (const issue of issues) {
		const field = FIELD_OF[issue.code];
		const value = issue.value.trim();
		if (!field || value === '') continue;
		const k = key(field, value);
		let s = by.get(k);
		if (!s) {
			s = {
				field,
				column: issue.column,
				value,
				rows: 0,
				options: optionsFor(field, value, ctx),
				seen: new Set()
			};
			by.set(k, s);
		}
		if (!s.seen.has(issue.row)) {
			s.seen.add(issue.row);
			s.rows++;
		}
	}
	// A stable sort: values in as many rows keep the order they first appear in.
	return [...by.values()].map(({ seen: _seen, ...s }) => s).sort((a, b) => b.rows - a.rows);
}

function optionsFor(field: Field, value: string, ctx: SuggestionContext): Suggestion['options'] {
	if (field === 'activity_id') {
		const near = nearActivity(value.replace(/\.+$/, ''), ctx.activityIds);
		return near ? [{ to: near.id, label: near.id }] : [];
	}
	const r = resolveMunicipality(value, ctx.municipalities);
	const list = 'ambiguous' in r ? r.ambiguous : 'near' in r ? r.near : [];
	return list.map((m) => ({ to: m.ehak_code, label: m.name }));
}

/** What a correction reads its value as, by name: the municipality's name, the activity's number. */
export function correctionLabel(c: Correction, ctx: SuggestionContext | null): string {
	if (c.field !== 'municipality') return c.to;
	return ctx?.municipalities.find((m) => m.ehak_code === c.to)?.name ?? c.to;
}

/** The corrections with `c` in place of any earlier one for the same value. */
export function withCorrection(list: readonly Correction[] | undefined, c: Correction): Correction[] {
	return [...withoutCorrection(list, c), c];
}

/** The corrections without the one for `c`'s value. */
export function withoutCorrection(list: readonly Correction[] | undefined, c: Correction): Correction[] {
	const k = key(c.field, c.from);
	return (list ?? []).filter((x) => key(x.field, x.from) !== k);
}

/**
 * A correction as the command line gives it (`kov check|publish --correct "Tallin=Tallinn"`): the
 * value, `=`, and what to read it as — a plan activity number, or a municipality by its name or
 * EHAK code (one municipality only).
 */
export function parseCorrection(
	text: string,
	ctx: SuggestionContext
): { correction: Correction } | { error: 'syntax' | 'unknown' | 'ambiguous' } {
	const at = text.lastIndexOf('=');
	const from = text.slice(0, Math.max(0, at)).trim();
	const to = text.slice(at + 1).trim();
	if (at < 0 || from === '' || to === '') return { error: 'syntax' };
	if (ctx.activityIds.has(to)) return { correction: { field: 'activity_id', from, to } };
	const r = resolveMunicipality(to, ctx.municipalities);
	if ('ehak_code' in r) return { correction: { field: 'municipality', from, to: r.ehak_code } };
	return { error: 'ambiguous' in r ? 'ambiguous' : 'unknown' };
}

/**
 * The corrections a file is read through: the analyst's remembered ones (from earlier imports),
 * less those set aside for this file, then this file's own choices (which win for their value).
 */
export function effectiveCorrections(
	remembered: readonly Correction[],
	chosen: readonly Correction[] | undefined,
	setAside: readonly Correction[] | undefined
): Correction[] {
	const own = new Set([...(chosen ?? []), ...(setAside ?? [])].map((c) => key(c.field, c.from)));
	return [...remembered.filter((c) => !own.has(key(c.field, c.from))), ...(chosen ?? [])];
}

/** Whether `list` holds a correction for `c`'s value. */
export function hasCorrection(list: readonly Correction[] | undefined, c: Correction): boolean {
	const k = key(c.field, c.from);
	return (list ?? []).some((x) => key(x.field, x.from) === k);
}
