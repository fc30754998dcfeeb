import { describe, it, expect } from 'vitest';
import { analyseLarge, bulkBytes, BULK_MIN_BYTES, BULK_HEAD_CHARS } from '../../../src/lib/import';
import { BULK_MAX_LINE_BYTES } from '../../../src/lib/import/read/problems';
import { bulkSourceFor } from '../../../src/lib/data/toRecord';
import { municipalities } from '../municipalities';
import { windows1257 } from '../../windows1257';

const ctx = { activityIds: new Set<string>(), municipalities };

/** A long-format service-level file of at least `bytes`, `;`, decimal commas, a title line. */
function serviceLevels(bytes: number, header = 'Näitaja;Omavalitsus;Aasta;Väärtus;EHAK'): Uint8Array {
	const lines = ['Teenustasemed', header];
	let size = 0;
	for (let i = 0; size < bytes; i++) {
		const m = municipalities[i % municipalities.length];
		const line = `Näitaja ${Math.floor(i / 79)};${m.name};2024;${i % 100},5;${m.ehak_code}`;
		lines.push(line);
		size += line.length + 2;
	}
	return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

describe('analyseLarge(bytes) — which files take the bulk path', () => {
	it('a large long-format service-level file: head analysed in JS, the file itself handed on', () => {
		const bytes = serviceLevels(BULK_MIN_BYTES);
		const { analysis, text, utf8 } = analyseLarge(bytes, {}, ctx);
		expect(analysis.bulk).toBe(true);
		expect(analysis.dataset).toBe('service_levels');
		expect(analysis.headerRow).toBe(2);
		expect(analysis.delimiter).toBe(';');
		// UTF-8: the bytes go to DuckDB as they are; nothing past the head was decoded.
		expect(utf8).toBe(bytes);
		expect(text).toBeNull();
		// Asked to decode everything (after DuckDB met a byte that is not UTF-8): the whole text.
		const full = analyseLarge(bytes, { fullDecode: true }, ctx);
		expect(full.analysis.bulk).toBe(true);
		expect(full.text?.length).toBe(new TextDecoder().decode(bytes).length);
		// Only the head was validated in JS; its rows are whole lines.
		expect(analysis.rows.length).toBeGreaterThan(0);
		expect(analysis.rowCount).toBeLessThan(BULK_HEAD_CHARS / 20);
		expect(analysis.errors).toEqual([]);
		const source = bulkSourceFor(analysis, 'x.csv');
		// The EHAK column is preferred to the name, as the import core does.
		expect(source.mapping).toMatchObject({ municipality: 4, year: 2, indicator: 0, value: 3 });
		expect(source).toMatchObject({
			file: 'x.csv',
			delimiter: ';',
			headerRow: 2,
			minYear: 1990,
			maxYear: 2035
		});
	});

	it('a small file, another dataset, or a wide table gets the full analysis in JS', () => {
		const small = analyseLarge(serviceLevels(10_000), {}, ctx);
		expect(small.analysis.bulk).toBeUndefined();
		expect(small.text).toBeNull();
		expect(small.analysis.rowCount).toBeGreaterThan(100);

		const asProgress = analyseLarge(serviceLevels(BULK_MIN_BYTES), { dataset: 'progress' }, ctx);
		expect(asProgress.analysis.bulk).toBeUndefined();
		expect(asProgress.text).toBeNull();

		const wide = ['Omavalitsus;2021;2022;2023', ...municipalities.map((m) => `${m.name};1;2;3`)];
		const big = new TextEncoder().encode(
			Array.from({ length: Math.ceil(BULK_MIN_BYTES / (wide.join('\n').length + 1)) + 1 }, () =>
				wide.slice(1).join('\n')
			)
				.join('\n')
				.replace(/^/, `${wide[0]}\n`)
		);
		const w = analyseLarge(big, {}, ctx);
		expect(w.analysis.bulk).toBeUndefined();
		expect(w.text).toBeNull();
	});

	it('a rejected file stays rejected whatever its size', () => {
		const html = new TextEncoder().encode(
			'<!DOCTYPE html><html><body>' + 'x'.repeat(BULK_MIN_BYTES) + '</body></html>'
		);
		const r = analyseLarge(html, {}, ctx);
		expect(r.analysis.problem?.code).toBe('html');
		expect(r.text).toBeNull();
	});
});

describe('bulkBytes(bytes, encoding, text) — what DuckDB reads on the bulk path', () => {
	it('a UTF-8 export is handed on as it is, not copied or re-encoded', () => {
		const bytes = serviceLevels(BULK_MIN_BYTES);
		const { analysis, text } = analyseLarge(bytes, { fullDecode: true }, ctx);
		expect(analysis.encoding).toBe('utf-8');
		expect(bulkBytes(bytes, analysis.encoding, text!)).toBe(bytes);
	});

	it('a UTF-8 export with a BOM keeps its bytes (the BOM is in the skipped header line)', () => {
		const plain = serviceLevels(BULK_MIN_BYTES);
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
		const fast = analyseLarge(bytes, {}, ctx);
		expect(fast.analysis.encoding).toBe('utf-8-bom');
		expect(fast.utf8).toBe(bytes);
		const { analysis, text } = analyseLarge(bytes, { fullDecode: true }, ctx);
		expect(analysis.encoding).toBe('utf-8-bom');
		expect(analysis.bulk).toBe(true);
		expect(bulkBytes(bytes, analysis.encoding, text!)).toBe(bytes);
	});

	it('an ASCII head with Windows-1257 further on: handed on as UTF-8 at first, decoded whole when asked', () => {
		// Municipality names without Estonian letters up front; `Põltsamaa vald` only at the end.
		const ascii = municipalities.filter((m) => /^[\x20-\x7e]+$/.test(m.name));
		const lines = ['Naitaja;Omavalitsus;Aasta;Vaartus'];
		for (let i = 0, size = 0; size < BULK_MIN_BYTES; i++) {
			const line = `Naitaja ${Math.floor(i / ascii.length)};${ascii[i % ascii.length].name};2024;${i % 100},5`;
			lines.push(line);
			size += line.length + 2;
		}
		lines.push('Naitaja 0;Põltsamaa vald;2024;1,5');
		const bytes = windows1257(lines.join('\r\n') + '\r\n');
		const fast = analyseLarge(bytes, {}, ctx);
		expect(fast.analysis.bulk).toBe(true);
		expect(fast.utf8).toBe(bytes); // DuckDB will stop at the õ (0xf5): not UTF-8
		const full = analyseLarge(bytes, { fullDecode: true }, ctx);
		expect(full.analysis.encoding).toBe('windows-1257');
		expect(full.analysis.bulk).toBe(true);
		expect(full.text).toContain('Põltsamaa vald');
	});

	it('a Windows-1257 export becomes the same file in UTF-8', () => {
		const utf8 = serviceLevels(BULK_MIN_BYTES);
		const source = new TextDecoder().decode(utf8);
		const bytes = windows1257(source);
		const { analysis, text, utf8: asIs } = analyseLarge(bytes, {}, ctx);
		expect(asIs).toBeUndefined();
		expect(analysis.encoding).toBe('windows-1257');
		expect(analysis.bulk).toBe(true);
		const out = bulkBytes(bytes, analysis.encoding, text!);
		expect(out).not.toBe(bytes);
		expect(new TextDecoder('utf-8', { fatal: true }).decode(out)).toBe(source);
	});
});

describe('the bulk path and issue #18: UTF-16, mixed line ends, a line too long for DuckDB', () => {
	const text = () => new TextDecoder().decode(serviceLevels(BULK_MIN_BYTES));
	it('a large UTF-16 file takes the bulk path with its text as UTF-8', async () => {
		const { encodeText } = await import('../../../src/lib/import');
		const bytes = encodeText(text(), 'utf-16le');
		const { analysis, text: decoded } = analyseLarge(bytes, {}, ctx);
		expect(analysis).toMatchObject({ bulk: true, encoding: 'utf-16le', dataset: 'service_levels' });
		const out = bulkBytes(bytes, analysis.encoding, decoded!);
		expect(new TextDecoder().decode(out)).toBe(text());
	});
	it('mixed line ends: DuckDB gets the text with LF throughout, not the bytes', () => {
		const mixed = text()
			.replace(/\r\n(?=Näitaja 3;)/g, '\r')
			.replace(/\r\n(?=Näitaja 4;)/g, '\n');
		const bytes = new TextEncoder().encode(mixed);
		const { analysis, text: decoded, utf8 } = analyseLarge(bytes, {}, ctx);
		expect(analysis.bulk).toBe(true);
		expect(utf8).toBeUndefined();
		const out = new TextDecoder().decode(bulkBytes(bytes, analysis.encoding, decoded!));
		expect(out).not.toMatch(/\r(?!\n)/);
		expect(out.split(/\r?\n/).length).toBe(mixed.split(/\r\n|\r|\n/).length);
	});
	it('a line longer than DuckDB reads is checked in JS, and its long cell is a row error', () => {
		const long = text().replace(/\r\n$/, `\r\nNäitaja X;Rae vald;2024;1;${'x'.repeat(3_000_000)}\r\n`);
		const { analysis } = analyseLarge(new TextEncoder().encode(long), {}, ctx);
		expect(analysis.bulk).toBeUndefined();
		expect(analysis.errors.map((e) => [e.column, e.code, e.params.length])).toEqual([
			['EHAK', 'cell_too_long', 3_000_000]
		]);
	});
});

describe('analyseLarge(bytes) — a large training export takes the bulk path too (issue #20)', () => {
	it('head analysed in JS, the file handed on, and a trainings BulkSource with every mapped field', () => {
		const lines = [
			'Koolituse id;Programm;Algus;Lõpp;Omavalitsus;Registreerunud;Läbinud;Katkestanud;Rahulolu'
		];
		for (let i = 0; lines.join('\r\n').length < BULK_MIN_BYTES + 1000; i++)
			lines.push(
				`K-${i};Avatud valitsemise ja digivõimekuse töötoad;07.09.2021;08.09.2021;Saue vald;26;24;2;95`
			);
		const bytes = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
		const { analysis, utf8 } = analyseLarge(bytes, {}, ctx);
		expect(analysis).toMatchObject({ bulk: true, dataset: 'trainings', headerRow: 1, delimiter: ';' });
		expect(utf8).toBe(bytes);
		expect(analysis.rowCount).toBeLessThan(lines.length - 1);
		const source = bulkSourceFor(analysis, 't.csv');
		expect(source).toMatchObject({ dataset: 'trainings', file: 't.csv' });
		expect(source.mapping).toMatchObject({
			training_id: 0,
			program: 1,
			start_date: 2,
			end_date: 3,
			municipality: 4,
			registered: 5,
			completed: 6,
			dropped_out: 7,
			satisfaction: 8,
			topic: null,
			activity_id: null
		});
	});

	it('a large progress report still goes through the JS import core (not a bulk dataset)', () => {
		const lines = ['Tegevus;Aasta;Staatus;Kommentaar'];
		for (let i = 0; lines.join('\r\n').length < BULK_MIN_BYTES + 1000; i++)
			lines.push(`3.3.2.1;2024;Täidetud;${'kommentaar '.repeat(10)}${i}`);
		const { analysis } = analyseLarge(new TextEncoder().encode(lines.join('\r\n')), {}, ctx);
		expect(analysis.bulk ?? false).toBe(false);
	});
});

describe('lineFacts(bytes) and longCells — when DuckDB can skip the over-long-cell check', () => {
	it('knows when no line is over 2,000 bytes (LF-separated, CR counted) and finds quotes', async () => {
		const { lineFacts } = await import('../../../src/lib/import/read/problems');
		const enc = (s: string) => new TextEncoder().encode(s);
		expect(lineFacts(enc('ab\r\ncdef\r\ng'))).toEqual({ fitsReader: true, longCells: false });
		expect(lineFacts(enc(''))).toEqual({ fitsReader: true, longCells: false });
		// 2,000 characters fit; 2,001 bytes may be one cell of 2,001 characters.
		expect(lineFacts(enc(`x;${'a'.repeat(1998)}\n`)).longCells).toBe(false);
		expect(lineFacts(enc(`x;${'a'.repeat(1999)}\n`))).toEqual({ fitsReader: true, longCells: true });
		// Bytes, not characters: 1,001 × "ö" is 2,002 bytes (and cannot be over 2,000 characters, but
		// the measure is only ever on the safe side).
		expect(lineFacts(enc('ö'.repeat(1001))).longCells).toBe(true);
		// A quote anywhere: a quoted cell may run over several short lines.
		expect(lineFacts(enc('a;"b\nc";d\n')).longCells).toBe(true);
		// A line DuckDB's reader would refuse (over a third of its 8 MB line limit) anywhere in the file.
		const long = 'a'.repeat(BULK_MAX_LINE_BYTES / 3 + 1);
		expect(lineFacts(enc(`h\n${'x;1\n'.repeat(2000)}${long}\ny\n`)).fitsReader).toBe(false);
		expect(lineFacts(enc(`h\n${'x;1\n'.repeat(2000)}${long}`)).fitsReader).toBe(false);
		expect(lineFacts(enc(`h\n${long.slice(1)}\n`)).fitsReader).toBe(true);
	});

	it('says what a measure of every line says, wherever the long lines and line ends fall', async () => {
		const { lineFacts, MAX_CELL_CHARS } = await import('../../../src/lib/import/read/problems');
		// A seeded generator: the same files every run.
		let seed = 20;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let n = 0; n < 300; n++) {
			const lengths = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
				random() < 0.15 ? MAX_CELL_CHARS - 2 + Math.floor(random() * 5) : Math.floor(random() * 900)
			);
			const text = lengths.map((n) => 'b'.repeat(n)).join(random() < 0.5 ? '\n' : '\r\n');
			const file = random() < 0.5 ? text : text + '\n';
			const bytes = new TextEncoder().encode(file);
			// ASCII: characters are bytes; a CR before the LF is part of the line.
			const longest = Math.max(...file.split('\n').map((line) => line.length));
			expect(lineFacts(bytes), `lines ${lengths.join(',')}`).toEqual({
				fitsReader: true,
				longCells: longest > MAX_CELL_CHARS
			});
		}
	});

	it('an export without quotes or long lines says so; one with a quote, a long line or UTF-16 does not', async () => {
		const { encodeText } = await import('../../../src/lib/import');
		const plain = serviceLevels(BULK_MIN_BYTES);
		const { analysis } = analyseLarge(plain, {}, ctx);
		expect(analysis).toMatchObject({ bulk: true, longCells: false });
		expect(bulkSourceFor(analysis, 'x.csv').longCells).toBe(false);
		const text = new TextDecoder().decode(plain);
		const quoted = text.replace('Näitaja 5;', '"Näitaja 5";');
		expect(analyseLarge(new TextEncoder().encode(quoted), {}, ctx).analysis).toMatchObject({
			bulk: true,
			longCells: true
		});
		const longLine = text.replace(/\r\n$/, `\r\nNäitaja X;Rae vald;2024;1,5;${'7'.repeat(2500)}\r\n`);
		expect(analyseLarge(new TextEncoder().encode(longLine), {}, ctx).analysis).toMatchObject({
			bulk: true,
			longCells: true
		});
		const utf16 = analyseLarge(encodeText(text, 'utf-16le'), {}, ctx).analysis;
		expect(utf16).toMatchObject({ bulk: true, longCells: true });
	});
});
