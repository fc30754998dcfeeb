import type { DisplayStatus } from '$lib/types';

/**
 * The one palette of the app (issue "look and feel"): status colours from Okabe–Ito, which stay
 * distinguishable for the common colour-vision deficiencies, always paired with a text label.
 * The root layout writes these as CSS custom properties; chart builders take them from here.
 */
export type Scheme = 'light' | 'dark';

export const STATUS_ORDER: (DisplayStatus | 'late')[] = [
	'done',
	'in_progress',
	'at_risk',
	'not_started',
	'not_reported',
	'cancelled',
	'late'
];

export const STATUS_COLORS: Record<Scheme, Record<DisplayStatus | 'late', string>> = {
	light: {
		done: '#00795c',
		in_progress: '#0072b2',
		at_risk: '#b87800',
		not_started: '#8a6fa8',
		not_reported: '#9aa3ad',
		cancelled: '#4d5560',
		late: '#c24e00'
	},
	dark: {
		done: '#2fbf94',
		in_progress: '#56b4e9',
		at_risk: '#e6a000',
		not_started: '#b9a0d6',
		not_reported: '#6b7580',
		cancelled: '#a4acb6',
		late: '#ff7a33'
	}
};

/** Status icons so that colour never carries meaning alone. */
export const STATUS_ICONS: Record<DisplayStatus | 'late', string> = {
	done: '✓',
	in_progress: '◐',
	at_risk: '!',
	not_started: '○',
	not_reported: '–',
	cancelled: '×',
	late: '◷'
};

export const UI_COLORS: Record<Scheme, Record<string, string>> = {
	light: {
		bg: '#f6f7f9',
		surface: '#ffffff',
		text: '#1c2430',
		muted: '#545f6d',
		border: '#d5dae1',
		accent: '#1f4e79',
		'accent-contrast': '#ffffff',
		bar: '#1f5f99',
		'bar-muted': '#b8c7d8',
		highlight: '#c24e00',
		warn: '#8a5a00',
		'warn-bg': '#fff4d6',
		error: '#a4161a',
		'error-bg': '#fdecec',
		ok: '#00795c',
		'ok-bg': '#e4f5ef',
		grid: '#e3e7ec',
		'on-status': '#ffffff'
	},
	dark: {
		bg: '#12161c',
		surface: '#1b2129',
		text: '#e7ebf0',
		muted: '#a3adb9',
		border: '#36404c',
		accent: '#8cb8e6',
		'accent-contrast': '#0d1a27',
		bar: '#6fa8dc',
		'bar-muted': '#3b4b5e',
		highlight: '#ff9a5c',
		warn: '#f3c969',
		'warn-bg': '#3a2f12',
		error: '#ff8a8a',
		'error-bg': '#3d1b1d',
		ok: '#5fd3a9',
		'ok-bg': '#12352b',
		grid: '#2b333d',
		'on-status': '#10151b'
	}
};

/** Sequential palette for indicator maps (light → dark blue; readable on both schemes). */
export const SEQUENTIAL_SCHEME = 'blues';

export function cssVariables(scheme: Scheme): string {
	const ui = Object.entries(UI_COLORS[scheme]).map(([k, v]) => `--c-${k}: ${v};`);
	const st = Object.entries(STATUS_COLORS[scheme]).map(([k, v]) => `--status-${k.replace('_', '-')}: ${v};`);
	return [...ui, ...st].join(' ');
}
