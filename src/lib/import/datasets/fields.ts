import type { DatasetName } from '$lib/types';
import { normalizeHeader } from '../read/values';

export type FieldType =
	'text' | 'id' | 'integer' | 'number' | 'date' | 'status' | 'boolean' | 'percent' | 'municipality' | 'unit';

export interface FieldDef {
	name: string;
	required: boolean;
	type: FieldType;
	/** Header texts that mean this field (data-contract.md), matched after normalizeHeader. */
	aliases: string[];
}

const f = (name: string, type: FieldType, aliases: string[], required = false): FieldDef => ({
	name,
	type,
	aliases,
	required
});

/** The five datasets' columns with their Estonian aliases (data-contract.md "Datasets"). */
export const DATASET_FIELDS: Record<DatasetName, FieldDef[]> = {
	activities: [
		f('activity_id', 'id', ['Nr', 'tegevuse nr', 'tegevuse number', 'id'], true),
		f('title', 'text', ['Tegevus', 'pealkiri', 'nimetus'], true),
		f('target_group', 'text', ['Sihtrühm']),
		f('outputs', 'text', ['Väljundid', 'väljund']),
		f('target_text', 'text', ['Sihttase', 'Sihetase', 'siht']),
		f('target_value', 'number', ['sihttaseme väärtus', 'sihtväärtus']),
		f('target_unit', 'unit', ['ühik', 'sihttaseme ühik']),
		f('lead_owner', 'text', ['Peavastutaja', 'vastutaja'], true),
		f('co_owners', 'text', ['Kaasvastutajad', 'kaasvastutaja']),
		f('funding', 'text', ['Rahastamine', 'Rahastmine', 'rahastus']),
		f('deadline', 'text', ['Tähtaeg'])
	],
	progress: [
		f('activity_id', 'id', ['Nr', 'Tegevus', 'tegevuse nr', 'tegevuse number'], true),
		f('year', 'integer', ['Aasta'], true),
		f('status', 'status', ['Staatus', 'Seis', 'olek'], true),
		f('actual_value', 'number', ['Tegelik', 'Tegelik väärtus', 'Saavutatud', 'tulemus']),
		f('target_value', 'number', ['Sihttase', 'sihtväärtus']),
		f('comment', 'text', ['Kommentaar', 'märkused', 'selgitus']),
		f('reported_at', 'date', ['Kuupäev', 'Aruande kuupäev', 'esitatud'])
	],
	trainings: [
		f('program', 'text', ['Programm', 'Koolitus', 'koolituse nimetus', 'koolitusprogramm'], true),
		f('training_id', 'text', ['Koolituse id', 'koolituse kood', 'id']),
		f('topic', 'text', ['Teema']),
		f('activity_id', 'id', ['Tegevus', 'Nr', 'tegevuse nr']),
		f('organiser', 'text', ['Korraldaja', 'koolitaja']),
		f('start_date', 'date', ['Algus', 'Alguskuupäev', 'algus kuupäev']),
		f('end_date', 'date', ['Lõpp', 'Lõppkuupäev', 'lõpp kuupäev']),
		f('municipality', 'municipality', ['Omavalitsus', 'KOV', 'ehak', 'ehak kood']),
		f('registered', 'integer', ['Registreerunud', 'Registreerunute arv', 'osalejaid']),
		f('completed', 'integer', ['Läbinud', 'Läbinute arv']),
		f('dropped_out', 'integer', ['Katkestanud', 'Katkestajate arv']),
		f('satisfaction', 'percent', ['Rahulolu', 'Rahuloluprotsent', 'rahulolu %'])
	],
	municipalities: [
		f('ehak_code', 'text', ['EHAK', 'ehak kood', 'kood'], true),
		f('name', 'text', ['Nimi', 'Omavalitsus', 'KOV'], true),
		f('type', 'text', ['Tüüp', 'liik']),
		f('county', 'text', ['Maakond']),
		f('population', 'integer', ['Rahvaarv', 'population approx', 'elanike arv', 'elanikke']),
		f('lat', 'number', ['Laius', 'latitude']),
		f('lon', 'number', ['Pikkus', 'longitude'])
	],
	service_levels: [
		f('municipality', 'municipality', ['Omavalitsus', 'KOV', 'Nimi']),
		f('ehak_code', 'municipality', ['EHAK', 'ehak kood']),
		f('year', 'integer', ['Aasta'], true),
		f('domain', 'text', ['Valdkond']),
		f('indicator', 'text', ['Näitaja', 'indikaator'], true),
		f('value', 'number', ['Väärtus']),
		f('unit', 'text', ['Ühik']),
		f('higher_is_better', 'boolean', ['Suurem on parem', 'higher is better'])
	]
};

/** Header index for each field of a dataset; canonical names match as well as aliases. */
export function mapColumns(
	dataset: DatasetName,
	header: string[],
	override: Record<string, number | null> = {}
): { mapping: Record<string, number | null>; missingRequired: string[]; unmapped: string[] } {
	const norm = header.map(normalizeHeader);
	const used = new Set<number>();
	const mapping: Record<string, number | null> = {};
	for (const field of DATASET_FIELDS[dataset]) {
		if (field.name in override) {
			const o = override[field.name];
			mapping[field.name] = o !== null && o !== undefined && o >= 0 && o < header.length ? o : null;
			if (mapping[field.name] !== null) used.add(mapping[field.name] as number);
			continue;
		}
		const names = [field.name, ...field.aliases].map(normalizeHeader);
		let index: number | null = null;
		for (const n of names) {
			const i = norm.findIndex((h, k) => h === n && !used.has(k));
			if (i >= 0) {
				index = i;
				break;
			}
		}
		mapping[field.name] = index;
		if (index !== null) used.add(index);
	}
	let missingRequired = DATASET_FIELDS[dataset]
		.filter((fd) => fd.required && mapping[fd.name] === null)
		.map((fd) => fd.name);
	if (dataset === 'service_levels' && mapping.municipality === null && mapping.ehak_code === null) {
		missingRequired = ['municipality', ...missingRequired];
	}
	const unmapped = header.filter((h, i) => !used.has(i) && h.trim() !== '');
	return { mapping, missingRequired, unmapped };
}

/** The dataset whose columns the header matches best (required columns weigh most). */
export function detectDataset(header: string[]): {
	dataset: DatasetName | null;
	scores: Record<DatasetName, number>;
} {
	const scores = {} as Record<DatasetName, number>;
	let best: DatasetName | null = null;
	for (const d of Object.keys(DATASET_FIELDS) as DatasetName[]) {
		const { mapping, missingRequired } = mapColumns(d, header);
		const matched = DATASET_FIELDS[d].filter((fd) => mapping[fd.name] !== null);
		const score = matched.reduce((s, fd) => s + (fd.required ? 3 : 1), 0) - missingRequired.length * 4;
		scores[d] = score;
		if (best === null || score > scores[best]) best = d;
	}
	return { dataset: best !== null && scores[best] > 0 ? best : null, scores };
}
