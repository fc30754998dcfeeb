import * as Plot from '@observablehq/plot';
import { UI_COLORS, type Scheme } from './palette';

/** One bar: a group's attainment in one of the two years. */
export interface ChangeBar {
	key: string;
	/** The group's label on the y axis (one band per group). */
	label: string;
	/** `'prev'` (Y − 1, drawn light) or `'cur'` (Y, drawn dark). */
	which: 'prev' | 'cur';
	/** The year as the legend shows it. */
	year: string;
	attainment: number | null;
	/** Printed at the end of the bar: the Y bar carries its value and change (`68 % +5 pp`). */
	text: string;
	tooltip: string;
}

export interface ChangeBarsOptions {
	scheme: Scheme;
	axisLabel: string;
	width?: number;
	marginLeft?: number;
}

/**
 * Attainment of each group in Y − 1 beside Y: two thin bars per group (Y − 1 light above, Y dark below)
 * with Y's value and its change in percentage points printed at the end, so the movement reads without
 * a legend; the years are also in the legend and the table beside the chart.
 */
export function changeBars(rows: ChangeBar[], o: ChangeBarsOptions): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const groups = [...new Set(rows.map((r) => r.label))];
	const years = [...new Set(rows.map((r) => r.year))];
	return {
		width: o.width ?? 640,
		height: Math.max(140, groups.length * (years.length > 1 ? 40 : 26) + 70),
		marginLeft: o.marginLeft ?? 100,
		marginRight: 110,
		marginBottom: 44,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		x: {
			domain: [0, 100],
			label: o.axisLabel,
			grid: true,
			labelAnchor: 'center',
			labelArrow: 'none',
			labelOffset: 36
		},
		fy: { domain: groups, label: null, padding: 0.18 },
		y: { domain: years, axis: null, padding: 0.08 },
		color: {
			legend: years.length > 1,
			domain: years,
			range: years.length > 1 ? [ui['bar-muted'], ui.bar] : [ui.bar]
		},
		marks: [
			Plot.barX(rows, {
				x: (d: ChangeBar) => (d.attainment ?? 0) * 100,
				y: 'year',
				fy: 'label',
				fill: 'year',
				title: 'tooltip',
				className: 'bar'
			} as Plot.BarXOptions),
			...(['prev', 'cur'] as const).map((which) =>
				Plot.text(
					rows.filter((r) => r.which === which),
					{
						x: (d: ChangeBar) => (d.attainment ?? 0) * 100,
						y: 'year',
						fy: 'label',
						text: 'text',
						dx: 4,
						textAnchor: 'start',
						fill: ui.text,
						fontWeight: which === 'cur' ? 600 : 400
					} as Plot.TextOptions
				)
			),
			Plot.axisFy({ anchor: 'left', label: null, tickSize: 0 }),
			Plot.ruleX([0], { stroke: ui.muted })
		]
	};
}

/** One point of a direction's (or owner's) attainment in one plan year. */
export interface YearPoint {
	group: string;
	year: number;
	attainment: number | null;
	tooltip: string;
}

export interface YearLinesOptions {
	scheme: Scheme;
	years: number[];
	axisLabel: string;
	percentLabel: (share: number | null) => string;
	width?: number;
}

/** The final review's small multiples: one small panel per group, attainment 0–100 % over the plan's years. */
export function yearLines(points: YearPoint[], o: YearLinesOptions): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const groups = [...new Set(points.map((p) => p.group))];
	const x = (d: YearPoint) => String(d.year);
	const y = (d: YearPoint) => (d.attainment === null ? NaN : d.attainment * 100);
	const last = o.years[o.years.length - 1];
	return {
		width: o.width ?? 640,
		height: 200,
		marginLeft: 44,
		marginRight: 16,
		marginTop: 30,
		marginBottom: 30,
		style: { color: ui.text, background: 'transparent', fontSize: '11px' },
		fx: { domain: groups, label: null, padding: 0.12 },
		x: { type: 'point', domain: o.years.map(String), label: null, padding: 0.3 },
		y: { domain: [0, 100], label: o.axisLabel, grid: true, labelArrow: 'none', ticks: 5 },
		marks: [
			Plot.line(points, { fx: 'group', x, y, stroke: ui.bar, strokeWidth: 2 } as Plot.LineYOptions),
			Plot.dot(points, { fx: 'group', x, y, fill: ui.bar, r: 3, title: 'tooltip' } as Plot.DotOptions),
			Plot.text(
				points.filter((p) => p.year === last),
				{
					fx: 'group',
					x,
					y,
					text: (d: YearPoint) => o.percentLabel(d.attainment),
					dy: -10,
					fill: ui.text,
					fontWeight: 600
				} as Plot.TextOptions
			)
		]
	};
}
