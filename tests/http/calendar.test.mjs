// calendar.test.mjs — the admin's working-day calendar (app/pages/calendar.c):
// the shipped 2025/2026 calendars, the note for a year not loaded, who may
// see it, setting and removing one day (the deadline calculator follows),
// CSV imports (all or nothing, every bad row listed) and CSRF. Test data
// lives in far-off years (2098, 2099) and is deleted again in `finally`;
// no official calendar is ever invented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
	Client, appLog, byId, errorText, login, ROOT, sql, str, uploadCsv, userId,
} from './lib.mjs';

const PAGE = '/admin/calendar';

function dayRows(html, year) {
	return [...html.matchAll(new RegExp(`<tr id="day-(${year}\\d{4})" data-kind="(holiday|workday)"`, 'g'))]
		.map((m) => [m[1], m[2]]);
}

function badLines(html) {
	return [...html.matchAll(/<tr class="bad-row"><td>(\d+)<\/td><td class="mono">([^<]*)<\/td>/g)]
		.map((m) => [Number(m[1]), m[2]]);
}

/** The calculator: [due date, assumed?] for n working days after from. */
async function deadline(c, from, n) {
	const r = await c.get(`${PAGE}?from=${from}&n=${n}`);
	assert.equal(r.status, 200, errorText(r.text));
	const due = byId(r.text, 'calc-due');
	assert.ok(due, `a result for ${n} working days after ${from}`);
	return [due, /id="calc-assumed"/.test(r.text)];
}

function upload(c, fields, bytes, { csrf = true } = {}) {
	return uploadCsv(c, '/admin/calendar/import', bytes, { fields, name: 'calendar.csv', tokenPage: PAGE, csrf });
}

function dropYear(year) {
	sql(`DELETE FROM calendar_days WHERE day BETWEEN '${year}-01-01' AND '${year}-12-31';
	     DELETE FROM calendar_years WHERE year = ${year}`);
}

function snapshot(year) {
	return sql(`SELECT DATE_FORMAT(day, '%Y-%m-%d'), kind, name, IFNULL(updated_by, 0) FROM calendar_days
	            WHERE day BETWEEN '${year}-01-01' AND '${year}-12-31' ORDER BY day;
	            SELECT year, source, loaded_at FROM calendar_years WHERE year = ${year}`);
}

test('the admin page lists 2026 as published, and both shipped years are loaded', async () => {
	const c = await login('admin');
	const r = await c.get(`${PAGE}?year=2026`);
	assert.equal(r.status, 200, errorText(r.text));
	const rows = dayRows(r.text, 2026);
	assert.equal(rows.length, 39, 'every 2026 row of the State Council notice');
	const kinds = new Map(rows);
	assert.equal(kinds.get('20261001'), 'holiday');
	assert.equal(kinds.get('20260217'), 'holiday');
	assert.equal(kinds.get('20260214'), 'workday', 'the worked Saturday before the Spring Festival');
	assert.equal(kinds.get('20260509'), 'workday');
	assert.match(r.text, /<td>国庆节<\/td>/);
	assert.match(r.text, /id="year-loaded"/);
	assert.doesNotMatch(r.text, /id="year-not-loaded"/);
	const years = byId(r.text, 'calendar-years');
	assert.match(years, /2025/);
	assert.match(years, /国办发明电〔2024〕12号/);
	assert.match(years, /2026/);
	assert.equal(sql('SELECT GROUP_CONCAT(year ORDER BY year) FROM calendar_years WHERE year IN (2025, 2026)'), '2025,2026');
	// Without a year the page shows the current one; the admin has a link to it.
	const home = await c.get(PAGE);
	assert.equal(home.status, 200);
	assert.match(home.text, /href="\/admin\/calendar" aria-current="page"/);
});

test('a year that is not loaded says deadlines in it count weekends only', async () => {
	const c = await login('admin');
	const r = await c.get(`${PAGE}?year=2027`);
	assert.equal(r.status, 200);
	assert.match(r.text, /id="year-not-loaded"/);
	assert.ok(byId(r.text, 'year-not-loaded').includes(str('zh-CN', 'Calendar.not_loaded')));
	assert.match(byId(r.text, 'beyond-note'), /2026/);
	// The calculator: certain inside 2026, flagged once it reaches 2027.
	assert.deepEqual(await deadline(c, '2026-09-30', 1), ['2026-10-08', false]);
	assert.deepEqual(await deadline(c, '2026-02-13', 2), ['2026-02-24', false]);
	assert.deepEqual(await deadline(c, '2026-04-30', 4), ['2026-05-09', false]);
	assert.deepEqual(await deadline(c, '2025-09-30', 3), ['2025-10-11', false]);
	assert.deepEqual(await deadline(c, '2026-12-30', 1), ['2026-12-31', false]);
	assert.deepEqual(await deadline(c, '2026-12-31', 1), ['2027-01-01', true]);
	const en = await login('admin');
	en.setCookie('lang', 'en');
	const e = await en.get(`${PAGE}?from=2026-12-31&n=3`);
	assert.equal(byId(e.text, 'calc-due'), '2027-01-05');
	assert.equal(byId(e.text, 'calc-assumed'), str('en', 'Calendar.calc_assumed'));
	// Time left and overdue, counted from today in China (UTC+8).
	const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
	const left = await c.get(`${PAGE}?from=${today}&n=3`);
	assert.match(byId(left.text, 'calc-left'), /\b3\b/, 'three working days from today are three days left');
	const late = await c.get(`${PAGE}?from=2025-09-30&n=1`);
	assert.equal(byId(late.text, 'calc-due'), '2025-10-09');
	assert.match(byId(late.text, 'calc-overdue'), /\b[1-9]\d*\b/);
	// A bad calculator input is a form error, not a crash.
	const bad = await c.get(`${PAGE}?from=2026-02-30&n=1`);
	assert.equal(bad.status, 422);
	assert.match(bad.text, /id="err-from"/);
});

test('only the admin may see or change the calendar', async () => {
	const anon = new Client();
	const r = await anon.get(PAGE);
	assert.equal(r.status, 303);
	assert.equal(r.location, `/login?next=${PAGE}`);
	const before = snapshot(2026);
	for (const role of ['enterprise', 'association', 'env_agency', 'staff']) {
		const c = await login(role);
		const g = await c.get(`${PAGE}?year=2026`);
		assert.equal(g.status, 403, role);
		assert.equal(errorText(g.text), str('zh-CN', 'Err.forbidden'), role);
		assert.doesNotMatch(g.text, /<table/, `${role}: no calendar data on the refusal`);
		const csrf = await c.csrf('/');
		const set = await c.post('/admin/calendar/days', { csrf, day: '2026-03-11', kind: 'holiday', name: '越权' });
		assert.equal(set.status, 403, role);
		const rm = await c.post('/admin/calendar/days/20261001/remove', { csrf });
		assert.equal(rm.status, 403, role);
	}
	const rm = await anon.post('/admin/calendar/days/20261001/remove', { csrf: await anon.csrf('/') });
	assert.equal(rm.status, 303);
	assert.equal(snapshot(2026), before, 'nothing changed');
});

test('setting and removing a day changes the deadline; bad days are refused', async () => {
	const c = await login('admin');
	const admin = userId('admin');
	dropYear(2098);
	try {
		// 2098 is not loaded: the weekend rule, and the result says so.
		assert.deepEqual(await deadline(c, '2098-03-04', 1), ['2098-03-05', true]);
		let r = await c.postWithCsrf('/admin/calendar/days', { day: '2098-03-05', kind: 'holiday', name: '测试假日' }, PAGE);
		assert.equal(r.status, 303, errorText(r.text));
		assert.equal(r.location, '/admin/calendar?year=2098');
		assert.equal(sql(`SELECT CONCAT(kind, ' ', name, ' ', updated_by) FROM calendar_days WHERE day = '2098-03-05'`),
			`holiday 测试假日 ${admin}`);
		assert.deepEqual(await deadline(c, '2098-03-04', 1), ['2098-03-06', true]);
		const page = await c.get(`${PAGE}?year=2098`);
		assert.deepEqual(dayRows(page.text, 2098), [['20980305', 'holiday']]);
		assert.match(page.text, /id="year-not-loaded"/);
		// A worked Saturday.
		assert.deepEqual(await deadline(c, '2098-03-07', 1), ['2098-03-10', true]);
		r = await c.postWithCsrf('/admin/calendar/days', { day: '2098-03-08', kind: 'workday', name: '测试调休' }, PAGE);
		assert.equal(r.status, 303);
		assert.deepEqual(await deadline(c, '2098-03-07', 1), ['2098-03-08', true]);
		// Setting it again replaces it.
		r = await c.postWithCsrf('/admin/calendar/days', { day: '2098-03-08', kind: 'holiday', name: '改为放假' }, PAGE);
		assert.equal(r.status, 303);
		assert.equal(sql(`SELECT CONCAT(kind, ' ', name) FROM calendar_days WHERE day = '2098-03-08'`), 'holiday 改为放假');
		// A "worked" Thursday is a typo, and a day needs a name.
		r = await c.postWithCsrf('/admin/calendar/days', { day: '2098-03-06', kind: 'workday', name: '周四上班' }, PAGE);
		assert.equal(r.status, 422);
		assert.equal(byId(r.text, 'err-kind'), str('zh-CN', 'Calendar.err.workday_weekday'));
		r = await c.postWithCsrf('/admin/calendar/days', { day: '2098-03-06', kind: 'holiday', name: '' }, PAGE);
		assert.equal(r.status, 422);
		assert.match(r.text, /id="err-name"/);
		r = await c.postWithCsrf('/admin/calendar/days', { day: '2098-03-06', kind: 'rest', name: '未知' }, PAGE);
		assert.equal(r.status, 422);
		assert.equal(sql(`SELECT COUNT(*) FROM calendar_days WHERE day = '2098-03-06'`), '0');
		// Removing reverts the day to the normal week.
		r = await c.postWithCsrf('/admin/calendar/days/20980305/remove', {}, PAGE);
		assert.equal(r.status, 303);
		assert.equal(r.location, '/admin/calendar?year=2098');
		assert.deepEqual(await deadline(c, '2098-03-04', 1), ['2098-03-05', true]);
		r = await c.postWithCsrf('/admin/calendar/days/20980305/remove', {}, PAGE);
		assert.equal(r.status, 404, 'nothing left to remove');
		r = await c.postWithCsrf('/admin/calendar/days/20981301/remove', {}, PAGE);
		assert.equal(r.status, 404, 'not a date');
		// Calendar changes are logged with who made them.
		const log = appLog();
		assert.match(log, /calendar: 2098-03-05 set to holiday \(测试假日\) by user \d+/);
		assert.match(log, /calendar: 2098-03-05 reverted to the weekday\/weekend default/);
	} finally {
		dropYear(2098);
	}
});

test('a year imports whole from CSV, replaces what was there and counts as loaded', async () => {
	const c = await login('admin');
	dropYear(2099);
	try {
		const csv = '\ufeffdate,kind,name\r\n2099-01-01,holiday,测试元旦\r\n2099-01-02,holiday,测试元旦\r\n' +
			'2099-01-03,workday,测试调休\r\n2099-01-04,holiday,测试元旦\r\n';
		const r = await upload(c, { year: '2099', source: '测试用通知（非正式）' }, Buffer.from(csv, 'utf8'));
		assert.equal(r.status, 200, errorText(r.text) || r.text.slice(0, 400));
		assert.match(byId(r.text, 'calendar-import-done'), /4/);
		assert.equal(sql(`SELECT COUNT(*) FROM calendar_days WHERE day BETWEEN '2099-01-01' AND '2099-12-31'`), '4');
		assert.equal(sql('SELECT CONCAT(source, \' \', loaded_by) FROM calendar_years WHERE year = 2099'),
			`测试用通知（非正式） ${userId('admin')}`);
		const page = await c.get(`${PAGE}?year=2099`);
		assert.match(page.text, /id="year-loaded"/);
		// Loaded: the deadline is certain. Wed 2098-12-31 + 1 = the worked Saturday.
		assert.deepEqual(await deadline(c, '2098-12-31', 1), ['2099-01-03', false]);
		// A second import replaces the year.
		const again = await upload(c, { year: '2099', source: '测试用通知（更正）' },
			Buffer.from('日期,类型,名称\n2099-02-02,holiday,测试\n', 'utf8'));
		assert.equal(again.status, 200);
		assert.equal(sql(`SELECT GROUP_CONCAT(DATE_FORMAT(day, '%m-%d')) FROM calendar_days WHERE day BETWEEN '2099-01-01' AND '2099-12-31'`), '02-02');
		assert.match(appLog(), /calendar: year 2099 imported \(1 days/);
	} finally {
		dropYear(2099);
	}
});

test('a bad import lists every bad row with its line number and changes nothing', async () => {
	const c = await login('admin');
	dropYear(2099);
	try {
		const ok = await upload(c, { year: '2099', source: '测试用通知' },
			Buffer.from('date,kind,name\n2099-10-01,holiday,测试\n', 'utf8'));
		assert.equal(ok.status, 200);
		const before = snapshot(2099);
		const csv = 'date,kind,name\n' +
			'2099-01-01,holiday,测试元旦\n' +   // 2 fine
			'2099-02-30,holiday,没有这天\n' +   // 3 bad date
			'2098-12-31,holiday,去年\n' +       // 4 outside the year
			'2099-01-05,rest,未知类型\n' +      // 5 unknown kind
			'2099-01-05,workday,周一上班\n' +   // 6 workday on a weekday
			'2099-01-01,holiday,重复\n' +       // 7 the same date again
			'2099-01-03,workday,\n' +           // 8 no name
			'2099-01-04,holiday,周日放假\n';    // 9 fine: the break includes weekends
		const r = await upload(c, { year: '2099', source: '错误文件' }, Buffer.from(csv, 'utf8'));
		assert.equal(r.status, 422);
		assert.deepEqual(badLines(r.text), [[3, 'date'], [4, 'date'], [5, 'kind'], [6, 'kind'], [7, 'date'], [8, 'name']]);
		const errors = byId(r.text, 'calendar-errors');
		for (const k of ['Calendar.err.year', 'Calendar.err.kind', 'Calendar.err.workday_weekday', 'Calendar.err.duplicate'])
			assert.ok(errors.includes(str('zh-CN', k)), k);
		assert.equal(snapshot(2099), before, 'nothing half-imported');
		// A file without a kind column, and one for the wrong year.
		const nocol = await upload(c, { year: '2099', source: '错误文件' }, Buffer.from('date,name\n2099-01-01,x\n', 'utf8'));
		assert.equal(nocol.status, 422);
		assert.deepEqual(badLines(nocol.text), [[1, 'kind']]);
		const wrong = await upload(c, { year: '2098', source: '错误文件' },
			readFileSync(`${ROOT}/docs/examples/calendar-2026.csv`));
		assert.equal(wrong.status, 422);
		assert.equal(badLines(wrong.text).length, 39);
		assert.equal(sql('SELECT COUNT(*) FROM calendar_years WHERE year = 2098'), '0');
		const noyear = await upload(c, { source: '错误文件' }, Buffer.from('date,kind,name\n', 'utf8'));
		assert.equal(noyear.status, 422);
		assert.match(noyear.text, /id="err-year"/);
		assert.equal(snapshot(2099), before);
	} finally {
		dropYear(2099);
	}
});

test('the documented example re-imports 2026 unchanged, also as GB18030', async () => {
	const c = await login('admin');
	const rows = () => sql(`SELECT GROUP_CONCAT(CONCAT(day, kind, name) ORDER BY day) FROM calendar_days
	                        WHERE day BETWEEN '2026-01-01' AND '2026-12-31'`);
	const before = rows();
	const source = sql('SELECT source FROM calendar_years WHERE year = 2026');
	try {
		const bytes = readFileSync(`${ROOT}/docs/examples/calendar-2026.csv`);
		const r = await upload(c, { year: '2026', source }, bytes);
		assert.equal(r.status, 200, r.text.slice(0, 400));
		assert.match(byId(r.text, 'calendar-import-done'), /39/);
		assert.equal(rows(), before, 'the example is the shipped 2026 calendar');
		const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: bytes });
		const g = await upload(c, { year: '2026', source }, gb);
		assert.equal(g.status, 200);
		assert.match(byId(g.text, 'calendar-import-done'), /GB18030/);
		assert.equal(rows(), before);
	} finally {
		// Back to "shipped with the system".
		sql(`UPDATE calendar_days SET updated_by = NULL WHERE day BETWEEN '2026-01-01' AND '2026-12-31';
		     UPDATE calendar_years SET loaded_by = NULL WHERE year = 2026`);
	}
});

test('every calendar change needs the CSRF token', async () => {
	const c = await login('admin');
	const before = snapshot(2026);
	const attempts = [
		c.post('/admin/calendar/days', { day: '2026-03-11', kind: 'holiday', name: '无令牌' }),
		c.post('/admin/calendar/days/20261001/remove', {}),
		c.post('/admin/calendar/days/20261001/remove', { csrf: 'x'.repeat(43) }),
		upload(c, { year: '2026', source: '无令牌' }, Buffer.from('date,kind,name\n2026-03-11,holiday,x\n'), { csrf: false }),
	];
	for (const r of await Promise.all(attempts)) {
		assert.equal(r.status, 403);
		assert.equal(errorText(r.text), str('zh-CN', 'Err.csrf'));
	}
	assert.equal(snapshot(2026), before);
});
