// assoc.test.mjs — industry association ratings (issue 5, Art. 27): the
// dashboard, scales, entry by form and by CSV (all rows or none, every bad
// row named), supersede keeps history, cross-association 403 (guessed ids
// too), the public certificate check and what the profile shows to whom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client, login, sql, q, str, errorText, byId, uniq, newUscc, importErrors, uploadCsv } from './lib.mjs';

const WUZHONG = '91320506AY4CL12THL';   // subject 1: member 1 of association 1, the enterprise login
const HUQIU = '913205053BJ1XG612A';     // subject 2: member of no association in the demo
const XIANGCHENG = '91320507DD272HD1TH'; // subject 3: member 2, current B, superseded BBB
const YUANQU = '91320571JJC171HU49';    // subject 5: member 3, AAA expiring within 30 days
const KUNSHAN = '913205839D4H3J9HT5';   // subject 6: member 4, not rated in the demo
const GUSU = '91320508J3Y7LLJY1F';      // subject 4: registered, member of nothing

let other;        // login of association 2 (created here)
let otherMember;  // a member id of association 2

function addDays(iso, n) {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}
function today() {
	return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
}
/** A start date after every rating of the member so far (supersede rule). */
function nextFrom(uscc, assoc = 1) {
	const last = sql(`SELECT IFNULL(DATE_FORMAT(MAX(r.valid_from), '%Y-%m-%d'), '') FROM ratings r
	                  JOIN subjects s ON s.id = r.subject_id WHERE s.uscc = ${q(uscc)} AND r.association_id = ${assoc}`);
	const t = today();
	return last === '' || last < t ? t : addDays(last, 1);
}
function ratingCount() {
	return Number(sql('SELECT COUNT(*) FROM ratings'));
}
function currentOf(uscc, assoc = 1) {
	return sql(`SELECT CONCAT(r.id, ' ', l.code, ' ', r.cert_no) FROM ratings r JOIN subjects s ON s.id = r.subject_id
	            JOIN rating_levels l ON l.id = r.level_id
	            WHERE s.uscc = ${q(uscc)} AND r.association_id = ${assoc} AND r.status = 'current'`);
}

function upload(c, csv, fields = {}, { name = 'ratings.csv' } = {}) {
	return uploadCsv(c, '/assoc/import', csv, { fields, name });
}

before(async () => {
	const name = uniq('assoc2_');
	sql(`INSERT INTO users (login, display_name, role, password_hash, association_id, created_at)
	     SELECT ${q(name)}, 'Textile test', 'association', password_hash, 2, UNIX_TIMESTAMP()
	     FROM users WHERE login = 'staff'`);
	other = { name, c: await login(name) };
	// Association 2 gets a member (subject 2) through its own form.
	const have = sql(`SELECT id FROM association_members WHERE association_id = 2 AND subject_id = 2`);
	if (have === '') {
		const r = await other.c.postWithCsrf('/assoc/members', { uscc: HUQIU, joined_on: '2020-01-01', member_level: '会员' }, '/assoc');
		assert.equal(r.status, 303, errorText(r.text));
	}
	otherMember = Number(sql(`SELECT id FROM association_members WHERE association_id = 2 AND subject_id = 2`));
});

after(() => {
	sql(`DELETE FROM login_failures WHERE login = ${q(other.name)}; DELETE FROM users WHERE login = ${q(other.name)}`);
});

test('the dashboard lists members with current levels, expiring ratings and the distribution', async () => {
	const a = await login('association');
	const r = await a.get('/assoc');
	assert.equal(r.status, 200, errorText(r.text));
	assert.match(byId(r.text, 'assoc-name'), /苏州市机械工业协会/);
	const members = byId(r.text, 'members');
	for (const n of ['苏州吴中精密机械有限公司', '苏州相城绿色建材股份有限公司', '苏州工业园区微电子科技有限公司', '昆山化工新材料有限公司'])
		assert.ok(members.includes(n), n);
	assert.doesNotMatch(members, /苏州虎丘纺织印染/, 'another association\'s member is not listed');
	assert.match(byId(r.text, 'expiring'), /苏州工业园区微电子科技有限公司/);
	assert.match(r.text, /data-level="AAA">\d+</);
	assert.match(r.text, /href="\/assoc"[^>]*aria-current="page"/, 'the nav link for the association role');
});

test('a member must be a registered subject and is added once', async () => {
	const a = await login('association');
	const bad = await a.postWithCsrf('/assoc/members', { uscc: '91320500MA1XXXXX0X', joined_on: '2020-01-01', member_level: '会员' }, '/assoc');
	assert.equal(bad.status, 422);
	const unknown = await a.postWithCsrf('/assoc/members', { uscc: '913205001234567890', joined_on: '2020-01-01', member_level: '会员' }, '/assoc');
	assert.equal(unknown.status, 422);
	const dup = await a.postWithCsrf('/assoc/members', { uscc: WUZHONG, joined_on: '2020-01-01', member_level: '会员' }, '/assoc');
	assert.equal(dup.status, 422);
	assert.match(dup.text, new RegExp(str('zh-CN', 'Assoc.err.member_exists')));
});

test('a CSV with bad rows imports nothing and names every bad row with its reason', async () => {
	const a = await login('association');
	const from = nextFrom(KUNSHAN);
	const cur = nextFrom(XIANGCHENG);
	const before = ratingCount();
	const csv = [
		'uscc,level,valid_from,valid_to,basis,measures',
		`${KUNSHAN},AA,${from},,年度评价,重点推荐`,                         // 2 fine on its own
		`91320506AY4CL12THX,AA,${from},,年度评价,`,                          // 3 invalid USCC
		`${GUSU},AA,${from},,年度评价,`,                                     // 4 not a member
		`${HUQIU},AA,${from},,年度评价,`,                                    // 5 another association's member
		`${KUNSHAN},AAAA,${addDays(from, 2000)},,年度评价,`,                 // 6 level not on the scale
		`${KUNSHAN},A,${addDays(from, 3000)},${addDays(from, 2999)},年度评价,`, // 7 ends before it starts
		`${KUNSHAN},A,${addDays(from, 100)},,年度评价,`,                     // 8 overlaps row 2
		`${KUNSHAN},AA,${from},,年度评价,重点推荐`,                          // 9 duplicates row 2
		`${XIANGCHENG},A,${addDays(cur, -400)},${addDays(cur, -300)},复评,`, // 10 overlaps the current rating
		`${XIANGCHENG},A,${cur},,复评,罚款`,                                 // 11 unknown measure
		`${XIANGCHENG},A,${cur},,复评,`,                                     // 12 supersedes without a reason
	].join('\n') + '\n';
	const r = await upload(a, csv);
	assert.equal(r.status, 422, errorText(r.text));
	const errs = importErrors(r.text);
	const reasons = new Map(errs.map(([l, , why]) => [l, why]));
	const zh = (k) => str('zh-CN', k);
	// Row 2 is fine on a fresh database; on a rerun it would supersede
	// the rating the next test entered, and then it needs the reason too.
	const rerun = currentOf(KUNSHAN) !== '';
	if (rerun) assert.equal(reasons.get(2), zh('Assoc.err.reason'));
	else assert.equal(reasons.has(2), false, 'row 2 is fine');
	assert.equal(reasons.get(3), zh('Err.uscc.check'));
	assert.equal(reasons.get(4), zh('Assoc.err.not_member'));
	assert.equal(reasons.get(5), zh('Assoc.err.not_member'));
	assert.equal(reasons.get(6), zh('Assoc.err.level'));
	assert.equal(reasons.get(7), zh('Assoc.err.to_before_from'));
	assert.equal(reasons.get(8), zh('Assoc.err.overlap_file'));
	assert.equal(reasons.get(9), zh('Assoc.err.duplicate_row'));
	assert.equal(reasons.get(10), zh('Assoc.err.overlap_current'));
	assert.equal(reasons.get(11), zh('Assoc.err.measure'));
	assert.equal(reasons.get(12), zh('Assoc.err.reason'));
	assert.equal(errs.length, rerun ? 11 : 10);
	assert.equal(ratingCount(), before, 'nothing was written');
});

test('a good CSV (Excel UTF-8 with BOM, CRLF, Chinese header) goes in whole, superseding with the reason', async () => {
	const a = await login('association');
	const f6 = nextFrom(KUNSHAN);
	const f3 = nextFrom(XIANGCHENG);
	const old3 = currentOf(XIANGCHENG).split(' ');
	const csv = '\uFEFF统一社会信用代码,信用等级,有效期起,有效期止,评价依据,奖惩措施\r\n' +
		`${KUNSHAN},bbb,${f6},,"2025年度评价,含安全生产","业内警告;通报批评"\r\n` +
		'\r\n' +
		`${XIANGCHENG.toLowerCase()},A,${f3},${addDays(f3, 365)},整改完成后复评,提升会员级别\r\n`;
	const reason = uniq('复评升级');
	const r = await upload(a, csv, { reason });
	assert.equal(r.status, 200, errorText(r.text) + JSON.stringify(importErrors(r.text)));
	assert.match(byId(r.text, 'import-done'), /2/);
	const [id6, lvl6, cert6] = currentOf(KUNSHAN).split(' ');
	assert.equal(lvl6, 'BBB');
	assert.match(cert6, new RegExp(`^${f6.slice(0, 4)}001222\\d{5}$`), 'year, association 001, BBB = 222, serial');
	assert.equal(sql(`SELECT CONCAT(valid_to, ' ', measures) FROM ratings WHERE id = ${id6}`),
		`${addDays(addDays(f6, 0).replace(/^(\d{4})/, (y) => String(Number(y) + 3)), -1)} warning,criticism`);
	const [id3, lvl3] = currentOf(XIANGCHENG).split(' ');
	assert.equal(lvl3, 'A');
	// The earlier rating stays, marked with who replaced it and why.
	assert.equal(sql(`SELECT CONCAT(status, ' ', superseded_by, ' ', supersede_reason, ' ', supersede_user) FROM ratings WHERE id = ${old3[0]}`),
		`superseded ${id3} ${reason} ${sql("SELECT id FROM users WHERE login = 'association'")}`);
	assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'rating_supersede' ORDER BY id DESC LIMIT 1`), new RegExp(reason));
	// The member page shows both, the old one with the reason.
	const m = await a.get(`/assoc/ratings/${id3}`);
	assert.equal(m.status, 200);
	assert.match(m.text, new RegExp(`id="rating-${old3[0]}" class="rating superseded"`));
	assert.match(m.text, new RegExp(reason));
});

test('the form enters a rating; superseding needs a reason; a level in use cannot be removed', async () => {
	const a = await login('association');
	const member = Number(sql(`SELECT id FROM association_members WHERE association_id = 1 AND subject_id = 1`));
	const from = nextFrom(WUZHONG);
	const page = `/assoc/members/${member}`;
	const noReason = await a.postWithCsrf(`${page}/ratings`, { level: 'AAA', valid_from: from, basis: '年度评价' }, page);
	assert.equal(noReason.status, 422);
	assert.match(noReason.text, new RegExp(str('zh-CN', 'Assoc.err.reason')));
	const ok = await a.postWithCsrf(`${page}/ratings`, { level: 'AAA', valid_from: from, basis: '年度评价', m_recommend: '1', reason: '年度复评' }, page);
	assert.equal(ok.status, 303, errorText(ok.text));
	assert.match(ok.location, /^\/assoc\/ratings\/\d+$/);
	assert.match(currentOf(WUZHONG), / AAA /);
	const used = sql(`SELECT id FROM rating_levels WHERE association_id = 1 AND code = 'AAA'`);
	const rm = await a.postWithCsrf(`/assoc/scale/levels/${used}/remove`, {}, '/assoc/scale');
	assert.equal(rm.status, 409);
	assert.equal(sql(`SELECT COUNT(*) FROM rating_levels WHERE id = ${used}`), '1');
});

test('scales: a preset for an empty scale, appended levels, unused levels removable', async () => {
	const c = other.c;
	if (sql('SELECT COUNT(*) FROM rating_levels WHERE association_id = 2') === '0') {
		const r = await c.postWithCsrf('/assoc/scale/preset', { preset: 'grade4' }, '/assoc/scale');
		assert.equal(r.status, 303, errorText(r.text));
	}
	assert.equal(sql("SELECT GROUP_CONCAT(CONCAT(code, '=', grade_code) ORDER BY rank_no) FROM rating_levels WHERE association_id = 2 AND rank_no <= 4"),
		'一级=901,二级=902,三级=903,四级=904');
	const again = await c.postWithCsrf('/assoc/scale/preset', { preset: 'pilot9' }, '/assoc/scale');
	assert.equal(again.status, 422);
	const code = uniq('L').slice(0, 20);
	const add = await c.postWithCsrf('/assoc/scale/levels', { code, description: '临时等级' }, '/assoc/scale');
	assert.equal(add.status, 303, errorText(add.text));
	const id = sql(`SELECT id FROM rating_levels WHERE association_id = 2 AND code = ${q(code)}`);
	const rm = await c.postWithCsrf(`/assoc/scale/levels/${id}/remove`, {}, '/assoc/scale');
	assert.equal(rm.status, 303);
	assert.equal(sql(`SELECT COUNT(*) FROM rating_levels WHERE id = ${id}`), '0');
});

test('an association reaches only its own members and ratings: others and guessed ids get 403', async () => {
	const a = await login('association');
	// Association 2 rates its member so it has a rating to guess at.
	const from = nextFrom(HUQIU, 2);
	const hasCurrent = currentOf(HUQIU, 2) !== '';
	const r2 = await other.c.postWithCsrf(`/assoc/members/${otherMember}/ratings`,
		{ level: '二级', valid_from: from, basis: '年度评价', m_warning: '1', reason: hasCurrent ? '复评' : undefined },
		`/assoc/members/${otherMember}`);
	assert.equal(r2.status, 303, errorText(r2.text));
	const otherRating = Number(r2.location.split('/').pop());
	const otherLevel = sql(`SELECT id FROM rating_levels WHERE association_id = 2 ORDER BY id LIMIT 1`);
	const before = ratingCount();
	const refused = [
		await a.get(`/assoc/members/${otherMember}`),
		await a.get(`/assoc/ratings/${otherRating}`),
		await a.postWithCsrf(`/assoc/members/${otherMember}/ratings`, { level: 'AAA', valid_from: addDays(from, 1), basis: '越权', reason: '越权' }, '/assoc'),
		await a.postWithCsrf(`/assoc/scale/levels/${otherLevel}/remove`, {}, '/assoc'),
		await other.c.get('/assoc/members/1'),
		await other.c.get('/assoc/ratings/1'),
	];
	for (const r of refused) {
		assert.equal(r.status, 403);
		assert.equal(errorText(r.text), str('zh-CN', 'Err.forbidden'));
		assert.doesNotMatch(r.text, /苏州虎丘纺织印染|苏州吴中精密机械/, 'no data on the refusal');
	}
	// Guessed ids: every id that is not association 1's answers 403, existing or not.
	const own = new Set(sql('SELECT id FROM association_members WHERE association_id = 1').split('\n').map(Number));
	const ownR = new Set(sql('SELECT id FROM ratings WHERE association_id = 1').split('\n').map(Number));
	const maxId = Number(sql('SELECT GREATEST((SELECT MAX(id) FROM ratings), (SELECT MAX(id) FROM association_members))')) + 3;
	for (let id = 1; id <= maxId; id++) {
		const m = await a.get(`/assoc/members/${id}`);
		assert.equal(m.status, own.has(id) ? 200 : 403, `member ${id}`);
		const r = await a.get(`/assoc/ratings/${id}`);
		assert.equal(r.status, ownR.has(id) ? 200 : 403, `rating ${id}`);
	}
	assert.equal(ratingCount(), before, 'nothing written');
	// Other roles never reach the association pages.
	for (const role of ['enterprise', 'staff']) {
		const c = await login(role);
		assert.equal((await c.get('/assoc')).status, 403, role);
	}
});

test('the public certificate check tells genuine, valid, superseded, unknown and malformed apart', async () => {
	const c = new Client();
	const [, , cert] = currentOf(YUANQU).split(' ');
	const ok = await c.get('/cert?no=' + cert);
	assert.equal(ok.status, 200);
	assert.match(ok.text, /data-result="valid"/);
	assert.match(ok.text, /苏州工业园区微电子科技有限公司/);
	const spaced = await c.get('/cert?no=' + encodeURIComponent(`${cert.slice(0, 4)} ${cert.slice(4, 7)}-${cert.slice(7)}`));
	assert.match(spaced.text, /data-result="valid"/);
	const sup = sql("SELECT cert_no FROM ratings WHERE status = 'superseded' ORDER BY id LIMIT 1");
	assert.match((await c.get('/cert?no=' + sup)).text, /data-result="superseded"/);
	const unknown = await c.get('/cert?no=209999911199999');
	assert.equal(unknown.status, 200);
	assert.match(unknown.text, /data-result="unknown"/);
	const bad = await c.get('/cert?no=12345');
	assert.equal(bad.status, 422);
	assert.match(bad.text, /data-result="format"/);
	assert.match(sql("SELECT detail FROM audit_log WHERE action = 'cert_check' ORDER BY id DESC LIMIT 1"), new RegExp(sup));
});

test('the profile shows current ratings to everyone and the whole history to the enterprise itself', async () => {
	const pub = await new Client().get(`/entity/${XIANGCHENG}`);
	assert.equal(pub.status, 200);
	assert.match(pub.text, /id="ratings-current"/);
	assert.match(pub.text, /苏州市机械工业协会/);
	assert.doesNotMatch(pub.text, /id="ratings-history"/);
	assert.doesNotMatch(pub.text, /data-status="superseded"/, 'the public sees no superseded rating');
	// Subject 1's own account sees its history; the public does not.
	const e = await login('enterprise');
	const own = await e.get(`/entity/${WUZHONG}`);
	assert.match(own.text, /id="ratings-history"/);
	assert.match(own.text, /data-status="superseded"|data-status="current"/);
	assert.doesNotMatch((await new Client().get(`/entity/${WUZHONG}`)).text, /id="ratings-history"/);
	// Another enterprise's profile: no history for the enterprise login.
	assert.doesNotMatch((await e.get(`/entity/${XIANGCHENG}`)).text, /id="ratings-history"/);
});

test('staff register an association; a USCC is registered once', async () => {
	const s = await login('staff');
	const page = await s.get('/staff/associations');
	assert.equal(page.status, 200);
	assert.match(page.text, /苏州市纺织行业协会/);
	const dup = await s.postWithCsrf('/staff/associations', { name: '重复协会', uscc: '51320500MJ55512346' }, '/staff/associations');
	assert.equal(dup.status, 422);
	const badUscc = await s.postWithCsrf('/staff/associations', { name: '错误协会', uscc: '123' }, '/staff/associations');
	assert.equal(badUscc.status, 422);
});

test('staff and admin register associations (audited); no other role can; numbers stop at 999', async () => {
	const count = () => Number(sql('SELECT COUNT(*) FROM associations'));
	for (const role of ['staff', 'admin']) {
		const c = await login(role);
		const uscc = newUscc('51320500');
		const name = uniq(`测试协会${role}`);
		const r = await c.postWithCsrf('/staff/associations', { name, uscc, industry: '测试' }, '/staff/associations');
		assert.equal(r.status, 303, errorText(r.text));
		const [id, stored] = sql(`SELECT CONCAT(id, ' ', name) FROM associations WHERE uscc = ${q(uscc)}`).split(' ');
		assert.ok(Number(id) > 0, role);
		assert.equal(stored, name);
		assert.match(sql("SELECT detail FROM audit_log WHERE action = 'assoc_register' ORDER BY id DESC LIMIT 1"), new RegExp(`association ${id} registered`));
		assert.match((await c.get('/staff/associations')).text, new RegExp(name));
	}
	const before = count();
	for (const role of ['enterprise', 'association', 'env_agency']) {
		const c = await login(role);
		const r = await c.postWithCsrf('/staff/associations', { name: '越权协会', uscc: newUscc('51320500') }, '/me');
		assert.equal(r.status, 403, role);
	}
	assert.equal(count(), before, 'nothing registered by other roles');
	// The association number is 3 digits of every certificate: past 999 a
	// registration is refused, nothing is written.
	sql('ALTER TABLE associations AUTO_INCREMENT = 1000');
	try {
		const s = await login('staff');
		const full = await s.postWithCsrf('/staff/associations', { name: '第一千个协会', uscc: newUscc('51320500') }, '/staff/associations');
		assert.equal(full.status, 409);
		assert.match(byId(full.text, 'assoc-error'), new RegExp(str('zh-CN', 'Assoc.err.assoc_no_full')));
		assert.equal(count(), before);
	} finally {
		sql('ALTER TABLE associations AUTO_INCREMENT = 1');
	}
});
