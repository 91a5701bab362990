"""make bench, step 2: log in on the running stack and generate the wrk Lua scripts.
  python3 gen_requests.py PORT OUTDIR
Writes OUTDIR/<name>.lua for each benchmark and prints shell assignments for run.sh:
  <name>_path=...; <name>_status=... (the page's status before the run; 0 when not there).
The session cookies are real log-ins of the demo accounts school@demo.nl (school 1, 1,500+
students after gen_data.sql) and leerplicht@demo.nl (desk 10, Zoetermeer leerplicht)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, "..", "e2e"), os.path.join(HERE, "..", "load")]
from harness import Client  # noqa: E402
import submit  # noqa: E402

# The reporting part every script shares: one machine-readable line at the end of the run.
# "bad" is wrk's count of answers with status 400 or more; no response() callback, which would
# slow wrk down.
REPORT = r'''
local threads = {}
function setup(thread) table.insert(threads, thread); thread:set("tid", #threads) end
function done(summary, latency, requests)
  local bad = summary.errors.status
  io.write(string.format("RESULT requests=%d seconds=%.3f ok=%d bad=%d errors=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests - bad, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
'''


def lua_get(cookie):
    hdr = 'wrk.headers["Cookie"] = "%s"\n' % cookie if cookie else ""
    return hdr + REPORT


def lua_post(cookie, pairs):
    """A POST whose idempotency token is new for every request (thread id + counter)."""
    import urllib.parse
    before, after = [], []
    seen_token = False
    for k, v in pairs:
        if k == "token":
            seen_token = True
            continue
        (after if seen_token else before).append((k, v))
    pre = urllib.parse.urlencode(before + [("token", "")])
    post = ("&" + urllib.parse.urlencode(after)) if after else ""
    return ('''
wrk.method = "POST"
wrk.headers["Cookie"] = "%s"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local pre = "%s"
local post = "%s"
local n = 0
function request()
  n = n + 1
  -- 32 hex digits: 8 for the thread, 24 for the counter; unique within the run
  local tok = string.format("%%08x%%024x", tid, n)
  return wrk.format(nil, nil, nil, pre .. tok .. post)
end
''' % (cookie, pre.replace('"', '\\"'), post.replace('"', '\\"'))) + REPORT


class _Stack:
    def __init__(self, port):
        self.port = port


def main():
    port, out = int(sys.argv[1]), sys.argv[2]
    st = _Stack(port)
    shell = []

    def put(name, path, status, script, cookie=""):
        with open(os.path.join(out, name + ".lua"), "w") as f:
            f.write(script)
        shell.append("%s_path='%s'; %s_status=%d; %s_cookie='%s'" % (name, path, name, status, name, cookie))

    anon = Client(st)
    put("login", "/inloggen", anon.get("/inloggen").status, lua_get(None))
    put("static", "/static/print.css", anon.get("/static/print.css").status, lua_get(None))

    school = Client(st)
    school.login("school@demo.nl")
    sc = "vl_sessie=" + school.cookies.get("vl_sessie", "")
    put("signals", "/school/signalen", school.get("/school/signalen").status, lua_get(sc), sc)

    desk = Client(st)
    desk.login("leerplicht@demo.nl")
    dc = "vl_sessie=" + desk.cookies.get("vl_sessie", "")
    put("inbox", "/loket", desk.get("/loket").status, lua_get(dc), dc)

    try:
        path, pairs = submit.prepare_melding(school, 1)
        put("submit", path, 303, lua_post(sc, pairs))
    except submit.NotReady as e:
        sys.stderr.write("gen_requests: no melding submission: %s\n" % e)
        put("submit", submit.melding_path(1), 0, lua_get(sc))
    print("; ".join(shell))


if __name__ == "__main__":
    main()
