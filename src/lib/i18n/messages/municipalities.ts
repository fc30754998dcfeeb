/** Strings of the municipalities area (et and en must have the same keys). */
export const municipalities = {
	et: {},
	en: {}
};
