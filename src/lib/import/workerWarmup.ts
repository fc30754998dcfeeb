import type { Municipality } from '$lib/types';
import { BULK_MIN_BYTES } from './analyse';
import { warmupCsv } from './warmup';

/**
 * For the import worker's warm-up (import.worker.ts): a service-level file just over the bulk
 * size, so that a large file's own path runs (its scans, then the head's detection, mapping and
 * row checks), with made-up municipalities it names.
 */
export function workerWarmupFile(): { bytes: Uint8Array; municipalities: Municipality[] } {
	const municipalities: Municipality[] = Array.from({ length: 79 }, (_, i) => ({
		ehak_code: String(100 + i * 7).padStart(4, '0'),
		name: `Vald ${i + 1}`,
		type: 'vald',
		county: 'Harju maakond',
		population: 1000 + i,
		lat: null,
		lon: null
	}));
	const names = municipalities.map((m) => m.name);
	let rows = Math.ceil(BULK_MIN_BYTES / 40);
	let csv = warmupCsv(names, rows);
	while (csv.length < BULK_MIN_BYTES) csv = warmupCsv(names, (rows = Math.ceil(rows * 1.2)));
	return { bytes: new TextEncoder().encode(csv), municipalities };
}
