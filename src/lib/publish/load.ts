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

/** Where a published folder's files come from, and how DuckDB gets to read them. */
export interface PublishedFiles {
	/** The bytes of one file of the folder; throws a PublishError ('http') when it cannot be had. */
	read(file: string, entry: ManifestDataset): Promise<Uint8Array>;
	/** Make the bytes readable by DuckDB; returns the name or path `read_csv` reads. */
	register(name: string, bytes: Uint8Array): Promise<string>;
	drop(name: string): Promise<void>;
	sha256(bytes: Uint8Array): Promise<string>;
}

/** A dataset file downloaded and checked against the manifest's SHA-256. */
export interface CheckedFile {
	dataset: DatasetName;
	entry: ManifestDataset;
	bytes: Uint8Array;
}

/** Download every dataset file the manifest names and check each one's SHA-256 (in parallel). */
export async function fetchPublished(manifest: Manifest, files: PublishedFiles): Promise<CheckedFile[]> {
	const wanted = PUBLISH_ORDER.filter((d) => manifest.datasets[d]);
	return Promise.all(
		wanted.map(async (dataset) => {
			const entry = manifest.datasets[dataset] as ManifestDataset;
			const bytes = await files.read(entry.file, entry);
			const sha = await files.sha256(bytes);
			if (sha !== entry.sha256) {
				// A server that adds `Content-Encoding: gzip` to .gz files hands over the CSV unzipped.
				const code = isGzip(bytes) ? 'sha' : 'decompressed';
				throw new PublishError(entry.file, code, `${sha} ≠ ${entry.sha256}`);
			}
			return { dataset, entry, bytes };
		})
	);
}

/**
 * Replace the tables of the checked files with their rows (source `published`); activity owners are
 * derived from the owner texts as the plan's parser does. Run inside a transaction.
 */
export async function loadChecked(
	tx: Connector,
	checked: CheckedFile[],
	files: PublishedFiles
): Promise<void> {
	for (const { dataset, entry, bytes } of checked) {
		const name = `published-${entry.file}`;
		// DuckDB-wasm takes the buffer over (it is detached afterwards): the checked file is not used
		// again, so no copy of up to a few MB is made on every page load.
		const path = await files.register(name, bytes);
		try {
			await tx.exec(`DELETE FROM ${ident(dataset)}`);
			await timed(`published:read:${dataset}`, () => tx.exec(readPublishedSql(dataset, path)));
		} catch (e) {
			throw new PublishError(entry.file, 'read', e instanceof Error ? e.message : String(e));
		} finally {
			await files.drop(name).catch(() => undefined);
		}
		const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${ident(dataset)}`);
		if (n !== entry.rows) throw new PublishError(entry.file, 'rows', `${n} ≠ ${entry.rows}`);
		if (dataset === 'activities') await deriveOwners(tx);
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
