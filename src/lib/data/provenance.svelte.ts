/**
 * Which of the three reported datasets are still the embedded sample: the header's badge and the
 * printed page's source line say it the same way (data-provenance).
 */
import { isSample } from './store.svelte';
import { published } from './published.svelte';

/** `sample`: all three are sample; `mixed`: some are; null: none are (or not yet known). */
export function sampleKind(): 'sample' | 'mixed' | null {
	if (published.status === 'unknown' || published.status === 'error') return null;
	if (!isSample('progress', 'trainings', 'service_levels')) return null;
	return isSample('progress') && isSample('trainings') && isSample('service_levels') ? 'sample' : 'mixed';
}
