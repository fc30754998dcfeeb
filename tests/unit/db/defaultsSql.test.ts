import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import { createSchemaSql } from '../../../src/lib/db/schema';
import { DEFAULT_FILE_COLUMNS, sampleInsertSql, type DefaultFile } from '../../../src/lib/db/defaultsSql';

const FILES: Record<DefaultFile, string> = {
	municipalities: 'data/municipalities.csv',
	progress: 'data/sample/progress.csv',
	trainings: 'data/sample/trainings.csv',
	service_levels: 'data/sample/service_levels.csv'
};
const TABLE: Record<DefaultFile, string> = {
	municipalities: 'municipalities',
	progress: 'progress',
	trainings: 'trainings',
	service_levels: 'service_levels'
};
const datasets = Object.keys(FILES) as DefaultFile[];

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let conn: Conn;
beforeAll(async () => {
	conn = await createNodeConnector();
	await conn.exec(createSchemaSql());
	for (const d of datasets) await conn.exec(sampleInsertSql(d, join(process.cwd(), FILES[d])));
});
afterAll(() => conn.close());

describe('the shipped files are read with declared columns, no detection', () => {
	it.each(datasets)('%s: the declared columns are the file’s header, in order', (d) => {
		const header = readFileSync(FILES[d], 'utf8').split(/\r?\n/)[0].split(',');
		expect(DEFAULT_FILE_COLUMNS[d].map(([name]) => name)).toEqual(header);
	});

	it.each(datasets)(
		'%s: every data line becomes a row, with the values DuckDB’s detection reads',
		async (d) => {
			const lines = readFileSync(FILES[d], 'utf8').trim().split(/\r?\n/).length - 1;
			const table = TABLE[d];
			expect((await conn.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n).toBe(
				lines
			);
			// The same file read by DuckDB's own detection, cast to the declared types: no row differs.
			const path = join(process.cwd(), FILES[d]).replace(/'/g, "''");
			const cols = DEFAULT_FILE_COLUMNS[d].map(([n, t]) => `TRY_CAST("${n}" AS ${t}) AS "${n}"`).join(', ');
			const declared = DEFAULT_FILE_COLUMNS[d].map(([n]) => `"${n}"`).join(', ');
			const diff = await conn.query<{ n: number }>(
				`SELECT count(*)::INTEGER AS n FROM (
				(SELECT ${cols} FROM read_csv('${path}', header = true, all_varchar = true)
				 EXCEPT ALL
				 SELECT ${declared} FROM ${sampleSelect(d, path)})
			)`
			);
			expect(diff[0].n).toBe(0);
		}
	);
});

/** The declared read alone (what sampleInsertSql inserts from). */
function sampleSelect(d: DefaultFile, path: string): string {
	const sql = sampleInsertSql(d, path);
	return sql.slice(sql.indexOf('read_csv(')).replace(/\s+t\s+LEFT JOIN[\s\S]*$/, '');
}
