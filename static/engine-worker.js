// DuckDB-wasm's worker, wrapped (issue "When the database engine cannot start"): loads DuckDB's own
// worker script (its URL in ?duckdb=, same origin only) and reports what DuckDB-wasm leaves
// unhandled — the script not loading, or the browser refusing to compile the wasm — as a LOG
// message, which DuckDB's client drops and the app reads, instead of an uncaught error nobody sees.
function report(what, error) {
	self.postMessage({
		type: 'LOG',
		data: { kovEngineError: { what: what, message: String((error && error.message) || error) } }
	});
}
self.addEventListener('unhandledrejection', function (e) {
	e.preventDefault();
	report('start', e.reason);
});
try {
	var src = new URL(self.location.href).searchParams.get('duckdb');
	if (!src || new URL(src, self.location.href).origin !== self.location.origin)
		throw new Error('no same-origin DuckDB worker script given');
	importScripts(new URL(src, self.location.href).href);
} catch (e) {
	report('worker', e);
}
