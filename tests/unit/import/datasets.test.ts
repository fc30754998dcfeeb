import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	analyseFile,
	detectDataset,
	mapColumns,
	parseStatus,
	resolveMunicipality,
	formatIssue,
	ISSUE_CODES,
	detectWide
} from '../../../src/lib/import';
import { parsePlan } from '../../../src/lib/plan/parsePlan';
import { municipalities } from '../municipalities';

const activityIds = new Set(
	parsePlan(readFileSync('data/plan-2022-2025.txt', 'utf8')).map((a) => a.activity_id)
);
const ctx = { activityIds, municipalities };
const enc = (s: string) => new TextEncoder().encode(s);
const analyse = (text: string, dataset?: Parameters<typeof analyseFile>[1]['dataset']) =>
	analyseFile(enc(text), { dataset }, ctx);

describe('parseStatus(text)', () => {
	it.each([
		['alustamata', 'not_started'],
		['pole alustatud', 'not_started'],
		['Töös', 'in_progress'],
		['pooleli', 'in_progress'],
		['KÄIMAS', 'in_progress'],
		['riskis', 'at_risk'],
		['ohus', 'at_risk'],
		['tehtud', 'done'],
		['Täidetud', 'done'],
		['lõpetatud', 'done'],
		['valmis', 'done'],
		['tühistatud', 'cancelled'],
		['loobutud', 'cancelled'],
		['in_progress', 'in_progress']
	])('reads %j as %s', (text, status) => expect(parseStatus(text)).toBe(status));
	it('does not guess: "valmis?" is unknown', () => expect(parseStatus('valmis?')).toBeUndefined());
});

describe('resolveMunicipality(text)', () => {
	it('Tallinn, Tallinna linn, 0784 and 784 are the same municipality', () => {
		for (const t of ['Tallinn', 'Tallinna linn', '0784', '784', ' tallinn '])
			expect(resolveMunicipality(t, municipalities)).toEqual({ ehak_code: '0784' });
	});
	it('resolves a bare name when it is unambiguous: Rae → Rae vald', () => {
		expect(resolveMunicipality('Rae', municipalities)).toEqual({ ehak_code: '0653' });
	});
	it.each(['Tartu', 'Viljandi', 'Rakvere', 'Võru'])(
		'%s is ambiguous between the linn and the vald',
		(name) => {
			const r = resolveMunicipality(name, municipalities);
			expect('ambiguous' in r && r.ambiguous.map((m) => m.type).sort()).toEqual(['linn', 'vald']);
		}
	);
	it('an unknown name is unknown, with nothing near it', () =>
		expect(resolveMunicipality('Atlantis', municipalities)).toEqual({ unknown: true, near: [] }));
	const near = (text: string) => {
		const r = resolveMunicipality(text, municipalities);
		return 'unknown' in r ? r.near.map((m) => m.name) : r;
	};
	it.each([
		['Tallin', ['Tallinn']],
		['Saarema vald', ['Saaremaa vald']],
		['Kohtla Järve', ['Kohtla-Järve linn']],
		['Pärnu linnn', ['Pärnu linn']],
		['Viimsi vlad', ['Viimsi vald']],
		// A misspelt bare name that is two municipalities: both are offered.
		['Tartuu', ['Tartu linn', 'Tartu vald']]
	])('a misspelt %j is unknown, near %j', (text, names) => expect(near(text)).toEqual(names));
	it.each([
		['Atlantis', 'no name within two edits'],
		['Raa', 'under four letters: too many near misses'],
		['0999', 'a code is not guessed'],
		['Tallinna linnaosa Kesklinn', 'three edits or more from every name']
	])('nothing is offered for %j (%s)', (text) => expect(near(text)).toEqual([]));
});

describe('detectDataset(header) and mapColumns', () => {
	it('recognises each dataset from Estonian headers', () => {
		expect(detectDataset(['Nr', 'Aasta', 'Staatus', 'Tegelik']).dataset).toBe('progress');
		expect(detectDataset(['Programm', 'Algus', 'Registreerunud', 'Läbinud']).dataset).toBe('trainings');
		expect(detectDataset(['Omavalitsus', 'Aasta', 'Näitaja', 'Väärtus']).dataset).toBe('service_levels');
		expect(detectDataset(['ehak_code', 'name', 'type', 'county', 'population_approx']).dataset).toBe(
			'municipalities'
		);
		expect(detectDataset(['Nr', 'Tegevus', 'Sihtrühm', 'Sihetase', 'Peavastutaja', 'Tähtaeg']).dataset).toBe(
			'activities'
		);
	});
	it('matches headers regardless of case, diacritics and punctuation', () => {
		const m = mapColumns('progress', [' NR ', 'aasta', 'SEIS', 'Aruande_kuupaev']);
		expect(m.mapping).toMatchObject({ activity_id: 0, year: 1, status: 2, reported_at: 3 });
		expect(m.missingRequired).toEqual([]);
	});
	it('names a missing required column', () => {
		const a = analyse('Nr;Aasta;Tegelik\n1.1.1;2024;1\n', 'progress');
		expect(a.problem?.code).toBe('missing_columns');
		expect(formatIssue(a.problem!, 'en')).toContain('status');
	});
	it('suggests unpivoting a wide table with one column per year', () => {
		expect(detectWide(['Omavalitsus', '2022', '2023', '2024'])).toEqual({
			kind: 'year',
			idColumn: 0,
			valueColumns: [1, 2, 3]
		});
	});
});

describe('validation per dataset', () => {
	it('progress: unknown id, unknown status, impossible year, bad number, impossible date, duplicate key', () => {
		const a = analyse(
			'Nr;Aasta;Staatus;Tegelik;Kuupäev\n9.9.9;2024;töös;1;\n2.5.5;2024;valmis?;2;\n2.5.6;1999;töös;1;\n2.5.7;2024;töös;viis;\n2.5.3;2024;riskis;1;31.02.2025\n2.5.1;2024;tehtud;1;\n2.5.1.;2024;töös;1;\n'
		);
		expect(a.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
			[2, 'Nr', '9.9.9', 'unknown_activity'],
			[3, 'Staatus', 'valmis?', 'unknown_status'],
			[4, 'Aasta', '1999', 'year_out_of_range'],
			[5, 'Tegelik', 'viis', 'invalid_number'],
			[6, 'Kuupäev', '31.02.2025', 'invalid_date'],
			[8, 'Nr', '2.5.1.', 'duplicate_key']
		]);
		expect(a.rows).toHaveLength(1);
	});
	it('trainings: completed + dropped_out > registered and an ambiguous municipality are errors; unknown activity is a warning', () => {
		const a = analyse(
			'Programm;Tegevus;Omavalitsus;Registreerunud;Läbinud;Katkestanud;Rahulolu\nA;1.1.5;Tartu linn;10;9;1;95%\nB;1.1.5;Tartu;10;9;1;0,95\nC;1.1.5;Rae vald;10;9;2;95\nD;8.8.8;Rae vald;5;5;0;\n'
		);
		expect(a.errors.map((e) => [e.row, e.code])).toEqual([
			[3, 'ambiguous_municipality'],
			[4, 'completed_exceeds_registered']
		]);
		expect(a.warnings.map((w) => [w.row, w.code])).toEqual([[5, 'unknown_activity_link']]);
		expect(a.rows).toMatchObject([
			{ program: 'A', ehak_code: '0793', satisfaction: 95 },
			{ program: 'D', activity_id: null }
		]);
	});
	it('service levels: a missing value stays missing, never 0', () => {
		const a = analyse('Omavalitsus;Aasta;Näitaja;Väärtus\nTallinn;2024;X;\nRae vald;2024;X;1 234,5\n');
		expect(a.errors).toEqual([]);
		expect(a.rows).toMatchObject([
			{ ehak_code: '0784', value: null },
			{ ehak_code: '0653', value: 1234.5 }
		]);
	});
	it('the plan text itself imports as the 42 activities', () => {
		const a = analyseFile(new Uint8Array(readFileSync('data/plan-2022-2025.txt')), {}, ctx);
		expect([a.dataset, a.rows.length, a.errors.length]).toEqual(['activities', 42, 0]);
	});
});

describe('formatIssue(issue, lang)', () => {
	it('has an Estonian and an English text for every code, with the value filled in', () => {
		const params = {
			value: 'X',
			candidates: 'A | B',
			near: 'Tallinn',
			min: 1,
			max: 2,
			first: 3,
			n: 4,
			size: '5 MB',
			columns: 'c',
			start: 's',
			completed: 1,
			dropped_out: 1,
			registered: 1,
			lines: '7, 8',
			encoding: 'windows-1257',
			others: '9',
			activity: '2.6.2',
			unit: 'päeva',
			length: 2001,
			reason: 'zip',
			sheet: 'Leht1'
		};
		for (const code of ISSUE_CODES) {
			const et = formatIssue({ code, params }, 'et');
			const en = formatIssue({ code, params }, 'en');
			expect(et).not.toBe(code);
			expect(en).not.toBe(code);
			expect(et).not.toMatch(/\{\w+\}/);
			expect(en).not.toMatch(/\{\w+\}/);
		}
	});
});

describe('odd files: mixed encodings, quoted header names, a column twice', () => {
	it('a file of Windows-1257 and UTF-8 lines reads every line right and says so', () => {
		const a = analyseFile(
			new Uint8Array(readFileSync('tests/fixtures/service-levels-mixed-encoding.csv')),
			{},
			ctx
		);
		expect(a.encoding).toBe('windows-1257');
		expect(a.errors).toEqual([]);
		expect(a.rows).toMatchObject([
			{ ehak_code: '0622', indicator: 'Õpetajate osakaal kvalifikatsiooniga (%)', value: 97.5 },
			{ ehak_code: '0917', indicator: 'Õpetajate osakaal kvalifikatsiooniga (%)', value: 96.5 },
			{ ehak_code: '0255', value: 95 }
		]);
		expect(a.warnings.map((w) => [w.row, w.code, w.params.n])).toEqual([[3, 'mixed_encoding', 2]]);
		expect(formatIssue(a.warnings[0], 'et')).toContain('UTF-8');
	});

	it('header names with quotes and semicolons stay whole; a repeated column is named, the first used', () => {
		const a = analyseFile(new Uint8Array(readFileSync('tests/fixtures/progress-odd-header.csv')), {}, ctx);
		expect(a.header).toEqual(['Nr', 'Aasta', 'Staatus', 'Kommentaar; "märkus"', 'Aasta']);
		expect(a.mapping.year).toBe(1);
		expect(a.errors).toEqual([]);
		// Not the known `Kommentaar` header: left for the user to map, never guessed.
		expect(a.unmapped).toContain('Kommentaar; "märkus"');
		expect(a.rows).toMatchObject([
			{ activity_id: '2.5.1', year: 2024, status: 'done' },
			{ activity_id: '2.5.2', year: 2024, status: 'in_progress' }
		]);
		const mapped = analyseFile(
			new Uint8Array(readFileSync('tests/fixtures/progress-odd-header.csv')),
			{ mapping: { comment: 3 } },
			ctx
		);
		expect(mapped.rows).toMatchObject([{ comment: 'Märkus; "tsitaat" sees' }, { comment: null }]);
		const dup = a.warnings.find((w) => w.code === 'duplicate_column');
		expect(dup).toMatchObject({ row: 1, column: 'Aasta', params: { first: 2, others: '5' } });
		expect(formatIssue(dup!, 'en')).toBe(
			'The column "Aasta" appears more than once (columns 2 and 5); column 2 is used. Choose another in the mapping if needed.'
		);
	});
});
