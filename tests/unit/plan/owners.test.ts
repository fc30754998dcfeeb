import { describe, it, expect } from 'vitest';
import { parseOwners, splitTopLevel } from '$lib/plan';
import { COLUMN, planColumn } from './planColumns';

const MINISTRIES = ['HTM', 'KeM', 'KuM', 'MeM', 'MKM', 'SiM', 'SoM'];
const MIN_LIST = 'Ministeeriumid (HTM, KeM, KuM, MeM, MKM, SiM, SoM)';
const MIN_LIST_JT = 'Ministeeriumid (HTM, KeM, KuM, MeM, MKM, SiM, SoM jt)';

/**
 * Every Peavastutaja (lead owner) and Kaasvastutajad (co-owners) of the plan, with the organisations
 * worked out by hand from metrics.md "Owners".
 */
const PLAN_OWNERS: [
	nr: string,
	peavastutaja: string,
	lead: string[],
	kaasvastutajad: string,
	co: string[]
][] = [
	['1.1.1', 'RM (KOVPO)', ['RM'], MIN_LIST, MINISTRIES],
	['1.1.2', MIN_LIST_JT, MINISTRIES, '', []],
	['1.1.3', 'RM (KOVPO, KOV)', ['RM'], MIN_LIST, MINISTRIES],
	['1.1.4.', 'RM (REGO, KOVPO)', ['RM'], 'Ministeeriumid', ['Ministeeriumid']],
	['1.1.5', 'RM (RIHATO)', ['RM'], 'RM (REPO), RTK', ['RM', 'RTK']],
	['1.2.1', 'RM (KOVPO, RIHATO), ELVL, RTK', ['RM', 'ELVL', 'RTK'], MIN_LIST, MINISTRIES],
	['1.2.2', 'ELVL', ['ELVL'], 'RM (REPO, RIHATO)', ['RM']],
	['1.2.3', 'ELVL', ['ELVL'], 'RM (REPO, RIHATO)', ['RM']],
	['1.2.4', MIN_LIST, MINISTRIES, 'RTK', ['RTK']],
	['2.1.1', 'RM (KOVPO, KOV)', ['RM'], MIN_LIST, MINISTRIES],
	['2.2.1', 'RM (KOVPO)', ['RM'], MIN_LIST, MINISTRIES],
	['2.2.2', MIN_LIST, MINISTRIES, '', []],
	['2.3.1', MIN_LIST, MINISTRIES, '', []],
	['2.3.2', MIN_LIST, MINISTRIES, '', []],
	['2.4.1', `${MIN_LIST_JT}, ELVL`, [...MINISTRIES, 'ELVL'], 'Ülikoolid', ['Ülikoolid']],
	['2.5.1', 'ELVL', ['ELVL'], 'RM', ['RM']],
	['2.5.2', 'ELVL', ['ELVL'], 'RM', ['RM']],
	['2.5.3', 'ELVL', ['ELVL'], 'RM', ['RM']],
	['2.5.4', 'ELVL', ['ELVL'], MIN_LIST_JT, MINISTRIES],
	['2.5.5', 'ELVL', ['ELVL'], 'RM', ['RM']],
	['2.5.6', 'ELVL', ['ELVL'], 'RM, ministeeriumid', ['RM', 'Ministeeriumid']],
	['2.5.7', 'ELVL', ['ELVL'], 'RM (RIHATO), RK (metoodiline tugi)', ['RM', 'RK']],
	['2.5.8', 'ELVL', ['ELVL'], 'RM', ['RM']],
	['2.6.1', 'RM', ['RM'], 'RM', ['RM']],
	['2.6.2', 'RM, RTK', ['RM', 'RTK'], 'ELVL', ['ELVL']],
	['2.6.3', 'RM, RTK', ['RM', 'RTK'], MIN_LIST, MINISTRIES],
	['3.1.1', 'RM (RIHATO)', ['RM'], 'RM, ELVL', ['RM', 'ELVL']],
	['3.1.2', 'ELVL', ['ELVL'], MIN_LIST_JT, MINISTRIES],
	['3.1.3', 'RM (KOVPO, REGO), ELVL', ['RM', 'ELVL'], MIN_LIST_JT, MINISTRIES],
	['3.1.4', 'RK Tippjuhtide Kompetentsikeskus', ['RK'], 'RM, RTK', ['RM', 'RTK']],
	['3.2.1.', 'RM, SOM, SiM', ['RM', 'SoM', 'SiM'], 'ELVL, JuM', ['ELVL', 'JuM']],
	['3.2.2', MIN_LIST_JT, MINISTRIES, 'ELVL', ['ELVL']],
	[
		'3.3.1',
		'RM (KOVPO)',
		['RM'],
		'Ministeeriumid (HTM, SoM, KeM, KuM, MKM jt)',
		['HTM', 'SoM', 'KeM', 'KuM', 'MKM']
	],
	['3.3.2', MIN_LIST_JT, MINISTRIES, MIN_LIST_JT, MINISTRIES],
	['3.3.2.1', 'MKM', ['MKM'], 'ELVL', ['ELVL']],
	[
		'3.3.2.2',
		'RM, MKM, HTM, SoM, KeM',
		['RM', 'MKM', 'HTM', 'SoM', 'KeM'],
		'teised ministeeriumid',
		['Ministeeriumid']
	],
	['3.3.2.3', 'RM', ['RM'], MIN_LIST_JT, MINISTRIES],
	['3.3.2.4', 'RM', ['RM'], 'MKM, MeM', ['MKM', 'MeM']],
	['3.3.2.5', 'KeM', ['KeM'], 'MKM, HTM jt ministeeriumid', ['MKM', 'HTM', 'Ministeeriumid']],
	['3.3.2.6', 'RM', ['RM'], MIN_LIST_JT, MINISTRIES],
	['4.1.1', 'RM (KOV)', ['RM'], MIN_LIST_JT, MINISTRIES],
	['4.1.2', 'RM (KOV)', ['RM'], MIN_LIST_JT, MINISTRIES]
];

describe('parseOwners(text) on every Peavastutaja and Kaasvastutajad of the plan', () => {
	it('the table holds the 42 activities and their Peavastutaja exactly as the plan writes them', () => {
		expect(PLAN_OWNERS.map(([nr, lead]) => [nr, lead])).toEqual(planColumn(COLUMN.peavastutaja));
	});
	it('the table holds the 42 activities and their Kaasvastutajad exactly as the plan writes them', () => {
		expect(PLAN_OWNERS.map(([nr, , , co]) => [nr, co])).toEqual(planColumn(COLUMN.kaasvastutajad));
	});
	it.each(PLAN_OWNERS)('%s: lead owner %j → %j', (_nr, text, lead) => {
		expect(parseOwners(text)).toEqual(lead);
	});
	it.each(PLAN_OWNERS.map(([nr, , , text, co]) => [nr, text, co] as const))(
		'%s: co-owners %j → %j',
		(_nr, text, co) => {
			expect(parseOwners(text)).toEqual(co);
		}
	);
});

describe('splitTopLevel(text)', () => {
	it('splits on commas outside parentheses only', () => {
		expect(splitTopLevel('RM (KOVPO, RIHATO), ELVL, RTK')).toEqual(['RM (KOVPO, RIHATO)', 'ELVL', 'RTK']);
	});
	it('drops empty parts and trims the rest', () => {
		expect(splitTopLevel(' RM ,, ELVL , ')).toEqual(['RM', 'ELVL']);
	});
});

describe('parseOwners(text)', () => {
	it('takes the organisation of X (A, B) and drops its units', () => {
		expect(parseOwners('RM (KOVPO, RIHATO)')).toEqual(['RM']);
	});
	it('makes each ministry listed in Ministeeriumid (…) an owner', () => {
		expect(parseOwners('Ministeeriumid (HTM, KeM)')).toEqual(['HTM', 'KeM']);
	});
	it('drops jt (and others) standing alone in the list', () => {
		expect(parseOwners('Ministeeriumid (HTM, SoM, jt)')).toEqual(['HTM', 'SoM']);
	});
	it('keeps bare Ministeeriumid as one collective owner, in any case', () => {
		expect([parseOwners('Ministeeriumid'), parseOwners('ministeeriumid')]).toEqual([
			['Ministeeriumid'],
			['Ministeeriumid']
		]);
	});
	it('reads teised ministeeriumid as the collective Ministeeriumid', () => {
		expect(parseOwners('teised ministeeriumid')).toEqual(['Ministeeriumid']);
	});
	it('reads MKM, HTM jt ministeeriumid as the listed codes plus Ministeeriumid', () => {
		expect(parseOwners('MKM, HTM jt ministeeriumid')).toEqual(['MKM', 'HTM', 'Ministeeriumid']);
	});
	it('normalises the case of known codes', () => {
		expect(parseOwners('SOM, rm, Elvl, mkm')).toEqual(['SoM', 'RM', 'ELVL', 'MKM']);
	});
	it('reads RK Tippjuhtide Kompetentsikeskus as RK', () => {
		expect(parseOwners('RK Tippjuhtide Kompetentsikeskus')).toEqual(['RK']);
	});
	it('keeps Ülikoolid as one collective owner', () => {
		expect(parseOwners('ülikoolid')).toEqual(['Ülikoolid']);
	});
	it('keeps an unknown organisation as written', () => {
		expect(parseOwners('Maa-amet, Töötukassa (piirkondlikud osakonnad)')).toEqual(['Maa-amet', 'Töötukassa']);
	});
	it('lists an organisation named twice only once', () => {
		expect(parseOwners('RM (REPO), RM (RIHATO)')).toEqual(['RM']);
	});
	it('gives no owners for an empty text', () => {
		expect(parseOwners('')).toEqual([]);
	});
});
