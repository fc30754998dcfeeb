import * as Plot from '@observablehq/plot';
import { UI_COLORS, type Scheme } from './palette';

export interface ReachDot {
	ehak_code: string;
	name: string;
	/** Participants per 1,000 inhabitants. */
	reach: number;
	/** Change of the indicator over the same years. */
	change: number;
	tooltip: string;
}

export interface ReachScatterOptions {
	scheme: Scheme;
	xLabel: string;
	yLabel: string;
	/** Lower is better: a fall is the improvement, said in the axis label by the caller. */
	selected?: string | null;
	width?: number;
	/** The change of a 0–9 level is a whole number of levels: integer ticks. */
	integerY?: boolean;
}

/**
 * Training reach (x) against the change of a service level (y), one dot per municipality; a rule
 * at no change. No fitted line: a line would read as an effect, and the association is stated in
 * words (Spearman's ρ) beside the chart.
 */
export function reachScatter(points: ReachDot[], o: ReachScatterOptions): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const selected = points.filter((p) => p.ehak_code === o.selected);
	const ys = points.map((p) => p.change);
	const lo = Math.floor(Math.min(0, ...ys));
	const hi = Math.ceil(Math.max(0, ...ys));
	const integerTicks = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
	return {
		width: o.width ?? 640,
		height: 340,
		marginLeft: 56,
		marginBottom: 44,
		marginTop: 24,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		x: { label: o.xLabel, grid: true, nice: true, labelArrow: 'none', labelAnchor: 'center', zero: true },
		y: {
			label: o.yLabel,
			grid: true,
			labelArrow: 'none',
			...(o.integerY ? { domain: [lo, hi], ticks: integerTicks, tickFormat: 'd' } : { nice: true })
		},
		marks: [
			Plot.ruleY([0], { stroke: ui.muted }),
			Plot.dot(points, {
				x: 'reach',
				y: 'change',
				r: 4.5,
				fill: ui.bar,
				fillOpacity: 0.75,
				stroke: ui.surface,
				strokeWidth: 0.75,
				title: 'tooltip',
				tip: true
			}),
			Plot.dot(selected, { x: 'reach', y: 'change', r: 7, fill: ui.highlight, stroke: ui.text }),
			Plot.text(selected, { x: 'reach', y: 'change', text: 'name', dy: -12, fill: ui.text })
		]
	};
}
