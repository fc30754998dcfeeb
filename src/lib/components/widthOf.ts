/**
 * An element's width (`clientWidth`), reported from a ResizeObserver only. Svelte's
 * `bind:clientWidth` also reads it the moment the element mounts, which forces the browser to lay
 * out the half-built page there and then: once per chart, 15–30 ms of a page's first render
 * (issue #20). The observer reports after the browser's own layout, before the frame is painted,
 * so a chart that must be narrower is redrawn before anyone sees it.
 */
import type { Attachment } from 'svelte/attachments';

const listeners = new WeakMap<Element, (width: number) => void>();
let observer: ResizeObserver | null = null;

function shared(): ResizeObserver {
	observer ??= new ResizeObserver((entries) => {
		for (const e of entries) listeners.get(e.target)?.((e.target as HTMLElement).clientWidth);
	});
	return observer;
}

/** `{@attach widthOf((w) => (room = w))}`: `set` gets the width on every change of it. */
export function widthOf(set: (width: number) => void): Attachment<HTMLElement> {
	return (el) => {
		if (typeof ResizeObserver === 'undefined') return;
		listeners.set(el, set);
		shared().observe(el);
		return () => {
			shared().unobserve(el);
			listeners.delete(el);
		};
	};
}
