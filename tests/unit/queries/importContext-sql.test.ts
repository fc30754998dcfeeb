import { describe, it, expect } from 'vitest';
import { loadImportContext } from '../../../src/lib/queries/importContext';
import { activity, planDatabase } from '../progressRow';

describe('loadImportContext: what an import is checked against, from the database', () => {
	it('the activities in the plan’s order with their target units, the municipalities by name', async () => {
		const conn = await planDatabase(
			[
				activity('3.1.2', { seq: 2, target_unit: 'percent' }),
				activity('1.1.1', { seq: 0, target_unit: 'binary' }),
				activity('2.5.1', { seq: 1, target_unit: 'count' })
			],
			[]
		);
		await conn.exec(`INSERT INTO municipalities (ehak_code, name, type, county, population) VALUES
			('0784', 'Tallinn', 'linn', 'Harju maakond', 457000),
			('0037', 'Alutaguse vald', 'vald', 'Ida-Viru maakond', 4800)`);
		const ctx = await loadImportContext(conn);
		expect(ctx.activityIds).toEqual(['1.1.1', '2.5.1', '3.1.2']);
		expect(ctx.activityUnits).toEqual({ '1.1.1': 'binary', '2.5.1': 'count', '3.1.2': 'percent' });
		expect(ctx.municipalities.map((m) => [m.ehak_code, m.name, m.county])).toEqual([
			['0037', 'Alutaguse vald', 'Ida-Viru maakond'],
			['0784', 'Tallinn', 'Harju maakond']
		]);
		conn.close();
	});
});
