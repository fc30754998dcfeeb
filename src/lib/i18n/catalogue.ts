import { common } from './messages/common';
import { overview } from './messages/overview';
import { activities } from './messages/activities';
import { trainings } from './messages/trainings';
import { municipalities } from './messages/municipalities';
import { importPage } from './messages/importPage';
import { importCorrections } from './messages/importCorrections';
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
	importCorrections,
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

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * The message's singular, `<key>.one`, where the language has one and `{n}` is a count the
 * language's plural rules call "one" ("Save the 1 row", not "1 rows"). Estonian needs it too where
 * the noun's cases differ: one takes the nominative, other numerals the partitive ("1 omavalitsus",
 * "2 omavalitsust"; "rida" is the same in both).
 */
function singular(lang: Lang, key: string, params: Record<string, string | number>): string | undefined {
	const one = catalogue[lang][`${key}.one`];
	if (one === undefined || !('n' in params)) return undefined;
	const n = Number(params.n);
	if (!Number.isFinite(n)) return undefined;
	let rules = pluralRules.get(lang);
	if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
	return rules.select(n) === 'one' ? one : undefined;
}

/**
 * Look up a message and fill `{name}` placeholders. Falls back to Estonian, then to the key; a count
 * of one takes the message's singular where there is one.
 */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
	const text = singular(lang, key, params) ?? catalogue[lang][key] ?? catalogue.et[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
