/** The import core: plain TypeScript shared by the browser (in a Worker) and Node (the `kov` CLI). */
export type * from './types';
export {
	analyseFile,
	analyseLarge,
	analyseAny,
	analyseWorkbook,
	fileText,
	sheetText,
	bulkBytes,
	analysisCounts,
	importState,
	BULK_MIN_BYTES,
	BULK_HEAD_CHARS
} from './analyse';
export { readTable, detectDelimiter, detectHeaderRow, DELIMITERS } from './read/readTable';
export { decodeBytes } from './read/decode';
export { encodeText, canEncode } from './read/encode';
export { writeDelimited } from './read/writeTable';
export {
	MAX_FILE_BYTES,
	MAX_COLUMNS,
	MAX_HEADER_BYTES,
	MAX_CELL_CHARS,
	byteProblem,
	isHtml
} from './read/problems';
export {
	parseNumber,
	parseInteger,
	parseDate,
	parseBoolean,
	parsePercent,
	parseMeasure,
	normalizeHeader
} from './read/values';
export { DATASET_FIELDS, mapColumns, detectDataset, type FieldDef, type FieldType } from './datasets/fields';
export { parseStatus } from './datasets/status';
export {
	resolveMunicipality,
	municipalityKeys,
	normaliseName,
	type Resolution
} from './datasets/municipality';
export { validateRows, isPercentUnit, YEAR_RANGE, type ValidationContext } from './datasets/validate';
export {
	detectWide,
	planWide,
	unpivotWide,
	wideOptionNeeds,
	wideOptionsOf,
	wideOptionsFromChoices,
	findColumn,
	yearOfHeader,
	type WideChoices
} from './datasets/wide';
export { formatIssue, ISSUE_CODES } from './messages';
export { templateFile, templateHeader, templateRows, templateNotes, TEMPLATE_DELIMITER } from './templates';
export { rejectedRowsFile, errorColumnName } from './errorsFile';
export { workbookKind, readWorkbook, cellText, type WorkbookSheet } from './read/workbook';
