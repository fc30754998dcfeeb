/**
 * Issue #18 item 6: the kinds of broken files the Pollock benchmark pollutes with, in small
 * fixtures of our own (tests/fixtures/messy/), each read as the clean table it stands for.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readTable, type ReadResult } from '../../../src/lib/import';
import { tokenize } from '../../../src/lib/import/read/tokenize';

const ok = (r: ReturnType<typeof readTable>): ReadResult => {
	if ('problem' in r) throw new Error(`unexpected problem ${r.problem.code}`);
	return r;
};
const read = (name: string, opts: Parameters<typeof readTable>[1] = {}) =>
	ok(readTable(new Uint8Array(readFileSync(`tests/fixtures/messy/${name}`)), opts));
const table = (r: ReadResult) => [r.header, ...r.rows];

describe('a stray quote is text', () => {
	it('at the start of a cell, closed by no quote before a delimiter (the cell and those after stay apart)', () => {
		expect(table(read('stray-quote-cell.csv'))).toEqual([
			['Nr', 'Tegevus', 'Maksumus', 'Kommentaar'],
			['1.1.1', 'Juhendi koostamine', '1200,50', 'Kinnitatud; avaldatud'],
			['1.1.2', '"Koolitus 12" monitor', '300', 'ootel'],
			['1.2.1', 'Veebileht', '4500', 'Hange "Veeb 2024" tehtud'],
			['1.2.2', 'Küsitlus', '800', '']
		]);
	});
	it('alone in the last cell of a line (the next lines are not swallowed)', () => {
		const r = read('stray-quote-line-end.csv');
		expect(r.delimiter).toBe(',');
		expect(table(r)).toEqual([
			['Nr', 'Tegevus', 'Maksumus', 'Kommentaar'],
			['1.1.1', 'Juhendi koostamine', '1200.50', 'Kinnitatud, avaldatud'],
			['1.1.2', 'Koolitus', '300', '"'],
			['1.2.1', 'Veebileht', '4500', 'Hange "Veeb 2024", tehtud'],
			['1.2.2', 'Küsitlus', '800', 'Vastajaid: 41']
		]);
		expect(r.rowNumbers).toEqual([2, 3, 4, 5]);
	});
	it('doubled at the start of a quoted cell (the quoted cell keeps one quote)', () => {
		expect(table(read('doubled-quote-start.csv'))).toEqual([
			['Nr', 'Toode', 'Kirjeldus', 'Hind'],
			['1', 'Tass', '"Suur, valge', '3.50'],
			['2', 'Kann', 'Klaas, 1 l', '12']
		]);
	});
	it('when a quote further down would close it: the record must keep the usual width; a real quoted line break stays', () => {
		expect(table(read('stray-quote-and-quoted-break.csv'))).toEqual([
			['Nr', 'Tegevus', 'Kommentaar'],
			['1.1.1', 'Juhend', 'Esimene rida\nteine rida'],
			['1.1.2', '"Koolitus', '12 tundi'],
			['1.2.1', 'Monitor', 'ekraan 24"'],
			['1.2.2', 'Küsitlus', 'valmis']
		]);
	});
});

describe('the dialect is read off the file', () => {
	it("fields quoted with ' (when such a field holds the delimiter); a lone ' inside is an apostrophe", () => {
		const r = read('apostrophe-quotes.csv');
		expect(r.delimiter).toBe(',');
		expect(table(r)).toEqual([
			['Nr', 'Tegevus', 'Kommentaar'],
			['1.1.1', 'Juhend, kinnitatud', 'valmis'],
			['1.1.2', 'Koolitus', 'Osalejaid 12, rahul'],
			['1.2.1', "Kohvik, Mari's", 'ootel']
		]);
	});
	it('a space after every delimiter is not part of the cell, and a quote after it still quotes', () => {
		const r = read('comma-space.csv');
		expect(r.delimiter).toBe(',');
		expect(table(r)).toEqual([
			['Nr', 'Tegevus', 'Maksumus', 'Kommentaar'],
			['1.1.1', 'Juhend', '1200.50', 'Kinnitatud, avaldatud'],
			['1.1.2', 'Koolitus', '300', 'ootel'],
			['1.2.1', 'Veebileht', '4500', 'Hange, tehtud']
		]);
	});
	it("an apostrophe in an unquoted cell, or one ' field, does not make ' the quote", () => {
		expect(tokenize("Nimi;Märkus\nMari's;'a;b'\nJüri;ok\n", ';')).toEqual([
			['Nimi', 'Märkus'],
			["Mari's", "'a", "b'"],
			['Jüri', 'ok'],
			['']
		]);
	});
});

describe('tokenize(text, delimiter)', () => {
	it('reads RFC 4180 as Papa Parse did: doubled quotes, quoted delimiters and line breaks, blank lines, a last empty line', () => {
		expect(tokenize('a;"b;c"\r\n\n"x""y";"1\n2"\n', ';')).toEqual([
			['a', 'b;c'],
			[''],
			['x"y', '1\n2'],
			['']
		]);
		expect(tokenize('a,"b" ,c', ',')).toEqual([['a', 'b', 'c']]);
		expect(tokenize('a\rb\r\nc\nd', ',')).toEqual([['a'], ['b'], ['c'], ['d']]);
		expect(tokenize('', ',')).toEqual([]);
		expect(tokenize('a;b\n1;2\n3;4\n', ';', 2)).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});
	it('an unclosed quote at the end of the text is text', () => {
		expect(tokenize('a;b\n1;"2', ';')).toEqual([
			['a', 'b'],
			['1', '"2']
		]);
	});
});
