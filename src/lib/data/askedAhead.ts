/**
 * Answers asked ahead (issue #20, the charts after an import): when an import is committed, the
 * queries the next view asks on opening are sent to DuckDB at once, while the analyst reads the
 * import's message, and kept for the data as they are now (their `data.version`). The view, opened
 * a moment later, gets those answers (or waits for the same queries still running) instead of
 * sending them again. Any change of the data ends them: they answer only the version they were
 * asked for. A query that failed is not kept: a view that got it reports the error, and the next
 * one asks DuckDB again.
 */
import type { Connector, Row, SqlValue } from '$lib/db/connector';
import { resultKey } from './resultCache';

export interface AskedAhead {
	/** Run `work` (a view's opening loaders) against the data of `version`, keeping each answer. */
	ask(version: number, connect: () => Promise<Connector>, work: (c: Connector) => Promise<unknown>): Promise<void>;
	/** The kept answer to `sql` with `params` for `version`, or null. */
	answer(version: number, sql: string, params?: readonly SqlValue[]): Promise<Row[]> | null;
}

export function askedAhead(): AskedAhead {
	let kept: { version: number; answers: Map<string, Promise<Row[]>> } | null = null;
	return {
		async ask(version, connect, work) {
			const answers = new Map<string, Promise<Row[]>>();
			kept = { version, answers };
			const recorder: Connector = {
				query<T extends Row = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
					const key = resultKey(sql, params);
					const rows = answers.get(key) ?? connect().then((c) => c.query<T>(sql, [...params]));
					answers.set(key, rows);
					rows.catch(() => {
						if (answers.get(key) === rows) answers.delete(key);
					});
					return rows as Promise<T[]>;
				},
				exec: () => Promise.reject(new Error('asked ahead: a view only reads')),
				insertColumns: () => Promise.reject(new Error('asked ahead: a view only reads'))
			};
			await work(recorder).catch(() => undefined);
		},
		answer(version, sql, params = []) {
			if (!kept || kept.version !== version) return null;
			return kept.answers.get(resultKey(sql, [...params])) ?? null;
		}
	};
}
