import * as Plot from '@observablehq/plot';
import type { DisplayStatus } from '$lib/types';
import { STATUS_COLORS, STATUS_ORDER, UI_COLORS, type Scheme } from './palette';

export interface StatusCount {
	group: string;
	status: DisplayStatus;
	statusLabel: string;
	n: number;
}

/** Stacked bars: number of activities per status in each group, in the shared status palette. */
export function statusMix(
	rows: StatusCount[],
	o: { scheme: Scheme; axisLabel: string; statusLabels: Record<string, string>; width?: number }
): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const statuses = STATUS_ORDER.filter((s) => s !== 'late') as DisplayStatus[];
	const groups = [...new Set(rows.map((r) => r.group))];
	return {
		width: o.width ?? 560,
		height: Math.max(140, groups.length * 34 + 60),
		marginLeft: 90,
		marginBottom: 44,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		x: { label: o.axisLabel, grid: true, labelArrow: 'none', labelAnchor: 'center', labelOffset: 36 },
		y: { domain: groups, label: null, tickSize: 0 },
		color: {
			domain: statuses.map((s) => o.statusLabels[s]),
			range: statuses.map((s) => STATUS_COLORS[o.scheme][s]),
			legend: true
		},
		marks: [
			Plot.barX(rows, {
				x: 'n',
				y: 'group',
				fill: 'statusLabel',
				order: statuses.map((s) => o.statusLabels[s]),
				title: (d: StatusCount) => `${d.group}\n${d.statusLabel}: ${d.n}`,
				tip: true,
				stroke: ui.surface,
				strokeWidth: 1
			} as Plot.BarXOptions),
			Plot.text(
				rows,
				Plot.stackX({
					x: 'n',
					y: 'group',
					z: 'statusLabel',
					order: statuses.map((s) => o.statusLabels[s]),
					text: (d: StatusCount) => (d.n > 0 ? String(d.n) : ''),
					fill: ui['on-status'],
					fontWeight: 600
				} as Plot.TextOptions)
			)
		]
	};
}
