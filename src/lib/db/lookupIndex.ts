/**
 * Lookup indexes built in the background once a table is large (issue #20, the indicator change on
 * `/municipalities` at 1M rows).
 *
 * Why: `WHERE indicator = ?` on a million service-level rows in export order scans the whole
 * indicator column, 35–70 ms in DuckDB-wasm; with an ART index on it, 6–16 ms. Building the index
 * costs about 1 s at 1M rows, so it is not part of an import or of the start-up: it runs on a
 * second connection once the queue has gone quiet and the page has drawn what it was loading, and
 * DuckDB-wasm executes it in slices, so later reads run in between (each waits at most one slice,
 * one task of the build with the polling interval set in duckdb.ts: ≈ 0.1 s at 1M rows).
 *
 * Before any write the build is stopped and the indexes are dropped: a replace-by-key import of a
 * million rows would otherwise also update the index row by row. They are built again afterwards.
 * Pure scheduling: the DuckDB side is the `IndexHost` (duckdb.ts), so this is tested in Vitest.
 */
import { ident } from './connector';

export interface IndexSpec {
	name: string;
	table: string;
	column: string;
	/** Below this many rows a scan is a few milliseconds and the index is not worth its build. */
	minRows: number;
}

export const LOOKUP_INDEXES: readonly IndexSpec[] = [
	{ name: 'kov_service_levels_indicator', table: 'service_levels', column: 'indicator', minRows: 200_000 }
];

export const createIndexSql = (s: IndexSpec): string =>
	`CREATE INDEX IF NOT EXISTS ${ident(s.name)} ON ${ident(s.table)} (${ident(s.column)})`;
export const dropIndexSql = (s: IndexSpec): string => `DROP INDEX IF EXISTS ${ident(s.name)}`;

export interface IndexHost {
	/** Runs `work` in the connector's queue (nothing else on the main connection meanwhile). */
	queued<T>(work: () => Promise<T>): Promise<T>;
	/** Row count of a table; called inside `queued`. */
	count(table: string): Promise<number>;
	/** A statement on the main connection; called inside `queued` or before a write. */
	exec(sql: string): Promise<void>;
	/** Starts a statement on the background connection; resolves when it has finished. */
	background(sql: string): Promise<void>;
	/** Interrupts the background statement (its promise then rejects). */
	cancelBackground(): Promise<void>;
	/** Told when an index is ready (for the timeline). */
	built?(spec: IndexSpec, ms: number): void;
	/**
	 * Whether a build may start now (the page has drawn what it was loading): a build that starts
	 * while the page still loads would make each of its queries wait for a slice. Asked again after
	 * every `idleMs` until it says yes.
	 */
	mayStart?(): boolean;
}

export interface Timers {
	set(fn: () => void, ms: number): unknown;
	clear(handle: unknown): void;
	now(): number;
}

const realTimers: Timers = {
	set: (fn, ms) => setTimeout(fn, ms),
	clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
	now: () => performance.now()
};

export class LookupIndexes {
	/** Indexes that exist now. */
	private readonly present = new Set<string>();
	/** Bumped by every write: a build planned before it must not start after it. */
	private generation = 0;
	/** Whether the data may have changed since the last look. */
	private stale = true;
	private running: Promise<void> | null = null;
	private timer: unknown = null;

	constructor(
		private readonly host: IndexHost,
		private readonly specs: readonly IndexSpec[] = LOOKUP_INDEXES,
		private readonly idleMs = 200,
		private readonly timers: Timers = realTimers
	) {}

	/** A statement is about to run on the main connection: a planned build waits for the next quiet. */
	busy(): void {
		if (this.timer !== null) this.timers.clear(this.timer);
		this.timer = null;
	}

	/** The queue is empty: after `idleMs` of quiet, build what is missing. */
	idle(): void {
		if (!this.stale || this.running || this.timer !== null) return;
		this.timer = this.timers.set(() => {
			this.timer = null;
			if (this.host.mayStart && !this.host.mayStart()) return this.idle();
			void this.buildMissing();
		}, this.idleMs);
	}

	/** Inside the queue, before a write: stop a build and drop the indexes (built again later). */
	async beforeWrite(): Promise<void> {
		this.busy();
		this.generation++;
		this.stale = true;
		const running = this.running;
		if (running) {
			await this.host.cancelBackground().catch(() => undefined);
			await running.catch(() => undefined);
		}
		for (const s of this.specs) {
			if (!this.present.has(s.name) && !running) continue;
			await this.host.exec(dropIndexSql(s));
			this.present.delete(s.name);
		}
	}

	/** The indexes that exist now (tests, the timeline). */
	get built(): string[] {
		return [...this.present];
	}

	private async buildMissing(): Promise<void> {
		const generation = this.generation;
		this.stale = false;
		for (const spec of this.specs) {
			if (this.present.has(spec.name)) continue;
			// Counted and started inside the queue: a write queued after this sees `running` and stops it.
			// (Wrapped: a promise returned as such would hold the queue until the build is done.)
			const started = await this.host
				.queued(async () => {
					if (generation !== this.generation) return null;
					if ((await this.host.count(spec.table)) < spec.minRows) return null;
					const t0 = this.timers.now();
					const run = this.host.background(createIndexSql(spec)).then(() => {
						if (generation !== this.generation) return;
						this.present.add(spec.name);
						this.host.built?.(spec, this.timers.now() - t0);
					});
					this.running = run;
					return { run };
				})
				.catch(() => null);
			if (!started) continue;
			// A cancelled or failed build leaves the table as it was: it is only slower to filter.
			await started.run.catch(() => undefined);
			this.running = null;
			if (generation !== this.generation) return;
		}
	}
}
