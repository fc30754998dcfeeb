/**
 * Writes data/geo/estonia.json (read by src/lib/geo/estonia.ts): Estonia's outline (ISO 3166 numeric 233) from Natural Earth's
 * 1:10m borders in the `world-atlas` package, as a small GeoJSON Feature for the municipality dot
 * map. Coordinates are rounded to 3 decimals (~100 m), tiny islets dropped: plenty for a
 * country-scale map, and small enough to ship. Run: npx tsx scripts/make-estonia-outline.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

const ESTONIA = '233';
/** Rings with fewer points than this after simplification (islets) are dropped. */
const MIN_RING_POINTS = 4;
const DECIMALS = 3;

const require = createRequire(import.meta.url);
const world = JSON.parse(
	readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')
) as Topology<{
	countries: GeometryCollection<{ name: string }>;
}>;
const all = feature(world, world.objects.countries);
const estonia = all.features.find((f) => String(f.id) === ESTONIA);
if (!estonia) throw new Error(`world-atlas has no country ${ESTONIA}`);

const round = (n: number) => Math.round(n * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Rounds and drops consecutive duplicates that rounding creates. */
function ring(points: Position[]): Position[] {
	const out: Position[] = [];
	for (const [x, y] of points) {
		const p = [round(x), round(y)];
		const last = out.at(-1);
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
}

const geometry = estonia.geometry as Polygon | MultiPolygon;
const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
const kept = polygons
	.map((poly) => poly.map(ring).filter((r) => r.length >= MIN_RING_POINTS))
	.filter((poly) => poly.length > 0);

const out: Feature<MultiPolygon, { name: string }> = {
	type: 'Feature',
	id: ESTONIA,
	properties: { name: 'Estonia' },
	geometry: { type: 'MultiPolygon', coordinates: kept }
};
const file = join(process.cwd(), 'data/geo/estonia.json');
writeFileSync(file, JSON.stringify(out) + '\n');
const points = kept.flat().reduce((n, r) => n + r.length, 0);
console.log(`${file}: ${kept.length} polygons, ${points} points`);
