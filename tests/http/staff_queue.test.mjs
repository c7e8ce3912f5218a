// staff_queue.test.mjs — the staff side of repairs and objections: the open
// and overdue counts in the navigation (staff and admin only, on every page),
// the queue filters (status, overdue, due this week), and deadlines counted
// on one calendar load per page, never one query per row.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, login, sql, str, byId, sleep } from './lib.mjs';
import { makeRecord, makeSubject, insertRepair, insertObjection, cstDay } from './requests_lib.mjs';

let staff, admin, ent, sid;

before(async () => {
	sid = Number(sql("SELECT subject_id FROM users WHERE login = 'enterprise'"));
	staff = await login('staff');
	admin = await login('admin');
	ent = await login('enterprise');
});

/** Prepared statements the server has run so far (every app query is one). */
const executed = () => Number(sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'").split('\t')[1]);

/** Statements one GET costs, and the page. Views are audited by a
 * background flusher (CREDIT_AUDIT_FLUSH_MS, 100 ms): let earlier ones land
 * first so that they are not counted here. */
async function cost(c, path) {
	await sleep(400);
	const n0 = executed();
	const r = await c.get(path);
	const n = executed() - n0;
	assert.equal(r.status, 200, path);
	return { n, r };
}

/** The counts the navigation must show, straight from the tables. */
function expected() {
	const today = cstDay(0);
	const [rn, rl] = sql(`SELECT COUNT(*), IFNULL(SUM(due_on < '${today}'), 0) FROM repair_applications
	                      WHERE status IN ('submitted','under_review')`).split('\t').map(Number);
	const [on, ol] = sql(`SELECT COUNT(*), IFNULL(SUM(IF(status = 'submitted', mark_due, decision_due) < '${today}'), 0)
	                      FROM objections WHERE status IN ('submitted','marked','forwarded')`).split('\t').map(Number);
	return { rn, rl, on, ol };
}

/** The <tr> of a queue row, or null. */
const row = (html, id) => (new RegExp(`<tr id="q-${id}"[\\s\\S]*?</tr>`).exec(html) || [null])[0];

test('queue and request pages count deadlines on one calendar load, not one query per row', async () => {
	// Twelve open requests of a subject of its own, deadlines spread over
	// two years (so a per-row count would have to look the calendar up
	// twelve times), oldest first so the staff queue lists them.
	const s = makeSubject();
	for (let i = 0; i < 12; i++) {
		const rec = makeRecord(s.sid);
		insertRepair(rec.id, s.sid, { due: cstDay(-700 + i * 60) });
		insertObjection(rec.id, s.sid, { status: i % 2 ? 'marked' : 'submitted', due: cstDay(-690 + i * 60) });
	}
	// The cheapest staff page: the session and the navigation's counts.
	const base = Math.min((await cost(staff, '/staff')).n, (await cost(staff, '/staff')).n);
	// A queue adds its list and one calendar load (+1 for an occasional session touch).
	for (const path of ['/staff/repairs', '/staff/objections', '/staff/repairs?due=overdue']) {
		const { n, r } = await cost(staff, path);
		assert.ok((r.text.match(/<tr id="q-/g) || []).length >= 12, path);
		assert.ok(n <= base + 3, `${path}: ${n} statements for a page, ${base} for /staff`);
	}
	// The applicant's list: both kinds, 24 rows, still a constant.
	const c = await login(s.login);
	const enterpriseBase = Math.min((await cost(c, '/me')).n, (await cost(c, '/me')).n);
	const { n, r } = await cost(c, '/me/requests');
	assert.equal((r.text.match(/<tr id="(repair|objection)-/g) || []).length, 24);
	assert.ok(n <= enterpriseBase + 5, `/me/requests: ${n} statements, /me ${enterpriseBase}`);
	// The deadlines are really counted: every one is overdue by working days.
	assert.equal((r.text.match(/class="overdue-tag"/g) || []).length, 24);
	// Out of the other tests' queues (and filters) again.
	sql(`DELETE FROM repair_applications WHERE subject_id = ${s.sid}`);
	sql(`DELETE FROM objections WHERE subject_id = ${s.sid}`);
});

test('a deadline in a year whose calendar is not loaded counts weekends only and says so', async () => {
	const s = makeSubject();
	const far = makeRecord(s.sid);
	const near = makeRecord(s.sid);
	const idFar = insertRepair(far.id, s.sid, { due: '2031-03-03' });
	const idNear = insertRepair(near.id, s.sid, { due: cstDay(1) });
	let r = await staff.get(`/staff/repairs/${idFar}`);
	assert.equal(r.status, 200);
	assert.equal(byId(r.text, 'req-due').includes(str('zh-CN', 'Req.assumed')), true);
	assert.match(byId(r.text, 'req-due'), /2031-03-03/);
	r = await staff.get(`/staff/repairs/${idNear}`);
	assert.equal(byId(r.text, 'req-due').includes(str('zh-CN', 'Req.assumed')), false);
	const c = await login(s.login);
	r = await c.get('/me/requests');
	const farRow = new RegExp(`<tr id="repair-${idFar}"[\\s\\S]*?</tr>`).exec(r.text)[0];
	const nearRow = new RegExp(`<tr id="repair-${idNear}"[\\s\\S]*?</tr>`).exec(r.text)[0];
	assert.match(farRow, new RegExp(str('zh-CN', 'Req.assumed')));
	assert.match(farRow, new RegExp(`${str('zh-CN', 'Req.left_before')} \\d+`));
	assert.doesNotMatch(nearRow, new RegExp(str('zh-CN', 'Req.assumed')));
});

test('staff and admin see open and overdue counts in the navigation on every page; other roles do not', async () => {
	// At least one overdue request of each kind.
	const rec = makeRecord(sid);
	insertRepair(rec.id, sid, { status: 'under_review', due: cstDay(-10) });
	insertObjection(rec.id, sid, { status: 'marked', due: cstDay(-10) });
	const want = expected();
	assert.ok(want.rl > 0 && want.ol > 0);
	const uscc = sql(`SELECT uscc FROM subjects WHERE id = ${sid}`);
	for (const c of [staff, admin]) {
		for (const path of ['/staff', '/staff/repairs', '/staff/objections', '/staff/records/new', '/', `/entity/${uscc}`, '/me']) {
			const r = await c.get(path);
			assert.equal(r.status, 200, path);
			assert.equal(byId(r.text, 'nav-n-repairs'), String(want.rn), path);
			assert.equal(byId(r.text, 'nav-n-objections'), String(want.on), path);
			assert.equal(byId(r.text, 'nav-late-repairs'), `${str('zh-CN', 'Nav.late')} ${want.rl}`, path);
			assert.equal(byId(r.text, 'nav-late-objections'), `${str('zh-CN', 'Nav.late')} ${want.ol}`, path);
		}
	}
	// The overdue link opens the filtered queue.
	let r = await staff.get('/staff');
	assert.match(r.text, /href="\/staff\/repairs\?due=overdue" class="nav-late"/);
	// A 404 page for staff still has its navigation.
	r = await staff.get('/staff/repairs/999999999');
	assert.equal(r.status, 404);
	assert.equal(byId(r.text, 'nav-n-repairs'), String(want.rn));
	// No counts for anyone else (and no queue links).
	const others = { enterprise: ent, association: await login('association'), env_agency: await login('env_agency'), anon: new Client() };
	for (const [role, c] of Object.entries(others)) {
		for (const path of ['/', '/me', `/entity/${uscc}`]) {
			r = await c.get(path);
			if (role === 'anon' && path === '/me') continue;
			assert.equal(r.status, 200, `${role} ${path}`);
			assert.doesNotMatch(r.text, /nav-n-repairs|nav-n-objections|nav-late-|href="\/staff\/repairs/, `${role} ${path}`);
		}
	}
	// Exactly one statement more for staff, none for anyone else.
	const least = async (c) => Math.min((await cost(c, '/')).n, (await cost(c, '/')).n);
	assert.equal(await least(staff), (await least(ent)) + 1);
	assert.equal(await least(others.association), await least(ent));
	// The counts follow the data: one more overdue repair.
	const extra = insertRepair(makeRecord(sid).id, sid, { due: cstDay(-3) });
	r = await staff.get('/staff');
	assert.equal(byId(r.text, 'nav-n-repairs'), String(want.rn + 1));
	assert.equal(byId(r.text, 'nav-late-repairs'), `${str('zh-CN', 'Nav.late')} ${want.rl + 1}`);
	// The queue page's tabs show the same counts.
	r = await staff.get('/staff/objections');
	assert.equal(byId(r.text, 'n-repairs'), String(want.rn + 1));
	assert.equal(byId(r.text, 'n-objections'), String(want.on));
	// Out of the other tests' queues again.
	sql(`DELETE FROM repair_applications WHERE record_id = ${rec.id} OR id = ${extra}`);
	sql(`DELETE FROM objections WHERE record_id = ${rec.id}`);
});

test('queue filters: status, overdue, due this week (repairs and objections)', async () => {
	const s = makeSubject();
	const mk = () => makeRecord(s.sid).id;
	const rep = {
		today: insertRepair(mk(), s.sid, { due: cstDay(0) }),
		late: insertRepair(mk(), s.sid, { status: 'under_review', due: cstDay(-3) }),
		later: insertRepair(mk(), s.sid, { due: cstDay(8) }),
		doneLate: insertRepair(mk(), s.sid, { status: 'approved', due: cstDay(-5) }),
		closed: insertRepair(mk(), s.sid, { status: 'closed', due: cstDay(-4) }),
	};
	const obj = {
		today: insertObjection(mk(), s.sid, { status: 'marked', due: cstDay(0) }),
		late: insertObjection(mk(), s.sid, { status: 'submitted', due: cstDay(-2) }),
		later: insertObjection(mk(), s.sid, { status: 'forwarded', due: cstDay(9) }),
		doneLate: insertObjection(mk(), s.sid, { status: 'decided', due: cstDay(-6) }),
		closed: insertObjection(mk(), s.sid, { status: 'closed', due: cstDay(-4) }),
	};
	const cases = [
		['due=overdue', ['late']],
		['due=week', ['today']],
		['status=under_review', ['late'], 'repair'],
		['status=approved', ['doneLate'], 'repair'],
		['status=marked', ['today'], 'objection'],
		['status=decided', ['doneLate'], 'objection'],
		['status=closed', ['closed']],
		['status=submitted&due=overdue', ['late'], 'objection'],
		['status=submitted&due=overdue', [], 'repair'],
	];
	for (const [kind, ids] of [['repair', rep], ['objection', obj]]) {
		const base = kind === 'repair' ? '/staff/repairs' : '/staff/objections';
		for (const [qs, want, only] of cases) {
			if (only && only !== kind) continue;
			const r = await staff.get(`${base}?${qs}`);
			assert.equal(r.status, 200, `${base}?${qs}`);
			for (const [name, id] of Object.entries(ids)) {
				assert.equal(row(r.text, id) !== null, want.includes(name), `${base}?${qs}: ${name} (#${id})`);
			}
		}
		// The overdue row is highlighted, and says by how many working days.
		let r = await staff.get(`${base}?due=overdue`);
		assert.match(row(r.text, ids.late), /class="overdue"/);
		assert.match(row(r.text, ids.late), /class="overdue-tag"/);
		r = await staff.get(`${base}?due=week`);
		assert.match(row(r.text, ids.today), new RegExp(str('zh-CN', 'Req.due_today')));
		// The filter keeps its choices on the page.
		r = await staff.get(`${base}?status=closed&due=week`);
		assert.match(r.text, /<option value="closed" selected>/);
		assert.match(r.text, /<option value="week" selected>/);
		// An unknown choice is refused, not ignored.
		for (const bad of ['status=bogus', 'due=tomorrow', kind === 'repair' ? 'status=marked' : 'status=approved']) {
			r = await staff.get(`${base}?${bad}`);
			assert.equal(r.status, 400, `${base}?${bad}`);
		}
	}
});
