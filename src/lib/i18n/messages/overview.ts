export const overview = {
	et: {
		'overview.title': 'Ülevaade',
		'overview.lead':
			'Tegevuskava täitmine seisuga {year}: kui kaugel on suunad ja vastutajad sihttasemetest.',
		'kpi.activities': 'Tegevusi',
		'kpi.reported': 'Aruandega',
		'kpi.done': 'Tehtud',
		'kpi.atRisk': 'Riskis',
		'kpi.late': 'Hilinenud',
		'kpi.notReported': 'Aruanne puudub',
		'kpi.attainment': 'Täitmine kokku',
		'kpi.since': 'vs {year}',
		'kpi.showList': '{label}: {n}. Näita neid tegevusi',
		'kpi.cancelledNote': 'neist {n} tühistatud',
		'chart.byDirection': 'Täitmine suundade kaupa, {year}',
		'chart.byDirectionCaption':
			'Tegevuste keskmine täitmine suunas (0–100 %). Tühistatud tegevusi ei arvestata; aruandeta tegevus = 0. Sulgudes keskmises arvestatud tegevuste arv, selle järel muutus eelmise aastaga võrreldes protsendipunktides (pp).',
		'chart.byOwner': 'Täitmine peavastutajate kaupa, {year}',
		'chart.byOwnerCaption':
			'Keskmine täitmine tegevustes, kus organisatsioon on peavastutaja. Mitme peavastutajaga tegevus loeb igaühele täielikult.',
		'chart.statusMix': 'Tegevuste seis suundade kaupa, {year}',
		'chart.statusMixCaption': 'Tegevuste arv staatuse järgi igas suunas.',
		'chart.lateList': 'Hilinenud ja riskis tegevused, {year}',
		'chart.lateNone': 'Hilinenud ega riskis tegevusi pole.',
		'axis.attainment': 'Täitmine (%)',
		'axis.activities': 'Tegevuste arv',
		'tooltip.attainment':
			'{name}\nTäitmine {value}\nTegevusi {activities}: aruandega {reported}, tehtud {done}, hilinenud {late}',
		'filter.direction': 'Suund',
		'filter.owner': 'Vastutaja',
		'late.deadline': 'Tähtaeg {year}',
		'late.count': '{n} tegevust',
		'late.count.one': '1 tegevus',
		'late.extended': 'tähtaega pikendatud'
	},
	en: {
		'overview.title': 'Overview',
		'overview.lead':
			'Action plan delivery as of {year}: how far each direction and owner is from its targets.',
		'kpi.activities': 'Activities',
		'kpi.reported': 'Reported',
		'kpi.done': 'Done',
		'kpi.atRisk': 'At risk',
		'kpi.late': 'Late',
		'kpi.notReported': 'Not reported',
		'kpi.attainment': 'Overall attainment',
		'kpi.showList': '{label}: {n}. Show these activities',
		'kpi.since': 'vs {year}',
		'kpi.cancelledNote': '{n} of them cancelled',
		'chart.byDirection': 'Attainment by direction, {year}',
		'chart.byDirectionCaption':
			'Mean attainment of the activities in each direction (0–100 %). Cancelled activities are excluded; an unreported activity counts as 0. In brackets the number of activities in the mean, then the change since the previous year in percentage points (pp).',
		'chart.byOwner': 'Attainment by lead owner, {year}',
		'chart.byOwnerCaption':
			'Mean attainment of the activities an organisation leads. An activity with several lead owners counts fully for each.',
		'chart.statusMix': 'Activity status by direction, {year}',
		'chart.statusMixCaption': 'Number of activities per status in each direction.',
		'chart.lateList': 'Late and at-risk activities, {year}',
		'chart.lateNone': 'No late or at-risk activities.',
		'axis.attainment': 'Attainment (%)',
		'axis.activities': 'Number of activities',
		'tooltip.attainment':
			'{name}\nAttainment {value}\nActivities: {activities}; reported {reported}, done {done}, late {late}',
		'filter.direction': 'Direction',
		'filter.owner': 'Owner',
		'late.deadline': 'Deadline {year}',
		'late.count': '{n} activities',
		'late.count.one': '1 activity',
		'late.extended': 'deadline extended'
	}
};
