import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Municipality } from '../../src/lib/types';

/** The 79 municipalities of the shipped reference file, as the import core receives them. */
export const municipalities: Municipality[] = Papa.parse<Record<string, string>>(
	readFileSync('data/municipalities.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
).data.map((r) => ({
	ehak_code: r.ehak_code,
	name: r.name,
	type: r.type as 'linn' | 'vald',
	county: r.county,
	population: Number(r.population_approx),
	lat: Number(r.lat),
	lon: Number(r.lon)
}));
