import { describe, expect, it } from 'vitest';
import { ReadWriteQueue } from '$lib/db/queue';

/** A piece of work that starts when the queue runs it and ends when the test says so. */
function job(log: string[], name: string) {
	let finish!: (v: string) => void;
	let fail!: (e: Error) => void;
	const done = new Promise<string>((res, rej) => {
		finish = res;
		fail = rej;
	});
	return {
		work: () => {
			log.push(`start ${name}`);
			return done;
		},
		end: () => finish(name),
		fail: () => fail(new Error(`${name} failed`))
	};
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
	const log: string[] = [];
	const events: string[] = [];
	const queue = new ReadWriteQueue({ busy: () => events.push('busy'), idle: () => events.push('idle') });
	return { log, events, queue };
}

describe('ReadWriteQueue', () => {
	it('starts reads one after another without waiting for the answers before them', async () => {
		const { log, queue } = setup();
		const a = job(log, 'a');
		const b = job(log, 'b');
		const c = job(log, 'c');
		const results = [queue.read(a.work), queue.read(b.work), queue.read(c.work)];
		await flush();
		expect(log).toEqual(['start a', 'start b', 'start c']);
		c.end();
		a.end();
		b.end();
		expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
	});

	it('a write waits for every read before it, and reads after it wait for the write', async () => {
		const { log, queue } = setup();
		const r1 = job(log, 'r1');
		const r2 = job(log, 'r2');
		const w = job(log, 'w');
		const r3 = job(log, 'r3');
		const all = [queue.read(r1.work), queue.read(r2.work), queue.write(w.work), queue.read(r3.work)];
		await flush();
		expect(log).toEqual(['start r1', 'start r2']);
		r2.end();
		await flush();
		expect(log).toEqual(['start r1', 'start r2']);
		r1.end();
		await flush();
		expect(log).toEqual(['start r1', 'start r2', 'start w']);
		w.end();
		await flush();
		expect(log).toEqual(['start r1', 'start r2', 'start w', 'start r3']);
		r3.end();
		await Promise.all(all);
	});

	it('two writes never overlap', async () => {
		const { log, queue } = setup();
		const w1 = job(log, 'w1');
		const w2 = job(log, 'w2');
		const both = [queue.write(w1.work), queue.write(w2.work)];
		await flush();
		expect(log).toEqual(['start w1']);
		w1.end();
		await flush();
		expect(log).toEqual(['start w1', 'start w2']);
		w2.end();
		await Promise.all(both);
	});

	it('a failed read or write rejects its own promise only and does not hold up the queue', async () => {
		const { log, queue } = setup();
		const r = job(log, 'r');
		const w = job(log, 'w');
		const after = job(log, 'after');
		const read = queue.read(r.work);
		const write = queue.write(w.work);
		const next = queue.read(after.work);
		r.fail();
		await expect(read).rejects.toThrow('r failed');
		w.fail();
		await expect(write).rejects.toThrow('w failed');
		after.end();
		await expect(next).resolves.toBe('after');
		expect(log).toEqual(['start r', 'start w', 'start after']);
	});

	it('says busy for each statement and idle once, when the last one has finished', async () => {
		const { log, events, queue } = setup();
		const a = job(log, 'a');
		const b = job(log, 'b');
		const pa = queue.read(a.work);
		const pb = queue.write(b.work);
		expect(queue.size).toBe(2);
		expect(events).toEqual(['busy', 'busy']);
		a.end();
		await pa;
		await flush();
		expect(events).toEqual(['busy', 'busy']);
		b.end();
		await pb;
		await flush();
		expect(events).toEqual(['busy', 'busy', 'idle']);
		expect(queue.size).toBe(0);
	});
});
