import { nearActivity } from '$lib/import/datasets/activityId';

/**
 * What an address with no plan activity probably meant: the number written otherwise (`1,1,3`, a
 * date Excel made of it), or a result area or direction (`1.1`, `2`) whose activities are listed.
 */
export function activitiesLike(
	id: string,
	ids: readonly string[]
): { near: string | null; within: string[] } {
	const near = nearActivity(id, new Set(ids))?.id ?? null;
	if (near) return { near, within: [] };
	const prefix = id.trim().replace(/\.+$/, '');
	return {
		near: null,
		within: /^\d+(\.\d+)*$/.test(prefix) ? ids.filter((a) => a.startsWith(`${prefix}.`)) : []
	};
}
