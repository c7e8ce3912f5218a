// assoc.test.mjs — association ratings in a real browser: the association
// uploads a CSV of ratings and sees the result on its dashboard and the
// member's page; the enterprise (subject 1) then sees the rating on its own
// profile, with the history, and anyone can check the certificate.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ART, openSession } from './browser.mjs';
import { BASE_URL, PASSWORD, ROOT, fakeAddr, sql, uniq } from '../http/lib.mjs';

const WUZHONG = '91320506AY4CL12THL';
let session, context, page, dir;

before(async () => {
	session = await openSession({ scratch: 'assoc-csv-' });
	({ context, page, dir } = session);
});

after(async () => {
	if (session) await session.close();
});

async function loginAs(name) {
	await page.goto(`${BASE_URL}/login`);
	await page.fill('#login', name);
	await page.fill('#password', PASSWORD);
	await Promise.all([page.waitForURL(/\/me$/), page.click('#login-form button[type=submit]')]);
}

test('an association uploads ratings; the enterprise sees them on its profile', async () => {
	// A start after every rating subject 1 has had, so the row supersedes.
	const last = sql(`SELECT DATE_FORMAT(MAX(valid_from), '%Y-%m-%d') FROM ratings WHERE subject_id = 1`);
	const d = new Date(Date.now() + 8 * 3600e3);
	let from = d.toISOString().slice(0, 10);
	if (last && last >= from) {
		const n = new Date(last + 'T00:00:00Z');
		n.setUTCDate(n.getUTCDate() + 1);
		from = n.toISOString().slice(0, 10);
	}
	const basis = uniq('浏览器测试评价');
	// As Excel saves it: UTF-8 with BOM, CRLF, Chinese header.
	const csv = `\uFEFF统一社会信用代码,信用等级,有效期起,有效期止,评价依据,奖惩措施\r\n${WUZHONG},AA,${from},,${basis},重点推荐\r\n`;
	const file = join(dir, 'ratings.csv');
	writeFileSync(file, csv, 'utf8');

	await loginAs('association');
	await page.click('nav >> a[href="/assoc"]');
	await page.waitForURL(/\/assoc$/);
	await page.click('#assoc-tools >> a[href="/assoc/import"]');
	await page.waitForURL(/\/assoc\/import$/);
	await page.setInputFiles('#f-file', file);
	await page.fill('#f-reason', '年度复评（浏览器测试）');
	await page.click('#import-form button[type=submit]');
	await page.waitForSelector('#import-done');
	assert.match(await page.locator('#import-done').innerText(), /1/);
	await page.screenshot({ path: join(ART, 'assoc-import.png'), fullPage: true });

	await page.click('text=返回协会工作台');
	await page.waitForURL(/\/assoc$/);
	const row = page.locator('#members tr', { hasText: '苏州吴中精密机械有限公司' });
	assert.equal((await row.locator('td.level').innerText()).trim(), 'AA');
	await row.locator('a').first().click();
	await page.waitForURL(/\/assoc\/members\/\d+$/);
	assert.ok(await page.locator('#history tr.current', { hasText: basis }).count() === 1);
	assert.ok(await page.locator('#history tr.superseded').count() >= 1, 'the earlier rating stays');
	const cert = (await page.locator('#history tr.current td.cert').innerText()).trim();
	assert.match(cert, /^\d{4}001011\d{5}$/, 'AA = grade code 011');
	await page.click('#logout');

	await loginAs('enterprise');
	await page.goto(`${BASE_URL}/entity/${WUZHONG}`);
	assert.equal(await page.getAttribute('#profile', 'data-scope'), 'self');
	const current = page.locator('#ratings-current tr.current', { hasText: '苏州市机械工业协会' });
	assert.equal((await current.locator('td.level').innerText()).trim(), 'AA');
	assert.match(await current.innerText(), /重点推荐/);
	assert.ok(await page.locator('#ratings-history tr.superseded', { hasText: '年度复评（浏览器测试）' }).count() >= 1,
		'the enterprise sees the superseded rating and why');
	await page.screenshot({ path: join(ART, 'assoc-profile.png'), fullPage: true });
	await page.click('#logout');

	await page.goto(`${BASE_URL}/cert`);
	await page.fill('#f-no', cert);
	await page.click('#cert-form button');
	await page.waitForSelector('#cert-result');
	// Genuine; "pending" when earlier runs pushed the start past today.
	const result = await page.getAttribute('#cert-result', 'data-result');
	assert.equal(result, from <= d.toISOString().slice(0, 10) ? 'valid' : 'pending');
});
