/** Strings of the activities area (et and en must have the same keys). */
export const activities = {
	et: {},
	en: {}
};
