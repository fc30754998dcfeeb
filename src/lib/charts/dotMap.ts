import * as Plot from '@observablehq/plot';
import type { Feature, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';
import { geoConicConformal } from 'd3-geo';
import { SEQUENTIAL_SCHEME, UI_COLORS, type Scheme } from './palette';

export interface MapPoint {
	ehak_code: string;
	name: string;
	lat: number;
	lon: number;
	/** Missing stays missing: drawn as a hollow dot, never coloured as 0. */
	value: number | null;
	tooltip: string;
}

export interface DotMapOptions {
	scheme: Scheme;
	/** Estonia's outline (src/lib/geo/estonia.json). */
	outline: Feature<Polygon | MultiPolygon>;
	/** Darker = better: the sequential scheme is reversed when lower values are better. */
	higherIsBetter: boolean;
	legendLabel: string;
	selected?: string | null;
	width?: number;
}

/*
 * Estonia's own projection, L-EST97 (Lambert conformal conic, standard parallels 58° and 59°20′,
 * central meridian 24° E), so the country is not stretched as in Web Mercator.
 */
/*
 * `precision: 0` turns off d3's adaptive resampling: the outline's points are a few kilometres apart,
 * so the straight segments between them are exact at this scale, and projecting the outline on
 * each redraw costs half as much (issue "Performance").
 */
const PROJECTION = {
	type: 'conic-conformal',
	parallels: [58, 59 + 1 / 3] as [number, number],
	rotate: [-24, 0] as [number, number],
	precision: 0
} as const;

/**
 * The points of an outline that reach furthest left, right, up and down in PROJECTION. Plot fits the
 * projection to its `domain` by projecting every point of it on every draw (20–30 ms on the map's
 * first draw of a page load, issue #20); fitting only scales and moves the map, which keeps the same
 * points extreme, so these four give the same fit. Kept per outline.
 */
export function fitDomain(outline: Feature<Polygon | MultiPolygon>): MultiPoint {
	let domain = fitDomains.get(outline);
	if (domain) return domain;
	const project = geoConicConformal().parallels(PROJECTION.parallels).rotate(PROJECTION.rotate);
	const g = outline.geometry;
	const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
	// left, right, top, bottom: [x or y of the projected point, the point]
	const best: [number, Position][] = [
		[Infinity, []],
		[-Infinity, []],
		[Infinity, []],
		[-Infinity, []]
	];
	for (const ring of rings)
		for (const p of ring) {
			const xy = project(p as [number, number]);
			if (!xy) continue;
			const [x, y] = xy;
			if (x < best[0][0]) best[0] = [x, p];
			if (x > best[1][0]) best[1] = [x, p];
			if (y < best[2][0]) best[2] = [y, p];
			if (y > best[3][0]) best[3] = [y, p];
		}
	domain = { type: 'MultiPoint', coordinates: best.map(([, p]) => p) };
	fitDomains.set(outline, domain);
	return domain;
}
const fitDomains = new WeakMap<object, MultiPoint>();

/** Municipalities as dots at their administrative centres, coloured by the indicator's value. */
export function municipalityDotMap(points: MapPoint[], o: DotMapOptions): Plot.PlotOptions {
	const ui = UI_COLORS[o.scheme];
	const withValue = points.filter((p) => p.value !== null && Number.isFinite(p.value));
	const missing = points.filter((p) => p.value === null || !Number.isFinite(p.value));
	const selected = points.filter((p) => p.ehak_code === o.selected);
	const width = o.width ?? 560;
	return {
		width,
		height: Math.round(width * 0.62),
		margin: 12,
		style: { color: ui.text, background: 'transparent', fontSize: '11px' },
		projection: { ...PROJECTION, domain: fitDomain(o.outline), inset: 6 },
		color: {
			type: 'linear',
			scheme: SEQUENTIAL_SCHEME,
			reverse: !o.higherIsBetter,
			// No value at all (a county with none, a year without data): no scale to explain.
			legend: withValue.length > 0,
			label: o.legendLabel,
			// An indicator with one distinct value still gets a usable legend.
			...(withValue.length && new Set(withValue.map((p) => p.value)).size === 1
				? { domain: [(withValue[0].value as number) - 1, (withValue[0].value as number) + 1] }
				: {})
		},
		marks: [
			Plot.geo(o.outline, { fill: ui.surface, stroke: ui.muted, strokeWidth: 0.8 }),
			Plot.dot(missing, {
				x: 'lon',
				y: 'lat',
				r: 4,
				fill: 'none',
				stroke: ui.muted,
				strokeDasharray: '2 1.5',
				title: 'tooltip',
				tip: true
			}),
			Plot.dot(withValue, {
				x: 'lon',
				y: 'lat',
				r: 6,
				fill: 'value',
				stroke: ui.text,
				strokeWidth: 0.6,
				title: 'tooltip',
				tip: true,
				className: 'municipality-dot'
			}),
			Plot.dot(selected, {
				x: 'lon',
				y: 'lat',
				r: 10,
				fill: 'none',
				stroke: ui.highlight,
				strokeWidth: 3
			}),
			Plot.text(selected, {
				x: 'lon',
				y: 'lat',
				text: 'name',
				dy: -16,
				fill: ui.text,
				stroke: ui.surface,
				strokeWidth: 3,
				fontWeight: 'bold',
				fontSize: 12
			})
		]
	};
}
