/**
 * Service levels scored 0–9 (the Ministry of Finance's minuomavalitsus.ee: each service domain gets
 * an integer level, higher is better, the base criteria met → at least 3). Recognised by the unit;
 * drawn on a fixed 0–9 axis with integer ticks and shown without decimals.
 */
export const LEVEL_MIN = 0;
export const LEVEL_MAX = 9;

/** `tase` (Estonian "level"), `level`, `0–9`, `punkti (0–9)`. */
export function isLevelUnit(unit: string | null | undefined): boolean {
	return /^(tase|taset|level|0\s*[–-]\s*9|(punkti|points)\s*\(0\s*[–-]\s*9\))$/i.test((unit ?? '').trim());
}

/** The value axis of a level: 0–9 (further only if a file holds a larger value), a tick per level. */
export function levelAxis(values: number[]): { domain: [number, number]; ticks: number[] } {
	const max = Math.max(LEVEL_MAX, ...values.filter((v) => Number.isFinite(v)).map((v) => Math.ceil(v)));
	return {
		domain: [LEVEL_MIN, max],
		ticks: Array.from({ length: max - LEVEL_MIN + 1 }, (_, i) => LEVEL_MIN + i)
	};
}
