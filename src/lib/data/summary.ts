/**
 * The overview precomputed at build time by `npm run data` (native DuckDB, the same SQL as the app),
 * so the first chart paints before DuckDB-wasm has started. Only valid for the shipped default data.
 */
import type { Overview } from '$lib/queries/overview';
import type { StartResult } from '$lib/publish/startResults';

export interface DefaultSummary {
	/** The as-of year the summary was computed for (the default year). */
	year: number;
	years: number[];
	overview: Overview;
	/** Start results (src/lib/publish/startResults.ts): of a published folder, or of the sample. */
	results?: StartResult[];
}

export const HAS_IMPORTS_KEY = 'kov-seire.has-imports';

/** True when this browser holds imported data, so the shipped summary would be wrong. */
export function hasStoredImports(): boolean {
	try {
		return localStorage.getItem(HAS_IMPORTS_KEY) === '1';
	} catch {
		return true;
	}
}

export function markStoredImports(has: boolean): void {
	try {
		localStorage.setItem(HAS_IMPORTS_KEY, has ? '1' : '0');
	} catch {
		/* storage unavailable: the summary is then never used */
	}
}
