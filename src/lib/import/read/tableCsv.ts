/**
 * The table as the reader understood it, as UTF-8 RFC 4180 CSV (`,` and `"`, LF line ends): what
 * `kov read --out` writes and what the Pollock benchmark (bench/pollock) scores. A cell is quoted
 * when it holds `,` `"` or a line break, or has spaces at either end (so they survive a reader
 * that trims). An empty table (no columns) is an empty file.
 */
export function tableCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	if (header.length === 0 && rows.length === 0) return '';
	const quote = (s: string) => (/[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
	return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}
