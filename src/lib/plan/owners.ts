import { COLLECTIVE_MINISTRIES, knownOrganisation } from './organisations';

/** Split on commas that are not inside parentheses. */
export function splitTopLevel(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of text) {
		if (ch === '(') depth++;
		if (ch === ')') depth = Math.max(0, depth - 1);
		if (ch === ',' && depth === 0) {
			parts.push(current);
			current = '';
		} else current += ch;
	}
	parts.push(current);
	return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

const ET_AND_OTHERS = /^(.*?)\s+jt\.?(\s+ministeeriumid)?$/iu;

/** One top-level owner entry → organisation codes. */
function entryOrganisations(entry: string): string[] {
	const paren = /^([^(]+?)\s*\((.*)\)\s*$/u.exec(entry);
	const head = (paren ? paren[1] : entry).trim();
	const lower = head.toLocaleLowerCase('et');

	if (lower === 'ministeeriumid' || lower === 'teised ministeeriumid') {
		if (!paren) return [COLLECTIVE_MINISTRIES];
		// `Ministeeriumid (HTM, KeM, …, jt)`: each listed ministry owns it; `jt` (and others) is dropped.
		return paren[2]
			.split(',')
			.map((s) => s.trim().replace(/\s+jt\.?$/iu, ''))
			.filter((s) => s.length > 0 && s.toLocaleLowerCase('et') !== 'jt')
			.map(canonicalCode);
	}
	const etc = ET_AND_OTHERS.exec(head);
	if (etc) {
		// `HTM jt ministeeriumid` (inside a comma list): the listed code plus the collective owner.
		return [canonicalCode(etc[1]), ...(etc[2] ? [COLLECTIVE_MINISTRIES] : [])];
	}
	// `RK Tippjuhtide Kompetentsikeskus`: a known code followed by a unit name.
	const firstWord = head.split(/\s+/)[0];
	if (knownOrganisation(head) === null && knownOrganisation(firstWord) !== null)
		return [canonicalCode(firstWord)];
	return [canonicalCode(head)];
}

function canonicalCode(code: string): string {
	return knownOrganisation(code) ?? code.trim();
}

/**
 * Owner text (`Peavastutaja`, `Kaasvastutajad`) → organisation codes, in order, without duplicates.
 * `RM (KOVPO, RIHATO), ELVL, RTK` → RM, ELVL, RTK. metrics.md "Owners".
 */
export function parseOwners(text: string): string[] {
	const codes: string[] = [];
	for (const entry of splitTopLevel(text ?? '')) {
		for (const code of entryOrganisations(entry)) if (!codes.includes(code)) codes.push(code);
	}
	return codes;
}

/** Stored owners (`HTM;KeM;SiM`) as the tables and lists say them: `HTM, KeM, SiM`. */
export function ownersText(stored: string | null | undefined): string {
	return (stored ?? '').split(';').join(', ');
}
