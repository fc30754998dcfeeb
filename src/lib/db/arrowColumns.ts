/**
 * Column arrays → Arrow vectors, built directly from typed arrays. Arrow's own builders
 * (`vectorFromArray`) compile their null check with `new Function`, which the app's
 * Content-Security-Policy (no 'unsafe-eval') forbids — apache-arrow src/builder/valid.ts.
 */
import { Bool, Float64, Int32, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';
import type { ColumnType, SqlValue } from './connector';

function validity(values: SqlValue[]): { bitmap: Uint8Array; nullCount: number } {
	const bitmap = new Uint8Array(Math.ceil(values.length / 8));
	let nullCount = 0;
	for (let i = 0; i < values.length; i++) {
		if (values[i] === null || values[i] === undefined) nullCount++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	}
	return { bitmap, nullCount };
}

const encoder = new TextEncoder();

function utf8Vector(values: SqlValue[]): Vector {
	const { bitmap, nullCount } = validity(values);
	const offsets = new Int32Array(values.length + 1);
	let buffer = new Uint8Array(Math.max(64, values.length * 16));
	let at = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) {
			const s = String(v);
			// Worst case 3 bytes per UTF-16 unit.
			if (at + s.length * 3 > buffer.length) {
				const bigger = new Uint8Array(Math.max(buffer.length * 2, at + s.length * 3));
				bigger.set(buffer.subarray(0, at));
				buffer = bigger;
			}
			at += encoder.encodeInto(s, buffer.subarray(at)).written;
		}
		offsets[i + 1] = at;
	}
	return makeVector(
		makeData({
			type: new Utf8(),
			length: values.length,
			nullCount,
			nullBitmap: nullCount ? bitmap : undefined,
			valueOffsets: offsets,
			data: buffer.subarray(0, at)
		})
	);
}

function numberVector(values: SqlValue[], type: Float64 | Int32): Vector {
	const { bitmap, nullCount } = validity(values);
	const data = type instanceof Float64 ? new Float64Array(values.length) : new Int32Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) data[i] = Number(v);
	}
	return makeVector(
		makeData({
			type,
			length: values.length,
			nullCount,
			nullBitmap: nullCount ? bitmap : undefined,
			data
		} as never)
	);
}

function boolVector(values: SqlValue[]): Vector {
	const { bitmap, nullCount } = validity(values);
	const data = new Uint8Array(Math.ceil(values.length / 8));
	for (let i = 0; i < values.length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
	return makeVector(
		makeData({
			type: new Bool(),
			length: values.length,
			nullCount,
			nullBitmap: nullCount ? bitmap : undefined,
			data
		})
	);
}

export function toVector(values: SqlValue[], type: ColumnType): Vector {
	switch (type) {
		case 'VARCHAR':
			return utf8Vector(values);
		case 'DOUBLE':
			return numberVector(values, new Float64());
		case 'INTEGER':
			return numberVector(values, new Int32());
		case 'BOOLEAN':
			return boolVector(values);
	}
}
