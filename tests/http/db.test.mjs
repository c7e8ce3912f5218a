// db.test.mjs — the application's database account has only what it needs;
// the audit log is append-only for it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib.mjs';

/** {"db.table" | "*.*" | "db.*": Set(privileges)} from SHOW GRANTS. */
function grants() {
	const out = sql("SHOW GRANTS FOR 'credit_app'@'localhost'");
	const map = new Map();
	for (const line of out.split('\n')) {
		const m = /^GRANT (.+?) ON (\S+) TO /.exec(line);
		assert.ok(m, `unexpected grant line: ${line.replace(/PASSWORD '[^']*'/, "PASSWORD '…'")}`);
		const on = m[2].replace(/`/g, '');
		const privs = new Set(m[1].split(/\s*,\s*/).map((p) => p.trim().toUpperCase()));
		map.set(on, new Set([...(map.get(on) || []), ...privs]));
		assert.doesNotMatch(line, /WITH GRANT OPTION/, `grant option: ${on}`);
	}
	return map;
}

describe('database grants of credit_app', () => {
	test('no global or database-wide privileges', () => {
		const g = grants();
		for (const [on, privs] of g) {
			if (on === '*.*') assert.deepEqual([...privs], ['USAGE'], `global privileges: ${[...privs]}`);
			else assert.match(on, /^credit\.[a-z_]+$/, `a grant on ${on} (database-wide or foreign)`);
		}
	});

	test('audit_log: INSERT and SELECT only (no UPDATE, DELETE, DROP, ALTER)', () => {
		const g = grants();
		const a = g.get('credit.audit_log');
		assert.ok(a, 'credit_app can use audit_log');
		assert.deepEqual([...a].sort(), ['INSERT', 'SELECT']);
	});

	test('no schema changes and no deleting accounts', () => {
		for (const [on, privs] of grants()) {
			for (const p of ['ALTER', 'DROP', 'CREATE', 'INDEX', 'REFERENCES', 'TRIGGER', 'ALL PRIVILEGES', 'ALL', 'FILE', 'SUPER']) {
				assert.ok(!privs.has(p), `${p} on ${on}`);
			}
		}
		const users = grants().get('credit.users');
		assert.ok(users && !users.has('DELETE'), 'accounts are disabled, never deleted');
		assert.deepEqual([...(grants().get('credit.schema_migrations') || [])], ['SELECT']);
	});

	test('the tables the app writes to exist with the keyed-hash session id', () => {
		const cols = sql("SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA='credit' AND TABLE_NAME='sessions' ORDER BY ORDINAL_POSITION");
		assert.match(cols, /^id\tbinary\(32\)$/m);
		assert.match(cols, /^last_seen\tbigint/m);
		assert.match(cols, /^created_at\tbigint/m);
	});
});
