/**
 * What `/import` does between choosing a file and saving it: the analysis in the import Worker,
 * the bulk path's check in DuckDB, the commit, undo and reset, and the state the page shows
 * (`status`, `progress`, `analysis`, `message`, …). The page renders it; `start` is its effect.
 */
import { untrack } from 'svelte';
import { data, ensureData, isSample } from '$lib/data/store.svelte';
import { track } from '$lib/data/ready.svelte';
import {
	checkBulk,
	commitImport,
	dropBulkFile,
	newImportId,
	registerBulkFile,
	resetToDefaults,
	undoImport,
	warmBulkPath
} from '$lib/data/imports.svelte';
import {
	analyseInWorker,
	prepareImportWorker,
	rejectedRowsInWorker,
	releaseImportWorker
} from '$lib/data/importClient';
import { bulkSourceFor, recordColumns } from '$lib/data/toRecord';
import { i18n, t } from '$lib/i18n/index.svelte';
import {
	analysisCounts,
	importState,
	formatIssue,
	MAX_FILE_BYTES,
	type Analysis,
	type AnalyseOptions,
	type Correction
} from '$lib/import';
import {
	correctionLabel,
	effectiveCorrections,
	hasCorrection,
	suggestCorrections,
	withCorrection,
	withoutCorrection,
	type SuggestionContext
} from '$lib/import/datasets/corrections';
import { forget, loadRemembered, remember, remembered } from '$lib/data/remembered.svelte';
import { download } from '$lib/export/download';
import { loadImportContext, type ImportContext } from '$lib/queries/importContext';
import type { DatasetName } from '$lib/types';
import { SAMPLE_DATASETS, type BulkSource, type ImportMeta, type ImportRecord } from '$lib/db/commit';
import { BULK_ROW_WARNINGS } from '$lib/db/bulkTrainings';
import { formatSize } from './size';
import { rejectedFile } from './rejected';

export type Status = 'idle' | 'reading' | 'ready' | 'has-errors' | 'rejected' | 'needs-input' | 'committed';
export type Message = { tone: 'ok' | 'error' | 'warn'; text: string };

/** What each dataset replaces by (data-contract "Re-importing replaces by key"), as the preview says it. */
export const REPLACE_KEY: Record<DatasetName, string> = {
	activities: 'activity_id',
	progress: 'activity_id + year',
	trainings: 'training_id | program + start_date + municipality',
	municipalities: 'ehak_code',
	service_levels: 'municipality + indicator + year'
};

/** DuckDB's reader met a byte that is not UTF-8 in a file whose head was. */
const notUtf8 = (e: unknown) => /not utf-8 encoded|invalid unicode/i.test(String(e));
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class ImportSession {
	status = $state<Status>('idle');
	progress = $state(0);
	file = $state<{ name: string; blob: File } | null>(null);
	analysis = $state<Analysis | null>(null);
	options = $state<AnalyseOptions>({});
	message = $state<Message | null>(null);
	busy = $state(false);
	checking = $state(false);
	/** The bulk path compiled by a throw-away check while the analyst chooses a file (warmup.ts). */
	engine = $state<'warming' | 'warm'>('warming');

	/** The municipalities and the plan's activities, once asked (the corrections' choices). */
	lookup = $state<SuggestionContext | null>(null);
	/** Remember this file's corrections for later imports (on saving it). */
	rememberCorrections = $state(true);
	/** Remembered corrections not used for this file (undone in its preview). */
	setAside = $state<Correction[]>([]);

	counts = $derived(this.analysis ? analysisCounts(this.analysis) : { valid: 0, errorRows: 0 });
	/**
	 * The corrections that changed this file, and this file's own choices (a remembered one that
	 * changed nothing is not listed), each marked whether it came from memory.
	 */
	applied = $derived(
		(this.analysis?.corrected ?? [])
			.map((c) => ({ ...c, remembered: !hasCorrection(this.options.corrections, c) }))
			.filter((c) => !c.remembered || c.rows > 0)
	);
	/** The values the analyst can correct ("did you mean"), from the errors and warnings listed. */
	suggestions = $derived(
		this.analysis && this.lookup
			? suggestCorrections([...this.analysis.errors, ...this.analysis.warnings], this.lookup)
			: []
	);
	blocked = $derived(this.analysis ? importState(this.analysis).blocked : null);
	willReplaceSample = $derived(
		this.analysis?.dataset && SAMPLE_DATASETS.includes(this.analysis.dataset)
			? isSample(this.analysis.dataset)
			: false
	);

	#cancelRead: (() => void) | null = null;
	/** A large file registered with DuckDB for the bulk path (until commit or cancel). */
	#bulk: { id: string; source: BulkSource; blob: Blob } | null = null;
	#generation = 0;
	/** What the import core checks against, for the data as they are now (one ask per change of them). */
	#asked: { version: number; context: Promise<ImportContext> } | null = null;

	/** The page's effect: ready once the data are; the worker and the bulk path warm meanwhile. */
	start(): () => void {
		track(ensureData());
		prepareImportWorker();
		// Asked before the warm-up's write takes the connection: a file chosen meanwhile needs it.
		// (Untracked: a change of the data must not restart this effect and its worker.)
		untrack(
			() =>
				void this.#context().then(
					(ctx) => this.#lookupOf(ctx),
					() => undefined
				)
		);
		void loadRemembered();
		void warmBulkPath().then(() => (this.engine = 'warm'));
		return releaseImportWorker;
	}

	#releaseBulk() {
		if (this.#bulk) void dropBulkFile(this.#bulk.source.file);
		this.#bulk = null;
	}

	#lookupOf(ctx: Pick<ImportContext, 'municipalities' | 'activityIds' | 'activityTitles'>) {
		if (this.lookup?.municipalities !== ctx.municipalities)
			this.lookup = {
				municipalities: ctx.municipalities,
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup, never changed
				activityIds: new Set(ctx.activityIds),
				activityTitles: ctx.activityTitles
			};
	}

	#context(): Promise<ImportContext> {
		if (this.#asked?.version !== data.version) {
			const mine = { version: data.version, context: ensureData().then(loadImportContext) };
			this.#asked = mine;
			// A failure is not kept: the next file asks again.
			mine.context.catch(() => {
				if (this.#asked === mine) this.#asked = null;
			});
		}
		return this.#asked.context;
	}

	analyse = async (fullDecode = false): Promise<void> => {
		if (!this.file) return;
		this.#cancelRead?.();
		this.#releaseBulk();
		const gen = ++this.#generation;
		this.status = 'reading';
		this.progress = 0;
		this.message = null;
		const [asked] = await Promise.all([this.#context(), loadRemembered()]);
		this.#lookupOf(asked);
		const { activityUnits, activityTitles: _titles, ...ctx } = asked;
		const corrections = effectiveCorrections(
			$state.snapshot(remembered.list),
			$state.snapshot(this.options.corrections),
			$state.snapshot(this.setAside)
		);
		const job = analyseInWorker(
			{
				file: this.file.blob,
				fileName: this.file.name,
				options: { ...$state.snapshot(this.options), corrections, fullDecode, activityUnits },
				ctx,
				lang: i18n.lang
			},
			(f) => (this.progress = f)
		);
		this.#cancelRead = job.cancel;
		try {
			const { utf8, blob, ...result } = await job.result;
			let a = result.analysis;
			if (a.bulk && utf8 && blob) {
				try {
					a = await this.#checkLarge(a, utf8, blob, gen, corrections);
				} catch (e) {
					// A UTF-8 head, then Windows-1257 further on: decode the whole file and read again.
					if (fullDecode || !notUtf8(e)) throw e;
					this.#releaseBulk();
					return this.analyse(true);
				}
			}
			if (gen !== this.#generation) return;
			this.analysis = a;
			this.status = importState(a).status;
		} catch (e) {
			if (gen !== this.#generation) return;
			this.#releaseBulk();
			this.analysis = null;
			this.status = 'rejected';
			this.message = { tone: 'error', text: reason(e) };
		} finally {
			this.#cancelRead = null;
			this.checking = false;
			prepareImportWorker();
		}
	};

	/** The bulk path: DuckDB's CSV reader reads and checks every row of the registered file. */
	async #checkLarge(
		a: Analysis,
		utf8: Uint8Array,
		blob: Blob,
		gen: number,
		corrections: Correction[]
	): Promise<Analysis> {
		this.checking = true;
		this.progress = 1;
		const id = newImportId();
		const source = { ...bulkSourceFor(a, `${id}.csv`), ...(corrections.length ? { corrections } : {}) };
		await registerBulkFile(source.file, utf8);
		if (gen !== this.#generation) {
			await dropBulkFile(source.file);
			return a;
		}
		this.#bulk = { id, source, blob };
		const r = await checkBulk(source);
		return {
			...a,
			rowCount: r.rowCount,
			validCount: r.validCount,
			errorRowCount: r.errorRows,
			errorCount: r.errorCount,
			errors: r.errors,
			...(r.corrected ? { corrected: r.corrected } : {}),
			// The head's row warnings were for its rows only; DuckDB's are for every row.
			warnings: [...a.warnings.filter((w) => !BULK_ROW_WARNINGS.includes(w.code)), ...r.warnings]
		};
	}

	pick = async (f: File | undefined | null): Promise<void> => {
		if (!f) return;
		this.#releaseBulk();
		this.analysis = null;
		this.options = {};
		this.setAside = [];
		if (f.size > MAX_FILE_BYTES) {
			this.file = null;
			this.status = 'rejected';
			const size = formatSize(MAX_FILE_BYTES, i18n.lang);
			this.message = { tone: 'error', text: formatIssue({ code: 'too_large', params: { size } }, i18n.lang) };
			return;
		}
		this.file = { name: f.name, blob: f };
		await this.analyse();
	};

	/** A choice in the preview (dataset, a column's field, the wide layout, the sheet): read again. */
	#choose(o: Partial<AnalyseOptions>) {
		this.options = { ...this.options, ...o };
		void this.analyse();
	}
	setDataset = (d: DatasetName) => this.#choose({ dataset: d, mapping: undefined, corrections: undefined });
	/** Read every cell of the field holding `c.from` as `c.to` (and read the file again). */
	correct = (c: Correction) => {
		this.setAside = withoutCorrection(this.setAside, c);
		this.#choose({ corrections: withCorrection(this.options.corrections, c) });
	};
	/** Every suggestion with a single meaning, at once. */
	correctAll = () =>
		this.#choose({
			corrections: this.suggestions
				.filter((s) => s.options.length === 1)
				.reduce(
					(list, s) => withCorrection(list, { field: s.field, from: s.value, to: s.options[0].to }),
					this.options.corrections ?? []
				)
		});
	/** Undo a correction for this file: a choice made here is dropped, a remembered one set aside. */
	uncorrect = (c: Correction) => {
		if (!hasCorrection(this.options.corrections, c)) this.setAside = withCorrection(this.setAside, c);
		this.#choose({ corrections: withoutCorrection(this.options.corrections, c) });
	};
	/** Forget a remembered correction (for every later import), and read the file in view again. */
	forget = async (c: Correction): Promise<void> => {
		await forget(c);
		this.setAside = withoutCorrection(this.setAside, c);
		if (this.file && this.analysis) void this.analyse();
	};
	setMapping = (field: string, index: number | null) =>
		this.#choose({
			mapping: { ...(this.analysis?.mapping ?? {}), ...(this.options.mapping ?? {}), [field]: index }
		});
	setWide = (wide: AnalyseOptions['wide']) => this.#choose({ wide });
	setSheet = (sheet: string) =>
		this.#choose({ sheet, dataset: undefined, mapping: undefined, wide: undefined });

	commit = async (validOnly: boolean): Promise<void> => {
		const { analysis, file } = this;
		if (!analysis || !file || !analysis.dataset) return;
		this.busy = true;
		try {
			const base = {
				dataset: analysis.dataset,
				file: file.name,
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a time stamp, not UI state
				at: new Date().toISOString(),
				rowCount: analysis.rowCount,
				rowsAdded: 0,
				rowsReplaced: 0,
				rowsRejected: validOnly ? this.counts.errorRows : 0,
				...(this.applied.length
					? {
							corrections: $state
								.snapshot(this.applied)
								.map(({ remembered: _r, ...c }) => ({ ...c, label: correctionLabel(c, this.lookup) }))
						}
					: {})
			};
			const chosen = $state.snapshot(this.options.corrections) ?? [];
			const large = analysis.bulk ? this.#bulk : null;
			const record: ImportRecord = large
				? { ...base, id: large.id, columns: {}, bulk: { ...large.source, staged: true } }
				: { ...base, id: newImportId(), ...recordColumns(analysis.dataset, analysis.rows) };
			const m: ImportMeta = await commitImport(record, large?.blob);
			this.#bulk = null; // the registered file now belongs to the import (undo drops it)
			// Remembered only once the import is saved (a cancelled preview teaches nothing).
			if (this.rememberCorrections && chosen.length) await remember(chosen).catch(() => undefined);
			this.setAside = [];
			this.status = 'committed';
			this.message = {
				tone: 'ok',
				text: t('import.committed', {
					added: m.rowsAdded,
					replaced: m.rowsReplaced,
					rejected: m.rowsRejected
				})
			};
			this.analysis = null;
			this.file = null;
		} catch (e) {
			// The database was rolled back with the failed write: nothing changed.
			const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
			this.message = {
				tone: 'error',
				text: quota ? t('import.quota') : t('import.failed', { reason: reason(e) })
			};
		} finally {
			this.busy = false;
		}
	};

	cancel = (): void => {
		this.#cancelRead?.();
		this.#generation++;
		this.#releaseBulk();
		this.analysis = null;
		this.file = null;
		this.options = {};
		this.setAside = [];
		this.status = 'idle';
		this.message = null;
	};

	/**
	 * The rejected rows as they were in the file, with an error column, in its delimiter and
	 * encoding (issue #18 "Fix and resubmit"): made in the Worker, which reads the file again.
	 */
	downloadErrors = async (): Promise<void> => {
		if (!this.analysis || !this.file) return;
		const a = $state.snapshot(this.analysis);
		try {
			const out = await rejectedRowsInWorker({
				file: this.file.blob,
				errors: {
					delimiter: a.delimiter,
					headerRow: a.headerRow,
					errors: a.errors,
					encoding: a.encoding,
					sheet: a.sheet
				},
				lang: i18n.lang
			});
			const named = rejectedFile(this.file.name, a.encoding, out.encoding, t('import.errorsSuffix'));
			download(new Blob([out.bytes as Uint8Array<ArrayBuffer>], { type: named.type }), named.name);
		} catch (e) {
			this.message = { tone: 'error', text: t('import.failed', { reason: reason(e) }) };
		}
	};

	undo = async (m: ImportMeta): Promise<void> => {
		this.busy = true;
		try {
			await undoImport(m.id);
			this.message = { tone: 'ok', text: t('import.undone', { file: m.file }) };
			if (this.status === 'committed') this.status = 'idle';
		} catch (e) {
			this.message = { tone: 'error', text: t('import.failed', { reason: String(e) }) };
		} finally {
			this.busy = false;
		}
	};

	reset = async (): Promise<void> => {
		this.busy = true;
		try {
			this.#releaseBulk();
			await resetToDefaults();
			this.status = 'idle';
			this.analysis = null;
			this.file = null;
			this.message = { tone: 'ok', text: t('import.resetDone') };
		} finally {
			this.busy = false;
		}
	};
}
