"""Load and fault test (make load): 1,000 concurrent melding submissions through nginx while a
FastCGI worker is killed with SIGKILL every KILL_STEP answered submissions (so a faster portal is
killed as often as a slower one). A client whose request fails (connection
reset, 502) sends the same submission again with the same idempotency token, at most
RETRIES times, the way a user presses the button again. Afterwards:
  - every submission answered with success (303) is in the database exactly once;
  - no token is in the database more than once (retries did not duplicate);
  - nothing half-written: every melding has exactly its one 'ingediend' event, every event
    belongs to a melding, and SQLite's integrity check passes;
  - the master replaced every killed worker, and the portal still answers.
Prints PASS:/FAIL: lines (tests/run-all.sh protocol); exit 1 on failure.
  N=1000 KILL_STEP=100 python3 tests/load/fault.py"""
import http.client
import os
import random
import signal
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "e2e")]
from harness import Client, Stack, check, eq  # noqa: E402
import submit  # noqa: E402

N = int(os.environ.get("N", "1000"))
KILL_STEP = int(os.environ.get("KILL_STEP", "100"))	# answered submissions between kills
RETRIES = int(os.environ.get("RETRIES", "3"))
WORKERS = int(os.environ.get("WORKERS", "4"))


class Result:
    def __init__(self, token):
        self.token = token
        self.status = None	# final answer
        self.location = None
        self.attempts = 0
        self.errors = []
        self.first = None	# the answer to the first attempt (None: no answer)
        self.done = False	# answered (or given up) for good


def send(port, cookie, path, body, res, start):
    start.wait()
    try:
        attempts(port, cookie, path, body, res)
    finally:
        res.done = True


def attempts(port, cookie, path, body, res):
    for attempt in range(1 + RETRIES):
        res.attempts += 1
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("POST", path, body, {"Cookie": cookie,
                                              "Content-Type": "application/x-www-form-urlencoded"})
            r = conn.getresponse()
            r.read()
            res.status = r.status
            res.location = r.getheader("Location")
            conn.close()
        except (OSError, http.client.HTTPException) as e:
            res.status = None
            res.errors.append(type(e).__name__)
        if attempt == 0:
            res.first = res.status if res.status is not None else (res.errors or ["?"])[-1]
        if res.status is not None and res.status < 500:
            return
        time.sleep(0.05 * (attempt + 1))	# the user waits a moment before pressing again


def killer(stack, stop, kills, results):
    """A worker killed each time another KILL_STEP submissions have their final answer, while
    the rest are still in flight."""
    rnd = random.Random(8)
    next_at = KILL_STEP
    while not stop.wait(0.002):
        if sum(1 for r in results if r.done) < next_at:
            continue
        next_at += KILL_STEP
        pids = stack.worker_pids()
        if not pids:
            continue
        pid = rnd.choice(pids)
        try:
            os.kill(pid, signal.SIGKILL)
            kills.append(pid)
        except ProcessLookupError:
            pass


def main():
    stack = Stack(WORKERS).start()
    failed = 0
    results = []

    def case(name, fn):
        nonlocal failed
        try:
            fn()
            print("PASS: load.%s" % name, flush=True)
        except Exception as e:  # noqa: BLE001
            failed += 1
            print("FAIL: load.%s: %s" % (name, str(e).replace("\n", " | ")[:2000]), flush=True)

    try:
        school = Client(stack)
        school.login("school@demo.nl")
        cookie = "vl_sessie=" + school.cookies["vl_sessie"]
        try:
            path, pairs = submit.prepare_melding(school, 1)
        except submit.NotReady as e:
            print("FAIL: load.setup: melding form not usable: %s" % e, flush=True)
            failed += 1
            return
        base = int(stack.sql("SELECT count(*) FROM melding"))
        start = threading.Event()
        threads = []
        for _ in range(N):
            p, tok = submit.with_token(pairs)
            res = Result(tok)
            results.append(res)
            t = threading.Thread(target=send, args=(stack.port, cookie, path,
                                                    urllib.parse.urlencode(p), res, start))
            t.start()
            threads.append(t)
        stop = threading.Event()
        kills = []
        k = threading.Thread(target=killer, args=(stack, stop, kills, results))
        t0 = time.time()
        k.start()
        start.set()
        for t in threads:
            t.join()
        elapsed = time.time() - t0
        stop.set()
        k.join()

        ok = [r for r in results if r.status == 303]
        other = {}
        for r in results:
            other[r.status] = other.get(r.status, 0) + 1
        retried = sum(1 for r in results if r.attempts > 1)
        firsts = {}
        for r in results:
            firsts[r.first] = firsts.get(r.first, 0) + 1
        print("load: %d submissions in %.1f s (%.0f/s), %d workers killed, %d retried; first answers %s; "
              "final answers %s" % (N, elapsed, N / elapsed, len(kills), retried,
                                    ", ".join("%s: %d" % kv for kv in sorted(firsts.items(), key=str)),
                                    ", ".join("%s: %d" % kv for kv in sorted(other.items(), key=str))),
              flush=True)

        def workers_were_killed():
            check(len(kills) >= 2, "only %d workers killed: the run was too short to test faults" % len(kills))

        def most_answered_with_success():
            # Faults may cost an answer, never a submission: at least 90 % succeed in the end.
            check(len(ok) >= N * 0.9, "only %d of %d submissions succeeded: %s" % (len(ok), N, other))

        def every_success_exactly_once():
            rows = stack.sql("SELECT client_token, count(*) FROM melding WHERE client_token IS NOT NULL "
                             "GROUP BY client_token")
            counts = dict((l.split("|")[0], int(l.split("|")[1])) for l in rows.splitlines() if l)
            lost = [r.token for r in ok if counts.get(r.token, 0) == 0]
            dup = [t for t, c in counts.items() if c > 1]
            eq(lost, [], "answered with success but not in the database")
            eq(dup, [], "tokens stored more than once")
            added = int(stack.sql("SELECT count(*) FROM melding")) - base
            mine = sum(1 for r in results if counts.get(r.token, 0) == 1)
            eq(added, mine, "rows added vs submissions of this run found")

        def success_points_at_its_own_melding():
            bad = []
            for r in ok[:200]:
                mid = (r.location or "").rstrip("/").rsplit("/", 1)[-1]
                if not mid.isdigit():
                    bad.append("%s: Location %r" % (r.token, r.location))
                    continue
                got = stack.sql("SELECT client_token FROM melding WHERE id = %d" % int(mid))
                if got != r.token:
                    bad.append("%s: Location %s is token %s" % (r.token, r.location, got))
            eq(bad[:5], [], "redirects after success")

        def nothing_half_written():
            orphans = stack.sql("SELECT count(*) FROM melding m WHERE (SELECT count(*) FROM melding_event e "
                                "WHERE e.melding_id = m.id AND e.kind = 'ingediend') <> 1")
            eq(orphans, "0", "meldingen without exactly one 'ingediend' event")
            dangling = stack.sql("SELECT count(*) FROM melding_event e LEFT JOIN melding m ON m.id = e.melding_id "
                                 "WHERE m.id IS NULL")
            eq(dangling, "0", "events without a melding")
            eq(stack.sql("PRAGMA integrity_check"), "ok", "integrity_check")
            eq(stack.sql("PRAGMA foreign_key_check"), "", "foreign_key_check")

        def portal_recovers():
            deadline = time.time() + 10
            while len(stack.worker_pids()) < WORKERS and time.time() < deadline:
                time.sleep(0.1)
            eq(len(stack.worker_pids()), WORKERS, "workers after the run")
            r = Client(stack).get("/gezond")
            eq(r.status, 200, "health after the run")
            log = stack.log()
            check("AddressSanitizer" not in log and "runtime error" not in log, "sanitizer report in verzuimd.log")

        case("workers_were_killed", workers_were_killed)
        case("most_answered_with_success", most_answered_with_success)
        case("every_success_exactly_once", every_success_exactly_once)
        case("success_points_at_its_own_melding", success_points_at_its_own_melding)
        case("nothing_half_written", nothing_half_written)
        case("portal_recovers", portal_recovers)
    finally:
        if failed:
            sys.stderr.write("--- verzuimd.log (tail) ---\n" + stack.log()[-3000:] + "\n")
        stack.stop(keep=bool(failed and os.environ.get("KEEP_FAILED")))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
