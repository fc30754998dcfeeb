/** Strings of the trainings area (et and en must have the same keys). */
export const trainings = {
	et: {},
	en: {}
};
