/** The statuses the activities page filters by (`?status=`), in the select's order. */
export const STATUSES = [
	'not_reported',
	'not_started',
	'in_progress',
	'at_risk',
	'done',
	'cancelled'
] as const;
