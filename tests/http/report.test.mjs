// report.test.mjs — the enterprise's credit report (Art. 34): sections,
// sources, changes and queries; the PDF download; the public verification
// page (genuine, wrong code, altered archive); self-declarations (Art. 13)
// and the serious-dishonesty list entries staff keep (Art. 25, 33).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, login, sql, q, errorText, uniq, TEST_VAR } from './lib.mjs';

const WUZHONG = '91320506AY4CL12THL';
const HUQIU = '913205053BJ1XG612A';

function serialAndCode(html) {
	const serial = (html.match(/(R\d{8}[0-9A-Z]{11})/) || [])[1];
	const code = (html.match(/(?:验证码|Verification code) ([0-9A-Z]{8})/) || [])[1];
	return { serial, code };
}

test('the report shows every section with sources, and is recorded', async () => {
	const c = await login('enterprise');
	const r = await c.get('/report');
	assert.equal(r.status, 200);
	assert.equal(r.headers.get('cache-control'), 'no-store');
	for (const h of ['基本信息', '信用信息概况', '行政管理信息', '信息变更记录', '查询记录'])
		assert.ok(r.text.includes(`<h2>${h}</h2>`), `section ${h}`);
	assert.match(r.text, /来源：苏州市吴中生态环境局/, 'each item names its source');
	assert.match(r.text, /吴社保催〔2024〕118号/, 'the subject\'s own report includes non-public items');
	assert.ok(!r.text.includes('吴税通〔2019〕77号'), 'the query window applies to the report');
	const { serial, code } = serialAndCode(r.text);
	assert.ok(serial && code, 'serial and verification code printed');
	assert.equal(sql(`SELECT COUNT(*) FROM reports WHERE serial = '${serial}'`), '1');
	assert.equal(sql(`SELECT action FROM audit_log WHERE detail = '${serial}'`), 'report');
});

test('the PDF is an attachment with a serial, and a real PDF', async () => {
	const c = await login('enterprise');
	const res = await fetch(process.env.BASE_URL + '/report.pdf', {
		headers: { Cookie: c.cookieHeader(), 'X-Test-Client': c.addr }, redirect: 'manual' });
	assert.equal(res.status, 200);
	assert.equal(res.headers.get('content-type'), 'application/pdf');
	assert.match(res.headers.get('content-disposition'), /^attachment; filename="credit-report-R\d{8}[0-9A-Z]{11}\.pdf"; filename\*=UTF-8''/);
	assert.match(res.headers.get('content-security-policy'), /sandbox|default-src/);
	const buf = Buffer.from(await res.arrayBuffer());
	assert.equal(buf.subarray(0, 5).toString(), '%PDF-');
	assert.ok(buf.subarray(-8).toString().includes('%%EOF'));
	assert.ok(buf.includes(Buffer.from('/FontFile')), 'the Chinese font is embedded');
});

test('anyone can verify a report; a wrong code or an altered archive is not genuine', async () => {
	const c = await login('enterprise');
	const { serial, code } = serialAndCode((await c.get('/report')).text);
	const pub = new Client();
	const ok = await pub.get(`/verify?serial=${serial}&code=${code.toLowerCase()}`);
	assert.equal(ok.status, 200);
	assert.match(ok.text, /data-result="genuine"/);
	assert.match(ok.text, /苏州吴中精密机械有限公司/);
	const wrong = await pub.get(`/verify?serial=${serial}&code=ZZZZZZZZ`);
	assert.match(wrong.text, /data-result="unknown"/);
	assert.ok(!wrong.text.includes('苏州吴中精密机械有限公司'), 'no content without the right code');
	const unknown = await pub.get(`/verify?serial=R20000101AAAAAAAAAAA&code=${code}`);
	assert.match(unknown.text, /data-result="unknown"/);
	const bad = await pub.get('/verify?serial=short&code=x');
	assert.equal(bad.status, 422);
	sql(`UPDATE reports SET content = REPLACE(content, '张伟', '王五') WHERE serial = '${serial}'`);
	const altered = await pub.get(`/verify?serial=${serial}&code=${code}`);
	assert.match(altered.text, /data-result="altered"/);
});

test('only an enterprise has a report; others get 403, the public a login redirect', async () => {
	for (const role of ['association', 'staff', 'admin']) {
		const c = await login(role);
		assert.equal((await c.get('/report')).status, 403, role);
		assert.equal((await c.get('/report.pdf')).status, 403, role);
	}
	const anon = await new Client().get('/report');
	assert.equal(anon.status, 303);
	assert.match(anon.location, /^\/login\?next=\/report/);
});

test('an enterprise publishes a declaration on its own profile only', async () => {
	const c = await login('enterprise');
	const title = uniq('承诺-');
	const empty = await c.postWithCsrf('/me/commitments', { kind: 'commitment', title: '', body: '' }, '/me/commitments/new');
	assert.equal(empty.status, 422);
	const r = await c.postWithCsrf('/me/commitments', {
		kind: 'declaration', title, body: '本企业郑重声明：<script>alert(1)</script>',
	}, '/me/commitments/new');
	assert.equal(r.status, 303, errorText(r.text));
	assert.equal(r.location, `/entity/${WUZHONG}#commitments`);
	const page = await new Client().get(`/entity/${WUZHONG}`);
	assert.ok(page.text.includes(title));
	assert.ok(page.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
	assert.ok(!page.text.includes('<script>alert(1)'));
	// There is no subject parameter to forge: a staff or association account is refused.
	const other = await login('association');
	assert.equal((await other.get('/me/commitments/new')).status, 403);
});

test('staff list and unlist a subject on the serious-dishonesty list; removal checks the subject', async () => {
	const staff = await login('staff');
	const doc = uniq('（2026）苏执-');
	const add = await staff.postWithCsrf('/staff/serious', {
		uscc: WUZHONG, agency: '苏州市中级人民法院', doc_no: doc, included_on: '2026-01-05',
		reason: '拒不履行生效判决', removal_conditions: '履行完毕后移出', remedy: '可申请复议',
		responsible_persons: '张伟（法定代表人）',
	}, '/staff/serious/new');
	assert.equal(add.status, 303, errorText(add.text));
	const id = Number(sql(`SELECT id FROM serious_list WHERE doc_no = '${doc}'`));
	const page = await new Client().get(`/entity/${WUZHONG}`);
	assert.match(page.text, /id="serious-flag"/);
	assert.match(page.text, /张伟（法定代表人）/);
	const search = await new Client().get('/search?q=' + encodeURIComponent('吴中精密'));
	assert.match(search.text, /flag-serious/);
	// The entry belongs to WUZHONG: removing it "through" another subject changes nothing.
	const wrong = await staff.postWithCsrf(`/staff/serious/${id}/remove`, { uscc: HUQIU, removed_on: '2026-02-01', reason: '履行完毕' }, `/entity/${WUZHONG}`);
	assert.equal(wrong.status, 404);
	assert.equal(sql(`SELECT IFNULL(removed_on, 'NULL') FROM serious_list WHERE id = ${id}`), 'NULL');
	const ok = await staff.postWithCsrf(`/staff/serious/${id}/remove`, { uscc: WUZHONG, removed_on: '2026-02-01', reason: '履行完毕' }, `/entity/${WUZHONG}`);
	assert.equal(ok.status, 303, errorText(ok.text));
	const after = await new Client().get(`/entity/${WUZHONG}`);
	assert.doesNotMatch(after.text, /id="serious-flag"/);
	assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'unlist' ORDER BY id DESC LIMIT 1`), /履行完毕/);
});

// subject_parts (migration 0012) replaces the profile's EXISTS subqueries:
// the triggers must keep the serious-list bit exact with two entries, and
// the other bits set whoever inserts the rows.
test('the serious-list flag stays while any entry is listed and goes with the last (subject_parts)', async () => {
	const staff = await login('staff');
	const parts = () => Number(sql(`SELECT IFNULL((SELECT p.parts FROM subject_parts p JOIN subjects s ON s.id = p.subject_id WHERE s.uscc = ${q(WUZHONG)}), 0)`));
	const ids = [];
	for (const n of [1, 2]) {
		const doc = uniq(`SZZX-2026-${n}-`);
		const add = await staff.postWithCsrf('/staff/serious', {
			uscc: WUZHONG, agency: '苏州市中级人民法院', doc_no: doc, included_on: '2026-01-05',
			reason: '拒不履行生效判决', removal_conditions: '履行完毕后移出', remedy: '可申请复议',
		}, '/staff/serious/new');
		assert.equal(add.status, 303, errorText(add.text));
		ids.push(Number(sql(`SELECT id FROM serious_list WHERE doc_no = ${q(doc)}`)));
	}
	assert.equal(parts() & 1, 1);
	const remove = (id) => staff.postWithCsrf(`/staff/serious/${id}/remove`,
		{ uscc: WUZHONG, removed_on: '2026-02-01', reason: '履行完毕' }, `/entity/${WUZHONG}`);
	assert.equal((await remove(ids[0])).status, 303);
	assert.equal(parts() & 1, 1, 'one entry is still listed');
	assert.match((await new Client().get(`/entity/${WUZHONG}`)).text, /id="serious-flag"/);
	assert.equal((await remove(ids[1])).status, 303);
	assert.equal(parts() & 1, 0);
	assert.doesNotMatch((await new Client().get(`/entity/${WUZHONG}`)).text, /id="serious-flag"/);
	// For every subject: the serious bit is exact, and no other bit is
	// missing where there are rows (an extra one only costs a lookup).
	assert.equal(sql(`SELECT COUNT(*) FROM (SELECT IFNULL(p.parts, 0) AS parts,
		EXISTS (SELECT 1 FROM serious_list l WHERE l.subject_id = s.id AND l.removed_on IS NULL)
		| (EXISTS (SELECT 1 FROM ratings x WHERE x.subject_id = s.id) << 1)
		| ((EXISTS (SELECT 1 FROM env_entries x WHERE x.subject_id = s.id)
		    OR EXISTS (SELECT 1 FROM env_dynamic_subjects x WHERE x.subject_id = s.id)) << 2)
		| (EXISTS (SELECT 1 FROM commitments x WHERE x.subject_id = s.id) << 3) AS need
		FROM subjects s LEFT JOIN subject_parts p ON p.subject_id = s.id) t
		WHERE (need & ~parts) <> 0 OR (need & 1) <> (parts & 1)`), '0');
});

// The triggers of 0012 write subject_parts, never the subject's row: an
// insert that checks a foreign key to a subject (a record) and one that
// fires a trigger (a commitment) may meet the same subjects in opposite
// orders without a deadlock (they did when the bits were a column of
// subjects).
test('records and commitments for the same subjects in opposite orders do not deadlock', async () => {
	const run = promisify(execFile);
	const mysql = (query) => run('mariadb', [`--defaults-file=${TEST_VAR}/my.cnf`, '-u', 'root', 'credit', '-N', '-B', '-e', query]);
	const [a, b] = sql("SELECT id FROM subjects ORDER BY id LIMIT 2").split('\n').map(Number);
	const item = Number(sql("SELECT id FROM catalog_items WHERE code = 'admin_penalty'"));
	const rec = (sid, doc) => `INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, summary, is_public, created_at, updated_at)
		VALUES (${sid}, ${item}, 'test', ${q(doc)}, CURDATE(), 'lock order', 0, 0, 0)`;
	const com = (sid) => `INSERT INTO commitments (subject_id, kind, title, body, published_on, created_at)
		VALUES (${sid}, 'commitment', 'lock order', 'lock order', CURDATE(), 0)`;
	const d1 = uniq('LOCK-A-'), d2 = uniq('LOCK-B-');
	const t1 = mysql(`BEGIN; ${rec(a, d1)}; DO SLEEP(1.5); ${rec(b, d2)}; COMMIT`);
	await new Promise((r) => setTimeout(r, 400));
	const t2 = mysql(`BEGIN; ${com(b)}; DO SLEEP(0.2); ${com(a)}; COMMIT`);
	await Promise.all([t1, t2]);   // either would reject with ERROR 1213 on a deadlock
	assert.equal(sql(`SELECT COUNT(*) FROM credit_records WHERE doc_no IN (${q(d1)}, ${q(d2)})`), '2');
	assert.equal(sql(`SELECT parts & 8 FROM subject_parts WHERE subject_id = ${a}`), '8');
});
