import { translate, type Lang, type MessageKey } from './catalogue';
export { formatNumber, formatPercent, formatDate, formatDateTime } from './format';
export { isLang, LANGS, type Lang, type MessageKey } from './catalogue';

/** The current language; set from `?lang=` by the root layout, remembered in localStorage. */
export const i18n = $state<{ lang: Lang }>({ lang: 'et' });

export function t(key: MessageKey | (string & {}), params?: Record<string, string | number>): string {
	return translate(i18n.lang, key, params);
}
