// zz_db_kill.test.mjs — MariaDB killed with SIGKILL and restarted while
// clients write. Concurrent clients enter credit records (staff form: 303
// with the new id), file objections with a document (multipart: objection,
// uploads and request_files rows, event and audit row in one transaction),
// import 5-row CSV files (all or nothing) and read a profile. Each client
// counts what it saw acknowledged. Afterwards every acknowledged write is
// in the database, nothing is half-written (a record without its audit row,
// an objection without its file, event or audit row, an import with some of
// its rows), the app answered 503 meanwhile (never 500 or 502), its master
// and workers are the same processes, and writes succeed again by themselves
// once MariaDB is back. Loads go to loopback only and are bounded in time.
// Named zz_ so it runs after the feature tests and before zzz_audit, which
// then verifies the audit chains this test wrote through the crash.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import {
	BASE_URL, ROOT, TEST_VAR, Client, csrfFromHtml, errorText, login, q, sha256hex, sleep, sql, uniq, validUscc,
	waitFor,
} from './lib.mjs';
import { PDF } from './requests_lib.mjs';

const RUN = uniq('K');                 // tags every row this run writes
const BEFORE_KILL_MS = 1200;           // load before the kill
const OUTAGE_MS = 1500;                // load while MariaDB is dead
const AFTER_MS = 2500;                 // load after MariaDB answers again
const POOL = 800;                      // records to object to (one objection each)
const RETRY_MS = 50;                   // a client waits this long after a 503
const IMPORT_ROWS = 5;

const DBPID = `${TEST_VAR}/run/mysqld.pid`;
const pidOf = (f) => (existsSync(f) ? Number(readFileSync(f, 'utf8').trim()) : 0);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const workers = (pid) => execFileSync('ps', ['--ppid', String(pid), '-o', 'pid=,stat='], { encoding: 'utf8' })
	.split('\n').map((l) => l.trim().split(/\s+/)).filter(([p, st]) => p && st && !st.startsWith('Z'))
	.map(([p]) => Number(p)).sort();
const dbStartAsync = () => promisify(execFile)('sh', [`${ROOT}/app/tools/stack.sh`, 'db-start'],
	{ env: { ...process.env, VAR: TEST_VAR, STACK_MODE: 'test' }, timeout: 90_000 });

/** A multipart body with the given token, fields and files, without a
 * token fetch per request (that page would need the database too). */
async function multipart(fields, files) {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) fd.append(k, String(v));
	for (const [k, [name, buf, type]] of Object.entries(files)) fd.append(k, new Blob([buf], { type }), name);
	const req = new Request('http://x/', { method: 'POST', body: fd });
	return { body: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type') };
}

let staff, ent, uscc, sid, entLogin, pool, tokens, logStart;

before(async () => {
	logStart = readFileSync(`${TEST_VAR}/log/app.log`).length;
	staff = await login('staff');
	// A subject of its own, so the demo subjects keep their pages as they are.
	uscc = validUscc(`91320583${String(Date.now() % 1e8).padStart(8, '0')}X`);
	let r = await staff.postWithCsrf('/staff/subjects',
		{ uscc, name: `断电测试精密机械有限公司${RUN}`, kind: 'enterprise', reg_status: 'active' }, '/staff/subjects/new');
	assert.equal(r.status, 303, errorText(r.text));
	sid = Number(sql(`SELECT id FROM subjects WHERE uscc = ${q(uscc)}`));
	entLogin = uniq('kill_');
	sql(`INSERT INTO users (login, display_name, role, subject_id, password_hash, created_at)
	     SELECT ${q(entLogin)}, 'Kill test enterprise', 'enterprise', ${sid}, password_hash, UNIX_TIMESTAMP()
	     FROM users WHERE login = 'enterprise'`);
	ent = await login(entLogin);
	sql(`INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, summary, is_public, created_at, updated_at)
	     SELECT ${sid}, c.id, 'Test agency', CONCAT(${q(RUN)}, '-o-', s.seq), CURDATE() - INTERVAL 5 DAY,
	            'kill test record', 1, UNIX_TIMESTAMP(), UNIX_TIMESTAMP()
	     FROM seq_1_to_${POOL} s JOIN catalog_items c ON c.code = 'tax_arrears'`);
	pool = sql(`SELECT id FROM credit_records WHERE doc_no LIKE CONCAT(${q(RUN)}, '-o-%') ORDER BY id`).split('\n').map(Number);
	assert.equal(pool.length, POOL);
	tokens = {
		staff: csrfFromHtml((await staff.get('/staff/records/new')).text),
		ent: csrfFromHtml((await ent.get('/me/requests')).text),
	};
	assert.ok(tokens.staff && tokens.ent, 'CSRF tokens of both sessions');
});

after(async () => {
	// Whatever happened, leave MariaDB running for the tests after this one.
	if (!alive(pidOf(DBPID))) await dbStartAsync();
});

test('MariaDB SIGKILLed and restarted under write load: every acknowledged write is kept, none half-written, 503 meanwhile', async (t) => {
	const master = pidOf(`${TEST_VAR}/run/app.pid`);
	const workersBefore = workers(master);
	const phase = { now: 'before' };           // before | outage | restarting | after
	const stats = {};                          // `${kind} ${phase} ${status}` -> count
	const acked = { record: [], objection: [], import: [] };
	const tried = { record: 0, objection: 0, import: 0 };
	const bad = [];                            // unexpected answers
	let stop = false, seq = 0, next = 0;
	const count = (kind, status) => {
		const k = `${kind} ${phase.now} ${status}`;
		stats[k] = (stats[k] || 0) + 1;
	};
	const note = (kind, r, allowed) => {
		count(kind, r.status);
		if (!allowed.includes(r.status)) bad.push(`${kind} ${phase.now}: ${r.status} ${errorText(r.text)}`.slice(0, 200));
		else if (r.status === 503) {
			// The outage page, not nginx's: the app answered.
			if (!/id="error-message"/.test(r.text)) bad.push(`${kind}: a 503 that is not the app's page`);
			return sleep(RETRY_MS);
		}
		return undefined;
	};
	const guard = (kind, fn) => async () => {
		while (!stop) {
			try {
				if (await fn() === false) return;
			} catch (e) {
				count(kind, 'neterr');
				bad.push(`${kind} ${phase.now}: ${e.message}`);
				await sleep(20);
			}
		}
	};

	const recordLoop = guard('record', async () => {
		const doc = `${RUN}-r-${++seq}`;
		tried.record++;
		const r = await staff.post('/staff/records', {
			csrf: tokens.staff, uscc, item: 'tax_arrears', agency: '断电测试税务局', doc_no: doc,
			decided_on: '2025-03-01', summary: '断电测试', is_public: '1',
		});
		await note('record', r, [303, 503]);
		if (r.status === 303) {
			const m = /#record-(\d+)$/.exec(r.location || '');
			assert.ok(m, `303 with the id: ${r.location}`);
			acked.record.push({ id: Number(m[1]), doc });
		}
	});
	const objectionLoop = guard('objection', async () => {
		if (next >= pool.length) return false;
		const rec = pool[next++];
		const statement = `${RUN} 异议 ${rec}`;
		const doc = Buffer.concat([PDF.subarray(0, 9), Buffer.from(`% ${statement}\n`), PDF.subarray(9)]);
		tried.objection++;
		const { body, contentType } = await multipart({ csrf: tokens.ent, record: rec, statement },
			{ document: ['复议决定书.pdf', doc, 'application/pdf'] });
		const r = await ent.request('POST', '/me/objections', { body, contentType });
		await note('objection', r, [303, 503]);
		if (r.status === 303) {
			assert.equal(r.location, '/me/requests');
			acked.objection.push({ rec, sha: sha256hex(doc) });
		}
	});
	const importLoop = guard('import', async () => {
		const tag = `${RUN}-i-${++seq}`;
		const rows = Array.from({ length: IMPORT_ROWS }, (_, k) =>
			`${uscc},tax_arrears,断电测试税务局,${tag}-${k},2025-04-01,断电测试导入`);
		const csv = Buffer.from(`uscc,item,agency,doc_no,decided_on,summary\n${rows.join('\n')}\n`);
		tried.import++;
		const { body, contentType } = await multipart({ csrf: tokens.staff, kind: 'records' },
			{ file: ['records.csv', csv, 'text/csv'] });
		const r = await staff.request('POST', '/staff/import', { body, contentType });
		await note('import', r, [200, 503]);
		if (r.status === 200) {
			assert.match(r.text, /id="import-done"/);
			acked.import.push(tag);
		}
	});
	const readLoop = guard('read', async () => {
		const r = await new Client().get(`/entity/${uscc}`);
		await note('read', r, [200, 503]);
	});

	const loops = [recordLoop(), recordLoop(), objectionLoop(), objectionLoop(), importLoop(), readLoop()];
	const t0 = Date.now();
	await sleep(BEFORE_KILL_MS);
	const dbpid = pidOf(DBPID);
	assert.ok(dbpid > 0 && alive(dbpid), 'MariaDB runs before the kill');
	process.kill(dbpid, 'SIGKILL');
	phase.now = 'outage';
	const killedAt = Date.now();
	assert.ok(await waitFor(() => !alive(dbpid), { timeout: 5000, interval: 20 }), 'mysqld is gone');
	await sleep(OUTAGE_MS);
	phase.now = 'restarting';
	const restartAt = Date.now();
	await dbStartAsync();
	phase.now = 'after';
	const upAt = Date.now();
	// Recovery by itself: the first acknowledged write after the restart.
	const ackedBefore = acked.record.length;
	const recovered = await waitFor(() => acked.record.length > ackedBefore, { timeout: 10_000, interval: 20 });
	const recoveredAt = Date.now();
	await sleep(AFTER_MS);
	stop = true;
	await Promise.all(loops);
	const t1 = Date.now();

	t.diagnostic(`load ${t1 - t0} ms; MariaDB dead ${restartAt - killedAt} ms, restart took ${upAt - restartAt} ms, ` +
		`first acknowledged write ${recoveredAt - upAt} ms after it answered`);
	t.diagnostic(`answers: ${JSON.stringify(stats)}`);
	assert.deepEqual(bad, [], 'only acknowledgements and 503 pages, no failed connection');
	assert.ok(recovered, 'writes are acknowledged again after MariaDB is back, without touching the app');
	for (const kind of ['record', 'objection', 'import', 'read']) {
		assert.ok(stats[`${kind} before ${kind === 'import' ? 200 : kind === 'read' ? 200 : 303}`] > 0, `${kind}: served before the kill`);
		assert.ok(stats[`${kind} outage 503`] > 0, `${kind}: 503 while MariaDB was dead`);
	}
	assert.ok(stats['read after 200'] > 0 && stats['objection after 303'] > 0 && stats['import after 200'] > 0,
		'every kind of request works again');

	// 1. Every acknowledged write is there.
	const recIds = acked.record.map((a) => a.id);
	const found = sql(`SELECT id, doc_no FROM credit_records WHERE id IN (${recIds.join(',')})`)
		.split('\n').map((l) => l.split('\t')).map(([id, doc]) => `${id} ${doc}`).sort();
	assert.deepEqual(found, acked.record.map((a) => `${a.id} ${a.doc}`).sort(), 'every acknowledged record, with its id');
	const objs = new Set(sql(`SELECT record_id FROM objections WHERE subject_id = ${sid}`).split('\n').filter(Boolean).map(Number));
	const lostObj = acked.objection.filter((a) => !objs.has(a.rec));
	assert.deepEqual(lostObj, [], 'every acknowledged objection');
	const perImport = new Map(sql(`SELECT SUBSTRING_INDEX(doc_no, '-', 3), COUNT(*) FROM credit_records
		WHERE doc_no LIKE CONCAT(${q(RUN)}, '-i-%') GROUP BY 1`).split('\n').filter(Boolean)
		.map((l) => l.split('\t')).map(([tag, n]) => [tag, Number(n)]));
	assert.deepEqual(acked.import.filter((tag) => perImport.get(tag) !== IMPORT_ROWS), [], 'every acknowledged import, whole');

	// 2. Nothing half-written, acknowledged or not.
	assert.deepEqual([...perImport].filter(([, n]) => n !== IMPORT_ROWS), [], 'each import is all its rows or none');
	const noAudit = sql(`SELECT COUNT(*) FROM credit_records c WHERE c.subject_id = ${sid}
		AND (c.doc_no LIKE CONCAT(${q(RUN)}, '-r-%') OR c.doc_no LIKE CONCAT(${q(RUN)}, '-i-%'))
		AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.subject_id = ${sid} AND a.action = 'create'
		                AND a.detail LIKE CONCAT('record ', c.id, ' %'))`);
	assert.equal(noAudit, '0', 'no record without its audit row');
	const halfObj = sql(`SELECT o.id,
		(SELECT COUNT(*) FROM request_files f JOIN uploads u ON u.id = f.upload_id WHERE f.kind = 'objection' AND f.request_id = o.id),
		(SELECT COUNT(*) FROM request_events e WHERE e.kind = 'objection' AND e.request_id = o.id),
		(SELECT COUNT(*) FROM audit_log a WHERE a.subject_id = ${sid} AND a.action = 'objection'
		   AND a.detail LIKE CONCAT('objection #', o.id, ' %'))
		FROM objections o WHERE o.subject_id = ${sid}`).split('\n').filter(Boolean).map((l) => l.split('\t'))
		.filter(([, files, events, audits]) => files !== '1' || events !== '1' || audits !== '1');
	assert.deepEqual(halfObj, [], 'each objection has its file, its event and its audit row');
	const store = new Set(readdirSync(`${TEST_VAR}/uploads`));
	const shas = sql(`SELECT u.sha256 FROM uploads u JOIN request_files f ON f.upload_id = u.id AND f.kind = 'objection'
		JOIN objections o ON o.id = f.request_id WHERE o.subject_id = ${sid}`).split('\n').filter(Boolean);
	assert.deepEqual(shas.filter((s) => !store.has(s)), [], 'the file of every objection is on disk');

	// 3. The app never crashed: same master, same workers, no worker died.
	assert.equal(pidOf(`${TEST_VAR}/run/app.pid`), master, 'the app master was not restarted');
	assert.deepEqual(workers(master), workersBefore, 'the same worker processes');
	const log = readFileSync(`${TEST_VAR}/log/app.log`).subarray(logStart).toString('utf8');
	assert.doesNotMatch(log, /master: worker \d+ (died|exited)/, 'no worker died');

	const committed = {
		record: Number(sql(`SELECT COUNT(*) FROM credit_records WHERE doc_no LIKE CONCAT(${q(RUN)}, '-r-%')`)),
		objection: objs.size,
		import: perImport.size,
	};
	t.diagnostic(`acknowledged / committed / tried: ${['record', 'objection', 'import'].map((k) =>
		`${k}s ${acked[k].length}/${committed[k]}/${tried[k]}`).join(', ')}; lost 0`);
	for (const k of ['record', 'objection', 'import']) {
		// A commit whose answer died with the server may be in without an
		// acknowledgement, never the other way round.
		assert.ok(committed[k] >= acked[k].length && committed[k] - acked[k].length <= 2,
			`${k}: committed ${committed[k]} vs acknowledged ${acked[k].length}`);
	}
});
