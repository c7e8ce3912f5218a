// escape.test.mjs — everything echoed into a page comes back HTML-escaped
// (or is rejected): form values, the path, query parameters, stored data.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	Client, PASSWORD, createTempUser, decodeEntities, dropTempUser, errorText, login, q, readRoutes, sql, str,
} from './lib.mjs';

const PAYLOADS = [
	'<script>alert(1)</script>',
	'"\'><svg onload=1>',
	'<?cs var:Config.VarEscapeMode ?>',
	'<?cs include:"/etc/passwd" ?>',
	'javascript:alert(1)',
	'&lt;b&gt;&amp;',
	'<img src=x onerror=alert(1)>',
];

/** The value attribute of the input with the given id, raw (still escaped). */
function rawValue(html, id) {
	const m = new RegExp(`<input[^>]*\\bid="${id}"[^>]*\\bvalue="([^"]*)"`).exec(html);
	return m ? m[1] : null;
}

function assertNoRawMarkup(html, payload, what) {
	if (/[<>"']/.test(payload)) assert.ok(!html.includes(payload), `${what}: the payload appears unescaped`);
	assert.doesNotMatch(html, /<script>alert|<svg onload|<img src=x|<\?cs /, `${what}: live markup`);
}

const temps = [];
after(() => temps.forEach(dropTempUser));

describe('the login name echoed after a failed login', () => {
	for (const payload of PAYLOADS) {
		test(`is escaped: ${payload}`, async () => {
			const c = new Client();
			const r = await c.loginPost(payload, 'some-password');
			assert.equal(r.status, 422, 'refused by the login field rules');
			assert.equal(errorText(r.text), str('zh-CN', 'Login.invalid'));
			assertNoRawMarkup(r.text, payload, payload);
			const v = rawValue(r.text, 'login');
			assert.ok(v !== null, 'the login field is filled in again');
			assert.doesNotMatch(v, /[<>"']/, 'no markup characters inside the attribute');
			assert.equal(decodeEntities(v), payload, 'the value round-trips exactly (no template evaluation)');
		});
	}

	test('the specific <script> case from the checklist comes back as &lt;script&gt;', async () => {
		const r = await new Client().loginPost('<script>x</script>', 'pw');
		assert.equal(r.status, 422);
		assert.ok(r.text.includes('&lt;script&gt;x&lt;/script&gt;'));
		assert.ok(!r.text.includes('<script>'));
	});

	test('NUL and invalid UTF-8 in the login name are rejected outright (400)', async () => {
		for (const bad of ['ab%00cd', 'ab%FFcd', '%C0%AF']) {
			const c = new Client();
			const csrf = await c.csrf('/login');
			const r = await c.request('POST', '/login', {
				body: `csrf=${encodeURIComponent(csrf)}&login=${bad}&password=x`,
				contentType: 'application/x-www-form-urlencoded',
			});
			assert.equal(r.status, 400, bad);
			assert.equal(r.cookieSet('sid'), undefined);
		}
	});
});

describe('other echoes', () => {
	test('the request path is escaped in the 404 page (language form "next")', async () => {
		const r = await new Client().get('/%22%3E%3Csvg%20onload=1%3E%3Cscript%3Ealert(1)%3C/script%3E');
		assert.equal(r.status, 404);
		assertNoRawMarkup(r.text, '"><svg onload=1>', 'path');
		assert.ok(r.text.includes('&quot;&gt;&lt;svg onload=1&gt;'), 'the path is there, escaped');
	});

	test('the login page keeps a valid next, escaped, and drops an invalid one', async () => {
		const ok = await new Client().get('/login?next=/me?a=1%26b=2');
		assert.match(ok.text, /<input type="hidden" name="next" value="\/me\?a=1&amp;b=2">/);
		for (const bad of ['%22%3E%3Csvg%20onload=1%3E', '//evil.example', 'javascript:alert(1)', '/x%22onmouseover=1']) {
			const r = await new Client().get(`/login?next=${bad}`);
			assert.equal(r.status, 200, bad);
			assertNoRawMarkup(r.text, decodeURIComponent(bad), bad);
			assert.doesNotMatch(r.text, /evil\.example|javascript:|onmouseover/, `${bad} is dropped`);
		}
	});

	test('a stored display name with markup is escaped in the header, /me and the admin list', async () => {
		const name = createTempUser('staff');
		temps.push(name);
		const evil = '<img src=x onerror=alert(1)>"\'&';
		sql(`UPDATE users SET display_name = CONVERT(X'${Buffer.from(evil).toString('hex')}' USING utf8mb4) WHERE login = ${q(name)}`);
		const c = await login(name);
		const me = await c.get('/me');
		assert.equal(me.status, 200);
		assertNoRawMarkup(me.text, evil, '/me');
		assert.ok(me.text.includes('&lt;img src=x onerror=alert(1)&gt;'), 'shown escaped');
		const a = await login('admin');
		const list = await a.get('/admin/users?page=1');
		assert.equal(list.status, 200);
		assertNoRawMarkup(list.text, evil, '/admin/users');
	});

	test('every GET form on the public pages echoes the payload corpus escaped (or rejects it)', async () => {
		const pages = readRoutes().filter((r) => r.method === 'GET' && r.roles.has('anon') && !r.pattern.includes('{'));
		const forms = new Map();
		for (const p of pages) {
			const r = await new Client().get(p.pattern);
			for (const m of r.text.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
				if (!/method="get"/i.test(m[1])) continue;
				const action = (/action="([^"]*)"/.exec(m[1]) || [, p.pattern])[1];
				const names = [...m[2].matchAll(/<input\b[^>]*\bname="([^"]+)"/g)].map((x) => x[1]);
				forms.set(action, new Set([...(forms.get(action) || []), ...names]));
			}
		}
		assert.ok(forms.size > 0, 'no GET form found on the public pages (the search form?)');
		for (const [action, names] of forms) {
			for (const payload of PAYLOADS) {
				const qs = [...names].map((n) => `${encodeURIComponent(n)}=${encodeURIComponent(payload)}`).join('&');
				const r = await new Client().get(`${action}?${qs}`);
				assert.ok(r.status < 500, `${action}?${qs}: ${r.status}`);
				assertNoRawMarkup(r.text, payload, `${action} ${[...names]}=${payload}`);
			}
		}
	});

	test('SQL metacharacters in the login name are just a failed login (prepared statements)', async () => {
		for (const l of ["admin'--", "' OR '1'='1", 'admin"#']) {
			const r = await new Client().loginPost(l, PASSWORD);
			assert.equal(r.status, 422, l);
			assert.equal(r.cookieSet('sid'), undefined, l);
			assert.doesNotMatch(r.text, /SQL|syntax|mysql|mariadb/i, l);
		}
		assert.equal(Number(sql("SELECT COUNT(*) FROM users WHERE login = 'admin'")), 1, 'users intact');
	});
});
