/** Publishing (publishing.md): the data-source labels, the published folder's errors, drafts, the bundle. */
export const publish = {
	et: {
		'source.published': 'Avaldatud andmed {date}',
		'source.offline': 'Võrguühenduseta: viimati laaditud {at}',
		'source.offlineLong':
			'Server ei vasta. Näidatakse avaldatud andmete koopiat, mis laaditi {at}; uuemad andmed võivad serveris olla. Värskendatakse, kui ühendus taastub.',
		'source.publishedLong': 'Kõik näevad neid andmeid: need on avaldatud saidi kaustas data/ ({by}).',
		'source.local': 'Kohalikud muudatused — avaldamata ({n})',
		'source.localLong':
			'{n} importi on tehtud ainult selles brauseris. Teised näevad avaldatud andmeid, kuni laadid avaldamiseks alla ja paned failid serverisse.',
		'source.discard': 'Loobu kohalikest muudatustest',
		'source.localReport':
			'NB! Aruandes on selle brauseri avaldamata kohalikud muudatused: teised näevad avaldatud andmeid.',
		'source.discardConfirm': 'Loobub {n} kohalikust impordist; avaldatud andmed jäävad alles.',
		'source.sampleDataset': 'Need andmed ({datasets}) on näidisandmed: avaldatud kaustas neid pole.',
		'engine.title': 'Andmebaasimootor ei käivitunud — andmeid ei saa näidata',
		'engine.webassembly':
			'See brauser ei toeta WebAssemblyt või on see keelatud. Ava leht Chrome’i, Edge’i, Firefoxi või Safari uue versiooniga.',
		'engine.wasm': 'Andmebaasimootori faili ei saanud laadida: {url} (HTTP {status}, tüüp {mime}). {detail}',
		'engine.worker': 'Andmebaasimootori tööskripti ei saanud käivitada: {url} ({detail}).',
		'engine.worker.notLoaded': 'skripti ei saanud laadida',
		'engine.start': 'Andmebaasimootor ei käivitunud: {detail} ({url}).',
		'engine.timeout':
			'Andmebaasimootor ei käivitunud {detail} jooksul: fail {url} võib olla rikutud või poolik.',
		'engine.admin':
			'Administraatorile: kontrolli, et fail {url} oleks serveris olemas ja terve (HTTP 200), .wasm-failid tüübiga application/wasm ja .js-failid tüübiga text/javascript.',
		'engine.mimeNote':
			'Administraatorile: server saadab faili {url} tüübiga „{mime}“, mitte application/wasm. Rakendus töötab (laadib faili tervikuna), kuid õige tüüp kiirendab käivitust.',
		'pub.error.title': 'Avaldatud andmeid ei saanud laadida',
		'pub.error.file': 'Fail: {file}',
		'pub.error.noSample':
			'Näidisandmeid selle asemel ei näidata. Administraator: kontrolli, et fail oleks serveris olemas ja terve (laadi kaust uuesti üles).',
		'pub.error.http': 'Faili ei saanud alla laadida ({detail}).',
		'pub.error.json': 'Fail ei ole korrektne JSON ({detail}).',
		'pub.error.format': 'Fail ei ole kov-seire avaldatud andmete manifest (format: {detail}).',
		'pub.error.version': 'Manifesti versiooni {detail} see rakendus ei tunne (oskab versiooni 1).',
		'pub.error.shape': 'Manifestis on vigane väli: {detail}.',
		'pub.error.sha': 'Faili SHA-256 ei klapi manifestiga: fail on rikutud või vahetatud ({detail}).',
		'pub.error.decompressed':
			'Server pakkis .gz-faili lahti (päis Content-Encoding: gzip), nii et kontrollsumma ei klapi. Serveeri .csv.gz-faile ilma Content-Encoding päiseta.',
		'pub.error.read': 'Faili ei saanud lugeda (rikutud gzip või veerud ei vasta manifestile): {detail}',
		'pub.error.rows':
			'Failis on teine arv ridu kui manifestis ({detail}): fail on poolik või rikutud (gzip) või pole see, mida manifest nimetab.',
		'pub.pending.title': 'Serveris on uuemad avaldatud andmed',
		'pub.pending.text':
			'Sinu {n} kohalikku importi tehti {madeOn}; nüüd on serveris {current}. Praegu näed uusi andmeid ilma oma muudatusteta.',
		'pub.pending.reapply': 'Rakenda minu muudatused uutele andmetele',
		'pub.pending.discard': 'Loobu minu muudatustest',
		'pub.pending.block':
			'Varasemad kohalikud impordid ootavad otsust: rakenda need uutele andmetele või loobu neist.',
		'pub.madeOn.published': 'avaldatud andmetele seisuga {date}',
		'pub.madeOn.sample': 'näidisandmetele',
		'pub.current.published': 'andmed seisuga {date}',
		'pub.current.none': 'avaldatud andmeid pole (näidisandmed)',
		'pub.export.title': 'Avaldamine',
		'pub.export.text':
			'Laadi praegused andmed (avaldatud + selle brauseri impordid) alla ühe zip-failina. Paki see lahti saidi kausta data/ — siis näevad kõik neid andmeid. Näidisandmeid kausta ei panda.',
		'pub.export.button': 'Laadi avaldamiseks alla',
		'pub.export.busy': 'Koostan faile…',
		'pub.export.done': 'Alla laaditud: {file} ({datasets}).',
		'pub.export.failed': 'Avaldamisfaili ei saanud koostada: {detail}',
		// A count of one (translate uses `<key>.one` where Intl.PluralRules says "one").
		'source.localLong.one':
			'{n} import on tehtud ainult selles brauseris. Teised näevad avaldatud andmeid, kuni laadid avaldamiseks alla ja paned failid serverisse.',
		'pub.pending.text.one':
			'Sinu {n} kohalik import tehti {madeOn}; nüüd on serveris {current}. Praegu näed uusi andmeid ilma oma muudatusteta.'
	},
	en: {
		'source.published': 'Published data {date}',
		'source.offline': 'Offline: last fetched {at}',
		'source.offlineLong':
			'The server does not answer. This is the copy of the published data fetched {at}; the server may have newer data. It is refreshed when the connection returns.',
		'source.publishedLong': 'Everyone sees these data: they are published in the site folder data/ ({by}).',
		'source.local': 'Local changes — not published ({n})',
		'source.localLong':
			'{n} imports were made in this browser only. Others see the published data until you download for publishing and put the files on the server.',
		'source.discard': 'Discard local changes',
		'source.localReport':
			'Note: this report includes local changes of this browser that are not published: others see the published data.',
		'source.discardConfirm': 'Discards {n} local imports; the published data stay.',
		'source.sampleDataset':
			'These data ({datasets}) are sample data: the published folder does not have them.',
		'engine.title': 'The database engine did not start — the data cannot be shown',
		'engine.webassembly':
			'This browser does not support WebAssembly, or it is turned off. Open the page in a recent Chrome, Edge, Firefox or Safari.',
		'engine.wasm':
			'The database engine’s file could not be loaded: {url} (HTTP {status}, type {mime}). {detail}',
		'engine.worker': 'The database engine’s worker script could not be started: {url} ({detail}).',
		'engine.worker.notLoaded': 'the script did not load',
		'engine.start': 'The database engine did not start: {detail} ({url}).',
		'engine.timeout':
			'The database engine did not start within {detail}: the file {url} may be corrupt or cut short.',
		'engine.admin':
			'For the administrator: check that {url} is on the server and intact (HTTP 200), .wasm files served as application/wasm and .js files as text/javascript.',
		'engine.mimeNote':
			'For the administrator: the server sends {url} as “{mime}”, not application/wasm. The app works (it downloads the file whole), but the right type starts it faster.',
		'pub.error.title': 'The published data could not be loaded',
		'pub.error.file': 'File: {file}',
		'pub.error.noSample':
			'Sample data are not shown in their place. Administrator: check that the file is on the server and intact (upload the folder again).',
		'pub.error.http': 'The file could not be downloaded ({detail}).',
		'pub.error.json': 'The file is not valid JSON ({detail}).',
		'pub.error.format': 'The file is not a kov-seire published-data manifest (format: {detail}).',
		'pub.error.version': 'This app does not know manifest version {detail} (it reads version 1).',
		'pub.error.shape': 'The manifest has an invalid field: {detail}.',
		'pub.error.sha':
			"The file's SHA-256 does not match the manifest: the file is corrupt or was replaced ({detail}).",
		'pub.error.decompressed':
			'The server unzipped the .gz file (header Content-Encoding: gzip), so its checksum does not match. Serve .csv.gz files without a Content-Encoding header.',
		'pub.error.read': 'The file could not be read (corrupt gzip, or columns unlike the manifest): {detail}',
		'pub.error.rows':
			'The file holds another number of rows than the manifest says ({detail}): it is cut short or corrupt (gzip), or not the file the manifest names.',
		'pub.pending.title': 'Newer published data are on the server',
		'pub.pending.text':
			'Your {n} local imports were made {madeOn}; the server now has {current}. You now see the new data without your changes.',
		'pub.pending.reapply': 'Re-apply my changes on the new data',
		'pub.pending.discard': 'Discard my changes',
		'pub.pending.block':
			'Earlier local imports wait for a decision: re-apply them on the new data or discard them.',
		'pub.madeOn.published': 'on the data published {date}',
		'pub.madeOn.sample': 'on the sample data',
		'pub.current.published': 'data published {date}',
		'pub.current.none': 'no published data (the sample)',
		'pub.export.title': 'Publishing',
		'pub.export.text':
			'Download the current data (published + this browser’s imports) as one zip file. Unpack it into the site’s data/ folder and everyone sees these data. Sample data are never put in the folder.',
		'pub.export.button': 'Download for publishing',
		'pub.export.busy': 'Writing the files…',
		'pub.export.done': 'Downloaded: {file} ({datasets}).',
		'pub.export.failed': 'The publishing file could not be written: {detail}',
		// A count of one (translate uses `<key>.one` where Intl.PluralRules says "one").
		'source.localLong.one':
			'{n} import was made in this browser only. Others see the published data until you download for publishing and put the files on the server.',
		'source.discardConfirm.one': 'Discards {n} local import; the published data stay.',
		'pub.pending.text.one':
			'Your {n} local import was made {madeOn}; the server now has {current}. You now see the new data without your changes.'
	}
};
