// zz_disk_full.test.mjs — the disk fills up while an upload is being
// written. The test mounts small tmpfs file systems itself (make test runs
// as root): one over the proof store (CREDIT_VAR/uploads, mounted over the
// live folder, no restart) and one as the multipart spool (the app restarted
// with CREDIT_SPOOL pointing at it). A proof larger than the free space must
// give a readable 507 page in the page's language, leave no file (partial,
// temporary or the request's other files) and no row: no application, no
// uploads row, no audit row; after space is freed the same application goes
// through, so nothing half-saved blocks it. Every mount is removed and the
// app restarted as it was, also when a check fails. Named zz_ because it
// restarts the app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, statfsSync } from 'node:fs';
import {
	ROOT, TEST_VAR, Client, errorText, htmlLang, isLayoutPage, login, sha256hex, sql, q, str, uniq, waitFor,
} from './lib.mjs';
import { PNG, makeRecord, postMultipart } from './requests_lib.mjs';

const SMALL = '256k';                       // each tmpfs; the big proof is larger
const BIG = 400 * 1024;                     // > SMALL, > the 256 KiB spool threshold
const UPLOADS = realpathSync(`${TEST_VAR}/uploads`);
const SPOOL = `${realpathSync(TEST_VAR)}/spool-full`;
const DEFAULT_SPOOL = realpathSync(`${TEST_VAR}/tmp`);

/** A valid PDF of about `size` bytes whose content (and so SHA-256) is unique. */
function pdf(size, tag = uniq('pdf')) {
	const head = Buffer.from(`%PDF-1.4\n% ${tag}\n`);
	const tail = Buffer.from('\n%%EOF\n');
	const pad = Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x30);
	return Buffer.concat([head, pad, tail]);
}
const png = (tag = uniq('png')) => Buffer.concat([PNG, Buffer.from(tag)]);

function mounted(dir) {
	return readFileSync('/proc/self/mountinfo', 'utf8').split('\n')
		.some((l) => l.split(' ')[4] === dir);
}
function mountTmpfs(dir) {
	mkdirSync(dir, { recursive: true });
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SMALL},mode=0700`, 'tmpfs', dir],
			{ stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (e) {
		assert.fail(`cannot mount a tmpfs on ${dir} (the disk-full test needs root): ${e.stderr}`);
	}
	assert.ok(mounted(dir), `${dir} is a mount point`);
	const fs = statfsSync(dir);
	assert.ok(fs.bavail * fs.bsize < BIG, `free space on the tmpfs (${fs.bavail * fs.bsize}) < the proof`);
}
function umount(dir) {
	// -l: also when a process still has a file open there.
	while (mounted(dir)) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
}
/** Files on a tmpfs and its used blocks (a file unlinked but still open counts). */
function usage(dir) {
	const fs = statfsSync(dir);
	return { files: readdirSync(dir), usedBlocks: fs.blocks - fs.bfree };
}
function app(cmd, env = {}) {
	const e = { ...process.env, VAR: TEST_VAR, STACK_MODE: 'test', ...env };
	if (!('CREDIT_SPOOL' in env)) delete e.CREDIT_SPOOL;
	execFileSync('sh', [`${ROOT}/app/tools/stack.sh`, cmd], { env: e, stdio: 'ignore', timeout: 60_000 });
}
async function restartApp(env) {
	app('app-stop');
	app('app-start', env);
	assert.ok(await waitFor(async () => (await new Client().get('/')).status === 200, { timeout: 10_000 }),
		'the app serves again after the restart');
}
const spoolLeft = (dir) => readdirSync(dir).filter((f) => f.startsWith('upload-'));

let ent, sid, spoolRestarted = false;

before(async () => {
	sid = Number(sql("SELECT subject_id FROM users WHERE login = 'enterprise'"));
	ent = await login('enterprise');
});

after(async () => {
	umount(UPLOADS);
	if (spoolRestarted) await restartApp({});
	umount(SPOOL);
	try { rmdirSync(SPOOL); } catch { /* already gone */ }
});

/** Nothing of the application to record rec survived: rows and audit. */
function assertNothingSaved(kind, rec, files, what) {
	const table = kind === 'repair' ? 'repair_applications' : 'objections';
	assert.equal(sql(`SELECT COUNT(*) FROM ${table} WHERE record_id = ${rec.id}`), '0', `${what}: no ${table} row`);
	const shas = files.map((b) => q(sha256hex(b))).join(',');
	assert.equal(sql(`SELECT COUNT(*) FROM uploads WHERE sha256 IN (${shas})`), '0', `${what}: no uploads row`);
	const action = kind === 'repair' ? 'repair_apply' : 'objection';
	assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE action = ${q(action)} AND detail LIKE '%record #${rec.id} %'`),
		'0', `${what}: no audit row`);
}

function assertFullPage(r, lang, what) {
	assert.equal(r.status, 507, `${what}: 507 Insufficient Storage (${errorText(r.text)})`);
	assert.ok(isLayoutPage(r.text), `${what}: a page in the layout`);
	assert.equal(htmlLang(r.text), lang, `${what}: in the page's language`);
	assert.equal(errorText(r.text), str(lang, 'Err.upload.full'), `${what}: the message`);
	assert.doesNotMatch(r.text, /ENOSPC|No space|errno|\/tmp\/|\/work\/|uploads\//i, `${what}: no internals`);
}

test('the proof store fills up: 507 in the page language, no file, no row; after space is freed the same application goes through', async () => {
	const rec = makeRecord(sid);
	const files = { application: pdf(2000), commitment: png(), proof: pdf(BIG) };
	const form = () => ({
		application: [['申请书.pdf', files.application, 'application/pdf']],
		commitment: [['承诺书.png', files.commitment, 'image/png']],
		proof: [['完税证明.pdf', files.proof, 'application/pdf']],
	});
	const reason = '已缴清全部税款及滞纳金';
	mountTmpfs(UPLOADS);
	try {
		// The two small files fit and are written first; the proof does not.
		let r = await postMultipart(ent, '/me/repairs', { record: rec.id, reason }, form());
		assertFullPage(r, 'zh-CN', 'zh-CN');
		assert.deepEqual(usage(UPLOADS), { files: [], usedBlocks: 0 },
			'no partial proof, no temporary file, and the two small files written first were removed');
		assertNothingSaved('repair', rec, Object.values(files), 'zh-CN');

		const en = ent.clone();
		en.setCookie('lang', 'en');
		r = await postMultipart(en, '/me/repairs', { record: rec.id, reason }, form());
		assertFullPage(r, 'en', 'en');
		assert.deepEqual(usage(UPLOADS), { files: [], usedBlocks: 0 }, 'en: nothing left on the full disk');
		assertNothingSaved('repair', rec, Object.values(files), 'en');
		// The spooled copy of the request body is gone too.
		assert.ok(await waitFor(() => spoolLeft(DEFAULT_SPOOL).length === 0, { timeout: 3000, interval: 100 }),
			`no spooled part left in ${DEFAULT_SPOOL}`);
	} finally {
		umount(UPLOADS);
	}
	// Space is back: nothing half-saved (an open application) refuses it now.
	const r = await postMultipart(ent, '/me/repairs', { record: rec.id, reason }, form());
	assert.equal(r.status, 303, `the application after the disk was freed (${errorText(r.text)})`);
	const id = Number(sql(`SELECT id FROM repair_applications WHERE record_id = ${rec.id}`));
	assert.equal(sql(`SELECT COUNT(*) FROM request_files WHERE kind = 'repair' AND request_id = ${id}`), '3');
	for (const b of Object.values(files)) {
		assert.ok(readdirSync(UPLOADS).includes(sha256hex(b)), 'each file is in the store under its SHA-256');
	}
});

test('the upload spool fills up while the body is parsed: 507, nothing spooled or saved', async () => {
	const rec = makeRecord(sid, { daysAgo: 5 });
	const doc = pdf(BIG);
	mountTmpfs(SPOOL);
	spoolRestarted = true;
	await restartApp({ CREDIT_SPOOL: SPOOL });
	try {
		const c = await login('enterprise');
		let r = await postMultipart(c, '/me/objections', { record: rec.id, statement: '处罚决定已被复议撤销' },
			{ document: [['复议决定书.pdf', doc, 'application/pdf']] });
		assertFullPage(r, 'zh-CN', 'objection');
		assert.deepEqual(usage(SPOOL), { files: [], usedBlocks: 0 }, 'the partial spool file was removed');
		assertNothingSaved('objection', rec, [doc], 'objection');
		// The same in English, and for the CSV import of a staff member: the
		// spool is shared by every upload form.
		const staff = await login('staff');
		staff.setCookie('lang', 'en');
		const csv = Buffer.concat([Buffer.from('uscc,item,agency,doc_no,decided_on,summary\n'),
			Buffer.alloc(BIG, '#')]);
		r = await postMultipart(staff, '/staff/import', { kind: 'records' },
			{ file: [['records.csv', csv, 'text/csv']] }, '/staff/import');
		assertFullPage(r, 'en', 'import');
		assert.deepEqual(usage(SPOOL), { files: [], usedBlocks: 0 }, 'import: nothing left in the spool');
		// A small upload (kept in memory, not spooled) still works meanwhile.
		r = await postMultipart(c, '/me/objections', { record: rec.id, statement: '处罚决定已被复议撤销' },
			{ document: [['复议决定书.pdf', pdf(4000), 'application/pdf']] });
		assert.equal(r.status, 303, `a small upload while the spool is full (${errorText(r.text)})`);
	} finally {
		await restartApp({});
		spoolRestarted = false;
		umount(SPOOL);
	}
	const log = readFileSync(`${TEST_VAR}/log/app.log`, 'utf8');
	assert.match(log, / error .*http: body rejected: spooling upload to disk failed: no space left/,
		'the operator finds the cause in the log');
	assert.match(log, / error .*uploads: cannot store a file: No space left on device/);
});
