/**
 * A table as delimited text the importer reads back cell for cell: a cell is quoted when it holds
 * a quote, a line break or any delimiter the reader might try (`;` tab `,` `|`), so neither the
 * delimiter detection nor the reader can split it.
 */
export function writeDelimited(
	rows: readonly (readonly string[])[],
	delimiter: string,
	lineEnd: string | ((row: number) => string) = '\r\n'
): string {
	const end = typeof lineEnd === 'string' ? () => lineEnd : lineEnd;
	let out = '';
	for (let i = 0; i < rows.length; i++) {
		out += rows[i].map(quoteCell).join(delimiter) + end(i);
	}
	return out;
}

export function quoteCell(cell: string): string {
	return /["\r\n;\t,|]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
