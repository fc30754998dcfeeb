/**
 * What kind of failure a query's error is, for a message a reader understands (issue #21): DuckDB
 * running out of memory (its own "Out of Memory Error", the wasm memory that cannot grow, or
 * Emscripten's abort) is told apart from any other query error. Pure, unit-tested.
 */
export type QueryProblem = { kind: 'memory' | 'query'; detail: string };

const MEMORY =
	/out of memory|memory limit|could not allocate|failed to allocate|cannot enlarge memory|WebAssembly\.Memory|Aborted\(OOM\)|allocation failed/i;

export function queryProblem(error: unknown): QueryProblem {
	const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	// "Error: Error: …" from the worker's re-thrown errors reads better without the repeats.
	const detail = text.replace(/^(?:(?:Error|RangeError|TypeError):\s*)+/, '').trim() || text;
	return { kind: MEMORY.test(text) ? 'memory' : 'query', detail };
}
