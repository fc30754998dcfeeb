/** Strings of the importPage area (et and en must have the same keys). */
export const importPage = {
	et: {},
	en: {}
};
