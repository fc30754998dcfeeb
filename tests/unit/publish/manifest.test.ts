import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	MANIFEST_FORMAT,
	PublishError,
	buildManifest,
	exportPublishedSql,
	isGzip,
	parseManifest,
	publishedColumns,
	readPublishedSql
} from '$lib/publish/manifest';
import { dataSource, labelDate, labelDateTime } from '$lib/publish/labels';

const example = readFileSync('tests/fixtures/published-sample/manifest.json', 'utf8');

function problem(text: string): { file: string; code: string; detail: string } {
	try {
		parseManifest(text);
	} catch (e) {
		expect(e).toBeInstanceOf(PublishError);
		const p = e as PublishError;
		return { file: p.file, code: p.code, detail: p.detail };
	}
	throw new Error('parseManifest accepted it');
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest edited freely, as a person would
const edited = (change: (m: Record<string, any>) => void) => {
	const m = JSON.parse(example);
	change(m);
	return JSON.stringify(m);
};

describe('parseManifest', () => {
	it('reads the example bundle: every dataset with the table’s columns and types, its summary', () => {
		const m = parseManifest(example);
		expect(m.format).toBe(MANIFEST_FORMAT);
		expect(Object.keys(m.datasets)).toEqual([
			'activities',
			'municipalities',
			'progress',
			'trainings',
			'service_levels'
		]);
		expect(m.datasets.progress?.columns).toEqual({
			activity_id: 'VARCHAR',
			year: 'INTEGER',
			status: 'VARCHAR',
			actual_value: 'DOUBLE',
			target_value: 'DOUBLE',
			comment: 'VARCHAR',
			reported_at: 'VARCHAR',
			seq: 'INTEGER'
		});
		expect(m.datasets.activities?.rows).toBe(42);
		expect(m.datasets.municipalities?.rows).toBe(79);
		expect(m.summary?.overview.byDirection.map((r) => r.key)).toEqual(['1', '2', '3', '4']);
	});
	it('names the manifest and the reason for each way it can be wrong', () => {
		expect(problem('{"format": "kov-seire/published", "version": 1,')).toMatchObject({
			file: 'manifest.json',
			code: 'json'
		});
		expect(problem('[]').code).toBe('format');
		expect(problem(edited((m) => (m.format = 'evidence/data')))).toMatchObject({
			code: 'format',
			detail: 'evidence/data'
		});
		expect(problem(edited((m) => (m.version = 2)))).toMatchObject({ code: 'version', detail: '2' });
		expect(problem(edited((m) => (m.generated_at = 'eile'))).detail).toBe('generated_at');
		expect(problem(edited((m) => (m.datasets.budget = m.datasets.progress))).detail).toBe('dataset budget');
		expect(problem(edited((m) => (m.datasets.progress.file = '../../etc/passwd'))).detail).toBe(
			'progress.file'
		);
		expect(problem(edited((m) => (m.datasets.progress.sha256 = 'abc'))).detail).toBe('progress.sha256');
		expect(problem(edited((m) => (m.datasets.progress.rows = -1))).detail).toBe('progress.rows');
	});
	it('accepts exactly the table’s columns: a type from the manifest never reaches SQL unchecked', () => {
		const injected = edited((m) => (m.datasets.progress.columns.year = "INTEGER'); DROP TABLE x; --"));
		expect(problem(injected).detail).toMatch(/^progress\.columns ≠ activity_id VARCHAR, year INTEGER/);
		const missing = edited((m) => delete m.datasets.trainings.columns.satisfaction);
		expect(problem(missing).detail).toMatch(/^trainings\.columns/);
		const reordered = edited((m) => {
			const { ehak_code, ...rest } = m.datasets.municipalities.columns;
			m.datasets.municipalities.columns = { ...rest, ehak_code };
		});
		expect(problem(reordered).detail).toMatch(/^municipalities\.columns/);
	});
	it('a manifest without a usable summary still loads (the first chart then waits for DuckDB)', () => {
		expect(parseManifest(edited((m) => delete m.summary)).summary).toBeNull();
		expect(parseManifest(edited((m) => (m.summary = { year: 'x' }))).summary).toBeNull();
	});
});

describe('the published file SQL', () => {
	it('reads with the manifest’s types, no sniffing, gzip by the reader; quotes the path', () => {
		const sql = readPublishedSql('service_levels', "it's.csv.gz");
		expect(sql).toContain("read_csv('it''s.csv.gz'");
		expect(sql).toContain('auto_detect = false');
		expect(sql).toContain("compression = 'gzip'");
		expect(sql).toContain("'higher_is_better': 'BOOLEAN'");
		expect(sql).toMatch(/'published'\s+FROM/);
	});
	it('writes the table’s columns without `source`, in key order, as gzip CSV with a header', () => {
		const sql = exportPublishedSql('progress', 'progress.csv.gz');
		const cols = publishedColumns('progress').map((c) => `"${c.name}"`);
		expect(sql).toContain(`SELECT ${cols.join(', ')} FROM "progress" ORDER BY seq, activity_id, year`);
		expect(sql).toContain('COMPRESSION gzip');
		expect(publishedColumns('progress').map((c) => c.name)).not.toContain('source');
	});
	it('buildManifest lists datasets in the folder’s order with their file names and columns', () => {
		const m = buildManifest({
			generatedAt: '2026-12-01T10:00:00Z',
			generatedBy: 'test',
			files: {
				service_levels: { rows: 2, sha256: 'a'.repeat(64), sources: [] },
				progress: { rows: 1, sha256: 'b'.repeat(64), sources: [] }
			},
			summary: null
		});
		expect(Object.keys(m.datasets)).toEqual(['progress', 'service_levels']);
		expect(m.datasets.service_levels?.file).toBe('service_levels.csv.gz');
		// What buildManifest writes, parseManifest reads back.
		expect(parseManifest(JSON.stringify(m))).toEqual(m);
	});
	it('isGzip tells a gzip file from the CSV a server unzipped on the way', () => {
		expect(isGzip(new Uint8Array(readFileSync('tests/fixtures/published-sample/progress.csv.gz')))).toBe(
			true
		);
		expect(isGzip(new TextEncoder().encode('activity_id,year\n'))).toBe(false);
	});
});

describe('data source labels', () => {
	it('local wins over published, published (even when broken) over sample, unknown is no label', () => {
		expect(dataSource(2, 'ok')).toBe('local');
		expect(dataSource(1, 'none')).toBe('local');
		expect(dataSource(0, 'ok')).toBe('published');
		expect(dataSource(0, 'error')).toBe('published');
		expect(dataSource(0, 'none')).toBe('sample');
		expect(dataSource(0, 'unknown')).toBeNull();
	});
	it('dates read DD.MM.YYYY in the reader’s time zone (Tallinn: a late-evening UTC time is the next day)', () => {
		expect(labelDate('2026-12-01T10:00:00Z')).toBe('01.12.2026');
		expect(labelDate('2026-06-30T22:30:00Z')).toBe('01.07.2026');
		expect(labelDate('not a date')).toBe('not a date');
		expect(labelDateTime('2026-12-01T10:05:00Z')).toBe('01.12.2026 12:05');
	});
});
