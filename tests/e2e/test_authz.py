"""Authorisation over the real stack, from one table: tests/e2e/authz/*.tsv, rows of
(method, path, role, expected status). Every route of the route table must appear in it: adding a
route without a row fails this test. Each role's session is made by logging in through the form."""
import glob
import os
import re
from harness import Client, ROOT, run, check

ROLES = {"anon": None, "ouder": "ouder@demo.nl", "school": "school@demo.nl",
         "directeur": "directeur@demo.nl", "leerplicht": "leerplicht@demo.nl",
         "rmc": "rmc@demo.nl", "beheer": "beheer@demo.nl"}


def route_table():
    """(method, pattern) of every route in cgi-bin/pages/routes.c and its .inc files."""
    routes = []
    files = [os.path.join(ROOT, "cgi-bin/pages/routes.c")] + sorted(glob.glob(os.path.join(ROOT, "cgi-bin/pages/routes_*.inc")))
    for fn in files:
        with open(fn) as f:
            for m in re.finditer(r'\{\s*METHOD_(GET|POST)\s*,\s*"([^"]+)"', f.read()):
                routes.append((m.group(1), m.group(2)))
    return routes


def table():
    rows = []
    for fn in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "authz", "*.tsv"))):
        with open(fn) as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#") or line.startswith("METHOD\t"):
                    continue
                parts = line.split("\t")
                if len(parts) < 4 or parts[2] not in ROLES or not parts[3].isdigit():
                    raise AssertionError("%s:%d: bad row %r" % (os.path.basename(fn), n, line))
                rows.append((parts[0], parts[1], parts[2], int(parts[3]), os.path.basename(fn), n))
    return rows


def matches(pattern, path):
    path = path.split("?", 1)[0]
    rx = "^" + re.escape(pattern).replace("\\#", "[1-9][0-9]*") + "$"
    return re.match(rx, path) is not None


def test_every_route_has_a_row(stack):
    rows = table()
    missing = [("%s %s" % r) for r in route_table()
               if not any(m == r[0] and matches(r[1], p) for m, p, _, _, _, _ in rows)]
    check(not missing, "routes without a row in tests/e2e/authz/*.tsv: " + ", ".join(missing))


def test_table(stack):
    sessions = {}
    failures = []

    def client(role):
        c = sessions.get(role)
        if c is None or (role != "anon" and "vl_sessie" not in c.cookies):
            c = Client(stack)
            if ROLES[role]:
                r = c.login(ROLES[role])
                check(r.status == 303, "log-in of %s: %d" % (role, r.status))
            sessions[role] = c
        return c

    # Log-out rows last: they end the session they use.
    rows = sorted(table(), key=lambda r: r[1] == "/uitloggen")
    for method, path, role, want, fn, n in rows:
        c = client(role)
        if method == "GET":
            got = c.get(path).status
        else:
            tok = c.csrf_for("/inloggen") if role == "anon" else None
            if tok is None:
                tok = c.get("/inloggen").csrf() or c.csrf_for("/")
            got = c.post(path, {"csrf": tok or ""}).status
        if got != want:
            failures.append("%s:%d %s %s as %s: got %d, want %d" % (fn, n, method, path, role, got, want))
    check(not failures, "; ".join(failures))


if __name__ == "__main__":
    run([test_every_route_has_a_row, test_table])
