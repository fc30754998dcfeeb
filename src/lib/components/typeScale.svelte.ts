/**
 * How much larger than 16 px the page's text is: 1.25 with Large type, more or less where the
 * browser's own text size is set otherwise. Charts draw their text (axes, labels, legends) that much
 * larger, as the rest of the page's text is; Plot's own sizes are in px and would stay put.
 */
const LARGE_KEY = 'kov-seire.large-type';

export const typeScale = $state({
	// A first guess that needs no layout (the stored Large type setting); the layout measures it.
	value: typeof localStorage !== 'undefined' && localStorage.getItem(LARGE_KEY) === '1' ? 1.25 : 1
});

/** Measure it from the root element's font size (after Large type is switched on or off). */
export function measureTypeScale(): void {
	const px = parseFloat(getComputedStyle(document.documentElement).fontSize);
	const value = Number.isFinite(px) && px > 0 ? Math.round((px / 16) * 1000) / 1000 : 1;
	if (value !== typeScale.value) typeScale.value = value;
}

/** Large type's key in localStorage (the layout keeps the setting there). */
export { LARGE_KEY };
