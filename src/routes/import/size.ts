import { formatNumber } from '$lib/i18n/index.svelte';
import type { Lang } from '$lib/i18n/catalogue';

/** A file size for the reader: megabytes in their number format. */
export function formatSize(bytes: number, lang: Lang): string {
	return `${formatNumber(bytes / 1024 / 1024, lang)} MB`;
}
