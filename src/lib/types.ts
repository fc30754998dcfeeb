/**
 * The domain model shared by the plan parser, the import core, the metrics and the database.
 * Column names follow ../shared/spec/data-contract.md (canonical snake_case).
 */

export const STATUSES = ['not_started', 'in_progress', 'at_risk', 'done', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
/** What an activity shows for an as-of year: its latest reported status, or `not_reported`. */
export type DisplayStatus = Status | 'not_reported';

export type TargetUnit = 'count' | 'percent' | 'binary';

export interface Target {
	value: number;
	unit: TargetUnit;
}

export interface Deadline {
	/** Largest 4-digit year in the text; null when the text has none (`Mi`, empty). */
	year: number | null;
	extended: boolean;
	recurring: boolean;
}

export interface Activity {
	activity_id: string;
	/** 1..4, the first segment of activity_id. */
	direction: number;
	direction_name: string;
	/** First two segments, e.g. `2.5`. */
	result_area: string;
	result_area_name: string;
	/** For 4-segment ids (`3.3.2.1` → `3.3.2`), else null. */
	parent_id: string | null;
	title: string;
	target_group: string;
	outputs: string;
	target_text: string;
	target_value: number;
	target_unit: TargetUnit;
	lead_owner: string;
	co_owners: string;
	/** Normalised organisation codes (metrics.md "Owners"). */
	lead_owners: string[];
	co_owner_orgs: string[];
	funding: string;
	deadline: string;
	deadline_year: number | null;
	extended: boolean;
	recurring: boolean;
	/** Position in the plan (0-based), keeps plan order. */
	seq: number;
}

export interface ProgressRow {
	activity_id: string;
	year: number;
	status: Status;
	actual_value: number | null;
	target_value: number | null;
	comment: string | null;
	/** ISO date yyyy-mm-dd. */
	reported_at: string | null;
	/** Import order; later wins ties. */
	seq: number;
}

export interface TrainingRow {
	training_id: string | null;
	program: string;
	topic: string | null;
	activity_id: string | null;
	organiser: string | null;
	start_date: string | null;
	end_date: string | null;
	/** EHAK code, resolved from a name or code; null when the file gives none. */
	ehak_code: string | null;
	registered: number | null;
	completed: number | null;
	dropped_out: number | null;
	/** 0..100 */
	satisfaction: number | null;
}

export interface Municipality {
	/** 4-digit text with leading zeros. */
	ehak_code: string;
	name: string;
	type: 'linn' | 'vald';
	county: string;
	population: number | null;
	lat: number | null;
	lon: number | null;
}

export interface ServiceLevelRow {
	ehak_code: string;
	year: number;
	domain: string | null;
	indicator: string;
	/** Missing stays missing (null), never 0. */
	value: number | null;
	unit: string | null;
	higher_is_better: boolean;
}

export type DatasetName = 'activities' | 'progress' | 'trainings' | 'municipalities' | 'service_levels';
export const DATASETS: DatasetName[] = [
	'activities',
	'progress',
	'trainings',
	'municipalities',
	'service_levels'
];
