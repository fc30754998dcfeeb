/**
 * Estonia's outline for the municipality dot map: Natural Earth 1:10m borders from the `world-atlas`
 * package, extracted and rounded by scripts/make-estonia-outline.ts into data/geo/estonia.json
 * (≈17 kB, shipped with the app; no map tiles, no requests elsewhere).
 */
import type { Feature, MultiPolygon } from 'geojson';
import outline from '$data/geo/estonia.json';

export const ESTONIA_OUTLINE = outline as unknown as Feature<MultiPolygon, { name: string }>;
