/** Strings of the report area (et and en must have the same keys). */
export const report = {
	et: {},
	en: {}
};
