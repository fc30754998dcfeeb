/**
 * Every value an analyst corrected on import (`Tallin` read as Tallinn), from both data sources:
 * the published folder's manifest (each source file's corrections) and this browser's imports.
 * What the data-quality page lists, so that whoever reads the data sees what was changed in the
 * owners' files.
 */
import type { ImportMeta } from '$lib/db/commit';
import type { Manifest } from '$lib/publish/manifest';
import type { DatasetName } from '$lib/types';

export interface CorrectionLogRow {
	key: string;
	source: 'published' | 'local';
	file: string;
	/** ISO time of the import, where known. */
	at: string | null;
	dataset: DatasetName;
	field: string;
	from: string;
	to: string;
	/** What `to` names (a municipality's name), else `to`. */
	label: string;
	rows: number;
}

export function correctionsLog(manifest: Manifest | null, history: readonly ImportMeta[]): CorrectionLogRow[] {
	const out: CorrectionLogRow[] = [];
	const add = (
		source: CorrectionLogRow['source'],
		file: string,
		at: string | null,
		dataset: DatasetName,
		list: { field: string; from: string; to: string; rows: number; label?: string }[] | undefined
	) => {
		for (const c of list ?? [])
			out.push({
				key: `${source}|${out.length}`,
				source,
				file,
				at,
				dataset,
				field: c.field,
				from: c.from,
				to: c.to,
				label: c.label ?? c.to,
				rows: c.rows
			});
	};
	for (const [dataset, entry] of Object.entries(manifest?.datasets ?? {}))
		for (const s of entry?.sources ?? []) add('published', s.name, s.at ?? null, dataset as DatasetName, s.corrections);
	for (const m of history) add('local', m.file, m.at, m.dataset, m.corrections);
	return out;
}
