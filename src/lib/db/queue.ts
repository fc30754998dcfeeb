/**
 * The order in which the page's statements reach DuckDB's one connection.
 *
 * A read is sent as soon as no write is running or waiting before it, without waiting for the
 * reads before it to come back: DuckDB's worker answers its messages one by one in the order they
 * were sent, so it goes from one read to the next while the page is still rendering the last answer
 * (before, each read waited for the page to take the previous answer, and the worker sat idle
 * meanwhile — 100 ms or more on a cold load of /municipalities). A write (and a transaction) waits
 * for everything before it, and everything after it waits for the write, so writes never interleave
 * with anything.
 */
export interface QueueEvents {
	/** Something was queued: the connection is busy. */
	busy(): void;
	/** Everything queued has finished. */
	idle(): void;
}

export class ReadWriteQueue {
	/** Settles when everything queued so far has finished (what a write waits for). */
	private all: Promise<unknown> = Promise.resolve();
	/** Settles when the last write queued so far has finished (what a read waits for). */
	private writes: Promise<unknown> = Promise.resolve();
	private pending = 0;

	constructor(private readonly events: QueueEvents) {}

	read<T>(work: () => Promise<T>): Promise<T> {
		const run = this.writes.then(work, work);
		this.all = Promise.all([this.all, settled(run)]);
		return this.counted(run);
	}

	write<T>(work: () => Promise<T>): Promise<T> {
		const run = this.all.then(work, work);
		this.all = this.writes = settled(run);
		return this.counted(run);
	}

	/** Statements queued and not finished. */
	get size(): number {
		return this.pending;
	}

	private counted<T>(run: Promise<T>): Promise<T> {
		this.pending++;
		this.events.busy();
		const finish = () => {
			if (--this.pending === 0) this.events.idle();
		};
		run.then(finish, finish);
		return run;
	}
}

/** Settles (never rejects) when `run` has finished either way. */
function settled(run: Promise<unknown>): Promise<void> {
	return run.then(
		() => undefined,
		() => undefined
	);
}
