"""Walking skeleton over real HTTP: health, start page, log-in form, error pages, limits, workers."""
import os
import signal
import subprocess
import threading
import time
from harness import Client, run, check, eq


def test_gezond(stack):
    r = Client(stack).get("/gezond")
    eq(r.status, 200, "status")
    eq(r.body, b"ok", "body")
    check(r.header("Content-Type").startswith("text/plain"), "text/plain")


def test_home_redirects_to_login(stack):
    r = Client(stack).get("/")
    eq(r.status, 303, "status")
    eq(r.header("Location"), "/inloggen", "location")


def test_login_form(stack):
    r = Client(stack).get("/inloggen")
    eq(r.status, 200, "status")
    eq(r.header("Server"), "nginx", "server")
    t = r.text
    check('<html lang="nl">' in t, "lang nl")
    for field in ('name="email"', 'name="wachtwoord"', 'name="csrf"'):
        check(field in t, "field " + field)
    check("/static/vendor/utrecht.css" in t, "NL Design System CSS linked")
    check("Zoetermeer" in t and "079 - 346 91 74" in t, "desk contacts in footer")


def test_static_served_by_nginx(stack):
    r = Client(stack).get("/static/vendor/utrecht.css")
    eq(r.status, 200, "status")
    eq(r.header("Server"), "nginx", "server")
    check("utrecht-button" in r.text, "Utrecht component CSS")
    check("max-age=" in (r.header("Cache-Control") or ""), "cache headers")


def test_security_headers(stack):
    r = Client(stack).get("/inloggen")
    csp = r.header("Content-Security-Policy") or ""
    check("frame-ancestors 'none'" in csp, "frame-ancestors")
    check("script-src 'self'" in csp and "unsafe-inline" not in csp, "no inline script")
    eq(r.header("X-Content-Type-Options"), "nosniff", "nosniff")
    eq(r.header("Referrer-Policy"), "same-origin", "referrer")


def test_unknown_path_is_dutch_404(stack):
    r = Client(stack).get("/bestaat/niet")
    eq(r.status, 404, "status")
    check("Pagina niet gevonden" in r.text and 'lang="nl"' in r.text, "Dutch page in layout")


def test_method_not_allowed(stack):
    r = Client(stack).request("DELETE", "/inloggen")
    eq(r.status, 405, "status")
    r = Client(stack).post("/gezond", {"a": "b"})
    eq(r.status, 405, "status POST /gezond")
    check("Methode niet toegestaan" in r.text, "Dutch 405")


def test_big_post_is_413(stack):
    body = b"a=" + b"x" * (30 * 1024 * 1024)
    r = Client(stack).request("POST", "/inloggen", body, {"Content-Type": "application/x-www-form-urlencoded"})
    eq(r.status, 413, "status")
    check("Te groot" in r.text and 'lang="nl"' in r.text, "nginx answers with a Dutch page")


def test_requests_nginx_refuses_get_dutch_pages(stack):
    c = Client(stack)
    r = c.get("/loket?q=" + "a" * 120000)
    eq(r.status, 414, "address too long")
    check("Adres te lang" in r.text, "Dutch 414")
    r = c.get("/%zz")
    eq(r.status, 400, "unreadable address")
    check("Ongeldig verzoek" in r.text, "Dutch 400")


def test_access_log_keeps_no_query_strings(stack):
    c = Client(stack)
    eq(c.get("/activeren?token=" + "ab" * 32).status in (200, 404, 410), True, "activation link answered")
    c.get("/loket?zoek=Jansen")
    # nginx writes the line after it sent the answer: wait (bounded) until both are there.
    t0 = time.monotonic()
    log = stack.log("nginx-access.log")
    while not ("GET /activeren " in log and "GET /loket " in log) and time.monotonic() - t0 < 5:
        time.sleep(0.02)
        log = stack.log("nginx-access.log")
    check("GET /activeren " in log and "GET /loket " in log, "requests logged")
    check("token=" not in log and "abab" not in log and "Jansen" not in log, "no tokens or search terms in the log")


def test_truncated_multipart_is_400(stack):
    c = Client(stack)
    body = b'--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nhalf'
    r = c.request("POST", "/inloggen", body, {"Content-Type": "multipart/form-data; boundary=XYZ"})
    eq(r.status, 400, "status")
    check("Ongeldig verzoek" in r.text, "Dutch 400")


def test_malformed_urlencoded_is_400(stack):
    r = Client(stack).request("POST", "/inloggen", b"email=%zz&x=%", {"Content-Type": "application/x-www-form-urlencoded"})
    eq(r.status, 400, "status")
    r = Client(stack).get("/inloggen?x=%ff%fe")
    eq(r.status, 400, "invalid UTF-8 in query")


def test_post_without_csrf_is_403(stack):
    r = Client(stack).post("/inloggen", {"email": "school@demo.nl", "wachtwoord": "demo-wachtwoord"}, csrf=False)
    eq(r.status, 403, "status")
    check("vl_sessie" not in (r.header("Set-Cookie") or ""), "no session made")


def test_bad_input_leaves_workers_alive(stack):
    before = sorted(stack.worker_pids())
    c = Client(stack)
    for body in (b"%", b"a=%0", b"\xff\xfe=1", b"=" * 5000):
        c.request("POST", "/inloggen", body, {"Content-Type": "application/x-www-form-urlencoded"})
    c.request("POST", "/inloggen", b"--a\r\n", {"Content-Type": "multipart/form-data; boundary=a"})
    c.request("POST", "/inloggen", b"x", {"Content-Type": "multipart/form-data"})
    eq(sorted(stack.worker_pids()), before, "same workers")
    check("killed by signal" not in stack.log(), "no worker died")
    eq(c.get("/gezond").status, 200, "still serving")


def test_killed_worker_is_restarted(stack):
    c = Client(stack)
    errors = []
    stop = threading.Event()

    def load():
        cl = Client(stack)
        while not stop.is_set():
            try:
                cl.get("/gezond")
            except Exception as e:  # noqa: BLE001
                errors.append(e)

    threads = [threading.Thread(target=load) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        victims = stack.worker_pids()
        check(len(victims) == stack.workers, "workers running")
        os.kill(victims[0], signal.SIGKILL)
        t0 = time.monotonic()
        back = False
        while time.monotonic() - t0 < 1.0:
            pids = stack.worker_pids()
            if len(pids) == stack.workers and victims[0] not in pids:
                back = True
                break
            time.sleep(0.02)
        check(back, "worker back within a second")
        for _ in range(20):
            eq(c.get("/gezond").status, 200, "served after kill")
    finally:
        stop.set()
        for t in threads:
            t.join()


def test_killed_auditor_loses_no_entry(stack):
    """Audit entries go to the auditor process (cgi-bin/http/auditor.h) over queues the master
    keeps, and the auditor takes an entry off its queue only once it is committed. Pages do not
    wait for it; what they queued while it was stopped is written by the next auditor when it is
    killed; killed again three times while pages are read, it is restarted each time, and every
    page answered has its entry, the chain intact."""
    query = "select count(*) from audit where action = 'lees' and object = 'loket:10:inbox'"
    c = Client(stack)
    eq(c.login("leerplicht@demo.nl").status, 303, "log-in")
    before = int(stack.sql(query))
    pid = stack.auditor_pid()
    check(pid is not None, "auditor running")
    os.kill(pid, signal.SIGSTOP)
    try:
        for _ in range(30):
            eq(c.get("/loket").status, 200, "answered while the auditor is stopped")
        eq(int(stack.sql(query)), before, "nothing written while it is stopped")
    finally:
        os.kill(pid, signal.SIGKILL)
    got = int(stack.audit_sql(query, lambda v: int(v) >= before + 30))
    eq(got, before + 30, "the next auditor writes what was queued")

    before = got
    answered = []
    stop = threading.Event()

    def load():
        cl = Client(stack)
        eq(cl.login("leerplicht@demo.nl").status, 303, "log-in")
        while not stop.is_set():
            if cl.get("/loket").status == 200:
                answered.append(1)

    threads = [threading.Thread(target=load) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for _ in range(3):
            mark = len(answered) + 20
            deadline = time.monotonic() + 5
            while len(answered) < mark and time.monotonic() < deadline:
                time.sleep(0.01)
            deadline = time.monotonic() + 2
            while stack.auditor_pid() in (None, pid) and time.monotonic() < deadline:
                time.sleep(0.01)
            pid = stack.auditor_pid()
            check(pid is not None, "auditor restarted")
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)	# pages go on being read after the last kill
    finally:
        stop.set()
        for t in threads:
            t.join()
    n = len(answered)
    check(n > 60, "pages answered during the kills: %d" % n)
    got = int(stack.audit_sql(query, lambda v: int(v) >= before + n))
    check(got >= before + n, "every page answered has its entry: %d entries for %d pages" % (got - before, n))
    ctl = os.environ.get("VERZUIMCTL", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                                    "cgi-bin", "verzuimctl"))
    out = subprocess.run([ctl, "audit", "verify", "--db", stack.db], capture_output=True, text=True)
    eq(out.returncode, 0, "chain intact: " + out.stdout + out.stderr)
    check(stack.log().count("auditor") >= 5 and "killed by signal 9" in stack.log(), "the master reports the restarts")


def test_stop_writes_every_queued_entry(stack):
    """A stop right after the auditor died: what the workers queued is still written, by a new
    auditor or by the master once everything has stopped (auditor_drain). Runs last: starts the
    stack afresh (the SIGTERM test stopped it) and leaves it running."""
    stack.start()
    query = "select count(*) from audit where action = 'lees' and object = 'loket:10:inbox'"
    c = Client(stack)
    eq(c.login("leerplicht@demo.nl").status, 303, "log-in")
    before = int(stack.sql(query))
    pid = stack.auditor_pid()
    os.kill(pid, signal.SIGSTOP)
    for _ in range(20):
        eq(c.get("/loket").status, 200, "answered while the auditor is stopped")
    os.kill(pid, signal.SIGKILL)
    os.kill(stack.master_pid(), signal.SIGTERM)
    subprocess.run(["sh", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "nginx", "stack.sh"),
                    "stop", stack.var], capture_output=True)
    eq(int(stack.sql(query)), before + 20, "every entry written by the time verzuimd has stopped")
    stack.start()


def unix_connections(path, states=("03",)):
    """Sockets on the FastCGI socket path, from /proc/net/unix: state 03 = accepted by a worker,
    02 = still queued on the listening socket."""
    n = 0
    with open("/proc/net/unix") as f:
        next(f)
        for line in f:
            parts = line.split()
            if len(parts) >= 8 and parts[7] == path and parts[5] in states:
                n += 1
    return n


def test_sigterm_lets_inflight_requests_finish(stack):
    """Requests in a worker when SIGTERM arrives are answered, and so are those nginx has already
    queued on the socket; then everything stops."""
    sock = os.path.join(stack.var, "verzuimd.sock")
    queued = 2
    clients = [Client(stack) for _ in range(stack.workers + queued)]
    for c in clients:
        c.get("/inloggen")
    results = []

    def slow_login(c):
        # A wrong password: the Argon2id check keeps the worker busy for a while.
        results.append(c.login("school@demo.nl", "niet-het-goede-wachtwoord").status)

    threads = [threading.Thread(target=slow_login, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    # In flight = a worker has taken the request and is computing (state R), not idle in accept.
    def busy():
        n = 0
        for pid in stack.worker_pids():
            try:
                with open("/proc/%d/stat" % pid) as f:
                    n += f.read().rsplit(")", 1)[1].split()[0] == "R"
            except OSError:
                pass
        return n

    t0 = time.monotonic()
    while (unix_connections(sock) < stack.workers or busy() < stack.workers or
           unix_connections(sock, ("02", "03")) < len(clients)) and time.monotonic() - t0 < 5:
        pass
    master = stack.master_pid()
    log_before = len(stack.log())
    os.kill(master, signal.SIGTERM)
    for t in threads:
        t.join()
    eq(sorted(results), [401] * len(clients), "in-flight and queued requests answered")
    t0 = time.monotonic()
    while time.monotonic() - t0 < 10:
        try:
            os.kill(master, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("master still running 10 s after SIGTERM")
    after = stack.log()[log_before:]
    check("verzuimd: stopped" in after, "clean stop logged")
    check("killed by signal" not in after and "restarting" not in after, "workers stopped cleanly")
    check(not os.path.exists(sock), "socket removed")


if __name__ == "__main__":
    run([test_gezond, test_home_redirects_to_login, test_login_form, test_static_served_by_nginx,
         test_security_headers, test_unknown_path_is_dutch_404, test_method_not_allowed,
         test_big_post_is_413, test_requests_nginx_refuses_get_dutch_pages, test_access_log_keeps_no_query_strings,
         test_truncated_multipart_is_400, test_malformed_urlencoded_is_400,
         test_post_without_csrf_is_403, test_bad_input_leaves_workers_alive,
         test_killed_worker_is_restarted, test_killed_auditor_loses_no_entry,
         test_sigterm_lets_inflight_requests_finish, test_stop_writes_every_queued_entry])
