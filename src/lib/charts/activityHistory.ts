import * as Plot from '@observablehq/plot';
import type { DisplayStatus } from '$lib/types';
import { STATUS_COLORS, UI_COLORS, type Scheme } from './palette';

export interface HistoryPoint {
	year: number;
	status: DisplayStatus;
	statusLabel: string;
	actual_value: number | null;
	target_value: number | null;
}

/** Actual value by reporting year against the target (dashed), dots coloured by status. */
export function activityHistory(
	rows: HistoryPoint[],
	o: { scheme: Scheme; yLabel: string; targetLabel: string }
): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const st = STATUS_COLORS[o.scheme];
	const withValue = rows.filter((r) => r.actual_value !== null);
	const withTarget = rows.filter((r) => r.target_value !== null);
	const targets = [...new Set(withTarget.map((r) => r.target_value as number))];
	const dashed = { stroke: ui.muted, strokeDasharray: '4 3', title: () => o.targetLabel };
	const years = rows.map((r) => r.year);
	return {
		width: 560,
		height: 260,
		marginBottom: 40,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		x: { type: 'point', domain: years, label: null, tickFormat: (d: number) => String(d) },
		y: { label: o.yLabel, grid: true, zero: true, labelArrow: 'none' },
		color: {
			domain: [...new Set(rows.map((r) => r.statusLabel))],
			range: [...new Set(rows.map((r) => r.status))].map((s) => st[s]),
			legend: true
		},
		marks: [
			// One target (the usual case, and every activity with a single report): a dashed rule across
			// the chart; a line through one point would draw nothing. Targets that change by year: a line.
			targets.length === 1
				? Plot.ruleY(targets, dashed)
				: Plot.lineY(withTarget, { x: 'year', y: 'target_value', ...dashed }),
			Plot.lineY(withValue, { x: 'year', y: 'actual_value', stroke: ui.bar }),
			Plot.dot(withValue, {
				x: 'year',
				y: 'actual_value',
				fill: 'statusLabel',
				r: 6,
				stroke: ui.surface,
				title: (d: HistoryPoint) =>
					`${d.year}: ${d.actual_value} / ${d.target_value ?? '–'} (${d.statusLabel})`,
				tip: true
			}),
			Plot.ruleY([0], { stroke: ui.muted })
		]
	};
}
