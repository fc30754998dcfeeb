import type { DatasetName } from '$lib/types';
import { DATASET_FIELDS } from './datasets/fields';
import { ACCEPTED_STATUSES_EN, ACCEPTED_STATUSES_ET } from './datasets/status';
import { YEAR_RANGE } from './datasets/validate';
import { encodeText } from './read/encode';
import { writeDelimited } from './read/writeTable';

type Lang = 'et' | 'en';
type Example = Record<string, string | { et: string; en: string }>;

/**
 * Issue #18 "Templates": a file an analyst hands to an owner, that opens right in Estonian Excel
 * (UTF-8 with BOM, `;`) with the dataset's columns and two example rows that import as they are.
 * The service-level template names the municipality, not its EHAK code (either is accepted).
 */
const EXAMPLES: Record<DatasetName, [Example, Example]> = {
	progress: [
		{
			activity_id: '1.1.1',
			year: '2024',
			status: { et: 'töös', en: 'in progress' },
			actual_value: '2',
			target_value: '3',
			comment: { et: 'Juhendmaterjal on kooskõlastamisel', en: 'The guidance is being agreed' },
			reported_at: { et: '15.01.2025', en: '2025-01-15' }
		},
		{
			activity_id: '2.5.1',
			year: '2024',
			status: { et: 'tehtud', en: 'done' },
			actual_value: { et: '1,0', en: '1.0' },
			target_value: '1',
			comment: '',
			reported_at: { et: '20.01.2025', en: '2025-01-20' }
		}
	],
	trainings: [
		{
			program: { et: 'KOV juhtide arenguprogramm', en: 'Local government leaders programme' },
			training_id: 'K-2024-01',
			topic: { et: 'Strateegiline juhtimine', en: 'Strategic management' },
			activity_id: '3.1.1',
			organiser: 'RTK',
			start_date: { et: '09.09.2024', en: '2024-09-09' },
			end_date: { et: '21.04.2025', en: '2025-04-21' },
			municipality: 'Rae vald',
			registered: '21',
			completed: '18',
			dropped_out: '3',
			satisfaction: { et: '95 %', en: '95%' }
		},
		{
			program: { et: 'Avatud valitsemise töötuba', en: 'Open government workshop' },
			training_id: 'K-2024-02',
			topic: { et: 'Digipädevus', en: 'Digital skills' },
			activity_id: '',
			organiser: 'RTK',
			start_date: { et: '05.11.2024', en: '2024-11-05' },
			end_date: { et: '05.11.2024', en: '2024-11-05' },
			municipality: '0784',
			registered: '25',
			completed: '24',
			dropped_out: '1',
			satisfaction: { et: '92,5', en: '92.5' }
		}
	],
	service_levels: [
		{
			municipality: 'Rae vald',
			year: '2024',
			domain: { et: 'Haridus', en: 'Education' },
			indicator: { et: 'Lasteaiakoha ootejärjekord', en: 'Kindergarten waiting list' },
			value: '12',
			unit: { et: 'last', en: 'children' },
			higher_is_better: { et: 'ei', en: 'no' }
		},
		{
			municipality: 'Tallinn',
			year: '2024',
			domain: { et: 'Haridus', en: 'Education' },
			indicator: { et: 'Lasteaiakoha ootejärjekord', en: 'Kindergarten waiting list' },
			value: { et: '1 234,5', en: '1234.5' },
			unit: { et: 'last', en: 'children' },
			higher_is_better: { et: 'ei', en: 'no' }
		}
	],
	municipalities: [
		{
			ehak_code: '0653',
			name: 'Rae vald',
			type: 'vald',
			county: 'Harju maakond',
			population: '25000',
			lat: { et: '59,350', en: '59.350' },
			lon: { et: '24,900', en: '24.900' }
		},
		{
			ehak_code: '0784',
			name: 'Tallinn',
			type: 'linn',
			county: 'Harju maakond',
			population: '457000',
			lat: { et: '59,437', en: '59.437' },
			lon: { et: '24,745', en: '24.745' }
		}
	],
	activities: [
		{
			activity_id: '4.9.1',
			title: { et: 'Näidistegevus: koolituskava koostamine', en: 'Example activity: a training plan' },
			target_group: { et: 'KOV juhid', en: 'Local government leaders' },
			outputs: { et: 'Koolituskava', en: 'Training plan' },
			target_text: { et: 'Vähemalt 3 koolitust', en: 'At least 3 trainings' },
			target_value: '3',
			target_unit: 'count',
			lead_owner: 'RM',
			co_owners: 'ELVL',
			funding: 'RE',
			deadline: '2025'
		},
		{
			activity_id: '4.9.2',
			title: { et: 'Näidistegevus: ülevaade', en: 'Example activity: a review' },
			target_group: '',
			outputs: { et: 'Ülevaade', en: 'Review' },
			target_text: { et: 'Ülevaade on tehtud', en: 'The review is done' },
			target_value: '1',
			target_unit: 'binary',
			lead_owner: 'RM',
			co_owners: '',
			funding: 'RE',
			deadline: { et: 'IV kv 2025', en: 'Q4 2025' }
		}
	]
};

/** The template's column names: the first Estonian alias, or the field's own name in words (English). */
export function templateHeader(dataset: DatasetName, lang: Lang): string[] {
	return templateFields(dataset).map((f) => {
		if (lang === 'en') {
			const words = f.name.replace(/_/g, ' ');
			return words[0].toUpperCase() + words.slice(1);
		}
		const alias = f.aliases[0] ?? f.name;
		return alias[0].toUpperCase() + alias.slice(1);
	});
}

function templateFields(dataset: DatasetName) {
	return DATASET_FIELDS[dataset].filter((f) => f.name in EXAMPLES[dataset][0]);
}

/** The two example rows, as the template holds them. */
export function templateRows(dataset: DatasetName, lang: Lang): string[][] {
	return EXAMPLES[dataset].map((ex) =>
		templateFields(dataset).map((f) => {
			const v = ex[f.name];
			return typeof v === 'string' ? v : v[lang];
		})
	);
}

export const TEMPLATE_DELIMITER = ';';

/** The template as a file: UTF-8 with BOM, `;`, CRLF (what Estonian Excel opens and saves). */
export function templateFile(dataset: DatasetName, lang: Lang): { name: string; bytes: Uint8Array } {
	const text = writeDelimited(
		[templateHeader(dataset, lang), ...templateRows(dataset, lang)],
		TEMPLATE_DELIMITER
	);
	const name = lang === 'et' ? `mall-${dataset}.csv` : `template-${dataset}.csv`;
	return { name, bytes: encodeText(text, 'utf-8-bom') };
}

const NOTES = {
	et: {
		required: 'Kohustuslikud veerud',
		status: `Staatus: ${ACCEPTED_STATUSES_ET} (ka pooleli, käimas, ohus, valmis, lõpetatud, loobutud)`,
		dates: 'Kuupäevad: pp.kk.aaaa (15.01.2025), aaaa-kk-pp (2025-01-15) või p.k.aaaa (5.1.2025)',
		numbers: 'Arvud: 1 234,5 või 1234.5; protsent 95, 95 % või 0,95',
		years: (min: number, max: number) => `Aasta: ${min}–${max}`,
		municipality:
			'Omavalitsus: nimi (Rae vald, Tallinn) või EHAK-kood (0653); Tartu, Viljandi, Rakvere ja Võru vajavad sõna linn või vald',
		boolean: 'Suurem on parem: jah/ei (tühi = jah)',
		type: 'Tüüp: linn või vald',
		unit: 'Ühik: count, percent või binary',
		delimiter:
			'Eraldaja semikoolon (;), kodeering UTF-8; Excelis salvesta kujul „CSV UTF-8 (komaeraldusega)“ või „CSV (eraldajaga)“.'
	},
	en: {
		required: 'Required columns',
		status: `Status: ${ACCEPTED_STATUSES_EN} (also: not started, in progress, at risk, or the Estonian words)`,
		dates: 'Dates: dd.mm.yyyy (15.01.2025), yyyy-mm-dd (2025-01-15) or d.m.yyyy (5.1.2025)',
		numbers: 'Numbers: 1 234,5 or 1234.5; a percentage as 95, 95 % or 0.95',
		years: (min: number, max: number) => `Year: ${min}–${max}`,
		municipality:
			'Municipality: its name (Rae vald, Tallinn) or EHAK code (0653); Tartu, Viljandi, Rakvere and Võru need linn or vald',
		boolean: 'Higher is better: yes/no (empty = yes)',
		type: 'Type: linn or vald',
		unit: 'Unit: count, percent or binary',
		delimiter:
			'Delimiter semicolon (;), encoding UTF-8; in Excel save as "CSV UTF-8 (comma delimited)" or "CSV (delimited)".'
	}
};

/** The allowed values beside a template: required columns, status words, date and number forms. */
export function templateNotes(dataset: DatasetName, lang: Lang): string[] {
	const n = NOTES[lang];
	const header = templateHeader(dataset, lang);
	const fields = templateFields(dataset);
	const required = fields.flatMap((f, i) => (f.required ? [header[i]] : []));
	const types = new Set(fields.map((f) => f.type));
	const out = [`${n.required}: ${required.join(', ')}`];
	if (types.has('status')) out.push(n.status);
	if (dataset in YEAR_RANGE) {
		const [min, max] = YEAR_RANGE[dataset as keyof typeof YEAR_RANGE];
		out.push(n.years(min, max));
	}
	if (types.has('date')) out.push(n.dates);
	if (types.has('number') || types.has('percent') || types.has('integer')) out.push(n.numbers);
	if (types.has('municipality')) out.push(n.municipality);
	if (types.has('boolean')) out.push(n.boolean);
	if (dataset === 'municipalities') out.push(n.type);
	if (dataset === 'activities') out.push(n.unit);
	out.push(n.delimiter);
	return out;
}
