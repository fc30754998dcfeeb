import { describe, it, expect } from 'vitest';
import type { Feature, MultiPolygon } from 'geojson';
import { municipalityRanking, type RankingPoint } from '../../../src/lib/charts/ranking';
import { fitDomain, municipalityDotMap, type MapPoint } from '../../../src/lib/charts/dotMap';
import { municipalityTrend, type TrendPoint } from '../../../src/lib/charts/trend';
import { municipalityCompare, type CompareCell } from '../../../src/lib/charts/smallMultiples';
import { SEQUENTIAL_SCHEME, UI_COLORS } from '../../../src/lib/charts/palette';
import estonia from '../../../data/geo/estonia.json';

/** The parts of a Plot mark these tests read (Plot keeps channels on the mark instance). */
interface MarkLike {
	data: unknown[];
	fill?: unknown;
	stroke?: unknown;
	channels: Record<string, { value: unknown } | undefined>;
}
const marks = (o: { marks?: unknown }) => (o.marks as unknown[]).flat() as MarkLike[];
/** Evaluates a mark's channel for one datum (a field name or an accessor). */
function channel(mark: MarkLike, name: string, d: unknown): unknown {
	const v = mark.channels[name]?.value;
	if (typeof v === 'function') return v(d, 0);
	if (typeof v === 'string') return (d as Record<string, unknown>)[v];
	return v;
}
const light = UI_COLORS.light;
const outline = estonia as unknown as Feature<MultiPolygon>;
const fmt = (v: number) => v.toFixed(1);

const ranked = (
	ehak_code: string,
	name: string,
	value: number,
	rank: number,
	peer = false
): RankingPoint => ({
	ehak_code,
	name,
	value,
	rank,
	peer,
	tooltip: `${name}: ${value}`
});

describe('municipalityRanking(rows, opts)', () => {
	const rows = [
		ranked('0141', 'Anija vald', 5, 3, true),
		ranked('0784', 'Tallinn', 9, 1, true),
		ranked('0198', 'Harku vald', 7, 2),
		ranked('0245', 'Jõelähtme vald', 7, 2)
	];

	it('orders the bars by rank, best first, and names tied municipalities alphabetically', () => {
		const o = municipalityRanking(rows, { scheme: 'light', axisLabel: 'x', format: fmt });
		expect((o.y as { domain: string[] }).domain).toEqual([
			'1. Tallinn',
			'2. Harku vald',
			'2. Jõelähtme vald',
			'3. Anija vald'
		]);
	});

	const dots = (o: { marks?: unknown }) =>
		marks(o).find((m) => m.channels.fill && m.data.length === rows.length) as MarkLike;

	it('highlights the selected municipality, keeps its peers in the bar colour and mutes the rest', () => {
		const o = municipalityRanking(rows, { scheme: 'light', axisLabel: 'x', selected: '0141', format: fmt });
		const bars = dots(o);
		const fills = Object.fromEntries(
			bars.data.map((d) => [(d as RankingPoint).ehak_code, channel(bars, 'fill', d)])
		);
		expect(fills).toEqual({
			'0784': light.bar,
			'0198': light['bar-muted'],
			'0245': light['bar-muted'],
			'0141': light.highlight
		});
	});

	it('draws every dot in the bar colour when nothing is selected', () => {
		const o = municipalityRanking(rows, { scheme: 'dark', axisLabel: 'x', format: fmt });
		const bars = dots(o);
		expect(new Set(bars.data.map((d) => channel(bars, 'fill', d)))).toEqual(new Set([UI_COLORS.dark.bar]));
	});

	it('draws the peer median as a rule only for a selected municipality', () => {
		const without = municipalityRanking(rows, {
			scheme: 'light',
			axisLabel: 'x',
			peerMedian: 6,
			format: fmt
		});
		const withSel = municipalityRanking(rows, {
			scheme: 'light',
			axisLabel: 'x',
			selected: '0784',
			peerMedian: 6,
			format: fmt
		});
		expect(marks(without).some((m) => m.data?.[0] === 6)).toBe(false);
		expect(marks(withSel).some((m) => m.data?.[0] === 6)).toBe(true);
	});

	it('grows with the number of municipalities so that 79 rows stay readable', () => {
		const many = Array.from({ length: 79 }, (_, i) => ranked(String(i).padStart(4, '0'), `M${i}`, i, 79 - i));
		const o = municipalityRanking(many, { scheme: 'light', axisLabel: 'x', format: fmt });
		expect(o.height as number).toBeGreaterThanOrEqual(79 * 14);
	});

	it('fits the value axis to the values and the peer median (dots need no zero baseline)', () => {
		const plain = municipalityRanking(rows, { scheme: 'light', axisLabel: 'x', format: fmt });
		expect((plain.x as { domain: number[] }).domain).toEqual([5, 9]);
		const wide = municipalityRanking(rows, {
			scheme: 'light',
			axisLabel: 'x',
			selected: '0784',
			peerMedian: 12,
			format: fmt
		});
		expect((wide.x as { domain: number[] }).domain).toEqual([5, 12]);
	});

	it('prints each value with the given format', () => {
		const o = municipalityRanking(rows, { scheme: 'light', axisLabel: 'x', format: (v) => `<${v}>` });
		const text = marks(o).find((m) => m.channels.text && m.data.length === rows.length) as MarkLike;
		expect(channel(text, 'text', rows[1])).toBe('<9>');
	});
});

const point = (ehak_code: string, value: number | null, lat = 58.5, lon = 25): MapPoint => ({
	ehak_code,
	name: `M${ehak_code}`,
	lat,
	lon,
	value,
	tooltip: ''
});

describe('municipalityDotMap(points, opts)', () => {
	const points = [point('0784', 10, 59.4, 24.7), point('0141', null), point('0793', 3, 58.38, 26.72)];
	const base = { scheme: 'light' as const, outline, legendLabel: 'Näitaja (%)' };

	it('projects onto Estonia’s outline with L-EST97’s conic projection', () => {
		const o = municipalityDotMap(points, { ...base, higherIsBetter: true });
		const p = o.projection as { type: string; domain: unknown; parallels: number[] };
		expect(p.type).toBe('conic-conformal');
		// Fitted to the outline's extreme points (fitDomain.test.ts: the same bounds as the outline).
		expect(p.domain).toEqual(fitDomain(outline));
		expect(p.parallels[0]).toBe(58);
		// The outline itself is still drawn.
		expect(marks(o).some((m) => (m.data as unknown) === outline)).toBe(true);
	});

	it('colours only municipalities with a value; a missing value is a hollow dot, never 0', () => {
		const o = municipalityDotMap(points, { ...base, higherIsBetter: true });
		const [, hollow, coloured] = marks(o);
		expect(coloured.data.map((d) => (d as MapPoint).ehak_code)).toEqual(['0784', '0793']);
		expect(coloured.channels.fill?.value).toBe('value');
		expect(hollow.data.map((d) => (d as MapPoint).ehak_code)).toEqual(['0141']);
		expect(hollow.fill).toBe('none');
	});

	it('draws no colour legend when no municipality has a value (only hollow dots)', () => {
		const none = municipalityDotMap([point('0141', null), point('0205', null)], {
			...base,
			higherIsBetter: true
		});
		expect((none.color as Record<string, unknown>).legend).toBe(false);
		expect(
			(municipalityDotMap(points, { ...base, higherIsBetter: true }).color as Record<string, unknown>).legend
		).toBe(true);
	});

	it('uses the sequential scheme with a legend, reversed when lower values are better', () => {
		const higher = municipalityDotMap(points, { ...base, higherIsBetter: true }).color as Record<
			string,
			unknown
		>;
		const lower = municipalityDotMap(points, { ...base, higherIsBetter: false }).color as Record<
			string,
			unknown
		>;
		expect(higher).toMatchObject({
			scheme: SEQUENTIAL_SCHEME,
			reverse: false,
			legend: true,
			label: 'Näitaja (%)'
		});
		expect(lower.reverse).toBe(true);
	});

	it('rings and names the selected municipality', () => {
		const o = municipalityDotMap(points, { ...base, higherIsBetter: true, selected: '0793' });
		const [, , , ring, label] = marks(o);
		expect(ring.data).toEqual([points[2]]);
		expect(ring.stroke).toBe(light.highlight);
		expect(label.data).toEqual([points[2]]);
	});

	it('gives an indicator with a single distinct value a usable colour domain', () => {
		const o = municipalityDotMap([point('0784', 5), point('0141', 5)], { ...base, higherIsBetter: true });
		expect((o.color as { domain: number[] }).domain).toEqual([4, 6]);
	});
});

describe('municipalityTrend(points, opts)', () => {
	const labels = { municipality: 'Rae vald', peer_median: 'Mediaan' };
	const pts: TrendPoint[] = [
		{ year: 2021, series: 'municipality', value: 4, tooltip: '' },
		{ year: 2022, series: 'municipality', value: null, tooltip: '' },
		{ year: 2023, series: 'municipality', value: 6, tooltip: '' },
		{ year: 2021, series: 'peer_median', value: 5, tooltip: '' },
		{ year: 2022, series: 'peer_median', value: 5.5, tooltip: '' },
		{ year: 2023, series: 'peer_median', value: 5, tooltip: '' }
	];
	const o = municipalityTrend(pts, {
		scheme: 'light',
		years: [2021, 2022, 2023],
		yLabel: 'y',
		seriesLabels: labels,
		format: fmt
	});

	it('puts every year on the axis, including years without a value', () => {
		expect((o.x as { domain: string[] }).domain).toEqual(['2021', '2022', '2023']);
	});

	it('colours the municipality in the highlight colour and the peer median in the bar colour, with a legend', () => {
		expect(o.color).toMatchObject({
			domain: ['Rae vald', 'Mediaan'],
			range: [light.highlight, light.bar],
			legend: true
		});
	});

	it('breaks the municipality’s line at a missing year instead of drawing 0', () => {
		const line = marks(o)[1];
		expect(line.data).toHaveLength(3);
		expect(line.data.map((d) => channel(line, 'y', d))).toEqual([4, null, 6]);
		const dots = marks(o)[2];
		expect(dots.data.some((d) => (d as TrendPoint).value === null)).toBe(false);
	});

	it('dashes the peer median', () => {
		const [median] = marks(o);
		expect((median as unknown as { strokeDasharray: string }).strokeDasharray).toBe('6 4');
		expect(median.data.every((d) => (d as TrendPoint).series === 'peer_median')).toBe(true);
	});
});

describe('municipalityCompare(cells, opts)', () => {
	const cell = (indicator: string, ehak_code: string, name: string, value: number | null): CompareCell => ({
		indicator,
		facetLabel: `${indicator} ↑`,
		ehak_code,
		name,
		value,
		rank: value === null ? null : 1,
		label: value === null ? '–' : String(value),
		tooltip: ''
	});
	const cells = [
		cell('A', '0784', 'Tallinn', 50),
		cell('A', '0653', 'Rae vald', 25),
		cell('B', '0784', 'Tallinn', null),
		cell('B', '0653', 'Rae vald', 0.4)
	];
	const o = municipalityCompare(cells, {
		scheme: 'light',
		names: ['Tallinn', 'Rae vald'],
		nationalMedian: { A: 100, B: 0.2 },
		selected: '0653'
	});
	type Scaled = CompareCell & { share: number };
	const bars = marks(o).find((m) => m.channels.fill && m.data.length === cells.length) as MarkLike;

	it('draws one panel per indicator with the municipalities in the order chosen', () => {
		expect((o.fy as { domain: string[] }).domain).toEqual(['A ↑', 'B ↑']);
		expect((o.y as { domain: string[] }).domain).toEqual(['Tallinn', 'Rae vald']);
	});

	it('scales each panel to its own largest value, national median included', () => {
		expect(bars.data.map((d) => (d as Scaled).share)).toEqual([0.5, 0.25, 0, 1]);
	});

	it('prints missing values as missing and highlights the selected municipality', () => {
		const text = marks(o).find((m) => m.channels.text && m.data.length === cells.length) as MarkLike;
		const labelOf = (c: CompareCell) => channel(text, 'text', c);
		expect(cells.filter((c) => c.value !== null).length).toBe(3);
		expect(cells.filter((c) => c.value === null).map(labelOf)).toEqual(['–']);
		expect(channel(bars, 'fill', bars.data[1])).toBe(light.highlight);
		expect(channel(bars, 'fill', bars.data[0])).toBe(light.bar);
	});

	it('grows with the number of panels and municipalities', () => {
		const one = municipalityCompare(cells.slice(0, 2), { scheme: 'light', names: ['Tallinn', 'Rae vald'] });
		expect(o.height as number).toBeGreaterThan(one.height as number);
	});
});

describe('a 0–9 level on the ranking and the trend', () => {
	it('draws a fixed 0–9 axis with a tick per level', async () => {
		const { municipalityRanking } = await import('../../../src/lib/charts/ranking');
		const { municipalityTrend } = await import('../../../src/lib/charts/trend');
		const { levelAxis, isLevelUnit } = await import('../../../src/lib/metrics/levelScale');
		const r = municipalityRanking(
			[{ ehak_code: '1', name: 'A', value: 4, rank: 1, peer: false, tooltip: '' }],
			{ scheme: 'light', axisLabel: 'x', format: String, level: true }
		);
		expect(r.x?.domain).toEqual([0, 9]);
		expect(r.x?.ticks).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		const t = municipalityTrend([{ year: 2024, series: 'municipality', value: 3, tooltip: '' }], {
			scheme: 'light',
			years: [2024],
			yLabel: 'y',
			seriesLabels: { municipality: 'A', peer_median: 'B' },
			format: String,
			level: true
		});
		expect(t.y?.domain).toEqual([0, 9]);
		expect(levelAxis([12]).domain).toEqual([0, 12]);
		expect([isLevelUnit('tase'), isLevelUnit('Level'), isLevelUnit('0–9'), isLevelUnit('%')]).toEqual([
			true,
			true,
			true,
			false
		]);
	});
});

describe('reachScatter(points, options)', () => {
	it('draws one dot per municipality and, for a level, integer ticks on the change', async () => {
		const { reachScatter } = await import('../../../src/lib/charts/reachScatter');
		const points = [
			{ ehak_code: '1', name: 'A', reach: 2, change: 1, tooltip: '' },
			{ ehak_code: '2', name: 'B', reach: 0, change: -2, tooltip: '' }
		];
		const o = reachScatter(points, { scheme: 'light', xLabel: 'x', yLabel: 'y', integerY: true });
		expect((o.marks?.[1] as unknown as { data: unknown[] }).data).toHaveLength(2);
		expect(o.y?.ticks).toEqual([-2, -1, 0, 1]);
	});
});
