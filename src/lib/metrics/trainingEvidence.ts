/**
 * Which plan activities count trainings, and what counts (issue "Training statistics"): the training
 * data are evidence beside the owners' reports, so the steering group sees when they disagree.
 */
export type EvidenceKind = 'trainings' | 'completed' | 'participants_only';

export const EVIDENCE_RULES: Record<string, { kind: EvidenceKind; why: string }> = {
	// "Vähemalt 1 koolitus": the number of trainings held.
	'1.1.5': { kind: 'trainings', why: 'Vähemalt 1 koolitus' },
	// "Arenguprogramm toimunud, vähemalt 25 KOV juhti osalenud": leaders who completed.
	'3.1.3': { kind: 'completed', why: 'vähemalt 25 KOV juhti osalenud' },
	// "vähemalt 25% volinikest osalenud": a share of all councillors — not computable from training data.
	'3.1.2': { kind: 'participants_only', why: 'vähemalt 25% volinikest osalenud' },
	// "Vähemalt ühel koolitus/ arendustegevus aastas": trainings held.
	'3.1.4': { kind: 'trainings', why: 'Vähemalt ühel koolitus/ arendustegevus aastas' }
};

export interface Evidence {
	evidence_value: number | null;
	/** true/false when the reported actual value can be compared; null when it cannot. */
	agrees: boolean | null;
}

/** The training evidence for one activity and whether the owner's reported value matches it. */
export function trainingEvidence(
	kind: EvidenceKind,
	t: { trainings: number; completed: number; registered: number },
	reportedActual: number | null
): Evidence {
	const evidence_value =
		kind === 'trainings' ? t.trainings : kind === 'completed' ? t.completed : t.registered;
	if (kind === 'participants_only' || reportedActual === null) return { evidence_value, agrees: null };
	return { evidence_value, agrees: reportedActual === evidence_value };
}
