/** Owner organisations of the plan (metrics.md "Owners"), with full names for tooltips. */
export const ORGANISATIONS: Record<string, { et: string; en: string }> = {
	RM: { et: 'Rahandusministeerium', en: 'Ministry of Finance' },
	HTM: { et: 'Haridus- ja Teadusministeerium', en: 'Ministry of Education and Research' },
	KeM: { et: 'Keskkonnaministeerium', en: 'Ministry of the Environment' },
	KuM: { et: 'Kultuuriministeerium', en: 'Ministry of Culture' },
	MeM: { et: 'Maaeluministeerium', en: 'Ministry of Rural Affairs' },
	MKM: {
		et: 'Majandus- ja Kommunikatsiooniministeerium',
		en: 'Ministry of Economic Affairs and Communications'
	},
	SiM: { et: 'Siseministeerium', en: 'Ministry of the Interior' },
	SoM: { et: 'Sotsiaalministeerium', en: 'Ministry of Social Affairs' },
	JuM: { et: 'Justiitsministeerium', en: 'Ministry of Justice' },
	ELVL: {
		et: 'Eesti Linnade ja Valdade Liit',
		en: 'Association of Estonian Cities and Rural Municipalities'
	},
	RTK: { et: 'Riigi Tugiteenuste Keskus', en: 'State Shared Service Centre' },
	RK: { et: 'Riigikantselei', en: 'Government Office' },
	Ministeeriumid: { et: 'Ministeeriumid (koondina)', en: 'Ministries (collectively)' },
	Ülikoolid: { et: 'Ülikoolid', en: 'Universities' }
};

export const COLLECTIVE_MINISTRIES = 'Ministeeriumid';
export const COLLECTIVE_UNIVERSITIES = 'Ülikoolid';

const BY_LOWER = new Map(Object.keys(ORGANISATIONS).map((code) => [code.toLocaleLowerCase('et'), code]));

/** The canonical spelling of a known organisation code (`SOM` → `SoM`), or null when unknown. */
export function knownOrganisation(code: string): string | null {
	return BY_LOWER.get(code.trim().toLocaleLowerCase('et')) ?? null;
}

export function isKnownOrganisation(code: string): boolean {
	return knownOrganisation(code) !== null;
}

export function organisationName(code: string, lang: 'et' | 'en'): string {
	return ORGANISATIONS[code]?.[lang] ?? code;
}
