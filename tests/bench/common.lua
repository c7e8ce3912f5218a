-- common.lua — shared by the wrk scenario scripts of tests/bench/bench.sh:
-- optional headers from the environment, a per-thread random seed, and one
-- machine-readable result line at the end (bench.sh parses it).
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end

-- Each wrk thread has its own Lua state; seed each one differently.
math.randomseed(os.time() * 1000 + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000))

function bench_lines(path)
	local t = {}
	for line in io.lines(path) do
		if line ~= "" then t[#t + 1] = line end
	end
	assert(#t > 0, "no input lines in " .. path)
	return t
end

function bench_urlencode(s)
	return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d " ..
		"connect=%d read=%d write=%d status=%d timeout=%d\n",
		summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
		e.connect, e.read, e.write, e.status, e.timeout))
end
