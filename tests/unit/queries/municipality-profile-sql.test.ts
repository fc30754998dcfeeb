import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import { createSchemaSql, TABLES } from '../../../src/lib/db/schema';
import type { SqlValue } from '../../../src/lib/db/connector';
import {
	loadMunicipalityTrainings,
	loadOwnValues,
	loadTrainingParticipants,
	loadYearValues
} from '../../../src/lib/queries/municipalities';

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let conn: Conn;

const SL = [
	['0618', 2023, 'Personalitöö tase (0–9)', 4],
	['0618', 2024, 'Personalitöö tase (0–9)', 5],
	['0653', 2024, 'Personalitöö tase (0–9)', 7],
	['0653', 2022, 'Personalitöö tase (0–9)', 6],
	['0618', 2024, 'Personali voolavus (%)', null]
] as const;
const TR = [
	['A-1', 'Personalitöö arendamise programm', '2023-03-01', '0618', 12, 10],
	['A-2', 'Personalitöö arendamise programm', '2024-02-10', '0618', 8, 8],
	['A-3', 'Uute volinike koolitus', '2024-05-05', '0653', 30, 0],
	['A-4', 'Uute volinike koolitus', null, '0653', 5, 5],
	['A-5', 'Uute volinike koolitus', '2024-05-06', null, 9, 9]
] as const;

beforeAll(async () => {
	conn = await createNodeConnector();
	await conn.exec(createSchemaSql());
	const column = (table: keyof typeof TABLES, f: (name: string) => SqlValue[]) =>
		Object.fromEntries(TABLES[table].map((c) => [c.name, f(c.name)]));
	await conn.insertColumns(
		'service_levels',
		TABLES.service_levels,
		column('service_levels', (n) =>
			SL.map(
				([ehak_code, year, indicator, value]) =>
					(
						({
							ehak_code,
							year,
							indicator,
							value,
							domain: 'personal',
							unit: 'tase',
							higher_is_better: true,
							source: 'test'
						}) as Record<string, SqlValue>
					)[n] ?? null
			)
		)
	);
	await conn.insertColumns(
		'trainings',
		TABLES.trainings,
		column('trainings', (n) =>
			TR.map(
				([training_id, program, start_date, ehak_code, registered, completed]) =>
					(
						({
							training_id,
							program,
							start_date,
							ehak_code,
							registered,
							completed,
							dropped_out: 0,
							training_key: training_id,
							source: 'test'
						}) as Record<string, SqlValue>
					)[n] ?? null
			)
		)
	);
});
afterAll(() => conn.close());

describe('the profile’s queries', () => {
	it('loadYearValues: every indicator’s non-missing values in the year and the year before', async () => {
		const rows = await loadYearValues(conn, 2024);
		expect(rows.map((r) => [r.ehak_code, r.year, r.value])).toEqual([
			['0618', 2023, 4],
			['0618', 2024, 5],
			['0653', 2024, 7]
		]);
	});
	it('loadYearValues(…, names): the named indicators in the year (peer=similar loads what its model reads)', async () => {
		const some = await loadYearValues(conn, 2024, ['Personalitöö tase (0–9)', 'pole sellist']);
		expect(some.map((r) => [r.ehak_code, r.year, r.indicator])).toEqual([
			['0618', 2024, 'Personalitöö tase (0–9)'],
			['0653', 2024, 'Personalitöö tase (0–9)']
		]);
		// A name holding a comma or the like is matched whole, never split.
		expect(await loadYearValues(conn, 2024, ['Personalitöö tase (0–9), naised'])).toEqual([]);
		expect(await loadYearValues(conn, 2024, [])).toEqual([]);
	});
	it('loadOwnValues: one municipality, every indicator and year, missing kept', async () => {
		const rows = await loadOwnValues(conn, '0618');
		expect(rows.map((r) => [r.indicator, r.year, r.value])).toEqual([
			['Personali voolavus (%)', 2024, null],
			['Personalitöö tase (0–9)', 2023, 4],
			['Personalitöö tase (0–9)', 2024, 5]
		]);
	});
	it('loadMunicipalityTrainings: the trainings naming the municipality, with the start year and completion', async () => {
		const rows = await loadMunicipalityTrainings(conn, '0618');
		expect(rows.map((r) => [r.training_id, r.year, r.registered, r.completed])).toEqual([
			['A-1', 2023, 12, 10],
			['A-2', 2024, 8, 8]
		]);
		expect(rows[0].completion_rate).toBeCloseTo(10 / 12, 12);
	});
	it('loadTrainingParticipants: registered per municipality and start year; no municipality or date left out', async () => {
		expect(await loadTrainingParticipants(conn)).toEqual([
			{ ehak_code: '0618', year: 2023, registered: 12 },
			{ ehak_code: '0618', year: 2024, registered: 8 },
			{ ehak_code: '0653', year: 2024, registered: 30 }
		]);
	});
});
