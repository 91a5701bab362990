"""End-to-end harness: a real nginx + verzuimd stack on a free port in a temporary folder, and an
HTTP client with a cookie jar. Standard library only. Each test module gets a fresh stack with the
demo data; everything started is stopped again, also when a test fails."""
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PASSWORD = "demo-wachtwoord"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stack:
    def __init__(self, workers=2):
        self.var = tempfile.mkdtemp(prefix="verzuim-e2e-")
        self.port = free_port()
        self.workers = workers

    def start(self):
        env = dict(os.environ)
        out = subprocess.run(["sh", os.path.join(ROOT, "nginx/stack.sh"), "start", self.var,
                              str(self.port), str(self.workers), "demo"],
                             capture_output=True, text=True, env=env)
        if out.returncode != 0:
            raise RuntimeError("stack did not start: " + out.stdout + out.stderr)
        return self

    def stop(self, keep=False):
        subprocess.run(["sh", os.path.join(ROOT, "nginx/stack.sh"), "stop", self.var],
                       capture_output=True)
        if not keep:
            shutil.rmtree(self.var, ignore_errors=True)

    @property
    def db(self):
        return os.path.join(self.var, "data", "verzuim.db")

    def master_pid(self):
        with open(os.path.join(self.var, "verzuimd.pid")) as f:
            return int(f.read().strip())

    def worker_pids(self):
        """The FastCGI workers: the master's children named verzuimd (the auditor is verzuimd-audit)."""
        out = subprocess.run(["pgrep", "-x", "-P", str(self.master_pid()), "verzuimd"],
                             capture_output=True, text=True)
        return [int(p) for p in out.stdout.split()]

    def auditor_pid(self):
        """The auditor process (cgi-bin/http/auditor.c), or None while it is being restarted."""
        out = subprocess.run(["pgrep", "-x", "-P", str(self.master_pid()), "verzuimd-audit"],
                             capture_output=True, text=True)
        pids = [int(p) for p in out.stdout.split()]
        return pids[0] if pids else None

    def log(self, name="verzuimd.log"):
        with open(os.path.join(self.var, "log", name), errors="replace") as f:
            return f.read()

    def sql(self, query):
        # The audit log has a file of its own (sql/audit.sql); attached, "audit" names its table.
        audit = self.db[:-3] + "-audit.db"
        out = subprocess.run(["sqlite3", "-cmd", "ATTACH '%s' AS audit_file" % audit, self.db, query],
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        return out.stdout.strip()

    def audit_sql(self, query, ok, timeout=5.0):
        """The answer to a query on the audit log once ok(answer) holds, or the last answer after
        timeout seconds: the auditor (cgi-bin/http/auditor.h) commits an entry a moment after
        the page went out."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.sql(query)
            if ok(got) or time.monotonic() > deadline:
                return got
            time.sleep(0.02)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def headers_all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def csrf(self):
        m = re.search(r'name="csrf" value="([0-9a-f]{64})"', self.text)
        return m.group(1) if m else None


class Client:
    def __init__(self, stack):
        self.stack = stack
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.stack.port, timeout=30)
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read())
        conn.close()
        for sc in resp.headers_all("Set-Cookie"):
            name, _, rest = sc.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in sc or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return resp

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, csrf=True):
        fields = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if csrf and not any(k == "csrf" for k, _ in fields):
            fields.append(("csrf", self.csrf_for(path)))
        body = urllib.parse.urlencode(fields)
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, path, fields, files=(), csrf=True):
        fields = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if csrf and not any(k == "csrf" for k, _ in fields):
            fields.append(("csrf", self.csrf_for(path)))
        boundary = uuid.uuid4().hex
        parts = []
        for k, v in fields:
            parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, k)).encode() + str(v).encode() + b"\r\n")
        for k, filename, ctype, data in files:
            parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                          "Content-Type: %s\r\n\r\n" % (boundary, k, filename, ctype)).encode() + data + b"\r\n")
        body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
        return self.request("POST", path, body, {"Content-Type": "multipart/form-data; boundary=" + boundary})

    def csrf_for(self, path):
        """The csrf token of this session: from the page itself, or the start page."""
        r = self.get(path if self.cookies.get("vl_sessie") is None else "/inloggen")
        tok = r.csrf()
        if tok is None:
            r = self.get("/inloggen")
            tok = r.csrf()
        if tok is None:
            for p in ("/", "/ouder", "/school", "/loket", "/beheer"):
                r = self.get(p)
                tok = r.csrf()
                if tok:
                    break
        return tok

    def login(self, email, password=PASSWORD):
        page = self.get("/inloggen")
        return self.post("/inloggen", {"email": email, "wachtwoord": password, "csrf": page.csrf()})


def run(tests, workers=2):
    """Run test functions fn(stack) against one fresh stack; print PASS/FAIL lines."""
    stack = Stack(workers).start()
    failed = 0
    try:
        for fn in tests:
            name = "%s.%s" % (os.path.basename(sys.argv[0]).replace(".py", ""), fn.__name__)
            try:
                fn(stack)
                print("PASS: " + name, flush=True)
            except Exception as e:  # noqa: BLE001 - report every failure and go on
                failed += 1
                detail = "".join(traceback.format_exception_only(type(e), e)).strip()
                print("FAIL: %s: %s" % (name, detail.replace("\n", " | ")[:2000]), flush=True)
                traceback.print_exc(file=sys.stderr)
    finally:
        keep = failed > 0 and os.environ.get("KEEP_FAILED")
        if failed:
            sys.stderr.write("--- verzuimd.log (tail) ---\n" + stack.log()[-3000:] + "\n")
        stack.stop(keep=bool(keep))
    sys.exit(1 if failed else 0)


def check(cond, msg="check failed"):
    if not cond:
        raise AssertionError(msg)


def eq(got, want, what=""):
    if got != want:
        raise AssertionError("%s: got %r, want %r" % (what, got, want))
