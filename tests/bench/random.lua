-- random.lua — BENCH_PREFIX followed by a random line of BENCH_INPUT
-- (URL-encoded), e.g. /entity/<a random USCC> or /search?q=<a fragment>.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local items = bench_lines(os.getenv("BENCH_INPUT"))
local prefix = os.getenv("BENCH_PREFIX")
for i = 1, #items do items[i] = prefix .. bench_urlencode(items[i]) end

request = function()
	return wrk.format("GET", items[math.random(#items)])
end
