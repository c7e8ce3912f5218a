// env_scheme.test.mjs — the grading scheme of issue 4 is data the admin edits,
// not code: an indicator's points cap deductions and an inactive one is no
// longer offered, a new veto rule forces its configured grade, a new event
// type deducts its points for its months, and changed thresholds of both
// methods decide the next grade. Settings are restored afterwards.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { Client, byId, errorText, login, sql, str } from './lib.mjs';
import { addEntry, gradeOf, newRound, newSubject, today } from './env_lib.mjs';

const COLS = ['annual_green_min', 'annual_blue_min', 'annual_yellow_min', 'annual_red_min',
	'dyn_green_min', 'dyn_blue_min', 'dyn_yellow_min', 'dyn_red_min', 'dyn_base', 'dyn_max',
	'publicity_days', 'red_price', 'black_price'];
let saved;

before(() => {
	const v = sql(`SELECT ${COLS.join(', ')} FROM env_settings WHERE id = 1`).split('\t');
	saved = Object.fromEntries(COLS.map((c, i) => [c, v[i]]));
});
after(() => {
	sql(`UPDATE env_settings SET ${COLS.map((c) => `${c} = '${saved[c]}'`).join(', ')} WHERE id = 1`);
});

async function setScheme(admin, change) {
	const r = await admin.postWithCsrf('/admin/env/settings', { ...saved, ...change }, '/admin/env');
	assert.equal(r.status, 303, errorText(r.text));
}
async function item(admin, fields) {
	const r = await admin.postWithCsrf('/admin/env/items', { active: '1', ...fields }, '/admin/env');
	assert.equal(r.status, 303, errorText(r.text));
}

test('an indicator\'s points are data: they cap a deduction; an inactive indicator is not offered', async () => {
	const admin = await login('admin');
	const env = await login('env_agency');
	const code = `t_ind_${randomInt(1e9)}`;
	await item(admin, { kind: 'indicator', code, name_zh: '测试指标', name_en: 'Test indicator', points: 7 });
	assert.match(byId((await admin.get('/admin/env')).text, 'indicators'), new RegExp(code));
	const { id } = await newRound(env);
	const entry = await addEntry(env, id, (await newSubject()).uscc);
	const deduct = (points) => env.postWithCsrf(`/env/entries/${entry}/deductions`,
		{ indicator: code, points, note: '测试扣分' }, `/env/entries/${entry}`);
	let r = await deduct(8);
	assert.equal(r.status, 422, 'more than the indicator\'s 7 points');
	assert.equal(byId(r.text, 'err-points'), str('zh-CN', 'Env.err.points'));
	assert.equal((await deduct(7)).status, 303);
	assert.equal(byId((await env.get(`/env/entries/${entry}`)).text, 'entry-score'), '93');
	// The admin lowers the cap to 3: 5 is now too many.
	await item(admin, { kind: 'indicator', code, name_zh: '测试指标', name_en: 'Test indicator', points: 3 });
	assert.equal(sql(`SELECT max_points FROM env_indicators WHERE code = '${code}'`), '3');
	assert.equal((await deduct(5)).status, 422);
	assert.equal((await deduct(3)).status, 303);
	// Inactive: no longer offered, and refused if posted anyway.
	await item(admin, { kind: 'indicator', code, name_zh: '测试指标', name_en: 'Test indicator', points: 3, active: '0' });
	const page = await env.get(`/env/entries/${entry}`);
	assert.doesNotMatch(page.text, new RegExp(`<option value="${code}"`));
	assert.equal((await deduct(1)).status, 422);
	assert.equal(byId((await env.get(`/env/entries/${entry}`)).text, 'entry-score'), '90', '100 - 7 - 3');
	// Every change of the scheme is audited.
	assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'env_scheme' ORDER BY id DESC LIMIT 1`),
		new RegExp(`indicator ${code} set: .*points 3.*active 0`));
});

test('a veto rule added by the admin forces its configured grade, with the finding shown', async () => {
	const admin = await login('admin');
	const env = await login('env_agency');
	const code = `t_veto_${randomInt(1e9)}`;
	await item(admin, { kind: 'veto', code, name_zh: '测试否决情形', name_en: 'Test veto rule', grade: 'yellow' });
	const { id } = await newRound(env);
	const entry = await addEntry(env, id, (await newSubject()).uscc);
	const r = await env.postWithCsrf(`/env/entries/${entry}/veto`, { veto: code, note: '测试否决：现场检查发现' }, `/env/entries/${entry}`);
	assert.equal(r.status, 303, errorText(r.text));
	const page = await env.get(`/env/entries/${entry}`);
	assert.equal(byId(page.text, 'entry-score'), '100');
	assert.equal(gradeOf(page.text, 'entry-grade'), 'yellow', 'the configured grade, whatever the score');
	assert.match(byId(page.text, 'entry-veto'), /测试否决情形/);
	assert.match(byId(page.text, 'entry-veto'), /测试否决：现场检查发现/);
	const noNote = await env.postWithCsrf(`/env/entries/${entry}/veto`, { veto: code }, `/env/entries/${entry}`);
	assert.equal(noNote.status, 422, 'a veto needs its finding');
	await item(admin, { kind: 'veto', code, name_zh: '测试否决情形', name_en: 'Test veto rule', grade: 'yellow', active: '0' });
	assert.doesNotMatch((await env.get(`/env/entries/${entry}`)).text, new RegExp(`<option value="${code}"`), 'inactive: not offered');
});

test('an event type added by the admin deducts its points for its months', async () => {
	const admin = await login('admin');
	const env = await login('env_agency');
	const code = `t_type_${randomInt(1e9)}`;
	const bad = await admin.postWithCsrf('/admin/env/items', { kind: 'type', code, name_zh: '测试类型', name_en: 'Test type', points: 5, months: 2, active: '1' }, '/admin/env');
	assert.equal(bad.status, 422, 'a bonus of more than 3 points');
	await item(admin, { kind: 'type', code, name_zh: '测试违法类型', name_en: 'Test violation', points: -5, months: 2 });
	const s = await newSubject();
	const r = await env.postWithCsrf('/env/dynamic/events', { uscc: s.uscc, type: code, decided_on: today(), doc_no: '测试〔9〕号' }, '/env/dynamic');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(sql(`SELECT TIMESTAMPDIFF(MONTH, decided_on, until_on) FROM env_events WHERE subject_id = ${s.id}`), '2');
	const t = await env.get(`/env/dynamic/${s.id}`);
	assert.match(byId(t.text, 'dyn-current'), /\b4\b/, '9 - 5');
	assert.equal(gradeOf(t.text, 'dyn-current'), 'yellow');
	await item(admin, { kind: 'type', code, name_zh: '测试违法类型', name_en: 'Test violation', points: -5, months: 2, active: '0' });
	const off = await env.postWithCsrf('/env/dynamic/events', { uscc: s.uscc, type: code, decided_on: today(), doc_no: '测试〔10〕号' }, '/env/dynamic');
	assert.equal(off.status, 422, 'an inactive type records nothing');
});

test('changed thresholds of both methods decide the grade; invalid ones are refused', async () => {
	const admin = await login('admin');
	const env = await login('env_agency');
	// Annual: with green from 97, a score of 96 is blue.
	const { id } = await newRound(env);
	const entry = await addEntry(env, id, (await newSubject()).uscc);
	const deduct = () => env.postWithCsrf(`/env/entries/${entry}/deductions`,
		{ indicator: 'discharge', points: 4, note: '测试扣分' }, `/env/entries/${entry}`);
	await setScheme(admin, { annual_green_min: 97 });
	assert.equal(sql('SELECT annual_green_min FROM env_settings'), '97');
	assert.equal((await deduct()).status, 303);
	let page = await env.get(`/env/entries/${entry}`);
	assert.equal(byId(page.text, 'entry-score'), '96');
	assert.equal(gradeOf(page.text, 'entry-grade'), 'blue');
	// Dynamic: a fine (-3) leaves 6, blue by default, yellow once blue starts at 7.
	const s = await newSubject();
	const r = await env.postWithCsrf('/env/dynamic/events', { uscc: s.uscc, type: 'fine', decided_on: today(), doc_no: '测试罚〔8〕号' }, '/env/dynamic');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(gradeOf((await env.get(`/env/dynamic/${s.id}`)).text, 'dyn-current'), 'blue');
	// The public profile shows grades from each worker's copy of the
	// scheme: every worker has it loaded now, and follows the change at once.
	const publicGrade = async () => {
		const seen = new Set();
		for (let i = 0; i < 8; i++) seen.add(gradeOf((await new Client().get(`/entity/${s.uscc}`)).text, 'env-current'));
		return [...seen].join(',');
	};
	assert.equal(await publicGrade(), 'blue', 'profile before the change');
	await setScheme(admin, { dyn_blue_min: 7 });
	page = await env.get(`/env/dynamic/${s.id}`);
	assert.match(byId(page.text, 'dyn-current'), /\b6\b/);
	assert.equal(gradeOf(page.text, 'dyn-current'), 'yellow');
	assert.equal(await publicGrade(), 'yellow', 'profile after the change, in every worker');
	// The base score is data too.
	await setScheme(admin, { dyn_base: 10 });
	assert.match(byId((await env.get(`/env/dynamic/${s.id}`)).text, 'dyn-current'), /\b7\b/, '10 - 3');
	const bad = await admin.postWithCsrf('/admin/env/settings', { ...saved, dyn_blue_min: 2 }, '/admin/env');
	assert.equal(bad.status, 422, 'blue must start above yellow');
	assert.equal(sql('SELECT dyn_blue_min FROM env_settings'), saved.dyn_blue_min);
	await setScheme(admin, {});
	assert.equal(gradeOf((await env.get(`/env/dynamic/${s.id}`)).text, 'dyn-current'), 'blue', 'restored');
	assert.equal(await publicGrade(), 'blue', 'profile restored');
	assert.equal((await env.postWithCsrf('/admin/env/settings', saved, '/env')).status, 403, 'the agency does not edit the scheme');
});
