import { describe, expect, it } from 'vitest';
import { geoConicConformal, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon } from 'geojson';
import { fitDomain } from '$lib/charts/dotMap';
import { ESTONIA_OUTLINE } from '$lib/geo/estonia';

/** The projection as Plot builds it for the map: L-EST97's parameters, a scale and a translation. */
function projection(scale: number, translate: [number, number]) {
	return geoConicConformal()
		.parallels([58, 59 + 1 / 3])
		.rotate([-24, 0])
		.precision(0)
		.scale(scale)
		.translate(translate);
}

describe('fitDomain: the outline points the map is fitted to', () => {
	it('has the same projected bounds as the whole outline, at any scale and position', () => {
		const domain = fitDomain(ESTONIA_OUTLINE);
		for (const [scale, translate] of [
			[100, [0, 0]],
			[1000 / (2 * Math.PI), [270, 168]],
			[12345, [-40, 900]]
		] as [number, [number, number]][]) {
			const path = geoPath(projection(scale, translate));
			const whole = path.bounds(ESTONIA_OUTLINE);
			const four = path.bounds(domain);
			for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(four[i][j]).toBeCloseTo(whole[i][j], 9);
		}
	});

	it('is four points of the outline itself', () => {
		const domain = fitDomain(ESTONIA_OUTLINE);
		const points = new Set(ESTONIA_OUTLINE.geometry.coordinates.flat(2).map((p) => p.join(',')));
		expect(domain.type).toBe('MultiPoint');
		expect(domain.coordinates).toHaveLength(4);
		for (const p of domain.coordinates) expect(points.has(p.join(','))).toBe(true);
	});

	it('finds the extremes of another outline (not a cached answer for Estonia)', () => {
		// Clockwise, as d3 reads a polygon's outer ring (else it is the rest of the globe).
		const square: Feature<MultiPolygon> = {
			type: 'Feature',
			properties: {},
			geometry: {
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[23, 58],
							[24, 59.5],
							[25, 59],
							[25, 58],
							[23, 58]
						]
					]
				]
			}
		};
		const path = geoPath(projection(500, [10, 10]));
		expect(path.bounds(fitDomain(square))).toEqual(path.bounds(square));
		expect(fitDomain(square).coordinates).toContainEqual([24, 59.5]);
	});
});
