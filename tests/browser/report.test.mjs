// report.test.mjs — an enterprise in a real browser: search for itself,
// log in, open its own profile (non-public records and who viewed it), open
// its credit report, download the PDF, then verify the report as the public.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ART, openSession } from './browser.mjs';
import { BASE_URL, PASSWORD, ROOT, fakeAddr } from '../http/lib.mjs';

let session, context, page;

before(async () => {
	session = await openSession({ acceptDownloads: true });
	({ context, page } = session);
});

after(async () => {
	if (session) await session.close();
});

test('enterprise journey: search, login, own profile, report, PDF, public verification', async () => {
	await page.goto(`${BASE_URL}/`);
	await page.fill('#q', '吴中精密');
	await page.click('form.search button');
	await page.waitForURL(/\/search\?q=/);
	await page.click('text=苏州吴中精密机械有限公司');
	await page.waitForURL(/\/entity\/91320506AY4CL12THL$/);
	assert.equal(await page.getAttribute('#profile', 'data-scope'), 'public');
	assert.equal(await page.locator('text=吴社保催〔2024〕118号').count(), 0, 'non-public record hidden from the public');

	await page.click('#login-link');
	await page.fill('#login', 'enterprise');
	await page.fill('#password', PASSWORD);
	await Promise.all([page.waitForURL(/\/me$/), page.click('#login-form button[type=submit]')]);
	await page.click('#my-file');
	await page.waitForURL(/\/entity\/91320506AY4CL12THL$/);
	assert.equal(await page.getAttribute('#profile', 'data-scope'), 'self');
	assert.ok(await page.locator('text=吴社保催〔2024〕118号').count() > 0, 'own non-public record shown');
	assert.ok(await page.locator('#views').isVisible(), 'who viewed the file');
	await page.screenshot({ path: join(ART, 'profile.png'), fullPage: true });

	await page.click('#self-tools >> text=查看并下载本单位信用报告');
	await page.waitForURL(/\/report$/);
	const text = await page.locator('#report').innerText();
	assert.match(text, /企业信用报告/);
	assert.match(text, /信用信息概况/);
	const serial = text.match(/R\d{8}[0-9A-Z]{11}/)[0];
	const code = text.match(/验证码 ([0-9A-Z]{8})/)[1];
	await page.screenshot({ path: join(ART, 'report.png'), fullPage: true });
	const [download] = await Promise.all([page.waitForEvent('download'), page.click('#pdf-link')]);
	assert.match(download.suggestedFilename(), /^credit-report-R\d{8}[0-9A-Z]{11}\.pdf$/);
	const pdfPath = join(ART, 'report.pdf');
	await download.saveAs(pdfPath);

	// Anyone can check the report.
	await page.click('#logout');
	await page.goto(`${BASE_URL}/verify`);
	await page.fill('#f-serial', serial);
	await page.fill('#f-code', code);
	await page.click('#verify-form button');
	assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'genuine');
	writeFileSync(join(ART, 'report-serial.txt'), `${serial} ${code}\n`);
});
