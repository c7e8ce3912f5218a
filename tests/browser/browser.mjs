// browser.mjs — how every browser test starts Debian's chromium through
// playwright-core: headless, no background networking (the machine has no
// network), a fresh profile, its own fake client address for the test
// stack's X-Test-Client, and one viewport and timeout for all.
import { chromium } from 'playwright-core';
import { fakeAddr } from '../http/lib.mjs';

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
