import * as Plot from '@observablehq/plot';
import { SEQUENTIAL_SCHEME, UI_COLORS, type Scheme } from './palette';

/** One cell of a coverage grid: `n` things with data for (row, year); null = nothing (missing). */
export interface CoverageCell {
	row: string;
	year: number;
	n: number | null;
}

/**
 * Counts → a full grid: every row × every year from the first to the last (a year with no data at
 * all is a column of missing cells, not a hole in the axis). A count of 0 is missing too: the chart
 * must never draw "no data" as if it were a measured zero.
 */
export function coverageGrid(counts: { row: string; year: number; n: number }[]): {
	rows: string[];
	years: number[];
	cells: CoverageCell[];
} {
	const rows = [...new Set(counts.map((c) => c.row))].sort((a, b) => a.localeCompare(b, 'et'));
	const present = counts.map((c) => c.year);
	const years: number[] = [];
	if (present.length) for (let y = Math.min(...present); y <= Math.max(...present); y++) years.push(y);
	const at = new Map(counts.map((c) => [`${c.row}\u0000${c.year}`, c.n]));
	const cells = rows.flatMap((row) =>
		years.map((year) => {
			const n = at.get(`${row}\u0000${year}`) ?? 0;
			return { row, year, n: n > 0 ? n : null };
		})
	);
	return { rows, years, cells };
}

export interface CoverageOptions {
	scheme: Scheme;
	rows: string[];
	years: number[];
	/** The colour scale's top (e.g. all 79 municipalities); defaults to the largest count. */
	max?: number;
	/** Tooltip of a cell. */
	title: (cell: CoverageCell) => string;
	/** Row label as drawn on the axis (long indicator names are shortened; the table has them whole). */
	rowLabel?: (row: string) => string;
	/**
	 * Wrap row labels at this many ems (Plot's `lineWidth`) instead of drawing them on one line: a
	 * long indicator name takes two lines of its row, whole.
	 */
	labelWidth?: number;
	marginLeft?: number;
	width?: number;
}

/**
 * Heatmap of coverage, rows × years: a filled cell per count with the count written in it, a
 * missing cell drawn hollow and dashed with `–` — never coloured as a low value.
 */
export function coverageHeatmap(cells: CoverageCell[], o: CoverageOptions): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const max = o.max ?? Math.max(1, ...cells.map((c) => c.n ?? 0));
	const missing = (c: CoverageCell) => c.n === null;
	const light = (c: CoverageCell) => c.n !== null && c.n / max <= 0.55;
	const dark = (c: CoverageCell) => c.n !== null && c.n / max > 0.55;
	const marginLeft = o.marginLeft ?? 190;
	// Every mark reads the same array (filtered, not split): a clicked mark's index is then an index
	// into `cells` whichever mark it is (Chart.svelte's onselect).
	const at = { x: 'year', y: 'row' } as const;
	return {
		width: o.width ?? Math.max(360, marginLeft + o.years.length * 64 + 20),
		height: o.rows.length * (o.labelWidth ? 34 : 30) + 50,
		marginLeft,
		marginTop: 30,
		marginBottom: 10,
		padding: 0.06,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		x: { domain: o.years, axis: 'top', label: null, tickSize: 0, tickFormat: (y: number) => String(y) },
		y: { domain: o.rows, label: null, tickSize: 0, tickFormat: o.rowLabel ?? ((r: string) => r) },
		color: { type: 'linear', scheme: SEQUENTIAL_SCHEME, domain: [0, max] },
		marks: [
			...(o.labelWidth
				? [
						Plot.axisY({
							tickSize: 0,
							label: null,
							lineWidth: o.labelWidth,
							tickFormat: o.rowLabel ?? ((r: string) => r)
						})
					]
				: []),
			Plot.cell(cells, {
				...at,
				filter: missing,
				fill: ui.surface,
				stroke: ui.muted,
				strokeDasharray: '3,3',
				title: (c: CoverageCell) => o.title(c)
			}),
			Plot.text(cells, { ...at, filter: missing, text: () => '–', fill: ui.muted }),
			Plot.cell(cells, {
				...at,
				filter: (c: CoverageCell) => !missing(c),
				fill: 'n',
				title: (c: CoverageCell) => o.title(c)
			}),
			Plot.text(cells, { ...at, filter: light, text: 'n', fill: '#1c2430' }),
			Plot.text(cells, { ...at, filter: dark, text: 'n', fill: '#ffffff', fontWeight: 600 })
		]
	};
}

/** A long label shortened for an axis: whole words up to `max` characters, then `…`. */
export function shortLabel(text: string, max = 28): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	if (text[max - 1] === ' ') return `${cut.trimEnd()}…`;
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The grid as a table, one line per row with a count (or null) per year: the chart's data table. */
export interface CoverageLine {
	row: string;
	counts: Record<number, number | null>;
}
export function coverageLines(cells: CoverageCell[], rows: string[]): CoverageLine[] {
	const lines = new Map(rows.map((row) => [row, { row, counts: {} as Record<number, number | null> }]));
	for (const c of cells) {
		const line = lines.get(c.row);
		if (line) line.counts[c.year] = c.n;
	}
	return [...lines.values()];
}
