import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import {
	LOOKUP_INDEXES,
	LookupIndexes,
	createIndexSql,
	dropIndexSql,
	type IndexHost,
	type Timers
} from '$lib/db/lookupIndex';
import { INDICATOR_ROWS_SQL } from '$lib/queries/municipalities';
import { createTableSql } from '$lib/db/schema';

const spec = LOOKUP_INDEXES[0];

/** A host whose background statement finishes or fails when the test says so. */
function fakeHost(rows: number) {
	const log: string[] = [];
	let queue: Promise<unknown> = Promise.resolve();
	let finish: (() => void) | null = null;
	let fail: ((e: Error) => void) | null = null;
	const host: IndexHost = {
		queued: (work) => {
			const next = queue.then(work);
			queue = next.catch(() => undefined);
			return next;
		},
		count: async () => rows,
		exec: async (sql) => void log.push(`exec ${sql}`),
		background: (sql) => {
			log.push(`background ${sql}`);
			return new Promise<void>((resolve, reject) => {
				finish = resolve;
				fail = reject;
			});
		},
		cancelBackground: async () => {
			log.push('cancel');
			fail?.(new Error('query was canceled'));
		},
		built: (s) => void log.push(`built ${s.name}`)
	};
	return {
		host,
		log,
		finish: () => finish?.(),
		fail: (e: Error) => fail?.(e),
		settle: () => new Promise((r) => setTimeout(r, 0))
	};
}

/** Timers the test fires by hand. */
function manualTimers() {
	const waiting = new Map<number, () => void>();
	let id = 0;
	const timers: Timers = {
		set: (fn) => {
			waiting.set(++id, fn);
			return id;
		},
		clear: (h) => void waiting.delete(h as number),
		now: () => 0
	};
	return {
		timers,
		pending: () => waiting.size,
		fire: () => {
			const fns = [...waiting.values()];
			waiting.clear();
			fns.forEach((f) => f());
		}
	};
}

/** A scheduler over a table of `rows` rows; `quiet()` lets the queue's quiet last and the build start. */
function setup(rows: number) {
	const h = fakeHost(rows);
	const t = manualTimers();
	const ix = new LookupIndexes(h.host, LOOKUP_INDEXES, 200, t.timers);
	const quiet = async () => {
		ix.idle();
		t.fire();
		await h.settle();
	};
	return { h, t, ix, quiet };
}

describe('lookup indexes built in the background', () => {
	it('builds the indicator index once the queue has been quiet, for a table past the threshold', async () => {
		const { h, t, ix } = setup(spec.minRows);
		ix.idle();
		expect(h.log).toEqual([]);
		t.fire();
		await h.settle();
		expect(h.log).toEqual([`background ${createIndexSql(spec)}`]);
		h.finish();
		await h.settle();
		expect(ix.built).toEqual([spec.name]);
		expect(h.log.at(-1)).toBe(`built ${spec.name}`);
		// Nothing changed since: quiet again builds nothing more.
		ix.idle();
		expect(t.pending()).toBe(0);
	});

	it('waits while the page is still loading (mayStart), then builds', async () => {
		const { h, t, ix } = setup(spec.minRows * 5);
		let ready = false;
		h.host.mayStart = () => ready;
		ix.idle();
		t.fire();
		await h.settle();
		expect(h.log).toEqual([]);
		expect(t.pending()).toBe(1);
		ready = true;
		t.fire();
		await h.settle();
		expect(h.log).toEqual([`background ${createIndexSql(spec)}`]);
	});

	it('leaves a smaller table alone', async () => {
		const { h, ix, quiet } = setup(spec.minRows - 1);
		await quiet();
		expect(h.log).toEqual([]);
		expect(ix.built).toEqual([]);
	});

	it('a statement before the quiet has lasted postpones the build', async () => {
		const { t, ix } = setup(spec.minRows * 5);
		ix.idle();
		ix.busy();
		expect(t.pending()).toBe(0);
		ix.idle();
		expect(t.pending()).toBe(1);
	});

	it('a write stops a running build, drops what it may have made, and the next quiet builds again', async () => {
		const { h, ix, quiet } = setup(spec.minRows * 5);
		await quiet();
		await ix.beforeWrite();
		expect(h.log).toEqual([`background ${createIndexSql(spec)}`, 'cancel', `exec ${dropIndexSql(spec)}`]);
		expect(ix.built).toEqual([]);
		await quiet();
		h.finish();
		await h.settle();
		expect(ix.built).toEqual([spec.name]);
	});

	it('a write after the build drops the index; a write with none built drops nothing', async () => {
		const { h, ix, quiet } = setup(spec.minRows * 5);
		await ix.beforeWrite();
		expect(h.log).toEqual([]);
		await quiet();
		h.finish();
		await h.settle();
		await ix.beforeWrite();
		expect(h.log.at(-1)).toBe(`exec ${dropIndexSql(spec)}`);
		expect(ix.built).toEqual([]);
	});

	it('a build planned before a write does not start after it', async () => {
		const { h, t, ix } = setup(spec.minRows * 5);
		// The write holds the queue when the quiet timer fires: the build's turn comes after it.
		let release: () => void = () => undefined;
		const write = h.host.queued(async () => {
			await new Promise<void>((r) => (release = r));
			await ix.beforeWrite();
		});
		await h.settle();
		ix.idle();
		t.fire();
		release();
		await write;
		await h.settle();
		expect(h.log.some((l) => l.startsWith('background'))).toBe(false);
	});

	it('a failed build is not retried until the data change, and throws nowhere', async () => {
		const { h, t, ix, quiet } = setup(spec.minRows * 5);
		await quiet();
		h.fail(new Error('Out of Memory Error'));
		await h.settle();
		expect(ix.built).toEqual([]);
		ix.idle();
		expect(t.pending()).toBe(0);
	});
});

describe('the index serves the page’s indicator query', () => {
	it('DuckDB plans INDICATOR_ROWS_SQL as an index scan once the index exists', async () => {
		const db = await DuckDBInstance.create(':memory:');
		const c = await db.connect();
		await c.run(createTableSql('service_levels'));
		await c.run(`INSERT INTO service_levels
			SELECT lpad((i % 79)::VARCHAR, 4, '0'), 2015 + (i // 79) % 10, 'Haridus',
				'Lasteaiakohtade täituvus (' || (i // 790)::VARCHAR || ')', i / 7, '%', true, 'test'
			FROM range(200000) r(i)`);
		const plan = async () =>
			(
				await c.runAndReadAll(
					`EXPLAIN ANALYZE ${INDICATOR_ROWS_SQL.replace('?', "'Lasteaiakohtade täituvus (3)'")}`
				)
			)
				.getRows()
				.map((r) => String(r[1]))
				.join('\n');
		expect(await plan()).not.toMatch(/Index Scan/);
		await c.run(createIndexSql(spec));
		const indexed = await plan();
		expect(indexed).toMatch(/Index Scan/);
		const rows = await c.runAndReadAll(INDICATOR_ROWS_SQL, ['Lasteaiakohtade täituvus (3)']);
		expect(rows.getRows().length).toBe(790);
		await c.run(dropIndexSql(spec));
		expect(await plan()).not.toMatch(/Index Scan/);
		c.closeSync();
	});
});
