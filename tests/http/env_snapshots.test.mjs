// env_snapshots.test.mjs — half-year red/black snapshots are immutable: a day
// produced again becomes a new version with who and why; earlier versions
// stay viewable exactly as they were, and every page says which is current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, login, sql, str, byId, errorText } from './lib.mjs';
import { newSubject, idOf, today, cnName } from './env_lib.mjs';

const ZH = (k) => str('zh-CN', k);

test('producing a day again makes version n+1 with its reason; the earlier version stays as it was', async () => {
	const env = await login('env_agency');
	const asOf = `${Number(today().slice(0, 4)) - 1}-12-31`;
	const have = Number(sql(`SELECT COUNT(*) FROM env_snapshots WHERE as_of = '${asOf}'`));
	let r;
	if (have === 0) {
		r = await env.postWithCsrf('/env/snapshots', { as_of: asOf }, '/env');
		assert.equal(r.status, 303, errorText(r.text));
	}
	const prev = Number(sql(`SELECT id FROM env_snapshots WHERE as_of = '${asOf}' ORDER BY version DESC LIMIT 1`));
	const prevVersion = Number(sql(`SELECT version FROM env_snapshots WHERE id = ${prev}`));
	const prevRows = sql(`SELECT GROUP_CONCAT(subject_id, grade ORDER BY subject_id) FROM env_snapshot_rows WHERE snapshot_id = ${prev}`);
	// Again without a reason: refused, nothing produced.
	r = await env.postWithCsrf('/env/snapshots', { as_of: asOf }, '/env');
	assert.equal(r.status, 422);
	assert.equal(byId(r.text, 'err-reason'), ZH('Env.err.snapshot_reason'));
	assert.equal(Number(sql(`SELECT MAX(version) FROM env_snapshots WHERE as_of = '${asOf}'`)), prevVersion);
	// A red enterprise whose round was published before that day, entered
	// late: the reason to produce the list again.
	const s = await newSubject(cnName('苏州补录'));
	sql(`INSERT INTO env_rounds (year, scope, period_from, period_to, status, publicity_from, publicity_to, published_on, created_at)
	     VALUES (${asOf.slice(0, 4)}, '补录范围', '${asOf.slice(0, 4)}-01-01', '${asOf}', 'published', '${asOf.slice(0, 4)}-11-01', '${asOf.slice(0, 4)}-11-15', '${asOf.slice(0, 4)}-12-01', UNIX_TIMESTAMP())`);
	sql(`INSERT INTO env_entries (round_id, subject_id, source, base_grade, grade, created_at, updated_at)
	     SELECT MAX(id), ${s.id}, 'import', 'red', 'red', UNIX_TIMESTAMP(), UNIX_TIMESTAMP() FROM env_rounds WHERE scope = '补录范围'`);
	r = await env.postWithCsrf('/env/snapshots', { as_of: asOf, reason: '补录漏报的红色企业' }, '/env');
	assert.equal(r.status, 303, errorText(r.text));
	const id = idOf(r.location);
	assert.equal(sql(`SELECT CONCAT(version, ' ', reason, ' ', created_by) FROM env_snapshots WHERE id = ${id}`),
		`${prevVersion + 1} 补录漏报的红色企业 ${sql("SELECT id FROM users WHERE login = 'envagency'")}`);
	assert.equal(sql(`SELECT grade FROM env_snapshot_rows WHERE snapshot_id = ${id} AND subject_id = ${s.id}`), 'red');
	// The earlier version is unchanged and says it was superseded.
	assert.equal(sql(`SELECT GROUP_CONCAT(subject_id, grade ORDER BY subject_id) FROM env_snapshot_rows WHERE snapshot_id = ${prev}`), prevRows);
	assert.equal(sql(`SELECT COUNT(*) FROM env_snapshot_rows WHERE snapshot_id = ${prev} AND subject_id = ${s.id}`), '0');
	const anon = new Client();
	const old = await anon.get(`/env/snapshots/${prev}`);
	assert.equal(old.status, 200);
	assert.match(old.text, /id="snapshot-version" data-version="\d+" data-current="0"/);
	assert.match(byId(old.text, 'snapshot-superseded'), new RegExp(`${prevVersion + 1}`));
	assert.doesNotMatch(old.text, new RegExp(`data-uscc="${s.uscc}"`));
	const cur = await anon.get(`/env/snapshots/${id}`);
	assert.match(cur.text, new RegExp(`id="snapshot-version" data-version="${prevVersion + 1}" data-current="1"`));
	assert.ok(byId(cur.text, 'snapshot-current'));
	assert.equal(byId(cur.text, 'snapshot-reason'), '补录漏报的红色企业');
	assert.match(cur.text, new RegExp(`data-uscc="${s.uscc}"`));
	// Every version is listed, the current one marked; the list of
	// snapshots names the current version of the day.
	assert.match(byId(cur.text, 'versions'), /补录漏报的红色企业/);
	assert.match(cur.text, new RegExp(`<a href="/env/snapshots/${prev}">${prevVersion}</a>`));
	const home = await anon.get('/env');
	assert.match(home.text, new RegExp(`data-snapshot="${id}"`));
	assert.doesNotMatch(home.text, new RegExp(`data-snapshot="${prev}"`));
	// Both CSVs stay downloadable, named by version.
	const csv = await anon.get(`/env/snapshots/${prev}/csv`);
	assert.match(csv.headers.get('content-disposition'), new RegExp(`-v${prevVersion}\\.csv`));
	assert.match((await anon.get(`/env/snapshots/${id}/csv`)).text, new RegExp(s.uscc));
	// The audit log says who produced which version and why.
	assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'env_snapshot' ORDER BY id DESC LIMIT 1`),
		new RegExp(`snapshot ${id} as of ${asOf}, version ${prevVersion + 1}; reason: 补录漏报的红色企业`));
});

test('snapshots are immutable for the application itself; only the agency and the admin produce them', async () => {
	const grants = sql("SHOW GRANTS FOR 'credit_app'@'localhost'");
	for (const t of ['env_snapshots', 'env_snapshot_rows', 'env_event_voids', 'env_events', 'env_grade_history']) {
		const line = grants.split('\n').find((l) => l.includes(`\`${t}\``));
		assert.ok(line, t);
		assert.doesNotMatch(line, /UPDATE|DELETE/, `${t}: ${line}`);
	}
	const asOf = `${Number(today().slice(0, 4)) - 1}-12-31`;
	for (const role of ['enterprise', 'association', 'staff']) {
		const c = await login(role);
		const r = await c.postWithCsrf('/env/snapshots', { as_of: asOf, reason: '越权生成' });
		assert.equal(r.status, 403, role);
	}
});
