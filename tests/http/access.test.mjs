// access.test.mjs — every route of app/routes.c × every role. The matrix is
// read from the route table, so a new route is covered the day it is added.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	Client, DEMO_LOGIN, ROLES, USER_ROLES, byId, errorText, isLayoutPage, login, readRoutes, samplePath, str,
} from './lib.mjs';

const routes = readRoutes();
const clients = new Map();

before(async () => {
	clients.set('anon', new Client());
	for (const role of USER_ROLES) clients.set(role, await login(role));
});

function describeRoles(set) {
	return ROLES.filter((r) => set.has(r)).join(',') || 'nobody';
}

describe('route table', () => {
	test('app/routes.c parses into known methods, roles and patterns', () => {
		for (const r of routes) {
			assert.ok(['GET', 'POST'].includes(r.method), `${r.pattern}: method ${r.method}`);
			assert.match(r.pattern, /^\/[A-Za-z0-9_/{}.-]*$/, r.pattern);
			assert.ok(r.roles.size > 0, `${r.method} ${r.pattern} allows nobody`);
			if (r.method === 'POST') assert.ok(r.csrf, `${r.method} ${r.pattern} without CSRF check`);
		}
		const seen = new Set();
		for (const r of routes) {
			const k = `${r.method} ${r.pattern}`;
			assert.ok(!seen.has(k), `duplicate route ${k}`);
			seen.add(k);
		}
		// The routes this suite was written against are still there.
		for (const k of ['GET /', 'GET /login', 'POST /login', 'POST /logout', 'GET /me', 'POST /lang', 'GET /admin/users']) {
			assert.ok(seen.has(k), `missing route ${k}`);
		}
	});

	test('each session really has its role', async () => {
		for (const role of USER_ROLES) {
			const me = await clients.get(role).get('/me');
			assert.equal(me.status, 200, role);
			assert.equal(byId(me.text, 'me-login'), DEMO_LOGIN[role]);
			assert.match(me.text, new RegExp(`data-role="${role}"`));
		}
	});
});

describe('access matrix', () => {
	for (const rt of routes) {
		const path = samplePath(rt.pattern);
		test(`${rt.method} ${rt.pattern} — allowed: ${describeRoles(rt.roles)}`, async () => {
			for (const role of ROLES) {
				const c = clients.get(role);
				const allowed = rt.roles.has(role);
				const what = `${rt.method} ${path} as ${role}`;
				if (rt.method === 'GET') {
					const r = await c.get(path);
					if (allowed) {
						if (rt.pattern.includes('{')) {
							// Sample ids may not exist: anything but a refusal or a crash.
							assert.ok(![303, 403].includes(r.status) && r.status < 500, `${what}: ${r.status}`);
						} else if (rt.pattern === '/login' && role !== 'anon') {
							assert.equal(r.status, 303, `${what}: a logged-in user is sent on`);
							assert.equal(r.location, '/me');
						} else {
							assert.equal(r.status, 200, `${what}: ${r.status} ${errorText(r.text)}`);
							// Downloads (the PDF report) are not pages, and the
							// health and readiness checks are one plain-text line.
							if (r.headers.get('content-type').startsWith('text/html'))
								assert.ok(isLayoutPage(r.text), what);
							else if (rt.pattern === '/healthz' || rt.pattern === '/readyz')
								assert.equal(r.text, 'ok\n', what);
							else
								assert.match(r.headers.get('content-disposition') || '', /^attachment;/, what);
						}
					} else if (role === 'anon') {
						assert.equal(r.status, 303, what);
						assert.equal(r.location, `/login?next=${path}`, `${what}: back here after login`);
					} else {
						assert.equal(r.status, 403, what);
						assert.equal(errorText(r.text), str('zh-CN', 'Err.forbidden'), what);
						assert.doesNotMatch(r.text, /<table/, `${what}: no data on the refusal`);
					}
				} else {
					// With a valid token the role check alone decides...
					const csrf = await c.csrf('/');
					if (!allowed) {
						const r = await c.post(path, { csrf });
						if (role === 'anon') {
							assert.equal(r.status, 303, what);
							assert.match(r.location, /^\/login(\?|$)/, what);
						} else {
							assert.equal(r.status, 403, what);
							assert.equal(errorText(r.text), str('zh-CN', 'Err.forbidden'), what);
						}
					}
					// ...and without one every POST is refused before anything happens.
					const r = await c.post(path, {});
					if (allowed) {
						assert.equal(r.status, 403, `${what} without CSRF`);
						assert.equal(errorText(r.text), str('zh-CN', 'Err.csrf'), `${what} without CSRF`);
					} else {
						assert.ok(r.status === 403 || (role === 'anon' && r.status === 303), `${what} without CSRF: ${r.status}`);
					}
				}
			}
			// Nobody was logged out along the way.
			for (const role of USER_ROLES) {
				assert.equal((await clients.get(role).get('/me')).status, 200, `${role} still logged in`);
			}
		});
	}
});

describe('what each role sees', () => {
	test('only the admin gets the accounts link in the navigation', async () => {
		for (const role of ROLES) {
			const r = await clients.get(role).get('/');
			assert.equal(r.status, 200);
			assert.equal(/href="\/admin\/users"/.test(r.text), role === 'admin', role);
			assert.equal(/id="logout"/.test(r.text), role !== 'anon', `${role}: logout button`);
			assert.equal(/id="login-link"/.test(r.text), role === 'anon', `${role}: login link`);
		}
	});

	test('the admin list shows the demo accounts; its page parameter is validated', async () => {
		const a = clients.get('admin');
		const r = await a.get('/admin/users');
		assert.equal(r.status, 200);
		for (const l of Object.values(DEMO_LOGIN)) assert.match(r.text, new RegExp(`<td>${l}</td>`), l);
		assert.doesNotMatch(r.text, /\$argon2/, 'no password hashes on the page');
		for (const bad of ['abc', '0', '-1', '1e3', '999999999']) {
			const b = await a.get(`/admin/users?page=${bad}`);
			assert.equal(b.status, 400, `page=${bad}`);
		}
		assert.equal((await a.get('/admin/users?page=2')).status, 200);
	});
});
