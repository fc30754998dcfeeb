import { describe, it, expect } from 'vitest';
import {
	coverageGrid,
	coverageHeatmap,
	coverageLines,
	shortLabel,
	type CoverageCell
} from '../../../src/lib/charts/coverageHeatmap';
import { chaseListCsv } from '../../../src/lib/export/chaseList';
import type { MissingReport } from '../../../src/lib/metrics/missingReports';

interface MarkLike {
	data: unknown[];
	transform?: (data: unknown[], facets: Uint32Array[]) => { facets: Uint32Array[] };
	initializer?: (data: unknown[], facets: Uint32Array[]) => { facets: Uint32Array[] };
	channels: Record<string, { value: unknown } | undefined>;
}
const marks = (o: { marks?: unknown }) => (o.marks as unknown[]).flat() as MarkLike[];

const INDICATOR = 'Kvalifikatsioonile vastavate õpetajate osakaal (%)';

describe('coverageGrid(counts)', () => {
	const grid = coverageGrid([
		{ row: INDICATOR, year: 2021, n: 79 },
		{ row: INDICATOR, year: 2024, n: 70 },
		{ row: 'Personali voolavus (%)', year: 2022, n: 0 }
	]);
	it('spans every year from the first to the last, a year with no data included', () => {
		expect(grid.years).toEqual([2021, 2022, 2023, 2024]);
		expect(grid.rows).toEqual([
			'Kvalifikatsioonile vastavate õpetajate osakaal (%)',
			'Personali voolavus (%)'
		]);
	});
	it('fills every row × year; no data and a count of 0 are both missing (null), never 0', () => {
		expect(grid.cells).toHaveLength(8);
		const at = (row: string, year: number) => grid.cells.find((c) => c.row === row && c.year === year)?.n;
		expect([at(INDICATOR, 2021), at(INDICATOR, 2022), at(INDICATOR, 2024)]).toEqual([79, null, 70]);
		expect(at('Personali voolavus (%)', 2022)).toBeNull();
		expect(grid.cells.some((c) => c.n === 0)).toBe(false);
	});
	it('is empty for no counts', () => {
		expect(coverageGrid([])).toEqual({ rows: [], years: [], cells: [] });
	});
});

describe('coverageHeatmap(cells, opts)', () => {
	const cells: CoverageCell[] = [
		{ row: 'ELVL', year: 2021, n: null },
		{ row: 'ELVL', year: 2022, n: 10 },
		{ row: 'RTK', year: 2021, n: 5 },
		{ row: 'RTK', year: 2022, n: 1 }
	];
	const options = coverageHeatmap(cells, {
		scheme: 'light',
		rows: ['ELVL', 'RTK'],
		years: [2021, 2022],
		title: (c) => `${c.row} ${c.year}: ${c.n ?? 'no data'}`
	});
	const [hollow, dash, filled, lightText, darkText] = marks(options);
	/** The cells a mark keeps after its `filter` (a transform, or for a cell an initializer in Plot). */
	const keep = (m: MarkLike) => {
		const index = Uint32Array.from(cells.keys());
		const filter = m.transform ?? m.initializer;
		const out = filter ? filter(cells, [index]) : { facets: [index] };
		return [...out.facets[0]].map((i) => cells[i]);
	};
	it('every mark reads the same cells (a click index is an index into them)', () => {
		for (const m of marks(options)) expect(m.data).toBe(cells);
	});
	it('draws a missing cell hollow with a dash, and only missing cells so', () => {
		expect(keep(hollow)).toEqual([cells[0]]);
		expect(keep(dash)).toEqual([cells[0]]);
	});
	it('fills the present cells by count and writes the count, white on the dark ones', () => {
		expect(keep(filled)).toEqual(cells.slice(1));
		expect(keep(darkText)).toEqual([cells[1]]);
		expect(keep(lightText)).toEqual([cells[2], cells[3]]);
	});
	it('colours from 0 to the given top (all municipalities), years on top, rows in the given order', () => {
		const top = coverageHeatmap(cells, {
			scheme: 'dark',
			rows: ['RTK', 'ELVL'],
			years: [2021, 2022],
			max: 79,
			title: String
		});
		expect(top.color).toMatchObject({ domain: [0, 79] });
		expect(top.x).toMatchObject({ domain: [2021, 2022], axis: 'top' });
		expect(top.y).toMatchObject({ domain: ['RTK', 'ELVL'] });
	});
	it('with a label width, rows are taller (two lines of a name) and an axis mark wraps the labels', () => {
		const base = { scheme: 'light' as const, rows: ['ELVL', 'RTK'], years: [2021, 2022], title: String };
		const plain = coverageHeatmap(cells, base);
		const wrapped = coverageHeatmap(cells, { ...base, labelWidth: 14 });
		expect(wrapped.marks).toHaveLength((plain.marks?.length ?? 0) + 1);
		expect((wrapped.height ?? 0) - 50).toBe(2 * 34);
		expect((plain.height ?? 0) - 50).toBe(2 * 30);
	});
});

describe('coverageLines(cells, rows)', () => {
	it('one line per row with each year’s count, missing as null', () => {
		expect(
			coverageLines(
				[
					{ row: 'RM', year: 2022, n: 1 },
					{ row: 'RM', year: 2023, n: null }
				],
				['RM']
			)
		).toEqual([{ row: 'RM', counts: { 2022: 1, 2023: null } }]);
	});
});

describe('shortLabel(text, max)', () => {
	it('keeps short labels and cuts long ones at a word with an ellipsis', () => {
		expect(shortLabel('Personali voolavus (%)', 22)).toBe('Personali voolavus (%)');
		expect(shortLabel(INDICATOR, 22)).toBe('Kvalifikatsioonile…');
		expect(shortLabel('Sotsiaaltöötajaid 1000 elaniku kohta', 22)).toBe('Sotsiaaltöötajaid…');
		expect(shortLabel('Sotsiaaltöötajaid 1000 elaniku kohta', 23)).toBe('Sotsiaaltöötajaid 1000…');
	});
});

describe('chaseListCsv(rows, year, labels)', () => {
	const report = (
		activity_id: string,
		lead_owners: string[],
		o: Partial<MissingReport> = {}
	): MissingReport => ({
		activity_id,
		title: `Tegevus ${activity_id}; "alapealkiri"`,
		lead_owners,
		last_report_year: null,
		status_prev: 'not_reported',
		recurring: false,
		deadline_year: 2025,
		seq: 0,
		...o
	});
	const csv = chaseListCsv(
		[
			report('1.2.1', ['ELVL', 'RM', 'RTK'], { last_report_year: 2024, status_prev: 'at_risk' }),
			report('2.5.8', ['ELVL'])
		],
		2025,
		{
			header: {
				owner: 'Peavastutaja',
				owner_name: 'Organisatsioon',
				activity_id: 'Tegevuse nr',
				title: 'Tegevus',
				year: 'Aruanne aastaks',
				last_report_year: 'Viimane aruanne',
				status_prev: 'Seis 2024'
			},
			ownerName: (c) => `Nimi ${c}`,
			status: (s) => s.toUpperCase()
		}
	);
	it('is UTF-8 with a BOM, `;`-separated, CRLF, one line per owner and activity, most owed owner first', () => {
		expect(
			csv.startsWith(
				'\uFEFFPeavastutaja;Organisatsioon;Tegevuse nr;Tegevus;Aruanne aastaks;Viimane aruanne;Seis 2024\r\n'
			)
		).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n').slice(1);
		expect(lines).toEqual([
			'ELVL;Nimi ELVL;1.2.1;"Tegevus 1.2.1; ""alapealkiri""";2025;2024;AT_RISK',
			'ELVL;Nimi ELVL;2.5.8;"Tegevus 2.5.8; ""alapealkiri""";2025;;NOT_REPORTED',
			'RM;Nimi RM;1.2.1;"Tegevus 1.2.1; ""alapealkiri""";2025;2024;AT_RISK',
			'RTK;Nimi RTK;1.2.1;"Tegevus 1.2.1; ""alapealkiri""";2025;2024;AT_RISK'
		]);
	});
});
