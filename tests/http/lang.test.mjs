// lang.test.mjs — Chinese by default, an English switch that is remembered,
// error pages in the page language.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, byId, errorText, htmlLang, isLayoutPage, login, str, strings, uniq } from './lib.mjs';

const EN = (k) => str('en', k);
const ZH = (k) => str('zh-CN', k);

async function switchTo(c, lang, next) {
	const csrf = await c.csrf(next && /^\/(?![/\\])[A-Za-z0-9/_-]*$/.test(next) ? next : '/');
	return c.post('/lang', next === undefined ? { csrf, lang } : { csrf, lang, next });
}

function navLogin(html) {
	return byId(html, 'login-link');
}

describe('language', () => {
	test('the two language files have the same keys', () => {
		const zh = [...strings('zh-CN').keys()].sort();
		const en = [...strings('en').keys()].sort();
		assert.deepEqual(en.filter((k) => !zh.includes(k)), [], 'keys only in en.hdf');
		assert.deepEqual(zh.filter((k) => !en.includes(k)), [], 'keys only in zh-CN.hdf');
	});

	test('Chinese by default, with a switch to English that returns to the same page', async () => {
		const c = new Client();
		const r = await c.get('/login');
		assert.equal(r.status, 200);
		assert.equal(htmlLang(r.text), 'zh-CN');
		assert.equal(navLogin(r.text), ZH('Nav.login'));
		assert.match(r.text, /<button type="submit" name="lang" value="en"[^>]*>English<\/button>/);
		assert.match(r.text, /<form method="post" action="\/lang"[\s\S]*?name="next" value="\/login"/,
			'the switch carries the current page');
	});

	test('POST /lang en sets a long-lived lang cookie and redirects to next; later pages are English', async () => {
		const c = new Client();
		const r = await switchTo(c, 'en', '/login');
		assert.equal(r.status, 303);
		assert.equal(r.location, '/login');
		const ck = r.cookieSet('lang');
		assert.ok(ck, 'lang cookie');
		assert.equal(ck.value, 'en');
		assert.equal(ck.attrs.path, '/');
		assert.ok(Number(ck.attrs['max-age']) >= 30 * 86400, `remembered (Max-Age ${ck.attrs['max-age']})`);
		for (const p of ['/', '/login']) {
			const page = await c.get(p);
			assert.equal(htmlLang(page.text), 'en', p);
			assert.equal(navLogin(page.text), EN('Nav.login'), p);
			assert.match(page.text, /value="zh-CN"[^>]*>中文<\/button>/, `${p}: switch back offered`);
		}
		const back = await switchTo(c, 'zh-CN', '/');
		assert.equal(back.status, 303);
		assert.equal(back.location, '/');
		const home = await c.get('/');
		assert.equal(htmlLang(home.text), 'zh-CN');
		assert.equal(navLogin(home.text), ZH('Nav.login'));
	});

	test('without next, /lang returns to the home page', async () => {
		const c = new Client();
		const r = await switchTo(c, 'en');
		assert.equal(r.status, 303);
		assert.equal(r.location, '/');
	});

	test('an unknown language is refused and changes nothing', async () => {
		for (const lang of ['fr', 'EN', 'en-US', '', 'zh-CN ']) {
			const c = new Client();
			const r = await switchTo(c, lang, '/');
			assert.equal(r.status, 422, `lang=${JSON.stringify(lang)}`);
			assert.equal(r.cookieSet('lang'), undefined, `lang=${JSON.stringify(lang)}`);
			assert.ok(isLayoutPage(r.text));
		}
	});

	test('the redirect after /lang never leaves the site', async () => {
		for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
			const c = new Client();
			const r = await switchTo(c, 'en', next);
			if (r.status === 303) {
				assert.ok(/^\/(?![/\\])/.test(r.location), `next=${next} → ${r.location}`);
			} else {
				assert.equal(r.status, 422, `next=${next}`);
			}
		}
	});

	test('a lang cookie set by hand is honoured; an unknown one falls back to Chinese', async () => {
		assert.equal(htmlLang((await new Client({ cookies: { lang: 'en' } }).get('/')).text), 'en');
		for (const v of ['xx', 'EN', '', '../../etc/passwd', 'en%00']) {
			const r = await new Client({ cookies: { lang: v } }).get('/');
			assert.equal(r.status, 200, `lang=${v}`);
			assert.equal(htmlLang(r.text), 'zh-CN', `lang=${v}`);
		}
	});

	test('a logged-in user switches language and stays logged in', async () => {
		const c = await login('enterprise');
		const r = await switchTo(c, 'en', '/me');
		assert.equal(r.status, 303);
		assert.equal(r.location, '/me');
		const me = await c.get('/me');
		assert.equal(me.status, 200);
		assert.equal(htmlLang(me.text), 'en');
		assert.equal(byId(me.text, 'me-role'), EN('Role.enterprise'));
		assert.match(me.text, new RegExp(`>${EN('Nav.logout')}<`));
	});
});

describe('error pages in the page language', () => {
	const en = () => new Client({ cookies: { lang: 'en' } });

	test('404, 400, 405 and 403 in English', async () => {
		for (const [p, status, key, method] of [
			['/nope', 404, 'Err.notfound'],
			['/?a=%C0%AF', 400, 'Err.parse.utf8'],
			['/?a=%zz', 400, 'Err.parse.escape'],
			['/%FF', 400, 'Err.parse.path'],
			['/logout', 405, 'Err.method'],
			['/lang', 403, 'Err.csrf', 'POST'],
		]) {
			const c = en();
			const r = method === 'POST' ? await c.post(p, { lang: 'en' }) : await c.get(p);
			assert.equal(r.status, status, p);
			assert.equal(htmlLang(r.text), 'en', p);
			assert.equal(errorText(r.text), EN(key), p);
			assert.match(r.text, new RegExp(`<h1>${EN(`Err.heading.${status}`)}</h1>`), `${p}: heading`);
		}
	});

	test('the same errors in Chinese by default', async () => {
		const r = await new Client().get('/?a=%C0%AF');
		assert.equal(r.status, 400);
		assert.equal(htmlLang(r.text), 'zh-CN');
		assert.equal(errorText(r.text), ZH('Err.parse.utf8'));
		assert.match(r.text, new RegExp(`<h1>${ZH('Err.heading.400')}</h1>`));
	});

	test('the login form errors in English', async () => {
		const c = en();
		const r = await c.loginPost(uniq('nobody_'), 'wrong-password');
		assert.equal(r.status, 422);
		assert.equal(htmlLang(r.text), 'en');
		assert.equal(errorText(r.text), EN('Login.failed'));
	});

	test('a 403 for a logged-in user follows the language too', async () => {
		const c = await login('staff');
		c.setCookie('lang', 'en');
		const r = await c.get('/admin/users');
		assert.equal(r.status, 403);
		assert.equal(htmlLang(r.text), 'en');
		assert.equal(errorText(r.text), EN('Err.forbidden'));
	});
});
