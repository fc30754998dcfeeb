import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import {
	validateBulkTrainings,
	parseCell,
	BULK_TRAININGS_SELECT,
	BULK_ROW_WARNINGS,
	type TrainingMapping
} from '../../../src/lib/db/bulkTrainings';
import { analyseFile, type Correction } from '../../../src/lib/import';
import { municipalities } from '../municipalities';
import { lineFacts } from '../../../src/lib/import/read/problems';

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let conn: Conn;
const dir = mkdtempSync(join(tmpdir(), 'kov-bulk-tr-'));
beforeAll(async () => (conn = await createNodeConnector()));
afterAll(() => conn.close());

/** Activity ids as in the plan (seed 001 numbering). */
const activityIds = new Set(['3.3.2.1', '1.1.1', '2.1.1', '4.1.2']);
const ctx = { activityIds, municipalities };

const HEADER = [
	'Koolituse id',
	'Programm',
	'Teema',
	'Tegevus',
	'Korraldaja',
	'Algus',
	'Lõpp',
	'Omavalitsus',
	'Registreerunud',
	'Läbinud',
	'Katkestanud',
	'Rahulolu'
];

/** Real strings from seeds 003/004 (RTK's workshops, the micro-degree pilot) and every kind of bad cell. */
const LINES = [
	'RTK-AVDV-2021-1;Avatud valitsemise ja digivõimekuse töötoad;Avatud valitsemine;3.3.2.1;RTK;07.09.2021;08.09.2021;Saue vald;26;24;2;95%',
	'RTK-AVDV-2021-2;Avatud valitsemise ja digivõimekuse töötoad;Avatud valitsemine;3.3.2.1.;RTK;10.10.2021;11.10.2021;Viljandi vald;24;22;2;95,0',
	'MK-2022;Kohaliku omavalitsuse juhtimise mikrokraad;Juhtimine;1.1.1;TLÜ;9.9.2022;21.4.2023;Rae vald;21;18;3;0,95',
	' MK-2022-b ;  Kohaliku omavalitsuse juhtimise mikrokraad ;Juhtimine;9.9.9.9;TLÜ;2022-09-09;2023-04-21;  RAE VALD ;21;18;3;95 %',
	';Avatud valitsemise ja digivõimekuse töötoad;;;RTK;07.09.2021;08.09.2021;Saue vald;26;24;2;95',
	';Avatud valitsemise ja digivõimekuse töötoad;;;RTK;07.09.2021;08.09.2021;Saue vald;26;24;2;95',
	'X-1;;Teema;;RTK;07.09.2021;08.09.2021;Saue vald;26;24;2;95',
	'X-2;Programm;Teema;;RTK;31.02.2021;08.09.2021;Saue vald;26;24;2;95',
	'X-3;Programm;Teema;;RTK;08.09.2021;07.09.2021;Saue vald;26;24;2;95',
	'X-4;Programm;Teema;;RTK;07.09.2021;eile;Saue vald;26;24;2;95',
	'X-5;Programm;Teema;;RTK;07.09.2021;08.09.2021;Tartu;26;24;2;95',
	'X-6;Programm;Teema;;RTK;07.09.2021;08.09.2021;Atlantis;26;24;2;95',
	'X-6b;Programm;Teema;;RTK;07.09.2021;08.09.2021;Saarema vald;26;24;2;95',
	'X-7;Programm;Teema;;RTK;07.09.2021;08.09.2021;0784;26;24;2;95',
	'X-8;Programm;Teema;;RTK;07.09.2021;08.09.2021;;26;24;2;95',
	'X-9;Programm;Teema;;RTK;07.09.2021;08.09.2021;Saue vald;-1;24;2;95',
	'X-10;Programm;Teema;;RTK;07.09.2021;08.09.2021;Saue vald;2,5;24;2;95',
	'X-11;Programm;Teema;;RTK;07.09.2021;08.09.2021;Saue vald;20;24;2;95',
	'X-12;Programm;Teema;;RTK;07.09.2021;08.09.2021;Saue vald;20;viis;;95',
	'X-13;Programm;Teema;;RTK;07.09.2021;08.09.2021;Saue vald;;24;2;95',
	'X-14;Programm;Teema;;RTK;07.09.2021;08.09.2021;Saue vald;26;24;2;120',
	'X-15;Programm;Teema;;RTK;07.09.2021;08.09.2021;Saue vald;26;24;2;väga hea',
	'X-16;Programm;Teema;;RTK;07.09.2021 09:00;8.9.21;Saue vald;1 026;1\u00a0024;2;',
	'X-1;Programm;Teema;;RTK;07.09.2021;08.09.2021;Saue vald;26;24;2;95',
	'X-17;Programm;Teema;2.1.1;RTK;;;Saue vald;;;;',
	'X-18;Programm;"Teema; semikooloniga";;"RTK";07.09.2021;08.09.2021;Saue vald;26;24;2;95',
	`X-19;Programm;${'ü'.repeat(2100)};;RTK;07.09.2021;08.09.2021;Saue vald;26;24;2;95`,
	'X-20;Programm;Teema;4.1.2;RTK;07.09.2021;08.09.2021;Võru;10;9;1;0,5',
	'X-21;Programm;Teema;3,3,2,1;RTK;07.09.2021;08.09.2021;Saue vald;10;9;1;90',
	'X-22;Programm;Teema;2001-01-01;RTK;07.09.2021;08.09.2021;Saue vald;10;9;1;90'
];

async function compare(
	header: string[],
	lines: string[],
	mapping?: TrainingMapping,
	corrections?: Correction[]
) {
	const text = ['Koolitused 2021–2023', '', header.join(';'), ...lines].join('\r\n') + '\r\n';
	const bytes = new TextEncoder().encode(text);
	const js = analyseFile(bytes, { dataset: 'trainings', corrections }, ctx);
	expect(js.problem).toBeUndefined();
	expect(js.dataset).toBe('trainings');
	const file = join(dir, `tr${Math.random().toString(36).slice(2)}.csv`);
	writeFileSync(file, text, 'utf8');
	const db = await validateBulkTrainings(
		conn,
		{
			file,
			delimiter: js.delimiter,
			headerRow: js.headerRow,
			columnCount: js.header.length,
			mapping: mapping ?? (js.mapping as TrainingMapping),
			// As the app decides it for this file (analyseLarge).
			longCells: lineFacts(bytes).longCells
		},
		{ ...ctx, corrections },
		js.header
	);
	expect(db.errors).toEqual(js.errors);
	expect(db.corrected).toEqual(js.corrected);
	expect(db.warnings).toEqual(js.warnings.filter((w) => BULK_ROW_WARNINGS.includes(w.code)));
	expect(db.rowCount).toBe(js.rowCount);
	expect(db.validCount).toBe(js.rows.length);
	expect(await conn.query(BULK_TRAININGS_SELECT)).toEqual(js.rows);
	return db;
}

describe('validateBulkTrainings agrees with the import core (analyseFile) on a dirty training file', () => {
	it('the same valid rows, the same errors (row, column, value, reason, parameters) and warnings, in order', async () => {
		const db = await compare(HEADER, LINES);
		const codes = new Set(db.errors.map((e) => e.code));
		for (const c of [
			'missing_value',
			'invalid_date',
			'end_before_start',
			'ambiguous_municipality',
			'unknown_municipality',
			'unknown_municipality_near',
			'invalid_count',
			'completed_exceeds_registered',
			'invalid_percent',
			'duplicate_key',
			'cell_too_long'
		])
			expect(codes, c).toContain(c);
		expect(db.warnings.map((w) => [w.value, w.code, w.params.near])).toEqual([
			['9.9.9.9', 'unknown_activity_link', undefined],
			['3,3,2,1', 'unknown_activity_link_near', '3.3.2.1'],
			['2001-01-01', 'activity_link_as_date', '1.1.1']
		]);
		expect(db.validCount).toBeGreaterThan(5);
	});

	it("the same with the analyst's corrections: the corrected rows are valid and counted alike", async () => {
		const corrections: Correction[] = [
			{ field: 'municipality', from: 'Saarema vald', to: '0714' },
			{ field: 'municipality', from: 'Tartu', to: '0793' },
			{ field: 'activity_id', from: '3,3,2,1', to: '3.3.2.1' },
			{ field: 'activity_id', from: '2001-01-01', to: '1.1.1' },
			{ field: 'municipality', from: 'Kuressaare', to: '0714' }
		];
		const before = await compare(HEADER, LINES);
		const db = await compare(HEADER, LINES, undefined, corrections);
		expect(db.corrected?.map((c) => [c.from, c.rows])).toEqual([
			['Saarema vald', 1],
			['Tartu', 1],
			['3,3,2,1', 1],
			['2001-01-01', 1],
			['Kuressaare', 0]
		]);
		expect(db.validCount).toBe(before.validCount + 2);
		expect(db.warnings.map((w) => w.value)).toEqual(['9.9.9.9']);
		const rows = await conn.query<{ training_id: string; activity_id: string | null; ehak_code: string }>(
			`SELECT training_id, activity_id, ehak_code FROM (${BULK_TRAININGS_SELECT}) WHERE training_id IN ('X-5', 'X-6b', 'X-21', 'X-22') ORDER BY 1`
		);
		expect(rows.map((r) => [r.training_id, r.activity_id, r.ehak_code])).toEqual([
			['X-21', '3.3.2.1', '0726'],
			['X-22', '1.1.1', '0726'],
			['X-5', null, '0793'],
			['X-6b', null, '0714']
		]);
	});

	it('the same with columns in another order and no municipality column', async () => {
		const order = [1, 0, 5, 6, 8, 9, 10, 11, 3];
		await compare(
			order.map((i) => HEADER[i]),
			LINES.map((l) => {
				const cells = l.split(';');
				return order.map((i) => cells[i] ?? '').join(';');
			}).filter((l) => !l.includes('"'))
		);
	});
});

describe('validateBulkTrainings on a file without quotes or long lines (the long-cell check skipped)', () => {
	it('still agrees with the import core', async () => {
		const plain = LINES.filter((l) => !l.includes('"') && l.length < 2000);
		expect(lineFacts(new TextEncoder().encode(plain.join('\r\n'))).longCells).toBe(false);
		const db = await compare(HEADER, plain);
		expect(db.errors.length).toBeGreaterThan(5);
		expect(db.errors.map((e) => e.code)).not.toContain('cell_too_long');
	});
});

describe('parseCell(field, raw) — one distinct cell as the import core reads it', () => {
	it('dates, counts, satisfaction, municipalities and activity links', () => {
		expect(parseCell('start_date', ' 9.9.2022 ', ctx)).toMatchObject({
			t: '9.9.2022',
			v: '2022-09-09',
			code: null
		});
		expect(parseCell('end_date', '31.02.2021', ctx).code).toBe('invalid_date');
		expect(parseCell('registered', '1 026', ctx)).toMatchObject({ n: 1026, code: null });
		expect(parseCell('completed', '-1', ctx).code).toBe('invalid_count');
		expect(parseCell('satisfaction', '0,95', ctx).n).toBe(95);
		expect(parseCell('satisfaction', '101', ctx).code).toBe('invalid_percent');
		expect(parseCell('municipality', 'Tartu', ctx)).toMatchObject({ code: 'ambiguous_municipality' });
		expect(parseCell('municipality', 'Tartu', ctx).p).toContain('Tartu vald');
		expect(parseCell('municipality', 'Tallinna linn', ctx).v).toBe('0784');
		expect(parseCell('activity_id', '3.3.2.1.', ctx)).toMatchObject({ v: '3.3.2.1', code: null });
		expect(parseCell('activity_id', '9.9', ctx)).toMatchObject({ v: null, code: 'unknown_activity_link' });
		expect(parseCell('activity_id', '', ctx)).toMatchObject({ v: null, code: null });
	});
});
