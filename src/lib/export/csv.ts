/**
 * CSV for spreadsheets: UTF-8 with BOM (Excel then opens Estonian letters correctly), RFC 4180 with `,`
 * (or `;`, which Excel with Estonian regional settings splits on), and the formula-injection guard: a cell starting with = + - @ tab or CR gets a leading `'`
 * (data-contract "Text is data").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const s = String(value);
	return FORMULA_START.test(s) ? `'${s}` : s;
}

function quote(s: string, delimiter: string): string {
	return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][], delimiter: ',' | ';' = ','): string {
	const lines = [header, ...rows].map((r) => r.map((v) => quote(guardCell(v), delimiter)).join(delimiter));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
