// env_corrections.test.mjs — correcting what was entered wrongly (issue 4):
// an imported grade word corrected with its reason (the earlier grade kept in
// the history, audited), a scored grade corrected outright after the draft,
// a dynamic-scoring event corrected or voided with its reason (never deleted:
// it stays in the history, and the score leaves it out), the enrolment
// ending when no event is left, and every other role refused.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, login, sql, str, byId, errorText } from './lib.mjs';
import {
	newSubject, newRound, addEntry, upload, publish, addEvent, enterpriseFor, today, addDays,
	gradeOf, entryOf, cnName,
} from './env_lib.mjs';

let env;
const ZH = (k) => str('zh-CN', k);
const entryGrade = (id) => sql(`SELECT CONCAT(grade, ' ', source, ' ', IFNULL(score, '-')) FROM env_entries WHERE id = ${Number(id)}`);

before(async () => {
	env = await login('env_agency');
});

test('an imported grade word corrected with its reason; the earlier grade stays in the history', async () => {
	const s = await newSubject(cnName('苏州戊'));
	const round = await newRound(env, { year: 2027 });
	// The file said 绿色 where the evaluation said 黄色.
	assert.equal((await upload(env, round.id, `uscc,name,grade,score\n${s.uscc},${s.name},绿色,70\n`)).status, 200);
	const e = entryOf(round.id, s.id);
	const post = (form) => env.postWithCsrf(`/env/entries/${e}/grade`, form, `/env/entries/${e}`);
	let r = await post({ grade: 'yellow' });
	assert.equal(r.status, 422, 'a reason is required');
	assert.equal(byId(r.text, 'err-reason'), ZH('Err.field.required'));
	r = await post({ grade: 'green', reason: '无变化的更正' });
	assert.equal(r.status, 422, 'the same grade is no correction');
	assert.equal(byId(r.text, 'err-grade'), ZH('Env.err.same_grade'));
	r = await post({ grade: 'purple', reason: '等级写错' });
	assert.equal(r.status, 422);
	assert.equal(entryGrade(e), 'green import 70', 'nothing changed');
	r = await post({ grade: 'yellow', reason: '导入文件等级填写错误，应为黄色（评价报告第3页）' });
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(entryGrade(e), 'yellow import 70');
	assert.equal(sql(`SELECT CONCAT(grade, ' ', score, ' ', reason) FROM env_grade_history WHERE entry_id = ${e}`),
		'green 70 导入文件等级填写错误，应为黄色（评价报告第3页）');
	const page = await env.get(`/env/entries/${e}`);
	assert.equal(gradeOf(page.text, 'entry-grade'), 'yellow');
	assert.equal(gradeOf(page.text, 'entry-history'), 'green');
	assert.match(byId(page.text, 'entry-history'), /评价报告第3页/);
	assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'env_correct' AND subject_id = ${s.id} ORDER BY id DESC LIMIT 1`),
		/green -> yellow; reason: 导入文件等级填写错误/);
	// A draft's correction is not on the enterprise's profile; after
	// publication a further correction is, with its reason and score.
	const ent = await enterpriseFor(s.id);
	assert.equal(byId((await ent.get(`/entity/${s.uscc}`)).text, 'env-corrections'), null);
	// (publish() dates the publicity 16 days back: so was the draft's correction.)
	sql(`UPDATE env_grade_history SET replaced_at = replaced_at - 40 * 86400 WHERE entry_id = ${e}`);
	await publish(env, round.id);
	r = await post({ grade: 'blue', score: 82, reason: '复核后得分更正为82分' });
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(entryGrade(e), 'blue import 82');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM env_grade_history WHERE entry_id = ${e}`)), 2);
	const prof = await ent.get(`/entity/${s.uscc}`);
	assert.equal(gradeOf(prof.text, 'env-current'), 'blue');
	assert.match(byId(prof.text, 'env-corrections'), /复核后得分更正为82分/);
	assert.doesNotMatch(byId(prof.text, 'env-corrections'), /评价报告第3页/, 'the draft correction stays internal');
});

test('a scored grade: deductions while a draft, a correction outright once publicised', async () => {
	const s = await newSubject(cnName('苏州己'));
	const round = await newRound(env, { year: 2027 });
	const e = await addEntry(env, round.id, s.uscc);
	const post = (form) => env.postWithCsrf(`/env/entries/${e}/grade`, form, `/env/entries/${e}`);
	let r = await post({ grade: 'red', reason: '草稿阶段直接改等级' });
	assert.equal(r.status, 422);
	assert.equal(byId(r.text, 'err-grade'), ZH('Env.err.form_draft'));
	assert.equal(entryGrade(e), 'green form 100');
	await publish(env, round.id);
	r = await post({ grade: 'red', reason: '公示期后查实未批先建，等级更正为红色' });
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(entryGrade(e), 'red correction 100', 'the grade no longer follows the deductions');
	r = await env.postWithCsrf(`/env/entries/${e}/deductions`, { indicator: 'complaint', points: 2, note: '投诉', reason: '补扣' }, `/env/entries/${e}`);
	assert.equal(r.status, 422);
	assert.equal(byId(r.text, 'err-indicator'), ZH('Env.err.corrected'));
	assert.equal(gradeOf((await new Client().get(`/entity/${s.uscc}`)).text, 'env-current'), 'red');
});

test('a wrong event is voided or corrected with its reason, never deleted; the score leaves it out', async () => {
	const s = await newSubject(cnName('苏州庚'));
	const fine = await addEvent(env, s.uscc, 'fine', addDays(today(), -10));
	const stop = await addEvent(env, s.uscc, 'stop_production', today());
	const score = async () => /<strong class="score">(-?\d+)<\/strong>/.exec((await env.get(`/env/dynamic/${s.id}`)).text)[1];
	assert.equal(await score(), '-6', '9 - 3 - 12');
	const ev = await env.get(`/env/dynamic/events/${fine}`);
	assert.equal(ev.status, 200);
	assert.ok(byId(ev.text, 'event').includes(sql(`SELECT doc_no FROM env_events WHERE id = ${fine}`)));
	// Voiding needs a reason.
	let r = await env.postWithCsrf(`/env/dynamic/events/${fine}/void`, { reason: '' }, `/env/dynamic/events/${fine}`);
	assert.equal(r.status, 422);
	r = await env.postWithCsrf(`/env/dynamic/events/${fine}/void`, { reason: '罚款决定已被复议撤销' }, `/env/dynamic/events/${fine}`);
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(r.location, `/env/dynamic/${s.id}`);
	assert.equal(await score(), '-3', 'the voided fine no longer counts');
	assert.equal(sql(`SELECT COUNT(*) FROM env_events WHERE id = ${fine}`), '1', 'never deleted');
	assert.equal(sql(`SELECT CONCAT(action, ' ', reason) FROM env_event_voids WHERE event_id = ${fine}`), 'void 罚款决定已被复议撤销');
	r = await env.postWithCsrf(`/env/dynamic/events/${fine}/void`, { reason: '再次作废' }, `/env/dynamic/events/${fine}`);
	assert.equal(r.status, 422, 'once only');
	assert.equal(byId(r.text, 'err-reason'), ZH('Env.err.voided'));
	// The order was to limit production, not to stop it: corrected.
	const fix = (form) => env.postWithCsrf(`/env/dynamic/events/${stop}/correct`, form, `/env/dynamic/events/${stop}`);
	const doc = sql(`SELECT doc_no FROM env_events WHERE id = ${stop}`);
	r = await fix({ type: 'stop_production', decided_on: today(), doc_no: doc, reason: '没有改动' });
	assert.equal(r.status, 422);
	assert.equal(byId(r.text, 'err-reason'), ZH('Env.err.unchanged'));
	r = await fix({ type: 'limit_production', decided_on: addDays(today(), 3), doc_no: doc, reason: '日期写错' });
	assert.equal(r.status, 422, 'no future dates');
	r = await fix({ type: 'limit_production', decided_on: today(), doc_no: doc, reason: '决定书为责令限制生产，录入时选错类型' });
	assert.equal(r.status, 303, errorText(r.text));
	const [action, repl] = sql(`SELECT action, replacement_id FROM env_event_voids WHERE event_id = ${stop}`).split('\t');
	assert.equal(action, 'correct');
	assert.equal(sql(`SELECT CONCAT(t.code, ' ', x.points) FROM env_events x JOIN env_event_types t ON t.id = x.type_id WHERE x.id = ${repl}`), 'limit_production -6');
	assert.equal(await score(), '3', '9 - 6');
	const page = await env.get(`/env/dynamic/${s.id}`);
	assert.match(byId(page.text, 'voids'), /罚款决定已被复议撤销/);
	assert.match(byId(page.text, 'voids'), /录入时选错类型/);
	assert.match(page.text, new RegExp(`id="void-${stop}" data-action="correct"`));
	assert.match(page.text, new RegExp(`id="event-${repl}"`), 'the corrected event counts');
	assert.doesNotMatch(page.text, new RegExp(`id="event-${stop}"`));
	assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'env_event' AND subject_id = ${s.id} ORDER BY id DESC LIMIT 1`),
		new RegExp(`event ${stop} corrected by event ${repl}`));
	// The enterprise sees the history on its profile.
	const ent = await enterpriseFor(s.id);
	const prof = await ent.get(`/entity/${s.uscc}`);
	assert.equal(gradeOf(prof.text, 'env-current'), 'yellow');
	assert.match(byId(prof.text, 'voids'), /罚款决定已被复议撤销/);
	assert.equal(byId((await new Client().get(`/entity/${s.uscc}`)).text, 'voids'), null, 'not public');
	// Voiding the last event ends the dynamic scoring; the history stays.
	r = await env.postWithCsrf(`/env/dynamic/events/${repl}/void`, { reason: '限产决定已撤销' }, `/env/dynamic/events/${repl}`);
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(sql(`SELECT COUNT(*) FROM env_dynamic_subjects WHERE subject_id = ${s.id}`), '0');
	const ended = await env.get(`/env/dynamic/${s.id}`);
	assert.equal(ended.status, 200);
	assert.ok(byId(ended.text, 'dyn-ended'));
	assert.match(byId(ended.text, 'voids'), /限产决定已撤销/);
	assert.ok(byId((await new Client().get(`/entity/${s.uscc}`)).text, 'env-none'), 'no grade left');
});

test('voiding the first event moves the enrolment to the first event that counts', async () => {
	const s = await newSubject(cnName('苏州辛'));
	const first = await addEvent(env, s.uscc, 'fine', addDays(today(), -40));
	await addEvent(env, s.uscc, 'complaint', addDays(today(), -5));
	assert.equal(sql(`SELECT enrolled_on FROM env_dynamic_subjects WHERE subject_id = ${s.id}`), addDays(today(), -40));
	const r = await env.postWithCsrf(`/env/dynamic/events/${first}/void`, { reason: '企业名称录错' }, `/env/dynamic/events/${first}`);
	assert.equal(r.status, 303);
	assert.equal(sql(`SELECT enrolled_on FROM env_dynamic_subjects WHERE subject_id = ${s.id}`), addDays(today(), -5));
});

test('only env_agency and admin correct grades or events', async () => {
	const entry = Number(sql('SELECT MIN(id) FROM env_entries'));
	const event = Number(sql('SELECT MIN(x.id) FROM env_events x WHERE NOT EXISTS (SELECT 1 FROM env_event_voids v WHERE v.event_id = x.id)'));
	const before = [entryGrade(entry), sql('SELECT COUNT(*) FROM env_event_voids'), sql('SELECT COUNT(*) FROM env_grade_history')];
	for (const role of ['enterprise', 'association', 'staff']) {
		const c = await login(role);
		for (const [path, form] of [
			[`/env/entries/${entry}/grade`, { grade: 'black', reason: '越权更正' }],
			[`/env/dynamic/events/${event}/void`, { reason: '越权作废' }],
			[`/env/dynamic/events/${event}/correct`, { type: 'fine', decided_on: today(), doc_no: 'x号', reason: '越权更正' }],
		]) {
			const r = await c.postWithCsrf(path, form);
			assert.equal(r.status, 403, `${role} ${path}`);
			assert.equal(errorText(r.text), ZH('Err.forbidden'));
		}
		assert.equal((await c.get(`/env/dynamic/events/${event}`)).status, 403, role);
	}
	const anon = new Client();
	const ar = await anon.postWithCsrf(`/env/entries/${entry}/grade`, { grade: 'black', reason: '匿名更正' });
	assert.equal(ar.status, 303, 'anonymous: to the login');
	assert.match(ar.location, /^\/login/);
	assert.deepEqual([entryGrade(entry), sql('SELECT COUNT(*) FROM env_event_voids'), sql('SELECT COUNT(*) FROM env_grade_history')], before);
	// The admin may.
	const admin = await login('admin');
	assert.equal((await admin.get(`/env/dynamic/events/${event}`)).status, 200);
});
