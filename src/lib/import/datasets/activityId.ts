/**
 * What an activity number that is not in the plan probably was: the same digits written with other
 * separators (`1,1,3`, `1 1 3`, `Tegevus 1.1.3`), or a date Excel made of it (`1.1.3` typed into an
 * Estonian Excel cell becomes 1 January 2003 and is exported as `01.01.2003` or `2003-01-01`).
 */
export type NearActivity = { id: string; date: boolean } | null;

export function nearActivity(text: string, ids: ReadonlySet<string>): NearActivity {
	const t = text.trim();
	const known = (parts: number[]) => {
		const id = parts.join('.');
		return ids.has(id) ? id : null;
	};
	// d.m.yyyy or dd.mm.yyyy (Estonian Excel), yyyy-mm-dd (ISO): day.month.(year − 2000).
	const dmy = /^(\d{1,2})\.(\d{1,2})\.(20\d\d)$/.exec(t);
	const iso = /^(20\d\d)-(\d{1,2})-(\d{1,2})$/.exec(t);
	const date = dmy
		? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3]) - 2000]
		: iso
			? [Number(iso[3]), Number(iso[2]), Number(iso[1]) - 2000]
			: null;
	if (date) {
		const id = known(date);
		return id ? { id, date: true } : null;
	}
	const digits = t.match(/\d+/g);
	if (!digits || digits.length < 3 || digits.length > 4) return null;
	const id = known(digits.map(Number));
	return id && id !== t ? { id, date: false } : null;
}

/**
 * The issue of an activity number that is not in the plan, with its guess: a progress row's error,
 * or (`link`) a training's warning (the training is imported without the link). One choice for the
 * import core and the bulk path.
 */
export function unknownActivityIssue(
	id: string,
	ids: ReadonlySet<string>,
	link: boolean
): { code: string; near: string | null } {
	const near = nearActivity(id, ids);
	const kind = !near ? 'unknown' : near.date ? 'date' : 'near';
	const codes = link
		? { unknown: 'unknown_activity_link', date: 'activity_link_as_date', near: 'unknown_activity_link_near' }
		: { unknown: 'unknown_activity', date: 'activity_as_date', near: 'unknown_activity_near' };
	return { code: codes[kind], near: near?.id ?? null };
}
