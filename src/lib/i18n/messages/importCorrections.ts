/** Strings of the import preview's corrections ("did you mean", chosen by the analyst). */
export const importCorrections = {
	et: {
		'fix.title': 'Parandused',
		'fix.lead':
			'Need väärtused ei vasta ühelegi omavalitsusele ega tegevuskava tegevusele. Vali, mida igaüks tähendab: kõik sama väärtusega read loetakse uuesti. Faili ennast ei muudeta; parandused jäävad impordiajalukku.',
		'fix.col.column': 'Veerg',
		'fix.col.value': 'Väärtus failis',
		'fix.col.rows': 'Ridu',
		'fix.col.readAs': 'Loe kui',
		'fix.rowsAtLeast': 'vähemalt {n}',
		'fix.other': 'Muu…',
		'fix.otherLabel': 'Loe „{value}“ kui',
		'fix.none': 'sarnast ei leitud, vali loendist',
		'fix.applyAll': 'Rakenda kõik soovitused ({n})',
		'fix.applied': 'Rakendatud parandused',
		'fix.col.to': 'Loetud kui',
		'fix.col.changed': 'Muudetud ridu',
		'fix.undo': 'Võta tagasi',
		'fix.undoLabel': 'Võta parandus „{value}“ → {to} tagasi',
		'fix.inHistory': 'Parandatud: {list}',
		'fix.item': '„{from}“ → {to} ({rows})'
	},
	en: {
		'fix.title': 'Corrections',
		'fix.lead':
			'These values match no municipality or plan activity. Choose what each one means: every row with that value is read again. The file itself is not changed; the corrections are kept in the import history.',
		'fix.col.column': 'Column',
		'fix.col.value': 'Value in the file',
		'fix.col.rows': 'Rows',
		'fix.col.readAs': 'Read as',
		'fix.rowsAtLeast': 'at least {n}',
		'fix.other': 'Other…',
		'fix.otherLabel': 'Read "{value}" as',
		'fix.none': 'nothing similar found, pick from the list',
		'fix.applyAll': 'Apply every suggestion ({n})',
		'fix.applied': 'Corrections applied',
		'fix.col.to': 'Read as',
		'fix.col.changed': 'Rows changed',
		'fix.undo': 'Undo',
		'fix.undoLabel': 'Undo the correction "{value}" → {to}',
		'fix.inHistory': 'Corrected: {list}',
		'fix.item': '"{from}" → {to} ({rows})'
	}
};
