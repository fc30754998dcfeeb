import type { FileProblem, RowIssue } from './types';
import { ACCEPTED_STATUSES_EN, ACCEPTED_STATUSES_ET } from './datasets/status';

type Lang = 'et' | 'en';

/** Every file problem, row error and warning in Estonian and English (`{name}` placeholders). */
const TEXT: Record<string, { et: string; en: string }> = {
	empty: { et: 'Fail on tühi.', en: 'The file is empty.' },
	binary: {
		et: 'Fail ei ole tekstifail (CSV). Salvesta see Excelis kujul „CSV (eraldajaga)“.',
		en: 'The file is not a text (CSV) file. Save it from Excel as "CSV (delimited)".'
	},
	html: {
		et: 'Fail on HTML-leht, mitte CSV (näiteks veebilehelt salvestatud). Ekspordi andmed CSV-na.',
		en: 'The file is an HTML page, not CSV (for example saved from a web page). Export the data as CSV.'
	},
	too_large: {
		et: 'Fail on liiga suur (suurim lubatud {size}).',
		en: 'The file is too large (the limit is {size}).'
	},
	no_header: {
		et: 'Failist ei leitud päiserida (veergude nimesid). Esimesel real peavad olema veergude nimed.',
		en: 'No header row (column names) was found in the file. The column names must be on the first row.'
	},
	header_only: {
		et: 'Failis on ainult päiserida, andmeridu pole.',
		en: 'The file has a header row but no data rows.'
	},
	missing_columns: {
		et: 'Kohustuslik veerg puudub: {columns}. Vali allpool, milline faili veerg seda sisaldab.',
		en: 'A required column is missing: {columns}. Choose below which column of the file holds it.'
	},
	unknown_dataset: {
		et: 'Päiste järgi ei tunne andmestikku ära. Vali andmestik käsitsi.',
		en: 'The dataset could not be recognised from the headers. Choose the dataset yourself.'
	},
	too_many_columns: {
		et: 'Failis on liiga palju veerge ({n}; lubatud {max}).',
		en: 'The file has too many columns ({n}; the limit is {max}).'
	},
	header_too_large: {
		et: 'Faili päiserida on liiga pikk ({size}; lubatud {max}).',
		en: 'The header row is too long ({size}; the limit is {max}).'
	},
	workbook_unreadable: {
		et: 'Exceli/LibreOffice’i töövihikut ei saanud lugeda ({reason}). Salvesta see uuesti või kujul „CSV UTF-8“.',
		en: 'The Excel/LibreOffice workbook could not be read ({reason}). Save it again, or as "CSV UTF-8".'
	},
	workbook_ods: {
		et: 'LibreOffice’i .ods-töövihikut ei loeta. Salvesta see LibreOffice’is kujul .xlsx või CSV (UTF-8, semikoolon).',
		en: 'LibreOffice .ods workbooks are not read. Save it from LibreOffice as .xlsx or CSV (UTF-8, semicolon).'
	},
	workbook_empty: {
		et: 'Töövihiku lehel „{sheet}“ pole andmeid.',
		en: 'The sheet "{sheet}" of the workbook holds no data.'
	},
	cell_too_long: {
		et: 'Lahter on {length} märki pikk (lubatud kuni {max}); rida jäeti välja.',
		en: 'The cell is {length} characters long (the limit is {max}); the row was left out.'
	},
	missing_value: { et: 'Kohustuslik väärtus puudub.', en: 'A required value is missing.' },
	unknown_activity: {
		et: 'Tegevust „{value}“ tegevuskavas pole.',
		en: 'There is no activity "{value}" in the action plan.'
	},
	unknown_activity_near: {
		et: 'Tegevust „{value}“ tegevuskavas pole. Kas mõeldud on {near}?',
		en: 'There is no activity "{value}" in the action plan. Did you mean {near}?'
	},
	activity_as_date: {
		et: '„{value}“ on kuupäev, mitte tegevuse number: Excel on ilmselt teinud tegevusest {near} kuupäeva. Vorminda veerg tekstiks, kirjuta {near} ja ekspordi uuesti.',
		en: '"{value}" is a date, not an activity number: Excel has probably turned activity {near} into one. Format the column as text, type {near} and export again.'
	},
	unknown_activity_link: {
		et: 'Tegevust „{value}“ tegevuskavas pole; koolitus imporditakse ilma tegevuseta.',
		en: 'There is no activity "{value}" in the plan; the training is imported without a link.'
	},
	unknown_activity_link_near: {
		et: 'Tegevust „{value}“ tegevuskavas pole (kas mõeldud on {near}?); koolitus imporditakse ilma tegevuseta.',
		en: 'There is no activity "{value}" in the plan (did you mean {near}?); the training is imported without a link.'
	},
	activity_link_as_date: {
		et: '„{value}“ on kuupäev, mitte tegevuse number (Excel on ilmselt teinud tegevusest {near} kuupäeva); koolitus imporditakse ilma tegevuseta.',
		en: '"{value}" is a date, not an activity number (Excel has probably turned activity {near} into one); the training is imported without a link.'
	},
	invalid_activity_id: {
		et: '„{value}“ ei ole tegevuse number (nt 2.5.1).',
		en: '"{value}" is not an activity number (e.g. 2.5.1).'
	},
	unknown_status: {
		et: `Tundmatu staatus „{value}“. Lubatud: ${ACCEPTED_STATUSES_ET}.`,
		en: `Unknown status "{value}". Accepted: ${ACCEPTED_STATUSES_EN}.`
	},
	invalid_year: { et: '„{value}“ ei ole aasta.', en: '"{value}" is not a year.' },
	year_out_of_range: {
		et: 'Aasta {value} on võimatu (lubatud {min}–{max}).',
		en: 'The year {value} is impossible (allowed {min}–{max}).'
	},
	invalid_number: { et: '„{value}“ ei ole arv.', en: '"{value}" is not a number.' },
	percent_for_count_target: {
		et: '„{value}“ on protsent, kuid tegevuse {activity} sihttase on arv, mitte protsent. Kirjuta arv ilma %-märgita.',
		en: '"{value}" is a percentage, but the target of activity {activity} is a count, not a percentage. Write the number without the % sign.'
	},
	percent_for_binary_target: {
		et: '„{value}“ on protsent, kuid tegevuse {activity} sihttase on jah/ei (tehtud või mitte), mitte protsent.',
		en: '"{value}" is a percentage, but the target of activity {activity} is yes/no (done or not), not a percentage.'
	},
	percent_for_unknown_target: {
		et: '„{value}“ on protsent, kuid tegevuse {activity} sihttase ei ole tegevuskavas protsentides.',
		en: '"{value}" is a percentage, but the plan does not give the target of activity {activity} as a percentage.'
	},
	percent_for_unit: {
		et: '„{value}“ on protsent, kuid näitaja ühik on „{unit}“, mitte protsent.',
		en: '"{value}" is a percentage, but the indicator\'s unit is "{unit}", not a percentage.'
	},
	invalid_count: {
		et: '„{value}“ ei ole mittenegatiivne täisarv.',
		en: '"{value}" is not a whole number ≥ 0.'
	},
	invalid_date: {
		et: '„{value}“ ei ole kuupäev (pp.kk.aaaa või aaaa-kk-pp).',
		en: '"{value}" is not a date (dd.mm.yyyy or yyyy-mm-dd).'
	},
	invalid_percent: {
		et: '„{value}“ ei ole protsent vahemikus 0–100.',
		en: '"{value}" is not a percentage between 0 and 100.'
	},
	invalid_boolean: { et: '„{value}“ ei ole jah/ei väärtus.', en: '"{value}" is not a yes/no value.' },
	invalid_ehak_code: {
		et: '„{value}“ ei ole EHAK-kood (4 numbrit).',
		en: '"{value}" is not an EHAK code (4 digits).'
	},
	invalid_type: {
		et: 'Tüüp peab olema „linn“ või „vald“, mitte „{value}“.',
		en: 'The type must be "linn" or "vald", not "{value}".'
	},
	invalid_unit: {
		et: 'Ühik peab olema count, percent või binary.',
		en: 'The unit must be count, percent or binary.'
	},
	end_before_start: {
		et: 'Lõppkuupäev on enne alguskuupäeva ({start}).',
		en: 'The end date is before the start date ({start}).'
	},
	completed_exceeds_registered: {
		et: 'Läbinuid ({completed}) ja katkestajaid ({dropped_out}) on kokku rohkem kui registreerunuid ({registered}).',
		en: 'Completed ({completed}) plus dropped out ({dropped_out}) is more than registered ({registered}).'
	},
	ambiguous_municipality: {
		et: '„{value}“ on mitmetähenduslik: {candidates}. Kirjuta „linn“ või „vald“ või EHAK-kood.',
		en: '"{value}" is ambiguous: {candidates}. Write "linn" or "vald", or the EHAK code.'
	},
	unknown_municipality: {
		et: 'Omavalitsust „{value}“ ei leitud.',
		en: 'No municipality "{value}" was found.'
	},
	unknown_municipality_near: {
		et: 'Omavalitsust „{value}“ ei leitud. Kas mõeldud on: {near}?',
		en: 'No municipality "{value}" was found. Did you mean {near}?'
	},
	duplicate_key: {
		et: 'Sama võtmega rida on failis juba real {first}.',
		en: 'A row with the same key is already in the file on row {first}.'
	},
	footnote_dropped: {
		et: 'Joonealune rida jäeti välja: „{value}“.',
		en: 'A footnote line was left out: "{value}".'
	},
	mixed_encoding: {
		et: 'Failis on eri kodeeringus ridu: {n} rida (nt {lines}) olid UTF-8, ülejäänud {encoding}. Kõik read loeti õigesti; kontrolli eelvaates täpitähti.',
		en: 'The file mixes encodings: {n} lines (e.g. {lines}) were UTF-8, the rest {encoding}. Every line was read in its own encoding; check the letters with diacritics in the preview.'
	},
	duplicate_column: {
		et: 'Veerg „{value}“ on failis mitu korda (veerud {first} ja {others}); kasutatakse veergu {first}. Vali vastavuses muu veerg, kui vaja.',
		en: 'The column "{value}" appears more than once (columns {first} and {others}); column {first} is used. Choose another in the mapping if needed.'
	},
	extra_fields: {
		et: 'Real on {n} lisavälja päise järel; need jäeti välja.',
		en: 'The row has {n} extra fields after the header; they were left out.'
	}
};

export function formatIssue(issue: Pick<RowIssue, 'code' | 'params'> | FileProblem, lang: Lang): string {
	const text = TEXT[issue.code]?.[lang] ?? issue.code;
	const params = issue.params as Record<string, string | number>;
	return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export const ISSUE_CODES = Object.keys(TEXT);
