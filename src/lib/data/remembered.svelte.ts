/**
 * The analyst's remembered corrections (`Tallin` → Tallinn): kept in this browser's IndexedDB and
 * applied to every later import, where the preview lists them as remembered. Their own store, so
 * "delete this browser's imports" does not forget them; each is forgotten on the import page.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Correction } from '$lib/import';
import { withCorrection, withoutCorrection } from '$lib/import/datasets/corrections';

const KEY = 'corrections';
let idb: UseStore | null = null;
function store(): UseStore {
	idb ??= createStore('kov-seire-corrections', 'corrections');
	return idb;
}

export const remembered = $state<{ list: Correction[]; loaded: boolean }>({ list: [], loaded: false });

let loading: Promise<void> | null = null;
/** Read them once (later calls wait for the same read); an unreadable store is an empty list. */
export function loadRemembered(): Promise<void> {
	loading ??= get<Correction[]>(KEY, store())
		.then((list) => {
			remembered.list = Array.isArray(list) ? list : [];
		})
		.catch(() => undefined)
		.finally(() => (remembered.loaded = true));
	return loading;
}

async function save(list: Correction[]): Promise<void> {
	await set(KEY, list, store());
	remembered.list = list;
}

/** Remember these corrections (a newer choice for the same value replaces the older). */
export function remember(list: readonly Correction[]): Promise<void> {
	const next = list.reduce<Correction[]>(
		(all, c) => withCorrection(all, { field: c.field, from: c.from, to: c.to }),
		$state.snapshot(remembered.list)
	);
	return save(next);
}

/** Forget one. */
export function forget(c: Correction): Promise<void> {
	return save(withoutCorrection($state.snapshot(remembered.list), c));
}
