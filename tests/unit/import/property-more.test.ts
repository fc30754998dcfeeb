import { describe, it } from 'vitest';
import fc from 'fast-check';
import { holds } from '../property';
import { decodeBytes, parseStatus } from '../../../src/lib/import';
import { parseDeadline, parseOwners, parseTarget } from '../../../src/lib/plan';
import { STATUSES } from '../../../src/lib/types';

/** Issue "Reliability": every parser, 10 000 generated cases each, fixed seeds. */
const RUNS = { numRuns: 10_000, seed: 20224 };

const ESTONIAN = 'abcdefghijklmnopqrsšzžtuvwõäöüxyABCDEFGHIJKLMNOPQRSŠZŽTUVWÕÄÖÜXY0123456789 ;,.-()'.split(
	''
);
const WIN1257: Record<string, number> = {
	õ: 0xf5,
	ä: 0xe4,
	ö: 0xf6,
	ü: 0xfc,
	š: 0xf0,
	ž: 0xfe,
	Õ: 0xd5,
	Ä: 0xc4,
	Ö: 0xd6,
	Ü: 0xdc,
	Š: 0xd0,
	Ž: 0xde
};
const win1257 = (s: string) => Uint8Array.from([...s].map((c) => WIN1257[c] ?? c.charCodeAt(0)));
const estonianText = fc
	.array(fc.constantFrom(...ESTONIAN), { minLength: 1, maxLength: 60 })
	.map((a) => a.join(''));

describe('parseStatus(text) — property', () => {
	it('never throws; any answer is one of the five statuses', () => {
		holds(
			fc.property(fc.string({ maxLength: 40 }), (s) => {
				const r = parseStatus(s);
				return r === undefined || (STATUSES as readonly string[]).includes(r);
			}),
			RUNS
		);
	});
	it('reads every accepted word in any case and padding as the same status', () => {
		const words: [string, string][] = [
			['alustamata', 'not_started'],
			['töös', 'in_progress'],
			['riskis', 'at_risk'],
			['tehtud', 'done'],
			['tühistatud', 'cancelled'],
			...STATUSES.map((s) => [s, s] as [string, string])
		];
		holds(
			fc.property(
				fc.constantFrom(...words),
				fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
				fc.constantFrom('', ' ', '  ', '\t'),
				([word, status], upper, pad) => {
					const cased = [...word].map((c, i) => (upper[i % 12] ? c.toUpperCase() : c)).join('');
					return parseStatus(`${pad}${cased}${pad}`) === status;
				}
			),
			RUNS
		);
	});
});

describe('decodeBytes(bytes) — property', () => {
	it('round-trips Estonian text written as UTF-8 and as Windows-1257', () => {
		holds(
			fc.property(estonianText, (s) => {
				const u = decodeBytes(new TextEncoder().encode(s));
				const w = decodeBytes(win1257(s));
				const ascii = [...s].every((c) => c.charCodeAt(0) < 0x80);
				return (
					u.text === s &&
					u.encoding === 'utf-8' &&
					w.text === s &&
					w.encoding === (ascii ? 'utf-8' : 'windows-1257') &&
					w.mixedLines === undefined
				);
			}),
			RUNS
		);
	});
	it('a file of UTF-8 and Windows-1257 lines reads every line back', () => {
		holds(
			fc.property(fc.array(fc.tuple(estonianText, fc.boolean()), { minLength: 2, maxLength: 8 }), (lines) => {
				const parts = lines.map(([s, utf8]) => (utf8 ? new TextEncoder().encode(s) : win1257(s)));
				const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
				let at = 0;
				for (const p of parts) {
					bytes.set(p, at);
					bytes[at + p.length] = 0x0a;
					at += p.length + 1;
				}
				const r = decodeBytes(bytes);
				return r.text === lines.map(([s]) => s).join('\n') + '\n';
			}),
			RUNS
		);
	});
});

describe('plan text parsers — property', () => {
	const text = fc.oneof(fc.string({ maxLength: 200 }), estonianText);
	it('parseDeadline never throws; its year is one written in the text', () => {
		holds(
			fc.property(text, fc.integer({ min: 2000, max: 2040 }), (s, y) => {
				const d = parseDeadline(`${s} ${y}`);
				return d.year !== null && `${s} ${y}`.includes(String(d.year)) && d.year >= y;
			}),
			RUNS
		);
	});
	it('parseOwners never throws and returns trimmed, non-empty owner codes', () => {
		holds(
			fc.property(text, (s) => parseOwners(s).every((o) => o.length > 0 && o === o.trim())),
			RUNS
		);
	});
	it('parseTarget never throws and gives a finite value', () => {
		holds(
			fc.property(text, (s) => {
				const t = parseTarget(s);
				return t === null || Number.isFinite(t.value);
			}),
			RUNS
		);
	});
});
