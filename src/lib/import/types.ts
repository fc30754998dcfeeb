import type { DatasetName } from '$lib/types';

export type Encoding =
	| 'utf-8'
	| 'utf-8-bom'
	| 'utf-16le'
	| 'utf-16be'
	| 'windows-1257'
	| 'windows-1252'
	/** A workbook's sheet, read as text (issue #18 "Workbooks"). */
	| 'xlsx'
	| 'ods';

export type ProblemCode =
	| 'empty'
	| 'binary'
	| 'html'
	| 'too_large'
	| 'no_header'
	| 'header_only'
	| 'missing_columns'
	| 'unknown_dataset'
	| 'too_many_columns'
	| 'header_too_large'
	| 'workbook_ods'
	| 'workbook_unreadable'
	| 'workbook_empty';

/** Why a whole file cannot be imported: one clear message, nothing changes. */
export interface FileProblem {
	code: ProblemCode;
	params: Record<string, string | number>;
}

/** A problem in one cell: the file row (as a spreadsheet shows it), the column, the value and why. */
export interface RowIssue {
	row: number;
	column: string;
	value: string;
	code: string;
	params: Record<string, string | number>;
}

export interface ReadResult {
	encoding: Encoding;
	delimiter: string;
	/** 1-based record number of the header row in the file. */
	headerRow: number;
	header: string[];
	rows: string[][];
	/** 1-based record number in the file of each data row. */
	rowNumbers: number[];
	warnings: RowIssue[];
}

/**
 * An analyst's correction of a value that matched nothing in the plan or the municipalities, chosen
 * from the import's "did you mean": every cell of `field` that reads `from` (trimmed) is read as
 * `to` (an EHAK code or an activity number).
 */
export interface Correction {
	field: 'municipality' | 'activity_id';
	from: string;
	to: string;
}

/** A correction as applied to a file: how many of its rows it changed (and, once saved, `to`'s name). */
export type AppliedCorrection = Correction & { rows: number; label?: string };

export type ColumnMapping = Record<string, number | null>;

/** What a wide table still needs from the user before any row can be saved. */
export type WideNeed = 'indicator' | 'year' | 'columns';

/** How to turn a wide service-level table long (file column indices). */
export interface WideOptions {
	/** The municipality (name or EHAK code) column. */
	idColumn: number;
	/** One column per year or one column per indicator. */
	kind: 'year' | 'indicator';
	/** The columns unpivoted: years (`kind: 'year'`) or indicators. */
	valueColumns: number[];
	/** `kind: 'year'`: the column that holds each row's indicator (else `fixed.indicator`). */
	indicatorColumn?: number | null;
	/** `kind: 'indicator'`: the column that holds each row's year (else `fixed.year`). */
	yearColumn?: number | null;
	fixed: { year?: number; indicator?: string; domain?: string };
}

/** A wide table as found in a file: the suggested reading and what is ambiguous in it. */
export interface WidePlan {
	kind: 'year' | 'indicator';
	idColumn: number;
	valueColumns: number[];
	indicatorColumn: number | null;
	yearColumn: number | null;
	/** Columns that map to no field and could hold the missing indicator (or year). */
	candidates: number[];
	/** Empty: unambiguous, unpivoted at once. */
	needs: WideNeed[];
}

export interface AnalyseOptions {
	dataset?: DatasetName;
	mapping?: ColumnMapping;
	wide?: WideOptions;
	lang?: 'et' | 'en';
	/**
	 * Each activity's target unit (`count`/`percent`/`binary`/null), for percent cells in progress
	 * reports; the page passes it here (the Worker's context holds only the ids).
	 */
	activityUnits?: Record<string, string | null>;
	/**
	 * Decode the whole of a large file before deciding its encoding. Off by default: a large file
	 * whose head is UTF-8 goes to DuckDB as it is, and DuckDB's reader rejects any invalid byte
	 * further on; the import page then asks again with this set.
	 */
	fullDecode?: boolean;
	/** A workbook: the sheet to read (by name); the first when absent. */
	sheet?: string;
	/** The analyst's corrections of unknown values (the preview's "did you mean"). */
	corrections?: Correction[];
}

export interface Analysis {
	fileName?: string;
	encoding: Encoding;
	delimiter: string;
	headerRow: number;
	header: string[];
	dataset: DatasetName | null;
	detectedDataset: DatasetName | null;
	mapping: ColumnMapping;
	missingRequired: string[];
	unmapped: string[];
	/** Data rows in the file. */
	rowCount: number;
	/** The valid rows, normalised for their dataset. */
	rows: object[];
	rowNumbers: number[];
	errors: RowIssue[];
	warnings: RowIssue[];
	problem?: FileProblem;
	/**
	 * A large long-format service-level file: this analysis covers the file's head only (detection,
	 * mapping, preview); DuckDB reads and checks every row (the bulk path).
	 */
	bulk?: boolean;
	/** Bulk path: a cell may be over MAX_CELL_CHARS (lineFacts); false lets DuckDB skip that check. */
	longCells?: boolean;
	/** The bulk path's counts over the whole file (`rows`/`errors` hold the head and the first errors). */
	validCount?: number;
	errorRowCount?: number;
	errorCount?: number;
	/**
	 * A wide service-level table: the reading found (or the user's), what is still needed (`needs`
	 * non-empty: no row can be saved until the user chooses, status `needs-input`), and, once
	 * unpivoted, `applied` with the file columns kept for each long row (`kept`, field → column).
	 */
	wide?: WidePlan & { applied?: WideOptions; auto?: boolean; kept?: Record<string, number | null> };
	/** Values written as percent cells (`45 %`) read in the file. */
	percentValues?: number;
	/** The analyst's corrections and the rows each changed (over the whole file on the bulk path). */
	corrected?: AppliedCorrection[];
	/** A workbook: its sheets' names and the one read. */
	sheets?: string[];
	sheet?: string;
}
