/**
 * CSV for spreadsheets: UTF-8 with BOM (Excel then opens Estonian letters correctly), `;`-free RFC 4180
 * with `,`, and the formula-injection guard: a cell starting with = + - @ tab or CR gets a leading `'`
 * (data-contract "Text is data").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const s = String(value);
	return FORMULA_START.test(s) ? `'${s}` : s;
}

function quote(s: string): string {
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
	const lines = [header, ...rows].map((r) => r.map((v) => quote(guardCell(v))).join(','));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
