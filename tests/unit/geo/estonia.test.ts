import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Feature, MultiPolygon, Position } from 'geojson';
import estonia from '../../../data/geo/estonia.json';

const outline = estonia as unknown as Feature<MultiPolygon>;
const municipalities = Papa.parse<Record<string, string>>(readFileSync('data/municipalities.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;

/** Even–odd ray casting on lon/lat: precise enough at country scale. */
function inRing(ring: Position[], [x, y]: Position): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}
const inOutline = (p: Position) => outline.geometry.coordinates.some((poly) => inRing(poly[0], p));
/** Distance in km from a point to the nearest outline vertex (centres on the coast may fall just outside). */
function kmToOutline([x, y]: Position): number {
	let best = Infinity;
	for (const poly of outline.geometry.coordinates)
		for (const [px, py] of poly[0]) {
			const dx = (px - x) * 111.32 * Math.cos((y * Math.PI) / 180);
			const dy = (py - y) * 110.57;
			best = Math.min(best, Math.hypot(dx, dy));
		}
	return best;
}

describe('data/geo/estonia.json (scripts/make-estonia-outline.ts)', () => {
	it('is Estonia (ISO 3166 numeric 233) as a MultiPolygon with the mainland and the large islands', () => {
		expect(outline.id).toBe('233');
		expect(outline.geometry.type).toBe('MultiPolygon');
		expect(outline.geometry.coordinates.length).toBeGreaterThanOrEqual(4);
	});

	it('stays within Estonia’s bounding box', () => {
		const pts = outline.geometry.coordinates.flat(2);
		const lons = pts.map((p) => p[0]);
		const lats = pts.map((p) => p[1]);
		expect(Math.min(...lons)).toBeGreaterThan(21.5);
		expect(Math.max(...lons)).toBeLessThan(28.3);
		expect(Math.min(...lats)).toBeGreaterThan(57.4);
		expect(Math.max(...lats)).toBeLessThan(59.9);
	});

	it('is small enough to ship', () => {
		expect(JSON.stringify(outline).length).toBeLessThan(40_000);
	});

	it('holds every municipality centre (or has it within 5 km of the coast)', () => {
		expect(municipalities).toHaveLength(79);
		const far = municipalities
			.map((m) => ({ name: m.name, p: [Number(m.lon), Number(m.lat)] as Position }))
			.filter(({ p }) => !inOutline(p) && kmToOutline(p) > 5)
			.map((m) => m.name);
		expect(far).toEqual([]);
	});
});
