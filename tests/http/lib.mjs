// lib.mjs — helpers shared by the HTTP tests (and the browser test).
//
// Environment (set by tests/run.sh):
//   BASE_URL  the test stack's nginx, e.g. http://127.0.0.1:18080
//   TEST_VAR  the stack's var directory (my.cnf, run/*.pid, log/app.log)
//   ROOT      the checkout
// Node 18.20+ built-ins only: global fetch, node:child_process, node:crypto.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = process.env.ROOT || resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
export const TEST_VAR = process.env.TEST_VAR || `${ROOT}/var/test`;
export const PASSWORD = process.env.CREDIT_DEMO_PASSWORD || 'demo-2026-Suzhou';

// Roles as the app names them (core/http.c role_names) and the demo logins.
export const ROLES = ['anon', 'enterprise', 'association', 'env_agency', 'staff', 'admin'];
export const USER_ROLES = ROLES.slice(1);
export const DEMO_LOGIN = {
	enterprise: 'enterprise',
	association: 'association',
	env_agency: 'envagency',
	staff: 'staff',
	admin: 'admin',
};

// ---------------------------------------------------------------------------
// Fake client addresses. In the test stack nginx takes the client address
// from X-Test-Client, so every client gets its own address and the login
// throttles (app: per address, nginx: limit_req per address) of one test do
// not leak into another. 48 random bits per test process, so two processes
// (or two runs of the suite within the 15-minute window) never collide.
const ADDR_PREFIX = (() => {
	const b = randomBytes(6).toString('hex');
	return `fd00:${b.slice(0, 4)}:${b.slice(4, 8)}:${b.slice(8, 12)}`;
})();
let addrSeq = 0;
export function fakeAddr() {
	addrSeq += 1;
	return `${ADDR_PREFIX}::${addrSeq.toString(16)}`;
}

export function uniq(prefix = 't') {
	return `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

// ---------------------------------------------------------------------------
// Forms and cookies.

/** application/x-www-form-urlencoded from an object or a list of [k, v]
 * pairs (pairs allow duplicate keys). Values are encoded as browsers do. */
export function encodeForm(fields) {
	const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
	return pairs
		.filter(([, v]) => v !== undefined && v !== null)
		.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
		.join('&');
}

/** Parsed Set-Cookie headers of a fetch Response: [{name, value, attrs, raw}]. */
export function parseSetCookies(headers) {
	let list;
	if (typeof headers.getSetCookie === 'function') {
		list = headers.getSetCookie();
	} else {
		// Node 18 before getSetCookie: the joined header. The app never sends
		// Expires (which has a comma), so splitting at ", name=" is safe.
		const joined = headers.get('set-cookie');
		list = joined ? joined.split(/,\s*(?=[A-Za-z0-9_.-]+=)/) : [];
	}
	return list.map((raw) => {
		const parts = raw.split(';').map((s) => s.trim());
		const eq = parts[0].indexOf('=');
		const attrs = {};
		for (const a of parts.slice(1)) {
			const i = a.indexOf('=');
			if (i < 0) attrs[a.toLowerCase()] = true;
			else attrs[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
		}
		return { name: parts[0].slice(0, eq), value: parts[0].slice(eq + 1), attrs, raw };
	});
}

/** A minimal browser: a cookie jar, its own client address, no redirects
 * followed (every test sees the 303 itself). */
export class Client {
	constructor({ addr = fakeAddr(), cookies = {}, headers = {} } = {}) {
		this.addr = addr;
		this.jar = new Map(Object.entries(cookies));
		this.headers = headers;
	}

	cookie(name) {
		return this.jar.get(name);
	}

	setCookie(name, value) {
		if (value === undefined || value === null) this.jar.delete(name);
		else this.jar.set(name, value);
	}

	cookieHeader() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	/** A copy sharing nothing but the current cookies (a replayed cookie jar). */
	clone({ addr = fakeAddr() } = {}) {
		return new Client({ addr, cookies: Object.fromEntries(this.jar), headers: { ...this.headers } });
	}

	async request(method, path, { form, body, headers = {}, contentType } = {}) {
		const h = { 'X-Test-Client': this.addr, ...this.headers, ...headers };
		if (this.jar.size > 0 && !('Cookie' in h)) h.Cookie = this.cookieHeader();
		let b = body;
		if (form !== undefined) {
			b = encodeForm(form);
			h['Content-Type'] = 'application/x-www-form-urlencoded';
		}
		if (contentType) h['Content-Type'] = contentType;
		const t0 = process.hrtime.bigint();
		const res = await fetch(BASE_URL + path, { method, headers: h, body: b, redirect: 'manual' });
		const text = method === 'HEAD' ? '' : await res.text();
		const ms = Number(process.hrtime.bigint() - t0) / 1e6;
		const setCookies = parseSetCookies(res.headers);
		for (const c of setCookies) {
			if (c.value === '' || c.attrs['max-age'] === '0') this.jar.delete(c.name);
			else this.jar.set(c.name, c.value);
		}
		return {
			status: res.status,
			headers: res.headers,
			text,
			ms,
			location: res.headers.get('location'),
			setCookies,
			cookieSet: (name) => setCookies.find((c) => c.name === name),
		};
	}

	get(path, opts) {
		return this.request('GET', path, opts);
	}

	post(path, form, opts = {}) {
		return this.request('POST', path, { ...opts, form });
	}

	/** The CSRF token of the forms on a page (renders it, so an anonymous
	 * visitor gets its csrf cookie first). */
	async csrf(path = '/') {
		const r = await this.get(path);
		const tok = csrfFromHtml(r.text);
		assert.ok(tok, `no csrf token in the form of ${path} (status ${r.status})`);
		return tok;
	}

	/** POST /login with a fresh token; returns the response. */
	async loginPost(login, password = PASSWORD, extra = {}) {
		const csrf = await this.csrf('/login');
		return this.post('/login', { csrf, login, password, ...extra });
	}

	/** POST a form with this client's current CSRF token added. */
	async postWithCsrf(path, fields = {}, tokenPage = '/') {
		const csrf = await this.csrf(tokenPage);
		return this.post(path, { csrf, ...fields });
	}

	async logout() {
		const csrf = await this.csrf('/me');
		return this.post('/logout', { csrf });
	}
}

/** A logged-in client for a demo role ("enterprise", ..., "admin") or a login name. */
export async function login(roleOrLogin, { password = PASSWORD, addr } = {}) {
	const name = DEMO_LOGIN[roleOrLogin] || roleOrLogin;
	const c = new Client(addr ? { addr } : {});
	const r = await c.loginPost(name, password);
	assert.equal(r.status, 303, `login as ${name} should redirect (got ${r.status}: ${errorText(r.text)})`);
	assert.ok(c.cookie('sid'), `login as ${name} should set the sid cookie`);
	return c;
}

// ---------------------------------------------------------------------------
// HTML.

export function decodeEntities(s) {
	return s
		.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

export function csrfFromHtml(html) {
	const m = /<input[^>]*name="csrf"[^>]*value="([^"]*)"/.exec(html) ||
		/<input[^>]*value="([^"]*)"[^>]*name="csrf"/.exec(html);
	return m ? decodeEntities(m[1]) : null;
}

export function htmlLang(html) {
	const m = /<html[^>]*\blang="([^"]*)"/.exec(html);
	return m ? m[1] : null;
}

/** Text of an element with the given id (first match, tags stripped). */
export function byId(html, id) {
	const re = new RegExp(`<([a-z0-9]+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`, 'i');
	const m = re.exec(html);
	return m ? decodeEntities(m[2].replace(/<[^>]*>/g, '')).trim() : null;
}

/** The message of an error page (templates/error.cs) or of the login form. */
export function errorText(html) {
	return byId(html, 'error-message') ?? byId(html, 'login-error') ?? '';
}

/** True when the body is one of our layout pages (not a bare or nginx page). */
export function isLayoutPage(html) {
	return /<header class="site">/.test(html) && /<footer class="site">/.test(html) && htmlLang(html) !== null;
}

// The interface strings, read from the templates, so a reworded message does
// not break a test (a missing one does).
const langCache = new Map();
export function strings(lang) {
	if (!langCache.has(lang)) {
		const map = new Map();
		const text = readFileSync(`${ROOT}/templates/lang/${lang}.hdf`, 'utf8');
		for (const line of text.split('\n')) {
			const m = /^\s*([A-Za-z0-9_.]+)\s*=\s*(.*?)\s*$/.exec(line);
			if (m) map.set(m[1], m[2]);
		}
		langCache.set(lang, map);
	}
	return langCache.get(lang);
}
export function str(lang, key) {
	const v = strings(lang).get(key);
	assert.ok(v !== undefined, `templates/lang/${lang}.hdf has no ${key}`);
	return v;
}

// ---------------------------------------------------------------------------
// The stack: SQL as the DB root, stack.sh, the app log.

export function sql(query) {
	return execFileSync('mariadb', [`--defaults-file=${TEST_VAR}/my.cnf`, '-u', 'root', 'credit',
		'-N', '-B', '-e', query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Quotes a value for SQL: tests only ever pass their own [A-Za-z0-9:._-] values. */
export function q(v) {
	const s = String(v);
	assert.match(s, /^[A-Za-z0-9:._@-]*$/, `unexpected characters for SQL: ${s}`);
	return `'${s}'`;
}

export function stack(cmd) {
	return execFileSync('sh', [`${ROOT}/app/tools/stack.sh`, cmd], {
		encoding: 'utf8',
		env: { ...process.env, VAR: TEST_VAR, STACK_MODE: 'test' },
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 90_000,
	});
}

export function appLog() {
	return readFileSync(`${TEST_VAR}/log/app.log`, 'utf8');
}

/** A throw-away staff account with the demo password (hash copied from the
 * demo staff account), for tests that lock accounts or age sessions. */
export function createTempUser(role = 'staff') {
	assert.ok(['staff', 'env_agency', 'admin'].includes(role), 'temp users need no subject/association');
	const name = uniq('tmp_');
	sql(`INSERT INTO users (login, display_name, role, password_hash, created_at)
	     SELECT ${q(name)}, 'Temp test user', ${q(role)}, password_hash, UNIX_TIMESTAMP()
	     FROM users WHERE login = 'staff'`);
	return name;
}

export function dropTempUser(name) {
	sql(`DELETE FROM login_failures WHERE login = ${q(name)}; DELETE FROM users WHERE login = ${q(name)}`);
}

export function userId(name) {
	return Number(sql(`SELECT id FROM users WHERE login = ${q(name)}`));
}

export function sha256hex(s) {
	return createHash('sha256').update(s).digest('hex');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value or the time is up; returns the
 * last value. */
export async function waitFor(fn, { timeout = 10_000, interval = 200 } = {}) {
	const end = Date.now() + timeout;
	let v;
	for (;;) {
		try {
			v = await fn();
		} catch (e) {
			v = undefined;
		}
		if (v || Date.now() >= end) return v;
		await sleep(interval);
	}
}

// ---------------------------------------------------------------------------
// The route table (app/routes.c), for the tests that must cover every route.

function roleSetOf(expr, defines, depth = 0) {
	assert.ok(depth < 10, `role macro recursion in ${expr}`);
	const set = new Set();
	const e = expr.trim().replace(/^\((.*)\)$/s, '$1');
	for (const raw of e.split('|')) {
		const t = raw.trim().replace(/^\((.*)\)$/s, '$1').trim();
		let m;
		if (t === 'ROLES_ALL') ROLES.forEach((r) => set.add(r));
		else if (t === 'ROLES_USERS') USER_ROLES.forEach((r) => set.add(r));
		else if ((m = /^ROLE_BIT\(\s*ROLE_([A-Z_]+)\s*\)$/.exec(t))) {
			const r = m[1].toLowerCase();
			assert.ok(ROLES.includes(r), `unknown role ${m[1]} in routes.c`);
			set.add(r);
		} else if (t === '0') {
			// no roles
		} else if (defines.has(t)) {
			for (const r of roleSetOf(defines.get(t), defines, depth + 1)) set.add(r);
		} else if (t.includes('|')) {
			for (const r of roleSetOf(t, defines, depth + 1)) set.add(r);
		} else {
			assert.fail(`cannot read the role expression "${t}" in app/routes.c; teach tests/http/lib.mjs`);
		}
	}
	return set;
}

/** [{method, pattern, handler, roles: Set, csrf: bool, form}] from app/routes.c. */
export function readRoutes() {
	const src = readFileSync(`${ROOT}/app/routes.c`, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
	const defines = new Map();
	const joined = src.replace(/\\\n/g, ' ');
	for (const m of joined.matchAll(/^#define\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/gm)) defines.set(m[1], m[2].trim());
	const routes = [];
	const row = /\{\s*HTTP_(GET|POST|HEAD)\s*,\s*"([^"]+)"\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*,\s*([^,]+?)\s*,\s*([01])\s*,\s*([^}]*?)\s*\}/g;
	for (const m of src.matchAll(row)) {
		routes.push({
			method: m[1],
			pattern: m[2],
			handler: m[3],
			roles: roleSetOf(m[4], defines),
			csrf: m[5] === '1',
			form: m[6],
		});
	}
	assert.ok(routes.length > 0, 'no routes parsed from app/routes.c');
	const rows = (src.match(/\{\s*HTTP_[A-Z]+\s*,/g) || []).length;
	assert.equal(routes.length, rows, 'some rows of app/routes.c could not be parsed');
	return routes;
}

/** A concrete path for a pattern: typed parameters get plausible values. */
export function samplePath(pattern) {
	return pattern
		.replace(/\{id\}/g, '1')
		.replace(/\{uscc\}/g, '91320500MA1XXXXX0X')
		.replace(/\{key\}/g, 'sample');
}

// ---------------------------------------------------------------------------
// USCCs (GB 32100-2015) for subjects the tests register.

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 17 characters body17 followed by their check character. */
export function validUscc(body17) {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body17[i]) * USCC_WEIGHTS[i];
	return body17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** A fresh valid USCC (not registered yet): prefix, random characters, check. */
export function newUscc(prefix = '91320500') {
	let s = prefix;
	while (s.length < 17) s += USCC_CHARS[randomInt(USCC_CHARS.length)];
	return validUscc(s);
}

// ---------------------------------------------------------------------------
// CSV uploads (the imports' multipart forms).

/** POSTs csv as the form's `file` to path, after the CSRF token of
 * tokenPage (none with csrf: false) and the fields; { status, text }. */
export async function uploadCsv(c, path, csv, { fields = {}, name = 'upload.csv', tokenPage = path, csrf = true } = {}) {
	const fd = new FormData();
	if (csrf) fd.append('csrf', await c.csrf(tokenPage));
	for (const [k, v] of Object.entries(fields)) fd.append(k, v);
	fd.append('file', new Blob([csv], { type: 'text/csv' }), name);
	const res = await fetch(BASE_URL + path, {
		method: 'POST', body: fd, redirect: 'manual',
		headers: { Cookie: c.cookieHeader(), 'X-Test-Client': c.addr },
	});
	return { status: res.status, text: await res.text() };
}

/** [[line, column, reason], ...] of an import's error table. */
export function importErrors(html) {
	return [...html.matchAll(/<tr class="import-error" data-line="(\d+)"><td>\d+<\/td><td class="mono">([^<]*)<\/td><td>([^<]*)<\/td>/g)]
		.map((m) => [Number(m[1]), m[2], m[3]]);
}
