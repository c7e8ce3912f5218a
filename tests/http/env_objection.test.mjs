// env_objection.test.mjs — objections (异议, Art. 36) against an environmental
// grade: the enterprise objects from its own breakdown to its round grade or
// to a dynamic-scoring event, never to another's (nor to a draft); staff work
// it through the same queue; marking shows 异议标注 on the profile; a
// "correct" decision corrects the grade in the same transaction (the earlier
// grade kept in the history with the reason and the objection's number), or
// voids the event; "do not correct" changes nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, login, sql, str, byId, errorText } from './lib.mjs';
import { PDF, postMultipart } from './requests_lib.mjs';
import {
	newSubject, newRound, upload, publicize, publish, addEvent, enterpriseFor, today, gradeOf,
	entryOf, cnName,
} from './env_lib.mjs';

const ZH = (k) => str('zh-CN', k);
let env, staff, X, Y, entX, entY, pub, pubc, draft;

const objection = (col, id) => Number(sql(`SELECT IFNULL(MAX(id), 0) FROM objections WHERE ${col} = ${Number(id)}`));
const statusOf = (id) => sql(`SELECT status FROM objections WHERE id = ${Number(id)}`);
const object = (c, target, statement = '评价所依据的处罚决定已被撤销，等级应为绿色', files = {}) =>
	postMultipart(c, '/me/objections/env', { ...target, statement }, files, '/me/requests');

before(async () => {
	env = await login('env_agency');
	staff = await login('staff');
	X = await newSubject(cnName('苏州壬'));
	Y = await newSubject(cnName('苏州癸'));
	entX = await enterpriseFor(X.id);
	entY = await enterpriseFor(Y.id);
	// Published: X blue 85, Y green. Publicised: X yellow. A draft: X red.
	pubc = await newRound(env, { year: 2028 });
	assert.equal((await upload(env, pubc.id, `uscc,name,grade,score\n${X.uscc},${X.name},blue,85\n${Y.uscc},${Y.name},green,96\n`)).status, 200);
	await publish(env, pubc.id);
	pub = await newRound(env, { year: 2029 });
	assert.equal((await upload(env, pub.id, `uscc,name,grade\n${X.uscc},${X.name},yellow\n`)).status, 200);
	await publicize(env, pub.id);
	draft = await newRound(env, { year: 2029 });
	assert.equal((await upload(env, draft.id, `uscc,name,grade\n${X.uscc},${X.name},red\n`)).status, 200);
});

test('the enterprise objects to its own published grade from its profile; never to another\'s or a draft', async () => {
	const eX = entryOf(pubc.id, X.id), eY = entryOf(pubc.id, Y.id), eDraft = entryOf(draft.id, X.id);
	// The breakdown links to the objection form.
	const prof = await entX.get(`/entity/${X.uscc}`);
	assert.match(prof.text, new RegExp(`href="/me/objections/env/new\\?entry=${eX}"`));
	assert.doesNotMatch((await new Client().get(`/entity/${X.uscc}`)).text, /\/me\/objections\/env\/new/, 'not for the public');
	// The chooser lists its own grades out of the draft only.
	const choose = await entX.get('/me/objections/env/new');
	assert.equal(choose.status, 200);
	assert.match(byId(choose.text, 'env-choose'), /2028/);
	assert.doesNotMatch(choose.text, new RegExp(`entry=${eDraft}"`));
	assert.equal((await entX.get(`/me/objections/env/new?entry=${eX}`)).status, 200);
	assert.equal((await entX.get(`/me/objections/env/new?entry=${eY}`)).status, 404, 'another\'s grade');
	assert.equal((await entX.get(`/me/objections/env/new?entry=${eDraft}`)).status, 404, 'a draft');
	// Filing: another enterprise's grade and a draft are refused, nothing filed.
	let r = await object(entX, { entry: eY });
	assert.equal(r.status, 403);
	assert.equal(errorText(r.text), ZH('EnvObj.err.not_yours'));
	assert.equal(objection('env_entry_id', eY), 0);
	r = await object(entX, { entry: eDraft });
	assert.equal(r.status, 403);
	assert.equal(objection('env_entry_id', eDraft), 0);
	r = await object(entX, { entry: eX, event: 1 });
	assert.equal(r.status, 404, 'one target only');
	r = await object(entX, { entry: eX, statement: '' }, '');
	assert.equal(r.status, 422);
	r = await object(entX, { entry: eX }, undefined, { document: [['处罚撤销决定书.pdf', PDF, 'application/pdf']] });
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(r.location, '/me/requests');
	const id = objection('env_entry_id', eX);
	assert.ok(id > 0);
	assert.equal(sql(`SELECT CONCAT(IFNULL(record_id, 'null'), ' ', subject_id, ' ', status) FROM objections WHERE id = ${id}`), `null ${X.id} submitted`);
	r = await object(entX, { entry: eX });
	assert.equal(r.status, 409, 'one open objection per grade');
	assert.equal(byId(r.text, 'objection-refused'), ZH('Objection.err.open'));
	// The applicant's list and the staff queue show it as an environmental grade.
	assert.match((await entX.get('/me/requests')).text, new RegExp(`id="objection-${id}"[\\s\\S]*?${ZH('EnvObj.kind.entry')}`));
	assert.match((await staff.get('/staff/objections')).text, new RegExp(`id="q-${id}"[\\s\\S]*?${ZH('EnvObj.kind.entry')}`));
	// A grade in publicity can be objected to as well.
	const ePub = entryOf(pub.id, X.id);
	r = await object(entX, { entry: ePub }, '公示等级有误');
	assert.equal(r.status, 303, errorText(r.text));
});

test('marked for everyone; a "correct" decision corrects the grade, the earlier one kept with the reason', async () => {
	const eX = entryOf(pubc.id, X.id);
	const id = objection('env_entry_id', eX);
	const page = await staff.get(`/staff/objections/${id}`);
	assert.equal(page.status, 200);
	assert.match(byId(page.text, 'req-env'), /2028/);
	assert.equal(gradeOf(page.text, 'req-env'), 'blue');
	let r = await staff.postWithCsrf(`/staff/objections/${id}/mark`, {}, '/staff');
	assert.equal(r.status, 303);
	const pubProf = await new Client().get(`/entity/${X.uscc}`);
	assert.ok(byId(pubProf.text, 'env-round-objection'), '异议标注 on the public profile');
	// Only staff decide.
	for (const c of [env, entX]) {
		r = await c.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'correct', reason: '越权', grade: 'green' });
		assert.equal(r.status, 403);
	}
	// "Correct" needs the corrected grade, and a different one.
	r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'correct', reason: '处罚已撤销' }, '/staff');
	assert.equal(r.status, 422);
	assert.equal(byId(r.text, 'err-grade'), ZH('EnvObj.err.grade'));
	r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'correct', reason: '处罚已撤销', grade: 'blue' }, '/staff');
	assert.equal(r.status, 422);
	assert.equal(byId(r.text, 'err-grade'), ZH('Env.err.same_grade'));
	assert.equal(statusOf(id), 'marked', 'nothing decided');
	r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'correct', reason: '经核查，扣分所依据的处罚决定已被撤销，等级更正为绿色', grade: 'green' }, '/staff');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(statusOf(id), 'decided');
	assert.equal(sql(`SELECT grade FROM env_entries WHERE id = ${eX}`), 'green');
	assert.equal(sql(`SELECT CONCAT(grade, ' ', score, ' ', objection_id, ' ', reason) FROM env_grade_history WHERE entry_id = ${eX}`),
		`blue 85 ${id} 经核查，扣分所依据的处罚决定已被撤销，等级更正为绿色`);
	assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'env_correct' AND subject_id = ${X.id} ORDER BY id DESC LIMIT 1`),
		new RegExp(`blue -> green on objection #${id}`));
	// The enterprise sees the corrected grade, the earlier one and why.
	const prof = await entX.get(`/entity/${X.uscc}`);
	assert.equal(gradeOf(prof.text, 'env-current'), 'green');
	assert.equal(byId(prof.text, 'env-round-objection'), null, 'the marking ends with the decision');
	assert.match(byId(prof.text, 'env-corrections'), new RegExp(`等级更正为绿色[\\s\\S]*#${id}`));
	assert.match((await entX.get('/me/requests')).text, /等级更正为绿色/);
	// Decided once.
	r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'correct', reason: '再次', grade: 'yellow' }, '/staff');
	assert.equal(r.status, 409);
	assert.equal(sql(`SELECT grade FROM env_entries WHERE id = ${eX}`), 'green');
});

test('"do not correct" leaves the grade as it was', async () => {
	const ePub = entryOf(pub.id, X.id);
	const id = objection('env_entry_id', ePub);
	assert.equal((await staff.postWithCsrf(`/staff/objections/${id}/mark`, {}, '/staff')).status, 303);
	const r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'do_not_correct', reason: '核查后评价无误', grade: 'green' }, '/staff');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(sql(`SELECT grade FROM env_entries WHERE id = ${ePub}`), 'yellow');
	assert.equal(sql(`SELECT COUNT(*) FROM env_grade_history WHERE entry_id = ${ePub}`), '0');
});

test('an objection to a dynamic-scoring event: "correct" voids it and the score comes back', async () => {
	const ev = await addEvent(env, X.uscc, 'fine', today());
	const score = async () => /<strong class="score">(-?\d+)<\/strong>/.exec((await env.get(`/env/dynamic/${X.id}`)).text)[1];
	assert.equal(await score(), '6');
	const prof = await entX.get(`/entity/${X.uscc}`);
	assert.match(prof.text, new RegExp(`href="/me/objections/env/new\\?event=${ev}"`));
	// Y cannot object to X's event.
	let r = await object(entY, { event: ev }, '不是我的');
	assert.equal(r.status, 403);
	assert.equal(objection('env_event_id', ev), 0);
	assert.equal((await entY.get(`/me/objections/env/new?event=${ev}`)).status, 404);
	r = await object(entX, { event: ev }, '罚款决定书送达对象错误');
	assert.equal(r.status, 303, errorText(r.text));
	const id = objection('env_event_id', ev);
	assert.match(byId((await entX.get(`/entity/${X.uscc}`)).text, 'env-events'), new RegExp(ZH('Req.ost.submitted')));
	assert.equal((await staff.postWithCsrf(`/staff/objections/${id}/mark`, {}, '/staff')).status, 303);
	assert.ok(byId((await new Client().get(`/entity/${X.uscc}`)).text, 'env-current-objection'), 'marked on today\'s grade');
	const page = await staff.get(`/staff/objections/${id}`);
	assert.match(byId(page.text, 'req-env'), new RegExp(sql(`SELECT doc_no FROM env_events WHERE id = ${ev}`)));
	r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'correct', reason: '罚款对象错误，该事项作废' }, '/staff');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(sql(`SELECT CONCAT(action, ' ', objection_id, ' ', reason) FROM env_event_voids WHERE event_id = ${ev}`),
		`void ${id} 罚款对象错误，该事项作废`);
	assert.equal(sql(`SELECT COUNT(*) FROM env_events WHERE id = ${ev}`), '1', 'kept, not deleted');
	// Its only event voided: X is no longer under dynamic scoring; its
	// (corrected) round grade is current again.
	assert.equal(sql(`SELECT COUNT(*) FROM env_dynamic_subjects WHERE subject_id = ${X.id}`), '0');
	const after = await entX.get(`/entity/${X.uscc}`);
	assert.equal(gradeOf(after.text, 'env-current'), 'green');
	assert.match(byId(after.text, 'voids'), new RegExp(`#${id}[\\s\\S]*罚款对象错误`));
	// A voided event cannot be objected to any more.
	r = await object(entX, { event: ev }, '再次异议');
	assert.equal(r.status, 403);
});

// The enterprise's own file reads the grade and ratings parts only when it
// has rows there (subject_parts), like everyone's: with none it shows "no
// grade", offers no objection to a grade, and costs a few statements.
test('an enterprise without grades or ratings sees "no grade" and no objection link, in few statements', async () => {
	const s = await newSubject();
	const ent = await enterpriseFor(s.id);
	const executed = () => Number(sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'").split('\t')[1]);
	await ent.get(`/entity/${s.uscc}`);   // the worker's statements prepared
	const before = executed();
	const page = await ent.get(`/entity/${s.uscc}`);
	const used = executed() - before;
	assert.equal(page.status, 200);
	assert.match(page.text, /data-scope="self"/);
	assert.ok(byId(page.text, 'env-none'));
	assert.doesNotMatch(page.text, /id="env-object-link"/);
	// Session, subject, records, who viewed it (and perhaps an audit batch
	// of two): 15 when every part was read.
	assert.ok(used <= 7, `${used} statements`);
	// With a grade the breakdown and the objection link are there.
	const env = await login('env_agency');
	const round = await newRound(env, { year: 2028 });
	assert.equal((await upload(env, round.id, `uscc,name,grade\n${s.uscc},${s.name},blue\n`)).status, 200);
	await publish(env, round.id);
	const graded = await ent.get(`/entity/${s.uscc}`);
	assert.equal(graded.text.match(/id="env-current" data-grade="([a-z]+)"/)?.[1], 'blue');
	assert.match(graded.text, /id="env-object-link"/);
});
