import { zipSync, strToU8 } from 'fflate';

/** A minimal `.xlsx` as Excel writes it (shared strings, a date style, merged cells) for tests. */
export type Cell = string | number | Date | boolean | null;
export interface SheetSpec {
	name: string;
	rows: Cell[][];
	merges?: string[];
}

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (i: number): string =>
	i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + colName(i % 26);
/** Excel's serial day number (1900 system) of a UTC date. */
const serial = (d: Date) => d.getTime() / 86400000 + 25569;

export function buildXlsx(sheets: SheetSpec[]): Uint8Array {
	const strings: string[] = [];
	const sid = (s: string) => {
		let i = strings.indexOf(s);
		if (i < 0) i = strings.push(s) - 1;
		return i;
	};
	const files: Record<string, Uint8Array> = {};
	sheets.forEach((sheet, n) => {
		const rows = sheet.rows
			.map((row, r) => {
				const cells = row
					.map((c, k) => {
						const ref = `${colName(k)}${r + 1}`;
						if (c === null) return '';
						if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
						if (typeof c === 'boolean') return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
						if (c instanceof Date) return `<c r="${ref}" s="1"><v>${serial(c)}</v></c>`;
						return `<c r="${ref}" t="s"><v>${sid(c)}</v></c>`;
					})
					.join('');
				return `<row r="${r + 1}">${cells}</row>`;
			})
			.join('');
		const merges = sheet.merges?.length
			? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
			: '';
		files[`xl/worksheets/sheet${n + 1}.xml`] = strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`
		);
	});
	files['[Content_Types].xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, n) => `<Override PartName="/xl/worksheets/sheet${n + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
	);
	files['_rels/.rels'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	);
	files['xl/workbook.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, n) => `<sheet name="${esc(s.name)}" sheetId="${n + 1}" r:id="rId${n + 1}"/>`).join('')}</sheets></workbook>`
	);
	files['xl/_rels/workbook.xml.rels'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, n) => `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	);
	files['xl/styles.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`
	);
	files['xl/sharedStrings.xml'] = strToU8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`
	);
	// [Content_Types].xml first, as Excel writes it.
	const ordered: Record<string, Uint8Array> = { '[Content_Types].xml': files['[Content_Types].xml'] };
	for (const [k, v] of Object.entries(files)) if (!(k in ordered)) ordered[k] = v;
	return zipSync(ordered);
}
