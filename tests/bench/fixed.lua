-- fixed.lua — one request over and over: BENCH_PATH, and for a form post
-- BENCH_BODY (then the method is POST).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
	wrk.method = "POST"
	wrk.body = body
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
