import * as Plot from '@observablehq/plot';
import { UI_COLORS, type Scheme } from './palette';

export interface AttainmentBar {
	key: string;
	label: string;
	/** 0..1 or null when the group has only cancelled activities. */
	attainment: number | null;
	/** Change since the previous year as printed (`+5 pp`), or null when there is none to show. */
	change?: string | null;
	activities: number;
	reported: number;
	done: number;
	late: number;
	tooltip: string;
}

export interface AttainmentBarsOptions {
	scheme: Scheme;
	axisLabel: string;
	/** Keys drawn in the highlight colour (the active linked filter). */
	selected?: string | null;
	width?: number;
	percentLabel: (share: number | null) => string;
	marginLeft?: number;
}

/** Horizontal bars of attainment 0–100 %, one per group, with the value printed at the bar's end. */
export function attainmentBars(rows: AttainmentBar[], o: AttainmentBarsOptions): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const fill = (d: AttainmentBar) =>
		o.selected && o.selected !== d.key ? ui['bar-muted'] : o.selected === d.key ? ui.highlight : ui.bar;
	return {
		width: o.width ?? 560,
		height: Math.max(120, rows.length * 30 + 50),
		marginLeft: o.marginLeft ?? 140,
		marginRight: 120,
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
		y: { domain: rows.map((r) => r.label), label: null, tickSize: 0 },
		marks: [
			Plot.barX(rows, {
				x: (d: AttainmentBar) => (d.attainment ?? 0) * 100,
				y: 'label',
				fill,
				title: 'tooltip',
				tip: true,
				className: 'bar'
			} as Plot.BarXOptions),
			Plot.text(rows, {
				x: (d: AttainmentBar) => (d.attainment ?? 0) * 100,
				y: 'label',
				text: (d: AttainmentBar) =>
					`${o.percentLabel(d.attainment)} (${d.activities})${d.change ? `  ${d.change}` : ''}`,
				dx: 4,
				textAnchor: 'start',
				fill: ui.text
			}),
			Plot.ruleX([0], { stroke: ui.muted })
		]
	};
}
