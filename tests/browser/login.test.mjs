// login.test.mjs — one journey in a real browser (Debian's chromium driven
// by playwright-core): Chinese home page, English and back (remembered
// across pages), a failed login, the enterprise login, /me, a screenshot,
// logout. Also: no CSP violation and no script error on any page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ART, openSession } from './browser.mjs';
import { BASE_URL, PASSWORD, ROOT, fakeAddr, str } from '../http/lib.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let session, context, page;
const problems = [];

before(async () => {
	session = await openSession();
	({ context, page } = session);
	page.on('console', (m) => {
		// Error statuses of the pages themselves (the 404 and 422 we ask for)
		// are logged as "Failed to load resource"; anything else counts.
		if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
	});
	page.on('response', (r) => {
		const t = r.request().resourceType();
		if (['stylesheet', 'script', 'image', 'font'].includes(t) && r.status() >= 400) {
			problems.push(`${t} ${r.url()}: ${r.status()}`);
		}
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
});

after(async () => {
	if (session) await session.close();
});

const lang = () => page.locator('html').getAttribute('lang');

test('browser journey: language switch, failed login, login, /me, logout', async () => {
	// The Chinese home page.
	let res = await page.goto(`${BASE_URL}/`);
	assert.equal(res.status(), 200);
	assert.equal(await lang(), 'zh-CN');
	assert.equal((await page.locator('#login-link').textContent()).trim(), str('zh-CN', 'Nav.login'));
	assert.equal((await page.locator('h1').first().textContent()).trim(), str('zh-CN', 'Home.heading'));
	assert.equal(await page.locator('#logout').count(), 0);
	const css = await page.evaluate(() => getComputedStyle(document.querySelector('header.site')).display);
	assert.ok(css, 'the stylesheet applies');

	// English, remembered across navigation.
	await Promise.all([page.waitForURL(`${BASE_URL}/`), page.getByRole('button', { name: 'English' }).click()]);
	assert.equal(await lang(), 'en');
	assert.equal((await page.locator('#login-link').textContent()).trim(), str('en', 'Nav.login'));
	await page.goto(`${BASE_URL}/login`);
	assert.equal(await lang(), 'en', 'English is remembered on another page');
	await page.goto(`${BASE_URL}/no-such-page`);
	assert.equal(await lang(), 'en', 'and on an error page');
	assert.equal((await page.locator('#error-message').textContent()).trim(), str('en', 'Err.notfound'));

	// And back to Chinese, from the page we are on.
	await page.goto(`${BASE_URL}/`);
	await Promise.all([page.waitForURL(`${BASE_URL}/`), page.getByRole('button', { name: '中文' }).click()]);
	assert.equal(await lang(), 'zh-CN');
	await page.goto(`${BASE_URL}/login`);
	assert.equal(await lang(), 'zh-CN', 'Chinese is remembered too');
	await page.goto(`${BASE_URL}/`);

	// The login link, then a failed login: the error message, the name kept.
	await Promise.all([page.waitForURL(`${BASE_URL}/login`), page.locator('#login-link').click()]);
	await page.fill('#login', 'enterprise');
	await page.fill('#password', 'definitely-not-the-password');
	res = (await Promise.all([page.waitForNavigation(), page.locator('#login-form button[type=submit]').click()]))[0];
	assert.equal(res.status(), 422);
	assert.equal((await page.locator('#login-error').textContent()).trim(), str('zh-CN', 'Login.failed'));
	assert.equal(await page.inputValue('#login'), 'enterprise', 'the login name is kept');
	assert.equal(await page.inputValue('#password'), '', 'the password is not echoed');

	// The right password: on to /me, which shows the login and the role.
	await page.fill('#password', PASSWORD);
	await Promise.all([page.waitForURL(`${BASE_URL}/me`), page.locator('#login-form button[type=submit]').click()]);
	assert.equal(await lang(), 'zh-CN');
	assert.equal((await page.locator('#me-login').textContent()).trim(), 'enterprise');
	assert.equal(await page.locator('#me-role').getAttribute('data-role'), 'enterprise');
	assert.equal((await page.locator('#me-role').textContent()).trim(), str('zh-CN', 'Role.enterprise'));
	assert.equal(await page.locator('#login-link').count(), 0, 'the header shows the user');
	assert.ok((await page.locator('.who').textContent()).includes(str('zh-CN', 'Role.enterprise')));

	// The session cookie is not readable from scripts.
	assert.equal(await page.evaluate(() => document.cookie.includes('sid=')), false, 'sid is HttpOnly');
	const sid = (await context.cookies(BASE_URL)).find((c) => c.name === 'sid');
	assert.ok(sid && sid.httpOnly && sid.sameSite === 'Lax', 'sid: HttpOnly, SameSite=Lax');

	mkdirSync(ART, { recursive: true });
	const shot = join(ART, 'login.png');
	await page.screenshot({ path: shot, fullPage: true });
	assert.ok(statSync(shot).size > 1000, 'a screenshot was written');

	// Log out: the anonymous header again, and /me asks for a login.
	await Promise.all([page.waitForURL(`${BASE_URL}/`), page.locator('#logout').click()]);
	assert.equal(await page.locator('#logout').count(), 0);
	assert.equal((await page.locator('#login-link').textContent()).trim(), str('zh-CN', 'Nav.login'));
	await page.goto(`${BASE_URL}/me`);
	assert.equal(new URL(page.url()).pathname, '/login', 'after logout /me leads to the login form');
	assert.equal(new URL(page.url()).searchParams.get('next'), '/me');

	assert.deepEqual(problems, [], 'no script errors or CSP violations');
});
