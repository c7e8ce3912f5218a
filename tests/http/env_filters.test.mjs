// env_filters.test.mjs — environmental grades in lists (issue 4): the public
// search filtered by grade, year and district (with or without a name; only
// published rounds count, the latest one unless a year is chosen), filters
// validated and kept by the pager; round lists by year and a page at a
// time; a round of more than 5,000 enterprises pages instead of rendering
// them all; the dynamic list and a snapshot's price list filtered too.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { Client, login, sql, byId, errorText, decodeEntities } from './lib.mjs';
import {
	newUscc, newSubject, newRound, upload, publicize, publish, addEvent, today, cnName,
} from './env_lib.mjs';

let env, anon, D, A, B, C;

/** USCCs of the result rows of a search page. */
function usccs(html) {
	const t = /<table class="data" id="results">([\s\S]*?)<\/table>/.exec(html);
	return t ? [...t[1].matchAll(/<tr data-uscc="([0-9A-Z]+)"/g)].map((m) => m[1]).sort() : [];
}
const search = async (params) => {
	const r = await anon.get('/search?' + new URLSearchParams(params).toString());
	assert.equal(r.status, 200, `${JSON.stringify(params)}: ${r.status} ${errorText(r.text)}`);
	return r;
};

before(async () => {
	env = await login('env_agency');
	anon = new Client();
	// A district of this run only, three enterprises in it.
	D = `测试区${randomInt(1e6)}`;
	A = await newSubject(cnName('苏州甲'), D);
	B = await newSubject(cnName('苏州乙'), D);
	C = await newSubject(cnName('苏州丙'), D);
	const csv = (rows) => 'uscc,name,grade\n' + rows.map(([s, g]) => `${s.uscc},${s.name},${g}`).join('\n') + '\n';
	// 2031 published: A green, B red, C blue. 2032 published: A red.
	// 2034 only publicised: C black. 2035 a draft: B black.
	const r1 = await newRound(env, { year: 2031 });
	assert.equal((await upload(env, r1.id, csv([[A, 'green'], [B, 'red'], [C, 'blue']]))).status, 200);
	await publish(env, r1.id);
	const r2 = await newRound(env, { year: 2032 });
	assert.equal((await upload(env, r2.id, csv([[A, 'red']]))).status, 200);
	await publish(env, r2.id);
	const r3 = await newRound(env, { year: 2034 });
	assert.equal((await upload(env, r3.id, csv([[C, 'black']]))).status, 200);
	await publicize(env, r3.id);
	const r4 = await newRound(env, { year: 2035 });
	assert.equal((await upload(env, r4.id, csv([[B, 'black']]))).status, 200);
});

test('search by district, grade and year without a name: published rounds only', async () => {
	const all = await search({ district: D });
	assert.deepEqual(usccs(all.text), [A.uscc, B.uscc, C.uscc].sort());
	assert.match(byId(all.text, 'search-summary'), /3/);
	// Without a year, each enterprise's latest published round: A's 2032
	// red, B's 2031 red; C's 2034 black is only publicised.
	assert.deepEqual(usccs((await search({ district: D, grade: 'red' })).text), [A.uscc, B.uscc].sort());
	assert.deepEqual(usccs((await search({ district: D, grade: 'red', year: 2031 })).text), [B.uscc]);
	assert.deepEqual(usccs((await search({ district: D, grade: 'green', year: 2031 })).text), [A.uscc]);
	assert.deepEqual(usccs((await search({ district: D, grade: 'green' })).text), [], 'A is red since 2032');
	assert.deepEqual(usccs((await search({ district: D, year: 2032 })).text), [A.uscc]);
	assert.deepEqual(usccs((await search({ district: D, grade: 'blue' })).text), [C.uscc]);
	assert.deepEqual(usccs((await search({ district: D, grade: 'black' })).text), [],
		'a publicised or draft grade is not public');
	assert.deepEqual(usccs((await search({ district: D, year: 2034 })).text), []);
	assert.deepEqual(usccs((await search({ district: D, year: 2035 })).text), []);
	// Every result carries the badge of its current grade.
	const red = await search({ district: D, grade: 'red' });
	assert.match(red.text, new RegExp(`data-uscc="${A.uscc}"[\\s\\S]*?data-grade="red"`));
});

test('filters narrow a name search and a USCC lookup', async () => {
	assert.deepEqual(usccs((await search({ q: A.name, grade: 'red' })).text), [A.uscc]);
	assert.deepEqual(usccs((await search({ q: A.name, grade: 'green' })).text), []);
	assert.deepEqual(usccs((await search({ q: A.name, grade: 'green', year: 2031 })).text), [A.uscc]);
	assert.deepEqual(usccs((await search({ q: A.name, district: '不存在的区' })).text), []);
	assert.deepEqual(usccs((await search({ q: A.uscc, grade: 'red' })).text), [A.uscc]);
	assert.deepEqual(usccs((await search({ q: A.uscc, grade: 'blue' })).text), []);
	assert.deepEqual(usccs((await search({ q: A.uscc })).text), [A.uscc], 'no filter: as before');
	// The choices offered: published years only, and the district.
	const page = await search({ q: A.name });
	const years = [.../<select id="f-year"[\s\S]*?<\/select>/.exec(page.text)[0].matchAll(/<option>(\d{4})</g)].map((m) => m[1]);
	assert.ok(years.includes('2031') && years.includes('2032'), years.join());
	assert.ok(!years.includes('2035'), 'a draft year is not offered');
	assert.ok(!years.includes('2034') || sql("SELECT COUNT(*) FROM env_rounds WHERE year = 2034 AND status = 'published'") !== '0');
	assert.match(page.text, new RegExp(`<option>${D}</option>`));
});

test('the choices follow a new district and a newly published year at once, in every worker', async () => {
	// Each worker keeps a copy of the choices (pages/entity.c): fill them all,
	// change both lists through the app, and every answer must show the change.
	const choices = async () => {
		const pages = await Promise.all(Array.from({ length: 12 }, () => anon.get('/search')));
		return pages.map((p) => p.text);
	};
	const D2 = `缓存测试区${randomInt(1e6)}`;
	for (const text of await choices()) assert.doesNotMatch(text, new RegExp(`<option>${D2}</option>`));
	const S = await newSubject(cnName('苏州丁'), D2);
	for (const text of await choices()) assert.match(text, new RegExp(`<option>${D2}</option>`));
	// A year no round has (other tests pick theirs from 2026-2090).
	const year = Number(sql('SELECT MIN(seq) FROM seq_2091_to_2100 WHERE seq NOT IN (SELECT year FROM env_rounds)'));
	assert.ok(year >= 2091, 'a free year');
	const round = await newRound(env, { year });
	assert.equal((await upload(env, round.id, `uscc,name,grade\n${S.uscc},${S.name},green\n`)).status, 200);
	for (const text of await choices()) assert.doesNotMatch(text, new RegExp(`<option>${year}</option>`));
	await publish(env, round.id);
	for (const text of await choices()) assert.match(text, new RegExp(`<option>${year}</option>`));
});

test('filters are validated: a bad value is a 422 with a message, nothing listed', async () => {
	for (const p of [{ grade: 'purple' }, { year: '1999' }, { year: 'abc' }, { district: 'x'.repeat(51) },
		{ q: '苏州', grade: 'purple' }]) {
		const r = await anon.get('/search?' + new URLSearchParams(p).toString());
		assert.equal(r.status, 422, JSON.stringify(p));
		assert.ok(byId(r.text, 'filter-error'), JSON.stringify(p));
		assert.equal(usccs(r.text).length, 0);
	}
	// Undeclared parameters are dropped.
	const r = await anon.get('/search?district=' + encodeURIComponent(D) + '&evil=1');
	assert.equal(r.status, 200);
});

test('the pager keeps the filters', async () => {
	const P = `分页区${randomInt(1e6)}`;
	const values = [];
	for (let i = 0; i < 23; i++) values.push(`('${newUscc()}', '分页测试企业${i}', '${P}', UNIX_TIMESTAMP())`);
	sql(`INSERT INTO subjects (uscc, name, district, created_at) VALUES ${values.join(',')}`);
	const p1 = await search({ district: P });
	assert.equal(usccs(p1.text).length, 20);
	assert.match(byId(p1.text, 'search-summary'), /23/);
	const next = /<a href="([^"]+)" rel="next"/.exec(p1.text);
	assert.ok(next, 'a next page');
	const href = decodeEntities(next[1]);
	assert.match(href, /[?&]district=/);
	assert.match(href, /[?&]page=2/);
	const p2 = await anon.get(href);
	assert.equal(p2.status, 200);
	assert.equal(usccs(p2.text).length, 3);
	const prev = decodeEntities(/<a href="([^"]+)" rel="prev"/.exec(p2.text)[1]);
	assert.match(prev, /[?&]district=%/, 'the district, URL-encoded');
	assert.deepEqual(usccs((await anon.get(prev)).text), usccs(p1.text));
});

test('the rounds list: by year, a page at a time', async () => {
	// A year without rounds, so the pages hold exactly this test's rows
	// even on a database that earlier runs filled.
	const y = Number(sql('SELECT MIN(seq) FROM seq_2041_to_2090 WHERE seq NOT IN (SELECT year FROM env_rounds)'));
	assert.ok(y >= 2041, 'a free year');
	const before = Number(sql(`SELECT COUNT(*) FROM env_rounds WHERE year = ${y} AND status <> 'draft'`));
	sql(`INSERT INTO env_rounds (year, scope, period_from, period_to, status, publicity_from, publicity_to, published_on, created_at)
	     SELECT ${y}, CONCAT('分页范围', seq), '${y}-01-01', '${y}-12-31', 'published', CURDATE(), CURDATE(), CURDATE(), UNIX_TIMESTAMP()
	     FROM seq_1_to_60`);
	const total = before + 60;
	const rows = (html) => [...html.matchAll(/<tr data-round="(\d+)"><td>(\d{4})<\/td>/g)].map((m) => Number(m[2]));
	const p1 = await anon.get(`/env?year=${y}`);
	assert.equal(p1.status, 200);
	assert.equal(rows(p1.text).length, 50);
	assert.ok(rows(p1.text).every((yy) => yy === y), 'only that year');
	const next = decodeEntities(/<a href="([^"]+)" rel="next"/.exec(p1.text)[1]);
	assert.match(next, new RegExp(`year=${y}`));
	const p2 = await anon.get(next);
	assert.equal(rows(p2.text).length, total - 50);
	assert.equal((await anon.get('/env?year=1999')).status, 422);
	// Without a year, the newest first, at most a page.
	const all = await anon.get('/env');
	assert.ok(rows(all.text).length <= 50);
});

test('a round of more than 5,000 enterprises is shown a page at a time', async () => {
	const round = await newRound(env, { year: 2030 });
	const tag = randomInt(1e9);
	// 5,100 enterprises in one round (demo-sized data in SQL; the page is what is tested).
	sql(`INSERT INTO subjects (uscc, name, district, created_at)
	     SELECT CONCAT('T', LPAD(${tag} MOD 1000000, 6, '0'), LPAD(seq, 11, '0')), CONCAT('大轮次测试企业', seq), '大轮次区', UNIX_TIMESTAMP()
	     FROM seq_1_to_5100`);
	sql(`INSERT INTO env_entries (round_id, subject_id, source, score, base_grade, grade, created_at, updated_at)
	     SELECT ${round.id}, s.id, 'import', NULL, ELT(1 + s.id MOD 5, 'green','blue','yellow','red','black'),
	            ELT(1 + s.id MOD 5, 'green','blue','yellow','red','black'), UNIX_TIMESTAMP(), UNIX_TIMESTAMP()
	     FROM subjects s WHERE s.uscc LIKE CONCAT('T', LPAD(${tag} MOD 1000000, 6, '0'), '%')`);
	await publish(env, round.id);
	const t0 = Date.now();
	const r = await anon.get(`/env/rounds/${round.id}`);
	assert.equal(r.status, 200);
	assert.ok(Date.now() - t0 < 3000, 'fast enough');
	const entryRows = (html) => (/<table class="data" id="entries">([\s\S]*?)<\/table>/.exec(html)?.[1].match(/<tr data-uscc=/g) || []).length;
	assert.equal(entryRows(r.text), 100, 'one page, not 5,100 rows');
	assert.equal(byId(r.text, 'n-matching'), '5100');
	assert.match(byId(r.text, 'pager'), /1 \/ 51/);
	const last = await anon.get(`/env/rounds/${round.id}?page=51`);
	assert.equal(entryRows(last.text), 100);
	assert.equal(entryRows((await anon.get(`/env/rounds/${round.id}?page=52`)).text), 0);
	// Filters and pages together; the links keep the filter.
	const red = await anon.get(`/env/rounds/${round.id}?grade=red`);
	assert.equal(byId(red.text, 'n-matching'), sql(`SELECT COUNT(*) FROM env_entries WHERE round_id = ${round.id} AND grade = 'red'`));
	assert.ok([...red.text.matchAll(/data-grade="([a-z]+)"/g)].filter((m) => m.index > red.text.indexOf('id="entries"')).every((m) => m[1] === 'red'));
	const next = decodeEntities(/<a href="([^"]+)" rel="next"/.exec(red.text)[1]);
	assert.match(next, /grade=red/);
	assert.equal(entryRows((await anon.get(next)).text), 100);
	// The statistics still count all of them, in SQL.
	const stats = await anon.get(`/env/rounds/${round.id}/stats`);
	assert.match(byId(stats.text, 'stats-total'), /5100/);
	assert.equal((await anon.get(`/env/rounds/${round.id}?page=0`)).status, 422);
});

test('the dynamic list by today\'s grade and district; a snapshot\'s list by grade and district', async () => {
	const Dd = `动态区${randomInt(1e6)}`;
	const s = await newSubject(cnName('苏州丁'), Dd);
	await addEvent(env, s.uscc, 'stop_production', today());
	const has = async (q) => (await env.get('/env/dynamic?' + new URLSearchParams(q))).text.includes(`data-uscc="${s.uscc}"`);
	assert.equal(await has({ grade: 'black' }), true, '9 - 12 = -3: black');
	assert.equal(await has({ grade: 'green' }), false);
	assert.equal(await has({ district: Dd }), true);
	assert.equal(await has({ district: Dd, grade: 'blue' }), false);
	const only = await env.get('/env/dynamic?district=' + encodeURIComponent(Dd));
	assert.equal(byId(only.text, 'n-dyn'), '1');
	assert.equal((await env.get('/env/dynamic?grade=purple')).status, 422);
	assert.equal((await (await login('staff')).get('/env/dynamic?grade=black')).status, 403);
	// A snapshot's red/black list narrowed to one grade.
	const snap = sql('SELECT MAX(id) FROM env_snapshots');
	if (snap !== 'NULL' && snap !== '') {
		const black = await anon.get(`/env/snapshots/${snap}?grade=black`);
		assert.equal(black.status, 200);
		const list = /<table class="data" id="price-list">([\s\S]*?)<\/table>/.exec(black.text);
		if (list) assert.ok([...list[1].matchAll(/data-grade="([a-z]+)"/g)].every((m) => m[1] === 'black'));
		assert.equal((await anon.get(`/env/snapshots/${snap}?grade=green`)).status, 422, 'only red or black');
	}
});
