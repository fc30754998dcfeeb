import * as Plot from '@observablehq/plot';
import { UI_COLORS, type Scheme } from './palette';

export interface CompareCell {
	indicator: string;
	/** Facet title: the indicator with its unit and direction. */
	facetLabel: string;
	ehak_code: string;
	name: string;
	value: number | null;
	/** National rank for the indicator and year, 1 = best. */
	rank: number | null;
	/** Text printed at the bar's end (value, rank; `–` when missing). */
	label: string;
	tooltip: string;
}

export interface CompareOptions {
	scheme: Scheme;
	/** Municipality names in the order they were chosen. */
	names: string[];
	/** National median per indicator, drawn as a dashed tick. */
	nationalMedian?: Record<string, number | null>;
	selected?: string | null;
	width?: number;
}

/**
 * Up to five municipalities side by side on every indicator of a domain: one panel per indicator.
 * Indicators have different units, so each panel's bars are scaled to that panel's largest value
 * (bars compare within a panel; the printed value and national rank carry the numbers).
 */
export function municipalityCompare(cells: CompareCell[], o: CompareOptions): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const facets = [...new Set(cells.map((c) => c.facetLabel))];
	const scale = new Map<string, number>();
	for (const c of cells) {
		const m = o.nationalMedian?.[c.indicator];
		const top = Math.max(Math.abs(c.value ?? 0), Math.abs(m ?? 0), scale.get(c.indicator) ?? 0);
		scale.set(c.indicator, top);
	}
	const share = (indicator: string, v: number | null) => {
		const top = scale.get(indicator) ?? 0;
		return v === null || !Number.isFinite(v) ? 0 : top === 0 ? 0 : v / top;
	};
	const medians = facets.flatMap((f) => {
		const cell = cells.find((c) => c.facetLabel === f) as CompareCell;
		const m = o.nationalMedian?.[cell.indicator];
		return m === null || m === undefined ? [] : [{ facetLabel: f, x: share(cell.indicator, m) }];
	});
	const rowHeight = 20;
	const panel = o.names.length * rowHeight + 34;
	const scaled = cells.map((c) => ({ ...c, share: share(c.indicator, c.value) }));
	const minShare = Math.min(0, ...scaled.map((c) => c.share));
	return {
		width: o.width ?? 560,
		height: facets.length * panel + 20,
		marginLeft: 150,
		marginRight: 110,
		marginTop: 4,
		marginBottom: 8,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		fy: { domain: facets, axis: null, padding: 0.08 },
		x: { domain: [minShare, 1], axis: null },
		y: { domain: o.names, label: null, tickSize: 0, insetTop: 22, padding: 0.15 },
		marks: [
			Plot.frame({ stroke: ui.grid, anchor: 'top' }),
			Plot.text(facets, {
				fy: (d: string) => d,
				text: (d: string) => d,
				frameAnchor: 'top-left',
				dx: -140,
				dy: 4,
				fontWeight: 'bold',
				fill: ui.text,
				lineWidth: 60
			}),
			Plot.barX(scaled, {
				fy: 'facetLabel',
				y: 'name',
				x: 'share',
				fill: (d: CompareCell) => (d.ehak_code === o.selected ? ui.highlight : ui.bar),
				title: 'tooltip',
				tip: true
			} as Plot.BarXOptions),
			Plot.tickX(medians, {
				fy: 'facetLabel',
				x: 'x',
				stroke: ui.text,
				strokeDasharray: '3 2',
				strokeWidth: 1.5
			}),
			Plot.text(scaled, {
				fy: 'facetLabel',
				y: 'name',
				x: (d: CompareCell & { share: number }) => Math.max(0, d.share),
				text: 'label',
				dx: 4,
				textAnchor: 'start',
				fill: ui.text,
				// A halo keeps the label readable where it crosses the median tick.
				stroke: ui.surface,
				strokeWidth: 3,
				paintOrder: 'stroke'
			}),
			Plot.ruleX([0], { stroke: ui.muted })
		]
	};
}
