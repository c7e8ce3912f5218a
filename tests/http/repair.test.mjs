// repair.test.mjs — credit repair (Art. 38), proof uploads and revocation
// (Art. 37): eligibility, every illegal transition, upload rejections,
// access control on proofs and on staff pages, and the approval that hides
// the record from the public profile while keeping it in the database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	Client, login, sql, q, str, byId, errorText, uniq, readRoutes, samplePath, ROLES,
} from './lib.mjs';
import { PDF, PNG, makeRecord, postMultipart, applyFiles } from './requests_lib.mjs';

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
	r = await staff.postWithCsrf(`/staff/records/${rec.id}/revoke`, { doc_no: 'R', revoked_on: '2026-01-05', reason: 'xx' }, '/staff');
	assert.equal(r.status, 404);
});
