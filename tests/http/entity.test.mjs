// entity.test.mjs — search, profiles and what each viewer may see (Art. 17,
// 35), the audit trail of views and changes, staff data entry and CSV
// imports. Runs against the demo data of app/tools/demo.sql.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { Client, login, sql, q, str, byId, errorText, ROOT, TEST_VAR, uniq, uploadCsv, validUscc, waitFor } from './lib.mjs';

const WUZHONG = '91320506AY4CL12THL';   // demo subject 1, the enterprise account's own
const HUQIU = '913205053BJ1XG612A';     // demo subject 2: serious list, repaired record
const PUBLIC_DOC = '苏环行罚字〔2025〕第0412号';
const NONPUBLIC_DOC = '吴社保催〔2024〕118号';
const OLD_DOC = '吴税通〔2019〕77号';
const REPAIRED_DOC = '虎市监处〔2023〕19号';

// Today in China (UTC+8), the calendar the query window counts in.
function cstDate(offsetDays = 0, years = 0) {
	const d = new Date(Date.now() + 8 * 3600e3);
	d.setUTCFullYear(d.getUTCFullYear() - years);
	d.setUTCDate(d.getUTCDate() + offsetDays);
	return d.toISOString().slice(0, 10);
}

function freshUscc() {
	const digits = String(Date.now() % 1e7).padStart(7, '0') + String(Math.floor(Math.random() * 10));
	return validUscc(`9132058${digits}`.slice(0, 15) + 'XY');
}

function subjectId(uscc) {
	return Number(sql(`SELECT id FROM subjects WHERE uscc = ${q(uscc)}`));
}

test('search by a Chinese name fragment lists matching subjects with links', async () => {
	const c = new Client();
	const r = await c.get('/search?q=' + encodeURIComponent('精密'));
	assert.equal(r.status, 200);
	assert.match(r.text, new RegExp(`href="/entity/${WUZHONG}"`));
	assert.match(r.text, /苏州吴中精密机械有限公司/);
	const none = await c.get('/search?q=' + encodeURIComponent('不存在的名字甲乙'));
	assert.equal(none.status, 200);
	assert.doesNotMatch(none.text, /href="\/entity\//);
});

test('a single character and a lower-case USCC both work', async () => {
	const c = new Client();
	const one = await c.get('/search?q=' + encodeURIComponent('虎'));
	assert.match(one.text, new RegExp(`href="/entity/${HUQIU}"`));
	const exact = await c.get('/search?q=' + WUZHONG.toLowerCase());
	assert.match(exact.text, new RegExp(`href="/entity/${WUZHONG}"`));
	const serious = await c.get('/search?q=' + encodeURIComponent('纺织印染'));
	assert.match(serious.text, /flag-serious/, 'the serious-dishonesty flag shows in results');
});

test('a catalog item added while the app runs names its records at once (the workers\' catalog copy)', async () => {
	// Fill every worker's copy first, then add an item behind their back.
	for (let i = 0; i < 8; i++) await new Client().get(`/entity/${WUZHONG}`);
	const code = uniq('test_item_').toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 32);
	sql(`INSERT INTO catalog_items (code, kind, category, name_zh, name_en, legal_basis)
	     VALUES (${q(code)}, 'dishonesty', 'other', '目录副本测试事项', 'Catalog copy test item', 'test')`);
	const doc = uniq('CATCOPY-');
	sql(`INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, summary, is_public, created_at, updated_at)
	     SELECT ${subjectId(WUZHONG)}, id, 'test', ${q(doc)}, CURDATE(), 'copy', 1, 0, 0 FROM catalog_items WHERE code = ${q(code)}`);
	for (let i = 0; i < 8; i++) {
		const r = await new Client().get(`/entity/${WUZHONG}`);
		assert.equal(r.status, 200);
		assert.match(r.text, new RegExp(`目录副本测试事项[\\s\\S]*?${doc}`), 'the new item names its record');
	}
});

test('search totals and pages: a short result needs no count, a long one is counted and paged', async () => {
	// Two characters of CJK Extension A that no demo name uses: one gram.
	const ch = () => String.fromCodePoint(0x3400 + randomInt(0x19b0));
	const gram = ch() + ch();
	const g = `CONVERT(UNHEX('${Buffer.from(gram).toString('hex')}') USING utf8mb4)`;
	const make = (n, tag) => {
		sql(`INSERT INTO subjects (uscc, name, kind, created_at)
		     SELECT CONCAT('S', ${q(tag)}, LPAD(seq, 6, '0')), CONCAT(${g}, '分页测试', seq), 'enterprise', 0
		     FROM seq_1_to_${n}`);
		sql(`INSERT INTO subject_grams (gram, subject_id) SELECT ${g}, id FROM subjects
		     WHERE uscc LIKE CONCAT('S', ${q(tag)}, '%')`);
	};
	const tag = String(randomInt(1e9)).padStart(9, '0');
	const c = new Client();
	const page = async (p) => {
		const r = await c.get(`/search?q=${encodeURIComponent(gram)}${p ? '&page=' + p : ''}`);
		assert.equal(r.status, 200);
		return { n: (r.text.match(/<tr data-uscc=/g) || []).length, summary: byId(r.text, 'search-summary'), next: /rel="next"/.test(r.text) };
	};
	make(5, tag + 'a');
	let p1 = await page();
	assert.equal(p1.n, 5);
	assert.match(p1.summary, /\b5\b/);
	assert.equal(p1.next, false);
	make(40, tag + 'b');
	p1 = await page();
	assert.equal(p1.n, 20);
	assert.match(p1.summary, /\b45\b/);
	assert.equal(p1.next, true);
	const p3 = await page(3);
	assert.equal(p3.n, 5);
	assert.match(p3.summary, /\b45\b/);
	assert.equal(p3.next, false);
	const p9 = await page(9);
	assert.equal(p9.n, 0, 'past the end: nothing listed');
	assert.match(p9.summary, /\b45\b/);
});

test('a too long search is refused with a message, not an error page', async () => {
	const r = await new Client().get('/search?q=' + encodeURIComponent('长'.repeat(51)));
	assert.equal(r.status, 422);
	assert.match(r.text, /field-error|class="alert"/);
});

test('the public sees public records inside the window, never non-public, old or repaired ones', async () => {
	const c = new Client();
	const r = await c.get(`/entity/${WUZHONG}`);
	assert.equal(r.status, 200);
	assert.match(r.text, /data-scope="public"/);
	assert.ok(r.text.includes(PUBLIC_DOC), 'public record shown');
	assert.ok(!r.text.includes(NONPUBLIC_DOC), 'non-public record hidden from the public');
	assert.ok(!r.text.includes(OLD_DOC), 'record older than the window hidden');
	assert.match(r.text, /守合同重信用企业/, 'keep-faith item shown');
	const h = await c.get(`/entity/${HUQIU}`);
	assert.ok(!h.text.includes(REPAIRED_DOC), 'repaired record hidden from the public');
	assert.match(h.text, /id="serious"/, 'serious-dishonesty entry with its conditions');
	assert.match(h.text, /移出/);
});

test('the enterprise sees its whole file and who viewed it, but not other subjects\' non-public data', async () => {
	const c = await login('enterprise');
	const own = await c.get(`/entity/${WUZHONG}`);
	assert.equal(own.status, 200);
	assert.match(own.text, /data-scope="self"/);
	assert.ok(own.text.includes(NONPUBLIC_DOC), 'own non-public record shown');
	assert.ok(!own.text.includes(OLD_DOC), 'the window applies to the subject too');
	assert.match(own.text, /id="views"/);
	assert.equal(own.headers.get('cache-control'), 'no-store');
	const other = await c.get(`/entity/${HUQIU}`);
	assert.match(other.text, /data-scope="public"/);
	assert.ok(!other.text.includes(REPAIRED_DOC));
});

test('staff see everything inside the window, repaired records marked', async () => {
	const c = await login('staff');
	const r = await c.get(`/entity/${HUQIU}`);
	assert.match(r.text, /data-scope="staff"/);
	assert.ok(r.text.includes(REPAIRED_DOC));
	assert.match(r.text, /class="record repaired"/);
	const w = await c.get(`/entity/${WUZHONG}`);
	assert.ok(w.text.includes(NONPUBLIC_DOC));
	assert.ok(!w.text.includes(OLD_DOC));
});

test('a third party sees non-public records only under a valid written authorisation', async () => {
	const assoc = await login('association');
	let r = await assoc.get(`/entity/${WUZHONG}`);
	assert.ok(!r.text.includes(NONPUBLIC_DOC), 'no authorisation: hidden');
	const staff = await login('staff');
	const expired = await staff.postWithCsrf('/staff/authorizations', {
		uscc: WUZHONG, grantee: 'association', purpose: '会员信用评价', doc_ref: uniq('SQ-'),
		valid_from: cstDate(-30), valid_to: cstDate(-1),
	});
	assert.equal(expired.status, 303, errorText(expired.text));
	r = await assoc.get(`/entity/${WUZHONG}`);
	assert.ok(!r.text.includes(NONPUBLIC_DOC), 'expired authorisation: still hidden');
	const valid = await staff.postWithCsrf('/staff/authorizations', {
		uscc: WUZHONG, grantee: 'association', purpose: '会员信用评价', doc_ref: uniq('SQ-'),
		valid_from: cstDate(-1), valid_to: cstDate(30),
	});
	assert.equal(valid.status, 303);
	r = await assoc.get(`/entity/${WUZHONG}`);
	assert.match(r.text, /data-scope="authorized"/);
	assert.ok(r.text.includes(NONPUBLIC_DOC), 'valid authorisation: shown');
	assert.ok(!r.text.includes(OLD_DOC));
	sql(`DELETE FROM authorizations WHERE grantee_id = (SELECT id FROM users WHERE login = 'association')`);
});

test('the query window boundary: ended exactly 5 years ago is shown, one day more is not', async () => {
	const sid = subjectId(WUZHONG);
	const inDoc = uniq('BOUNDARY-IN-'), outDoc = uniq('BOUNDARY-OUT-');
	sql(`INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, ended_on, summary, is_public, created_at, updated_at)
	     SELECT ${sid}, id, 'test', ${q(inDoc)}, ${q(cstDate(-30, 5))}, ${q(cstDate(0, 5))}, 'boundary', 1, 0, 0 FROM catalog_items WHERE code = 'admin_penalty'`);
	sql(`INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, ended_on, summary, is_public, created_at, updated_at)
	     SELECT ${sid}, id, 'test', ${q(outDoc)}, ${q(cstDate(-30, 5))}, ${q(cstDate(-1, 5))}, 'boundary', 1, 0, 0 FROM catalog_items WHERE code = 'admin_penalty'`);
	try {
		for (const c of [new Client(), await login('staff')]) {
			const r = await c.get(`/entity/${WUZHONG}`);
			assert.ok(r.text.includes(inDoc), 'ended on the cutoff day: shown');
			assert.ok(!r.text.includes(outDoc), 'ended the day before: never shown');
		}
	} finally {
		sql(`DELETE FROM credit_records WHERE doc_no IN (${q(inDoc)}, ${q(outDoc)})`);
	}
});

test('an anonymous profile lists public records newest first, and the newest 200 of a longer file', async () => {
	// The public profile reads all of a subject's records in one statement
	// and filters and sorts them in C; past 200 rows it asks the ordered
	// statement instead. Both paths must show the same thing.
	const uscc = freshUscc();
	sql(`INSERT INTO subjects (uscc, name, kind, created_at) VALUES (${q(uscc)}, '记录排序测试有限公司', 'enterprise', 0)`);
	const sid = subjectId(uscc);
	const add = (from, to, pub, prefix) => sql(`INSERT INTO credit_records (subject_id, item_id, agency, doc_no,
	     decided_on, summary, is_public, created_at, updated_at)
	     SELECT ${sid}, c.id, 'test', CONCAT(${q(prefix)}, LPAD(seq, 3, '0')), CURDATE() - INTERVAL seq DAY, 'order', ${pub}, 0, 0
	     FROM seq_${from}_to_${to} JOIN catalog_items c ON c.code = 'admin_penalty'`);
	const docs = (html) => [...html.matchAll(/<tr id="record-\d+" class="record[^"]*">[\s\S]*?<td class="mono">([^<]+)<\/td>/g)].map((m) => m[1]);
	// Five public records in shuffled insertion order, two non-public.
	add(3, 5, 1, 'ORD-P');
	add(1, 2, 1, 'ORD-P');
	add(6, 7, 0, 'ORD-N');
	let page = await new Client().get(`/entity/${uscc}`);
	assert.deepEqual(docs(page.text), ['ORD-P001', 'ORD-P002', 'ORD-P003', 'ORD-P004', 'ORD-P005']);
	// 250 more public ones (older): 257 rows in all, the newest 200 public shown.
	add(8, 257, 1, 'ORD-P');
	page = await new Client().get(`/entity/${uscc}`);
	const shown = docs(page.text);
	assert.equal(shown.length, 200);
	assert.equal(shown[0], 'ORD-P001');
	assert.equal(shown[199], 'ORD-P202', 'two non-public ones skipped');
	assert.ok(!shown.some((d) => d.startsWith('ORD-N')));
});

test('an invalid USCC in the path gets a message naming the problem', async () => {
	const c = new Client();
	const chk = await c.get('/entity/91110108717809965C');
	assert.equal(chk.status, 404);
	assert.equal(errorText(chk.text), str('zh-CN', 'Err.uscc.check_notfound'));
	const ch = await c.get('/entity/9132050OAY4CL12THL');
	assert.equal(ch.status, 404);
	assert.equal(errorText(ch.text), str('zh-CN', 'Err.uscc.char'));
	const unknown = await c.get('/entity/' + validUscc('91320500MA9999999'));
	assert.equal(unknown.status, 404);
	assert.equal(errorText(unknown.text), str('zh-CN', 'Err.subject.notfound'));
	const short = await c.get('/entity/9132050');
	assert.equal(short.status, 404);
});

test('every profile view is in the audit log with viewer, role, subject and address', async () => {
	const sid = subjectId(HUQIU);
	const before = Number(sql(`SELECT COUNT(*) FROM audit_log WHERE subject_id = ${sid} AND action = 'view'`));
	const c = await login('association');
	await c.get(`/entity/${HUQIU}`);
	await new Client({ addr: '10.77.0.1' }).get(`/entity/${HUQIU}`);
	// Views are written by each worker's flusher within CREDIT_AUDIT_FLUSH_MS
	// (100 ms): wait for both, for at most a few seconds.
	const count = () => Number(sql(`SELECT COUNT(*) FROM audit_log WHERE subject_id = ${sid} AND action = 'view'`));
	await waitFor(() => count() >= before + 2, { timeout: 5000, interval: 50 });
	assert.equal(count(), before + 2);
	const rows = sql(`SELECT actor_role, IFNULL(actor_id, 0), client_addr FROM audit_log
	                  WHERE subject_id = ${sid} AND action = 'view' ORDER BY at DESC, id DESC LIMIT 2`).split('\n');
	assert.deepEqual(rows.map((r) => r.split('\t')[0]).sort(), ['anon', 'association']);
	assert.ok(rows.some((r) => r === 'anon\t0\t10.77.0.1'), rows.join(' | '));
});

function credctl(...args) {
	try {
		return { rc: 0, out: execFileSync(`${ROOT}/build/credctl`, args, {
			encoding: 'utf8', env: { ...process.env, CREDIT_VAR: TEST_VAR }, stdio: ['ignore', 'pipe', 'pipe'] }) };
	} catch (e) {
		return { rc: e.status, out: String(e.stdout) };
	}
}

test('credctl audit-verify passes, then pinpoints a row edited in the database', async () => {
	await new Client().get(`/entity/${WUZHONG}`);
	const ok = credctl('audit-verify', `${TEST_VAR}/log/app.log`);
	assert.equal(ok.rc, 0, ok.out);
	assert.match(ok.out, /0 problem/);
	const [id, detail] = sql('SELECT id, detail FROM audit_log ORDER BY id DESC LIMIT 1').split('\t');
	sql(`UPDATE audit_log SET detail = 'tampered' WHERE id = ${Number(id)}`);
	try {
		const bad = credctl('audit-verify', `${TEST_VAR}/log/app.log`);
		assert.equal(bad.rc, 1);
		assert.match(bad.out, new RegExp(`row id ${id} was altered`));
	} finally {
		sql(`UPDATE audit_log SET detail = '${detail ?? ''}' WHERE id = ${Number(id)}`);
	}
	assert.equal(credctl('audit-verify', `${TEST_VAR}/log/app.log`).rc, 0);
});

test('staff register a subject: invalid codes are refused with the reason, a pilot code needs the override', async () => {
	const c = await login('staff');
	const bad = await c.postWithCsrf('/staff/subjects', { uscc: '9132050', name: '测试', kind: 'enterprise', reg_status: 'active' }, '/staff/subjects/new');
	assert.equal(bad.status, 422);
	assert.match(bad.text, /id="err-uscc"/);
	const pilot = '91350211M0000XUF46';
	if (!sql(`SELECT COUNT(*) FROM subjects WHERE uscc = '${pilot}'`).startsWith('1')) {
		const noOverride = await c.postWithCsrf('/staff/subjects', { uscc: pilot, name: '厦门试点', kind: 'enterprise', reg_status: 'active' }, '/staff/subjects/new');
		assert.equal(noOverride.status, 422);
		assert.match(noOverride.text, /name="override"/);
		const withOverride = await c.postWithCsrf('/staff/subjects', { uscc: pilot, name: '厦门试点', kind: 'enterprise', reg_status: 'active', override: '1' }, '/staff/subjects/new');
		assert.equal(withOverride.status, 303, errorText(withOverride.text));
		assert.match(sql(`SELECT a.detail FROM audit_log a JOIN subjects s ON s.id = a.subject_id WHERE s.uscc = '${pilot}' AND a.action = 'create'`), /override/);
	}
	const code = freshUscc();
	const ok = await c.postWithCsrf('/staff/subjects', { uscc: code.toLowerCase(), name: '苏州新登记测试有限公司', kind: 'enterprise', reg_status: 'active', district: '吴江区' }, '/staff/subjects/new');
	assert.equal(ok.status, 303, errorText(ok.text));
	assert.equal(ok.location, `/entity/${code}`);
	const dup = await c.postWithCsrf('/staff/subjects', { uscc: code, name: '重复', kind: 'enterprise', reg_status: 'active' }, '/staff/subjects/new');
	assert.equal(dup.status, 422);
	const found = await new Client().get('/search?q=' + encodeURIComponent('新登记测试'));
	assert.match(found.text, new RegExp(code), 'a new subject is searchable at once');
});

test('staff enter and correct a record; the correction and its reason are audited', async () => {
	const c = await login('staff');
	const doc = uniq('苏测罚字-');
	const created = await c.postWithCsrf('/staff/records', {
		uscc: HUQIU, item: 'admin_penalty', agency: '苏州市测试局', doc_no: doc, decided_on: cstDate(-10),
		summary: '测试处罚', is_public: '1',
	}, '/staff/records/new');
	assert.equal(created.status, 303, errorText(created.text));
	const id = Number(sql(`SELECT id FROM credit_records WHERE doc_no = '${doc}'`));
	const noReason = await c.postWithCsrf(`/staff/records/${id}`, {
		uscc: HUQIU, item: 'admin_penalty', agency: '苏州市测试局', doc_no: doc, decided_on: cstDate(-10),
		summary: '更正后的内容', is_public: '0',
	}, `/staff/records/${id}/edit`);
	assert.equal(noReason.status, 422, 'a correction needs a reason');
	const fixed = await c.postWithCsrf(`/staff/records/${id}`, {
		uscc: HUQIU, item: 'admin_penalty', agency: '苏州市测试局', doc_no: doc, decided_on: cstDate(-10),
		summary: '更正后的内容', is_public: '0', reason: '原文书摘要有误',
	}, `/staff/records/${id}/edit`);
	assert.equal(fixed.status, 303, errorText(fixed.text));
	assert.equal(sql(`SELECT CONCAT(summary, '|', is_public) FROM credit_records WHERE id = ${id}`), '更正后的内容|0');
	assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'update' ORDER BY id DESC LIMIT 1`), /原文书摘要有误/);
	const publicView = await new Client().get(`/entity/${HUQIU}`);
	assert.ok(!publicView.text.includes(doc), 'now non-public');
	const badDates = await c.postWithCsrf('/staff/records', {
		uscc: HUQIU, item: 'admin_penalty', agency: '苏州市测试局', doc_no: uniq('X-'), decided_on: cstDate(-1),
		ended_on: cstDate(-5), summary: '终止早于决定', is_public: '1',
	}, '/staff/records/new');
	assert.equal(badDates.status, 422);
	const unknownItem = await c.postWithCsrf('/staff/records', {
		uscc: HUQIU, item: 'not_in_catalog', agency: '苏州市测试局', doc_no: uniq('X-'), decided_on: cstDate(-1),
		summary: '目录外事项', is_public: '1',
	}, '/staff/records/new');
	assert.equal(unknownItem.status, 422, 'nothing outside the catalog is collected (Art. 11)');
});

function upload(c, kind, bytes, filename = 'list.csv') {
	return uploadCsv(c, '/staff/import', bytes, { fields: { kind }, name: filename });
}

test('a subject import with bad rows lists every one and writes nothing', async () => {
	const c = await login('staff');
	const before = sql('SELECT COUNT(*) FROM subjects');
	const good = freshUscc();
	const csv = '\ufeffuscc,name,district\r\n' +
		`${good},导入测试甲,吴江区\r\n` +
		'91320506AY4CL12THL,已存在,吴中区\r\n' +
		'9132050,太短,吴中区\r\n' +
		`${good},重复行,吴江区\r\n` +
		',没有代码,\r\n';
	const r = await upload(c, 'subjects', Buffer.from(csv, 'utf8'));
	assert.equal(r.status, 422);
	const lines = [...r.text.matchAll(/<tr><td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
	assert.deepEqual(lines, [3, 4, 5, 6]);
	assert.equal(sql('SELECT COUNT(*) FROM subjects'), before, 'nothing half-saved');
});

test('a GB18030 subject import and a record import go in whole', async () => {
	const c = await login('staff');
	const a = freshUscc();
	let b = freshUscc();
	while (b === a) b = freshUscc();
	const text = '统一社会信用代码,名称,所属区县,成立日期\r\n' +
		`${a},导入测试乙有限公司,常熟市,2019-05-01\r\n${b},导入测试丙有限公司,常熟市,\r\n`;
	const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
	const r = await upload(c, 'subjects', gb);
	assert.equal(r.status, 200, r.text.slice(0, 300));
	assert.match(r.text, /id="import-done"/);
	assert.match(r.text, /GB18030/);
	assert.equal(sql(`SELECT name FROM subjects WHERE uscc = '${a}'`), '导入测试乙有限公司');
	const doc = uniq('IMP-');
	const rec = `uscc,item,agency,doc_no,decided_on,ended_on,summary,is_public\n` +
		`${a},tax_arrears,国家税务总局常熟市税务局,${doc},${cstDate(-40)},${cstDate(-20)},"欠缴税款，已补缴",1\n` +
		`${b},honour_award,常熟市人民政府,${doc}-2,${cstDate(-40)},,表彰,1\n`;
	const rr = await upload(c, 'records', Buffer.from(rec, 'utf8'));
	assert.equal(rr.status, 200, rr.text.slice(0, 300));
	assert.equal(sql(`SELECT COUNT(*) FROM credit_records WHERE doc_no LIKE '${doc}%'`), '2');
	const bad = `uscc,item,agency,doc_no,decided_on,summary\n${a},no_such_item,x局,${doc}-3,${cstDate(-1)},摘要\n`;
	const br = await upload(c, 'records', Buffer.from(bad, 'utf8'));
	assert.equal(br.status, 422);
	assert.equal(sql(`SELECT COUNT(*) FROM credit_records WHERE doc_no = '${doc}-3'`), '0');
});

test('the example files in docs/examples import as the README documents', async () => {
	const { readFileSync } = await import('node:fs');
	const c = await login('staff');
	const exists = sql(`SELECT COUNT(*) FROM subjects WHERE uscc IN ('91320585MA00000014', '91320585MA00000027')`);
	if (exists === '0') {
		const s = await upload(c, 'subjects', readFileSync(`${ROOT}/docs/examples/subjects.csv`));
		assert.equal(s.status, 200, s.text.slice(0, 400));
	}
	const before = Number(sql('SELECT COUNT(*) FROM credit_records'));
	const r = await upload(c, 'records', readFileSync(`${ROOT}/docs/examples/records.csv`));
	assert.equal(r.status, 200, r.text.slice(0, 400));
	assert.equal(Number(sql('SELECT COUNT(*) FROM credit_records')), before + 3);
});

test('the enterprise sees from which day a recent record can be repaired, and no repair link before it', async () => {
	const sid = subjectId(WUZHONG);
	const doc = uniq('RECENT-');
	sql(`INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, summary, is_public, created_at, updated_at)
	     SELECT ${sid}, id, 'test', ${q(doc)}, ${q(cstDate(-10))}, 'recent penalty', 1, 0, 0 FROM catalog_items WHERE code = 'admin_penalty'`);
	const id = Number(sql(`SELECT id FROM credit_records WHERE doc_no = ${q(doc)}`));
	try {
		const c = await login('enterprise');
		const r = await c.get(`/entity/${WUZHONG}`);
		const row = r.text.slice(r.text.indexOf(`id="record-${id}"`), r.text.indexOf('</tr>', r.text.indexOf(`id="record-${id}"`)));
		assert.match(row, new RegExp(`class="hint repair-from">（[^<]*${cstDate(80)}`), 'decided 10 days ago + 90 days');
		assert.doesNotMatch(row, /repair-link/);
	} finally {
		sql(`DELETE FROM credit_records WHERE id = ${id}`);
	}
});
