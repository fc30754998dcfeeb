import { describe, it, expect } from 'vitest';
import { rejectedFile } from '../../../src/routes/import/rejected';

describe('rejectedFile: the download of the rows with errors', () => {
	it('keeps the file’s name and extension, and says the encoding it was written in', () => {
		expect(rejectedFile('edenemine_2024.csv', 'windows-1257', 'windows-1257', 'vead')).toEqual({
			name: 'edenemine_2024-vead.csv',
			type: 'text/csv;charset=windows-1257'
		});
		expect(rejectedFile('koolitused.TXT', 'utf-16le', 'utf-16le', 'errors')).toEqual({
			name: 'koolitused-errors.TXT',
			type: 'text/csv;charset=utf-16le'
		});
	});
	it('a byte-order mark is not part of the type; a workbook’s rows come back as CSV', () => {
		expect(rejectedFile('Teenustasemed.xlsx', 'xlsx', 'utf-8-bom', 'vead')).toEqual({
			name: 'Teenustasemed-vead.csv',
			type: 'text/csv;charset=utf-8'
		});
		expect(rejectedFile('tabel.ods', 'ods', 'utf-8', 'errors').name).toBe('tabel-errors.csv');
	});
	it('a name without an extension gets .csv; only the last extension is replaced', () => {
		expect(rejectedFile('andmed', 'utf-8', 'utf-8', 'vead').name).toBe('andmed-vead.csv');
		expect(rejectedFile('aruanne.2024.csv', 'utf-8', 'utf-8', 'vead').name).toBe('aruanne.2024-vead.csv');
	});
});
