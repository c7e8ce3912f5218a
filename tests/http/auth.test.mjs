// auth.test.mjs — logging in and out, sessions, enumeration, brute force.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import {
	Client, PASSWORD, appLog, byId, createTempUser, dropTempUser, errorText, isLayoutPage,
	login, q, sql, str, userId,
} from './lib.mjs';

const temps = [];
function tempUser() {
	const name = createTempUser('staff');
	temps.push(name);
	return name;
}
after(() => {
	for (const t of temps) dropTempUser(t);
});

function sessionsOf(client) {
	return Number(sql(`SELECT COUNT(*) FROM sessions WHERE client_addr = ${q(client.addr)}`));
}

describe('login', () => {
	test('the right password redirects to /me with a fresh HttpOnly SameSite=Lax session cookie', async () => {
		const c = new Client();
		const r = await c.loginPost('enterprise');
		assert.equal(r.status, 303);
		assert.equal(r.location, '/me');
		const sid = r.cookieSet('sid');
		assert.ok(sid, 'a sid cookie is set');
		assert.match(sid.value, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url without padding');
		assert.equal(sid.attrs.httponly, true, 'HttpOnly');
		assert.equal(String(sid.attrs.samesite).toLowerCase(), 'lax', 'SameSite=Lax');
		assert.equal(sid.attrs.path, '/', 'Path=/');
		assert.equal(sid.attrs['max-age'], undefined, 'a browser-session cookie (no Max-Age)');
		assert.equal(sid.attrs.expires, undefined, 'a browser-session cookie (no Expires)');
		assert.equal(sid.attrs.domain, undefined, 'host-only cookie');
		assert.equal(sessionsOf(c), 1, 'one session row for this client');

		const me = await c.get('/me');
		assert.equal(me.status, 200);
		assert.equal(byId(me.text, 'me-login'), 'enterprise');
		assert.match(me.text, /id="me-role" data-role="enterprise"/);
	});

	test('a local "next" is honoured after login', async () => {
		const c = new Client();
		const r = await c.loginPost('admin', PASSWORD, { next: '/admin/users' });
		assert.equal(r.status, 303);
		assert.equal(r.location, '/admin/users');
	});

	test('an off-site "next" never becomes the redirect target', async () => {
		for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
			const c = new Client();
			const r = await c.loginPost('enterprise', PASSWORD, { next });
			if (r.status === 303) {
				assert.ok(r.location.startsWith('/') && !r.location.startsWith('//') &&
					!r.location.startsWith('/\\'), `next=${next} redirected to ${r.location}`);
			} else {
				assert.equal(r.status, 422, `next=${next}`);
			}
		}
	});

	test('a wrong password gives 422, the generic message and no session', async () => {
		const name = tempUser();
		const c = new Client();
		const r = await c.loginPost(name, 'not-the-password');
		assert.equal(r.status, 422);
		assert.equal(errorText(r.text), str('zh-CN', 'Login.failed'));
		assert.equal(r.cookieSet('sid'), undefined);
		assert.equal(sessionsOf(c), 0);
		assert.equal((await c.get('/me')).status, 303);
	});

	test('an empty password is refused before any lookup (422, "please enter")', async () => {
		const c = new Client();
		const r = await c.loginPost('enterprise', '');
		assert.equal(r.status, 422);
		assert.equal(errorText(r.text), str('zh-CN', 'Login.invalid'));
	});

	test('unknown user and wrong password: same status, same body, similar time', async () => {
		const known = tempUser();
		const unknown = `nobody_${randomBytes(4).toString('hex')}`;
		// Same client (same anonymous csrf cookie, so the same form token):
		// the bodies may differ only in the echoed login name.
		const c = new Client();
		const a = await c.loginPost(known, 'wrong-password-1');
		const b = await c.loginPost(unknown, 'wrong-password-1');
		assert.equal(a.status, 422);
		assert.equal(b.status, a.status);
		assert.equal(b.text.split(unknown).join('LOGIN'), a.text.split(known).join('LOGIN'));

		// Timing: both verify an Argon2id hash (the unknown one a dummy).
		// Fresh addresses, so the address throttle and nginx stay out of it.
		const tk = [], tu = [];
		for (let i = 0; i < 3; i++) {
			tk.push((await new Client().loginPost(known, `wrong-${i}`)).ms);
			tu.push((await new Client().loginPost(unknown, `wrong-${i}`)).ms);
		}
		const med = (xs) => xs.slice().sort((x, y) => x - y)[1];
		const mk = med(tk), mu = med(tu);
		assert.ok(Math.abs(mk - mu) < Math.max(60, 0.5 * Math.max(mk, mu)),
			`median times differ too much: known ${mk.toFixed(1)} ms, unknown ${mu.toFixed(1)} ms`);
		// An unknown user must cost a real hash too (Argon2id, ~0.1 s here).
		assert.ok(mu > 0.4 * mk, `unknown user answered suspiciously fast (${mu} vs ${mk} ms)`);
	});

	test('a disabled account cannot log in and its open sessions stop working', async () => {
		const name = tempUser();
		const c = await login(name);
		assert.equal((await c.get('/me')).status, 200);
		sql(`UPDATE users SET disabled = 1 WHERE login = ${q(name)}`);
		const me = await c.get('/me');
		assert.equal(me.status, 303);
		assert.match(me.location, /^\/login/);
		const r = await new Client().loginPost(name);
		assert.equal(r.status, 422);
		assert.equal(errorText(r.text), str('zh-CN', 'Login.failed'), 'same answer as a wrong password');
	});
});

describe('brute force', () => {
	test('5 failures for one account lock it (429, clear message) even with the right password; unlocked after the window', async () => {
		const name = tempUser();
		// Each attempt from another address: the lock is per account.
		for (let i = 0; i < 5; i++) {
			const r = await new Client().loginPost(name, `guess-${i}`);
			assert.equal(r.status, 422, `failure ${i + 1}`);
		}
		const c = new Client();
		const r = await c.loginPost(name, PASSWORD);
		assert.equal(r.status, 429);
		assert.ok(isLayoutPage(r.text), 'the app answers, in the layout');
		assert.ok(errorText(r.text).startsWith(str('zh-CN', 'Login.throttled')), errorText(r.text));
		assert.equal(r.cookieSet('sid'), undefined, 'no session while locked');
		assert.equal(sessionsOf(c), 0);

		// The window passes (age the failures instead of waiting 15 minutes).
		sql(`UPDATE login_failures SET at = at - 3600 WHERE login = ${q(name)}`);
		const ok = await new Client().loginPost(name, PASSWORD);
		assert.equal(ok.status, 303, 'the real user can log in again after the window');
	});

	test('20 failures from one address block logins from it (429) but not from others', async () => {
		const c = new Client();
		// Two real failures through HTTP, the other 18 recorded directly
		// (nginx lets an address post only ~6 logins a minute).
		for (let i = 0; i < 2; i++) {
			const r = await c.loginPost(`nobody_${randomBytes(3).toString('hex')}`, 'x-password');
			assert.equal(r.status, 422);
		}
		assert.equal(Number(sql(`SELECT COUNT(*) FROM login_failures WHERE client_addr = ${q(c.addr)}`)), 2,
			'failures are recorded against the client address');
		const rows = Array.from({ length: 18 }, (_, i) => `('nobody_${i}', ${q(c.addr)}, UNIX_TIMESTAMP())`);
		sql(`INSERT INTO login_failures (login, client_addr, at) VALUES ${rows.join(',')}`);

		const name = tempUser();
		const r = await c.loginPost(name, PASSWORD);
		assert.equal(r.status, 429);
		assert.ok(isLayoutPage(r.text));
		assert.ok(errorText(r.text).startsWith(str('zh-CN', 'Login.throttled')));
		assert.equal(r.cookieSet('sid'), undefined);

		const other = await new Client().loginPost(name, PASSWORD);
		assert.equal(other.status, 303, 'another address is not affected');
	});

	test('nginx limits POST /login per address: 429 with the static page; GET /login is not limited', async () => {
		const c = new Client();
		const statuses = [];
		let limited;
		for (let i = 0; i < 9; i++) {
			// No csrf: the app refuses quickly; nginx counts the POST anyway.
			const r = await c.post('/login', { login: 'x', password: 'y' });
			statuses.push(r.status);
			if (r.status === 429) limited = r;
		}
		assert.notEqual(statuses[0], 429, 'the first post goes through');
		assert.ok(limited, `no 429 among ${statuses.join(',')}`);
		assert.ok(statuses.filter((s) => s !== 429).length <= 6, `rate 10/min burst 5: ${statuses.join(',')}`);
		assert.ok(!isLayoutPage(limited.text), 'nginx answers, not the app');
		assert.match(limited.text, /Too many requests/);
		assert.equal((await c.get('/login')).status, 200, 'GET /login is not limited');
		assert.notEqual((await new Client().post('/login', { login: 'x', password: 'y' })).status, 429,
			'another address is not limited');
	});
});

describe('sessions', () => {
	test('fixation: a planted unknown token is not adopted at login', async () => {
		const c = new Client();
		const planted = randomBytes(32).toString('base64url');
		await c.get('/login');
		c.setCookie('sid', planted);
		const csrf = await c.csrf('/login');
		c.setCookie('sid', planted); // the page told the browser to forget it; an attacker re-plants
		const r = await c.post('/login', { csrf, login: 'enterprise', password: PASSWORD });
		assert.equal(r.status, 303);
		assert.ok(c.cookie('sid'));
		assert.notEqual(c.cookie('sid'), planted);
		const attacker = new Client({ cookies: { sid: planted } });
		assert.equal((await attacker.get('/me')).status, 303, 'the planted token is not logged in');
	});

	test('fixation: logging in again replaces the session token and kills the old one', async () => {
		const c = await login('staff');
		const before = c.cookie('sid');
		const csrf = await c.csrf('/me');
		const r = await c.post('/login', { csrf, login: 'enterprise', password: PASSWORD });
		assert.equal(r.status, 303);
		const now = c.cookie('sid');
		assert.ok(now && now !== before, 'a new token after login');
		const old = new Client({ cookies: { sid: before } });
		assert.equal((await old.get('/me')).status, 303, 'the pre-login token is rejected');
		const me = await c.get('/me');
		assert.equal(byId(me.text, 'me-login'), 'enterprise');
	});

	test('logout deletes the session server-side; replaying the old cookie gives the anonymous view', async () => {
		const c = await login('association');
		const sid = c.cookie('sid');
		const replay = c.clone();
		assert.equal(sessionsOf(c), 1);
		const r = await c.logout();
		assert.equal(r.status, 303);
		assert.equal(r.location, '/');
		const cleared = r.cookieSet('sid');
		assert.ok(cleared && cleared.value === '' && cleared.attrs['max-age'] === '0', 'the cookie is cleared');
		assert.equal(sessionsOf(c), 0, 'the row is gone');
		assert.equal(replay.cookie('sid'), sid);
		const me = await replay.get('/me');
		assert.equal(me.status, 303);
		assert.equal(me.location, '/login?next=/me');
		const home = await replay.get('/');
		assert.equal(home.status, 200);
		assert.match(home.text, /id="login-link"/, 'anonymous header');
		assert.doesNotMatch(home.text, /id="logout"/);
	});

	test('idle timeout: a session unused for more than 30 minutes is gone', async () => {
		const c = await login('envagency');
		assert.equal((await c.get('/me')).status, 200);
		sql(`UPDATE sessions SET last_seen = last_seen - 31 * 60 WHERE client_addr = ${q(c.addr)}`);
		const r = await c.get('/me');
		assert.equal(r.status, 303);
		assert.match(r.location, /^\/login\?next=/);
		const cleared = r.cookieSet('sid');
		assert.ok(cleared && cleared.value === '', 'the browser is told to forget the cookie');
		assert.equal(sessionsOf(c), 0, 'the expired row is deleted');
	});

	test('activity keeps a session alive (last_seen refreshed)', async () => {
		const c = await login('envagency');
		sql(`UPDATE sessions SET last_seen = last_seen - 25 * 60 WHERE client_addr = ${q(c.addr)}`);
		assert.equal((await c.get('/me')).status, 200, 'still within 30 minutes');
		const age = Number(sql(`SELECT UNIX_TIMESTAMP() - last_seen FROM sessions WHERE client_addr = ${q(c.addr)}`));
		assert.ok(age >= 0 && age < 30, `last_seen refreshed (age ${age} s)`);
	});

	test('absolute timeout: a session older than 12 hours is gone even if active', async () => {
		const c = await login('envagency');
		sql(`UPDATE sessions SET created_at = created_at - 12 * 3600 - 60 WHERE client_addr = ${q(c.addr)}`);
		const r = await c.get('/me');
		assert.equal(r.status, 303);
		assert.equal(sessionsOf(c), 0);
	});

	test('the database keeps only a keyed hash of the token', async () => {
		const c = await login('enterprise');
		const tok = Buffer.from(c.cookie('sid'), 'base64url');
		assert.equal(tok.length, 32);
		const id = sql(`SELECT LOWER(HEX(id)) FROM sessions WHERE client_addr = ${q(c.addr)}`);
		assert.match(id, /^[0-9a-f]{64}$/);
		assert.notEqual(id, tok.toString('hex'), 'not the token itself');
		assert.notEqual(id, createHash('sha256').update(tok).digest('hex'), 'not an unkeyed hash');
		assert.notEqual(id, createHash('sha256').update(c.cookie('sid')).digest('hex'));
		const dump = sql('SELECT HEX(id), client_addr FROM sessions');
		assert.ok(!dump.toLowerCase().includes(tok.toString('hex')));
	});

	test('the app log has a line per request with the user id and never a token', async () => {
		const c = await login('enterprise');
		const id = userId('enterprise');
		await c.get('/me?x=1');
		const sid = c.cookie('sid');
		const csrf = await c.csrf('/me');
		await c.post('/lang', { csrf, lang: 'zh-CN', next: '/me' });
		const log = appLog();
		const mine = log.split('\n').filter((l) => l.includes(`addr=${c.addr} `));
		assert.ok(mine.some((l) => new RegExp(`user=${id} .* GET /me 200 [0-9.]+ms$`).test(l)),
			`a GET /me line with user=${id}:\n${mine.join('\n')}`);
		assert.ok(mine.some((l) => / POST \/login 303 [0-9.]+ms$/.test(l)));
		assert.ok(!log.includes(sid), 'the session token is not logged');
		assert.ok(!log.includes(csrf), 'the CSRF token is not logged');
		assert.ok(!log.includes(PASSWORD), 'no password in the log');
	});
});
