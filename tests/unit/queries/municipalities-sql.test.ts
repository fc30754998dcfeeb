import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createNodeConnector } from '../../../src/lib/db/nodeConnector';
import { createSchemaSql, TABLES } from '../../../src/lib/db/schema';
import { loadIndicatorRows, loadIndicators } from '../../../src/lib/queries/municipalities';
import type { ServiceLevelRow } from '../../../src/lib/types';

type Conn = Awaited<ReturnType<typeof createNodeConnector>>;
let conn: Conn;

const row = (o: Partial<ServiceLevelRow> & Pick<ServiceLevelRow, 'ehak_code' | 'year' | 'indicator'>) => ({
	domain: 'Haridus',
	value: 1,
	unit: '%',
	higher_is_better: true,
	...o
});
/** Indicators of real-looking service levels, with the disagreements an imported file may have. */
const ROWS: ServiceLevelRow[] = [
	// the unit changed: the latest year's wins; 2021 has only a missing value (not among the years)
	row({
		ehak_code: '0784',
		year: 2021,
		indicator: 'Lasteaiakohtade täituvus',
		value: null,
		unit: 'protsent'
	}),
	row({
		ehak_code: '0784',
		year: 2022,
		indicator: 'Lasteaiakohtade täituvus',
		value: 91.5,
		unit: 'protsent'
	}),
	row({ ehak_code: '0653', year: 2023, indicator: 'Lasteaiakohtade täituvus', value: 97.2 }),
	row({ ehak_code: '0784', year: 2023, indicator: 'Lasteaiakohtade täituvus', value: 95 }),
	// lower is better, stated only in the latest year; no domain
	row({
		ehak_code: '0784',
		year: 2022,
		indicator: 'Ehituslubade menetlusaeg',
		domain: null,
		unit: 'päeva',
		value: 30
	}),
	row({
		ehak_code: '0784',
		year: 2024,
		indicator: 'Ehituslubade menetlusaeg',
		domain: null,
		unit: 'päeva',
		value: 23.5,
		higher_is_better: false
	}),
	row({
		ehak_code: '0653',
		year: 2024,
		indicator: 'Ametnike arv',
		domain: 'Personal',
		unit: 'arv',
		value: 64
	})
];

beforeAll(async () => {
	conn = await createNodeConnector();
	await conn.exec(createSchemaSql());
	const names = TABLES.service_levels.map((c) => c.name);
	await conn.insertColumns(
		'service_levels',
		TABLES.service_levels,
		Object.fromEntries(
			names.map((n) => [n, ROWS.map((r) => (n === 'source' ? 'test' : r[n as keyof ServiceLevelRow]))])
		)
	);
});
afterAll(() => conn.close());

/** The indicator list by its definition: per indicator, the latest year's row; years with a value. */
function expected() {
	const by = new Map<string, ServiceLevelRow[]>();
	for (const r of ROWS) by.set(r.indicator, [...(by.get(r.indicator) ?? []), r]);
	return [...by.entries()]
		.map(([indicator, rows]) => {
			const latest = rows.reduce((a, b) => (b.year > a.year ? b : a));
			return {
				indicator,
				domain: latest.domain,
				unit: latest.unit,
				higher_is_better: latest.higher_is_better,
				years: [...new Set(rows.filter((r) => r.value !== null).map((r) => r.year))].sort()
			};
		})
		.sort((a, b) =>
			a.domain === b.domain
				? a.indicator < b.indicator
					? -1
					: 1
				: a.domain === null
					? 1
					: b.domain === null
						? -1
						: a.domain < b.domain
							? -1
							: 1
		);
}

describe('loadIndicators(conn) — the indicator list of the municipality page', () => {
	it('takes the latest year’s domain, unit and direction, and lists only years with a value', async () => {
		const list = await loadIndicators(conn);
		expect(list).toEqual(expected());
		expect(list.find((i) => i.indicator === 'Lasteaiakohtade täituvus')?.years).toEqual([2022, 2023]);
	});
});

describe('loadIndicatorRows(conn, info) — one indicator, every year', () => {
	it('returns the indicator’s rows by year and municipality with its own unit and direction', async () => {
		const info = (await loadIndicators(conn)).find((i) => i.indicator === 'Ehituslubade menetlusaeg')!;
		const rows = await loadIndicatorRows(conn, info);
		const want = ROWS.filter((r) => r.indicator === info.indicator)
			.sort((a, b) => a.year - b.year || (a.ehak_code < b.ehak_code ? -1 : 1))
			.map((r) => ({ ...r, unit: info.unit, domain: info.domain, higher_is_better: info.higher_is_better }));
		expect(rows).toEqual(want);
		expect(rows.every((r) => r.higher_is_better === false)).toBe(true);
	});
});
