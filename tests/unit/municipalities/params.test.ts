import { describe, it, expect } from 'vitest';
import { readMunicipalityView } from '../../../src/routes/municipalities/params';
import type { IndicatorInfo } from '$lib/queries/municipalities';
import type { Municipality } from '$lib/types';

const municipalities: Municipality[] = [
	{
		ehak_code: '0784',
		name: 'Tallinn',
		type: 'linn',
		county: 'Harju maakond',
		population: 457000,
		lat: null,
		lon: null
	},
	{
		ehak_code: '0141',
		name: 'Anija vald',
		type: 'vald',
		county: 'Harju maakond',
		population: 6400,
		lat: null,
		lon: null
	}
];
const indicator = (name: string, years: number[]): IndicatorInfo => ({
	indicator: name,
	domain: 'haridus',
	unit: '%',
	higher_is_better: true,
	years
});
const view = (query: string, indicators: IndicatorInfo[]) =>
	readMunicipalityView(new URLSearchParams(query), 2025, indicators, municipalities);

describe('the training-reach years (from, to) of /municipalities', () => {
	it('default to the plan’s first year with data and the latest year', () => {
		const v = view('', [indicator('Lasteaiakohtade täituvus', [2021, 2022, 2023, 2024])]);
		expect([v.reachFrom, v.reachTo]).toEqual([2022, 2024]);
		expect(v.issues).toEqual([]);
	});

	it('an indicator with one year (a first import): no `from`, and no notice about a parameter nobody set', () => {
		const v = view('', [indicator('Õpetajate osakaal kvalifikatsiooniga (%)', [2024])]);
		expect([v.reachFrom, v.reachTo]).toEqual([null, 2024]);
		expect(v.issues).toEqual([]);
	});

	it('a `from` the URL names that is not before `to` is reported and replaced by an earlier year', () => {
		const v = view('from=2024&to=2023', [indicator('Lasteaiakohtade täituvus', [2021, 2022, 2023, 2024])]);
		expect(v.issues).toEqual([{ param: 'from', value: '2024' }]);
		expect([v.reachFrom, v.reachTo]).toEqual([2021, 2023]);
	});

	it('a year the indicator lacks is reported as it was written', () => {
		const v = view('from=1999&to=kaks', [indicator('Lasteaiakohtade täituvus', [2022, 2023, 2024])]);
		expect(v.issues).toEqual([
			{ param: 'from', value: '1999' },
			{ param: 'to', value: 'kaks' }
		]);
		expect([v.reachFrom, v.reachTo]).toEqual([2022, 2024]);
	});
});
