/**
 * What `/municipalities` loads: the municipality and indicator lists, the chosen indicator's rows
 * and the training participants of the reach chart. Used while the page is set up (its effects are
 * the page's). Each load asks DuckDB as early as it can (issue #20):
 * - the URL's indicator rows go out as soon as the lists are read, so the query runs while the page
 *   renders the lists;
 * - the participants go out right after them and are applied by their own load, so that the lists
 *   never wait for them, and the reach chart is drawn in the same render as the rows when both have
 *   answered (a query asked ahead after an import, the start results);
 * - a new indicator's rows go out on the input event (`ask`), while the router handles the URL.
 */
import { untrack } from 'svelte';
import { data } from '$lib/data/store.svelte';
import { readData } from '$lib/data/reader';
import { latestLoad } from '$lib/data/ready.svelte';
import {
	loadIndicatorRows,
	loadIndicators,
	loadMunicipalities,
	loadTrainingParticipants,
	type IndicatorInfo,
	type TrainingParticipants
} from '$lib/queries/municipalities';
import type { Municipality, ServiceLevelRow } from '$lib/types';

interface Asked<T> {
	version: number;
	rows: Promise<T>;
}

export interface PageDataHooks {
	/** The indicator the URL chooses, once the lists are known (asked ahead with them). */
	first: (municipalities: Municipality[], indicators: IndicatorInfo[]) => IndicatorInfo | null;
	/** The indicator chosen now (a derived value of the page): its rows are loaded when it changes. */
	chosen: () => IndicatorInfo | null;
	/** The lists have loaded (a notice of an earlier failure can go). */
	loaded: () => void;
	/** A list or the rows could not be read. */
	failed: (e: unknown) => void;
}

/** A query asked ahead: its error is reported where it is used, not as an unhandled rejection. */
function ahead<T>(rows: Promise<T>): Promise<T> {
	rows.catch(() => undefined);
	return rows;
}

export function municipalityData(hooks: PageDataHooks) {
	let municipalities = $state<Municipality[] | null>(null);
	let indicators = $state<IndicatorInfo[] | null>(null);
	/** A failed participants query is said on the chart, never drawn as "nobody took part". */
	let participants = $state.raw<{ rows: TrainingParticipants | null; error: string | null } | null>(null);
	/** All years of the chosen indicator (ranking, change, trend, map). */
	let indicatorRows = $state<{ indicator: string; rows: ServiceLevelRow[] } | null>(null);

	/** Rows asked for before the load that applies them; kept for one data version and one indicator. */
	let early: (Asked<ServiceLevelRow[]> & { indicator: string }) | null = null;
	let earlyReach: Asked<TrainingParticipants> | null = null;

	const loadLists = latestLoad();
	$effect(() => {
		const version = data.version;
		loadLists(
			readData().then(async (conn) => {
				const [m, i] = await Promise.all([loadMunicipalities(conn), loadIndicators(conn)]);
				const first = hooks.first(m, i);
				if (first)
					early = { version, indicator: first.indicator, rows: ahead(loadIndicatorRows(conn, first)) };
				earlyReach = { version, rows: ahead(loadTrainingParticipants(conn)) };
				return [m, i] as const;
			}),
			([m, i]) => {
				municipalities = m;
				indicators = i;
				hooks.loaded();
			},
			hooks.failed
		);
	});

	const loadReach = latestLoad();
	$effect(() => {
		// Runs when the lists are applied (each change of the data loads them again).
		if (!indicators) return;
		const asked = earlyReach;
		earlyReach = null;
		loadReach(
			asked?.version === untrack(() => data.version)
				? asked.rows
				: readData().then((conn) => loadTrainingParticipants(conn)),
			(rows) => (participants = { rows, error: null }),
			(e) => (participants = { rows: null, error: String(e) })
		);
	});

	const loadIndicator = latestLoad();
	$effect(() => {
		const version = data.version;
		const chosen = hooks.chosen();
		if (chosen === null) return;
		const name = chosen.indicator;
		const asked = early?.version === version && early.indicator === name ? early.rows : null;
		early = null;
		loadIndicator(
			asked ?? readData().then((conn) => loadIndicatorRows(conn, chosen)),
			(rows) => (indicatorRows = { indicator: name, rows }),
			hooks.failed
		);
	});

	return {
		get municipalities() {
			return municipalities;
		},
		get indicators() {
			return indicators;
		},
		get participants() {
			return participants;
		},
		/** The rows loaded last, with their indicator (the one before, while a new one loads). */
		get indicatorRows() {
			return indicatorRows;
		},
		/**
		 * Asks for an indicator's rows now, on the input that chooses it (before the URL changes):
		 * DuckDB reads them while the router works (10–40 ms at 1M rows).
		 */
		ask(name: string) {
			const next = indicators?.find((i) => i.indicator === name);
			if (!next || next.indicator === indicatorRows?.indicator) return;
			const version = data.version;
			early = {
				version,
				indicator: next.indicator,
				rows: ahead(readData().then((conn) => loadIndicatorRows(conn, next)))
			};
		}
	};
}
