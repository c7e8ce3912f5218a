// browser.mjs — how every browser test starts Debian's chromium through
// playwright-core: headless, no background networking (the machine has no
// network), a fresh profile, its own fake client address for the test
// stack's X-Test-Client, and one viewport and timeout for all.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, fakeAddr } from '../http/lib.mjs';

export const ART = join(ROOT, 'tests', 'artifacts');

const ARGS = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A persistent context (a fresh --user-data-dir means one in Playwright). */
export async function launch(profile, extra = {}) {
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ARGS,
		extraHTTPHeaders: { 'X-Test-Client': fakeAddr() },
		viewport: { width: 1200, height: 900 },
		...extra,
	});
	context.setDefaultTimeout(15_000);
	return context;
}

/**
 * One browser for a test file: a fresh profile (and, with `scratch`, a
 * scratch folder for files the test writes) under $HOME, the artifacts
 * folder made, and a page. close() ends the browser and removes both.
 */
export async function openSession({ scratch, ...extra } = {}) {
	const home = process.env.HOME || tmpdir();
	mkdirSync(home, { recursive: true });
	mkdirSync(ART, { recursive: true });
	const profile = mkdtempSync(join(home, 'chromium-profile-'));
	const dir = scratch ? mkdtempSync(join(home, scratch)) : null;
	const context = await launch(profile, extra);
	const page = context.pages()[0] || await context.newPage();
	return {
		context, page, dir,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
			if (dir) rmSync(dir, { recursive: true, force: true });
		},
	};
}
