// repair.test.mjs — credit repair (Art. 38), proof uploads and revocation
// (Art. 37): eligibility, every illegal transition, upload rejections,
// access control on proofs and on staff pages, and the approval that hides
// the record from the public profile while keeping it in the database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	Client, login, sql, q, str, byId, errorText, uniq, readRoutes, samplePath, ROLES,
} from './lib.mjs';
import { PDF, PNG, makeRecord, postMultipart, applyFiles, cstDay } from './requests_lib.mjs';

const SUBJECT = () => Number(sql("SELECT subject_id FROM users WHERE login = 'enterprise'"));
const USCC = (id) => sql(`SELECT uscc FROM subjects WHERE id = ${Number(id)}`);

const appId = (recId) => Number(sql(`SELECT IFNULL(MAX(id), 0) FROM repair_applications WHERE record_id = ${Number(recId)}`));
const appStatus = (id) => sql(`SELECT status FROM repair_applications WHERE id = ${Number(id)}`);
const recStatus = (id) => sql(`SELECT status FROM credit_records WHERE id = ${Number(id)}`);

let ent, staff, other, otherLogin, sid;

before(async () => {
	sid = SUBJECT();
	ent = await login('enterprise');
	staff = await login('staff');
	// A second enterprise account tied to another demo subject.
	otherLogin = uniq('ent_');
	sql(`INSERT INTO users (login, display_name, role, subject_id, password_hash, created_at)
	     SELECT ${q(otherLogin)}, 'Other enterprise', 'enterprise', (SELECT MIN(id) FROM subjects WHERE id <> ${sid}), password_hash, UNIX_TIMESTAMP()
	     FROM users WHERE login = 'enterprise'`);
	other = await login(otherLogin);
});

after(() => {
	sql(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE login = ${q(otherLogin)})`);
});

async function apply(c, recId, files = applyFiles(), reason = '已缴清全部税款及滞纳金') {
	return postMultipart(c, '/me/repairs', { record: recId, reason }, files);
}

test('an enterprise applies with proofs; staff review and approve; the record leaves the public profile', async () => {
	const rec = makeRecord(sid);
	const uscc = USCC(sid);
	let r = await new Client().get(`/entity/${uscc}`);
	assert.match(r.text, new RegExp(rec.doc));
	r = await ent.get(`/me/repairs/new?record=${rec.id}`);
	assert.equal(r.status, 200);
	assert.ok(byId(r.text, 'repair-form') !== null);
	r = await apply(ent, rec.id);
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(r.location, '/me/requests');
	const id = appId(rec.id);
	assert.equal(appStatus(id), 'submitted');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM request_files WHERE kind = 'repair' AND request_id = ${id}`)), 3);
	assert.ok(sql(`SELECT due_on FROM repair_applications WHERE id = ${id}`).match(/^\d{4}-\d\d-\d\d$/));
	r = await ent.get('/me/requests');
	assert.match(r.text, new RegExp(`id="repair-${id}" data-status="submitted"`));

	r = await staff.get('/staff/repairs');
	assert.equal(r.status, 200);
	assert.match(r.text, new RegExp(`id="q-${id}"`));
	r = await staff.get(`/staff/repairs/${id}`);
	assert.equal(r.status, 200);
	assert.match(r.text, /class="file-link"/);
	r = await staff.postWithCsrf(`/staff/repairs/${id}/review`, {}, `/staff/repairs/${id}`);
	assert.equal(r.status, 303);
	assert.equal(appStatus(id), 'under_review');
	// The reason is mandatory.
	r = await staff.postWithCsrf(`/staff/repairs/${id}/decide`, { decision: 'approve', reason: '' }, `/staff/repairs/${id}`);
	assert.equal(r.status, 422);
	assert.equal(appStatus(id), 'under_review');
	r = await staff.postWithCsrf(`/staff/repairs/${id}/decide`, { decision: 'approve', reason: '证明材料齐全' }, `/staff/repairs/${id}`);
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(appStatus(id), 'approved');
	assert.equal(recStatus(rec.id), 'repaired');
	assert.ok(Number(sql(`SELECT repaired_at FROM credit_records WHERE id = ${rec.id}`)) > 0);
	r = await new Client().get(`/entity/${uscc}`);
	assert.doesNotMatch(r.text, new RegExp(rec.doc));
	r = await ent.get('/me/requests');
	assert.match(r.text, /证明材料齐全/);
	r = await staff.get(`/staff/repairs/${id}`);
	assert.match(byId(r.text, 'timeline'), /证明材料齐全/);
	assert.ok(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'repair' AND detail LIKE '%#${id} %'`)) === 1);

	// Approving twice, rejecting or withdrawing after the decision: refused, nothing changes.
	for (const [path, form, who] of [
		[`/staff/repairs/${id}/decide`, { decision: 'approve', reason: 'again' }, staff],
		[`/staff/repairs/${id}/decide`, { decision: 'reject', reason: 'again' }, staff],
		[`/staff/repairs/${id}/review`, {}, staff],
		[`/me/repairs/${id}/withdraw`, {}, ent],
	]) {
		r = await who.postWithCsrf(path, form, who === ent ? '/me/requests' : '/staff');
		assert.equal(r.status, 409, path);
		assert.equal(errorText(r.text), str('zh-CN', 'Req.err.decided'));
	}
	assert.equal(appStatus(id), 'approved');
	// The repaired record cannot be applied for again.
	r = await apply(ent, rec.id);
	assert.equal(r.status, 409);
	assert.match(byId(r.text, 'repair-refused'), new RegExp(str('zh-CN', 'Repair.err.repaired')));
});

test('illegal transitions: deciding before review, a withdrawn application, a second open application', async () => {
	const rec = makeRecord(sid);
	let r = await apply(ent, rec.id);
	assert.equal(r.status, 303);
	const id = appId(rec.id);
	r = await staff.postWithCsrf(`/staff/repairs/${id}/decide`, { decision: 'approve', reason: 'ok' }, '/staff');
	assert.equal(r.status, 409);
	assert.equal(errorText(r.text), str('zh-CN', 'Req.err.not_reviewed'));
	assert.equal(appStatus(id), 'submitted');
	// A second open application for the same record.
	const before = Number(sql('SELECT COUNT(*) FROM repair_applications'));
	const files = Number(sql('SELECT COUNT(*) FROM uploads'));
	r = await apply(ent, rec.id);
	assert.equal(r.status, 409);
	assert.match(byId(r.text, 'repair-refused'), new RegExp(str('zh-CN', 'Repair.err.open')));
	assert.equal(Number(sql('SELECT COUNT(*) FROM repair_applications')), before);
	assert.equal(Number(sql('SELECT COUNT(*) FROM uploads')), files);
	// Another enterprise cannot withdraw it.
	r = await other.postWithCsrf(`/me/repairs/${id}/withdraw`, {}, '/me/requests');
	assert.equal(r.status, 404);
	assert.equal(appStatus(id), 'submitted');
	// The applicant withdraws; deciding a withdrawn application is refused.
	r = await ent.postWithCsrf(`/me/repairs/${id}/withdraw`, {}, '/me/requests');
	assert.equal(r.status, 303);
	assert.equal(appStatus(id), 'withdrawn');
	for (const path of [`/staff/repairs/${id}/review`, `/staff/repairs/${id}/decide`]) {
		r = await staff.postWithCsrf(path, { decision: 'approve', reason: 'ok' }, '/staff');
		assert.equal(r.status, 409);
		assert.equal(errorText(r.text), str('zh-CN', 'Req.err.withdrawn'));
	}
	assert.equal(appStatus(id), 'withdrawn');
	assert.equal(recStatus(rec.id), 'active');
	// After a withdrawal a new application is possible again.
	r = await apply(ent, rec.id);
	assert.equal(r.status, 303);
});

test('eligibility: someone else\'s record, a keep-faith record, too early, not repairable', async () => {
	const foreign = makeRecord(Number(sql(`SELECT MIN(id) FROM subjects WHERE id <> ${sid}`)));
	let r = await apply(ent, foreign.id);
	assert.equal(r.status, 403);
	assert.equal(appId(foreign.id), 0);
	r = await ent.get(`/me/repairs/new?record=${foreign.id}`);
	assert.equal(r.status, 404);

	const keep = makeRecord(sid, { item: 'honour_award' });
	r = await apply(ent, keep.id);
	assert.equal(r.status, 409);
	assert.match(byId(r.text, 'repair-refused'), new RegExp(str('zh-CN', 'Repair.err.not_dishonesty')));

	const early = makeRecord(sid, { daysAgo: 10 });
	r = await ent.get(`/me/repairs/new?record=${early.id}`);
	assert.equal(r.status, 409);
	const from = sql(`SELECT DATE_FORMAT(CURDATE() - INTERVAL 10 DAY + INTERVAL 90 DAY, '%Y-%m-%d')`);
	assert.equal(byId(r.text, 'accept-from'), from);
	r = await apply(ent, early.id);
	assert.equal(r.status, 409);
	assert.equal(appId(early.id), 0);

	const ban = makeRecord(sid, { item: 'market_ban', daysAgo: 800 });
	r = await apply(ent, ban.id);
	assert.equal(r.status, 409);
	assert.match(byId(r.text, 'repair-refused'), new RegExp(str('zh-CN', 'Repair.err.not_repairable')));
});

test('uploads: wrong type by content, renamed file, polyglot, empty, missing, too large', async () => {
	const rec = makeRecord(sid);
	const count = () => Number(sql('SELECT COUNT(*) FROM uploads'));
	const n0 = count();
	const cases = [
		[{ proof: [['proof.exe', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf']] }, 'proof', 'Upload.err.type'],
		[{ proof: [['proof.pdf', PNG, 'application/pdf']] }, 'proof', 'Upload.err.mismatch'],
		[{ proof: [['p.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), PDF]), 'image/jpeg']] }, 'proof', 'Upload.err.polyglot'],
		[{ proof: [['empty.pdf', Buffer.alloc(0), 'application/pdf']] }, 'proof', 'Upload.err.empty'],
		[{ application: [] }, 'application', 'Err.field.required'],
		[{ proof: [['trunc.pdf', Buffer.from('%PDF-1.4\n1 0 obj'), 'application/pdf']] }, 'proof', 'Upload.err.type'],
	];
	for (const [files, field, key] of cases) {
		const r = await apply(ent, rec.id, applyFiles(files));
		assert.equal(r.status, 422, key);
		assert.equal(byId(r.text, `err-${field}`), str('zh-CN', key));
		assert.equal(appId(rec.id), 0);
		assert.equal(count(), n0);
	}
	// 10 MB + 1 byte: the parser refuses the part before the handler (413).
	const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
	PDF.copy(big);
	const r = await apply(ent, rec.id, applyFiles({ proof: [['big.pdf', big, 'application/pdf']] }));
	assert.equal(r.status, 413);
	assert.equal(appId(rec.id), 0);
});

test('proof downloads: applicant and staff only, as attachments; others 403, unknown 404', async () => {
	const rec = makeRecord(sid);
	let r = await apply(ent, rec.id);
	assert.equal(r.status, 303);
	const id = appId(rec.id);
	const fid = Number(sql(`SELECT MIN(upload_id) FROM request_files WHERE kind = 'repair' AND request_id = ${id} AND role = 'application'`));
	for (const c of [ent, staff]) {
		r = await c.get(`/files/${fid}`);
		assert.equal(r.status, 200);
		assert.equal(r.text, PDF.toString());
		assert.equal(r.headers.get('content-type'), 'application/pdf');
		assert.match(r.headers.get('content-disposition'), /^attachment; filename="proof-\d+\.pdf"; filename\*=UTF-8''%E7%94%B3%E8%AF%B7%E4%B9%A6\.pdf$/);
		assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
		assert.match(r.headers.get('content-security-policy'), /sandbox/);
	}
	r = await other.get(`/files/${fid}`);
	assert.equal(r.status, 403);
	assert.doesNotMatch(r.text, /%PDF/);
	for (const role of ['association', 'env_agency']) {
		const c = await login(role);
		r = await c.get(`/files/${fid}`);
		assert.equal(r.status, 403);
		assert.doesNotMatch(r.text, /%PDF/);
	}
	r = await new Client().get(`/files/${fid}`);
	assert.ok([302, 303, 401, 403].includes(r.status), `anonymous got ${r.status}`);
	assert.doesNotMatch(r.text, /%PDF/);
	r = await ent.get(`/files/${fid + 100000}`);
	assert.equal(r.status, 404);
	// The file is stored under its SHA-256, outside the web root.
	const sha = sql(`SELECT sha256 FROM uploads WHERE id = ${fid}`);
	assert.match(sha, /^[0-9a-f]{64}$/);
	r = await new Client().get(`/uploads/${sha}`);
	assert.notEqual(r.status, 200);
});

test('every repair/objection staff page answers 403 to the other roles', async () => {
	const routes = readRoutes().filter((x) => /^\/staff\/(repairs|objections|records\/\{id\}\/revoke)/.test(x.pattern));
	assert.ok(routes.length >= 9);
	const clients = {};
	for (const role of ['enterprise', 'association', 'env_agency']) clients[role] = await login(role);
	for (const rt of routes) {
		for (const [role, c] of Object.entries(clients)) {
			const path = samplePath(rt.pattern);
			const r = rt.method === 'GET' ? await c.get(path) : await c.postWithCsrf(path, { reason: 'x', decision: 'approve' });
			assert.equal(r.status, 403, `${rt.method} ${rt.pattern} as ${role}`);
		}
	}
	assert.ok(ROLES.includes('staff'));
});

test('revocation (Art. 37) deletes the record and leaves only a tombstone', async () => {
	const rec = makeRecord(sid);
	let r = await staff.get(`/staff/records/${rec.id}/revoke`);
	assert.equal(r.status, 200);
	r = await staff.postWithCsrf(`/staff/records/${rec.id}/revoke`, { doc_no: '', revoked_on: '2026-01-05', reason: 'x' }, '/staff');
	assert.equal(r.status, 422);
	assert.equal(Number(sql(`SELECT COUNT(*) FROM credit_records WHERE id = ${rec.id}`)), 1);
	r = await staff.postWithCsrf(`/staff/records/${rec.id}/revoke`,
		{ doc_no: 'REVOKE-2026-1', revoked_on: sql("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')"), reason: 'decision quashed on appeal' }, '/staff');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(Number(sql(`SELECT COUNT(*) FROM credit_records WHERE id = ${rec.id}`)), 0);
	const detail = sql(`SELECT detail FROM audit_log WHERE action = 'revoke' AND detail LIKE 'record #${rec.id} %'`);
	assert.match(detail, /REVOKE-2026-1/);
	assert.doesNotMatch(detail, new RegExp(rec.doc));
	assert.doesNotMatch(detail, /summary-/);
	// Deleted on the day of the notice: within the 3 working days.
	assert.match(detail, /deletion due by \d{4}-\d\d-\d\d/);
	assert.doesNotMatch(detail, /late/);
	assert.match(detail, /0 open request\(s\) closed/);
	r = await staff.postWithCsrf(`/staff/records/${rec.id}/revoke`, { doc_no: 'R', revoked_on: '2026-01-05', reason: 'xx' }, '/staff');
	assert.equal(r.status, 404);
});

test('revocation (Art. 37) closes the open repair application and objection on the record in the same step', async () => {
	const uscc = USCC(sid);
	// Entered through the staff form, so the audit log has its "create" row.
	const doc = `DOC${Date.now().toString(36)}`.toUpperCase();
	let r = await staff.postWithCsrf('/staff/records', {
		uscc, item: 'tax_arrears', agency: 'Test agency', doc_no: doc,
		decided_on: cstDay(-400), summary: `summary-${doc}`, is_public: '1',
	}, '/staff/records/new');
	assert.equal(r.status, 303, errorText(r.text));
	const recId = Number(sql(`SELECT id FROM credit_records WHERE doc_no = ${q(doc)}`));
	// An application under review and a marked objection on it.
	r = await apply(ent, recId);
	assert.equal(r.status, 303, errorText(r.text));
	const aid = appId(recId);
	r = await staff.postWithCsrf(`/staff/repairs/${aid}/review`, {}, '/staff');
	assert.equal(r.status, 303);
	r = await postMultipart(ent, '/me/objections', { record: recId, statement: '处罚决定已被撤销' }, {});
	assert.equal(r.status, 303, errorText(r.text));
	const oid = Number(sql(`SELECT MAX(id) FROM objections WHERE record_id = ${recId}`));
	r = await staff.postWithCsrf(`/staff/objections/${oid}/mark`, {}, '/staff');
	assert.equal(r.status, 303);
	// A decided application on another record stays as it is.
	const other = makeRecord(sid);
	await apply(ent, other.id);
	const done = appId(other.id);
	await staff.postWithCsrf(`/staff/repairs/${done}/review`, {}, '/staff');
	r = await staff.postWithCsrf(`/staff/repairs/${done}/decide`, { decision: 'reject', reason: '材料不全' }, '/staff');
	assert.equal(r.status, 303);

	r = await staff.get('/staff');
	const openBefore = Number(byId(r.text, 'nav-n-repairs'));
	const objBefore = Number(byId(r.text, 'nav-n-objections'));
	r = await staff.get(`/staff/records/${recId}/revoke`);
	assert.ok(byId(r.text, 'revoke-closes'));
	// The notice arrived 20 days ago: the deletion is late, and the tombstone says so.
	r = await staff.postWithCsrf(`/staff/records/${recId}/revoke`,
		{ doc_no: 'REVOKE-CLOSE-1', revoked_on: cstDay(-20), reason: '处罚决定被复议撤销' }, '/staff');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(Number(sql(`SELECT COUNT(*) FROM credit_records WHERE id = ${recId}`)), 0);
	const staffId = Number(sql("SELECT id FROM users WHERE login = 'staff'"));
	for (const [table, id] of [['repair_applications', aid], ['objections', oid]]) {
		const [st, by, reason] = sql(`SELECT status, decided_by, decision_reason FROM ${table} WHERE id = ${id}`).split('\t');
		assert.equal(st, 'closed', table);
		assert.equal(Number(by), staffId);
		assert.match(reason, /REVOKE-CLOSE-1/);
	}
	assert.equal(appStatus(done), 'rejected');
	// Timeline and audit: one close event and one audit row per request, then the tombstone.
	assert.equal(sql(`SELECT CONCAT(from_status, '>', to_status) FROM request_events WHERE kind = 'repair' AND request_id = ${aid} AND action = 'close'`), 'under_review>closed');
	assert.equal(sql(`SELECT CONCAT(from_status, '>', to_status) FROM request_events WHERE kind = 'objection' AND request_id = ${oid} AND action = 'close'`), 'marked>closed');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'repair_close' AND detail LIKE 'credit repair application #${aid} closed%'`)), 1);
	assert.equal(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'objection_close' AND detail LIKE 'objection #${oid} closed%'`)), 1);
	const tomb = sql(`SELECT detail FROM audit_log WHERE action = 'revoke' AND detail LIKE 'record #${recId} %'`);
	assert.match(tomb, /2 open request\(s\) closed/);
	assert.match(tomb, /done late/);
	// Nothing of the record's content is left in the audit log, not even in its "create" row.
	assert.equal(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%${doc}%'`)), 0);
	assert.ok(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND detail = 'record ${recId} entered'`)) === 1);

	// The applicant sees that and why both were closed.
	r = await ent.get('/me/requests');
	const rrow = new RegExp(`<tr id="repair-${aid}" data-status="closed">[\\s\\S]*?</tr>`).exec(r.text);
	assert.ok(rrow, 'repair row closed');
	assert.match(rrow[0], new RegExp(str('zh-CN', 'Req.st.closed').replace(/[()（）]/g, '.')));
	assert.match(rrow[0], new RegExp(str('zh-CN', 'Req.closed_revoked')));
	assert.match(rrow[0], /REVOKE-CLOSE-1/);
	assert.match(rrow[0], new RegExp(str('zh-CN', 'Req.revoked').replace(/[()（）]/g, '.')));
	assert.doesNotMatch(rrow[0], /withdraw/);
	const orow = new RegExp(`<tr id="objection-${oid}" data-status="closed">[\\s\\S]*?</tr>`).exec(r.text);
	assert.ok(orow, 'objection row closed');
	assert.match(orow[0], /REVOKE-CLOSE-1/);
	assert.doesNotMatch(orow[0], /remind/);
	// Staff see it closed, with no action left, and it left the open counts.
	r = await staff.get(`/staff/repairs/${aid}`);
	assert.equal(r.status, 200);
	assert.match(byId(r.text, 'req-decision'), /REVOKE-CLOSE-1/);
	assert.equal(byId(r.text, 'decide-form'), null);
	assert.match(byId(r.text, 'timeline'), new RegExp(str('zh-CN', 'Req.act.close').replace(/[()（）]/g, '.')));
	r = await staff.get('/staff');
	assert.equal(Number(byId(r.text, 'nav-n-repairs')), openBefore - 1);
	assert.equal(Number(byId(r.text, 'nav-n-objections')), objBefore - 1);

	// Nobody can act on a closed request any more; nothing changes.
	sql(`UPDATE objections SET decision_due = CURDATE() - INTERVAL 30 DAY WHERE id = ${oid}`);
	for (const [c, path, form] of [
		[staff, `/staff/repairs/${aid}/decide`, { decision: 'approve', reason: '材料齐全' }],
		[staff, `/staff/repairs/${aid}/review`, {}],
		[ent, `/me/repairs/${aid}/withdraw`, {}],
		[staff, `/staff/objections/${oid}/decide`, { decision: 'correct', reason: '更正' }],
		[staff, `/staff/objections/${oid}/forward`, { agency: '吴中区税务局' }],
		[staff, `/staff/objections/${oid}/mark`, {}],
		[ent, `/me/objections/${oid}/remind`, {}],
	]) {
		r = await c.postWithCsrf(path, form, c === ent ? '/me/requests' : '/staff');
		assert.equal(r.status, 409, path);
		assert.equal(errorText(r.text), str('zh-CN', 'Req.err.closed'), path);
	}
	assert.equal(appStatus(aid), 'closed');
	assert.equal(sql(`SELECT CONCAT(status, reminders) FROM objections WHERE id = ${oid}`), 'closed0');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM request_events WHERE (kind = 'repair' AND request_id = ${aid}) OR (kind = 'objection' AND request_id = ${oid})`)), 6);
	// The closed requests are in the queue's "closed" filter.
	r = await staff.get('/staff/repairs?status=closed');
	assert.match(r.text, new RegExp(`id="q-${aid}"`));
	r = await staff.get('/staff/objections?status=closed');
	assert.match(r.text, new RegExp(`id="q-${oid}"`));
	// The record is gone for the applicant too: no new request on it.
	r = await apply(ent, recId);
	assert.equal(r.status, 403);
});

test('an approved repair leaves every read path of the record: profile, search, the report and its PDF export; the history stays', async () => {
	const rec = makeRecord(sid);
	const uscc = USCC(sid);
	const name = sql(`SELECT name FROM subjects WHERE id = ${sid}`);
	let r = await ent.get('/report');
	assert.equal(r.status, 200);
	assert.match(r.text, new RegExp(rec.doc), 'in the report before the repair');
	r = await apply(ent, rec.id);
	assert.equal(r.status, 303, errorText(r.text));
	const id = appId(rec.id);
	await staff.postWithCsrf(`/staff/repairs/${id}/review`, {}, '/staff');
	r = await staff.postWithCsrf(`/staff/repairs/${id}/decide`, { decision: 'approve', reason: '已履行法定义务' }, '/staff');
	assert.equal(r.status, 303, errorText(r.text));
	for (const [c, path] of [[new Client(), `/entity/${uscc}`], [new Client(), `/search?q=${encodeURIComponent(name)}`],
		[other, `/entity/${uscc}`], [ent, '/report']]) {
		r = await c.get(path);
		assert.equal(r.status, 200, path);
		assert.doesNotMatch(r.text, new RegExp(rec.doc), path);
		assert.doesNotMatch(r.text, new RegExp(`summary-${rec.doc}`), path);
	}
	// The PDF export is built from the same lines as /report.
	r = await ent.get('/report.pdf');
	assert.equal(r.status, 200);
	assert.equal(r.headers.get('content-type'), 'application/pdf');
	// The record and its whole history stay in the database and the audit log.
	assert.equal(sql(`SELECT CONCAT(status, doc_no) FROM credit_records WHERE id = ${rec.id}`), `repaired${rec.doc}`);
	assert.equal(sql(`SELECT GROUP_CONCAT(action ORDER BY id) FROM request_events WHERE kind = 'repair' AND request_id = ${id}`), 'file,review,approve');
	assert.equal(Number(sql(`SELECT COUNT(*) FROM audit_log WHERE subject_id = ${sid} AND action IN ('repair_apply', 'repair_review', 'repair') AND detail LIKE 'credit repair application #${id} %'`)), 3);
});
