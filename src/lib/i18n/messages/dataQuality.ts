/** Strings of the data-quality page (et and en must have the same keys). */
export const dataQuality = {
	et: {
		'dq.title': 'Andmekvaliteet',
		'dq.lead':
			'Hoiatused praegu laaditud andmetes. Need ei peata tööd, kuid mõjutavad seda, kuidas näitajaid lugeda.',
		'dq.none': 'Hoiatusi ei leitud.',
		'dq.table': 'Andmete hoiatused',
		'dq.col.kind': 'Hoiatus',
		'dq.col.dataset': 'Andmestik',
		'dq.col.subject': 'Kus',
		'dq.col.value': 'Väärtus',
		'dq.kind.missing_deadline': 'Tähtaeg puudub või ei sisalda aastat — tegevus ei saa olla hilinenud',
		'dq.kind.unknown_owner': 'Tundmatu vastutaja kood (jäetakse kirja nii, nagu on)',
		'dq.kind.binary_target': 'Sihttasemes pole arvu — loetakse tehtud/tegemata sihiks',
		'dq.kind.training_unknown_activity': 'Koolitus viitab tegevusele, mida kavas pole',
		'dq.kind.training_no_municipality': 'Koolitusel puudub omavalitsus',
		'dq.kind.service_level_missing_value': 'Puuduvad väärtused (omavalitsuste arv)',
		'dq.kind.approximate_population':
			'Rahvaarv on ligikaudne (omavalitsuste arv) — impordi Statistikaameti tabel',
		'dq.summary': '{n} hoiatust'
	},
	en: {
		'dq.title': 'Data quality',
		'dq.lead':
			'Warnings in the data loaded now. They do not stop work but change how the figures should be read.',
		'dq.none': 'No warnings found.',
		'dq.table': 'Data warnings',
		'dq.col.kind': 'Warning',
		'dq.col.dataset': 'Dataset',
		'dq.col.subject': 'Where',
		'dq.col.value': 'Value',
		'dq.kind.missing_deadline': 'Deadline missing or without a year — the activity can never be late',
		'dq.kind.unknown_owner': 'Unknown owner code (kept as written)',
		'dq.kind.binary_target': 'Target has no number — read as a done/not done target',
		'dq.kind.training_unknown_activity': 'Training refers to an activity not in the plan',
		'dq.kind.training_no_municipality': 'Training has no municipality',
		'dq.kind.service_level_missing_value': 'Missing values (number of municipalities)',
		'dq.kind.approximate_population':
			'Population is approximate (number of municipalities) — import the Statistics Estonia table',
		'dq.summary': '{n} warnings'
	}
};
