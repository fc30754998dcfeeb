// DuckDB-wasm's worker, wrapped (issue "When the database engine cannot start"): loads DuckDB's own
// worker script (its URL in ?duckdb=, same origin only) and reports what DuckDB-wasm leaves
// unhandled — the script not loading, or the browser refusing to compile the wasm — as a LOG
// message, which DuckDB's client drops and the app reads, instead of an uncaught error nobody sees.
//
// With ?wasm= (same origin) the wasm is downloaded and compiled from the moment the page creates
// this worker, while the page still loads DuckDB's client code and asks it to start (issue #20,
// cold start). DuckDB's own instantiateStreaming then gets that module; should the early compile
// fail (a server sending another type, a network error), DuckDB's own path runs as before and
// reports its error.
//
// Either way DuckDB's start-up code sees the wasm's exports without the C++ symbols (see
// linkableExports below).
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
function sameOrigin(param) {
	var value = new URL(self.location.href).searchParams.get(param);
	if (!value) return null;
	var url = new URL(value, self.location.href);
	return url.origin === self.location.origin ? url.href : null;
}
var wasm = sameOrigin('wasm');
if (wasm && typeof WebAssembly.compileStreaming === 'function') {
	var early = WebAssembly.compileStreaming(fetch(wasm, { credentials: 'same-origin' })).catch(function () {
		return null;
	});
	// DuckDB downloads the wasm again when it instantiates; with the early module here, that second
	// download of 33 MB (cancelled once it answered) is not even asked for.
	var compiled = null;
	early.then(function (module) {
		compiled = module;
	});
	var download = self.fetch.bind(self);
	self.fetch = function (input, init) {
		var url = typeof input === 'string' ? new URL(input, self.location.href).href : input && input.url;
		if (compiled && url === wasm) return Promise.resolve(new Response(null, { status: 200 }));
		return download(input, init);
	};
	var streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
	WebAssembly.instantiateStreaming = function (source, imports) {
		return early.then(function (module) {
			if (!module) return streaming(source, imports).then(linkable);
			// DuckDB's own download of the same file is not needed.
			Promise.resolve(source)
				.then(function (r) {
					return r && r.body && r.body.cancel();
				})
				.catch(function () {});
			return WebAssembly.instantiate(module, imports).then(function (instance) {
				return linkable({ module: module, instance: instance });
			});
		});
	};
}
/**
 * DuckDB's wasm is built for dynamic linking (extensions are side modules) and exports 75,000
 * symbols, 72,000 of them C++ names (`_Z…`, `orig$_Z…`) that only an extension would link against.
 * Emscripten's start-up code walks every export several times (a global-offset-table entry and a
 * function-table slot each), which took 450–550 ms of the cold start. The app loads no extension
 * (autoload is off, nothing is installed), DuckDB's JavaScript names none of these symbols and the
 * wasm imports none of them through its offset table: its start-up code is given the other exports
 * only. Measured in DuckDB-wasm 1.32.0 (tests/unit/db/engineLink.test.ts checks those facts).
 */
function linkableExports(exports) {
	var kept = {};
	var names = Object.keys(exports); // a third faster than for…in over the 75,000
	for (var i = 0; i < names.length; i++) {
		var name = names[i];
		if (name.charCodeAt(0) === 95 && name.charCodeAt(1) === 90) continue; // _Z…
		if (name.charCodeAt(0) === 111 && name.lastIndexOf('orig$_Z', 0) === 0) continue;
		kept[name] = exports[name];
	}
	return kept;
}
function linkable(result) {
	return { module: result.module, instance: { exports: linkableExports(result.instance.exports) } };
}

try {
	var src = sameOrigin('duckdb');
	if (!src) throw new Error('no same-origin DuckDB worker script given');
	importScripts(src);
	if (early) startEarly(self.onmessage);
} catch (e) {
	report('worker', e);
}

// DuckDB is also instantiated as soon as its script is here, not when the page's INSTANTIATE message
// arrives (the page first loads and parses DuckDB-wasm's client code): the early start is asked of
// DuckDB's own message handler under a request id the page never uses, its answer is kept here, and
// the page's INSTANTIATE of the same wasm is answered with its outcome. Any other case (the early
// compile failed, another wasm URL, the early start failed) goes to DuckDB as before. (Opening early
// too was measured: no gain, the open follows the instantiate in this one thread either way.)
function startEarly(duckdb) {
	if (typeof duckdb !== 'function') return;
	var EARLY = -1;
	var answerId = 1e9;
	var used = false;
	var post = self.postMessage.bind(self);
	var outcome = new Promise(function (resolve) {
		self.postMessage = function (message, transfer) {
			if (message && message.requestId === EARLY) {
				if (message.type === 'OK') resolve(true);
				else if (message.type === 'ERROR') resolve(false);
				return;
			}
			return post(message, transfer);
		};
		early.then(function (module) {
			if (!module) return resolve(false);
			duckdb({ data: { messageId: EARLY, type: 'INSTANTIATE', data: [wasm, null] } });
		});
	});
	self.onmessage = function (e) {
		var m = e.data;
		if (used || !m || m.type !== 'INSTANTIATE' || !m.data || m.data[0] !== wasm) return duckdb(e);
		used = true;
		return outcome.then(function (ok) {
			if (!ok) return duckdb(e);
			post({ messageId: answerId++, requestId: m.messageId, type: 'OK', data: null }, []);
		});
	};
}
