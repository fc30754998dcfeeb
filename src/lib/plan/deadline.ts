import type { Deadline } from '$lib/types';

/**
 * Deadline text (`Tähtaeg`) → the largest 4-digit year, whether it was extended
 * (`(tähtaeg pikendatud)`) and whether it recurs every year (`igaaastane`). metrics.md "Deadline".
 */
export function parseDeadline(text: string): Deadline {
	const years = [...(text ?? '').matchAll(/\b(\d{4})\b/g)].map((m) => Number(m[1]));
	const lower = (text ?? '').toLocaleLowerCase('et');
	return {
		year: years.length ? Math.max(...years) : null,
		extended: /pikendatud/u.test(lower),
		recurring: /iga\s*-?\s*aastane/u.test(lower)
	};
}
