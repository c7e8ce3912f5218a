// requests_lib.mjs — helpers of the repair and objection HTTP tests: tiny
// valid proof files, a fresh record per test, multipart posts.
import { sql, q, uniq } from './lib.mjs';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);


/** A fresh dishonesty record of subject sid; decided `daysAgo` days ago. */
export function makeRecord(sid, { item = 'tax_arrears', daysAgo = 400, isPublic = 1 } = {}) {
	const doc = uniq('DOC');
	sql(`INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, summary, is_public, created_at, updated_at)
	     SELECT ${Number(sid)}, id, 'Test agency', ${q(doc)}, CURDATE() - INTERVAL ${Number(daysAgo)} DAY, ${q(`summary-${doc}`)}, ${Number(isPublic)}, UNIX_TIMESTAMP(), UNIX_TIMESTAMP()
	     FROM catalog_items WHERE code = ${q(item)}`);
	return { id: Number(sql(`SELECT id FROM credit_records WHERE doc_no = ${q(doc)}`)), doc };
}

/** POST a multipart form with this client's CSRF token. files: {key: [[name, Buffer, type]...]} */
export async function postMultipart(c, path, fields, files, tokenPage = '/me/requests') {
	const fd = new FormData();
	fd.append('csrf', await c.csrf(tokenPage));
	for (const [k, v] of Object.entries(fields)) fd.append(k, String(v));
	for (const [k, list] of Object.entries(files)) {
		for (const [name, buf, type] of list) fd.append(k, new Blob([buf], { type: type || 'application/octet-stream' }), name);
	}
	const req = new Request('http://x/', { method: 'POST', body: fd });
	const body = Buffer.from(await req.arrayBuffer());
	return c.request('POST', path, { body, contentType: req.headers.get('content-type') });
}

export function applyFiles(extra = {}) {
	return {
		application: [['申请书.pdf', PDF, 'application/pdf']],
		commitment: [['commitment.png', PNG, 'image/png']],
		proof: [['receipt.pdf', PDF, 'application/pdf']],
		...extra,
	};
}


/** YYYY-MM-DD of today + days in China Standard Time (the app's "today"). */
export function cstDay(days = 0) {
	return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
}

/** A fresh subject of its own (no other test's requests), and an enterprise login tied to it. */
export function makeSubject() {
	const uscc = `T${uniq('').toUpperCase().replace(/[^0-9A-Z]/g, '')}`.padEnd(18, '0').slice(0, 18);
	sql(`INSERT INTO subjects (uscc, name, created_at) VALUES (${q(uscc)}, 'Queue test company', UNIX_TIMESTAMP())`);
	const sid = Number(sql(`SELECT id FROM subjects WHERE uscc = ${q(uscc)}`));
	const login = uniq('entq_');
	sql(`INSERT INTO users (login, display_name, role, subject_id, password_hash, created_at)
	     SELECT ${q(login)}, 'Queue test user', 'enterprise', ${sid}, password_hash, UNIX_TIMESTAMP()
	     FROM users WHERE login = 'enterprise'`);
	return { sid, uscc, login };
}

/** A repair application row put straight into the table (status and deadline chosen). */
export function insertRepair(recId, sid, { status = 'submitted', due = cstDay(0) } = {}) {
	sql(`INSERT INTO repair_applications (record_id, subject_id, applicant_id, reason, status, filed_at, proof_received_on, due_on)
	     VALUES (${Number(recId)}, ${Number(sid)}, (SELECT id FROM users WHERE login = 'enterprise'), 'queue test',
	     ${q(status)}, UNIX_TIMESTAMP(), ${q(cstDay(0))}, ${q(due)})`);
	return Number(sql(`SELECT MAX(id) FROM repair_applications WHERE record_id = ${Number(recId)}`));
}

/** An objection row put straight into the table; due is the deadline that runs in its status. */
export function insertObjection(recId, sid, { status = 'submitted', due = cstDay(0) } = {}) {
	sql(`INSERT INTO objections (record_id, subject_id, applicant_id, statement, status, filed_at, filed_on, mark_due, forward_due, decision_due)
	     VALUES (${Number(recId)}, ${Number(sid)}, (SELECT id FROM users WHERE login = 'enterprise'), 'queue test',
	     ${q(status)}, UNIX_TIMESTAMP(), ${q(cstDay(0))}, ${q(due)}, ${q(due)}, ${q(due)})`);
	return Number(sql(`SELECT MAX(id) FROM objections WHERE record_id = ${Number(recId)}`));
}
