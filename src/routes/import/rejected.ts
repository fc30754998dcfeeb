/**
 * The name and type of the download of a file's rows with errors ("Fix and resubmit", issue #18):
 * named after the file it was read from, with its extension (a workbook's rows come back as CSV)
 * and in the encoding the worker wrote it in (a byte-order mark is in the bytes, not the type).
 */
export function rejectedFile(
	fileName: string,
	readAs: string,
	writtenAs: string,
	suffix: string
): { name: string; type: string } {
	const workbook = readAs === 'xlsx' || readAs === 'ods';
	const ext = workbook ? 'csv' : (/\.([^.]+)$/.exec(fileName)?.[1] ?? 'csv');
	const base = fileName.replace(/\.[^.]+$/, '');
	const charset = writtenAs.startsWith('utf-16') ? writtenAs : writtenAs.replace('-bom', '');
	return { name: `${base}-${suffix}.${ext}`, type: `text/csv;charset=${charset}` };
}
