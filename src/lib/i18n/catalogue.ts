import { common } from './messages/common';
import { overview } from './messages/overview';
import { activities } from './messages/activities';
import { trainings } from './messages/trainings';
import { municipalities } from './messages/municipalities';
import { importPage } from './messages/importPage';
import { dataQuality } from './messages/dataQuality';
import { report } from './messages/report';
import { publish } from './messages/publish';

/**
 * The message catalogue: Estonian (default) and English. Each area keeps its strings in
 * messages/<area>.ts; a key missing from the English side fails the type check below.
 */
const areas = [
	common,
	overview,
	activities,
	trainings,
	municipalities,
	importPage,
	dataQuality,
	report,
	publish
] as const;

export type Lang = 'et' | 'en';
export const LANGS: Lang[] = ['et', 'en'];

type EtKeys<A> = A extends { et: infer E } ? keyof E : never;
export type MessageKey = EtKeys<(typeof areas)[number]> & string;

export const catalogue: Record<Lang, Record<string, string>> = {
	et: Object.assign({}, ...areas.map((a) => a.et)),
	en: Object.assign({}, ...areas.map((a) => a.en))
};

export function isLang(value: unknown): value is Lang {
	return value === 'et' || value === 'en';
}

/** Look up a message and fill `{name}` placeholders. Falls back to Estonian, then to the key. */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
	const text = catalogue[lang][key] ?? catalogue.et[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
