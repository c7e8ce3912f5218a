// run.mjs — sqlmap against every declared form and query parameter of the
// running stack (BASE_URL, TEST_VAR), as every role the route table lets in;
// started by tests/sqlmap/sqlmap.sh (`make sqlmap`). The targets are derived,
// not listed: each route of app/routes.c with a form, the form's fields from
// its `struct field` array in app/pages/*.c (FT_FILE fields make it a
// multipart form), a plausible value per field (type, enum choices), the
// roles from the route's role mask ("anon" for the public). Each target is
// one sqlmap run with the role's session cookie and CSRF token, bounded by
// --batch, SQLMAP_LEVEL/SQLMAP_RISK (2/1: no OR-based or heavy payloads that
// could rewrite whole tables), SQLMAP_TARGET_SECONDS per run and
// SQLMAP_SECONDS for all. Writes OUT/summary.md and OUT/summary.tsv (and
// each run's log and sqlmap output under OUT/targets/); exits 1 when any
// parameter is found injectable or a run did not finish.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { BASE_URL, ROOT, ROLES, TEST_VAR, Client, login, readRoutes, samplePath, sql } from '../http/lib.mjs';

const OUT = process.env.SQLMAP_OUT || `${ROOT}/var/sqlmap`;
const LEVEL = process.env.SQLMAP_LEVEL || '2';
const RISK = process.env.SQLMAP_RISK || '1';
const PER_TARGET = Number(process.env.SQLMAP_TARGET_SECONDS || 300);
const ALL = Number(process.env.SQLMAP_SECONDS || 3600);
const ONLY = process.env.SQLMAP_ONLY ? new RegExp(process.env.SQLMAP_ONLY) : null;
const DEMO_USCC = '91320506AY4CL12THL';

// ---------------------------------------------------------------------------
// The forms, from the C sources.

function parseForms() {
	const forms = new Map();
	const dir = `${ROOT}/app/pages`;
	for (const f of readdirSync(dir).filter((n) => n.endsWith('.c'))) {
		const src = readFileSync(`${dir}/${f}`, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
		const choices = new Map();
		for (const m of src.matchAll(/static const char \*const (\w+)\[\]\s*=\s*\{([^}]*)\}/g)) {
			choices.set(m[1], [...m[2].matchAll(/"([^"]*)"/g)].map((x) => x[1]));
		}
		for (const m of src.matchAll(/const struct form (\w+)\s*=\s*\{\s*(\w+)\s*,/g)) {
			const [, name, arr] = m;
			const fields = [];
			if (arr !== 'NULL') {
				const def = new RegExp(`static const struct field ${arr}\\[[^\\]]*\\]\\s*=\\s*\\{([\\s\\S]*?)\\n\\};`).exec(src);
				if (!def) throw new Error(`${f}: cannot find the fields ${arr} of ${name}`);
				for (const x of def[1].matchAll(/\{\s*"([^"]+)"\s*,\s*(FT_\w+)\s*,\s*([^,]+),\s*([^,]+),\s*([^,]+),\s*(\w+)\s*\}/g)) {
					fields.push({ key: x[1], type: x[2], flags: x[3], min: x[4].trim(), max: x[5].trim(), choices: choices.get(x[6]) || null });
				}
			}
			forms.set(name, { file: f, fields });
		}
	}
	return forms;
}

/** A value that passes the field's rules where it can (the page then does
 * its real work, queries included, with the value sqlmap varies). */
function sampleValue(field, t = {}) {
	const k = field.key;
	if (k === 'uscc' && t.uscc) return t.uscc;
	if (field.choices) return field.choices[0];
	switch (field.type) {
	case 'FT_INT': {
		const min = Number(field.min);
		return String(Number.isFinite(min) && min > 1 ? min : 1);
	}
	case 'FT_DATE': return '2025-06-02';
	case 'FT_LOCALPATH': return '/me';
	case 'FT_LOGIN': return k === 'login' ? 'sqlmap-nobody' : 'staff';
	case 'FT_PASSWORD': return 'not-the-password';
	case 'FT_TOKEN': return k === 'item' ? 'tax_arrears' : 'sqlmap';
	default:
		if (k === 'uscc') return DEMO_USCC;
		if (k === 'q') return '精密';
		if (/no$|number/.test(k)) return '202300111100002';
		return 'sqlmap 测试';
	}
}

const FILES = {
	csv: `uscc,item,agency,doc_no,decided_on,summary\n${DEMO_USCC},tax_arrears,sqlmap,SQLMAP-1,2025-01-02,sqlmap\n`,
	pdf: '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n',
};

// An existing object for each typed {id}, named by the path segment before
// it, looked up when the target runs (earlier runs may have created one):
// the baseline then reaches the handler's queries instead of a 404. The
// subject of that object gives the form's "uscc" where it has one.
const ID_TABLES = {
	serious: ['serious_list'], records: ['credit_records'], subjects: ['subjects'],
	members: ['association_members', 'WHERE association_id = 1'], ratings: ['ratings'],
	levels: ['rating_levels'], repairs: ['repair_applications'], objections: ['objections'],
	rounds: ['env_rounds'], entries: ['env_entries'], deductions: ['env_deductions'],
	events: ['env_events'], snapshots: ['env_snapshots'], dynamic: ['env_dynamic_subjects', '', 'subject_id'],
};

function resolve(t) {
	const segs = t.pattern.split('/');
	let uscc = null;
	const path = segs.map((seg, i) => {
		if (seg !== '{id}') return seg;
		const [table, where = '', col = 'id'] = ID_TABLES[segs[i - 1]] || [];
		if (!table) return '1';
		const id = sql(`SELECT IFNULL(MIN(${col}), 1) FROM ${table} ${where}`);
		const hasSubject = col === 'subject_id' || sql(`SELECT COUNT(*) FROM information_schema.columns
			WHERE table_schema = DATABASE() AND table_name = '${table}' AND column_name = 'subject_id'`) === '1';
		if (hasSubject) {
			uscc = sql(`SELECT IFNULL((SELECT s.uscc FROM ${table} x JOIN subjects s ON s.id = x.${col === 'id' ? 'subject_id' : col}
				WHERE x.${col} = ${Number(id)} LIMIT 1), '')`) || uscc;
		} else if (table === 'subjects') {
			uscc = sql(`SELECT uscc FROM subjects WHERE id = ${Number(id)}`) || uscc;
		}
		return id;
	}).join('/');
	return { path: samplePath(path).replace(/\/entity\/[^/]+/, `/entity/${DEMO_USCC}`), uscc };
}

function targets(forms) {
	const list = [];
	for (const r of readRoutes()) {
		if (r.form === 'NULL') continue;
		const name = r.form.replace(/^&/, '');
		const form = forms.get(name);
		if (!form) throw new Error(`route ${r.method} ${r.pattern}: form ${name} not found in app/pages/*.c`);
		const params = form.fields.filter((f) => f.type !== 'FT_FILE' && f.key !== 'csrf');
		const files = form.fields.filter((f) => f.type === 'FT_FILE');
		if (params.length === 0) continue; // nothing sqlmap could vary (a file only)
		for (const role of ROLES.filter((x) => r.roles.has(x))) {
			list.push({ method: r.method, pattern: r.pattern, role, form: name, params, files });
		}
	}
	return list;
}

// ---------------------------------------------------------------------------
// Sessions and requests.

async function session(role) {
	const c = role === 'anon' ? new Client() : await login(role);
	const csrf = await c.csrf(role === 'anon' ? '/login' : '/me');
	return { client: c, cookie: c.cookieHeader(), csrf, addr: c.addr };
}

/** The role's session, logged in again if a run ended it (then noted). */
async function liveSession(sess, role) {
	if (role !== 'anon' && (await sess[role].client.get('/me')).status !== 200) {
		sess[role] = await session(role);
		return true;
	}
	return false;
}

/** The status of the unaltered request, for the summary. */
async function baseline(t, s, qs, raw) {
	const c = s.client;
	if (raw) {
		const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
		const ctype = /Content-Type: (multipart[^\r]*)/.exec(raw)[1];
		return (await c.request('POST', t.path, { body, contentType: ctype })).status;
	}
	if (t.method === 'GET') return (await c.get(`${t.path}?${qs}`)).status;
	return (await c.request('POST', t.path, { body: String(qs), contentType: 'application/x-www-form-urlencoded' })).status;
}

function multipartRequest(t, sess, host) {
	const b = '----sqlmapBoundary7MA4YWxkTrZu0gW';
	const parts = [`--${b}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${sess.csrf}\r\n`];
	for (const f of t.params) parts.push(`--${b}\r\nContent-Disposition: form-data; name="${f.key}"\r\n\r\n${sampleValue(f, t)}\r\n`);
	for (const f of t.files) {
		const csv = /import/.test(t.pattern);
		parts.push(`--${b}\r\nContent-Disposition: form-data; name="${f.key}"; filename="${csv ? 'x.csv' : 'x.pdf'}"\r\n` +
			`Content-Type: ${csv ? 'text/csv' : 'application/pdf'}\r\n\r\n${csv ? FILES.csv : FILES.pdf}\r\n`);
	}
	const body = `${parts.join('')}--${b}--\r\n`;
	return `POST ${t.path} HTTP/1.1\r\nHost: ${host}\r\nCookie: ${sess.cookie}\r\nX-Test-Client: ${sess.addr}\r\n` +
		`Content-Type: multipart/form-data; boundary=${b}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

function nginxLines() {
	try {
		return readFileSync(`${TEST_VAR}/log/nginx-access.log`, 'utf8').split('\n').length;
	} catch {
		return 0;
	}
}

function runSqlmap(args, logFile, seconds) {
	return new Promise((resolve) => {
		const p = spawn('sqlmap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		p.stdout.on('data', (d) => { out += d; });
		p.stderr.on('data', (d) => { out += d; });
		const timer = setTimeout(() => p.kill('SIGKILL'), seconds * 1000);
		p.on('close', (code, signal) => {
			clearTimeout(timer);
			writeFileSync(logFile, out);
			resolve({ out, code, killed: signal === 'SIGKILL' });
		});
	});
}

function verdict(res) {
	if (/identified the following injection point/.test(res.out)) return 'INJECTABLE';
	if (res.killed) return 'timeout';
	if (/all tested parameters do not appear to be injectable/.test(res.out)) return 'not injectable';
	const crit = /\[CRITICAL\] (.*)/.exec(res.out);
	return `inconclusive: ${crit ? crit[1].slice(0, 80) : `exit ${res.code}`}`;
}

// ---------------------------------------------------------------------------

const t0 = Date.now();
rmSync(`${OUT}/targets`, { recursive: true, force: true });
mkdirSync(`${OUT}/targets`, { recursive: true });
const list = targets(parseForms()).filter((t) => !ONLY || ONLY.test(`${t.method} ${t.pattern} ${t.role}`));
const host = new URL(BASE_URL).host;
const sess = {};
for (const role of ROLES) sess[role] = await session(role);
const rows = [];
console.log(`sqlmap: ${list.length} targets (route × role), level ${LEVEL}, risk ${RISK}`);
for (const [i, t] of list.entries()) {
	const left = ALL - (Date.now() - t0) / 1000;
	const id = `${String(i + 1).padStart(3, '0')}-${t.role}-${t.method}${t.pattern.replace(/[^A-Za-z0-9]+/g, '_')}`;
	const dir = `${OUT}/targets/${id}`;
	mkdirSync(dir, { recursive: true });
	if (left < 10) {
		rows.push({ ...t, result: 'not run (SQLMAP_SECONDS)', requests: 0, seconds: 0 });
		continue;
	}
	Object.assign(t, resolve(t));
	const relogged = await liveSession(sess, t.role);
	const s = sess[t.role];
	let raw = null, qs = null;
	const args = ['--batch', '--ignore-stdin', '--ignore-code=404', `--level=${LEVEL}`, `--risk=${RISK}`, '--dbms=MySQL', '--time-sec=2',
		'--timeout=15', '--retries=1', '--drop-set-cookie', '--flush-session', '--disable-coloring',
		'--skip-waf', '-v', '1', `--output-dir=${dir}`, '-p', t.params.map((f) => f.key).join(',')];
	if (t.files.length > 0) {
		raw = multipartRequest(t, s, host);
		writeFileSync(`${dir}/request.txt`, raw);
		args.push('-r', `${dir}/request.txt`);
	} else {
		qs = new URLSearchParams(t.params.map((f) => [f.key, sampleValue(f, t)]));
		if (t.method === 'GET') {
			args.push('-u', `${BASE_URL}${t.path}?${qs}`);
		} else {
			qs.set('csrf', s.csrf);
			args.push('-u', `${BASE_URL}${t.path}`, `--data=${qs}`);
		}
		args.push(`--cookie=${s.cookie}`, `--headers=X-Test-Client: ${s.addr}`);
	}
	const base = await baseline(t, s, qs, raw);
	const before = nginxLines();
	const started = Date.now();
	const res = await runSqlmap(args, `${dir}/sqlmap.log`, Math.min(PER_TARGET, left));
	const row = { ...t, base, result: verdict(res), requests: nginxLines() - before, seconds: Math.round((Date.now() - started) / 1000) };
	// A session that died during the run would have turned the rest of the
	// run into requests for the login page: such a run does not count.
	if (t.role !== 'anon' && (await s.client.get('/me')).status !== 200) row.result = `inconclusive: the ${t.role} session ended`;
	if (relogged) row.result += ' (after a new login)';
	rows.push(row);
	console.log(`sqlmap: ${i + 1}/${list.length} ${t.method} ${t.path} as ${t.role} [${t.params.map((f) => f.key).join(',')}]: ` +
		`${row.result} (baseline ${base}, ${row.requests} requests, ${row.seconds} s)`);
}

const found = rows.filter((r) => r.result === 'INJECTABLE');
const clean = rows.filter((r) => r.result.startsWith('not injectable'));
const other = rows.filter((r) => r.result !== 'INJECTABLE' && !r.result.startsWith('not injectable'));
const params = rows.reduce((n, r) => n + r.params.length, 0);
const requests = rows.reduce((n, r) => n + r.requests, 0);
const secs = Math.round((Date.now() - t0) / 1000);
const md = [
	'# make sqlmap',
	'',
	`${new Date().toISOString().slice(0, 16)}Z, sqlmap ${(await runSqlmap(['--version'], `${OUT}/version.txt`, 30)).out.trim().split('\n')[0]}, ` +
		`level ${LEVEL}, risk ${RISK}, --dbms=MySQL, --time-sec=2, against ${BASE_URL}.`,
	'',
	`${rows.length} targets (route × role) from app/routes.c, ${params} parameters tested, ${requests} HTTP requests, ${secs} s.`,
	`Injectable: **${found.length}**. Not injectable: ${clean.length}. Other: ${other.length}.`,
	'',
	'Baseline: the status of the unaltered request with the sample values (a 4xx one still reaches the handler\'s',
	'validation and, where the values pass, its queries).',
	'',
	'| route | role | parameters | baseline | result | requests | s |',
	'|---|---|---|---|---|---|---|',
	...rows.map((r) => `| ${r.method} ${r.pattern} | ${r.role} | ${r.params.map((f) => f.key).join(', ')} | ${r.base ?? ''} | ${r.result} | ${r.requests} | ${r.seconds} |`),
	'',
].join('\n');
writeFileSync(`${OUT}/summary.md`, md);
writeFileSync(`${OUT}/summary.tsv`, rows.map((r) => [r.method, r.pattern, r.role, r.params.map((f) => f.key).join(','),
	r.base ?? '', r.result, r.requests, r.seconds].join('\t')).join('\n') + '\n');
console.log(`sqlmap: ${rows.length} targets, ${params} parameters, ${requests} requests, ${secs} s: ` +
	`${found.length} injectable, ${clean.length} not injectable, ${other.length} other (${OUT}/summary.md)`);
process.exit(found.length === 0 && other.length === 0 ? 0 : 1);
