import * as Plot from '@observablehq/plot';
import { UI_COLORS, type Scheme } from './palette';
import { levelAxis } from '$lib/metrics/levelScale';

export interface RankingPoint {
	ehak_code: string;
	name: string;
	value: number;
	/** National rank, 1 = best (metrics.md "Municipality comparison"). */
	rank: number;
	/** In the selected municipality's peer group. */
	peer: boolean;
	tooltip: string;
}

export interface RankingOptions {
	scheme: Scheme;
	/** The value axis: indicator and unit. */
	axisLabel: string;
	/** EHAK code drawn in the highlight colour. */
	selected?: string | null;
	/** The selected municipality's peer median, drawn as a dashed rule. */
	peerMedian?: number | null;
	peerMedianLabel?: string;
	format: (value: number) => string;
	width?: number;
	/** A 0–9 level (levelScale.ts): a fixed axis with a tick per level. */
	level?: boolean;
}

/**
 * All municipalities with a value, best first, one dot each (a dot needs no zero baseline, so close
 * values stay apart). With a selection, the selected municipality is highlighted, its peers keep
 * the bar colour and the rest are muted.
 */
export function municipalityRanking(rows: RankingPoint[], o: RankingOptions): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const sorted = [...rows].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'et'));
	const label = (d: RankingPoint) => `${d.rank}. ${d.name}`;
	const hasSelection = !!o.selected && sorted.some((d) => d.ehak_code === o.selected);
	const fill = (d: RankingPoint) =>
		d.ehak_code === o.selected ? ui.highlight : !hasSelection || d.peer ? ui.bar : ui['bar-muted'];
	const median = o.peerMedian ?? null;
	const hasMedian = hasSelection && median !== null && Number.isFinite(median);
	const values = [...sorted.map((d) => d.value), ...(hasMedian ? [median as number] : [])];
	const selected = sorted.filter((d) => d.ehak_code === o.selected);
	return {
		width: o.width ?? 560,
		height: Math.max(140, sorted.length * 15 + 60),
		marginLeft: 170,
		marginRight: 70,
		marginTop: 28,
		marginBottom: 24,
		style: { color: ui.text, background: 'transparent', fontSize: '11px' },
		x: {
			...(o.level
				? { ...levelAxis(values), tickFormat: 'd' }
				: { domain: values.length ? [Math.min(...values), Math.max(...values)] : [0, 1], nice: true }),
			label: o.axisLabel,
			grid: true,
			axis: 'top',
			labelAnchor: 'center',
			labelArrow: 'none',
			inset: 8
		},
		y: { domain: sorted.map(label), label: null, tickSize: 0 },
		marks: [
			Plot.ruleY(sorted, { y: label, stroke: ui.grid }),
			...(hasMedian
				? [
						Plot.ruleX([median as number], { stroke: ui.text, strokeDasharray: '4 3', strokeWidth: 1.5 }),
						Plot.text([median as number], {
							x: (d: number) => d,
							frameAnchor: 'bottom',
							text: () => o.peerMedianLabel ?? '',
							dy: 14,
							fill: ui.text,
							textAnchor: 'middle'
						})
					]
				: []),
			Plot.dot(sorted, {
				x: 'value',
				y: label,
				r: 4.5,
				fill,
				stroke: ui.muted,
				strokeWidth: 0.5,
				title: 'tooltip',
				tip: true,
				className: 'municipality-dot',
				ariaLabel: (d: RankingPoint) => `${label(d)}: ${o.format(d.value)}`
			} as Plot.DotOptions),
			Plot.dot(selected, { x: 'value', y: label, r: 7, fill: ui.highlight, stroke: ui.text, strokeWidth: 1 }),
			Plot.text(sorted, {
				x: 'value',
				y: label,
				text: (d: RankingPoint) => o.format(d.value),
				dx: 9,
				textAnchor: 'start',
				fill: ui.text,
				stroke: ui.surface,
				strokeWidth: 3,
				paintOrder: 'stroke'
			})
		]
	};
}
