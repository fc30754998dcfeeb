/** The plan's four strategic directions (Strateegiline suund), Estonian names as in the plan. */
export const DIRECTION_NAMES_ET: Record<number, string> = {
	1: 'KOV inimvara arendamise süsteemsus ning seotus strateegilise juhtimise ja poliitikakujundamisega',
	2: 'Koostöö ja koordineerimine inimvara arendamisel',
	3: 'Keskelt KOV inimvara arendamise toetamine',
	4: 'Tegevuskava seire ja uuendamine'
};

export const DIRECTION_NAMES_EN: Record<number, string> = {
	1: 'Systematic HR development linked to strategic management and policy-making',
	2: 'Cooperation and coordination in HR development',
	3: 'Central support for local-government HR development',
	4: 'Monitoring and updating the action plan'
};

export function directionName(direction: number, lang: 'et' | 'en'): string {
	return (lang === 'en' ? DIRECTION_NAMES_EN : DIRECTION_NAMES_ET)[direction] ?? String(direction);
}
