// objection.test.mjs — objections (Art. 36): filing with documents, marking
// (异议标注 shown to the public), forwarding, deciding, reminders (催办) only
// after a deadline, and every illegal transition refused with nothing changed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, login, sql, q, str, byId, errorText, uniq } from './lib.mjs';
import { PDF, PNG, makeRecord, postMultipart, cstDay } from './requests_lib.mjs';

let ent, staff, sid, uscc;
const objId = (recId) => Number(sql(`SELECT IFNULL(MAX(id), 0) FROM objections WHERE record_id = ${Number(recId)}`));
const status = (id) => sql(`SELECT status FROM objections WHERE id = ${Number(id)}`);
const flag = (recId) => Number(sql(`SELECT objection_flag FROM credit_records WHERE id = ${Number(recId)}`));

before(async () => {
	sid = Number(sql("SELECT subject_id FROM users WHERE login = 'enterprise'"));
	uscc = sql(`SELECT uscc FROM subjects WHERE id = ${sid}`);
	ent = await login('enterprise');
	staff = await login('staff');
});

function object(recId, files = {}, statement = '处罚决定已被复议撤销，记录有误') {
	return postMultipart(ent, '/me/objections', { record: recId, statement }, files);
}

test('object, mark (shown to everyone), forward, decide; the applicant sees the reasons', async () => {
	const rec = makeRecord(sid, { daysAgo: 5 });
	let r = await object(rec.id, { document: [['复议决定书.pdf', PDF, 'application/pdf']] });
	assert.equal(r.status, 303, errorText(r.text));
	const id = objId(rec.id);
	assert.equal(status(id), 'submitted');
	const [filed, mark, fwd, dec] = sql(`SELECT filed_on, mark_due, forward_due, decision_due FROM objections WHERE id = ${id}`).split('\t');
	assert.ok(filed < mark && mark < fwd && fwd < dec, `${filed} ${mark} ${fwd} ${dec}`);
	// Deciding or forwarding before marking is refused.
	for (const [path, form] of [[`/staff/objections/${id}/decide`, { decision: 'correct', reason: 'x y' }],
		[`/staff/objections/${id}/forward`, { agency: '吴中区税务局' }]]) {
		r = await staff.postWithCsrf(path, form, '/staff');
		assert.equal(r.status, 409);
		assert.equal(errorText(r.text), str('zh-CN', 'Req.err.not_marked'));
	}
	assert.equal(status(id), 'submitted');
	// A second open objection for the same record.
	r = await object(rec.id);
	assert.equal(r.status, 409);
	assert.equal(byId(r.text, 'objection-refused'), str('zh-CN', 'Objection.err.open'));

	r = await staff.postWithCsrf(`/staff/objections/${id}/mark`, {}, '/staff');
	assert.equal(r.status, 303);
	assert.equal(flag(rec.id), 1);
	r = await new Client().get(`/entity/${uscc}`);
	assert.match(r.text, new RegExp(`id="record-${rec.id}"[\\s\\S]*?objection-flag`));
	r = await staff.postWithCsrf(`/staff/objections/${id}/mark`, {}, '/staff');
	assert.equal(r.status, 409);
	assert.equal(errorText(r.text), str('zh-CN', 'Req.err.already_marked'));
	// Marked: both deadlines run, forwarding (2 working days) and deciding.
	r = await staff.get(`/staff/objections/${id}`);
	const fwdDue = sql(`SELECT DATE_FORMAT(forward_due, '%Y-%m-%d') FROM objections WHERE id = ${id}`);
	assert.match(byId(r.text, 'req-forward-due') || '', new RegExp(fwdDue), 'the forwarding deadline is shown');
	assert.match(byId(r.text, 'req-due') || '', new RegExp(sql(`SELECT DATE_FORMAT(decision_due, '%Y-%m-%d') FROM objections WHERE id = ${id}`)));
	r = await staff.postWithCsrf(`/staff/objections/${id}/forward`, { agency: '吴中区税务局' }, '/staff');
	assert.equal(r.status, 303);
	assert.equal(status(id), 'forwarded');
	assert.equal(byId((await staff.get(`/staff/objections/${id}`)).text, 'req-forward-due'), null,
		'once forwarded, only the agency\'s decision is due');
	r = await staff.postWithCsrf(`/staff/objections/${id}/forward`, { agency: '吴中区税务局' }, '/staff');
	assert.equal(r.status, 409);
	// A decision needs its reason.
	r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'do_not_correct', reason: '' }, '/staff');
	assert.equal(r.status, 422);
	assert.equal(status(id), 'forwarded');
	r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'do_not_correct', reason: '核查后原记录无误' }, '/staff');
	assert.equal(r.status, 303);
	assert.equal(status(id), 'decided');
	assert.equal(flag(rec.id), 0);
	r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'correct', reason: 'again' }, '/staff');
	assert.equal(r.status, 409);
	assert.equal(errorText(r.text), str('zh-CN', 'Req.err.decided'));
	r = await ent.get('/me/requests');
	assert.match(r.text, /核查后原记录无误/);
	r = await staff.get(`/staff/objections/${id}`);
	assert.equal(r.status, 200);
	assert.match(byId(r.text, 'timeline'), /吴中区税务局/);
	assert.match(r.text, /class="file-link"/);
});

test('reminders only after a deadline has passed; staff see them', async () => {
	const rec = makeRecord(sid, { daysAgo: 5 });
	let r = await object(rec.id);
	assert.equal(r.status, 303);
	const id = objId(rec.id);
	r = await ent.postWithCsrf(`/me/objections/${id}/remind`, {}, '/me/requests');
	assert.equal(r.status, 409);
	assert.equal(errorText(r.text), str('zh-CN', 'Objection.err.not_overdue'));
	sql(`UPDATE objections SET mark_due = CURDATE() - INTERVAL 20 DAY WHERE id = ${id}`);
	r = await ent.get('/me/requests');
	assert.match(r.text, new RegExp(`/me/objections/${id}/remind`));
	r = await ent.postWithCsrf(`/me/objections/${id}/remind`, {}, '/me/requests');
	assert.equal(r.status, 303);
	assert.equal(Number(sql(`SELECT reminders FROM objections WHERE id = ${id}`)), 1);
	r = await staff.get('/staff/objections?due=overdue');
	assert.match(r.text, new RegExp(`id="q-${id}" class="overdue"`));
	r = await staff.get(`/staff/objections/${id}`);
	assert.ok(byId(r.text, 'req-reminders'));
	// Another enterprise's objection cannot be reminded.
	const other = uniq('ento_');
	sql(`INSERT INTO users (login, display_name, role, subject_id, password_hash, created_at)
	     SELECT ${q(other)}, 'Other', 'enterprise', (SELECT MIN(id) FROM subjects WHERE id <> ${sid}), password_hash, UNIX_TIMESTAMP()
	     FROM users WHERE login = 'enterprise'`);
	const oc = await login(other);
	r = await oc.postWithCsrf(`/me/objections/${id}/remind`, {}, '/me/requests');
	assert.equal(r.status, 404);
	r = await postMultipart(oc, '/me/objections', { record: rec.id, statement: 'not mine' }, {});
	assert.equal(r.status, 403);
});

test('objection documents are checked like repair proofs', async () => {
	const rec = makeRecord(sid, { daysAgo: 5 });
	const r = await object(rec.id, { document: [['scan.pdf', PNG, 'application/pdf']] });
	assert.equal(r.status, 422);
	assert.equal(byId(r.text, 'err-document'), str('zh-CN', 'Upload.err.mismatch'));
	assert.equal(objId(rec.id), 0);
});

test('a revocation (Art. 37) closes an objection still waiting to be marked; the applicant is told', async () => {
	const rec = makeRecord(sid, { daysAgo: 5 });
	let r = await object(rec.id);
	assert.equal(r.status, 303, errorText(r.text));
	const id = objId(rec.id);
	r = await staff.postWithCsrf(`/staff/records/${rec.id}/revoke`,
		{ doc_no: 'REVOKE-OBJ-1', revoked_on: sql("SELECT DATE_FORMAT(CURDATE() - INTERVAL 1 DAY, '%Y-%m-%d')"), reason: '原处罚决定已撤销' }, '/staff');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(status(id), 'closed');
	assert.equal(sql(`SELECT CONCAT(from_status, '>', to_status) FROM request_events WHERE kind = 'objection' AND request_id = ${id} AND action = 'close'`), 'submitted>closed');
	r = await ent.get('/me/requests');
	const row = new RegExp(`<tr id="objection-${id}" data-status="closed">[\\s\\S]*?</tr>`).exec(r.text);
	assert.ok(row);
	assert.match(row[0], new RegExp(str('zh-CN', 'Req.closed_revoked')));
	assert.match(row[0], /REVOKE-OBJ-1/);
	for (const [path, form] of [[`/staff/objections/${id}/mark`, {}], [`/staff/objections/${id}/decide`, { decision: 'correct', reason: 'x y' }]]) {
		r = await staff.postWithCsrf(path, form, '/staff');
		assert.equal(r.status, 409, path);
		assert.equal(errorText(r.text), str('zh-CN', 'Req.err.closed'));
	}
	// The record is gone: no new objection to it.
	r = await object(rec.id);
	assert.equal(r.status, 403);
	assert.equal(objId(rec.id), id);
});

test('"correct" changes the record in the same step, the fields changed and the reason kept in its history', async () => {
	const rec = makeRecord(sid, { daysAgo: 30 });
	let r = await object(rec.id);
	assert.equal(r.status, 303, errorText(r.text));
	const id = objId(rec.id);
	r = await staff.postWithCsrf(`/staff/objections/${id}/mark`, {}, '/staff');
	assert.equal(r.status, 303);
	// Forwarded to the agency: its decision is due 5 working days from today.
	r = await staff.postWithCsrf(`/staff/objections/${id}/forward`, { agency: '吴中区税务局' }, '/staff');
	assert.equal(r.status, 303);
	const admin = await login('admin');
	const calc = await admin.get(`/admin/calendar?from=${cstDay(0)}&n=5`);
	assert.equal(sql(`SELECT DATE_FORMAT(decision_due, '%Y-%m-%d') FROM objections WHERE id = ${id}`), byId(calc.text, 'calc-due'));
	// The decide form starts from the record as it is.
	r = await staff.get(`/staff/objections/${id}`);
	assert.equal(r.status, 200);
	assert.equal(byId(r.text, 'f-summary'), `summary-${rec.doc}`);
	const record = () => sql(`SELECT summary, IFNULL(DATE_FORMAT(ended_on, '%Y-%m-%d'), '-'), is_public FROM credit_records WHERE id = ${rec.id}`);
	const was = record();
	const audits = () => Number(sql(`SELECT COUNT(*) FROM audit_log WHERE subject_id = ${sid}`));
	const a0 = audits();
	// "Correct" without a change, or with the behaviour ending before the decision: refused, nothing changes.
	for (const [form, field, key] of [
		[{ summary: `summary-${rec.doc}`, is_public: '1' }, 'summary', 'Objection.err.correction'],
		[{ ended_on: '2000-01-01', is_public: '1' }, 'ended_on', 'Err.record.ended_before'],
	]) {
		r = await staff.postWithCsrf(`/staff/objections/${id}/decide`, { decision: 'correct', reason: '核实有误', ...form }, '/staff');
		assert.equal(r.status, 422, key);
		assert.equal(byId(r.text, `err-${field}`), str('zh-CN', key));
		assert.equal(status(id), 'forwarded');
		assert.equal(record(), was);
		assert.equal(audits(), a0);
	}
	r = await staff.postWithCsrf(`/staff/objections/${id}/decide`,
		{ decision: 'correct', reason: '机关复核：金额有误', summary: 'corrected summary text', is_public: '0' }, '/staff');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(status(id), 'decided');
	assert.equal(sql(`SELECT decision FROM objections WHERE id = ${id}`), 'correct');
	assert.equal(record(), `corrected summary text\t-\t0`);
	assert.equal(flag(rec.id), 0);
	// The history: which fields and why, in the record's audit trail and the request's timeline, never the content.
	const hist = sql(`SELECT detail FROM audit_log WHERE action = 'update' AND subject_id = ${sid} AND detail LIKE 'record ${rec.id} corrected (objection #${id})%'`);
	assert.equal(hist, `record ${rec.id} corrected (objection #${id}); changed: summary, is_public; reason: 机关复核：金额有误`);
	assert.equal(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%corrected summary text%'`)), 0);
	r = await staff.get(`/staff/objections/${id}`);
	assert.match(byId(r.text, 'timeline'), /corrected: summary, is_public/);
	// The subject is told, and its report lists the correction with its reason.
	r = await ent.get('/me/requests');
	assert.match(r.text, /机关复核：金额有误/);
	r = await ent.get('/report');
	assert.equal(r.status, 200);
	assert.match(r.text, new RegExp(`record ${rec.id} corrected \\(objection #${id}\\); changed: summary, is_public`));
	// "Do not correct" leaves the record as it is, whatever the fields say.
	const rec2 = makeRecord(sid, { daysAgo: 30 });
	await object(rec2.id);
	const id2 = objId(rec2.id);
	await staff.postWithCsrf(`/staff/objections/${id2}/mark`, {}, '/staff');
	r = await staff.postWithCsrf(`/staff/objections/${id2}/decide`, { decision: 'do_not_correct', reason: '原记录无误', summary: 'ignored', is_public: '0' }, '/staff');
	assert.equal(r.status, 303);
	assert.equal(sql(`SELECT CONCAT(summary, is_public) FROM credit_records WHERE id = ${rec2.id}`), `summary-${rec2.doc}1`);
});
