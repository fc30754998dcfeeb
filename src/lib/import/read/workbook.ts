/**
 * Workbooks (issue #18 "Workbooks"): an `.xlsx` file's sheets as tables of text, read by
 * `read-excel-file` (loaded only when a workbook arrives: it is not in the page's first JS). Cells
 * are taken as their values, not their display text: a number as JavaScript writes it (`1234.5`),
 * a date as `yyyy-mm-dd`, a boolean as `true`/`false`. A merged cell holds its value in its first
 * cell only, so a merged title above the header is one filled cell and is skipped like a CSV title
 * line. LibreOffice's `.ods` is recognised and refused with a message (the library reads `.xlsx`).
 */
export interface WorkbookSheet {
	name: string;
	rows: string[][];
}

export type WorkbookKind = 'xlsx' | 'ods';

/** A zip archive that is an `.xlsx` or `.ods` workbook (by its first entries). */
export function workbookKind(bytes: Uint8Array): WorkbookKind | null {
	if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
		return null;
	// An ODS file starts with its stored `mimetype` entry; an xlsx names `xl/` or `[Content_Types].xml`.
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
	if (head.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
	if (/\[Content_Types\]\.xml|xl\//.test(head)) return 'xlsx';
	return null;
}

export type CellValue = string | number | boolean | Date | null | undefined | object;

/** A cell's value as the importer reads text: numbers in full, dates as ISO dates. */
export function cellText(v: CellValue): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) {
		if (Number.isNaN(v.getTime())) return '';
		const iso = v.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
	}
	if (typeof v === 'number') {
		if (!Number.isFinite(v)) return '';
		// 15 significant digits, as Excel keeps them (0.1 + 0.2 is 0.3); no exponent (1e-7), which
		// the number reader does not take.
		const n = Number(v.toPrecision(15));
		return n === 0 || (Math.abs(n) < 1e21 && Math.abs(n) >= 1e-6)
			? String(n)
			: n.toFixed(15).replace(/\.?0+$/, '');
	}
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	return String(v);
}

/** Every sheet of an `.xlsx` workbook as text rows (trailing empty cells and rows as they come). */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSheet[]> {
	const { default: readXlsxFile } = await import('read-excel-file/universal');
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const sheets = await readXlsxFile(buffer, { trim: false });
	return sheets.map((s) => ({
		name: s.sheet,
		rows: s.data.map((row) => row.map((c) => cellText(c as CellValue)))
	}));
}
