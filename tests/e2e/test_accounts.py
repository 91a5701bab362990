"""Accounts and sessions (issue 4, SPEC §1, §11): log-in per role, cookie flags, log-out, expiry,
CSRF, throttling, one-time links, no secrets in the database, the audit chain."""
import glob
import os
import re
import subprocess
from harness import Client, ROOT, PASSWORD, run, check, eq

START = {"ouder@demo.nl": "/ouder", "school@demo.nl": "/school", "directeur@demo.nl": "/school",
         "leerplicht@demo.nl": "/loket", "rmc@demo.nl": "/loket", "beheer@demo.nl": "/beheer"}


def test_each_demo_account_lands_on_its_start_page(stack):
    for email, start in START.items():
        c = Client(stack)
        r = c.login(email)
        eq(r.status, 303, email + " log-in status")
        eq(r.header("Location"), "/", email + " log-in redirect")
        sc = [h for h in r.headers_all("Set-Cookie") if h.startswith("vl_sessie=")]
        check(len(sc) == 1, email + ": one session cookie")
        for flag in ("HttpOnly", "SameSite=Strict", "Path=/"):
            check(flag in sc[0], "%s: cookie has %s" % (email, flag))
        check("Secure" not in sc[0], "no Secure over plain HTTP")
        token = re.match(r"vl_sessie=([0-9a-f]{64});", sc[0])
        check(token is not None, "256-bit token in hex")
        home = c.get("/")
        eq(home.status, 303, email + " /")
        eq(home.header("Location"), start, email + " start page")


def test_logout_kills_the_old_cookie(stack):
    c = Client(stack)
    c.login("school@demo.nl")
    old = dict(c.cookies)
    r = c.post("/uitloggen", {"csrf": c.csrf_for("/")})
    eq(r.status, 303, "log-out")
    replay = Client(stack)
    replay.cookies = old
    r = replay.get("/")
    eq(r.header("Location"), "/inloggen", "old cookie no longer opens /")


def test_new_token_at_login(stack):
    planted = "ab" * 32  # an attacker's cookie planted in the victim's browser (fixation)
    victim = Client(stack)
    victim.cookies["vl_sessie"] = planted
    eq(victim.login("school@demo.nl").status, 303, "log-in")
    check(victim.cookies["vl_sessie"] != planted, "the planted token is replaced")
    attacker = Client(stack)
    attacker.cookies["vl_sessie"] = planted
    eq(attacker.get("/").header("Location"), "/inloggen", "the planted token opens nothing")
    other = Client(stack)
    other.login("school@demo.nl")
    check(other.cookies["vl_sessie"] != victim.cookies["vl_sessie"], "every log-in gets a new token")


def test_idle_and_absolute_expiry(stack):
    c = Client(stack)
    c.login("directeur@demo.nl")
    eq(c.get("/").header("Location"), "/school", "fresh session")
    stack.sql("UPDATE session SET seen_at = seen_at - 31*60 WHERE user_id = 3")
    eq(c.get("/").header("Location"), "/inloggen", "30 minutes idle: logged out")
    c = Client(stack)
    c.login("directeur@demo.nl")
    stack.sql("UPDATE session SET created_at = created_at - 12*3600 - 60 WHERE user_id = 3")
    eq(c.get("/").header("Location"), "/inloggen", "12 hours absolute: logged out")


def test_form_posted_after_expiry_says_why(stack):
    c = Client(stack)
    c.login("beheer@demo.nl")
    csrf = c.get("/beheer/gebruikers/nieuw").csrf()
    before = stack.sql("SELECT count(*) FROM app_user")
    stack.sql("UPDATE session SET seen_at = seen_at - 31*60 WHERE user_id = (SELECT id FROM app_user WHERE email = 'beheer@demo.nl')")
    r = c.post("/beheer/gebruikers/nieuw", {"email": "laat@demo.nl", "naam": "Te Laat <b>", "rol": "ouder", "csrf": csrf})
    eq(r.status, 401, "a form posted after the session ran out")
    eq(stack.sql("SELECT count(*) FROM app_user"), before, "nothing done")
    check("automatisch uitgelogd" in r.text and "niet opgeslagen" in r.text, "says why and that nothing was kept")
    check('href="/inloggen?verlopen=1"' in r.text, "a way to log in again")
    # What was typed is shown back, to copy, escaped; the form's token is not.
    check(">laat@demo.nl</textarea>" in r.text and ">Te Laat &lt;b&gt;</textarea>" in r.text, "typed text shown back")
    check(csrf not in r.text, "the old form token is not shown")
    check("automatisch uitgelogd" in c.get("/inloggen?verlopen=1").text, "the reason shown")
    # A password typed into a form that expired is never shown back.
    c2 = Client(stack)
    c2.login("beheer@demo.nl")
    csrf2 = c2.get("/beheer/gebruikers/nieuw").csrf()
    stack.sql("UPDATE session SET seen_at = seen_at - 31*60 WHERE user_id = (SELECT id FROM app_user WHERE email = 'beheer@demo.nl')")
    r = c2.post("/beheer/gebruikers/nieuw", {"wachtwoord": "geheim-oud-123", "nieuw_wachtwoord": "geheim-nieuw-456",
                                             "naam": "bewaar mij", "csrf": csrf2})
    eq(r.status, 401, "expired: not done")
    check("geheim-oud-123" not in r.text and "geheim-nieuw-456" not in r.text, "no password shown back")
    check(">bewaar mij</textarea>" in r.text, "the rest is")
    # Nothing typed (the log-out button of a page opened before): to the log-in page, saying why.
    c3 = Client(stack)
    c3.login("beheer@demo.nl")
    csrf3 = c3.get("/beheer").csrf()
    stack.sql("UPDATE session SET seen_at = seen_at - 31*60 WHERE user_id = (SELECT id FROM app_user WHERE email = 'beheer@demo.nl')")
    r = c3.post("/uitloggen", {"csrf": csrf3})
    eq((r.status, r.header("Location")), (303, "/inloggen?verlopen=1"), "log-out after expiry")
    anon = Client(stack)
    eq(anon.post("/beheer/gebruikers/nieuw", {"email": "x@demo.nl"}, csrf=False).status, 403,
       "without any session cookie: still 403")


def test_post_without_csrf_changes_nothing(stack):
    c = Client(stack)
    c.login("beheer@demo.nl")
    before = stack.sql("SELECT count(*) FROM app_user")
    fields = {"email": "nieuw@demo.nl", "naam": "Nieuwe Gebruiker", "rol": "ouder"}
    r = c.post("/beheer/gebruikers/nieuw", fields, csrf=False)
    eq(r.status, 403, "no csrf")
    r = c.post("/beheer/gebruikers/nieuw", dict(fields, csrf="0" * 64))
    eq(r.status, 403, "wrong csrf")
    eq(stack.sql("SELECT count(*) FROM app_user"), before, "nothing added")
    r = c.post("/beheer/gebruikers/nieuw", fields)
    eq(r.status, 303, "with csrf it works")


def test_throttle_after_ten_failures(stack):
    c = Client(stack)
    for i in range(10):
        r = c.login("ouder@demo.nl", "fout-wachtwoord-%d" % i)
        eq(r.status, 401, "failure %d" % (i + 1))
        check("onjuist" in r.text, "Dutch message")
    r = c.login("ouder@demo.nl", PASSWORD)
    eq(r.status, 429, "11th attempt, right password")
    other = Client(stack).login("school@demo.nl")
    eq(other.status, 303, "another account from the same address still works")


def test_throttle_one_password_over_many_accounts(stack):
    """Password spraying: 100 failures from one address, each on another account, make the next
    attempt from that address wait, also for a real account with its right password."""
    import threading
    stack.sql("delete from login_failure")
    statuses = []

    def spray(k):
        c = Client(stack)
        for i in range(k, 100, 4):
            statuses.append(c.login("gebruiker%d@demo.nl" % i, "Zomer2026!").status)
    threads = [threading.Thread(target=spray, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    eq(sorted(set(statuses)), [401], "the first 100 are answered as wrong")
    eq(Client(stack).login("school@demo.nl").status, 429, "then the address waits, whatever the account")
    # Another address is not affected (the counts are per address); clean up for the next tests.
    stack.sql("update login_failure set address = '192.0.2.1'")
    eq(Client(stack).login("school@demo.nl").status, 303, "the failures of another address do not count")
    stack.sql("delete from login_failure")


def test_throttle_one_account_from_many_addresses(stack):
    """50 failures on one account from any addresses make that account wait."""
    c = Client(stack)
    for i in range(9):
        eq(c.login("rmc@demo.nl", "fout-%d" % i).status, 401, "failure %d" % (i + 1))
    # 41 more from other addresses, as if from other machines
    stack.sql("with recursive k(n) as (select 1 union all select n + 1 from k where n < 41) "
              "insert into login_failure (email_hash, address, at) select f.email_hash, '198.51.100.' || k.n, f.at "
              "from k, (select email_hash, at from login_failure order by id limit 1) f")
    eq(c.login("rmc@demo.nl").status, 429, "the account waits, also from an address with only 9 failures")
    eq(Client(stack).login("leerplicht@demo.nl").status, 303, "other accounts are not affected")
    stack.sql("delete from login_failure")


def test_message_does_not_tell_whether_email_exists(stack):
    a = Client(stack).login("bestaat-niet@demo.nl", "wat-dan-ook-123")
    b = Client(stack).login("rmc@demo.nl", "wat-dan-ook-123")
    eq(a.status, b.status, "same status")
    msg = lambda r: re.search(r'role="alert"><p class="utrecht-paragraph">([^<]*)<', r.text).group(1)
    eq(msg(a), msg(b), "same message")


def test_invite_activate_and_single_use(stack):
    admin = Client(stack)
    admin.login("beheer@demo.nl")
    r = admin.post("/beheer/gebruikers/nieuw", {"email": "mentor@vakcollege.demo.nl",
                   "naam": "Mila Mentor", "rol": "school", "school": "1"})
    eq(r.status, 303, "invited")
    box = Client(stack).get("/demo/postvak")
    m = re.search(r"/activeren\?token=([0-9a-f]{64})", box.text)
    check(m is not None, "activation link on the demo outbox page")
    link = "/activeren?token=" + m.group(1)
    u = Client(stack)
    form = u.get(link)
    eq(form.status, 200, "link opens the form")
    r = u.post("/activeren", {"token": m.group(1), "wachtwoord": "kort", "wachtwoord2": "kort"})
    eq(r.status, 422, "too short")
    check("minstens 12" in r.text, "says why")
    r = u.post("/activeren", {"token": m.group(1), "wachtwoord": "password1234", "wachtwoord2": "password1234"})
    eq(r.status, 422, "common password refused")
    good = "fietsbel-regenjas-7-tulpen"
    r = u.post("/activeren", {"token": m.group(1), "wachtwoord": good, "wachtwoord2": good})
    eq(r.status, 200, "password set")
    eq(Client(stack).get(link).status, 404, "the link works once")
    r = Client(stack).login("mentor@vakcollege.demo.nl", good)
    eq(r.status, 303, "new account logs in")


def test_new_parent_is_linked_by_the_schools_email_address(stack):
    """A parent account for the address the school registered for a student's ouders sees that
    child; a student imported later with that address is linked too; a changed address unlinks."""
    admin = Client(stack)
    admin.login("beheer@demo.nl")
    eq(stack.sql("select parent_email from student where id = 11"), "ouders11@demo.nl", "the school's address")
    r = admin.post("/beheer/gebruikers/nieuw", {"email": "Ouders11@Demo.nl", "naam": "Fam. Vos", "rol": "ouder"})
    eq(r.status, 303, "invited")
    box = Client(stack).get("/demo/postvak")
    mail = [m for m in box.text.split('<article class="mail">') if "Aan: Ouders11@Demo.nl" in m][0]
    token = re.search(r"/activeren\?token=([0-9a-f]{64})", mail).group(1)
    good = "zonnebloem-kapstok-42-fiets"
    eq(Client(stack).post("/activeren", {"token": token, "wachtwoord": good, "wachtwoord2": good}).status, 200,
       "activated")
    parent = Client(stack)
    eq(parent.login("ouders11@demo.nl", good).status, 303, "logs in")
    home = parent.get("/ouder")
    check("Sara" in home.text and "geen kinderen" not in home.text, "sees the child")
    form = parent.get("/verlof/nieuw")
    kids = re.findall(r'<option value="(\d+)"', re.search(r'id="leerling".*?</select>', form.text, re.S).group(0))
    eq(kids, ["11"], "may ask leave for her, and for no other child")
    # A student the school adds later with the same address is linked as well.
    school = Client(stack)
    school.login("school@demo.nl")
    text = "leerlingnummer,voornaam,achternaam,geboortedatum,woongemeente,ouder_email\n7001,Roos,Vos,2014-02-02,Zoetermeer,ouders11@demo.nl\n"
    r = school.post_multipart("/school/import/leerlingen", {},
                              [("bestand", "leerlingen.csv", "text/csv", text.encode())])
    eq(r.status, 200, "imported")
    check("Roos" in parent.get("/ouder").text, "the new child shows up")
    # The school corrects the address: the link made by it goes.
    stack.sql("update student set parent_email = 'andere-ouder@demo.nl' where id = 11")
    check("Sara" not in parent.get("/ouder").text, "no longer linked")
    eq(parent.get("/verlof/nieuw?leerling=11").status in (200, 422), True, "form still answers")


def test_reset_answers_the_same_for_unknown_email(stack):
    a = Client(stack)
    r1 = a.post("/wachtwoord-vergeten", {"email": "onbekend@demo.nl"})
    r2 = a.post("/wachtwoord-vergeten", {"email": "school@demo.nl"})
    eq(r1.status, r2.status, "same status")
    strip = lambda t: re.sub(r'value="[0-9a-f]{64}"', "", t)
    eq(strip(r1.text), strip(r2.text), "same page")


def test_database_holds_no_plaintext_secrets(stack):
    c = Client(stack)
    c.login("school@demo.nl")
    token = c.cookies["vl_sessie"]
    admin = Client(stack)
    admin.login("beheer@demo.nl")
    admin.post("/beheer/gebruikers/nieuw", {"email": "geheim@vakcollege.demo.nl",
               "naam": "Geheim Test", "rol": "ouder"})
    link = re.search(r"/activeren\?token=([0-9a-f]{64})", Client(stack).get("/demo/postvak").text)
    check(link is not None, "one-time link made")
    with open(os.path.join(ROOT, "sql", "demo_bsn.csv")) as f:
        bsns = [line.split(",")[1].strip() for line in f.readlines()[1:] if "," in line]
    check(len(bsns) >= 10, "demo BSNs known")
    check(stack.sql("SELECT count(*) FROM student WHERE bsn_enc IS NOT NULL") == str(len(bsns)), "BSNs stored sealed")
    data = b""
    for fn in glob.glob(stack.db + "*"):
        with open(fn, "rb") as f:
            data += f.read()
    for secret in [PASSWORD, token, admin.cookies["vl_sessie"], link.group(1)] + bsns:
        check(secret.encode() not in data, "plaintext secret in the database: " + secret[:4] + "…")


def test_audit_chain_verify(stack):
    Client(stack).login("school@demo.nl")
    Client(stack).login("school@demo.nl", "verkeerd-wachtwoord")
    ctl = os.environ.get("VERZUIMCTL", os.path.join(ROOT, "cgi-bin", "verzuimctl"))
    out = subprocess.run([ctl, "audit", "verify", "--db", stack.db], capture_output=True, text=True)
    eq(out.returncode, 0, "verify on the fresh log: " + out.stderr)
    check('"ok":true' in out.stdout, "ok")
    n = int(stack.audit_sql("SELECT count(*) FROM audit WHERE action IN ('inloggen', 'inloggen_mislukt')",
                            lambda n: int(n) >= 2))
    check(n >= 2, "log-in and failed log-in are logged")
    victim = stack.sql("SELECT min(id) + 1 FROM audit")
    stack.sql("UPDATE audit SET object = 'iets anders' WHERE id = %s" % victim)
    out = subprocess.run([ctl, "audit", "verify", "--db", stack.db], capture_output=True, text=True)
    eq(out.returncode, 1, "verify fails after an UPDATE")
    check('"eerste_fout":%s' % victim in out.stdout, "names the changed entry: " + out.stdout)
    check(stack.sql("SELECT count(*) FROM audit WHERE object LIKE '%wachtwoord%' OR object GLOB '*[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*'") == "0",
          "no passwords or BSN-like numbers in the audit log")


if __name__ == "__main__":
    run([test_each_demo_account_lands_on_its_start_page, test_logout_kills_the_old_cookie,
         test_new_token_at_login, test_idle_and_absolute_expiry, test_form_posted_after_expiry_says_why,
         test_post_without_csrf_changes_nothing, test_throttle_after_ten_failures,
         test_throttle_one_password_over_many_accounts, test_throttle_one_account_from_many_addresses,
         test_message_does_not_tell_whether_email_exists, test_invite_activate_and_single_use,
         test_new_parent_is_linked_by_the_schools_email_address,
         test_reset_answers_the_same_for_unknown_email, test_database_holds_no_plaintext_secrets,
         test_audit_chain_verify])
