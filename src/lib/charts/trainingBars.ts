import * as Plot from '@observablehq/plot';
import { STATUS_COLORS, UI_COLORS, type Scheme } from './palette';

export interface ParticipantBar {
	group: string;
	kind: string;
	n: number;
}

/** Participants per group split into completed / dropped out / outcome unknown (stacked). */
export function participantBars(
	rows: ParticipantBar[],
	o: { scheme: Scheme; kinds: string[]; axisLabel: string; horizontal?: boolean; width?: number }
): Plot.PlotOptions {
	const st = STATUS_COLORS[o.scheme];
	const ui = UI_COLORS[o.scheme];
	const groups = [...new Set(rows.map((r) => r.group))];
	const color = {
		domain: o.kinds,
		range: [st.done, st.late, st.not_reported].slice(0, o.kinds.length),
		legend: true
	};
	const title = (d: ParticipantBar) => `${d.group}\n${d.kind}: ${d.n}`;
	if (o.horizontal) {
		return {
			width: o.width ?? 560,
			// A row holds two lines of a programme's name (wrapped whole, not cut).
			height: Math.max(140, groups.length * 34 + 70),
			marginLeft: 230,
			marginBottom: 44,
			style: { color: ui.text, background: 'transparent', fontSize: '12px' },
			x: { label: o.axisLabel, grid: true, labelArrow: 'none', labelAnchor: 'center', labelOffset: 36 },
			y: { domain: groups, label: null },
			color,
			marks: [
				Plot.axisY({ label: null, lineWidth: 19 }),
				Plot.barX(rows, {
					x: 'n',
					y: 'group',
					fill: 'kind',
					order: o.kinds,
					title,
					tip: true
				} as Plot.BarXOptions)
			]
		};
	}
	return {
		width: o.width ?? 560,
		height: 260,
		marginBottom: 40,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		x: { domain: groups, label: null },
		y: { label: o.axisLabel, grid: true, labelArrow: 'none' },
		color,
		marks: [
			Plot.barY(rows, {
				x: 'group',
				y: 'n',
				fill: 'kind',
				order: o.kinds,
				title,
				tip: true
			} as Plot.BarYOptions),
			Plot.ruleY([0], { stroke: ui.muted })
		]
	};
}

/** Registered → completed → dropped out as three bars. */
export function trainingFunnel(
	steps: { label: string; n: number }[],
	o: { scheme: Scheme; axisLabel: string }
): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const st = STATUS_COLORS[o.scheme];
	const fills = [ui.bar, st.done, st.late, st.not_reported];
	return {
		width: 520,
		height: 60 + steps.length * 40,
		marginLeft: 130,
		marginRight: 60,
		marginBottom: 40,
		style: { color: ui.text, background: 'transparent', fontSize: '12px' },
		x: { label: o.axisLabel, grid: true, labelArrow: 'none', labelAnchor: 'center' },
		y: { domain: steps.map((s) => s.label), label: null },
		marks: [
			Plot.barX(steps, {
				x: 'n',
				y: 'label',
				fill: (_d: unknown, i: number) => fills[i % fills.length],
				title: (d: { label: string; n: number }) => `${d.label}: ${d.n}`,
				tip: true
			}),
			Plot.text(steps, {
				x: 'n',
				y: 'label',
				text: (d: { n: number }) => String(d.n),
				dx: 4,
				textAnchor: 'start',
				fill: ui.text
			})
		]
	};
}
