// assoc_members.test.mjs — an association manages its scale and member list
// (issue 5): what each level means, a scale in use gains levels but keeps
// every level with ratings, a member's join date and level, the end of a
// membership (never a deletion: the history stays, no new rating by form or
// upload), the measure 取消会员资格 ending the membership with the rating,
// every change audited, and 403 for another association's rows (guessed ids
// too) with nothing changed. Each test works on enterprises it registers
// itself, so the demo members the other tests rely on stay members.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, login, sql, q, str, errorText, byId, uniq, newUscc, importErrors, uploadCsv } from './lib.mjs';

const zh = (k) => str('zh-CN', k);

let assoc1;       // the demo association (id 1)
let other;        // { name, c }: a login of association 2, created here

function today() {
	return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
}
function addDays(iso, n) {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}
function lastAudit(action) {
	return sql(`SELECT detail FROM audit_log WHERE action = ${q(action)} ORDER BY id DESC LIMIT 1`);
}
function memberRow(id) {
	return sql(`SELECT CONCAT_WS('|', DATE_FORMAT(joined_on, '%Y-%m-%d'), member_level,
	            IFNULL(DATE_FORMAT(ended_on, '%Y-%m-%d'), '-'), IFNULL(end_reason, '-'),
	            IFNULL(end_rating_id, 0), IFNULL(ended_by, 0))
	            FROM association_members WHERE id = ${Number(id)}`);
}
function ratingsOfMember(id) {
	return Number(sql(`SELECT COUNT(*) FROM ratings WHERE member_id = ${Number(id)}`));
}

/** Registers an enterprise and adds it through the association's form. */
async function newMember(c, { joined = '2020-01-01', level = '会员' } = {}) {
	const uscc = newUscc();
	const tag = uniq('').slice(-10);
	sql(`INSERT INTO subjects (uscc, name, kind, created_at)
	     VALUES (${q(uscc)}, '苏州测试会员企业${tag}有限公司', 'enterprise', UNIX_TIMESTAMP())`);
	const r = await c.postWithCsrf('/assoc/members', { uscc, joined_on: joined, member_level: level }, '/assoc');
	assert.equal(r.status, 303, errorText(r.text));
	const id = Number(r.location.split('/').pop());
	assert.ok(id > 0, r.location);
	return { uscc, id, subject: Number(sql(`SELECT id FROM subjects WHERE uscc = ${q(uscc)}`)) };
}

async function rate(c, member, fields) {
	const page = `/assoc/members/${member}`;
	return c.postWithCsrf(`${page}/ratings`, { level: 'A', valid_from: today(), basis: '年度会员信用评价', ...fields }, page);
}

function upload(c, csv, fields = {}) {
	return uploadCsv(c, '/assoc/import', csv, { fields, name: 'ratings.csv' });
}

before(async () => {
	assoc1 = await login('association');
	const name = uniq('assoc2m_');
	sql(`INSERT INTO users (login, display_name, role, password_hash, association_id, created_at)
	     SELECT ${q(name)}, 'Textile test', 'association', password_hash, 2, UNIX_TIMESTAMP()
	     FROM users WHERE login = 'staff'`);
	other = { name, c: await login(name) };
	if (sql('SELECT COUNT(*) FROM rating_levels WHERE association_id = 2') === '0') {
		const r = await other.c.postWithCsrf('/assoc/scale/preset', { preset: 'grade4' }, '/assoc/scale');
		assert.equal(r.status, 303, errorText(r.text));
	}
});

after(() => {
	sql(`DELETE FROM login_failures WHERE login = ${q(other.name)}; DELETE FROM users WHERE login = ${q(other.name)}`);
});

test('an association changes what a level of its scale means, in use or not; code and grade code stay', async () => {
	// BBB is in use (a superseded demo rating carries it).
	const [id, code, grade, old] = sql(`SELECT CONCAT_WS('|', id, code, grade_code, description) FROM rating_levels
	                                    WHERE association_id = 1 AND code = 'BBB'`).split('|');
	assert.ok(Number(sql(`SELECT COUNT(*) FROM ratings WHERE level_id = ${id}`)) > 0, 'BBB is in use');
	const desc = `信用一般（${uniq('修订')}）`;
	const r = await assoc1.postWithCsrf(`/assoc/scale/levels/${id}`, { description: `  ${desc}  ` }, '/assoc/scale');
	assert.equal(r.status, 303, errorText(r.text));
	assert.match(r.location, new RegExp(`^/assoc/scale#level-${id}$`));
	assert.equal(sql(`SELECT CONCAT_WS('|', code, grade_code, description) FROM rating_levels WHERE id = ${id}`),
		`${code}|${grade}|${desc}`, 'trimmed; code and grade code unchanged');
	const audit = lastAudit('scale');
	assert.ok(audit.includes(old) && audit.includes(desc), audit);
	const page = await assoc1.get('/assoc/scale');
	assert.match(page.text, new RegExp(`id="desc-${id}" name="description"[^>]* value="${desc.replace(/[()（）]/g, '.')}"`));

	// An empty description is refused with the reason next to the level.
	const empty = await assoc1.postWithCsrf(`/assoc/scale/levels/${id}`, { description: '   ' }, '/assoc/scale');
	assert.equal(empty.status, 422);
	assert.match(byId(empty.text, `err-desc-${id}`), new RegExp(zh('Err.field.required')));
	const long = await assoc1.postWithCsrf(`/assoc/scale/levels/${id}`, { description: '长'.repeat(301) }, '/assoc/scale');
	assert.equal(long.status, 422);
	assert.equal(sql(`SELECT description FROM rating_levels WHERE id = ${id}`), desc, 'unchanged');

	// Put the demo wording back.
	const back = await assoc1.postWithCsrf(`/assoc/scale/levels/${id}`, { description: old }, '/assoc/scale');
	assert.equal(back.status, 303);
	assert.equal(sql(`SELECT description FROM rating_levels WHERE id = ${id}`), old);
});

test('a scale in use gains levels at the bottom; no level with ratings (current or superseded) can be removed', async () => {
	const maxRank = Number(sql('SELECT MAX(rank_no) FROM rating_levels WHERE association_id = 1'));
	const code = uniq('X').slice(0, 20);
	const add = await assoc1.postWithCsrf('/assoc/scale/levels', { code, description: '临时增加的等级' }, '/assoc/scale');
	assert.equal(add.status, 303, errorText(add.text));
	const [lid, rank, grade] = sql(`SELECT CONCAT_WS('|', id, rank_no, grade_code) FROM rating_levels
	                                WHERE association_id = 1 AND code = ${q(code)}`).split('|');
	assert.equal(Number(rank), maxRank + 1, 'appended at the bottom');
	assert.equal(grade, `9${String(maxRank + 1).padStart(2, '0')}`);
	// Levels carried by a current rating (AA) and only by a superseded one.
	const superseded = sql(`SELECT l.id FROM rating_levels l WHERE l.association_id = 1
	                        AND EXISTS (SELECT 1 FROM ratings r WHERE r.level_id = l.id)
	                        AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.level_id = l.id AND r.status = 'current') LIMIT 1`);
	const current = sql(`SELECT id FROM rating_levels WHERE association_id = 1 AND code = 'AA'`);
	for (const used of [current, superseded].filter(Boolean)) {
		const rm = await assoc1.postWithCsrf(`/assoc/scale/levels/${used}/remove`, {}, '/assoc/scale');
		assert.equal(rm.status, 409, `level ${used}`);
		assert.equal(byId(rm.text, 'scale-error'), zh('Assoc.err.level_used'));
		assert.equal(sql(`SELECT COUNT(*) FROM rating_levels WHERE id = ${used}`), '1');
	}
	const rm = await assoc1.postWithCsrf(`/assoc/scale/levels/${lid}/remove`, {}, '/assoc/scale');
	assert.equal(rm.status, 303, 'an unused level goes');
	assert.equal(sql(`SELECT COUNT(*) FROM rating_levels WHERE id = ${lid}`), '0');
	// A preset never replaces a scale that exists.
	const preset = await assoc1.postWithCsrf('/assoc/scale/preset', { preset: 'common5' }, '/assoc/scale');
	assert.equal(preset.status, 422);
});

test('an association changes a member\'s join date and membership level; checked and audited', async () => {
	const m = await newMember(assoc1);
	const page = `/assoc/members/${m.id}`;
	const form = await assoc1.get(page);
	assert.equal(form.status, 200);
	assert.match(form.text, /id="f-joined_on" name="joined_on" type="date" value="2020-01-01"/);
	assert.match(form.text, /id="f-member_level" name="member_level" type="text" maxlength="50" value="会员"/);

	const ok = await assoc1.postWithCsrf(page, { joined_on: '2019-06-01', member_level: ' 理事单位 ' }, page);
	assert.equal(ok.status, 303, errorText(ok.text));
	assert.equal(ok.location, page);
	assert.match(memberRow(m.id), /^2019-06-01\|理事单位\|-\|/);
	assert.equal(sql(`SELECT updated_by FROM association_members WHERE id = ${m.id}`), sql("SELECT id FROM users WHERE login = 'association'"));
	const audit = sql(`SELECT CONCAT(subject_id, ' ', detail) FROM audit_log WHERE action = 'member_update' ORDER BY id DESC LIMIT 1`);
	assert.equal(audit, `${m.subject} member ${m.id} of association 1: joined 2019-06-01 (was 2020-01-01), membership level 理事单位 (was 会员)`);

	for (const bad of [
		{ joined_on: '2019-02-30', member_level: '会员' },
		{ joined_on: '2019-06-01', member_level: '' },
		{ joined_on: '2019-06-01', member_level: '级'.repeat(51) },
	]) {
		const r = await assoc1.postWithCsrf(page, bad, page);
		assert.equal(r.status, 422, JSON.stringify(bad));
	}
	assert.match(memberRow(m.id), /^2019-06-01\|理事单位\|/, 'unchanged by the refused forms');
	// The dashboard shows the new level.
	const dash = await assoc1.get('/assoc');
	assert.match(byId(dash.text, `member-${m.id}`), /理事单位/);
});

test('ending a membership keeps the history, refuses new ratings (form and upload), and is final', async () => {
	const m = await newMember(assoc1, { joined: '2021-03-01' });
	const page = `/assoc/members/${m.id}`;
	const first = await rate(assoc1, m.id, { level: 'A' });
	assert.equal(first.status, 303, errorText(first.text));
	const ratingId = Number(first.location.split('/').pop());

	for (const [fields, key] of [
		[{ ended_on: '2021-02-28', end_reason: '主动退会' }, 'Assoc.err.end_before_join'],
		[{ ended_on: addDays(today(), 1), end_reason: '主动退会' }, 'Assoc.err.end_future'],
		[{ ended_on: today(), end_reason: '' }, 'Err.field.required'],
	]) {
		const r = await assoc1.postWithCsrf(`${page}/end`, fields, page);
		assert.equal(r.status, 422, JSON.stringify(fields));
		assert.match(r.text, new RegExp(zh(key).replace(/[()（）]/g, '.')), key);
	}
	assert.match(memberRow(m.id), /\|-\|-\|0\|0$/, 'still a member');

	const reason = uniq('企业申请退会');
	const end = await assoc1.postWithCsrf(`${page}/end`, { ended_on: today(), end_reason: reason }, page);
	assert.equal(end.status, 303, errorText(end.text));
	assert.equal(end.location, page);
	const by = sql("SELECT id FROM users WHERE login = 'association'");
	assert.equal(memberRow(m.id).split('|').slice(2).join('|'), `${today()}|${reason}|0|${by}`);
	assert.equal(sql(`SELECT CONCAT(subject_id, ' ', detail) FROM audit_log WHERE action = 'member_end' ORDER BY id DESC LIMIT 1`),
		`${m.subject} membership ${m.id} of association 1 ended on ${today()}; reason: ${reason}`);

	// The page shows the end and the history, and offers no form.
	const p = await assoc1.get(page);
	assert.equal(p.status, 200);
	assert.match(byId(p.text, 'member-ended'), new RegExp(reason));
	assert.match(p.text, new RegExp(`id="rating-${ratingId}"`), 'the rating stays in the history');
	assert.doesNotMatch(p.text, /id="rating-form"|id="member-edit-form"|id="member-end-form"/);
	// The dashboard lists it with the former members, not the current ones.
	const dash = await assoc1.get('/assoc');
	assert.match(dash.text, new RegExp(`<tr id="member-${m.id}" class="former">`));
	assert.match(byId(dash.text, 'former-members'), new RegExp(reason));
	// The rating itself is untouched and still on the enterprise's profile.
	assert.equal(sql(`SELECT status FROM ratings WHERE id = ${ratingId}`), 'current');
	assert.match((await assoc1.get(`/entity/${m.uscc}`)).text, /id="ratings-current"[\s\S]*苏州市机械工业协会/);

	// No new rating by form...
	const before = ratingsOfMember(m.id);
	const again = await rate(assoc1, m.id, { level: 'AA', valid_from: addDays(today(), 1), reason: '复评' });
	assert.equal(again.status, 409);
	assert.equal(byId(again.text, 'member-error'), zh('Assoc.err.member_ended'));
	// ...nor by upload, where the row says why and nothing goes in.
	const csv = `uscc,level,valid_from,valid_to,basis,measures\n${m.uscc},AA,${addDays(today(), 2)},,年度评价,\n`;
	const up = await upload(assoc1, csv, { reason: '复评' });
	assert.equal(up.status, 422, errorText(up.text));
	assert.deepEqual(importErrors(up.text), [[2, 'uscc', zh('Assoc.err.former_member')]]);
	assert.equal(ratingsOfMember(m.id), before, 'nothing written');

	// An ended membership is not changed, ended twice or added again.
	const edit = await assoc1.postWithCsrf(page, { joined_on: '2020-01-01', member_level: '会员' }, page);
	assert.equal(edit.status, 409);
	const twice = await assoc1.postWithCsrf(`${page}/end`, { ended_on: today(), end_reason: '再次终止' }, page);
	assert.equal(twice.status, 409);
	const readd = await assoc1.postWithCsrf('/assoc/members', { uscc: m.uscc, joined_on: today(), member_level: '会员' }, '/assoc');
	assert.equal(readd.status, 422);
	assert.match(byId(readd.text, 'err-uscc'), new RegExp(zh('Assoc.err.member_former')));
	assert.equal(memberRow(m.id).split('|').slice(2).join('|'), `${today()}|${reason}|0|${by}`, 'unchanged');
	assert.equal(sql(`SELECT COUNT(*) FROM association_members WHERE association_id = 1 AND subject_id = ${m.subject}`), '1');
});

test('the measure 取消会员资格 ends the membership with the rating, by form and by upload', async () => {
	// By form: the membership ends the day the rating takes effect.
	const a = await newMember(assoc1);
	const from = today();
	const basis = uniq('严重违反协会章程');
	const r = await rate(assoc1, a.id, { level: 'C', valid_from: from, basis, m_expel: '1', m_criticism: '1' });
	assert.equal(r.status, 303, errorText(r.text));
	const rid = Number(r.location.split('/').pop());
	const by = sql("SELECT id FROM users WHERE login = 'association'");
	assert.equal(memberRow(a.id).split('|').slice(2).join('|'), `${from}|${basis}|${rid}|${by}`);
	assert.equal(sql(`SELECT measures FROM ratings WHERE id = ${rid}`), 'criticism,expel');
	const cert = sql(`SELECT cert_no FROM ratings WHERE id = ${rid}`);
	assert.match(lastAudit('member_end'), new RegExp(`membership ${a.id} of association 1 ended on ${from} by the measure expel .* of rating ${rid} \\(certificate ${cert}\\)`));
	const p = await assoc1.get(`/assoc/members/${a.id}`);
	assert.match(byId(p.text, 'member-ended'), new RegExp(cert));
	assert.doesNotMatch(p.text, /id="rating-form"/);

	// By upload: a row with the measure ends its member's membership.
	const b = await newMember(assoc1);
	const c = await newMember(assoc1);
	const okCsv = '统一社会信用代码,信用等级,有效期起,有效期止,评价依据,奖惩措施\n' +
		`${b.uscc},CC,${from},,拒不整改,业内警告；取消会员资格\n` +
		`${c.uscc},A,${from},,年度评价,\n`;
	const ok = await upload(assoc1, okCsv);
	assert.equal(ok.status, 200, errorText(ok.text) + JSON.stringify(importErrors(ok.text)));
	const bRating = sql(`SELECT id FROM ratings WHERE member_id = ${b.id}`);
	assert.equal(memberRow(b.id).split('|').slice(2).join('|'), `${from}|拒不整改|${bRating}|${by}`);
	assert.match(memberRow(c.id), /\|-\|-\|0\|0$/, 'the other row leaves its member a member');

	// Nothing may follow the measure in one file; then nothing goes in.
	const d = await newMember(assoc1);
	const badCsv = 'uscc,level,valid_from,valid_to,basis,measures\n' +
		`${d.uscc},A,${addDays(from, 400)},,复评,\n` +
		`${d.uscc},C,${from},${addDays(from, 30)},违反章程,expel\n`;
	const bad = await upload(assoc1, badCsv, { reason: '复评' });
	assert.equal(bad.status, 422);
	assert.deepEqual(importErrors(bad.text), [[3, 'measures', zh('Assoc.err.after_expel')]]);
	assert.equal(ratingsOfMember(d.id), 0, 'nothing written');
	assert.match(memberRow(d.id), /\|-\|-\|0\|0$/, 'still a member');
});

test('another association\'s members and levels, and guessed ids, answer 403 and change nothing', async () => {
	const mine = await newMember(other.c, { level: '理事单位' });
	const otherLevel = sql('SELECT id FROM rating_levels WHERE association_id = 2 ORDER BY rank_no LIMIT 1');
	const snapshot = () => [
		sql(`SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', id, joined_on, member_level, IFNULL(ended_on, ''), IFNULL(end_reason, ''))
		     ORDER BY id)) FROM association_members`),
		sql(`SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', id, description) ORDER BY id)) FROM rating_levels`),
		sql('SELECT COUNT(*) FROM audit_log WHERE action IN (\'member_update\', \'member_end\', \'scale\')'),
	];
	const before = snapshot();
	const refused = [
		await assoc1.postWithCsrf(`/assoc/members/${mine.id}`, { joined_on: '2000-01-01', member_level: '越权' }, '/assoc'),
		await assoc1.postWithCsrf(`/assoc/members/${mine.id}/end`, { ended_on: today(), end_reason: '越权终止' }, '/assoc'),
		await assoc1.postWithCsrf(`/assoc/scale/levels/${otherLevel}`, { description: '越权修改' }, '/assoc/scale'),
		await other.c.postWithCsrf('/assoc/members/1', { joined_on: '2000-01-01', member_level: '越权' }, '/assoc'),
		await other.c.postWithCsrf('/assoc/members/1/end', { ended_on: today(), end_reason: '越权终止' }, '/assoc'),
		await other.c.postWithCsrf(`/assoc/scale/levels/${sql("SELECT id FROM rating_levels WHERE association_id = 1 AND code = 'AAA'")}`,
			{ description: '越权修改' }, '/assoc/scale'),
		// Invalid input changes nothing about the answer: ownership first.
		await assoc1.postWithCsrf(`/assoc/members/${mine.id}/end`, { ended_on: 'x', end_reason: '' }, '/assoc'),
	];
	for (const r of refused) {
		assert.equal(r.status, 403);
		assert.equal(errorText(r.text), zh('Err.forbidden'));
		assert.doesNotMatch(r.text, /测试会员企业|苏州吴中精密机械|理事单位/, 'no data on the refusal');
	}
	// Guessed ids: every member and level id that is not association 1's,
	// existing or not, answers 403 to a valid form.
	const own = new Set(sql('SELECT id FROM association_members WHERE association_id = 1').split('\n').map(Number));
	const ownL = new Set(sql('SELECT id FROM rating_levels WHERE association_id = 1').split('\n').map(Number));
	const maxM = Number(sql('SELECT MAX(id) FROM association_members')) + 3;
	const maxL = Number(sql('SELECT MAX(id) FROM rating_levels')) + 3;
	for (let id = 1; id <= maxM; id++) {
		if (own.has(id)) continue;
		const e = await assoc1.postWithCsrf(`/assoc/members/${id}`, { joined_on: '2000-01-01', member_level: '越权' }, '/assoc');
		assert.equal(e.status, 403, `edit member ${id}`);
		const x = await assoc1.postWithCsrf(`/assoc/members/${id}/end`, { ended_on: today(), end_reason: '越权终止' }, '/assoc');
		assert.equal(x.status, 403, `end member ${id}`);
	}
	for (let id = 1; id <= maxL; id++) {
		if (ownL.has(id)) continue;
		const l = await assoc1.postWithCsrf(`/assoc/scale/levels/${id}`, { description: '越权修改' }, '/assoc/scale');
		assert.equal(l.status, 403, `level ${id}`);
	}
	assert.equal((await assoc1.postWithCsrf('/assoc/members/999999999/end', { ended_on: today(), end_reason: '越权终止' }, '/assoc')).status, 403);
	assert.equal((await assoc1.postWithCsrf('/assoc/scale/levels/999999999', { description: '越权修改' }, '/assoc')).status, 403);
	assert.deepEqual(snapshot(), before, 'no membership, level or audit row changed');
	// The other roles never reach these routes.
	for (const role of ['enterprise', 'staff']) {
		const c = await login(role);
		const r = await c.postWithCsrf(`/assoc/members/${mine.id}/end`, { ended_on: today(), end_reason: '越权终止' }, '/');
		assert.equal(r.status, 403, role);
	}
	assert.deepEqual(snapshot(), before);
});

test('a CSV saved by Excel in GB18030 goes in; the certificate check tells expired and not yet in force apart', async () => {
	// Association 2 uses the 一级…四级 scale: Chinese header, levels and
	// measures, all in GB18030 bytes as Excel saves a CSV on Chinese Windows.
	const old = await newMember(other.c, { joined: '2018-01-01' });
	const soon = await newMember(other.c);
	const later = addDays(today(), 400);
	const csv = '统一社会信用代码,信用等级,有效期起,有效期止,评价依据,奖惩措施\r\n' +
		`${old.uscc},四级,2019-01-01,2020-12-31,2019年度评价（已过期）,业内警告\r\n` +
		'\r\n' +
		`${soon.uscc},一级,${later},,"下一年度评价,提前评定",重点推荐；提升会员级别\r\n`;
	const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: csv });
	assert.notDeepEqual(gb, Buffer.from(csv, 'utf8'), 'the file really is GB18030');
	const r = await upload(other.c, gb);
	assert.equal(r.status, 200, errorText(r.text) + JSON.stringify(importErrors(r.text)));
	assert.match(byId(r.text, 'import-done'), /2/);
	const row = (m) => sql(`SELECT CONCAT_WS('|', l.code, DATE_FORMAT(r.valid_from, '%Y-%m-%d'), DATE_FORMAT(r.valid_to, '%Y-%m-%d'),
	                        r.basis, r.measures, r.cert_no) FROM ratings r JOIN rating_levels l ON l.id = r.level_id
	                        WHERE r.member_id = ${m.id} AND r.status = 'current'`).split('|');
	const [lvOld, , toOld, basisOld, mOld, certOld] = row(old);
	assert.deepEqual([lvOld, toOld, basisOld, mOld], ['四级', '2020-12-31', '2019年度评价（已过期）', 'warning']);
	assert.match(certOld, /^2019002904\d{5}$/, 'year 2019, association 002, 四级 = 904, serial');
	// Who entered it and when, on the rating itself.
	assert.equal(sql(`SELECT CONCAT(r.created_by = u.id, ' ', r.created_at > UNIX_TIMESTAMP() - 600) FROM ratings r
	                  JOIN users u ON u.login = ${q(other.name)} WHERE r.cert_no = ${q(certOld)}`), '1 1');
	const [lvSoon, , toSoon, basisSoon, mSoon, certSoon] = row(soon);
	assert.deepEqual([lvSoon, basisSoon, mSoon], ['一级', '下一年度评价,提前评定', 'recommend,promote']);
	assert.equal(toSoon, addDays(later.replace(/^\d{4}/, (y) => String(Number(y) + 3)), -1), '3 years less a day');
	assert.match(certSoon, new RegExp(`^${later.slice(0, 4)}002901\\d{5}$`));
	// The public certificate check: genuine, but expired / not yet in force.
	const anon = new Client();
	const exp = await anon.get('/cert?no=' + certOld);
	assert.equal(exp.status, 200);
	assert.match(exp.text, /data-result="expired"/);
	assert.match(exp.text, new RegExp(str('zh-CN', 'Cert.result.expired')));
	const pend = await anon.get('/cert?no=' + certSoon);
	assert.match(pend.text, /data-result="pending"/);
	assert.match(byId(pend.text, 'cert-level'), /一级/);
	// The public profile shows the rating in force or to come, with its
	// validity and measures; the expired one is no current rating.
	const prof = await anon.get(`/entity/${soon.uscc}`);
	assert.equal(prof.status, 200);
	const cur = byId(prof.text, 'ratings-current');
	assert.match(cur, /苏州市纺织行业协会/);
	assert.match(cur, new RegExp(`${later} – ${toSoon}`));
	assert.match(cur, /重点推荐/);
	assert.match(cur, /提升会员级别/);
	assert.doesNotMatch((await anon.get(`/entity/${old.uscc}`)).text, /id="ratings-current"/);
});
