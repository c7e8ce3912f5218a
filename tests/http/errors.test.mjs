// errors.test.mjs — 404, 405, 413, 415, 400 for every kind of bad input,
// duplicate form keys; error pages are readable and reveal nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { BASE_URL, Client, PASSWORD, errorText, fakeAddr, htmlLang, isLayoutPage, login, readRoutes, str } from './lib.mjs';

const ZH = (k) => str('zh-CN', k);

/** An error page of the app: status, in the layout, the given message. */
function assertErrorPage(r, status, key, what = '') {
	assert.equal(r.status, status, `${what} status`);
	assert.ok(isLayoutPage(r.text), `${what} is a page in the layout`);
	assert.equal(htmlLang(r.text), 'zh-CN', `${what} in the default language`);
	assert.equal(errorText(r.text), ZH(key), `${what} message ${key}`);
	assertNoInternals(r.text, what);
}

function assertNoInternals(text, what = '') {
	for (const bad of [/\/work\//, /\/tmp\//, /\bSELECT\b/, /mysql|mariadb/i, /\.c:\d+/, /segfault|core dumped/i,
		/ClearSilver|\.cs\b/, /Traceback|stack trace/i]) {
		assert.doesNotMatch(text, bad, `${what} leaks internals (${bad})`);
	}
}

/** Sends only the headers of a POST that claims `size` bytes, plus a few
 * bytes, and returns nginx's answer (it decides on Content-Length). */
function postClaiming(path, size) {
	return new Promise((resolve, reject) => {
		const req = http.request(BASE_URL + path, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				'Content-Length': String(size),
				'X-Test-Client': fakeAddr(),
			},
		}, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (d) => { text += d; });
			res.on('end', () => {
				resolve({ status: res.statusCode, headers: res.headers, text });
				req.destroy();
			});
		});
		req.on('error', reject);
		req.setTimeout(10_000, () => req.destroy(new Error('timeout waiting for nginx')));
		req.write('a=');
	});
}

describe('not found and wrong method', () => {
	test('an unknown path is a 404 page in the layout', async () => {
		for (const p of ['/nope', '/me/', '/admin', '/admin/users/1', '/login.php', '/app/routes.c', '/Makefile']) {
			assertErrorPage(await new Client().get(p), 404, 'Err.notfound', p);
		}
	});

	test('no source, template, secret or var file is served (path tricks included)', async () => {
		for (const p of ['/static/../Makefile', '/static/..%2fMakefile', '/static/%2e%2e/app/routes.c',
			'/templates/login.cs', '/var/secrets/master.key', '/static/../var/secrets/master.key',
			'/.git/config', '/tests/run.sh', '/migrations/grants.sql']) {
			const r = await new Client().get(p);
			assert.notEqual(r.status, 200, p);
			assert.doesNotMatch(r.text, /#include|CREATE TABLE|GRANT|\[client\]|#!\/bin\/sh/, `${p} leaks a file`);
		}
	});

	test('a route with the wrong method: 405 page with an Allow header listing exactly its methods', async () => {
		const routes = readRoutes();
		const paths = [...new Set(routes.map((r) => r.pattern))].filter((p) => !p.includes('{'));
		const c = new Client();
		const csrf = await c.csrf('/');
		for (const p of paths) {
			const methods = new Set(routes.filter((r) => r.pattern === p).map((r) => r.method));
			if (methods.has('GET')) methods.add('HEAD');
			const want = ['GET', 'HEAD', 'POST'].filter((m) => methods.has(m));
			const wrong = ['GET', 'POST'].filter((m) => !methods.has(m));
			for (const m of wrong) {
				const r = m === 'GET' ? await c.get(p) : await c.post(p, { csrf });
				assertErrorPage(r, 405, 'Err.method', `${m} ${p}`);
				const allow = (r.headers.get('allow') || '').split(/\s*,\s*/).filter(Boolean).sort();
				assert.deepEqual(allow, want.slice().sort(), `${m} ${p}: Allow`);
			}
		}
	});

	test('an unsupported method (DELETE, PUT) is a 405 whose Allow header lists the route\'s own methods', async () => {
		const c = new Client();
		for (const [method, p, want] of [['DELETE', '/me', 'GET, HEAD'], ['PUT', '/logout', 'POST'],
			['DELETE', '/admin/users', 'GET, HEAD'], ['PUT', '/', 'GET, HEAD']]) {
			const r = await c.request(method, p);
			assert.equal(r.status, 405, `${method} ${p}`);
			assert.ok(isLayoutPage(r.text));
			const allow = (r.headers.get('allow') || '').split(/\s*,\s*/).sort();
			assert.deepEqual(allow, want.split(', ').sort(), `${method} ${p}: Allow must name only what ${p} supports`);
		}
	});

	test('HEAD of a page answers like GET without a body', async () => {
		const r = await new Client().request('HEAD', '/');
		assert.equal(r.status, 200);
		assert.equal(r.text, '');
		assert.match(r.headers.get('content-type'), /^text\/html/);
	});
});

describe('bodies too large, wrong encoding', () => {
	test('an urlencoded body over 256 KiB: 413 from the app, in the layout', async () => {
		const body = `next=/&lang=en&x=${'a'.repeat(300 * 1024)}`;
		const r = await new Client().request('POST', '/lang', {
			body, contentType: 'application/x-www-form-urlencoded',
		});
		assertErrorPage(r, 413, 'Err.toolarge', '300 KiB form');
		assert.equal(r.cookieSet('lang'), undefined);
	});

	test('a body just under 256 KiB is read (and then judged on its token: 403)', async () => {
		const pad = 'a'.repeat(60 * 1024);
		const body = `x1=${pad}&x2=${pad}&x3=${pad}&x4=${pad}`; // ~240 KiB, each value under 64 KiB
		const r = await new Client().request('POST', '/lang', { body, contentType: 'application/x-www-form-urlencoded' });
		assertErrorPage(r, 403, 'Err.csrf', '240 KiB form');
	});

	test('a body over 11 MB: 413 from nginx (its static page, with the security headers)', async () => {
		const r = await postClaiming('/lang', 12 * 1024 * 1024);
		assert.equal(r.status, 413);
		assert.ok(!isLayoutPage(r.text), 'nginx answers, not the app');
		assert.match(r.text, /Too large/);
		assert.match(r.headers['content-security-policy'] || '', /default-src 'self'/);
		assert.equal(r.headers['x-content-type-options'], 'nosniff');
		assert.equal(r.headers.server, 'nginx');
	});

	test('a POST that is not a form encoding: 415', async () => {
		const r = await new Client().request('POST', '/lang', { body: '{"lang":"en"}', contentType: 'application/json' });
		assertErrorPage(r, 415, 'Err.ctype', 'JSON body');
	});
});

describe('bad input: 400 in the layout with a clear message', () => {
	const cases = [
		['invalid percent-encoding', 'a=%zz', 'Err.parse.escape'],
		['truncated percent-encoding', 'a=%4', 'Err.parse.escape'],
		['overlong UTF-8 (%C0%AF)', 'a=%C0%AF', 'Err.parse.utf8'],
		['invalid UTF-8 byte (%FF)', 'a=%FF', 'Err.parse.utf8'],
		['UTF-16 surrogate (%ED%A0%80)', 'a=%ED%A0%80', 'Err.parse.utf8'],
		['NUL byte', 'a=b%00c', 'Err.parse.utf8'],
		['invalid UTF-8 in a key', '%FF=1', 'Err.parse.key'],
		['a key with odd characters', 'a%3Cb=1', 'Err.parse.key'],
	];

	for (const [what, qs, key] of cases) {
		test(`query string: ${what}`, async () => {
			assertErrorPage(await new Client().get(`/?${qs}`), 400, key, `GET /?${qs}`);
		});
	}

	test('form bodies: each bad input is refused before anything else (400, no state change)', async () => {
		for (const [what, body, key] of cases) {
			const c = new Client();
			const csrf = await c.csrf('/');
			const r = await c.request('POST', '/lang', {
				body: `csrf=${encodeURIComponent(csrf)}&lang=en&next=/&${body}`,
				contentType: 'application/x-www-form-urlencoded',
			});
			assertErrorPage(r, 400, key, `form: ${what}`);
			assert.equal(r.cookieSet('lang'), undefined, `form: ${what}`);
		}
	});

	test('too many fields and overlong values are refused (400)', async () => {
		const many = Array.from({ length: 70 }, (_, i) => `k${i}=v`).join('&');
		assertErrorPage(await new Client().get(`/?${many}`), 400, 'Err.parse.many', '70 query fields');
		assertErrorPage(await new Client().get(`/?a=${'x'.repeat(5000)}`), 400, 'Err.parse.long', '5000-byte value');
	});

	test('a path with invalid UTF-8, a control character or over 1 KiB: 400', async () => {
		assertErrorPage(await new Client().get('/%FF'), 400, 'Err.parse.path', '/%FF');
		assertErrorPage(await new Client().get('/me%C0%AF'), 400, 'Err.parse.path', '/me%C0%AF');
		assertErrorPage(await new Client().get('/a%01b'), 400, 'Err.parse.path', '/a%01b');
		assertErrorPage(await new Client().get(`/${'a'.repeat(1100)}`), 400, 'Err.parse.path', 'long path');
	});

	test('duplicate single-valued keys in POST /login: 400, no login', async () => {
		const c = new Client();
		const csrf = await c.csrf('/login');
		const r = await c.request('POST', '/login', {
			form: [['csrf', csrf], ['login', 'enterprise'], ['login', 'admin'], ['password', PASSWORD]],
		});
		assertErrorPage(r, 400, 'Err.duplicate', 'two login=');
		assert.equal(r.cookieSet('sid'), undefined);
		const r2 = await c.request('POST', '/login', {
			form: [['csrf', csrf], ['login', 'enterprise'], ['password', 'x'], ['password', PASSWORD]],
		});
		assertErrorPage(r2, 400, 'Err.duplicate', 'two password=');
		assert.equal(r2.cookieSet('sid'), undefined);
	});

	test('duplicate keys in POST /lang and in a GET query: 400', async () => {
		const c = new Client();
		const csrf = await c.csrf('/');
		const r = await c.request('POST', '/lang', { form: [['csrf', csrf], ['lang', 'en'], ['lang', 'zh-CN']] });
		assertErrorPage(r, 400, 'Err.duplicate', 'two lang=');
		assert.equal(r.cookieSet('lang'), undefined);
		const a = await login('admin');
		assertErrorPage(await a.get('/admin/users?page=1&page=2'), 400, 'Err.duplicate', 'two page=');
	});

	test('a broken Cookie header does not break the page', async () => {
		const r = await new Client().get('/', { headers: { Cookie: 'sid=%FF%00; ;;=; lang=<x>; csrf="' } });
		assert.equal(r.status, 200);
		assert.equal(htmlLang(r.text), 'zh-CN');
	});
});
