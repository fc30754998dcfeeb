/**
 * Loading a published folder into the tables — the same code in the page (files over HTTP,
 * DuckDB-wasm) and in Node (`kov publish --base`, the build's check; files on disk, native DuckDB).
 */
import type { Connector } from '$lib/db/connector';
import { ident } from '$lib/db/connector';
import { timed } from '$lib/perf';
import { TABLES } from '$lib/db/schema';
import { ownerColumns } from '$lib/db/rows';
import { parseOwners } from '$lib/plan/owners';
import type { Activity, DatasetName } from '$lib/types';
import {
	PUBLISH_ORDER,
	PublishError,
	isGzip,
	readPublishedSql,
	type Manifest,
	type ManifestDataset
} from './manifest';
import { attachDatabaseSql, databaseColumnsProblem, detachDatabaseSql, readDatabaseSql } from './database';

/** Where a published folder's files come from, and how DuckDB gets to read them. */
export interface PublishedFiles {
	/**
	 * The bytes of one file of the folder (`sha256`: what the manifest says it is); throws a
	 * PublishError ('http') when it cannot be had.
	 */
	read(file: string, sha256: string): Promise<Uint8Array>;
	/**
	 * Read a dataset's DuckDB database file instead of its CSV where the manifest lists one (the
	 * page). Node reads the canonical CSV: `kov publish --base` and the build's check.
	 */
	databases?: boolean;
	/** Make the bytes readable by DuckDB; returns the name or path `read_csv` reads. */
	register(name: string, bytes: Uint8Array): Promise<string>;
	drop(name: string): Promise<void>;
	sha256(bytes: Uint8Array): Promise<string>;
}

/** A dataset file downloaded and checked against the manifest's SHA-256. */
export interface CheckedFile {
	dataset: DatasetName;
	entry: ManifestDataset;
	/** The file these bytes are: the dataset's CSV, or its database file. */
	file: string;
	kind: 'csv' | 'duckdb';
	bytes: Uint8Array;
}

/** Download one file of a dataset and check it against the manifest's SHA-256. */
async function fetchChecked(
	files: PublishedFiles,
	dataset: DatasetName,
	entry: ManifestDataset,
	kind: CheckedFile['kind']
): Promise<CheckedFile> {
	const { file, sha256: want } = kind === 'duckdb' && entry.duckdb ? entry.duckdb : entry;
	const bytes = await files.read(file, want);
	const sha = await files.sha256(bytes);
	if (sha !== want) {
		// A server that adds `Content-Encoding: gzip` to .gz files hands over the CSV unzipped.
		const code = kind === 'csv' && !isGzip(bytes) ? 'decompressed' : 'sha';
		throw new PublishError(file, code, `${sha} ≠ ${want}`);
	}
	return { dataset, entry, file, kind, bytes };
}

/** Download every dataset file the manifest names and check each one's SHA-256 (in parallel). */
export async function fetchPublished(manifest: Manifest, files: PublishedFiles): Promise<CheckedFile[]> {
	const wanted = PUBLISH_ORDER.filter((d) => manifest.datasets[d]);
	return Promise.all(
		wanted.map((dataset) => {
			const entry = manifest.datasets[dataset] as ManifestDataset;
			return fetchChecked(files, dataset, entry, files.databases && entry.duckdb ? 'duckdb' : 'csv');
		})
	);
}

/**
 * Load the checked files into their tables, all or nothing (source `published`). Database files are
 * attached before the transaction and detached after it; one DuckDB cannot read, or whose table is
 * not the dataset's columns, is replaced by the dataset's CSV (the canonical file, the same rows).
 */
export async function loadPublished(
	conn: Connector & Required<Pick<Connector, 'transaction'>>,
	checked: CheckedFile[],
	files: PublishedFiles
): Promise<void> {
	const ready: CheckedFile[] = [];
	try {
		for (const c of checked) ready.push(c.kind === 'duckdb' ? await attach(conn, c, files) : c);
		await conn.transaction((tx) => loadChecked(tx, ready, files));
	} finally {
		for (const c of ready.filter((x) => x.kind === 'duckdb')) await detach(conn, c, files);
	}
}

async function attach(conn: Connector, c: CheckedFile, files: PublishedFiles): Promise<CheckedFile> {
	const { dataset, entry } = c;
	// DuckDB-wasm takes the buffer over (it is detached afterwards): the checked file is not used
	// again, so no copy of up to a few MB is made on every page load.
	const path = await files.register(registered(c), c.bytes);
	try {
		await conn.exec(attachDatabaseSql(dataset, path));
		const problem = await databaseColumnsProblem(conn, dataset);
		if (problem) throw new Error(problem);
		return c;
	} catch (e) {
		// The bytes are the publisher's (SHA-256 checked), but this DuckDB cannot use them (a
		// storage version it does not know): the dataset's CSV holds the same rows.
		await detach(conn, c, files);
		console.warn(`${c.file}: ${e instanceof Error ? e.message : String(e)}: reading ${entry.file} instead`);
		return fetchChecked(files, dataset, entry, 'csv');
	}
}

/** The name a checked file is registered under for DuckDB. */
const registered = (c: CheckedFile) => `published-${c.file}`;

async function detach(conn: Connector, c: CheckedFile, files: PublishedFiles): Promise<void> {
	await conn.exec(detachDatabaseSql(c.dataset)).catch(() => undefined);
	await files.drop(registered(c)).catch(() => undefined);
}

/**
 * Replace the tables of the checked files with their rows (source `published`), database files
 * already attached (loadPublished); activity owners are derived from the owner texts as the plan's
 * parser does. Run inside a transaction.
 */
async function loadChecked(tx: Connector, checked: CheckedFile[], files: PublishedFiles): Promise<void> {
	for (const c of checked) {
		const { dataset, entry, file } = c;
		try {
			await tx.exec(`DELETE FROM ${ident(dataset)}`);
			if (c.kind === 'duckdb')
				await timed(`published:read:${dataset}`, () => tx.exec(readDatabaseSql(dataset)));
			else await readCsv(tx, c, files);
		} catch (e) {
			throw new PublishError(file, 'read', e instanceof Error ? e.message : String(e));
		}
		const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ident(dataset)}`);
		if (n !== entry.rows) throw new PublishError(file, 'rows', `${n} ≠ ${entry.rows}`);
		if (dataset === 'activities') await deriveOwners(tx);
	}
}

async function readCsv(tx: Connector, c: CheckedFile, files: PublishedFiles): Promise<void> {
	const name = registered(c);
	// As in attach(): DuckDB-wasm takes the buffer over.
	const path = await files.register(name, c.bytes);
	try {
		await timed(`published:read:${c.dataset}`, () => tx.exec(readPublishedSql(c.dataset, path)));
	} finally {
		await files.drop(name).catch(() => undefined);
	}
}

/** activity_owners from the activities table's owner texts (metrics.md "Owners"). */
export async function deriveOwners(tx: Connector): Promise<void> {
	const rows = await tx.query<{ activity_id: string; lead_owner: string | null; co_owners: string | null }>(
		'SELECT activity_id, lead_owner, co_owners FROM activities ORDER BY seq'
	);
	const activities = rows.map((r) => ({
		activity_id: r.activity_id,
		lead_owners: parseOwners(r.lead_owner ?? ''),
		co_owner_orgs: parseOwners(r.co_owners ?? '')
	})) as unknown as Activity[];
	await tx.exec('DELETE FROM activity_owners');
	await tx.insertColumns('activity_owners', TABLES.activity_owners, ownerColumns(activities));
}
