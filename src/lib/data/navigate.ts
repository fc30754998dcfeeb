/**
 * SvelteKit's `goto` for filter changes, marked as loading from the input event on: `<html
 * data-ready>` turns "false" at once, not only when the new URL's loads start a moment later, so
 * nothing (a person, a test) reads the page between the click and the first load as if it were done.
 */
import { goto as kitGoto } from '$app/navigation';
import { track } from './ready.svelte';

export function goto(...args: Parameters<typeof kitGoto>): ReturnType<typeof kitGoto> {
	return track(kitGoto(...args));
}
