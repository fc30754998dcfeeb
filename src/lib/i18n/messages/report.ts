/** Strings of the annual report (et and en must have the same keys). */
export const report = {
	et: {
		'rep.title': 'Tegevuskava täitmise ülevaade {year}',
		'rep.subtitle': 'Igaaastane ülevaade juhtrühmale (tegevuskava tegevus 4.1.1)',
		'rep.print': 'Prindi / salvesta PDF',
		'rep.generated': 'Koostatud {date}. Andmed: {provenance}.',
		'rep.summary': 'Kokkuvõte',
		'rep.summaryText':
			'Seisuga {year} on tegevuskavas {activities} tegevust, neist {done} tehtud, {at_risk} riskis ja {late} hilinenud; {not_reported} tegevuse kohta aruanne puudub. Keskmine täitmine on {attainment}.',
		'rep.byDirection': 'Täitmine suundade kaupa',
		'rep.byOwner': 'Täitmine peavastutajate kaupa',
		'rep.late': 'Hilinenud ja riskis tegevused',
		'rep.none': 'Pole.',
		'rep.direction': 'Suund {n}: {name}',
		'rep.sampleWarning': 'NB! Aruanne põhineb näidisandmetel, mitte tegelikel aruannetel.'
	},
	en: {
		'rep.title': 'Action plan delivery report {year}',
		'rep.subtitle': 'Annual review for the steering group (plan activity 4.1.1)',
		'rep.print': 'Print / save as PDF',
		'rep.generated': 'Generated {date}. Data: {provenance}.',
		'rep.summary': 'Summary',
		'rep.summaryText':
			'As of {year} the plan has {activities} activities: {done} done, {at_risk} at risk and {late} late; {not_reported} have no report. Mean attainment is {attainment}.',
		'rep.byDirection': 'Attainment by direction',
		'rep.byOwner': 'Attainment by lead owner',
		'rep.late': 'Late and at-risk activities',
		'rep.none': 'None.',
		'rep.direction': 'Direction {n}: {name}',
		'rep.sampleWarning': 'Note: this report is based on sample data, not real reports.'
	}
};
