import type { TrainingRow } from '$lib/types';

export interface TrainingTotals {
	trainings: number;
	registered: number;
	completed: number;
	dropped_out: number;
	/** completed / registered; null when nobody registered. */
	completion_rate: number | null;
	dropout_rate: number | null;
	/** Registered-weighted mean of satisfaction (0–100) over rows that have both. */
	satisfaction: number | null;
}

/** metrics.md "Training statistics". */
export function trainingTotals(rows: TrainingRow[]): TrainingTotals {
	let registered = 0;
	let completed = 0;
	let dropped = 0;
	let satWeighted = 0;
	let satWeight = 0;
	for (const r of rows) {
		registered += r.registered ?? 0;
		completed += r.completed ?? 0;
		dropped += r.dropped_out ?? 0;
		if (r.satisfaction !== null && (r.registered ?? 0) > 0) {
			satWeighted += r.satisfaction * (r.registered ?? 0);
			satWeight += r.registered ?? 0;
		}
	}
	return {
		trainings: rows.length,
		registered,
		completed,
		dropped_out: dropped,
		completion_rate: registered > 0 ? completed / registered : null,
		dropout_rate: registered > 0 ? dropped / registered : null,
		satisfaction: satWeight > 0 ? satWeighted / satWeight : null
	};
}

/** Totals per group, sorted by key. */
export function trainingsBy<K extends string | number>(
	rows: TrainingRow[],
	keyOf: (r: TrainingRow) => K | null
): { key: K; totals: TrainingTotals }[] {
	const groups = new Map<K, TrainingRow[]>();
	for (const r of rows) {
		const k = keyOf(r);
		if (k === null) continue;
		const list = groups.get(k) ?? [];
		list.push(r);
		groups.set(k, list);
	}
	return [...groups.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, list]) => ({ key, totals: trainingTotals(list) }));
}

/** Participants per 1 000 inhabitants (population is approximate in the shipped list). */
export function participantsPer1000(registered: number, population: number | null): number | null {
	return population && population > 0 ? (registered / population) * 1000 : null;
}
