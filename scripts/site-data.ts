/**
 * Part of `npm run build`: a repository folder `data/published/` (when present) is checked and
 * copied into the site as `build/data/` (publishing.md). Every dataset file the manifest lists is
 * checked against its SHA-256, read by native DuckDB with the manifest's types, and its rows are run
 * through the import core (the page's rules): a row error fails the build with the row, the column,
 * the value and the reason.
 *   tsx scripts/site-data.ts [SRC=data/published] [DEST=build/data]
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createNodeConnector, type NodeConnector } from '../src/lib/db/nodeConnector';
import { ident } from '../src/lib/db/connector';
import { analyseFile, formatIssue } from '../src/lib/import';
import { MANIFEST_FILE, PUBLISH_ORDER, PublishError, publishedColumns } from '../src/lib/publish/manifest';
import {
	attachDatabaseSql,
	attachedTable,
	databaseColumnsProblem,
	detachDatabaseSql
} from '../src/lib/publish/database';
import type { DatasetName, Municipality } from '../src/lib/types';
import { loadBase, readManifest, sha256 } from './publish';

/** Check a published folder; returns the problems found (empty = usable). */
export async function checkPublishedFolder(dir: string): Promise<string[]> {
	const conn = await createNodeConnector();
	const problems: string[] = [];
	try {
		let manifest;
		try {
			manifest = await loadBase(conn, dir);
		} catch (e) {
			const where = e instanceof PublishError ? join(dir, e.file) : dir;
			return [`${where}: ${e instanceof Error ? e.message : String(e)}`];
		}
		const municipalities = await conn.query<Municipality & Record<string, string | number | null>>(
			'SELECT ehak_code, name, type, county, population, lat, lon FROM municipalities'
		);
		const ids = await conn.query<{ activity_id: string }>('SELECT activity_id FROM activities');
		const ctx = { municipalities, activityIds: new Set(ids.map((r) => r.activity_id)) };
		for (const dataset of PUBLISH_ORDER) {
			const entry = manifest?.datasets[dataset];
			if (!entry) continue;
			const csv = gunzipSync(readFileSync(join(dir, entry.file)));
			const a = analyseFile(new Uint8Array(csv), { dataset, lang: 'en' }, ctx);
			if (a.problem) problems.push(`${join(dir, entry.file)}: ${formatIssue(a.problem, 'en')}`);
			for (const i of a.errors)
				problems.push(
					`${join(dir, entry.file)}: row ${i.row}, column ${i.column}, value ${JSON.stringify(i.value)}: ${formatIssue(i, 'en')}`
				);
			if (entry.duckdb) problems.push(...(await checkDatabase(conn, dir, dataset, entry.file, entry.duckdb)));
		}
	} finally {
		conn.close();
	}
	return problems;
}

/**
 * A dataset's database file (database.ts): its SHA-256, its columns, and exactly the rows of the
 * dataset's CSV (loaded by `loadBase`), compared as multisets both ways.
 */
async function checkDatabase(
	conn: NodeConnector,
	dir: string,
	dataset: DatasetName,
	csvFile: string,
	db: { file: string; sha256: string }
): Promise<string[]> {
	const path = join(dir, db.file);
	if (!existsSync(path)) return [`${path}: missing`];
	const sha = sha256(new Uint8Array(readFileSync(path)));
	if (sha !== db.sha256) return [`${path}: SHA-256 ${sha} ≠ ${db.sha256} (manifest)`];
	await conn.exec(attachDatabaseSql(dataset, path));
	try {
		const problem = await databaseColumnsProblem(conn, dataset);
		if (problem) return [`${path}: ${problem}`];
		const cols = publishedColumns(dataset)
			.map((c) => ident(c.name))
			.join(', ');
		const [{ extra, lacking }] = await conn.query<{ extra: number; lacking: number }>(
			`SELECT (SELECT count(*) FROM (SELECT ${cols} FROM ${attachedTable(dataset)} EXCEPT ALL SELECT ${cols} FROM ${ident(dataset)}))::INTEGER AS extra,
				(SELECT count(*) FROM (SELECT ${cols} FROM ${ident(dataset)} EXCEPT ALL SELECT ${cols} FROM ${attachedTable(dataset)}))::INTEGER AS lacking`
		);
		if (extra || lacking)
			return [`${path}: not the rows of ${csvFile} (${extra} rows more, ${lacking} rows missing)`];
		return [];
	} catch (e) {
		return [`${path}: ${e instanceof Error ? e.message : String(e)}`];
	} finally {
		await conn.exec(detachDatabaseSql(dataset));
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const src = process.argv[2] ?? 'data/published';
	const dest = process.argv[3] ?? 'build/data';
	if (!existsSync(join(src, MANIFEST_FILE))) {
		console.log(
			`site data: no ${src}/${MANIFEST_FILE} — the site starts with the embedded sample (labelled)`
		);
	} else {
		const problems = await checkPublishedFolder(src);
		if (problems.length) {
			console.error(`site data: ${src} cannot be published (${problems.length} problems):`);
			for (const p of problems.slice(0, 200)) console.error(`  ${p}`);
			process.exit(1);
		}
		const manifest = readManifest(src);
		mkdirSync(dest, { recursive: true });
		const files = [
			...Object.values(manifest.datasets).flatMap((d) => (d.duckdb ? [d.file, d.duckdb.file] : [d.file])),
			MANIFEST_FILE
		];
		for (const f of files) copyFileSync(join(src, f), join(dest, f));
		console.log(`site data: ${src} checked and copied to ${dest} (${files.join(', ')})`);
	}
}
