/**
 * The comparison page's four charts: its rows (model.ts) → the chart builders' points, with the
 * tooltips in the reader's language. Pure: the page passes what it shows and how values are written.
 */
import type * as Plot from '@observablehq/plot';
import { municipalityRanking, type RankingPoint } from '$lib/charts/ranking';
import { municipalityDotMap, type MapPoint } from '$lib/charts/dotMap';
import { municipalityTrend, type TrendPoint } from '$lib/charts/trend';
import { municipalityCompare, type CompareCell } from '$lib/charts/smallMultiples';
import type { Scheme } from '$lib/charts/palette';
import { ESTONIA_OUTLINE } from '$lib/geo/estonia';
import { isLevelUnit } from '$lib/metrics/levelScale';
import { t } from '$lib/i18n/index.svelte';
import type { Lang } from '$lib/i18n/catalogue';
import type { IndicatorInfo } from '$lib/queries/municipalities';
import type { Municipality } from '$lib/types';
import type { CompareRow, RankingRow, TrendRow } from './model';
import { formatValue, indicatorLabel } from './format';

type Indicator = Pick<IndicatorInfo, 'indicator' | 'unit' | 'higher_is_better'>;
type Format = (v: number | null | undefined) => string;

export function rankingChart(
	visible: RankingRow[],
	o: {
		info: Indicator;
		ranked: number;
		isPeer: (code: string) => boolean;
		focus: string | null;
		peerMedian: number | null;
		fmt: Format;
		scheme: Scheme;
	}
): Plot.PlotOptions | null {
	const points: RankingPoint[] = visible
		.filter((r) => r.value !== null && r.rank !== null)
		.map((r) => ({
			ehak_code: r.ehak_code,
			name: r.name,
			value: r.value as number,
			rank: r.rank as number,
			peer: o.isPeer(r.ehak_code),
			tooltip: t('mun.tooltip.ranking', {
				name: r.name,
				county: r.county,
				value: o.fmt(r.value),
				rank: r.rank as number,
				n: o.ranked
			})
		}));
	if (!points.length) return null;
	return municipalityRanking(points, {
		scheme: o.scheme,
		axisLabel: indicatorLabel(o.info.indicator, o.info.unit),
		selected: o.focus,
		peerMedian: o.peerMedian,
		peerMedianLabel: t('mun.series.peerMedian'),
		format: (v) => o.fmt(v),
		level: isLevelUnit(o.info.unit)
	});
}

export function mapChart(
	visible: RankingRow[],
	byCode: Map<string, Municipality>,
	o: { info: Indicator; focus: string | null; fmt: Format; scheme: Scheme }
): Plot.PlotOptions | null {
	const points: MapPoint[] = visible.flatMap((r) => {
		const m = byCode.get(r.ehak_code);
		if (!m || m.lat === null || m.lon === null) return [];
		const value = r.value === null ? t('mun.missing') : o.fmt(r.value);
		return [
			{
				ehak_code: r.ehak_code,
				name: r.name,
				lat: m.lat,
				lon: m.lon,
				value: r.value,
				tooltip: t('mun.tooltip.map', { name: r.name, value })
			}
		];
	});
	if (!points.length) return null;
	return municipalityDotMap(points, {
		scheme: o.scheme,
		outline: ESTONIA_OUTLINE,
		higherIsBetter: o.info.higher_is_better,
		legendLabel: indicatorLabel(o.info.indicator, o.info.unit),
		selected: o.focus
	});
}

export function trendChart(
	trend: TrendRow[],
	o: {
		info: Indicator;
		years: number[];
		labels: Record<'municipality' | 'peer_median', string>;
		fmt: Format;
		scheme: Scheme;
	}
): Plot.PlotOptions | null {
	if (!trend.length || trend.every((r) => r.value === null && r.peer_median === null)) return null;
	const points: TrendPoint[] = trend.flatMap((r) =>
		(['municipality', 'peer_median'] as const).map((series) => {
			const value = series === 'municipality' ? r.value : r.peer_median;
			return {
				year: r.year,
				series,
				value,
				tooltip: t('mun.tooltip.trend', { series: o.labels[series], year: r.year, value: o.fmt(value) })
			};
		})
	);
	return municipalityTrend(points, {
		scheme: o.scheme,
		years: o.years,
		yLabel: indicatorLabel(o.info.indicator, o.info.unit),
		seriesLabels: o.labels,
		format: (v) => o.fmt(v),
		level: isLevelUnit(o.info.unit)
	});
}

export function compareChart(
	compared: CompareRow[],
	o: { names: string[]; focus: string | null; lang: Lang; scheme: Scheme }
): Plot.PlotOptions | null {
	if (!compared.length) return null;
	const cells: CompareCell[] = compared.map((r) => {
		const value = formatValue(r.value, r.unit, o.lang);
		return {
			indicator: r.indicator,
			facetLabel: `${indicatorLabel(r.indicator, r.unit)} ${r.higher_is_better ? '↑' : '↓'}`,
			ehak_code: r.ehak_code,
			name: r.name,
			value: r.value,
			rank: r.rank,
			label: r.value === null ? '–' : t('mun.compareLabel', { value, rank: r.rank ?? '–' }),
			tooltip: t('mun.tooltip.compare', {
				name: r.name,
				indicator: r.indicator,
				value,
				rank: `${r.rank ?? '–'}/${r.ranked}`
			})
		};
	});
	return municipalityCompare(cells, {
		scheme: o.scheme,
		names: o.names,
		nationalMedian: Object.fromEntries(compared.map((r) => [r.indicator, r.national_median])),
		selected: o.focus,
		width: 900
	});
}
