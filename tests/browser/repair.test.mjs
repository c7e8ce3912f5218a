// repair.test.mjs — credit repair in a real browser: the enterprise applies
// from its own profile with PDF proofs, staff review and approve in the
// queue, the record disappears from the public profile and the applicant
// sees the decision and its reason.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ART, openSession } from './browser.mjs';
import { BASE_URL, PASSWORD, ROOT, fakeAddr, sql, q, uniq } from '../http/lib.mjs';

let session, context, page, dir;

before(async () => {
	session = await openSession({ scratch: 'repair-files-' });
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

test('repair journey: apply with a PDF, staff approve, the record leaves the public profile', async () => {
	const sid = Number(sql("SELECT subject_id FROM users WHERE login = 'enterprise'"));
	const uscc = sql(`SELECT uscc FROM subjects WHERE id = ${sid}`);
	const doc = uniq('BRDOC');
	sql(`INSERT INTO credit_records (subject_id, item_id, agency, doc_no, decided_on, summary, is_public, created_at, updated_at)
	     SELECT ${sid}, id, 'Browser test agency', ${q(doc)}, CURDATE() - INTERVAL 200 DAY, 'browser test arrears', 1, UNIX_TIMESTAMP(), UNIX_TIMESTAMP()
	     FROM catalog_items WHERE code = 'tax_arrears'`);
	const recId = Number(sql(`SELECT id FROM credit_records WHERE doc_no = ${q(doc)}`));
	const pdf = join(dir, 'proof.pdf');
	writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

	await loginAs('enterprise');
	await page.goto(`${BASE_URL}/entity/${uscc}`);
	await page.click(`#record-${recId} .repair-link`);
	await page.waitForURL(/\/me\/repairs\/new\?record=/);
	await page.fill('#f-reason', '已全额缴清欠税及滞纳金');
	await page.setInputFiles('#f-application', pdf);
	await page.setInputFiles('#f-commitment', pdf);
	await page.setInputFiles('#f-proof', pdf);
	await Promise.all([page.waitForURL(/\/me\/requests$/), page.click('#repair-form button[type=submit]')]);
	const id = Number(sql(`SELECT MAX(id) FROM repair_applications WHERE record_id = ${recId}`));
	assert.equal(await page.getAttribute(`#repair-${id}`, 'data-status'), 'submitted');
	await page.click('#logout');

	await loginAs('staff');
	await page.goto(`${BASE_URL}/staff/repairs`);
	await page.click(`#q-${id} a`);
	await page.waitForURL(new RegExp(`/staff/repairs/${id}$`));
	assert.ok(await page.locator('#files .file-link').count() === 3);
	await Promise.all([page.waitForURL(new RegExp(`/staff/repairs/${id}$`)), page.click('#review-form button')]);
	await page.check('#decide-form input[value=approve]');
	await page.fill('#decide-form #f-reason', '书面证明齐全，准予修复');
	await Promise.all([page.waitForURL(new RegExp(`/staff/repairs/${id}$`)), page.click('#decide-form button[type=submit]')]);
	assert.equal(await page.getAttribute('#request', 'data-status'), 'approved');
	await page.screenshot({ path: join(ART, 'repair-staff.png'), fullPage: true });
	await page.click('#logout');

	await page.goto(`${BASE_URL}/entity/${uscc}`);
	assert.equal(await page.getAttribute('#profile', 'data-scope'), 'public');
	assert.equal(await page.locator(`text=${doc}`).count(), 0, 'repaired record hidden from the public');

	await loginAs('enterprise');
	await page.goto(`${BASE_URL}/me/requests`);
	assert.equal(await page.getAttribute(`#repair-${id}`, 'data-status'), 'approved');
	assert.match(await page.locator(`#repair-${id} .decision`).innerText(), /书面证明齐全，准予修复/);
	await page.screenshot({ path: join(ART, 'repair-applicant.png'), fullPage: true });
});
