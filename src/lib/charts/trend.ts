import * as Plot from '@observablehq/plot';
import { UI_COLORS, type Scheme } from './palette';
import { levelAxis } from '$lib/metrics/levelScale';

export type TrendSeries = 'municipality' | 'peer_median';

export interface TrendPoint {
	year: number;
	series: TrendSeries;
	/** Missing years break the line instead of dropping to 0. */
	value: number | null;
	tooltip: string;
}

export interface TrendOptions {
	scheme: Scheme;
	/** Every year of the indicator, so gaps stay visible on the axis. */
	years: number[];
	yLabel: string;
	seriesLabels: Record<TrendSeries, string>;
	format: (value: number) => string;
	width?: number;
	/** A 0–9 level (levelScale.ts): a fixed axis with a tick per level. */
	level?: boolean;
}

/** The selected municipality's value over the years against its peer group's median. */
export function municipalityTrend(points: TrendPoint[], o: TrendOptions): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const colour: Record<TrendSeries, string> = { municipality: ui.highlight, peer_median: ui.bar };
	const order: TrendSeries[] = ['municipality', 'peer_median'];
	const label = (d: TrendPoint) => o.seriesLabels[d.series];
	const defined = points.filter((p) => p.value !== null && Number.isFinite(p.value));
	const line = (series: TrendSeries, dash?: string) =>
		Plot.line(
			points.filter((p) => p.series === series),
			{
				x: (d: TrendPoint) => String(d.year),
				y: 'value',
				stroke: label,
				strokeWidth: 2.5,
				strokeDasharray: dash,
				// Plot breaks a line at missing y; `defined` keeps that explicit.
				defined: (d: TrendPoint) => d.value !== null
			} as Plot.LineYOptions
		);
	return {
		width: o.width ?? 560,
		height: 260,
		marginLeft: 56,
		marginTop: 34,
		marginRight: 24,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		x: { type: 'point', domain: o.years.map(String), label: null, padding: 0.3 },
		y: {
			...(o.level
				? { ...levelAxis(defined.map((p) => p.value as number)), tickFormat: 'd' }
				: { nice: true }),
			label: o.yLabel,
			grid: true,
			labelArrow: 'none'
		},
		color: {
			domain: order.map((s) => o.seriesLabels[s]),
			range: order.map((s) => colour[s]),
			legend: true
		},
		marks: [
			line('peer_median', '6 4'),
			line('municipality'),
			Plot.dot(defined, {
				x: (d: TrendPoint) => String(d.year),
				y: 'value',
				fill: label,
				r: 4,
				title: 'tooltip',
				tip: true
			}),
			Plot.text(
				defined.filter((p) => p.series === 'municipality'),
				{
					x: (d: TrendPoint) => String(d.year),
					y: 'value',
					text: (d: TrendPoint) => o.format(d.value as number),
					dy: -12,
					fill: ui.text
				}
			)
		]
	};
}
