import type { Activity } from '$lib/types';
import { ACTIVITY_ID, activityFromText } from './activity';

const DIRECTION_HEADING = /^Strateegiline suund\s+(\d)\s*[.:\-–]?\s*(.+)$/u;
const NUMBERED_HEADING = /^(\d)\.\s+(\S.*)$/u;

function stripTrailingParenthetical(name: string): string {
	return name.replace(/\s*\([^)]*\)\s*$/u, '').trim();
}

/**
 * The plan as published (seed 001): tab-separated text with title lines, direction headings,
 * numbered result-area headings (sometimes padded with tabs), repeated header rows, a `-------`
 * separator row and blank lines. Activity rows are recognised by their id; headings give the
 * direction and result-area names. data-contract.md "The plan's own format".
 */
export function parsePlan(text: string): Activity[] {
	const activities: Activity[] = [];
	const directionNames = new Map<number, string>();
	let currentDirection = 0;
	let lastHeading: { number: number; name: string } | null = null;
	const areaNames = new Map<string, string>();

	for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
		const cells = rawLine.split('\t').map((c) => c.trim());
		const nonEmpty = cells.filter((c) => c.length > 0);
		if (nonEmpty.length === 0) continue;
		const first = cells[0];

		if (ACTIVITY_ID.test(first)) {
			const [id, title, target_group, outputs, target_text, lead_owner, co_owners, funding, deadline] = cells;
			const [d, r] = id.split('.').map(Number);
			const area = `${d}.${r}`;
			if (!areaNames.has(area) && lastHeading) {
				// Direction 4 has no "Strateegiline suund 4" heading: its numbered heading `4. …` names it.
				if (!directionNames.has(d) && lastHeading.number === d) directionNames.set(d, lastHeading.name);
				areaNames.set(area, lastHeading.number === r || lastHeading.number === d ? lastHeading.name : '');
			}
			activities.push(
				activityFromText(
					{
						activity_id: id,
						title: title ?? '',
						target_group,
						outputs,
						target_text,
						lead_owner: lead_owner ?? '',
						co_owners,
						funding,
						deadline,
						direction_name: directionNames.get(d),
						result_area_name: areaNames.get(area)
					},
					activities.length
				)
			);
			continue;
		}
		if (nonEmpty.length > 1) continue; // header rows and the `-------` separator
		const line = nonEmpty[0];
		const direction = DIRECTION_HEADING.exec(line);
		if (direction) {
			currentDirection = Number(direction[1]);
			directionNames.set(currentDirection, stripTrailingParenthetical(direction[2]));
			lastHeading = null;
			continue;
		}
		const heading = NUMBERED_HEADING.exec(line);
		if (heading) lastHeading = { number: Number(heading[1]), name: heading[2].trim() };
	}
	return activities;
}

/** Does this text look like the plan's own tab-separated format? */
export function isPlanText(text: string): boolean {
	return /Strateegiline suund/u.test(text) && /^Nr\tTegevus/mu.test(text);
}
