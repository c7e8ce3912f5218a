// env_stats.test.mjs — the public statistics of issue 4 beyond the round
// page's own test: shares and the green+blue share computed from the exact
// counts, a half-year snapshot's statistics compared with the half-year
// before (page and CSV), and the README's example import file importing as
// documented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Client, ROOT, byId, errorText, login, sql, str } from './lib.mjs';
import { cnName, idOf, newRound, newSubject, today, upload } from './env_lib.mjs';

/** Share in tenths of a percent, rounded half up, as app/rules/grades.c. */
const tenths = (n, total) => (total > 0 ? Math.floor((n * 1000 + Math.floor(total / 2)) / total) : 0);
const pct = (t) => `${Math.floor(t / 10)}.${t % 10}`;
const delta = (t) => (t > 0 ? '+' : t < 0 ? '-' : '') + pct(Math.abs(t));
const GRADES = ['green', 'blue', 'yellow', 'red', 'black'];

function row(html, g) {
	const m = new RegExp(`<tr data-grade="${g}">([\\s\\S]*?)</tr>`).exec(html);
	assert.ok(m, `row ${g}`);
	const cell = (cls) => {
		const c = new RegExp(`class="${cls}">([^<]*)<`).exec(m[1]);
		return c ? c[1] : null;
	};
	return { count: Number(cell('count')), share: cell('share'), prev: cell('prev-count'),
		delta: cell('delta'), deltaShare: cell('delta-share'), badge: /class="badge grade-[a-z]+" data-grade="[a-z]+">[^<]+</.test(m[1]) };
}
function countsOf(snapshot) {
	const c = Object.fromEntries(GRADES.map((g) => [g, 0]));
	for (const line of sql(`SELECT grade, COUNT(*) FROM env_snapshot_rows WHERE snapshot_id = ${Number(snapshot)} GROUP BY grade`).split('\n'))
		if (line) c[line.split('\t')[0]] = Number(line.split('\t')[1]);
	return c;
}
const totalOf = (c) => GRADES.reduce((s, g) => s + c[g], 0);

test('a round\'s shares and green+blue share are computed from its exact counts, to one decimal', async () => {
	const r = await new Client().get('/env/rounds/2/stats');
	assert.equal(r.status, 200);
	const c = Object.fromEntries(GRADES.map((g) =>
		[g, Number(sql(`SELECT COUNT(*) FROM env_entries WHERE round_id = 2 AND grade = '${g}'`))]));
	const total = totalOf(c);
	for (const g of GRADES) {
		const x = row(r.text, g);
		assert.equal(x.count, c[g], g);
		assert.equal(x.share, `${pct(tenths(c[g], total))}%`, `${g} share`);
		assert.ok(x.badge, `${g}: a badge with the written name`);
	}
	assert.equal(byId(r.text, 'good-share'), `${pct(tenths(c.green + c.blue, total))}%`);
	assert.match(byId(r.text, 'stats-total'), new RegExp(`\\b${total}\\b`));
});

test('a half-year snapshot\'s statistics against the half-year before: page and CSV', async () => {
	const env = await login('env_agency');
	const y = Number(today().slice(0, 4)) - 2;
	const first = `${y}-06-30`, second = `${y}-12-31`;
	sql(`DELETE w FROM env_snapshot_rows w JOIN env_snapshots n ON n.id = w.snapshot_id WHERE n.as_of IN ('${first}', '${second}');
	     DELETE FROM env_snapshots WHERE as_of IN ('${first}', '${second}')`);
	let r = await env.postWithCsrf('/env/snapshots', { as_of: first }, '/env');
	assert.equal(r.status, 303, errorText(r.text));
	const a = idOf(r.location);
	// A black enterprise of a round published between the two days.
	const s = await newSubject(cnName('苏州快照统计'));
	const scope = `快照统计${s.id}`;
	sql(`INSERT INTO env_rounds (year, scope, period_from, period_to, status, publicity_from, publicity_to, published_on, created_at)
	     VALUES (${y}, '${scope}', '${y}-01-01', '${y}-06-30', 'published', '${y}-08-01', '${y}-08-15', '${y}-09-01', UNIX_TIMESTAMP())`);
	sql(`INSERT INTO env_entries (round_id, subject_id, source, base_grade, grade, created_at, updated_at)
	     SELECT id, ${s.id}, 'import', 'black', 'black', UNIX_TIMESTAMP(), UNIX_TIMESTAMP() FROM env_rounds WHERE scope = '${scope}'`);
	r = await env.postWithCsrf('/env/snapshots', { as_of: second }, '/env');
	assert.equal(r.status, 303, errorText(r.text));
	const b = idOf(r.location);
	const ca = countsOf(a), cb = countsOf(b), ta = totalOf(ca), tb = totalOf(cb);
	assert.equal(sql(`SELECT COUNT(*) FROM env_snapshot_rows WHERE snapshot_id = ${a} AND subject_id = ${s.id}`), '0');
	assert.equal(sql(`SELECT grade FROM env_snapshot_rows WHERE snapshot_id = ${b} AND subject_id = ${s.id}`), 'black',
		'the new black enterprise is in the later list only');
	assert.ok(cb.black > ca.black);

	const anon = new Client();
	// The earlier half-year compares with whatever came before it, if anything.
	const older = Number(sql(`SELECT COUNT(*) FROM env_snapshots WHERE as_of < '${first}'`));
	const pa = await anon.get(`/env/snapshots/${a}`);
	assert.equal(pa.status, 200);
	if (older === 0) assert.ok(byId(pa.text, 'no-previous'), 'nothing to compare with');

	const page = await anon.get(`/env/snapshots/${b}`);
	assert.equal(page.status, 200);
	assert.match(page.text, new RegExp(`<p id="stats-previous">[^<]*<a href="/env/snapshots/${a}">${first}</a>`));
	assert.equal(byId(page.text, 'no-previous'), null);
	assert.match(page.text, /<svg class="grade-chart"/);
	assert.equal((page.text.match(/<rect class="bar-/g) || []).length, 5, 'one bar per colour');
	for (const g of GRADES) {
		const x = row(page.text, g);
		assert.equal(x.count, cb[g], `${g} count`);
		assert.equal(x.share, `${pct(tenths(cb[g], tb))}%`, `${g} share`);
		assert.equal(Number(x.prev), ca[g], `${g} previous count`);
		assert.equal(x.delta, (cb[g] > ca[g] ? '+' : '') + String(cb[g] - ca[g]), `${g} change`);
		assert.equal(x.deltaShare, delta(tenths(cb[g], tb) - tenths(ca[g], ta)), `${g} share change`);
	}
	assert.match(row(page.text, 'black').delta, /^\+[1-9]/);
	assert.equal(byId(page.text, 'good-share'), `${pct(tenths(cb.green + cb.blue, tb))}%`);
	assert.equal(byId(page.text, 'delta-good'),
		delta(tenths(cb.green + cb.blue, tb) - tenths(ca.green + ca.blue, ta)));

	const csv = await anon.get(`/env/snapshots/${b}/stats.csv`);
	assert.equal(csv.status, 200);
	assert.match(csv.headers.get('content-type'), /^text\/csv/);
	assert.match(csv.headers.get('content-disposition'), new RegExp(`^attachment; filename="env-stats-${second}-v1\\.csv"`));
	const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
	assert.equal(lines[0], `grade,${str('zh-CN', 'Env.grade')},count,share_percent,previous_count,previous_share_percent,as_of,previous_as_of`);
	GRADES.forEach((g, i) => assert.equal(lines[i + 1].replace(/^([a-z]+),[^,]*,/, '$1,'),
		`${g},${cb[g]},${pct(tenths(cb[g], tb))},${ca[g]},${pct(tenths(ca[g], ta))},${second},${first}`));
	const hundred = (t) => (t > 0 ? '100.0' : '0.0');
	assert.equal(lines[6], `total,,${tb},${hundred(tb)},${ta},${hundred(ta)},${second},${first}`);
	assert.equal((await anon.get('/env/snapshots/999999999/stats.csv')).status, 404);
});

test('the README\'s example file docs/examples/env-grades.csv imports as documented', async () => {
	const env = await login('env_agency');
	const { id } = await newRound(env);
	const r = await upload(env, id, readFileSync(`${ROOT}/docs/examples/env-grades.csv`));
	assert.equal(r.status, 200, errorText(r.text));
	assert.match(byId(r.text, 'import-done'), /3/);
	assert.equal(sql(`SELECT GROUP_CONCAT(s.uscc, ':', e.grade, ':', IFNULL(e.score, '-') ORDER BY s.uscc)
	     FROM env_entries e JOIN subjects s ON s.id = e.subject_id WHERE e.round_id = ${id}`),
	'913205053BJ1XG612A:black:-,91320506AY4CL12THL:green:96,91320507DD272HD1TH:yellow:70');
	// The README documents the same columns the page shows.
	const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
	assert.match(readme, /docs\/examples\/env-grades\.csv/);
	for (const col of ['uscc', 'name', 'grade', 'score', 'district', '统一社会信用代码', '环保信用等级'])
		assert.ok(readme.includes(col), col);
});
