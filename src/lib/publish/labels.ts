/** Labels of the data sources (publishing.md "Three sources, always labelled"): pure, unit-tested. */
export type DataSource = 'published' | 'sample' | 'local';

/** `<html data-source>`: local wins when there is any local import; null while still unknown. */
export function dataSource(
	localImports: number,
	published: 'unknown' | 'none' | 'ok' | 'error'
): DataSource | null {
	if (localImports > 0) return 'local';
	if (published === 'ok' || published === 'error') return 'published';
	if (published === 'none') return 'sample';
	return null;
}

/** DD.MM.YYYY of an ISO timestamp, in the reader's time zone (the spec's label form, both languages). */
export function labelDate(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	const p = (n: number) => String(n).padStart(2, '0');
	return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** DD.MM.YYYY HH:MM (the pending-drafts notice compares two publications, often of one day). */
export function labelDateTime(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	const p = (n: number) => String(n).padStart(2, '0');
	return `${labelDate(iso)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
