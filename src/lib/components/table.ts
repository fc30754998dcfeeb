/** A column of a data table: the raw value goes to `data-value`, the formatted text is shown. */
export interface TableColumn<R> {
	col: string;
	label: string;
	raw: (row: R) => string | number | boolean | null | undefined;
	format?: (row: R) => string;
	numeric?: boolean;
	/** The cell's text links here (a municipality's name to its profile). */
	href?: (row: R) => string;
	/** Left off a printed page (the plan's own wording, which the sheet has no room for). */
	noPrint?: boolean;
}

export function rawAttr(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' && !Number.isFinite(value)) return '';
	return String(value);
}
