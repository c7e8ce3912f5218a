// server.test.mjs — the prefork master under load: SIGHUP replaces the
// workers without a failed request, a worker killed mid-load is replaced
// (nginx retries the idempotent request it held), and SIGTERM drains and
// exits cleanly; the stack is restarted afterwards. Loads are bounded in
// requests and go to loopback only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BASE_URL, TEST_VAR, Client, stack, sleep, waitFor, sql, q } from './lib.mjs';

const masterPid = () => Number(readFileSync(`${TEST_VAR}/run/app.pid`, 'utf8').trim());
/* Live children of the master (zombies of exited workers excluded), read in one ps call. */
const workers = (pid) => execFileSync('ps', ['--ppid', String(pid), '-o', 'pid=,stat='], { encoding: 'utf8' })
	.split('\n').map((l) => l.trim().split(/\s+/)).filter(([p, st]) => p && st && !st.startsWith('Z'))
	.map(([p]) => Number(p));

/* n GETs of path, `conc` at a time; returns the status counts. */
async function load(path, n, conc, during) {
	const counts = {};
	let next = 0;
	const one = async () => {
		while (next < n) {
			const i = next++;
			if (i === Math.floor(n / 3) && during) during();
			const r = await fetch(BASE_URL + path);
			await r.arrayBuffer();
			counts[r.status] = (counts[r.status] || 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: conc }, one));
	return counts;
}

test('SIGHUP replaces every worker and no request fails', async () => {
	const pid = masterPid();
	const before = workers(pid);
	const counts = await load('/', 600, 8, () => process.kill(pid, 'SIGHUP'));
	assert.deepEqual(Object.keys(counts), ['200'], JSON.stringify(counts));
	// One snapshot per check: the old generation may still be draining
	// (the master kills what is left after its 20 s grace).
	const replaced = await waitFor(() => {
		const now = workers(pid);
		return now.length === before.length && now.every((w) => !before.includes(w));
	}, { timeout: 25_000 });
	assert.ok(replaced, `the old workers ${before.join(', ')} exited (now ${workers(pid).join(', ')})`);
});

test('a worker killed under load is replaced and no request fails', async () => {
	const pid = masterPid();
	const before = workers(pid);
	const counts = await load('/entity/91320506AY4CL12THL', 300, 6, () => process.kill(before[0], 'SIGKILL'));
	assert.deepEqual(Object.keys(counts), ['200'], JSON.stringify(counts));
	await waitFor(() => {
		const now = workers(pid);
		return now.length === before.length && !now.includes(before[0]);
	});
	const log = readFileSync(`${TEST_VAR}/log/app.log`, 'utf8');
	assert.match(log, new RegExp(`worker ${before[0]} died \\(signal 9\\), restarting`));
});

test('SIGTERM finishes in-flight requests and exits; a restart serves again', async () => {
	const pid = masterPid();
	const c = new Client();
	// Views are queued for each worker's audit flusher: those answered just
	// before SIGTERM must all be written by the time the app has exited.
	const uscc = '91320506AY4CL12THL';
	const views = () => Number(sql(`SELECT COUNT(*) FROM audit_log a JOIN subjects s ON s.id = a.subject_id
	                                WHERE s.uscc = ${q(uscc)} AND a.action = 'view'`));
	// Views of the tests before may still be queued: start from a settled
	// count (the flushers write within CREDIT_AUDIT_FLUSH_MS, 100 ms).
	let viewsBefore = views();
	for (let settled = false; !settled;) {
		await sleep(300);
		const now = views();
		settled = now === viewsBefore;
		viewsBefore = now;
	}
	const answered = (await load(`/entity/${uscc}`, 40, 4))['200'];
	assert.equal(answered, 40);
	// A login holds a worker for an Argon2id hash: it must complete.
	const inflight = c.loginPost('enterprise');
	await sleep(20);
	process.kill(pid, 'SIGTERM');
	const r = await inflight;
	assert.equal(r.status, 303, 'the request in progress was answered');
	await waitFor(() => { try { process.kill(pid, 0); return false; } catch { return true; } }, { timeout: 25_000 });
	const down = await fetch(BASE_URL + '/');
	assert.ok([502, 503].includes(down.status), 'nginx answers for the app while it is down');
	assert.match(await down.text(), /服务暂时不可用/, 'with the friendly page');
	assert.equal(views(), viewsBefore + answered, 'every view answered before SIGTERM is in the audit log');
	stack('app-start');
	await waitFor(async () => (await fetch(BASE_URL + '/')).status === 200);
});

// A worker closes a connection at once when it has read all of the request
// (http_finish), and with libfcgi's full close (shutdown, wait for nginx)
// when input is left unread. Either way every response arrives whole and
// nginx logs no upstream error.
test('connections end cleanly whether the request was read whole or refused unread', async () => {
	const errLog = `${TEST_VAR}/log/nginx-error.log`;
	const logStart = readFileSync(errLog).length;
	// Profiles that exist (the table also holds other tests' odd codes).
	const usccs = [];
	for (const u of sql('SELECT uscc FROM subjects ORDER BY id LIMIT 30').split('\n').filter(Boolean))
		if ((await new Client().get(`/entity/${u}`)).status === 200) usccs.push(u);
	assert.ok(usccs.length >= 5, `profiles to load: ${usccs.length}`);
	const big = `next=/&x=${'a'.repeat(300 * 1024)}`;  // over 256 KiB: refused before it is read
	const small = `next=/&lang=en&x=${'a'.repeat(2048)}`; // read whole, then refused on its token
	const counts = {};
	let next = 0;
	const one = async () => {
		while (next < 400) {
			const i = next++;
			let r;
			if (i % 10 === 3) r = await new Client().request('POST', '/lang', { body: big, contentType: 'application/x-www-form-urlencoded' });
			else if (i % 10 === 7) r = await new Client().request('POST', '/lang', { body: small, contentType: 'application/x-www-form-urlencoded' });
			else r = await new Client().get(i % 2 ? `/entity/${usccs[i % usccs.length]}` : '/healthz');
			const len = r.headers.get('content-length');
			if (len !== null) assert.equal(Buffer.byteLength(r.text), Number(len), `request ${i}: whole body`);
			if (r.status !== 200 || i % 2 === 0) assert.ok(r.text.length > 0, `request ${i}: a body`);
			counts[r.status] = (counts[r.status] || 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: 8 }, one));
	assert.deepEqual(counts, { 200: 320, 403: 40, 413: 40 }, JSON.stringify(counts));
	const added = readFileSync(errLog).subarray(logStart).toString();
	assert.doesNotMatch(added, /upstream|reset|prematurely/, added.slice(0, 500));
});
