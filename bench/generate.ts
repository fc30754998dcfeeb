/**
 * Service-level CSVs the way an analyst receives them from an Estonian Excel export: `;` between
 * fields, decimal commas, CRLF, the Estonian header, official municipality names (never a bare
 * `Tartu` that would be ambiguous), years 2015–2024 and a few empty values. Keys
 * (municipality, indicator, year) are unique, as the importer requires, so a large file gets its
 * extra indicators from breakdowns of a few dozen base indicators (`… (naised, 65+, IV kv)`).
 * Deterministic: the same row count always writes the same bytes.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HEADER = 'Omavalitsus;Aasta;Valdkond;Näitaja;Väärtus;Ühik';
export const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);

/** [domain, indicator, unit, typical value, decimals] */
const BASE: [string, string, string, number, number][] = [
	['Haridus', 'Lasteaiakohtade täituvus', '%', 92, 1],
	['Haridus', 'Õpilasi õpetaja kohta', 'arv', 11, 1],
	['Haridus', 'Põhikooli lõpetajate osakaal', '%', 95, 1],
	['Haridus', 'Kulu õpilase kohta', 'eurot', 6200, 2],
	['Haridus', 'Huvihariduses osalejate osakaal', '%', 61, 1],
	['Haridus', 'Lasteaiajärjekorras olevad lapsed', 'arv', 24, 0],
	['Sotsiaalhoolekanne', 'Toimetulekutoetuse saajad 1000 elaniku kohta', 'arv', 18, 1],
	['Sotsiaalhoolekanne', 'Koduteenuse saajad', 'arv', 55, 0],
	['Sotsiaalhoolekanne', 'Sotsiaaltöötajaid 1000 elaniku kohta', 'arv', 0.9, 2],
	['Sotsiaalhoolekanne', 'Hoolduskoormus', '%', 12, 1],
	['Sotsiaalhoolekanne', 'Sotsiaalkulud elaniku kohta', 'eurot', 210, 2],
	['Sotsiaalhoolekanne', 'Isikliku abistaja teenuse saajad', 'arv', 9, 0],
	['Planeerimine', 'Kehtivate detailplaneeringute arv', 'arv', 14, 0],
	['Planeerimine', 'Ehituslubade menetlusaeg', 'päeva', 23, 1],
	['Planeerimine', 'Üldplaneeringu vanus', 'aastat', 6, 0],
	['Planeerimine', 'Kergliiklusteede pikkus', 'km', 31, 1],
	['Planeerimine', 'Ühistranspordi peatuste katvus', '%', 78, 1],
	['Personal', 'Ametnike arv', 'arv', 64, 0],
	['Personal', 'Personali voolavus', '%', 9, 1],
	['Personal', 'Koolitustunde töötaja kohta', 'tundi', 21, 1],
	['Personal', 'Koolituskulu töötaja kohta', 'eurot', 340, 2],
	['Personal', 'Täitmata ametikohad', 'arv', 3, 0],
	['Personal', 'Keskmine brutopalk', 'eurot', 1650, 2],
	['Personal', 'Arenguvestlustega hõlmatud töötajad', '%', 83, 1],
	['Rahandus', 'Põhitegevuse tulem elaniku kohta', 'eurot', 120, 2],
	['Rahandus', 'Netovõlakoormus', '%', 38, 1],
	['Rahandus', 'Investeeringud elaniku kohta', 'eurot', 410, 2],
	['Rahandus', 'Maksutulu elaniku kohta', 'eurot', 980, 2],
	['Rahandus', 'Omatulude osakaal', '%', 71, 1],
	['Elukeskkond', 'Jäätmete liigiti kogumise määr', '%', 34, 1],
	['Elukeskkond', 'Ühisveevärgiga liitunud elanikud', '%', 81, 1],
	['Elukeskkond', 'Tänavavalgustuse punktid', 'arv', 1200, 0],
	['Elukeskkond', 'Avalikud rohealad elaniku kohta', 'm²', 45, 1],
	['Elukeskkond', 'Registreeritud kuriteod 1000 elaniku kohta', 'arv', 19, 1],
	['Kultuur ja sport', 'Raamatukogu külastused elaniku kohta', 'arv', 4.2, 2],
	['Kultuur ja sport', 'Spordirajatiste arv', 'arv', 17, 0],
	['Kultuur ja sport', 'Kultuurikulud elaniku kohta', 'eurot', 160, 2],
	['Kultuur ja sport', 'Noortekeskuste külastused', 'arv', 5400, 0],
	['E-teenused', 'E-teenuste osakaal', '%', 57, 1],
	['E-teenused', 'Digitaalselt esitatud taotlused', '%', 63, 1],
	['E-teenused', 'Dokumendiregistri avalike kirjete osakaal', '%', 88, 1],
	['E-teenused', 'Vastamise keskmine aeg', 'päeva', 6, 1]
];

/** Breakdowns, in the order they are used; the first is "no breakdown". */
function breakdowns(): string[] {
	const out = [''];
	for (const q of ['I kv', 'II kv', 'III kv', 'IV kv'])
		for (const g of ['mehed', 'naised'])
			for (const a of ['0–6', '7–18', '19–64', '65+']) out.push(` (${g}, ${a}, ${q})`);
	return out;
}

export function municipalityNames(csv = readFileSync('data/municipalities.csv', 'utf8')): string[] {
	const [head, ...lines] = csv.trim().split(/\r?\n/);
	const col = head.split(',').indexOf('name');
	return lines.map((l) => l.split(',')[col]);
}

/** The most rows a file can have with unique keys. */
export function maxRows(municipalities: number): number {
	return BASE.length * breakdowns().length * YEARS.length * municipalities;
}

export function serviceLevelCsv(rows: number, municipalities: string[]): string {
	if (rows > maxRows(municipalities.length))
		throw new Error(`at most ${maxRows(municipalities.length)} rows`);
	const perIndicator = municipalities.length * YEARS.length;
	const indicatorCount = Math.ceil(rows / perIndicator);
	const parts = breakdowns();
	const indicators = Array.from({ length: indicatorCount }, (_, i) => {
		const [domain, name, unit, typical, decimals] = BASE[i % BASE.length];
		return { domain, name: name + parts[Math.floor(i / BASE.length)], unit, typical, decimals };
	});
	let seed = 20240601;
	const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const out: string[] = [HEADER];
	let n = 0;
	// Export order: municipality, year, indicator — as a pivot table would be flattened.
	for (const m of municipalities) {
		for (const y of YEARS) {
			for (const ind of indicators) {
				if (n === rows) break;
				n++;
				let value = '';
				if (random() >= 0.03) {
					const v = ind.typical * (0.4 + 1.2 * random()) * (1 + (y - 2015) * 0.01);
					value = v.toFixed(ind.decimals).replace('.', ',');
				}
				out.push(`${m};${y};${ind.domain};${ind.name};${value};${ind.unit}`);
			}
		}
	}
	return out.join('\r\n') + '\r\n';
}

/** Writes `bench/tmp/service-levels-<rows>.csv`; returns its path, size and indicator count. */
export function writeCsv(dir: string, rows: number): { file: string; bytes: number; indicators: number } {
	const file = join(dir, `service-levels-${rows}.csv`);
	const names = municipalityNames();
	writeFileSync(file, serviceLevelCsv(rows, names));
	return { file, bytes: statSync(file).size, indicators: Math.ceil(rows / (names.length * YEARS.length)) };
}

export const TRAINING_HEADER =
	'Koolituse id;Programm;Teema;Tegevus;Korraldaja;Algus;Lõpp;Omavalitsus;Registreerunud;Läbinud;Katkestanud;Rahulolu';
/** [program, topic, plan activity, organiser] — the programmes of seeds 003/004 and the plan's training activities. */
const PROGRAMMES: [string, string, string, string][] = [
	['Avatud valitsemise ja digivõimekuse töötoad', 'Avatud valitsemine', '3.3.2.1', 'RTK'],
	['Kohaliku omavalitsuse juhtimise mikrokraad', 'Juhtimine', '1.1.1', 'TLÜ'],
	['Personalijuhtimise baaskoolitus', 'Personalijuhtimine', '2.1.1', 'RaM'],
	['Sotsiaalvaldkonna spetsialistide täienduskoolitus', 'Sotsiaalhoolekanne', '2.2.1', 'SKA'],
	['Planeerimise ja ehituse e-kursus', 'Planeerimine', '2.3.1', 'RaM'],
	['Uute volikogu liikmete sisseelamisprogramm', 'Volikogu töö', '1.2.1', 'ELVL']
];

/**
 * A training-statistics export as a trainer sends it (`;`, dd.mm.yyyy, decimal commas, CRLF): one
 * row per session and municipality, unique training ids, about 1 % of rows with a count error
 * (completed + dropped out > registered) as real exports have. Deterministic.
 */
export function trainingCsv(rows: number, municipalities: string[]): string {
	let seed = 20221109;
	const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const out = [TRAINING_HEADER];
	const two = (n: number) => String(n).padStart(2, '0');
	for (let i = 0; i < rows; i++) {
		const [program, topic, activity, organiser] = PROGRAMMES[i % PROGRAMMES.length];
		const day = new Date(Date.UTC(2022, 0, 1) + Math.floor(random() * 1400) * 86_400_000);
		const end = new Date(day.getTime() + Math.floor(random() * 3) * 86_400_000);
		const date = (d: Date) => `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
		const registered = 5 + Math.floor(random() * 40);
		const dropped = Math.floor(random() * 4);
		const completed =
			random() < 0.01 ? registered : Math.max(0, registered - dropped - Math.floor(random() * 3));
		const satisfaction = (70 + random() * 30).toFixed(1).replace('.', ',');
		out.push(
			[
				`K-${2022 + (i % 4)}-${String(i + 1).padStart(6, '0')}`,
				program,
				topic,
				activity,
				organiser,
				date(day),
				date(end),
				municipalities[i % municipalities.length],
				registered,
				completed,
				dropped,
				satisfaction
			].join(';')
		);
	}
	return out.join('\r\n') + '\r\n';
}

/** Writes `bench/tmp/trainings-<rows>.csv`; returns its path and size. */
export function writeTrainingCsv(dir: string, rows: number): { file: string; bytes: number } {
	const file = join(dir, `trainings-${rows}.csv`);
	writeFileSync(file, trainingCsv(rows, municipalityNames()));
	return { file, bytes: statSync(file).size };
}
