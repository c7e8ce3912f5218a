// zy_backup.test.mjs — `make backup` / `make restore` (app/tools/backup.sh)
// on the test stack: checksum every table and every upload, back up, wipe
// the database and the uploads, restore, and find every row and file
// identical; the stack must be usable afterwards. Named zy_ so it runs
// after the suites that write data and before zz_db_outage / zzz_audit
// (which then verify the restored audit chain against the app's log).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { ROOT, TEST_VAR, login, sql, stack } from './lib.mjs';

const UPLOADS = `${TEST_VAR}/uploads`;
const ARCHIVE = `${TEST_VAR}/backup/zy-test.tar.gz`;

function tool(cmd) {
	return execFileSync('sh', [`${ROOT}/app/tools/backup.sh`, cmd], {
		encoding: 'utf8',
		env: { ...process.env, VAR: TEST_VAR, STACK_MODE: 'test', BACKUP: ARCHIVE },
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 120_000,
	});
}

function files(dir, base = dir, out = new Map()) {
	if (!existsSync(dir)) return out;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = `${dir}/${e.name}`;
		if (e.isDirectory()) files(p, base, out);
		else out.set(p.slice(base.length + 1), createHash('sha256').update(readFileSync(p)).digest('hex'));
	}
	return out;
}

function tables() {
	return sql(`SELECT table_name FROM information_schema.tables
	            WHERE table_schema = 'credit' ORDER BY table_name`).split('\n').filter(Boolean);
}

// Per table: row count, a checksum over every column of every row and the
// definition (columns, keys, AUTO_INCREMENT). The checksum is computed from
// the values (SHA-2 of each row's columns in hex, NULL marked, summed), not
// with CHECKSUM TABLE, which also sees the storage format: a table altered
// with an instantly added column checksums differently from the same rows
// restored into a freshly created table.
function rowsChecksum(t) {
	const cols = sql(`SELECT column_name FROM information_schema.columns
	                  WHERE table_schema = 'credit' AND table_name = '${t}' ORDER BY ordinal_position`)
		.split('\n').filter(Boolean);
	const row = cols.map((c) => `IFNULL(HEX(\`${c}\`), 'NULL')`).join(", '|', ");
	return sql(`SELECT COUNT(*), IFNULL(SUM(CAST(CONV(LEFT(SHA2(CONCAT(${row}), 256), 15), 16, 10) AS UNSIGNED)), 0)
	            FROM \`${t}\``);
}

function snapshot() {
	const snap = new Map();
	for (const t of tables()) {
		assert.match(t, /^[a-z0-9_]+$/);
		const count = sql(`SELECT COUNT(*) FROM \`${t}\``);
		const sum = rowsChecksum(t);
		const def = sql(`SHOW CREATE TABLE \`${t}\``);
		snap.set(t, { count, sum, def });
	}
	return snap;
}

after(() => {
	rmSync(ARCHIVE, { force: true });
	// Whatever happened, leave a running app for the suites after this one.
	try {
		stack('app-start');
	} catch {
		// already running
	}
});

test('backup, wipe, restore: every row and every upload comes back identical', async (t) => {
	// At least one upload even if no suite before stored one.
	mkdirSync(UPLOADS, { recursive: true });
	writeFileSync(`${UPLOADS}/zy-backup-probe`, randomBytes(4096), { mode: 0o600 });
	const before = snapshot();
	const upBefore = files(UPLOADS);
	assert.ok(before.size >= 10, `tables in credit (${before.size})`);
	assert.ok(Number(before.get('audit_log').count) > 0, 'the suites wrote audit rows');

	let t0 = Date.now();
	tool('backup');
	const backupMs = Date.now() - t0;
	const st = statSync(ARCHIVE);
	assert.equal(st.mode & 0o777, 0o600, 'the archive holds the master key: mode 0600');
	const listing = execFileSync('tar', ['tvzf', ARCHIVE], { encoding: 'utf8' });
	assert.match(listing, /^-rw------- .* credit\/secrets\/master\.key$/m, 'master.key inside, 0600');
	assert.match(listing, / credit\/db\.sql$/m);

	// Wipe: the whole database and every upload.
	sql('DROP DATABASE credit; CREATE DATABASE credit');
	assert.equal(tables().length, 0);
	rmSync(UPLOADS, { recursive: true, force: true });
	mkdirSync(UPLOADS, { mode: 0o700 });

	t0 = Date.now();
	tool('restore');
	const restoreMs = Date.now() - t0;

	const afterSnap = snapshot();
	assert.deepEqual([...afterSnap.keys()], [...before.keys()], 'the same tables');
	for (const [name, b] of before) {
		const a = afterSnap.get(name);
		assert.equal(a.count, b.count, `${name}: row count`);
		assert.equal(a.sum, b.sum, `${name}: rows checksum`);
		assert.equal(a.def, b.def, `${name}: definition`);
	}
	assert.deepEqual(files(UPLOADS), upBefore, 'every upload file, byte for byte');
	assert.equal(statSync(UPLOADS).mode & 0o777, 0o700);
	rmSync(`${UPLOADS}/zy-backup-probe`, { force: true });

	// The restarted app serves logged-in pages from the restored data.
	const ent = await login('enterprise');
	const me = await ent.get('/me');
	assert.equal(me.status, 200);
	const rows = [...before.values()].reduce((n, s) => n + Number(s.count), 0);
	t.diagnostic(`backup ${backupMs} ms, restore ${restoreMs} ms, archive ${st.size} bytes, ` +
		`${before.size} tables, ${rows} rows, ${upBefore.size} upload files`);
});
