/**
 * The data tables of the municipalities page (ui-contract hooks: `data-col` names and raw values).
 * `fmt` formats a value of the shown indicator, `fmtSigned` a difference of it.
 */
import { formatNumber, t, type Lang } from '$lib/i18n/index.svelte';
import type { TableColumn } from '$lib/components/table';
import { formatValue } from './format';
import type { CompareRow, RankingRow, TrendRow } from './model';

type Fmt = (v: number | null | undefined) => string;
/** Where a municipality's name links to (its profile, with the page's choices). */
export type LinkTo = (ehak_code: string) => string;

/** A municipality's name, linking to its profile. */
export function nameColumn<R extends { ehak_code: string; name: string }>(link: LinkTo): TableColumn<R> {
	return { col: 'name', label: t('mun.col.name'), raw: (r) => r.name, href: (r) => link(r.ehak_code) };
}

/** A numeric column whose label key is `mun.col.<label>` and whose value is the row's field `col`. */
function numeric<R, K extends keyof R & string>(col: K, format: Fmt, label: string = col): TableColumn<R> {
	return {
		col,
		label: t(`mun.col.${label}`),
		raw: (r) => r[col] as number | null,
		format: (r) => format(r[col] as number | null),
		numeric: true
	};
}

export function rankingColumns(
	fmt: Fmt,
	fmtSigned: Fmt,
	lang: Lang,
	link: LinkTo
): TableColumn<RankingRow>[] {
	return [
		nameColumn(link),
		{ col: 'county', label: t('mun.col.county'), raw: (r) => r.county },
		{
			col: 'population',
			label: t('mun.col.population'),
			raw: (r) => r.population,
			format: (r) => formatNumber(r.population, lang),
			numeric: true
		},
		numeric('value', fmt),
		{
			col: 'rank',
			label: t('mun.col.rank'),
			raw: (r) => r.rank,
			format: (r) => (r.rank === null ? '–' : String(r.rank)),
			numeric: true
		},
		numeric('peer_median', fmt),
		numeric('diff_from_peer_median', fmtSigned, 'diff'),
		numeric('change', fmtSigned)
	];
}

export function mapColumns(fmt: Fmt, link: LinkTo): TableColumn<RankingRow>[] {
	return [nameColumn(link), numeric('value', fmt)];
}

export function trendColumns(fmt: Fmt): TableColumn<TrendRow>[] {
	return [
		{ col: 'year', label: t('mun.col.year'), raw: (r) => r.year },
		numeric('value', fmt),
		numeric('peer_median', fmt)
	];
}

export function compareColumns(lang: Lang, link: LinkTo): TableColumn<CompareRow>[] {
	return [
		{ col: 'indicator', label: t('mun.col.indicator'), raw: (r) => r.indicator },
		nameColumn(link),
		{
			col: 'value',
			label: t('mun.col.value'),
			raw: (r) => r.value,
			format: (r) => formatValue(r.value, r.unit, lang),
			numeric: true
		},
		{
			col: 'rank',
			label: t('mun.col.rank'),
			raw: (r) => r.rank,
			format: (r) => (r.rank === null ? '–' : `${r.rank} / ${r.ranked}`),
			numeric: true
		},
		{
			col: 'national_median',
			label: t('mun.col.national_median'),
			raw: (r) => r.national_median,
			format: (r) => formatValue(r.national_median, r.unit, lang),
			numeric: true
		}
	];
}
