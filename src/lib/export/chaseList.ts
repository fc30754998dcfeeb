import { byLeadOwner, type MissingReport } from '$lib/metrics/missingReports';
import { toCsv } from './csv';

export interface ChaseListLabels {
	header: {
		owner: string;
		owner_name: string;
		activity_id: string;
		title: string;
		year: string;
		last_report_year: string;
		status_prev: string;
	};
	ownerName: (code: string) => string;
	status: (status: MissingReport['status_prev']) => string;
}

/**
 * The chase list as a spreadsheet: one line per lead owner and activity owed (an activity with two
 * lead owners is on both owners' lines), grouped by owner, `;`-separated with a BOM so that Excel
 * with Estonian settings opens it in columns with õ, ä, ö, ü intact.
 */
export function chaseListCsv(rows: MissingReport[], year: number, labels: ChaseListLabels): string {
	const h = labels.header;
	const body = byLeadOwner(rows).flatMap((g) =>
		g.reports.map((r) => [
			g.owner,
			g.owner ? labels.ownerName(g.owner) : '',
			r.activity_id,
			r.title,
			year,
			r.last_report_year ?? '',
			labels.status(r.status_prev)
		])
	);
	return toCsv(
		[h.owner, h.owner_name, h.activity_id, h.title, h.year, h.last_report_year, h.status_prev],
		body,
		';'
	);
}
