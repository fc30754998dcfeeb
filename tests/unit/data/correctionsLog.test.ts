import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { correctionsLog } from '$lib/data/correctionsLog';
import { parseManifest } from '$lib/publish/manifest';
import type { ImportMeta } from '$lib/db/commit';

/** The example published folder's manifest, with a source that carries the analyst's corrections. */
function manifestWithCorrections() {
	const raw = JSON.parse(readFileSync('tests/fixtures/published-sample/manifest.json', 'utf8'));
	raw.datasets.service_levels.sources.push({
		name: 'teenustasemed_2024.csv',
		sha256: null,
		rows_added: 3,
		rows_replaced: 0,
		at: '2026-11-30T09:00:00Z',
		corrections: [
			{ field: 'municipality', from: 'Tallin', to: '0784', rows: 2, label: 'Tallinn' },
			{ field: 'municipality', from: 'Saarema vald', to: '0714', rows: 1 },
			{ field: 'municipality', from: 'Tartu', to: '0796', rows: 'x' },
			{ field: 'nonsense', rows: 3 }
		]
	});
	return parseManifest(JSON.stringify(raw));
}

describe('correctionsLog(manifest, local imports)', () => {
	it('lists the published corrections (kept by parseManifest) and then the local ones', () => {
		const manifest = manifestWithCorrections();
		const local: ImportMeta[] = [
			{
				id: 'a',
				dataset: 'progress',
				file: 'aruanded.csv',
				at: '2026-12-03T07:00:00Z',
				rowCount: 3,
				rowsAdded: 3,
				rowsReplaced: 0,
				rowsRejected: 0,
				corrections: [{ field: 'activity_id', from: '01.01.2003', to: '1.1.3', rows: 1, label: '1.1.3' }]
			},
			{
				id: 'b',
				dataset: 'trainings',
				file: 'koolitused.csv',
				at: '2026-12-03T07:05:00Z',
				rowCount: 1,
				rowsAdded: 1,
				rowsReplaced: 0,
				rowsRejected: 0
			}
		];
		const log = correctionsLog(manifest, local);
		expect(log.map((r) => [r.source, r.file, r.dataset, r.field, r.from, r.label, r.rows])).toEqual([
			['published', 'teenustasemed_2024.csv', 'service_levels', 'municipality', 'Tallin', 'Tallinn', 2],
			['published', 'teenustasemed_2024.csv', 'service_levels', 'municipality', 'Saarema vald', '0714', 1],
			// Rows that are not a number count 0; an entry with no value or meaning is left out.
			['published', 'teenustasemed_2024.csv', 'service_levels', 'municipality', 'Tartu', '0796', 0],
			['local', 'aruanded.csv', 'progress', 'activity_id', '01.01.2003', '1.1.3', 1]
		]);
		expect(new Set(log.map((r) => r.key)).size).toBe(log.length);
	});
	it('nothing published and no local corrections: an empty list', () => {
		expect(correctionsLog(null, [])).toEqual([]);
		expect(correctionsLog(parseManifest(readFileSync('tests/fixtures/published-sample/manifest.json', 'utf8')), [])).toEqual([]);
	});
});
