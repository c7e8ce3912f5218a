// zzz_audit.test.mjs — runs last: after every other suite (imports that
// failed and rolled back, MariaDB killed mid-run, workers killed and
// replaced), every audit hash chain in the database must still verify
// against the chain heads the app logged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ROOT, TEST_VAR, sql } from './lib.mjs';

test('the whole audit log of this test run verifies', () => {
	const rows = Number(sql('SELECT COUNT(*) FROM audit_log'));
	assert.ok(rows > 50, `the suites wrote audit rows (${rows})`);
	let out;
	try {
		out = execFileSync(`${ROOT}/build/credctl`, ['audit-verify', `${TEST_VAR}/log/app.log`], {
			encoding: 'utf8', env: { ...process.env, CREDIT_VAR: TEST_VAR }, stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (e) {
		assert.fail(`audit-verify found problems:\n${e.stdout}`);
	}
	assert.match(out, new RegExp(`${rows} rows checked, 0 problem`));
});
