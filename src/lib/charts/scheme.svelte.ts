import { flushSync } from 'svelte';
import type { Scheme } from './palette';

/**
 * The colour scheme follows the system setting; charts re-render when it changes. Paper is light
 * whatever the screen: printing from a dark screen gave light grey text and charts on white paper.
 */
export const colorScheme = $state<{ scheme: Scheme }>({ scheme: 'light' });

export function watchColorScheme(): () => void {
	if (typeof window === 'undefined' || !window.matchMedia) return () => {};
	const dark = window.matchMedia('(prefers-color-scheme: dark)');
	const print = window.matchMedia('print');
	let printing = false;
	const update = () => (colorScheme.scheme = dark.matches && !print.matches && !printing ? 'dark' : 'light');
	// `beforeprint` comes before the print layout: the light colours and charts are in place by then.
	const before = () => {
		printing = true;
		update();
		flushSync();
	};
	const after = () => {
		printing = false;
		update();
	};
	update();
	dark.addEventListener('change', update);
	print.addEventListener('change', update);
	window.addEventListener('beforeprint', before);
	window.addEventListener('afterprint', after);
	return () => {
		dark.removeEventListener('change', update);
		print.removeEventListener('change', update);
		window.removeEventListener('beforeprint', before);
		window.removeEventListener('afterprint', after);
	};
}
