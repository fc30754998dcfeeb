import type { Status } from '$lib/types';
import { normalizeHeader } from '../read/values';

/** Status words owners write (data-contract "progress"), case-insensitive. */
const ALIASES: Record<Status, string[]> = {
	not_started: ['not_started', 'not started', 'alustamata', 'pole alustatud', 'alustamata/planeeritud'],
	in_progress: ['in_progress', 'in progress', 'töös', 'pooleli', 'käimas', 'teostamisel'],
	at_risk: ['at_risk', 'at risk', 'riskis', 'ohus'],
	done: ['done', 'tehtud', 'täidetud', 'lõpetatud', 'valmis', 'täidetud/tehtud'],
	cancelled: ['cancelled', 'canceled', 'tühistatud', 'loobutud']
};

const LOOKUP = new Map<string, Status>();
for (const [status, words] of Object.entries(ALIASES) as [Status, string[]][]) {
	for (const w of words) LOOKUP.set(normalizeHeader(w), status);
}

export const ACCEPTED_STATUSES_ET = 'alustamata, töös, riskis, tehtud, tühistatud';
export const ACCEPTED_STATUSES_EN = 'not_started, in_progress, at_risk, done, cancelled';

export function parseStatus(text: string): Status | undefined {
	return LOOKUP.get(normalizeHeader(text));
}
