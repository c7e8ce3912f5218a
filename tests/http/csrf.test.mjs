// csrf.test.mjs — every state-changing request needs the form token.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	Client, PASSWORD, USER_ROLES, csrfFromHtml, errorText, isLayoutPage, login, q, readRoutes,
	samplePath, sql, str,
} from './lib.mjs';

function sessionsOf(client) {
	return Number(sql(`SELECT COUNT(*) FROM sessions WHERE client_addr = ${q(client.addr)}`));
}

function assertCsrfRefused(r, what) {
	assert.equal(r.status, 403, `${what}: status`);
	assert.ok(isLayoutPage(r.text), `${what}: an error page in the layout`);
	assert.equal(errorText(r.text), str('zh-CN', 'Err.csrf'), `${what}: the CSRF message`);
	assert.equal(r.location, null, `${what}: no redirect`);
}

describe('anonymous token', () => {
	test('a page gives an anonymous visitor an HttpOnly csrf cookie and a form token derived from it', async () => {
		const c = new Client();
		const r = await c.get('/login');
		const ck = r.cookieSet('csrf');
		assert.ok(ck, 'csrf cookie set');
		assert.match(ck.value, /^[A-Za-z0-9_-]{43}$/);
		assert.equal(ck.attrs.httponly, true);
		assert.equal(String(ck.attrs.samesite).toLowerCase(), 'lax');
		const tok = csrfFromHtml(r.text);
		assert.ok(tok && tok.length >= 20, 'a token in the form');
		assert.notEqual(tok, ck.value, 'the form token is not the cookie itself');
		// Stable while the cookie stays, and no new cookie once one is held.
		const r2 = await c.get('/');
		assert.equal(csrfFromHtml(r2.text), tok);
		assert.equal(r2.cookieSet('csrf'), undefined);
	});

	test('POST /login without a token: 403, no session, no failure counted', async () => {
		const c = new Client();
		await c.get('/login');
		const r = await c.post('/login', { login: 'enterprise', password: PASSWORD });
		assertCsrfRefused(r, 'no token');
		assert.equal(r.cookieSet('sid'), undefined);
		assert.equal(sessionsOf(c), 0);
		assert.equal(Number(sql(`SELECT COUNT(*) FROM login_failures WHERE client_addr = ${q(c.addr)}`)), 0,
			'a refused form is not a login attempt');
	});

	test('POST /login with a wrong, truncated or foreign token: 403', async () => {
		const c = new Client();
		const good = await c.csrf('/login');
		const other = new Client();
		const foreign = await other.csrf('/login');
		assert.notEqual(foreign, good);
		for (const [what, csrf] of [
			['garbage', 'x'.repeat(good.length)],
			['truncated', good.slice(0, -1)],
			['extended', `${good}A`],
			['empty', ''],
			["another visitor's", foreign],
		]) {
			const r = await c.post('/login', { csrf, login: 'enterprise', password: PASSWORD });
			assertCsrfRefused(r, what);
			assert.equal(r.cookieSet('sid'), undefined, what);
		}
		assert.equal(sessionsOf(c), 0);
	});

	test('the token must be in the body: one in the query string does not count', async () => {
		const c = new Client();
		const csrf = await c.csrf('/');
		const r = await c.post(`/lang?csrf=${encodeURIComponent(csrf)}`, { lang: 'en', next: '/' });
		assertCsrfRefused(r, 'token in the query');
		assert.equal(r.cookieSet('lang'), undefined, 'no language change');
	});

	test('a token without its cookie is refused (cookie stripped)', async () => {
		const c = new Client();
		const csrf = await c.csrf('/');
		const bare = new Client({ addr: c.addr });
		const r = await bare.post('/lang', { csrf, lang: 'en', next: '/' });
		assertCsrfRefused(r, 'no csrf cookie');
		assert.equal(r.cookieSet('lang'), undefined);
	});
});

describe('session token', () => {
	test('after login the form token changes and the anonymous one no longer works', async () => {
		const c = new Client();
		const anonTok = await c.csrf('/login');
		const r = await c.post('/login', { csrf: anonTok, login: 'staff', password: PASSWORD });
		assert.equal(r.status, 303);
		const sessTok = await c.csrf('/me');
		assert.notEqual(sessTok, anonTok);
		const bad = await c.post('/lang', { csrf: anonTok, lang: 'en', next: '/me' });
		assertCsrfRefused(bad, 'pre-login token after login');
		const good = await c.post('/lang', { csrf: sessTok, lang: 'en', next: '/me' });
		assert.equal(good.status, 303);
	});

	test("one user's token does not work in another user's session", async () => {
		const a = await login('staff');
		const b = await login('staff');
		const tokA = await a.csrf('/me');
		const tokB = await b.csrf('/me');
		assert.notEqual(tokA, tokB, 'tokens are per session, not per user');
		const r = await b.post('/logout', { csrf: tokA });
		assertCsrfRefused(r, "another session's token");
		assert.equal((await b.get('/me')).status, 200, 'still logged in');
	});

	test('POST /logout without a token: 403 and the session survives', async () => {
		const c = await login('enterprise');
		const r = await c.post('/logout', {});
		assertCsrfRefused(r, 'logout without token');
		assert.equal(sessionsOf(c), 1);
		assert.equal((await c.get('/me')).status, 200);
	});

	test('state never changes on GET: GET /logout and GET /lang are refused', async () => {
		const c = await login('enterprise');
		const csrf = await c.csrf('/me');
		const lo = await c.get(`/logout?csrf=${encodeURIComponent(csrf)}`);
		assert.equal(lo.status, 405);
		assert.equal(sessionsOf(c), 1);
		const lg = await c.get(`/lang?csrf=${encodeURIComponent(csrf)}&lang=en&next=/me`);
		assert.equal(lg.status, 405);
		assert.equal(lg.cookieSet('lang'), undefined);
		const me = await c.get('/me');
		assert.equal(me.status, 200);
		assert.match(me.text, /<html lang="zh-CN">/);
	});
});

describe('every POST route in app/routes.c', () => {
	const routes = readRoutes().filter((r) => r.method === 'POST');

	test('all POST routes are declared with the CSRF check', () => {
		for (const r of routes) assert.equal(r.csrf, true, `${r.pattern} must check the CSRF token`);
	});

	test('each POST route refuses a request without token, for a role it allows (403, no state change)', async () => {
		const clients = new Map();
		for (const rt of routes) {
			const role = rt.roles.has('anon') ? 'anon' : USER_ROLES.find((x) => rt.roles.has(x));
			assert.ok(role, `${rt.pattern} allows nobody`);
			let c = clients.get(role);
			if (!c) {
				c = role === 'anon' ? new Client() : await login(role);
				await c.get('/');
				clients.set(role, c);
			}
			const before = c.cookie('sid');
			const r = await c.post(samplePath(rt.pattern), { lang: 'en', next: '/', login: 'x', password: 'y' });
			assertCsrfRefused(r, `POST ${rt.pattern} as ${role}`);
			assert.equal(r.setCookies.length, 0, `POST ${rt.pattern}: no cookie changes`);
			if (before) assert.equal((await c.get('/me')).status, 200, `POST ${rt.pattern}: still logged in`);
		}
	});
});
