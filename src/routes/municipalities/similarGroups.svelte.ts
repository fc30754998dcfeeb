/**
 * `peer=similar` on `/municipalities`: the chosen indicators' values in the year are loaded (one
 * query per change of year, indicators or data) and each municipality's 7 most similar ones are
 * worked out from them (metrics.md "Similar municipalities"). Used while the page is set up, like
 * its own loads: the load is an effect of the page.
 */
import { untrack } from 'svelte';
import { data } from '$lib/data/store.svelte';
import { readData } from '$lib/data/reader';
import { latestLoad } from '$lib/data/ready.svelte';
import { POPULATION_INDICATOR } from '$lib/metrics/similarity';
import { loadYearValues, type IndicatorInfo, type YearValue } from '$lib/queries/municipalities';
import type { Municipality } from '$lib/types';
import { lastSimilarity, readSimilarityChoice } from './similar';

export interface SimilarInput {
	on: boolean;
	params: URLSearchParams;
	municipalities: Municipality[] | null;
	indicators: IndicatorInfo[] | null;
	domain: string | null;
	year: number | null;
}

export function similarGroups(input: () => SimilarInput, onerror: (e: unknown) => void) {
	/** The values of the loaded year and indicators, for the data version they were read from. */
	let values = $state.raw<{ year: number; key: string; version: number; rows: YearValue[] } | null>(null);
	const similarityOf = lastSimilarity();
	// As values: the load below runs again only when one of them changes, not on every URL change.
	const on = $derived(input().on);
	const year = $derived(input().year);
	/** Read only with peer=similar: with a thousand indicators it costs 2–3 ms per URL change. */
	const choice = $derived.by(() => {
		if (!on) return null;
		const { indicators, params, domain } = input();
		return indicators && year !== null ? readSimilarityChoice(params, indicators, domain, year) : null;
	});
	/** Which indicators to load, as one string: the load runs again only when the set itself changes. */
	const names = $derived(
		choice
			? choice.chosen
					.map((c) => c.indicator)
					.filter((n) => n !== POPULATION_INDICATOR)
					.join('\u001f')
			: null
	);
	const load = latestLoad();
	$effect(() => {
		void data.version;
		const y = year;
		const key = names;
		if (y === null || !on || key === null) return;
		// Back to `similar` with the same year and indicators: the values loaded before are still right.
		const version = data.version;
		const have = untrack(() => values);
		if (have && have.year === y && have.key === key && have.version === version) return;
		load(
			readData().then((conn) => loadYearValues(conn, y, key ? key.split('\u001f') : [])),
			(rows) => (values = { year: y, key, version, rows }),
			onerror
		);
	});
	const similarity = $derived.by(() => {
		const { municipalities } = input();
		return on && municipalities && choice && values && values.year === year && values.key === names
			? similarityOf(municipalities, values.rows, values.year, choice.chosen)
			: null;
	});
	return {
		/** The URL's `sim` choice (with its parameter issues); null unless the peer group is `similar`. */
		get choice() {
			return choice;
		},
		/** The groups and the model that made them; null until loaded or when the peer group is another. */
		get similarity() {
			return similarity;
		},
		/** With peer=similar the ranking waits for the groups (no flash of medians of one). */
		get ready() {
			return !on || similarity !== null;
		}
	};
}
