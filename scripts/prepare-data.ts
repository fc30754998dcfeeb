/**
 * `npm run data`: prepares the default data at build time with native DuckDB — the same schema, the
 * same import SQL and the same overview queries as the browser — and writes
 * src/lib/generated/summary.json, so the overview can paint before DuckDB-wasm has started.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeConnector } from '../src/lib/db/nodeConnector';
import { createSchemaSql } from '../src/lib/db/schema';
import { sampleInsertSql, type DefaultFile } from '../src/lib/db/defaultsSql';
import { activityColumns, ownerColumns } from '../src/lib/db/rows';
import { TABLES } from '../src/lib/db/schema';
import { parsePlan } from '../src/lib/plan/parsePlan';
import { bundleSummary } from '../src/lib/publish/bundle';
import { DATASETS } from '../src/lib/types';
import type { DefaultSummary } from '../src/lib/data/summary';

const root = process.cwd();
const files: Record<DefaultFile, string> = {
	municipalities: join(root, 'data/municipalities.csv'),
	progress: join(root, 'data/sample/progress.csv'),
	trainings: join(root, 'data/sample/trainings.csv'),
	service_levels: join(root, 'data/sample/service_levels.csv')
};

const conn = await createNodeConnector();
await conn.exec(createSchemaSql());
const activities = parsePlan(readFileSync(join(root, 'data/plan-2022-2025.txt'), 'utf8'));
await conn.insertColumns('activities', TABLES.activities, activityColumns(activities, 'default'));
await conn.insertColumns('activity_owners', TABLES.activity_owners, ownerColumns(activities));
for (const d of ['municipalities', 'progress', 'trainings', 'service_levels'] as DefaultFile[]) {
	await conn.exec(sampleInsertSql(d, files[d]));
}
// With the start results of every dataset: the embedded sample is all of them (startResults.ts).
const summary: DefaultSummary = await bundleSummary(conn, DATASETS, { sample: true });
conn.close();

const out = join(root, 'src/lib/generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'summary.json'), JSON.stringify(summary));
console.log(
	`npm run data: ${activities.length} activities, years ${summary.years.join(', ')} → src/lib/generated/summary.json`
);
