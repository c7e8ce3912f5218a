// zz_db_outage.test.mjs — MariaDB goes away (clean stop, then SIGKILL): the
// app answers 503 with a readable page, keeps serving what needs no
// database, and recovers by itself when the database is back. Named zz_ so
// it runs last; it always leaves MariaDB running.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import {
	Client, TEST_VAR, errorText, htmlLang, isLayoutPage, login, stack, str, waitFor,
} from './lib.mjs';

const PIDFILE = `${TEST_VAR}/run/mysqld.pid`;
const LOG = `${TEST_VAR}/log/app.log`;
const logStart = existsSync(LOG) ? readFileSync(LOG).length : 0;

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
function pidOf(file) {
	return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : 0;
}
function dbRunning() {
	const pid = pidOf(PIDFILE);
	return pid > 0 && alive(pid);
}

after(() => {
	if (!dbRunning()) stack('db-start');
});

async function assertOutage(user, what) {
	const t0 = Date.now();
	const me = await user.get('/me');
	assert.equal(me.status, 503, `${what}: /me status (not a crash, not a 502)`);
	assert.ok(Date.now() - t0 < 5000, `${what}: answered quickly (${Date.now() - t0} ms)`);
	assert.ok(isLayoutPage(me.text), `${what}: a readable page in the layout`);
	assert.equal(htmlLang(me.text), 'zh-CN');
	assert.equal(errorText(me.text), str('zh-CN', 'Err.unavailable'), `${what}: message`);
	assert.doesNotMatch(me.text, /mysql|mariadb|socket|errno|\/tmp\/|\/work\//i, `${what}: no internals`);
	// Pages that need no database still work for anonymous visitors; the
	// liveness check says the workers live, the readiness check that they
	// cannot serve (a load balancer takes this host out).
	const anon = new Client();
	const live = await anon.get('/healthz');
	assert.equal(live.status, 200, `${what}: /healthz`);
	assert.equal(live.text, 'ok\n');
	const ready = await anon.get('/readyz');
	assert.equal(ready.status, 503, `${what}: /readyz`);
	assert.equal(errorText(ready.text), str('zh-CN', 'Err.unavailable'), `${what}: /readyz message`);
	const home = await anon.get('/');
	assert.equal(home.status, 200, `${what}: the home page`);
	assert.match(home.text, /id="login-link"/);
	assert.equal((await anon.get('/login')).status, 200, `${what}: the login form`);
	assert.equal((await anon.get('/static/style.css')).status, 200, `${what}: static files`);
	// A login attempt cannot be checked: 503, no session.
	const li = await anon.loginPost('enterprise');
	assert.equal(li.status, 503, `${what}: POST /login`);
	assert.equal(li.cookieSet('sid'), undefined);
	// Repeated requests keep answering 503 (no worker stuck or dead).
	for (let i = 0; i < 4; i++) assert.equal((await user.get('/me')).status, 503, `${what}: request ${i}`);
}

async function assertRecovers(user, what) {
	const t0 = Date.now();
	const ok = await waitFor(async () => (await user.get('/me')).status === 200, { timeout: 10_000, interval: 200 });
	assert.ok(ok, `${what}: /me back to 200 within 10 s`);
	const me = await user.get('/me');
	assert.equal(me.status, 200, `${what}: the session survived the outage`);
	// Every worker reconnects, not just the one that answered first.
	for (let i = 0; i < 6; i++) assert.equal((await user.get('/me')).status, 200, `${what}: request ${i} after recovery`);
	const ready = await new Client().get('/readyz');
	assert.equal(ready.status, 200, `${what}: /readyz ready again`);
	assert.equal(ready.text, 'ok\n');
	const fresh = await login('staff');
	assert.equal((await fresh.get('/me')).status, 200, `${what}: a new login works`);
	return Date.now() - t0;
}

describe('database outage', () => {
	test('MariaDB stopped cleanly: 503 with a readable page, then recovery on restart', async () => {
		const user = await login('enterprise');
		assert.equal((await user.get('/me')).status, 200);
		const appPid = pidOf(`${TEST_VAR}/run/app.pid`);
		stack('db-stop');
		assert.equal(dbRunning(), false, 'MariaDB is down');
		try {
			await assertOutage(user, 'TERM');
		} finally {
			stack('db-start');
		}
		await assertRecovers(user, 'TERM');
		assert.equal(pidOf(`${TEST_VAR}/run/app.pid`), appPid, 'the app master was not restarted');
		assert.ok(alive(appPid), 'the app master is alive');
	});

	test('MariaDB killed with SIGKILL: 503, then recovery on restart', async () => {
		const user = await login('association');
		assert.equal((await user.get('/me')).status, 200);
		const pid = pidOf(PIDFILE);
		assert.ok(pid > 0 && alive(pid));
		process.kill(pid, 'SIGKILL');
		assert.ok(await waitFor(() => !alive(pid), { timeout: 5000, interval: 50 }), 'mysqld is gone');
		try {
			await assertOutage(user, 'KILL');
		} finally {
			stack('db-start');
		}
		await assertRecovers(user, 'KILL');
	});

	test('the app log recorded the outage as 503s, without crashing workers', () => {
		const log = readFileSync(LOG).subarray(logStart).toString('utf8');
		assert.match(log, / GET \/me 503 [0-9.]+ms$/m);
		assert.doesNotMatch(log, /master: worker \d+ (died|exited)/, 'no worker died during the outages');
	});
});
