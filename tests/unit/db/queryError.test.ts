import { describe, it, expect } from 'vitest';
import { queryProblem } from '$lib/db/queryError';

describe('queryProblem(error): out of memory told apart from other query errors', () => {
	it.each([
		['Out of Memory Error: could not allocate block of size 256.0 KiB (1.8 GiB/1.8 GiB used)'],
		['RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded'],
		['Aborted(OOM)'],
		['Error: Out of Memory Error: failed to allocate data of size 64.0 MiB']
	])('%s → memory', (message) => {
		expect(queryProblem(new Error(message)).kind).toBe('memory');
	});
	it('a binder error is a query error, its message kept without repeated "Error:" prefixes', () => {
		const p = queryProblem(new Error('Error: Binder Error: Referenced column "x" not found'));
		expect(p).toEqual({ kind: 'query', detail: 'Binder Error: Referenced column "x" not found' });
	});
	it('a thrown string works too', () => {
		expect(queryProblem('Catalog Error: Table with name progress does not exist!')).toEqual({
			kind: 'query',
			detail: 'Catalog Error: Table with name progress does not exist!'
		});
	});
});
