"""The mail sender (verzuimctl mail, issue 7 acceptance 4): with the SMTP server unreachable nothing
is lost — the outbox shows the message pending, with backoff, and delivered once a local SMTP sink
is up; mislukt after the last try; sendmail mode; sealed bodies; the --loop daemon stops on SIGTERM."""
import email
import email.header
import json
import os
import signal
import socketserver
import subprocess
import tempfile
import threading
import time
from harness import Client, free_port, run, check, eq
from test_leave import VERZUIMCTL, check_then_submit, login, period

SINK = {"messages": []}


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for a client that sends one message per connection or more."""

    def handle(self):
        self.wfile.write(b"220 sink ESMTP\r\n")
        env = {"rcpt": []}
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO") or cmd.startswith(b"HELO"):
                self.wfile.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif cmd.startswith(b"MAIL FROM"):
                env = {"from": line.strip()[10:].decode(), "rcpt": []}
                self.wfile.write(b"250 OK\r\n")
            elif cmd.startswith(b"RCPT TO"):
                env["rcpt"].append(line.strip()[8:].decode())
                self.wfile.write(b"250 OK\r\n")
            elif cmd == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                data = []
                while True:
                    l = self.rfile.readline()
                    if l in (b".\r\n", b".\n", b""):
                        break
                    data.append(l[1:] if l.startswith(b"..") else l)
                env["data"] = b"".join(data)
                SINK["messages"].append(env)
                self.wfile.write(b"250 queued\r\n")
            elif cmd == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 OK\r\n")


class Sink:
    def __init__(self, port):
        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", port), SMTPHandler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


PORT = free_port()


def mailer(stack, *args):
    out = subprocess.run([VERZUIMCTL, "mail", "--db", stack.db, "--van", "verzuim@loket.example"] + list(args),
                         capture_output=True, text=True, timeout=60)
    eq(out.returncode, 0, "verzuimctl mail exit (%s)" % out.stderr)
    return json.loads(out.stdout)


def smtp(stack, *extra):
    return mailer(stack, "--smtp", "smtp://127.0.0.1:%d" % PORT, *extra)


def new_request(stack, weeks):
    van, tot = period(stack, 1, skip_weeks=weeks)
    c = login(stack, "ouder@demo.nl")
    check_then_submit(c, {"leerling": "1", "grond": "11g", "categorie": "verhuizing", "van": van.isoformat(),
                          "tot": van.isoformat(), "toelichting": "Verhuizing naar Den Haag."})
    return int(stack.sql("select max(id) from outbox"))


def row(stack, mid):
    return stack.sql("select status, tries, last_error != '' from outbox where id = %d" % mid)


def postvak(stack):
    return Client(stack).get("/demo/postvak").text


def test_unreachable_then_delivered(stack):
    mid = new_request(stack, 2)
    eq(stack.sql("select to_addr, status from outbox where id = %d" % mid),
       "verzuim@vakcollege.demo.nl|wachtend", "queued for the school")
    res = smtp(stack, "--backoff", "0")
    check(res["verzonden"] == 0 and res["opnieuw"] >= 1, "nothing delivered: %r" % res)
    eq(row(stack, mid), "wachtend|1|1", "pending after a failed try, error kept")
    check("status: wachtend · pogingen: 1" in postvak(stack), "outbox page shows it pending")
    sink = Sink(PORT)
    try:
        res = smtp(stack, "--backoff", "0")
    finally:
        sink.stop()
    check(res["verzonden"] >= 1 and res["opnieuw"] == 0, "delivered: %r" % res)
    eq(row(stack, mid), "verzonden|2|0", "delivered on the second try")
    eq(stack.sql("select count(*) from outbox where status != 'verzonden'"), "0", "nothing left behind")
    check("status: verzonden · pogingen: 2" in postvak(stack), "outbox page shows it delivered")
    mine = [m for m in SINK["messages"] if m["rcpt"] == ["<verzuim@vakcollege.demo.nl>"]]
    check(mine, "the sink got the school's mail")
    msg = email.message_from_bytes(mine[-1]["data"])
    eq(msg["To"], "<verzuim@vakcollege.demo.nl>", "To")
    eq(str(email.header.make_header(email.header.decode_header(msg["Subject"]))), "Nieuwe verlofaanvraag", "Subject")
    check("Verzuimloket" in msg["From"] and msg["Message-ID"], "From and Message-ID")
    body = msg.get_payload(decode=True).decode("utf-8")
    check("nieuwe verlofaanvraag" in body and "\r\n" in mine[-1]["data"].decode(), "body with CRLF")


def test_backoff_and_last_try(stack):
    mid = new_request(stack, 3)
    before = int(time.time())
    res = smtp(stack, "--backoff", "600")
    eq(res["opnieuw"], 1, "one retry scheduled")
    eq(row(stack, mid), "wachtend|1|1", "pending")
    check(int(stack.sql("select next_try_at from outbox where id = %d" % mid)) >= before + 600, "waits the backoff")
    res = smtp(stack, "--backoff", "600")
    eq((res["verzonden"], res["opnieuw"], res["mislukt"]), (0, 0, 0), "not tried before it is due")
    eq(row(stack, mid), "wachtend|1|1", "still one try")
    stack.sql("update outbox set next_try_at = 0 where id = %d" % mid)   # the backoff has passed
    res = smtp(stack, "--backoff", "600", "--pogingen", "2")
    eq(res["mislukt"], 1, "given up after the last try")
    eq(row(stack, mid), "mislukt|2|1", "mislukt, error kept")
    check("status: mislukt · pogingen: 2" in postvak(stack), "outbox page shows it failed")


def test_sendmail(stack):
    d = tempfile.mkdtemp(prefix="verzuim-sendmail-")
    ok = os.path.join(d, "sendmail")
    with open(ok, "w") as f:
        f.write("#!/bin/sh\necho \"$@\" > %s/args\ncat > %s/msg\n" % (d, d))
    bad = os.path.join(d, "sendmail-stuk")
    with open(bad, "w") as f:
        f.write("#!/bin/sh\ncat > /dev/null\nexit 75\n")
    os.chmod(ok, 0o755)
    os.chmod(bad, 0o755)
    mid = new_request(stack, 4)
    res = mailer(stack, "--sendmail", bad, "--backoff", "0")
    check(res["opnieuw"] >= 1, "failed sendmail: retried")
    eq(row(stack, mid), "wachtend|1|1", "pending")
    check("status 75" in stack.sql("select last_error from outbox where id = %d" % mid), "exit status kept")
    res = mailer(stack, "--sendmail", ok, "--backoff", "0")
    eq(row(stack, mid), "verzonden|2|0", "delivered through sendmail")
    with open(os.path.join(d, "args")) as f:
        eq(f.read().split(), ["-i", "-f", "verzuim@loket.example", "--", "verzuim@vakcollege.demo.nl"], "arguments")
    with open(os.path.join(d, "msg"), "rb") as f:
        check(b"Subject: Nieuwe verlofaanvraag\r\n" in f.read(), "message on stdin")


def test_sealed_body_needs_the_key(stack):
    r = Client(stack).post("/wachtwoord-vergeten", {"email": "school@demo.nl"})
    eq(r.status, 200, "reset requested")
    mid = int(stack.sql("select max(id) from outbox"))
    check(stack.sql("select body_sealed is not null from outbox where id = %d" % mid) == "1", "sealed mail")
    sink = Sink(PORT)
    try:
        smtp(stack, "--backoff", "0")
        eq(row(stack, mid), "wachtend|1|1", "without the key: kept, not sent")
        check("sleutel" in stack.sql("select last_error from outbox where id = %d" % mid), "says why")
        SINK["messages"].clear()
        smtp(stack, "--backoff", "0", "--sleutel", os.path.join(stack.var, "data", "verzuim.key"))
    finally:
        sink.stop()
    eq(row(stack, mid), "verzonden|2|0", "delivered with the key")
    data = b"".join(m["data"] for m in SINK["messages"] if m["rcpt"] == ["<school@demo.nl>"])
    check(b"/activeren?token=" in data and "één keer".encode() in data, "the opened body was sent, UTF-8 intact")


def test_loop_until_sigterm(stack):
    mid = new_request(stack, 5)
    sink = Sink(PORT)
    p = subprocess.Popen([VERZUIMCTL, "mail", "--db", stack.db, "--smtp", "smtp://127.0.0.1:%d" % PORT,
                          "--loop", "1", "--backoff", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and row(stack, mid) != "verzonden|1|0":
            time.sleep(0.1)
        eq(row(stack, mid), "verzonden|1|0", "the loop delivered it")
        p.send_signal(signal.SIGTERM)
        out, err = p.communicate(timeout=10)
        eq(p.returncode, 0, "clean stop on SIGTERM (%s)" % err)
        check(json.loads(out)["verzonden"] >= 1, "summary printed")
    finally:
        if p.poll() is None:
            p.kill()
        sink.stop()


def test_bad_options(stack):
    for args in ([], ["--smtp", "http://x"], ["--smtp", "smtp://x", "--sendmail", "/bin/true"],
                 ["--smtp", "smtp://x", "--van", "geen adres"]):
        out = subprocess.run([VERZUIMCTL, "mail", "--db", stack.db] + args, capture_output=True, text=True)
        eq(out.returncode, 2, "bad input %r" % args)
        check(out.stderr.startswith("verzuimctl: mail"), "one Dutch line: %r" % out.stderr)


if __name__ == "__main__":
    run([test_unreachable_then_delivered, test_backoff_and_last_try, test_sendmail,
         test_sealed_body_needs_the_key, test_loop_until_sigterm, test_bad_options])
