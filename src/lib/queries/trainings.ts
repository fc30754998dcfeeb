import type { Connector, Row, SqlValue } from '$lib/db/connector';
import type { TrainingTotals } from '$lib/metrics/trainings';
import { bindParams, filterValues, standingsSql } from '$lib/db/queries/attainment';
import { EVIDENCE_RULES, trainingEvidence, type EvidenceKind } from '$lib/metrics/trainingEvidence';

export interface TrainingFilter {
	from: number | null;
	to: number | null;
	program: string | null;
	organiser: string | null;
	county: string | null;
	activity: string | null;
}

/** One group's totals (the metric's own shape) under its key: a year, a programme, a county, … */
export type TrainingGroup = TrainingTotals & { key: string } & Row;

/** The same rules as src/lib/metrics/trainings.ts (tests/unit/queries/trainings-sql.test.ts compares them). */
const TOTALS = `
	count(*)::INTEGER AS trainings,
	coalesce(sum(registered), 0)::INTEGER AS registered,
	coalesce(sum(completed), 0)::INTEGER AS completed,
	coalesce(sum(dropped_out), 0)::INTEGER AS dropped_out,
	sum(completed) / nullif(sum(registered), 0) AS completion_rate,
	sum(dropped_out) / nullif(sum(registered), 0) AS dropout_rate,
	sum(satisfaction * registered) FILTER (WHERE satisfaction IS NOT NULL AND registered > 0)
		/ nullif(sum(registered) FILTER (WHERE satisfaction IS NOT NULL AND registered > 0), 0) AS satisfaction`;

function base(f: TrainingFilter): { sql: string; params: SqlValue[] } {
	const where: string[] = [];
	const params: SqlValue[] = [];
	const add = (cond: string, v: SqlValue) => {
		where.push(cond);
		params.push(v);
	};
	if (f.from !== null) add('year >= ?', f.from);
	if (f.to !== null) add('year <= ?', f.to);
	if (f.program) add('program = ?', f.program);
	if (f.organiser) add('organiser = ?', f.organiser);
	if (f.county) add('county = ?', f.county);
	if (f.activity) add('activity_id = ?', f.activity);
	return {
		sql: `WITH t AS (
			SELECT tr.*, TRY_CAST(substr(tr.start_date, 1, 4) AS INTEGER) AS year, m.name AS municipality, m.county, m.population
			FROM trainings tr LEFT JOIN municipalities m ON m.ehak_code = tr.ehak_code
		), f AS (SELECT * FROM t${where.length ? ' WHERE ' + where.join(' AND ') : ''})`,
		params
	};
}

async function grouped(
	conn: Connector,
	f: TrainingFilter,
	keyExpr: string,
	extra = ''
): Promise<TrainingGroup[]> {
	const b = base(f);
	return (await conn.query(
		`${b.sql} SELECT ${keyExpr} AS key${extra}, ${TOTALS} FROM f WHERE ${keyExpr} IS NOT NULL GROUP BY ALL ORDER BY key`,
		b.params
	)) as unknown as TrainingGroup[];
}

export interface EvidenceRow {
	activity_id: string;
	target_value: number;
	target_unit: string;
	reported_actual: number | null;
	reported_status: string;
	evidence_value: number | null;
	evidence_kind: EvidenceKind;
	agrees: boolean | null;
	[k: string]: string | number | boolean | null;
}

export interface TrainingData {
	totals: TrainingGroup;
	byYear: TrainingGroup[];
	byProgram: TrainingGroup[];
	byOrganiser: TrainingGroup[];
	byCounty: TrainingGroup[];
	byMunicipality: (TrainingGroup & { name: string; population: number | null; per_1000: number | null })[];
	byActivity: TrainingGroup[];
	evidence: EvidenceRow[];
	choices: {
		programs: string[];
		organisers: string[];
		counties: string[];
		activities: string[];
		years: number[];
	};
}

export async function loadTrainings(
	conn: Connector,
	f: TrainingFilter,
	asOfYear: number
): Promise<TrainingData> {
	const b = base(f);
	const [totals] = (await conn.query(
		`${b.sql} SELECT 'all' AS key, ${TOTALS} FROM f`,
		b.params
	)) as unknown as TrainingGroup[];
	const byMunicipality = (
		await grouped(
			conn,
			f,
			'ehak_code',
			', any_value(municipality) AS name, any_value(population) AS population'
		)
	).map((g) => ({
		...g,
		name: String(g.name ?? g.key),
		population: (g.population as number | null) ?? null,
		per_1000: g.population ? (g.registered / Number(g.population)) * 1000 : null
	}));
	const groupsByActivity = await grouped(conn, f, 'activity_id');
	const all = base({ from: null, to: null, program: null, organiser: null, county: null, activity: null });
	const choice = async (col: string) =>
		(
			await conn.query(`${all.sql} SELECT DISTINCT ${col} AS v FROM f WHERE ${col} IS NOT NULL ORDER BY v`)
		).map((r) => r.v);
	const s = bindParams(standingsSql(), filterValues(asOfYear));
	const standings = new Map(
		(await conn.query(s.sql, s.params)).map(
			(r) => [String(r.activity_id), r] as [string, Record<string, SqlValue>]
		)
	);
	// Each activity's title beside its number (the steering group reads titles, not numbers).
	const byActivity = groupsByActivity.map((g) => ({
		...g,
		title: (standings.get(String(g.key))?.title as string | undefined) ?? null
	}));
	const evidence: EvidenceRow[] = Object.entries(EVIDENCE_RULES).flatMap(([id, rule]) => {
		const st = standings.get(id);
		if (!st) return [];
		const g = byActivity.find((x) => x.key === id);
		const reported = (st.actual_value as number | null) ?? null;
		const e = trainingEvidence(
			rule.kind,
			{ trainings: g?.trainings ?? 0, completed: g?.completed ?? 0, registered: g?.registered ?? 0 },
			reported
		);
		return [
			{
				activity_id: id,
				target_value: Number(st.target_value),
				target_unit: String(st.target_unit),
				reported_actual: reported,
				reported_status: String(st.status),
				evidence_value: e.evidence_value,
				evidence_kind: rule.kind,
				agrees: e.agrees
			}
		];
	});
	return {
		totals,
		byYear: await grouped(conn, f, 'year'),
		byProgram: await grouped(conn, f, 'program'),
		byOrganiser: await grouped(conn, f, 'organiser'),
		byCounty: await grouped(conn, f, 'county'),
		byMunicipality,
		byActivity,
		evidence,
		choices: {
			programs: (await choice('program')) as string[],
			organisers: (await choice('organiser')) as string[],
			counties: (await choice('county')) as string[],
			activities: (await choice('activity_id')) as string[],
			years: (await choice('year')) as number[]
		}
	};
}
