import type { Scheme } from './palette';

/** The colour scheme follows the system setting; charts re-render when it changes. */
export const colorScheme = $state<{ scheme: Scheme }>({ scheme: 'light' });

export function watchColorScheme(): () => void {
	if (typeof window === 'undefined' || !window.matchMedia) return () => {};
	const mq = window.matchMedia('(prefers-color-scheme: dark)');
	const update = () => (colorScheme.scheme = mq.matches ? 'dark' : 'light');
	update();
	mq.addEventListener('change', update);
	return () => mq.removeEventListener('change', update);
}
