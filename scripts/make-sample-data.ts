/**
 * Writes the shipped SAMPLE data (synthetic, clearly labelled as sample in the app) into data/sample/:
 *   npm run sample-data
 * Deterministic (seeded), so the files only change when this script does. The real facts of seeds
 * 003 and 004 are written exactly; everything else is plausible, not real.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parsePlan } from '../src/lib/plan/parsePlan';
import type { Activity, Status } from '../src/lib/types';

const root = process.cwd();
const out = join(root, 'data/sample');
mkdirSync(out, { recursive: true });

function mulberry32(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rnd = mulberry32(2022_2025);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
const csv = (rows: Record<string, unknown>[], columns: string[]) =>
	Papa.unparse(
		{
			fields: columns,
			data: rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : r[c])))
		},
		{ newline: '\n' }
	) + '\n';

// ---------- progress ----------
const plan: Activity[] = parsePlan(readFileSync(join(root, 'data/plan-2022-2025.txt'), 'utf8'));
const COMMENTS: Record<Status, string[]> = {
	not_started: ['Tegevus algab järgmisel aastal', 'Ootab rahastuse otsust', 'Ettevalmistus alustamata'],
	in_progress: [
		'Töö käib plaanipäraselt',
		'Esimene etapp tehtud, teine käimas',
		'Hange välja kuulutatud',
		'Kohtumised ministeeriumidega toimunud',
		'Osalejate värbamine käib'
	],
	at_risk: [
		'Hange viibib, leping sõlmitakse järgmise aasta I kvartalis',
		'Partnerite vähene ressurss',
		'Rahastus on ebakindel',
		'Vastutaja vahetus, tegevus seisab'
	],
	done: [
		'Tehtud',
		'Juhend kinnitatud ministri käskkirjaga',
		'Eesmärk saavutatud',
		'Tulemus esitatud juhtrühmale'
	],
	cancelled: ['Tegevusest loobuti juhtrühma otsusega', 'Asendatud teise tegevusega']
};
// Per activity: when it starts, how fast it moves (share of target per year), and its fate.
const FATE: Record<string, 'done' | 'late' | 'risk' | 'cancel' | 'slow' | 'silent' | 'never'> = {
	'1.1.3': 'late',
	'1.1.4': 'late',
	'1.2.4': 'risk',
	'2.2.2': 'late',
	'2.3.2': 'slow',
	'2.4.1': 'risk',
	'2.5.3': 'late',
	'2.5.4': 'cancel',
	'2.5.8': 'risk',
	'3.2.2': 'slow',
	'3.3.2.3': 'silent',
	'3.3.2.4': 'late',
	'3.3.2.6': 'never',
	'1.2.3': 'never'
};
const progressRows: Record<string, unknown>[] = [];
for (const a of plan) {
	const fate = FATE[a.activity_id] ?? (rnd() < 0.75 ? 'done' : 'slow');
	if (fate === 'never') continue; // the owner has never reported
	const deadline = a.deadline_year ?? 2025;
	const start = deadline <= 2022 ? 2022 : pick([2022, 2022, 2023]);
	const target = a.target_unit === 'binary' ? 1 : a.target_value;
	let share = 0;
	for (let year = start; year <= 2025; year++) {
		if (fate === 'silent' && year >= 2024) break;
		if (rnd() < 0.1 && year > start && year < 2025) continue; // an owner forgets to report
		let status: Status;
		if (fate === 'cancel' && year >= 2024) status = 'cancelled';
		else if (fate === 'done' && (year >= Math.min(deadline, 2025) || share >= 1)) status = 'done';
		else if (fate === 'risk' && year >= 2024) status = 'at_risk';
		else if (year === start && rnd() < 0.3) status = 'not_started';
		else status = fate === 'late' && year > deadline && rnd() < 0.4 ? 'at_risk' : 'in_progress';
		if (status === 'in_progress' || status === 'at_risk')
			share = Math.min(
				0.95,
				share + (fate === 'slow' || fate === 'late' ? 0.15 : 0.35) * (0.6 + rnd() * 0.8)
			);
		if (status === 'done') share = fate === 'done' && rnd() < 0.2 ? 1.2 : 1;
		let actual: number | null;
		if (a.target_unit === 'binary') actual = status === 'done' ? 1 : status === 'not_started' ? null : 0;
		else if (status === 'not_started') actual = null;
		else if (a.target_unit === 'percent') actual = Math.round(target * share * 10) / 10;
		else actual = status === 'done' ? Math.round(target * share) : Math.floor(target * share);
		const targetOverride =
			a.activity_id === '2.6.2'
				? (({ 2023: 30, 2024: 35, 2025: 40 } as Record<number, number>)[year] ?? null)
				: null;
		const month = 1 + Math.floor(rnd() * 3);
		const day = 5 + Math.floor(rnd() * 20);
		progressRows.push({
			activity_id: a.activity_id,
			year,
			status,
			actual_value: status === 'cancelled' ? null : actual,
			target_value: targetOverride,
			comment: pick(COMMENTS[status]),
			reported_at: `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
		});
		if (status === 'done' || status === 'cancelled') {
			if (!a.recurring) break;
		}
	}
}
writeFileSync(
	join(out, 'progress.csv'),
	csv(progressRows, [
		'activity_id',
		'year',
		'status',
		'actual_value',
		'target_value',
		'comment',
		'reported_at'
	])
);

// ---------- trainings ----------
const munis = Papa.parse<Record<string, string>>(
	readFileSync(join(root, 'data/municipalities.csv'), 'utf8'),
	{
		header: true,
		skipEmptyLines: true
	}
).data;
const trainings: Record<string, unknown>[] = [];
const T = (r: Record<string, unknown>) => trainings.push(r);
// Seed 003: RTK open-government and digital-capability workshops, 2021: 5 trainings, 122 registered,
// 113 completed, 9 dropped out, 95 % satisfaction (registered-weighted: every workshop 95).
const seed003 = [
	['Saue vald', 26, 24, 2],
	['Viljandi vald', 24, 22, 2],
	['Pärnu linn', 25, 23, 2],
	['Jõhvi vald', 22, 21, 1],
	['Tartu linn', 25, 23, 2]
] as const;
seed003.forEach(([m, reg, comp, drop], i) =>
	T({
		training_id: `RTK-AVDV-2021-${i + 1}`,
		program: 'Avatud valitsemise ja digivõimekuse töötoad',
		topic: 'Avatud valitsemine ja digilahendused',
		activity_id: '3.3.2.1',
		organiser: 'RTK',
		start_date: `2021-${String(9 + (i % 3)).padStart(2, '0')}-${String(7 + i * 3).padStart(2, '0')}`,
		end_date: `2021-${String(9 + (i % 3)).padStart(2, '0')}-${String(8 + i * 3).padStart(2, '0')}`,
		municipality: m,
		registered: reg,
		completed: comp,
		dropped_out: drop,
		satisfaction: 95
	})
);
// Seed 003: three workshops in spring 2023.
[
	['Rakvere linn', 20, 19, 1, 93],
	['Haapsalu linn', 18, 17, 1, 96],
	['Saaremaa vald', 21, 20, 1, 94]
].forEach(([m, reg, comp, drop, sat], i) =>
	T({
		training_id: `RTK-AVDV-2023-${i + 1}`,
		program: 'Avatud valitsemise ja digivõimekuse töötoad',
		topic: 'Avatud valitsemine ja digilahendused',
		activity_id: '3.3.2.1',
		organiser: 'RTK',
		start_date: `2023-0${3 + i}-1${i + 4}`,
		end_date: `2023-0${3 + i}-1${i + 5}`,
		municipality: m,
		registered: reg,
		completed: comp,
		dropped_out: drop,
		satisfaction: sat
	})
);
// Seed 004: the local-governance micro-degree pilot, 9 Sept 2022 – 21 Apr 2023, 21 participants:
// 18 from Rae vald, 3 from neighbouring municipalities.
[
	['Rae vald', 18, 17, 1],
	['Jõelähtme vald', 1, 1, 0],
	['Kiili vald', 1, 1, 0],
	['Saku vald', 1, 0, 1]
].forEach(([m, reg, comp, drop], i) =>
	T({
		training_id: `TLU-MIKRO-2022-${i + 1}`,
		program: 'Kohaliku valitsemise mikrokraad',
		topic: 'Kohalik valitsemine ja juhtimine (Tallinna Ülikool, Rae vald, Harjumaa Omavalitsuste Liit)',
		activity_id: '3.1.3',
		organiser: 'Tallinna Ülikool',
		start_date: '2022-09-09',
		end_date: '2023-04-21',
		municipality: m,
		registered: reg,
		completed: comp,
		dropped_out: drop,
		satisfaction: null
	})
);
const PROGRAMS = [
	{
		program: 'Poliitikakujundamise koolitus KOV ametnikele',
		topic: 'Poliitikakujundamine',
		activity: '1.1.5',
		organiser: 'RTK',
		years: [2023, 2024, 2025],
		size: [15, 30]
	},
	{
		program: 'KOV juhtide arenguprogramm',
		topic: 'Strateegiline juhtimine',
		activity: '1.2.1',
		organiser: 'RM',
		years: [2022, 2023, 2024],
		size: [12, 25]
	},
	{
		program: 'Personalijuhtide võrgustiku koolitus',
		topic: 'Personalijuhtimine',
		activity: '1.2.2',
		organiser: 'ELVL',
		years: [2022, 2023, 2024, 2025],
		size: [10, 30]
	},
	{
		program: 'Personalitöö arendamise programm',
		topic: 'Personalitöö planeerimine',
		activity: '1.2.3',
		organiser: 'ELVL',
		years: [2023, 2024, 2025],
		size: [10, 22]
	},
	{
		program: 'Uute volinike koolitus',
		topic: 'Volikogu töö',
		activity: '3.1.2',
		organiser: 'ELVL',
		years: [2022, 2022, 2022],
		size: [25, 60]
	},
	{
		program: 'Tippjuhtide ühisseminar',
		topic: 'Juhtimine',
		activity: '3.1.4',
		organiser: 'Riigikantselei',
		years: [2022, 2023, 2024, 2025],
		size: [8, 18]
	},
	{
		program: 'Mentorluse ja coachingu töötuba',
		topic: 'Kaasaegsed õppevormid',
		activity: '2.5.5',
		organiser: 'ELVL',
		years: [2023, 2024],
		size: [10, 20]
	},
	{
		program: 'Andmepõhise juhtimise koolitus',
		topic: 'Andmete kasutamine',
		activity: '3.3.2.6',
		organiser: 'Tartu Ülikool',
		years: [2024, 2025],
		size: [12, 24]
	}
];
let n = 0;
for (const p of PROGRAMS) {
	for (const year of p.years) {
		const count = 1 + Math.floor(rnd() * 3);
		for (let k = 0; k < count; k++) {
			const m = pick(munis).name;
			const reg = p.size[0] + Math.floor(rnd() * (p.size[1] - p.size[0]));
			const drop = Math.floor(reg * rnd() * 0.15);
			const comp = reg - drop - (rnd() < 0.2 ? 1 : 0);
			const month = 2 + Math.floor(rnd() * 9);
			const day = 1 + Math.floor(rnd() * 25);
			const start = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
			const end = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(28, day + 1 + Math.floor(rnd() * 2))).padStart(2, '0')}`;
			T({
				training_id: `S-${year}-${String(++n).padStart(3, '0')}`,
				program: p.program,
				topic: p.topic,
				activity_id: p.activity,
				organiser: p.organiser,
				start_date: start,
				end_date: end,
				municipality: m,
				registered: reg,
				completed: comp,
				dropped_out: drop,
				satisfaction: rnd() < 0.1 ? null : Math.round((82 + rnd() * 16) * 10) / 10
			});
		}
	}
}
writeFileSync(
	join(out, 'trainings.csv'),
	csv(trainings, [
		'training_id',
		'program',
		'topic',
		'activity_id',
		'organiser',
		'start_date',
		'end_date',
		'municipality',
		'registered',
		'completed',
		'dropped_out',
		'satisfaction'
	])
);

// ---------- service levels ----------
const INDICATORS = [
	{
		domain: 'haridus',
		indicator: 'Kvalifikatsioonile vastavate õpetajate osakaal (%)',
		unit: '%',
		hib: true,
		base: 88,
		spread: 8,
		trend: 0.6,
		size: 0.02
	},
	{
		domain: 'haridus',
		indicator: 'Lasteaiakoha ootejärjekord (laste arv 1000 lapse kohta)',
		unit: 'arv',
		hib: false,
		base: 14,
		spread: 10,
		trend: -1,
		size: 0.2
	},
	{
		domain: 'haridus',
		indicator: 'Põhikooli lõpetanute edasiõppimise määr (%)',
		unit: '%',
		hib: true,
		base: 95,
		spread: 3,
		trend: 0.2,
		size: 0.01
	},
	{
		domain: 'sotsiaalhoolekanne',
		indicator: 'Koduteenuse ootejärjekord (päeva)',
		unit: 'päeva',
		hib: false,
		base: 25,
		spread: 18,
		trend: -1.5,
		size: 0.3
	},
	{
		domain: 'sotsiaalhoolekanne',
		indicator: 'Sotsiaaltöötajaid 1000 elaniku kohta',
		unit: 'arv',
		hib: true,
		base: 0.9,
		spread: 0.35,
		trend: 0.03,
		size: -0.05
	},
	{
		domain: 'sotsiaalhoolekanne',
		indicator: 'Toimetulekutoetuse menetlusaeg (päeva)',
		unit: 'päeva',
		hib: false,
		base: 6,
		spread: 3,
		trend: -0.2,
		size: 0.1
	},
	{
		domain: 'ruumiline planeerimine',
		indicator: 'Kehtiva üldplaneeringu vanus (aastat)',
		unit: 'aastat',
		hib: false,
		base: 7,
		spread: 5,
		trend: 1,
		size: 0
	},
	{
		domain: 'ruumiline planeerimine',
		indicator: 'Ehitusloa menetlusaeg (päeva)',
		unit: 'päeva',
		hib: false,
		base: 24,
		spread: 9,
		trend: -0.8,
		size: 0.15
	},
	{
		domain: 'ruumiline planeerimine',
		indicator: 'Detailplaneeringute menetlusaeg (kuud)',
		unit: 'kuud',
		hib: false,
		base: 14,
		spread: 6,
		trend: -0.3,
		size: 0.2
	},
	{
		domain: 'personal',
		indicator: 'Ametnike koolitustunnid töötaja kohta',
		unit: 'tundi',
		hib: true,
		base: 22,
		spread: 9,
		trend: 1.5,
		size: 0.15
	},
	{
		domain: 'personal',
		indicator: 'Personali voolavus (%)',
		unit: '%',
		hib: false,
		base: 11,
		spread: 4,
		trend: -0.2,
		size: -0.05
	},
	{
		domain: 'personal',
		indicator: 'Arenguvestlustega hõlmatud töötajate osakaal (%)',
		unit: '%',
		hib: true,
		base: 72,
		spread: 15,
		trend: 2.5,
		size: 0.08
	}
];
const sl: Record<string, unknown>[] = [];
for (const ind of INDICATORS) {
	for (const m of munis) {
		const pop = Number(m.population_approx);
		const sizeEffect = Math.log10(pop / 10000) * ind.size * ind.base;
		const level = ind.base + (rnd() - 0.5) * ind.spread + sizeEffect;
		for (let year = 2021; year <= 2024; year++) {
			if (rnd() < 0.05) continue; // not reported: missing, never 0
			let v = level + ind.trend * (year - 2021) + (rnd() - 0.5) * ind.spread * 0.15;
			if (ind.unit === '%') v = Math.min(100, Math.max(0, v));
			else v = Math.max(0, v);
			const decimals =
				ind.unit === 'aastat' || ind.unit === 'päeva'
					? 0
					: ind.indicator.startsWith('Sotsiaaltöötajaid')
						? 2
						: 1;
			sl.push({
				ehak_code: m.ehak_code,
				year,
				domain: ind.domain,
				indicator: ind.indicator,
				value: Number(v.toFixed(decimals)),
				unit: ind.unit,
				higher_is_better: ind.hib
			});
		}
	}
}
// One 0–9 service level per domain, as the Ministry of Finance's minuomavalitsus.ee scores a domain
// (integer, higher is better; a municipality meeting the base criteria scores at least 3). Drawn after
// the percentages, so adding them left every earlier value as it was.
const LEVELS = [
	{ domain: 'haridus', indicator: 'Haridusteenuste tase (0–9)', base: 5.2 },
	{ domain: 'sotsiaalhoolekanne', indicator: 'Sotsiaalhoolekande teenuste tase (0–9)', base: 4.6 },
	{ domain: 'ruumiline planeerimine', indicator: 'Ruumilise planeerimise tase (0–9)', base: 4.2 },
	{ domain: 'personal', indicator: 'Personalitöö tase (0–9)', base: 4.8 }
];
for (const lv of LEVELS) {
	for (const m of munis) {
		const pop = Number(m.population_approx);
		const start = lv.base + (rnd() - 0.5) * 5 + Math.log10(pop / 10000) * 0.8;
		for (let year = 2021; year <= 2024; year++) {
			if (rnd() < 0.04) continue;
			const v = Math.round(start + 0.35 * (year - 2021) + (rnd() - 0.5) * 1.2);
			sl.push({
				ehak_code: m.ehak_code,
				year,
				domain: lv.domain,
				indicator: lv.indicator,
				value: Math.min(9, Math.max(0, v)),
				unit: 'tase',
				higher_is_better: true
			});
		}
	}
}
writeFileSync(
	join(out, 'service_levels.csv'),
	csv(sl, ['ehak_code', 'year', 'domain', 'indicator', 'value', 'unit', 'higher_is_better'])
);
console.log(
	`sample: ${progressRows.length} progress rows, ${trainings.length} trainings, ${sl.length} service-level values`
);
