/**
 * The other views' code, loaded once the page has nothing else to do: the first visit of a view
 * (after an import, `/municipalities`; from the overview, `/activities`) then waits for its data,
 * not for its scripts. Starts after the first `<html data-ready="true">`, in the browser's idle
 * time, one view after another, so it never competes with the first load's charts.
 */
export interface PreloadDeps {
	/** SvelteKit's `preloadCode`. */
	preload: (path: string) => Promise<void>;
	/** Calls back once the page is ready (now, if it is). */
	whenReady: (then: () => void) => () => void;
	/** The browser's idle callback (a timer where there is none). */
	idle: (then: () => void) => void;
}

/** Loads each path's code in turn; returns a function that stops what has not started. */
export function preloadViews(paths: string[], deps: PreloadDeps): () => void {
	let stopped = false;
	const next = (i: number) => {
		if (stopped || i >= paths.length) return;
		deps.idle(() => {
			if (stopped) return;
			deps
				.preload(paths[i])
				.catch(() => undefined)
				.then(() => next(i + 1));
		});
	};
	const unwatch = deps.whenReady(() => next(0));
	return () => {
		stopped = true;
		unwatch();
	};
}

/** `<html data-ready="true">`, now or at its first change to it. */
export function whenDocumentReady(then: () => void): () => void {
	const html = document.documentElement;
	if (html.dataset.ready === 'true') {
		then();
		return () => undefined;
	}
	const observer = new MutationObserver(() => {
		if (html.dataset.ready !== 'true') return;
		observer.disconnect();
		then();
	});
	observer.observe(html, { attributes: true, attributeFilter: ['data-ready'] });
	return () => observer.disconnect();
}

export function whenIdle(then: () => void): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(() => then(), { timeout: 3000 });
	else setTimeout(then, 200);
}
