// headers.test.mjs — security headers on every kind of response, caching of
// authenticated pages, no server version.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { BASE_URL, Client, fakeAddr, login } from './lib.mjs';

function assertSecurityHeaders(h, what) {
	const get = (n) => (typeof h.get === 'function' ? h.get(n) : h[n]);
	const csp = get('content-security-policy');
	assert.ok(csp, `${what}: Content-Security-Policy`);
	assert.equal((csp.match(/default-src/g) || []).length, 1, `${what}: one CSP (got ${csp})`);
	for (const d of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
		assert.ok(csp.includes(d), `${what}: CSP has ${d} (got ${csp})`);
	}
	assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, `${what}: CSP without unsafe sources`);
	assert.equal(get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
	assert.match(get('referrer-policy') || '', /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
		`${what}: Referrer-Policy`);
	assert.equal(get('server'), 'nginx', `${what}: Server without a version`);
	assert.equal(get('x-powered-by') ?? undefined, undefined, `${what}: no X-Powered-By`);
}

let user;
before(async () => {
	user = await login('enterprise');
});

describe('security headers on every response type', () => {
	const cases = [
		['home page', () => new Client().get('/'), 200],
		['login page', () => new Client().get('/login'), 200],
		['redirect', () => new Client().get('/me'), 303],
		['404 page', () => new Client().get('/no/such/page'), 404],
		['400 page', () => new Client().get('/?a=%zz'), 400],
		['405 page', () => new Client().get('/logout'), 405],
		['403 CSRF page', () => new Client().post('/lang', { lang: 'en' }), 403],
		['HEAD', () => new Client().request('HEAD', '/'), 200],
		['static file', () => new Client().get('/static/style.css'), 200],
		['missing static file', () => new Client().get('/static/nope.css'), 404],
		['logged-in page', () => user.get('/me'), 200],
		['403 for a logged-in user', () => user.get('/admin/users'), 403],
	];
	for (const [what, fn, status] of cases) {
		test(what, async () => {
			const r = await fn();
			assert.equal(r.status, status, what);
			assertSecurityHeaders(r.headers, what);
		});
	}

	test('nginx 413 page', async () => {
		const r = await new Promise((resolve, reject) => {
			const req = http.request(`${BASE_URL}/login`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(12 << 20), 'X-Test-Client': fakeAddr() },
			}, (res) => {
				res.resume();
				res.on('end', () => { resolve(res); req.destroy(); });
			});
			req.on('error', reject);
			req.write('a=');
		});
		assert.equal(r.statusCode, 413);
		assertSecurityHeaders(r.headers, 'nginx 413');
	});

	test('nginx 429 page', async () => {
		const c = new Client();
		let limited;
		for (let i = 0; i < 10 && !limited; i++) {
			const r = await c.post('/login', {});
			if (r.status === 429) limited = r;
		}
		assert.ok(limited, 'nginx limited the address');
		assertSecurityHeaders(limited.headers, 'nginx 429');
		assert.match(limited.headers.get('cache-control') || '', /no-store/);
	});
});

describe('content type and caching', () => {
	test('pages are UTF-8 HTML', async () => {
		const r = await new Client().get('/');
		assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
	});

	test('every authenticated page is Cache-Control: no-store (pages, errors, redirects)', async () => {
		for (const p of ['/', '/me', '/login', '/admin/users', '/nope', '/me?x=1']) {
			const r = await user.get(p);
			const cc = r.headers.get('cache-control') || '';
			assert.match(cc, /\bno-store\b/, `${p} (${r.status}): ${cc}`);
			assert.doesNotMatch(cc, /\bpublic\b/, `${p}: never public`);
		}
	});

	test('the login page and a page that sets a cookie are not stored either', async () => {
		const c = new Client();
		const r = await c.get('/login');
		assert.match(r.headers.get('cache-control') || '', /\bno-store\b/);
	});

	test('anonymous pages are never cached as public', async () => {
		const c = new Client();
		await c.get('/');
		const r = await c.get('/'); // no cookie set this time
		const cc = r.headers.get('cache-control') || '';
		assert.doesNotMatch(cc, /\bpublic\b/, cc);
		assert.match(cc, /no-cache|no-store|private/, cc);
	});

	test('static files may be cached', async () => {
		const r = await new Client().get('/static/style.css');
		assert.match(r.headers.get('content-type'), /^text\/css/);
		assert.match(r.headers.get('cache-control') || '', /max-age=\d+/);
	});
});
