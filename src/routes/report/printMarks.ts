/** A CSS string literal: quotes, backslashes and line breaks escaped, `<` kept out of a <style> element. */
export function cssString(s: string): string {
	return `"${s
		.replace(/\\/g, '\\\\')
		.replace(/"/g, '\\"')
		.replace(/\r?\n/g, '\\A ')
		.replace(/</g, '\\3C ')}"`;
}

export interface PageMarks {
	/** Running header on the left: plan, report, year. */
	left: string;
	/** Running header on the right: the data source (or the sample/local warning). */
	right: string;
	/** Print `right` as a warning (sample or local data). */
	warn: boolean;
	/** The word before the page number ("Lk", "Page"). */
	page: string;
}

/** The @page rule of the printed report: A4 portrait, running header, page numbers. */
export function pageMarksCss(m: PageMarks): string {
	const box = 'font: 8pt system-ui, sans-serif; color: #545f6d;';
	return `@page {
	size: A4 portrait;
	margin: 18mm 14mm 16mm 14mm;
	@top-left { content: ${cssString(m.left)}; ${box} vertical-align: bottom; }
	@top-right { content: ${cssString(m.right)}; ${box}${m.warn ? ' color: #a4161a; font-weight: 700;' : ''} vertical-align: bottom; }
	@bottom-right { content: ${cssString(m.page)} " " counter(page) " / " counter(pages); ${box} }
}`;
}
