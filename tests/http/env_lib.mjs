// env_lib.mjs — helpers of the environmental-grade HTTP tests (env_*.test.mjs):
// fresh USCCs and subjects, rounds and entries, publication, CSV upload, an
// enterprise account tied to a subject, multipart objections.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { errorText, login, newUscc, q, sql, uniq, uploadCsv } from './lib.mjs';

export { newUscc };
export function today() {
	return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
}
export function addDays(iso, n) {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}
export const idOf = (loc) => Number(/\/(\d+)$/.exec(loc)[1]);
/** A name of Chinese characters only, unique enough for one test run. */
export function cnName(prefix = '苏州') {
	const digits = '零一二三四五六七八九';
	return prefix + String(randomInt(1e9)).split('').map((d) => digits[d]).join('') + '环保测试有限公司';
}

/** A subject registered by staff (optionally in a district). */
export async function newSubject(name = cnName(), district) {
	const uscc = newUscc();
	const staff = await login('staff');
	const r = await staff.postWithCsrf('/staff/subjects', {
		uscc, name, kind: 'enterprise', reg_status: 'active', district,
	}, '/staff/subjects/new');
	assert.equal(r.status, 303, errorText(r.text));
	return { uscc, name, id: Number(sql(`SELECT id FROM subjects WHERE uscc = '${uscc}'`)) };
}

/** A logged-in enterprise account for subject sid (password of the demo). */
export async function enterpriseFor(sid) {
	const name = uniq('envent_');
	sql(`INSERT INTO users (login, display_name, role, subject_id, password_hash, created_at)
	     SELECT ${q(name)}, 'Env test enterprise', 'enterprise', ${Number(sid)}, password_hash, UNIX_TIMESTAMP()
	     FROM users WHERE login = 'enterprise'`);
	return login(name);
}

export async function newRound(c, { scope = `测试范围${randomInt(1e6)}`, year = 2026 } = {}) {
	const r = await c.postWithCsrf('/env/rounds', { year, scope, period_from: `${year}-01-01`, period_to: `${year}-12-31` }, '/env');
	assert.equal(r.status, 303, errorText(r.text));
	return { id: idOf(r.location), scope, year };
}
export async function addEntry(c, round, uscc) {
	const r = await c.postWithCsrf(`/env/rounds/${round}/entries`, { uscc }, `/env/rounds/${round}`);
	assert.equal(r.status, 303, errorText(r.text));
	return idOf(r.location);
}
export function upload(c, round, csv) {
	return uploadCsv(c, `/env/rounds/${round}/import`, csv, { name: 'env-grades.csv' });
}
/** Publicises the round and, as if its days had passed, publishes it. */
export async function publicize(c, round) {
	const r = await c.postWithCsrf(`/env/rounds/${round}/publicize`, { days: 15 }, `/env/rounds/${round}`);
	assert.equal(r.status, 303, errorText(r.text));
}
export async function publish(c, round) {
	await publicize(c, round);
	sql(`UPDATE env_rounds SET publicity_from = CURDATE() - INTERVAL 16 DAY, publicity_to = CURDATE() - INTERVAL 1 DAY WHERE id = ${Number(round)}`);
	const r = await c.postWithCsrf(`/env/rounds/${round}/publish`, {}, `/env/rounds/${round}`);
	assert.equal(r.status, 303, errorText(r.text));
}
/** The grade badge inside the element with this id. */
export function gradeOf(html, id) {
	const m = new RegExp(`id="${id}"[^>]*>[\\s\\S]*?data-grade="([a-z]+)"`).exec(html);
	return m ? m[1] : null;
}
/** The entry id of subject sid in round. */
export function entryOf(round, sid) {
	return Number(sql(`SELECT id FROM env_entries WHERE round_id = ${Number(round)} AND subject_id = ${Number(sid)}`));
}
/** Records a dynamic-scoring event; returns its id. */
export async function addEvent(env, uscc, type, decided_on, doc_no = uniq('EVT')) {
	const r = await env.postWithCsrf('/env/dynamic/events', { uscc, type, decided_on, doc_no }, '/env/dynamic');
	assert.equal(r.status, 303, errorText(r.text));
	return Number(sql(`SELECT MAX(x.id) FROM env_events x JOIN subjects s ON s.id = x.subject_id WHERE s.uscc = '${uscc}'`));
}
