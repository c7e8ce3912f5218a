// env.test.mjs — environmental grades in a real browser: the agency creates
// a round, imports its results as CSV (a new enterprise is registered from
// its row), publicises and publishes it; the public then sees the badge
// (colour and written name) in search results and on the profile, and the
// statistics page (screenshot); the enterprise sees its grade with the
// breakdown that produced it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ART, openSession } from './browser.mjs';
import { BASE_URL, PASSWORD, ROOT, fakeAddr, newUscc, sql } from '../http/lib.mjs';

let session, context, page, dir;


before(async () => {
	session = await openSession({ scratch: 'env-csv-' });
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

test('the agency imports and publishes; the public sees the badge; the enterprise its breakdown', async () => {
	const uscc = newUscc();
	const name = `苏州浏览器环保测试${randomInt(1e6)}有限公司`;
	const scope = `浏览器测试范围${randomInt(1e6)}`;
	const file = join(dir, 'env-grades.csv');
	// As Excel saves it: UTF-8 with BOM, CRLF, Chinese header and grade words.
	writeFileSync(file, `\uFEFF统一社会信用代码,名称,环保信用等级,得分,所属区县\r\n${uscc},${name},黄色,70,吴江区\r\n`, 'utf8');

	await loginAs('envagency');
	await page.click('nav >> a[href="/env"]');
	await page.waitForURL(/\/env$/);
	await page.fill('#f-year', '2026');
	await page.fill('#f-scope', scope);
	await page.fill('#f-period_from', '2026-01-01');
	await page.fill('#f-period_to', '2026-12-31');
	await Promise.all([page.waitForURL(/\/env\/rounds\/\d+$/), page.click('#round-form button[type=submit]')]);
	const round = Number(/\/(\d+)$/.exec(page.url())[1]);
	assert.equal(await page.getAttribute('#round-status', 'data-status'), 'draft');
	await page.click(`a[href="/env/rounds/${round}/import"]`);
	await page.setInputFiles('#f-file', file);
	await page.click('#import-form button[type=submit]');
	await page.waitForSelector('#import-done');
	assert.match(await page.locator('#import-done').innerText(), /1/);
	await page.goto(`${BASE_URL}/env/rounds/${round}`);
	await Promise.all([page.waitForURL(/\/env\/rounds\/\d+$/), page.click('#publicize-form button[type=submit]')]);
	assert.equal(await page.getAttribute('#round-status', 'data-status'), 'publicity');
	// The publicity period (15 days) has passed.
	sql(`UPDATE env_rounds SET publicity_from = CURDATE() - INTERVAL 16 DAY, publicity_to = CURDATE() - INTERVAL 1 DAY WHERE id = ${round}`);
	await page.reload();
	await Promise.all([page.waitForURL(/\/env\/rounds\/\d+$/), page.click('#publish-form button[type=submit]')]);
	assert.equal(await page.getAttribute('#round-status', 'data-status'), 'published');
	await page.click('#logout');

	// The public: search, profile, statistics.
	await page.goto(`${BASE_URL}/search?q=${encodeURIComponent(name)}`);
	const badge = page.locator('#results td.env-grade .badge');
	assert.equal(await badge.getAttribute('data-grade'), 'yellow');
	assert.equal((await badge.innerText()).trim(), '黄色', 'the written name, not colour alone');
	await page.click(`#results a[href="/entity/${uscc}"]`);
	await page.waitForURL(new RegExp(`/entity/${uscc}$`));
	assert.equal(await page.getAttribute('#env-current', 'data-grade'), 'yellow');
	assert.match(await page.locator('#env-current').innerText(), /黄色/);
	await page.goto(`${BASE_URL}/env/rounds/2/stats`);
	assert.equal(await page.locator('svg.grade-chart rect').count(), 5);
	await page.screenshot({ path: join(ART, 'env-stats.png'), fullPage: true });
	// In print the badges keep colour and written name (browsers drop
	// backgrounds unless told otherwise: black's white name would vanish).
	await page.emulateMedia({ media: 'print' });
	const printed = await page.locator('#stats tr[data-grade="black"] .badge').evaluate((e) => {
		const s = getComputedStyle(e);
		return { adjust: s.printColorAdjust || s.webkitPrintColorAdjust, color: s.color, bg: s.backgroundColor, text: e.textContent.trim() };
	});
	assert.equal(printed.adjust, 'exact', 'colours printed as shown');
	assert.equal(printed.text, '黑色');
	assert.notEqual(printed.color, printed.bg);
	await page.emulateMedia({ media: 'screen' });

	// The enterprise (subject 1) sees its grade with the breakdown.
	await loginAs('enterprise');
	await page.goto(`${BASE_URL}/entity/91320506AY4CL12THL`);
	assert.equal(await page.getAttribute('#env-current', 'data-grade'), 'green');
	assert.match(await page.locator('#env-deductions').innerText(), /污染物排放达标情况/);
	assert.match(await page.locator('#env-events').innerText(), /签署环境信用承诺书/);
	await page.screenshot({ path: join(ART, 'env-profile.png'), fullPage: true });
	await page.click('#env-timeline-link');
	await page.waitForURL(/\/env\/dynamic\/1$/);
	assert.ok(await page.locator('#timeline li').count() >= 2);
});
