/** Progress lines while the benchmark runs, with the time since it started. */
const started = Date.now();

export function step(message: string): void {
	const s = Math.round((Date.now() - started) / 1000);
	console.log(
		`[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${message}`
	);
}
