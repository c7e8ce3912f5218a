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

