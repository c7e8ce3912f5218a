// env.test.mjs — environmental credit colour grades (issue 4): draft
// invisibility, the round lifecycle (draft → publicity → published), vetoes,
// corrections that keep the earlier grade, the CSV import (all rows or none,
// each bad-row kind, new enterprises registered), dynamic scoring with expiry
// and grade on a date, statistics, snapshots, and who may change grades.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { Client, login, sql, str, errorText, byId, importErrors, newUscc } from './lib.mjs';
import { addDays, addEntry, gradeOf, idOf, today, upload } from './env_lib.mjs';

const HUQIU = '913205053BJ1XG612A';   // subject 2
const GUSU = '91320508J3Y7LLJY1F';    // subject 4
const YUANQU = '91320571JJC171HU49';  // subject 5

function addMonths(iso, n) {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCMonth(d.getUTCMonth() + n);
	return d.toISOString().slice(0, 10);
}

/** A subject registered by staff for this test only. */
async function newSubject(name) {
	const uscc = newUscc();
	const staff = await login('staff');
	const r = await staff.postWithCsrf('/staff/subjects', { uscc, name, kind: 'enterprise', reg_status: 'active' }, '/staff/subjects/new');
	assert.equal(r.status, 303, errorText(r.text));
	return { uscc, id: Number(sql(`SELECT id FROM subjects WHERE uscc = '${uscc}'`)) };
}

async function newRound(c, scope = `测试范围${randomInt(1e6)}`, year = 2026) {
	const r = await c.postWithCsrf('/env/rounds', { year, scope, period_from: `${year}-01-01`, period_to: `${year}-12-31` }, '/env');
	assert.equal(r.status, 303, errorText(r.text));
	return { id: idOf(r.location), scope };
}
/** Ends the publicity period (as if its days had passed) and publishes. */
async function publish(c, round) {
	let r = await c.postWithCsrf(`/env/rounds/${round}/publicize`, { days: 15 }, `/env/rounds/${round}`);
	assert.equal(r.status, 303, errorText(r.text));
	r = await c.postWithCsrf(`/env/rounds/${round}/publish`, {}, `/env/rounds/${round}`);
	assert.equal(r.status, 409, 'not before the publicity period ends');
	assert.match(byId(r.text, 'env-error'), new RegExp(str('zh-CN', 'Env.err.publicity_running')));
	sql(`UPDATE env_rounds SET publicity_from = CURDATE() - INTERVAL 16 DAY, publicity_to = CURDATE() - INTERVAL 1 DAY WHERE id = ${round}`);
	r = await c.postWithCsrf(`/env/rounds/${round}/publish`, {}, `/env/rounds/${round}`);
	assert.equal(r.status, 303, errorText(r.text));
}

test('the demo: badges with written names on search, profile with reasons and measures', async () => {
	const anon = new Client();
	const s = await anon.get('/search?q=' + encodeURIComponent('苏州'));
	assert.equal(s.status, 200);
	assert.match(s.text, /<span class="badge grade-black" data-grade="black">黑色<\/span>/, 'colour and name together');
	const p = await anon.get(`/entity/${HUQIU}`);
	assert.equal(gradeOf(p.text, 'env-current'), 'black');
	assert.match(byId(p.text, 'env-veto'), /私设暗管/, 'the veto reason is public');
	assert.match(byId(p.text, 'env-measures'), /0\.10/, 'black pays +0.10 yuan/kWh');
	assert.equal(byId(p.text, 'env-deductions'), null, 'the breakdown is not public');
	const red = await anon.get('/entity/913205839D4H3J9HT5');
	assert.equal(gradeOf(red.text, 'env-current'), 'red');
	assert.match(byId(red.text, 'env-measures'), /0\.05/);
	const en = new Client();
	await en.postWithCsrf('/lang', { lang: 'en', next: '/' });
	const pe = await en.get(`/entity/${HUQIU}`);
	assert.match(pe.text, /data-grade="black">Black<\/span>/);
});

test('the enterprise itself sees the breakdown, the history and its dynamic timeline', async () => {
	const e = await login('enterprise');
	const p = await e.get('/entity/91320506AY4CL12THL');
	assert.equal(gradeOf(p.text, 'env-current'), 'green');
	assert.ok(byId(p.text, 'env-deductions').includes('-4'));
	assert.ok(byId(p.text, 'env-events').includes('签署环境信用承诺书'));
	assert.ok(byId(p.text, 'env-history').includes('2024'));
	const t = await e.get('/env/dynamic/1');
	assert.equal(t.status, 200);
	assert.equal((await e.get('/env/dynamic/3')).status, 403, 'another enterprise\'s timeline');
});

test('a draft is invisible to everyone but the agency; lifecycle to publication', async () => {
	const env = await login('env_agency');
	const { id } = await newRound(env);
	const subj = await newSubject('苏州草稿可见性测试有限公司');
	await addEntry(env, id, subj.uscc);
	const anon = new Client();
	for (const path of [`/env/rounds/${id}`, `/env/rounds/${id}/stats`, `/env/rounds/${id}/stats.csv`])
		assert.equal((await anon.get(path)).status, 404, path);
	assert.doesNotMatch((await anon.get('/env')).text, new RegExp(`data-round="${id}"`));
	assert.equal((await (await login('staff')).get(`/env/rounds/${id}`)).status, 404);
	// The round's grade is not the enterprise's grade before publication.
	assert.equal(gradeOf((await anon.get(`/entity/${subj.uscc}`)).text, 'env-current'), null);
	assert.ok(byId((await anon.get(`/entity/${subj.uscc}`)).text, 'env-none'));
	await publish(env, id);
	assert.equal(gradeOf((await anon.get(`/entity/${subj.uscc}`)).text, 'env-current'), 'green');
	const pub = await anon.get(`/env/rounds/${id}`);
	assert.equal(pub.status, 200);
	assert.equal(byId(pub.text, 'round-status').includes(str('zh-CN', 'Env.status.published')), true);
	// Nothing can be added after the draft.
	const late = await env.postWithCsrf(`/env/rounds/${id}/entries`, { uscc: YUANQU }, `/env/rounds/${id}`);
	assert.equal(late.status, 422);
});

test('deductions and thresholds, a veto with its reason, a correction keeps the earlier grade', async () => {
	const env = await login('env_agency');
	const { id } = await newRound(env);
	const entry = await addEntry(env, id, YUANQU);
	const d = async (indicator, points, extra = {}) =>
		env.postWithCsrf(`/env/entries/${entry}/deductions`, { indicator, points, note: '测试扣分', ...extra }, `/env/entries/${entry}`);
	assert.equal((await d('discharge', 5)).status, 303);
	let page = await env.get(`/env/entries/${entry}`);
	assert.equal(byId(page.text, 'entry-score'), '95');
	assert.equal(gradeOf(page.text, 'entry-grade'), 'green', '95 is still green');
	assert.equal((await d('complaint', 1)).status, 303);
	page = await env.get(`/env/entries/${entry}`);
	assert.equal(gradeOf(page.text, 'entry-grade'), 'blue', '94 is blue');
	assert.equal((await d('complaint', 11)).status, 422, 'more than the indicator allows');
	assert.equal((await d('nonsense', 1)).status, 422);
	const v = await env.postWithCsrf(`/env/entries/${entry}/veto`, { veto: 'no_eia', note: '未批先建 测试' }, `/env/entries/${entry}`);
	assert.equal(v.status, 303, errorText(v.text));
	page = await env.get(`/env/entries/${entry}`);
	assert.equal(gradeOf(page.text, 'entry-grade'), 'red', 'the veto forces red whatever the score');
	assert.match(byId(page.text, 'entry-veto'), /未批先建 测试/);
	await publish(env, id);
	// After publication a change needs a reason...
	const noReason = await env.postWithCsrf(`/env/entries/${entry}/veto`, { veto: 'none' }, `/env/entries/${entry}`);
	assert.equal(noReason.status, 422);
	const fixed = await env.postWithCsrf(`/env/entries/${entry}/veto`, { veto: 'none', reason: '复核：环评已于评价期前批准' }, `/env/entries/${entry}`);
	assert.equal(fixed.status, 303, errorText(fixed.text));
	page = await env.get(`/env/entries/${entry}`);
	assert.equal(gradeOf(page.text, 'entry-grade'), 'blue');
	// ...and the earlier grade stays in the history with the reason, on the
	// entry's page and in the audit log.
	assert.match(byId(page.text, 'entry-history'), /复核：环评已于评价期前批准/);
	assert.equal(gradeOf(page.text, 'entry-history'), 'red');
	assert.equal(sql(`SELECT grade FROM env_grade_history WHERE entry_id = ${entry}`), 'red');
	assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'env_correct' AND subject_id = 5 ORDER BY id DESC LIMIT 1`), /red -> blue/);
});

test('CSV import: every bad row reported, nothing written; then all rows with new enterprises', async () => {
	const env = await login('env_agency');
	const { id } = await newRound(env);
	const fresh = newUscc();
	const bad = [
		'uscc,name,grade,score,district',
		`${fresh},苏州新注册环保测试有限公司,绿色,96,吴江区`, // 2 fine (new enterprise)
		'91320506AY4CL12THX,坏代码公司,green,,',            // 3 invalid USCC
		`${GUSU},苏州姑苏古城餐饮管理有限公司,紫色,,`,          // 4 unknown grade word
		`${fresh},重复企业,blue,,`,                          // 5 duplicate in the file
		`${HUQIU},苏州虎丘纺织印染有限公司,Red,55,虎丘区`,      // 6 fine
	].join('\n');
	const before = sql('SELECT COUNT(*) FROM env_entries');
	const r = await upload(env, id, bad);
	assert.equal(r.status, 422);
	assert.deepEqual(importErrors(r.text).map(([l, c]) => [l, c]), [[3, 'uscc'], [4, 'grade'], [5, 'uscc']]);
	assert.equal(sql('SELECT COUNT(*) FROM env_entries'), before, 'nothing imported');
	assert.equal(sql(`SELECT COUNT(*) FROM subjects WHERE uscc = '${fresh}'`), '0', 'nobody registered');
	const good = '\uFEFF统一社会信用代码,名称,环保信用等级,得分,所属区县\r\n' +
		`${fresh},苏州新注册环保测试有限公司,绿色,96,吴江区\r\n${HUQIU},苏州虎丘纺织印染有限公司,Red,55,虎丘区\r\n`;
	const ok = await upload(env, id, good);
	assert.equal(ok.status, 200, importErrors(ok.text).join('; '));
	assert.match(byId(ok.text, 'import-done'), /2/);
	assert.equal(sql(`SELECT name FROM subjects WHERE uscc = '${fresh}'`), '苏州新注册环保测试有限公司');
	assert.equal(sql(`SELECT e.grade FROM env_entries e JOIN subjects s ON s.id = e.subject_id WHERE e.round_id = ${id} AND s.uscc = '${fresh}'`), 'green');
	// The enterprise is already in the round: a second import is refused whole.
	const again = await upload(env, id, `uscc,name,grade\n${HUQIU},x公司,black\n`);
	assert.equal(again.status, 422);
	assert.deepEqual(importErrors(again.text).map(([l, c]) => [l, c]), [[2, 'uscc']]);
	assert.equal(importErrors(again.text)[0][2], str('zh-CN', 'Env.err.duplicate'));
});

test('dynamic scoring: deductions expire on their restore day; grade on any date', async () => {
	const env = await login('env_agency');
	const { uscc, id: sid } = await newSubject('苏州动态记分测试有限公司');
	let r;
	// A fine of 7 months ago (6 months: restored), an order to stop
	// production today (12 months: in force).
	const old = addMonths(today(), -7);
	r = await env.postWithCsrf('/env/dynamic/events', { uscc, type: 'fine', decided_on: old, doc_no: '测试罚〔1〕号' }, '/env/dynamic');
	assert.equal(r.status, 303, errorText(r.text));
	let t = await env.get(`/env/dynamic/${sid}`);
	assert.match(byId(t.text, 'dyn-current'), /9/);
	assert.equal(gradeOf(t.text, 'dyn-current'), 'blue', 'restored to 9');
	const restore = addMonths(old, 6);
	t = await env.get(`/env/dynamic/${sid}?on=${addDays(restore, -1)}`);
	assert.equal(gradeOf(t.text, 'on-result'), 'blue');
	assert.match(byId(t.text, 'on-result'), /\b6\b/, 'the day before the restore day: 6 points');
	t = await env.get(`/env/dynamic/${sid}?on=${restore}`);
	assert.match(byId(t.text, 'on-result'), /\b9\b/, 'on the restore day the points are back');
	r = await env.postWithCsrf('/env/dynamic/events', { uscc, type: 'stop_production', decided_on: today(), doc_no: '测试停〔2〕号' }, '/env/dynamic');
	assert.equal(r.status, 303);
	r = await env.postWithCsrf('/env/dynamic/events', { uscc, type: 'commitment', decided_on: today(), doc_no: '测试承〔3〕号' }, '/env/dynamic');
	assert.equal(r.status, 303);
	t = await env.get(`/env/dynamic/${sid}`);
	assert.match(byId(t.text, 'dyn-current'), /-2/, '9 - 12 + 1');
	assert.equal(gradeOf(t.text, 'dyn-current'), 'black');
	assert.equal((/<ol id="timeline">([\s\S]*?)<\/ol>/.exec(t.text)[1].match(/<li>/g) || []).length, 3,
		'the fine, its restoration, today\'s order and commitment');
	const p = await new Client().get(`/entity/${uscc}`);
	assert.equal(gradeOf(p.text, 'env-current'), 'black', 'current grade from today\'s dynamic score');
	const future = await env.postWithCsrf('/env/dynamic/events', { uscc, type: 'fine', decided_on: addDays(today(), 2), doc_no: '未来' }, '/env/dynamic');
	assert.equal(future.status, 422);
});

test('statistics: exact counts from SQL, shares, change against the previous round, CSV', async () => {
	const anon = new Client();
	const r = await anon.get('/env/rounds/2/stats');
	assert.equal(r.status, 200);
	const count = (g) => Number(new RegExp(`data-grade="${g}">[\\s\\S]*?class="count">(\\d+)<`).exec(r.text)[1]);
	for (const g of ['green', 'blue', 'yellow', 'red', 'black'])
		assert.equal(count(g), Number(sql(`SELECT COUNT(*) FROM env_entries WHERE round_id = 2 AND grade = '${g}'`)), g);
	assert.match(r.text, /<svg class="grade-chart"/);
	assert.match(r.text, /class="delta-share">/, 'compared with 2024');
	const csv = await anon.get('/env/rounds/2/stats.csv');
	assert.equal(csv.status, 200);
	assert.match(csv.headers.get('content-disposition'), /^attachment;/);
	assert.match(csv.text, /^\uFEFF?grade,/, 'fetch drops the BOM the file starts with');
	assert.match(csv.text, /\r\ntotal,,\d+,100\.0,/);
});

test('half-year snapshot: immutable red/black list with the surcharge', async () => {
	const env = await login('env_agency');
	const asOf = `${Number(today().slice(0, 4)) - 1}-12-31`;
	sql(`DELETE w FROM env_snapshot_rows w JOIN env_snapshots n ON n.id = w.snapshot_id WHERE n.as_of = '${asOf}'; DELETE FROM env_snapshots WHERE as_of = '${asOf}'`);
	assert.equal((await env.postWithCsrf('/env/snapshots', { as_of: `${asOf.slice(0, 4)}-11-30` }, '/env')).status, 422);
	const r = await env.postWithCsrf('/env/snapshots', { as_of: asOf }, '/env');
	assert.equal(r.status, 303, errorText(r.text));
	const id = idOf(r.location);
	assert.equal((await env.postWithCsrf('/env/snapshots', { as_of: asOf }, '/env')).status, 422, 'once per day');
	const page = await new Client().get(`/env/snapshots/${id}`);
	assert.equal(page.status, 200);
	const csv = await new Client().get(`/env/snapshots/${id}/csv`);
	assert.match(csv.text, /^\uFEFF?uscc,name,district,grade,surcharge_yuan_per_kwh,as_of\r\n/);
	for (const line of csv.text.trim().split('\r\n').slice(1)) assert.match(line, /,(red,0\.05|black,0\.10),/);
});

test('only env_agency and admin change grades; the scheme is admin data', async () => {
	const round = Number(sql('SELECT MIN(id) FROM env_rounds'));
	const entry = Number(sql('SELECT MIN(id) FROM env_entries'));
	for (const role of ['enterprise', 'association', 'staff']) {
		const c = await login(role);
		for (const [path, form] of [
			['/env/rounds', { year: 2026, scope: 'x', period_from: '2026-01-01', period_to: '2026-12-31' }],
			[`/env/rounds/${round}/entries`, { uscc: GUSU }],
			[`/env/rounds/${round}/publish`, {}],
			[`/env/entries/${entry}/veto`, { veto: 'none', reason: 'xx' }],
			['/env/dynamic/events', { uscc: GUSU, type: 'fine', decided_on: today(), doc_no: 'xx' }],
			['/admin/env/settings', {}],
		]) {
			const r = await c.postWithCsrf(path, form);
			assert.equal(r.status, 403, `${role} ${path}`);
		}
		assert.equal((await c.get('/env/dynamic')).status, 403, role);
	}
	const env = await login('env_agency');
	assert.equal((await env.get('/admin/env')).status, 403);
	const admin = await login('admin');
	const page = await admin.get('/admin/env');
	assert.equal(page.status, 200);
	assert.match(byId(page.text, 'indicators'), /discharge/);
	const bad = await admin.postWithCsrf('/admin/env/settings', {
		annual_green_min: 80, annual_blue_min: 80, annual_yellow_min: 65, annual_red_min: 41,
		dyn_green_min: 11, dyn_blue_min: 6, dyn_yellow_min: 3, dyn_red_min: 1, dyn_base: 9, dyn_max: 12,
		publicity_days: 15, red_price: '0.05', black_price: '0.10',
	}, '/admin/env');
	assert.equal(bad.status, 422, 'thresholds must decrease');
	const item = await admin.postWithCsrf('/admin/env/items', {
		kind: 'veto', code: 'test_veto', name_zh: '测试否决情形', name_en: 'Test veto', grade: 'yellow', active: '1',
	}, '/admin/env');
	assert.equal(item.status, 303, errorText(item.text));
	assert.equal(sql("SELECT grade FROM env_veto_rules WHERE code = 'test_veto'"), 'yellow');
});
