import * as Plot from '@observablehq/plot';
import type { DeadlineRow } from '$lib/queries/activities';
import { STATUS_COLORS, UI_COLORS, type Scheme } from './palette';

/** Activities per deadline year, stacked: done, late (deadline passed, not done), still open. */
export function deadlineBars(
	rows: DeadlineRow[],
	o: { scheme: Scheme; labels: { done: string; late: string; open: string }; axisLabel: string }
): Plot.PlotOptions {
	const st = STATUS_COLORS[o.scheme];
	const ui = UI_COLORS[o.scheme];
	const long = rows.flatMap((r) =>
		(['done', 'late', 'open'] as const).map((k) => ({
			// A number on a band scale: as a text ("2022") Plot warned in the console that the strings
			// looked like numbers.
			year: r.deadline_year,
			kind: o.labels[k],
			n: r[k]
		}))
	);
	return {
		width: 520,
		height: 240,
		marginBottom: 40,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		x: { type: 'band', label: null, padding: 0.3, tickFormat: (y: number) => String(y) },
		y: { label: o.axisLabel, grid: true, labelArrow: 'none' },
		color: {
			domain: [o.labels.done, o.labels.late, o.labels.open],
			range: [st.done, st.late, st.in_progress],
			legend: true
		},
		marks: [
			Plot.barY(long, {
				x: 'year',
				y: 'n',
				fill: 'kind',
				order: [o.labels.done, o.labels.late, o.labels.open],
				title: (d: { year: number; kind: string; n: number }) => `${d.year}: ${d.kind} ${d.n}`,
				tip: true
			} as Plot.BarYOptions),
			Plot.ruleY([0], { stroke: ui.muted })
		]
	};
}
