-- soak.lua — the mixed load of `make soak` (tests/bench/soak.sh), for wrk.
-- Arguments after "--": the session cookies of enterprise, association, env_agency, staff and admin, the enterprise's
-- CSRF token and one of its record ids. Each thread walks the same list of
-- requests from its own offset and checks every status against the one the
-- list expects; with one connection per thread (-t N -c N) requests and
-- answers strictly alternate, so `cur` is the request being answered.

local threads, nthreads = {}, 0

function setup(thread)
	thread:set("id", nthreads)
	nthreads = nthreads + 1
	table.insert(threads, thread)
end

local function pdf(size)
	local head, tail = "%PDF-1.4\n% soak\n", "\n%%EOF\n"
	return head .. string.rep("0", size - #head - #tail) .. tail
end

-- A multipart objection with an empty statement: parsed (a big file is
-- spooled to disk), the document sniffed, then refused with 422 and the
-- form shown again; nothing is written.
local function objection(csrf, record, size)
	local b = "soakBoundary7MA4YWxkTrZu0gW"
	local body = table.concat({
		"--" .. b, 'Content-Disposition: form-data; name="csrf"', "", csrf,
		"--" .. b, 'Content-Disposition: form-data; name="record"', "", record,
		"--" .. b, 'Content-Disposition: form-data; name="statement"', "", "",
		"--" .. b, 'Content-Disposition: form-data; name="document"; filename="doc.pdf"',
		"Content-Type: application/pdf", "", pdf(size),
		"--" .. b .. "--", "" }, "\r\n")
	return body, "multipart/form-data; boundary=" .. b
end

function init(args)
	local sid = {
		anon = nil, enterprise = args[1], association = args[2], env_agency = args[3],
		staff = args[4], admin = args[5],
	}
	local csrf, record = args[6], args[7]
	local ent = "91320506AY4CL12THL"
	-- { weight, role, method, path, expected status [, body, content type] }
	local mix = {
		{ 6, "anon", "GET", "/", 200 },
		{ 6, "anon", "GET", "/search?q=%E7%B2%BE%E5%AF%86", 200 },       -- 精密
		{ 3, "anon", "GET", "/search?q=%E8%8B%8F%E5%B7%9E", 200 },       -- 苏州
		{ 3, "anon", "GET", "/search?q=" .. ent:lower(), 200 },
		{ 8, "anon", "GET", "/entity/" .. ent, 200 },
		{ 3, "anon", "GET", "/entity/913205839D4H3J9HT5", 200 },
		{ 2, "anon", "GET", "/env", 200 },
		{ 2, "anon", "GET", "/cert?no=202300111100002", 200 },
		{ 2, "anon", "GET", "/login", 200 },
		{ 1, "anon", "GET", "/verify", 200 },
		{ 1, "anon", "GET", "/no/such/page", 404 },
		{ 1, "anon", "GET", "/staff", 303 },
		{ 4, "enterprise", "GET", "/me", 200 },
		{ 3, "enterprise", "GET", "/entity/" .. ent, 200 },
		{ 2, "enterprise", "GET", "/me/requests", 200 },
		{ 2, "enterprise", "GET", "/report", 200 },
		{ 1, "enterprise", "GET", "/me/repairs/new", 200 },
		{ 1, "enterprise", "GET", "/staff", 403 },
		{ 2, "association", "GET", "/assoc", 200 },
		{ 1, "association", "GET", "/assoc/scale", 200 },
		{ 2, "staff", "GET", "/staff", 200 },
		{ 2, "staff", "GET", "/staff/repairs", 200 },
		{ 1, "staff", "GET", "/staff/objections", 200 },
		{ 1, "staff", "GET", "/staff/associations", 200 },
		{ 1, "env_agency", "GET", "/env/dynamic", 200 },
		{ 1, "admin", "GET", "/admin/calendar", 200 },
		{ 1, "admin", "GET", "/admin/env", 200 },
		{ 1, "admin", "GET", "/admin/users", 200 },
		{ 2, "enterprise", "POST", "/lang", 303, "csrf=" .. csrf .. "&lang=zh-CN&next=%2Fme",
			"application/x-www-form-urlencoded" },
	}
	local small, small_ct = objection(csrf, record, 4000)
	local big, big_ct = objection(csrf, record, 300 * 1024)
	table.insert(mix, { 2, "enterprise", "POST", "/me/objections", 422, small, small_ct })
	-- About one request in 270: a PDF report (libharu, embedded font) or a
	-- spooled upload.
	local rare = {
		{ "enterprise", "GET", "/report.pdf", 200 },
		{ "enterprise", "POST", "/me/objections", 422, big, big_ct },
	}

	seq = {}
	local function add(role, method, path, want, body, ctype)
		local h = {}
		if sid[role] then h["Cookie"] = "sid=" .. sid[role] end
		if ctype then h["Content-Type"] = ctype end
		table.insert(seq, { name = method .. " " .. path:sub(1, 30) .. " (" .. role .. ")", want = want,
			req = wrk.format(method, path, h, body) })
	end
	local round = 0
	while #seq < 2000 do
		for _, m in ipairs(mix) do
			for _ = 1, m[1] do add(m[2], m[3], m[4], m[5], m[6], m[7]) end
		end
		round = round + 1
		if round % 4 == 0 then
			local r = rare[(round / 4) % #rare + 1]
			add(r[1], r[2], r[3], r[4], r[5], r[6])
		end
	end
	pos = (id * 97) % #seq
	count, bad, badinfo = 0, 0, ""
end

function request()
	pos = pos % #seq + 1
	cur = seq[pos]
	return cur.req
end

function response(status, headers, body)
	count = count + 1
	if status ~= cur.want then
		bad = bad + 1
		if #badinfo < 300 then badinfo = badinfo .. cur.name .. "=" .. status .. "; " end
	end
end

function done(summary, latency, requests)
	local n, b, info = 0, 0, ""
	for _, t in ipairs(threads) do
		n = n + t:get("count")
		b = b + t:get("bad")
		info = info .. t:get("badinfo")
	end
	local e = summary.errors
	io.write(string.format("soak: requests=%d unexpected=%d errors=%d p50=%.1fms p99=%.1fms %s\n",
		n, b, e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, info))
end
