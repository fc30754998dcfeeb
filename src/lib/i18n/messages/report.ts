/** Strings of the annual and final review (et and en must have the same keys). */
export const report = {
	et: {
		'rep.title': 'Tegevuskava täitmise aastaülevaade {year}',
		'rep.titleFinal': 'Tegevuskava {first}–{last} lõppülevaade',
		'rep.subtitle': 'Igaaastane ülevaade juhtrühmale (tegevuskava tegevus 4.1.1)',
		'rep.subtitleFinal':
			'Tegevuskava lõppülevaade juhtrühmale seisuga {year}: täitmine aastate kaupa ja järgmisse kavasse üle kanduvad tegevused',
		'rep.print': 'Prindi / salvesta PDF',
		'rep.generated': 'Koostatud {date}. Andmed: {provenance}.',
		'rep.contents': 'Sisukord',
		'rep.summary': 'Kokkuvõte',
		'rep.sum.attainment':
			'{year}. aasta seisuga on tegevuskava keskmine täitmine {attainment} ({change} võrreldes {prev}. aastaga); keskmises on {inMean} tegevust.',
		'rep.sum.attainmentNoPrev':
			'{year}. aasta seisuga on tegevuskava keskmine täitmine {attainment}; keskmises on {inMean} tegevust. Eelmise aastaga ei võrrelda, sest tegevuskava algas {first}.',
		'rep.sum.cancelled': 'Tühistatud tegevusi, mida keskmises ei arvestata: {n}.',
		'rep.sum.counts':
			'Tegevuste seis: tehtud {done} ({doneChange}), riskis {atRisk} ({atRiskChange}), hilinenud {late} ({lateChange}), aruanne puudub {notReported} ({notReportedChange}).',
		'rep.sum.countsNoPrev':
			'Tegevuste seis: tehtud {done}, riskis {atRisk}, hilinenud {late}, aruanne puudub {notReported}.',
		'rep.sum.moves':
			'Muutus võrreldes {prev}. aastaga: tehtuks sai {done}, riskiseisu läks {atRisk}, hiljaks jäi {late}.',
		'rep.sum.rise': 'Suurim edasiminek: {name} ({change}).',
		'rep.sum.fall': 'Suurim tagasiminek: {name} ({change}).',
		'rep.sum.noFall': 'Ükski suund ega peavastutaja ei läinud tagasi.',
		'rep.sum.final':
			'Tegevuskava periood on lõppenud. Järgmisse tegevuskavasse kanduvad tegevused, mis ei ole tehtud ega tühistatud: {carry}.',
		'rep.sec.byDirection': 'Täitmine suundade kaupa',
		'rep.sec.byOwner': 'Täitmine peavastutajate kaupa',
		'rep.chart.direction': 'Täitmine suundade kaupa: {prev} ja {year}',
		'rep.chart.owner': 'Täitmine peavastutajate kaupa: {prev} ja {year}',
		'rep.chart.directionNoPrev': 'Täitmine suundade kaupa, {year}',
		'rep.chart.ownerNoPrev': 'Täitmine peavastutajate kaupa, {year}',
		'rep.chart.changeCaption':
			'Hele tulp: {prev}, tume tulp: {year}. Tulba lõpus täitmine ja muutus protsendipunktides (pp). Tühistatud tegevusi keskmises ei arvestata.',
		'rep.chart.changeCaptionNoPrev':
			'Täitmine {year}. aasta seisuga. Tühistatud tegevusi keskmises ei arvestata.',
		'rep.table.counts': 'Tegevused seisu järgi, {year}',
		'rep.sec.changes': 'Muutused võrreldes {prev}. aastaga',
		'rep.sec.changesNoPrev': 'Muutused',
		'rep.changes.noPrev': 'Võrdlusaastat pole: tegevuskava algas {first}.',
		'rep.changes.none': 'Ühegi tegevuse seis ei muutunud.',
		'rep.changes.table': 'Tegevused, mille seis muutus',
		'rep.changes.count':
			'{n} tegevuse seis muutus: tehtuks sai {done}, riskiseisu läks {atRisk}, tühistati {cancelled}, muid muutusi {other}.',
		'rep.kind.done': 'Sai tehtud',
		'rep.kind.at_risk': 'Läks riskiseisu',
		'rep.kind.cancelled': 'Tühistati',
		'rep.kind.other': 'Muu muutus',
		'rep.becameLate': 'Tähtaeg möödus {year}. aasta seisuga ({n})',
		'rep.stillUnreported': 'Aruanne puudub endiselt ({n})',
		'rep.sec.late': 'Hilinenud ja riskis tegevused, {year}',
		'rep.late.lead':
			'Järjestatud tähtajast möödunud aastate järgi; iga tegevuse juures peavastutaja viimane kommentaar.',
		'rep.sec.activities': 'Tegevused suundade kaupa',
		'rep.sec.achieved': 'Saavutatu sihttasemete kaupa',
		'rep.activities.lead':
			'Iga tegevuse sihttase, viimane tegelik väärtus, seis ja viimane kommentaar, tegevuse numbri järgi.',
		'rep.sec.years': 'Täitmine aastate kaupa {first}–{last}',
		'rep.years.chart': 'Suundade täitmine aastate kaupa',
		'rep.years.caption': 'Iga suuna keskmine täitmine iga tegevuskava aasta seisuga (0–100 %).',
		'rep.years.owners': 'Peavastutajate täitmine aastate kaupa',
		'rep.sec.carry': 'Järgmisse tegevuskavasse üle kanduvad tegevused',
		'rep.carry.lead':
			'{n} tegevust, mis {year}. aasta seisuga ei ole tehtud ega tühistatud, koos peavastutaja viimase kommentaariga. Tabeli saab alla laadida järgmise tegevuskava koostamiseks.',
		'rep.carry.export': 'Laadi alla CSV',
		'rep.carry.file': 'ulekanduvad-tegevused-{year}.csv',
		'rep.col.kind': 'Muutus',
		'rep.col.statusPrev': 'Seis {year}',
		'rep.col.status': 'Seis {year}',
		'rep.col.comment': 'Viimane kommentaar',
		'rep.col.yearsLate': 'Aastaid üle tähtaja',
		'rep.col.attainmentYear': 'Täitmine {year}',
		'rep.col.doneYear': 'Tehtud {year}',
		'rep.col.lateYear': 'Hilinenud {year}',
		'rep.col.reportYear': 'Aruande aasta',
		'rep.none': 'Pole.',
		'rep.direction': 'Suund {n}: {name}',
		'rep.sampleWarning': 'NB! Aruanne põhineb näidisandmetel, mitte tegelikel aruannetel.',
		'rep.mark.sample': 'NÄIDISANDMED',
		'rep.mark.local': 'KOHALIKUD MUUDATUSED — AVALDAMATA',
		'rep.mark.published': 'Avaldatud andmed',
		'rep.page': 'Lk',
		'rep.kindAnnual': 'Aastaülevaade {year}',
		'rep.kindFinal': 'Lõppülevaade, seis {year}',
		// A count of one (translate uses `<key>.one` where Intl.PluralRules says "one").
		'rep.carry.lead.one':
			'{n} tegevus, mis {year}. aasta seisuga ei ole tehtud ega tühistatud, koos peavastutaja viimase kommentaariga. Tabeli saab alla laadida järgmise tegevuskava koostamiseks.'
	},
	en: {
		'rep.title': 'Action plan annual review {year}',
		'rep.titleFinal': 'Action plan {first}–{last}: final review',
		'rep.subtitle': 'Annual review for the steering group (plan activity 4.1.1)',
		'rep.subtitleFinal':
			'Final review of the plan for the steering group as of {year}: attainment year by year and the activities that carry over to the next plan',
		'rep.print': 'Print / save as PDF',
		'rep.generated': 'Generated {date}. Data: {provenance}.',
		'rep.contents': 'Contents',
		'rep.summary': 'Summary',
		'rep.sum.attainment':
			'As of {year} the plan’s mean attainment is {attainment} ({change} since {prev}), over {inMean} activities.',
		'rep.sum.attainmentNoPrev':
			'As of {year} the plan’s mean attainment is {attainment}, over {inMean} activities. There is no previous year to compare with: the plan began in {first}.',
		'rep.sum.cancelled': 'Cancelled activities left out of the mean: {n}.',
		'rep.sum.counts':
			'Activities done: {done} ({doneChange}); at risk: {atRisk} ({atRiskChange}); late: {late} ({lateChange}); without a report: {notReported} ({notReportedChange}).',
		'rep.sum.countsNoPrev':
			'Activities done: {done}; at risk: {atRisk}; late: {late}; without a report: {notReported}.',
		'rep.sum.moves': 'Since {prev}: {done} became done, {atRisk} slipped to at risk, {late} became late.',
		'rep.sum.rise': 'Largest rise: {name} ({change}).',
		'rep.sum.fall': 'Largest fall: {name} ({change}).',
		'rep.sum.noFall': 'No direction or lead owner fell back.',
		'rep.sum.final':
			'The plan’s period has ended. Activities neither done nor cancelled, which carry over to the next plan: {carry}.',
		'rep.sec.byDirection': 'Attainment by direction',
		'rep.sec.byOwner': 'Attainment by lead owner',
		'rep.chart.direction': 'Attainment by direction: {prev} and {year}',
		'rep.chart.owner': 'Attainment by lead owner: {prev} and {year}',
		'rep.chart.directionNoPrev': 'Attainment by direction, {year}',
		'rep.chart.ownerNoPrev': 'Attainment by lead owner, {year}',
		'rep.chart.changeCaption':
			'Light bar: {prev}, dark bar: {year}. At the end of the bar: attainment and its change in percentage points (pp). Cancelled activities are left out of the mean.',
		'rep.chart.changeCaptionNoPrev':
			'Attainment as of {year}. Cancelled activities are left out of the mean.',
		'rep.table.counts': 'Activities by status, {year}',
		'rep.sec.changes': 'Changes since {prev}',
		'rep.sec.changesNoPrev': 'Changes',
		'rep.changes.noPrev': 'There is no previous year to compare with: the plan began in {first}.',
		'rep.changes.none': 'No activity changed status.',
		'rep.changes.table': 'Activities whose status changed',
		'rep.changes.count':
			'{n} activities changed status — became done: {done}, slipped to at risk: {atRisk}, cancelled: {cancelled}, other: {other}.',
		'rep.kind.done': 'Became done',
		'rep.kind.at_risk': 'Slipped to at risk',
		'rep.kind.cancelled': 'Cancelled',
		'rep.kind.other': 'Other change',
		'rep.becameLate': 'Past their deadline as of {year} ({n})',
		'rep.stillUnreported': 'Still no report ({n})',
		'rep.sec.late': 'Late and at-risk activities, {year}',
		'rep.late.lead': 'Ordered by years past the deadline; with the lead owner’s latest comment.',
		'rep.sec.activities': 'Activities by direction',
		'rep.sec.achieved': 'What was achieved against each target',
		'rep.activities.lead':
			'Each activity’s target, latest actual value, status and latest comment, by activity number.',
		'rep.sec.years': 'Attainment year by year {first}–{last}',
		'rep.years.chart': 'Attainment of each direction by year',
		'rep.years.caption': 'Mean attainment of each direction as of each year of the plan (0–100 %).',
		'rep.years.owners': 'Attainment of each lead owner by year',
		'rep.sec.carry': 'Activities carried over to the next plan',
		'rep.carry.lead':
			'{n} activities neither done nor cancelled as of {year}, with the lead owner’s latest comment. Download the table for drafting the next plan.',
		'rep.carry.export': 'Download CSV',
		'rep.carry.file': 'carried-over-activities-{year}.csv',
		'rep.col.kind': 'Change',
		'rep.col.statusPrev': 'Status {year}',
		'rep.col.status': 'Status {year}',
		'rep.col.comment': 'Latest comment',
		'rep.col.yearsLate': 'Years past deadline',
		'rep.col.attainmentYear': 'Attainment {year}',
		'rep.col.doneYear': 'Done {year}',
		'rep.col.lateYear': 'Late {year}',
		'rep.col.reportYear': 'Report year',
		'rep.none': 'None.',
		'rep.direction': 'Direction {n}: {name}',
		'rep.sampleWarning': 'Note: this report is based on sample data, not real reports.',
		'rep.mark.sample': 'SAMPLE DATA',
		'rep.mark.local': 'LOCAL CHANGES — NOT PUBLISHED',
		'rep.mark.published': 'Published data',
		'rep.page': 'Page',
		'rep.kindAnnual': 'Annual review {year}',
		'rep.kindFinal': 'Final review as of {year}',
		// A count of one (translate uses `<key>.one` where Intl.PluralRules says "one").
		'rep.changes.count.one':
			'{n} activity changed status — became done: {done}, slipped to at risk: {atRisk}, cancelled: {cancelled}, other: {other}.',
		'rep.carry.lead.one':
			'{n} activity neither done nor cancelled as of {year}, with the lead owner’s latest comment. Download the table for drafting the next plan.'
	}
};
