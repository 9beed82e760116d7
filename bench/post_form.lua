-- A form POST with HTTP Basic client authentication, as the token and introspection endpoints expect.
-- run.sh passes the body and the credentials through the environment (BENCH_FORM, BENCH_BASIC_AUTH).
wrk.method = "POST"
wrk.body = assert(os.getenv("BENCH_FORM"), "BENCH_FORM is not set")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. assert(os.getenv("BENCH_BASIC_AUTH"), "BENCH_BASIC_AUTH is not set")
wrk.headers["Accept"] = "application/json"
