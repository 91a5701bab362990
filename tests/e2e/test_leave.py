"""Leave requests (issue 7, SPEC §8) over real HTTP: the parent's form with the rules next to the
fields, the directeur's refusal and its letter, forwarding to the leerplicht desk above 10 days,
scope (404 for others), verlof registrations and the luxe signal, withdrawing."""
import datetime
import os
import re
import subprocess
import tempfile
from harness import Client, ROOT, run, check, eq

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
VERZUIMCTL = os.environ.get("VERZUIMCTL", os.path.join(ROOT, "cgi-bin", "verzuimctl"))
STATE = {}


def school_days(stack, van, tot):
    """School days of the demo school's calendar, counted by verzuimctl (the rules library)."""
    if "vak" not in STATE:
        rows = stack.sql("select start_date||','||end_date||','||name from vacation where calendar_id = 1")
        f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
        f.write("start,end,name\n" + rows + "\n")
        f.close()
        STATE["vak"] = f.name
    out = subprocess.run([VERZUIMCTL, "schooldagen", "--van", van.isoformat(), "--tot", tot.isoformat(),
                          "--vakanties", STATE["vak"]], capture_output=True, text=True, check=True)
    return int(re.search(r'"schooldagen":\s*(\d+)', out.stdout).group(1))


def period(stack, days, skip_weeks=0):
    """A period of exactly `days` school days starting on a school-day Monday, at least a week
    ahead (and skip_weeks further)."""
    d = datetime.date.today() + datetime.timedelta(days=7 + 7 * skip_weeks)
    d += datetime.timedelta(days=(7 - d.weekday()) % 7)
    for _ in range(80):
        if school_days(stack, d, d) == 1:
            tot = d
            while school_days(stack, d, tot) < days:
                tot += datetime.timedelta(days=1)
            taken = stack.sql("select count(*) from leave_request where student_id = 1 and status in "
                              "('ingediend', 'in_behandeling', 'doorgestuurd', 'toegekend', 'kennisgeving') "
                              "and start_date <= '%s' and end_date >= '%s'" % (tot.isoformat(), d.isoformat()))
            if (tot - d).days < days + 14 and taken == "0":
                return d, tot
        d += datetime.timedelta(days=7)
    raise AssertionError("no period of %d school days found" % days)


def hidden(page, name):
    return re.findall(r'name="%s" value="([^"]*)"' % name, page.text)


def fields_of(form):
    return [(k, v) for k, v in form.items()]


def check_then_submit(c, form, files=()):
    """First submit: the rules are shown next to the fields; second: the request is filed."""
    first = c.post_multipart("/verlof/nieuw", fields_of(form), files)
    eq(first.status, 200, "check step status: " + first.text[-600:])
    fields = fields_of(form) + [("token", hidden(first, "token")[0]),
                                ("gecontroleerd", hidden(first, "gecontroleerd")[0])]
    fields += [("bijlage_id", i) for i in hidden(first, "bijlage_id")]
    second = c.post_multipart("/verlof/nieuw", fields)
    eq(second.status, 303, "submit status")
    m = re.match(r"/verlof/(\d+)", second.header("Location") or "")
    check(m, "redirect to the request: %r" % second.header("Location"))
    return first, int(m.group(1))


def login(stack, email):
    c = Client(stack)
    r = c.login(email)
    eq(r.status, 303, "login " + email)
    return c


def test_funeral_request_warns_and_is_refused(stack):
    van, tot = period(stack, 3)
    STATE["refused_period"] = (van, tot)
    ouder = login(stack, "ouder@demo.nl")
    form = {"leerling": "1", "grond": "11g", "categorie": "overlijden", "graad": "2", "waar": "",
            "van": van.isoformat(), "tot": tot.isoformat(),
            "toelichting": "Begrafenis van mijn schoonvader (opa van Daan) in Groningen."}
    first, rid = check_then_submit(ouder, form, [("bijlage", "rouwkaart.pdf", "application/pdf", PDF)])
    t = first.text
    check("In deze periode vallen 3 schooldagen" in t, "school days counted next to the period")
    check("maximum is 2" in t, "warning that the maximum is 2")
    check("de directeur van de school" in t, "who decides")
    check("Toch indienen" in t, "the parent can still submit")
    check("rouwkaart.pdf" in t, "the attachment is kept")
    STATE["refused"] = rid
    eq(stack.sql("select status, school_days, ground, category, degree from leave_request where id = %d" % rid),
       "ingediend|3|11g|overlijden|2", "stored request")
    eq(stack.sql("select count(*) from attachment where leave_request_id = %d" % rid), "1", "attachment linked")
    check("verzuim@vakcollege.demo.nl|Nieuwe verlofaanvraag" in
          stack.sql("select to_addr, subject from outbox"), "the school is told")

    page = ouder.get("/verlof/%d?ingediend=1" % rid)
    eq(page.status, 200, "parent sees the request")
    check("Uw aanvraag is ingediend" in page.text and "Ingediend" in page.text, "confirmation and status")

    directeur = login(stack, "directeur@demo.nl")
    lst = directeur.get("/verlof")
    check('href="/verlof/%d"' % rid in lst.text, "the head's list holds the request")
    page = directeur.get("/verlof/%d" % rid)
    eq(page.status, 200, "head opens the request")
    check("Besluit nemen" in page.text, "decision form")
    check(re.search(r'value="max_overschreden" checked', page.text), "the broken rule is pre-selected")
    check("Eerder toegekend verlof dit schooljaar" in page.text, "earlier leave shown")
    check(re.search(r'value="toegekend"[^>]* disabled', page.text), "granting is not offered")
    check('value="eerste_twee_lesweken"' not in page.text and 'value="al_11f_dit_schooljaar"' not in page.text and
          'value="graad_buiten_categorie"' in page.text, "only reasons that fit 11g are offered")
    check("Verlof boven het maximum wordt niet toegekend" in page.text, "the rules' warning while the request is open")
    bad = directeur.post("/verlof/%d/besluit" % rid, {"besluit": "toegekend", "motivering": "Toch maar drie dagen."})
    eq(bad.status, 422, "a broken hard rule cannot be granted, motivated or not")
    check("Dit verlof kan niet worden toegekend: het gevraagde aantal schooldagen is groter dan het maximum" in bad.text,
          "Dutch reason at the decision")
    check("Toch maar drie dagen." in bad.text, "motivation kept")
    eq(stack.sql("select status from leave_request where id = %d" % rid), "ingediend", "still undecided")
    bad = directeur.post("/verlof/%d/besluit" % rid, {"besluit": "afgewezen"})
    eq(bad.status, 422, "refusal without reasons")
    check("Kies ten minste één reden" in bad.text, "Dutch message next to the reasons")
    r = directeur.post("/verlof/%d/besluit" % rid, [("besluit", "afgewezen"), ("reden", "max_overschreden"),
                                                     ("motivering", "Bij overlijden in de 2e graad is het maximum 2 dagen.")])
    eq(r.status, 303, "refusal recorded")
    done = directeur.get(r.header("Location"))
    check("Het besluit is vastgelegd" in done.text, "says what was done")
    check("Verlof boven het maximum wordt niet toegekend" not in done.text, "no warnings once decided")
    eq(stack.sql("select status from leave_request where id = %d" % rid), "afgewezen", "status")
    eq(stack.sql("select decision, decider_role, reasons from leave_decision where leave_request_id = %d" % rid),
       'afgewezen|directeur|["max_overschreden"]', "decision")
    again = directeur.post("/verlof/%d/besluit" % rid, {"besluit": "toegekend", "motivering": "toch"})
    eq(again.status, 409, "a decision is final")

    page = ouder.get("/verlof/%d" % rid)
    check("Afgewezen" in page.text and "/verlof/%d/brief" % rid in page.text, "parent sees the decision")
    letter = ouder.get("/verlof/%d/brief" % rid)
    eq(letter.status, 200, "letter")
    lt = letter.text
    check('class="letter"' in lt and "/static/print.css" in lt, "printable letter")
    check("het verlof is afgewezen" in lt, "decision in the letter")
    check(re.search(r"het gevraagde aantal schooldagen is groter dan het maximum\s*<span[^>]*>\(code max_overschreden\)", lt),
          "the rule cited by text and code")
    check("bezwaar" in lt and "6 weken" in lt and "directeur van Zoetermeer Vakcollege" in lt,
          "objection clause with the decider")
    check("Dirk Directeur" in lt and "3 schooldagen" in lt, "who decided, days")
    check("Fam. de Vries" in lt and "Dorpsstraat 1" in lt and "2701 AB Zoetermeer" in lt, "addressed to the parents")
    check("ouder@demo.nl|Besluit op uw verlofaanvraag" in stack.sql("select to_addr, subject from outbox"),
          "the parent is told")
    check(ouder.post("/verlof/%d/intrekken" % rid, {"bevestig": "ja"}).status == 409,
          "no withdrawing after the decision")


def test_twelve_days_forwarded_to_leerplicht(stack):
    van, tot = period(stack, 12, skip_weeks=1)
    ouder = login(stack, "ouder@demo.nl")
    form = {"leerling": "1", "grond": "11g", "categorie": "ziekte_familie", "graad": "1", "waar": "",
            "van": van.isoformat(), "tot": tot.isoformat(),
            "toelichting": "Mijn moeder (oma van Daan) is ernstig ziek en wordt verzorgd in Marokko."}
    first, rid = check_then_submit(ouder, form, [("bijlage", "verklaring-arts.pdf", "application/pdf", PDF)])
    check("In deze periode vallen 12 schooldagen" in first.text, "12 school days")
    check("leerplichtambtenaar van de woongemeente" in first.text, "the desk decides")

    directeur = login(stack, "directeur@demo.nl")
    page = directeur.get("/verlof/%d" % rid)
    check("Doorsturen naar de leerplichtambtenaar" in page.text and "Besluit nemen" not in page.text,
          "the head forwards instead of deciding")
    eq(directeur.post("/verlof/%d/besluit" % rid, {"besluit": "toegekend", "motivering": "x"}).status, 409,
       "the head may not decide above 10 days")
    r = directeur.post("/verlof/%d/doorsturen" % rid, {"notitie": "School adviseert positief."})
    eq(r.status, 303, "forwarded")
    eq(stack.sql("select status, loket_id from leave_request where id = %d" % rid), "doorgestuurd|10", "to desk 10")
    check("meldingenleerplicht@zoetermeer.nl|Verlofaanvraag doorgestuurd voor besluit" in
          stack.sql("select to_addr, subject from outbox"), "the desk is told")

    eq(login(stack, "denhaag@demo.nl").get("/verlof/%d" % rid).status, 404, "another desk: 404")
    lp = login(stack, "leerplicht@demo.nl")
    check('href="/verlof/%d"' % rid in lp.get("/verlof").text, "desk's list holds it")
    page = lp.get("/verlof/%d" % rid)
    check("Besluit nemen" in page.text and "School adviseert positief." in page.text, "decision page with advice")
    for href in re.findall(r'href="(/verlof/\d+[^"]*)"', page.text):
        eq(lp.get(href).status, 200, "the desk can follow " + href)
    # The school had registered the first day as unauthorised; the day after the period stays so.
    stack.sql("insert into registration (id, student_id, date, kind, minutes, created_by) values "
              "(8801, 1, '%s', 'ongeoorloofd', 300, 2), (8802, 1, '%s', 'ongeoorloofd', 300, 2), "
              "(8803, 1, '%s', 'te_laat', 10, 2)" % (van.isoformat(), (tot + datetime.timedelta(days=1)).isoformat(),
                                                     van.isoformat()))
    r = lp.post("/verlof/%d/besluit" % rid, {"besluit": "toegekend", "motivering": "Zorg voor oma."})
    eq(r.status, 303, "decided by the desk")
    eq(stack.sql("select status from leave_request where id = %d" % rid), "toegekend", "granted")
    eq(stack.sql("select decider_role, decider_name from leave_decision where leave_request_id = %d" % rid),
       "leerplicht|Lotte Leerplichtambtenaar", "decider")
    letter = ouder.get("/verlof/%d/brief" % rid)
    check("het verlof is toegekend" in letter.text and "leerplichtambtenaar" in letter.text and
          "gemeente Zoetermeer" in letter.text and "6 weken" in letter.text, "the desk's letter")
    # Acceptance 3: granted days are verlof registrations
    eq(stack.sql("select count(*), min(date), max(date) from registration where leave_request_id = %d "
                 "and kind = 'verlof' and source = 'verlof' and student_id = 1" % rid),
       "12|%s|%s" % (van.isoformat(), tot.isoformat()), "12 verlof registrations")
    eq(stack.sql("select group_concat(id || ':' || active) from (select id, active from registration "
                 "where id in (8801, 8802, 8803) order by id)"), "8801:0,8802:1,8803:1",
       "the unauthorised day inside the granted period no longer counts; outside it and being late stay")
    check(van.strftime("%d-%m-%Y") in ouder.get("/verlof/%d" % rid).text, "registered days shown")


def test_scope(stack):
    rid = STATE["refused"]
    other = login(stack, "ouder2@demo.nl")
    for path in ("/verlof/%d" % rid, "/verlof/%d/brief" % rid, "/verlof/%d/bijlage/1" % rid):
        eq(other.get(path).status, 404, "other parent " + path)
    eq(other.post("/verlof/%d/intrekken" % rid, {"bevestig": "ja"}).status, 404, "other parent withdraw")
    check('href="/verlof/%d"' % rid not in other.get("/verlof").text, "not in the other parent's list")
    school2 = login(stack, "school2@demo.nl")
    eq(school2.get("/verlof/%d" % rid).status, 404, "other school")
    check('href="/verlof/%d"' % rid not in school2.get("/verlof").text, "not in the other school's list")
    school = login(stack, "school@demo.nl")
    eq(school.get("/verlof/%d" % rid).status, 200, "own school's staff")
    att = stack.sql("select id from attachment where leave_request_id = %d" % rid)
    r = school.get("/verlof/%d/bijlage/%s" % (rid, att))
    eq(r.status, 200, "attachment for staff")
    eq(r.body, PDF, "attachment content")
    eq(login(stack, "beheer@demo.nl").get("/verlof/%d" % rid).status, 403, "beheer never reads requests")
    ouder = login(stack, "ouder@demo.nl")
    eq(ouder.get("/verlof/%d/bijlage/%s" % (STATE["refused"] + 1000, att)).status, 404, "unknown request")
    # a pending attachment of another parent cannot be claimed
    pend = ouder.post_multipart("/verlof/nieuw", [("leerling", "1")],
                                [("bijlage", "x.pdf", "application/pdf", PDF)])
    pid = hidden(pend, "bijlage_id")[0]
    r = other.post_multipart("/verlof/nieuw", [("leerling", "5"), ("bijlage_id", pid)])
    check("x.pdf" not in r.text, "someone else's pending attachment is not shown")


def test_luxe_signal(stack):
    rid = STATE["refused"]
    van, tot = STATE["refused_period"]
    directeur = login(stack, "directeur@demo.nl")
    stack.sql("insert into registration (student_id, date, kind, minutes, created_by) values "
              "(1, '%s', 'ziek', 480, 2)" % van.isoformat())
    check("luxe verzuim" not in directeur.get("/verlof").text, "illness is no luxe verzuim")
    stack.sql("insert into registration (student_id, date, kind, minutes, created_by) values "
              "(1, '%s', 'te_laat', 15, 2)" % van.isoformat())
    check("luxe verzuim" not in directeur.get("/verlof").text, "being late is no absence")
    day2 = van + datetime.timedelta(days=1)
    stack.sql("insert into registration (student_id, date, kind, minutes, created_by) values "
              "(1, '%s', 'ongeoorloofd', 480, 2)" % day2.isoformat())
    t = directeur.get("/verlof").text
    check("Signaal luxe verzuim" in t and "luxe verzuim" in t and 'href="/verlof/%d"' % rid in t,
          "luxe signal for the school")
    check(day2.strftime("%d-%m-%Y") + " (ongeoorloofd)" in directeur.get("/verlof/%d" % rid).text,
          "absent date on the request")
    signals = login(stack, "school@demo.nl").get("/school/signalen").text
    check('data-signaal="luxe" data-leerling="1"' in signals and 'href="/verlof/%d"' % rid in signals,
          "luxe signal on the school's signals overview")
    months = ("januari februari maart april mei juni juli augustus september oktober november december").split()
    row = re.search(r'<tr data-signaal="luxe" data-leerling="1">(.*?)</tr>', signals, re.S).group(1)
    check('<td><time datetime="%s">%d %s %d</time></td>' % (day2.isoformat(), day2.day, months[day2.month - 1], day2.year) in row,
          "first day absent in Dutch, ISO in datetime: %r" % row)
    check("luxe verzuim" not in login(stack, "school2@demo.nl").get("/verlof").text, "not for another school")


def test_form_errors_keep_entries(stack):
    ouder = login(stack, "ouder@demo.nl")
    r = ouder.post_multipart("/verlof/nieuw", [("leerling", "1"), ("grond", "11g"), ("categorie", "overlijden"),
                                               ("van", "31-02-2027"), ("tot", ""),
                                               ("toelichting", "Uitvaart <b>oom</b>")],
                             [("bijlage", "foto.txt", "text/plain", b"hello")])
    eq(r.status, 422, "status")
    t = r.text
    check("Kies de graad van verwantschap" in t, "degree needed for overlijden")
    check("Vul een bestaande datum in" in t and "Vul de laatste dag in" in t, "date messages")
    check("foto.txt is geen PDF, PNG of JPEG" in t, "attachment checked by content")
    check("Uitvaart &lt;b&gt;oom&lt;/b&gt;" in t and 'value="31-02-2027"' in t, "entries kept, escaped")
    check('utrecht-form-field--invalid' in t, "fields marked")
    # a weekend has no school days: a hard rule
    sat = datetime.date.today() + datetime.timedelta(days=14)
    sat += datetime.timedelta(days=(5 - sat.weekday()) % 7)
    r = ouder.post_multipart("/verlof/nieuw", [("leerling", "1"), ("grond", "11g"), ("categorie", "verhuizing"),
                                               ("van", sat.isoformat()), ("tot", (sat + datetime.timedelta(days=1)).isoformat()),
                                               ("toelichting", "Verhuizing")])
    eq(r.status, 422, "zero school days")
    check("geen schooldagen" in r.text and "gecontroleerd" not in r.text, "cannot be submitted")
    # refusal reasons in the explanation are warned about
    van, tot = period(stack, 5, skip_weeks=20)
    r = ouder.post_multipart("/verlof/nieuw", [("leerling", "1"), ("grond", "11f"), ("van", van.isoformat()),
                                               ("tot", tot.isoformat()),
                                               ("toelichting", "Wij willen in het LAAGSEIZOEN gaan, de tickets zijn dan goedkoper.")])
    eq(r.status, 200, "check step")
    check("Uw toelichting noemt" in r.text and "goedkope tickets in het laagseizoen" in r.text, "refusal warning")
    check("verklaring van de werkgever of accountant" in r.text, "statement missing")
    check("één keer per schooljaar" in r.text, "once a year rule shown")
    check("Toch indienen" in r.text, "still submittable")
    # a foreign child is refused at the field
    r = ouder.post_multipart("/verlof/nieuw", [("leerling", "5"), ("grond", "11g"), ("categorie", "verhuizing"),
                                               ("van", van.isoformat()), ("tot", van.isoformat()), ("toelichting", "x")])
    eq(r.status, 422, "other parent's child")
    check("Kies voor welk kind" in r.text, "message at the child field")


def test_withdraw_with_confirmation(stack):
    van, tot = period(stack, 1, skip_weeks=3)
    ouder = login(stack, "ouder@demo.nl")
    _, rid = check_then_submit(ouder, {"leerling": "1", "grond": "11g", "categorie": "verhuizing",
                                       "van": van.isoformat(), "tot": van.isoformat(),
                                       "toelichting": "Wij verhuizen naar Delft."})
    r = ouder.post("/verlof/%d/intrekken" % rid, {})
    eq(r.status, 200, "confirmation page")
    check("Ja, aanvraag intrekken" in r.text, "asks first")
    eq(stack.sql("select status from leave_request where id = %d" % rid), "ingediend", "not yet withdrawn")
    eq(ouder.post("/verlof/%d/intrekken" % rid, {"bevestig": "ja"}).status, 303, "withdrawn")
    eq(stack.sql("select status from leave_request where id = %d" % rid), "ingetrokken", "status")
    check("Ingetrokken door de ouder" in ouder.get("/verlof/%d" % rid).text, "event in the history")
    # an open request blocks an overlapping one; a withdrawn one does not
    granted = stack.sql("select start_date from leave_request where status = 'toegekend' and student_id = 1 "
                        "order by id desc limit 1")
    r = ouder.post_multipart("/verlof/nieuw", [("leerling", "1"), ("grond", "11g"), ("categorie", "verhuizing"),
                                               ("van", granted), ("tot", granted), ("toelichting", "Verhuizing")])
    eq(r.status, 422, "overlapping a granted request")
    check("loopt al een aanvraag" in r.text, "says which request overlaps")
    # the same form submitted twice makes one request
    before = stack.sql("select count(*) from leave_request")
    form = [("leerling", "1"), ("grond", "11g"), ("categorie", "verhuizing"), ("van", van.isoformat()),
            ("tot", van.isoformat()), ("toelichting", "Nog een verhuizing.")]
    first = ouder.post_multipart("/verlof/nieuw", form)
    extra = [("token", hidden(first, "token")[0]), ("gecontroleerd", hidden(first, "gecontroleerd")[0])]
    a = ouder.post_multipart("/verlof/nieuw", form + extra)
    b = ouder.post_multipart("/verlof/nieuw", form + extra)
    eq(a.header("Location"), b.header("Location"), "same request")
    eq(int(stack.sql("select count(*) from leave_request")), int(before) + 1, "one request")


def test_staff_prepare_and_parent_home(stack):
    waiting = int(stack.sql("select count(*) from leave_request where school_id = 1 and status in "
                            "('ingediend', 'in_behandeling', 'doorgestuurd')"))
    home = login(stack, "directeur@demo.nl").get("/school").text
    check(waiting > 1 and ("%d verlofaanvragen wachten op een besluit" % waiting) in home,
          "the head's start page counts the requests that wait (%d)" % waiting)
    school = login(stack, "school@demo.nl")
    rid = int(stack.sql("select max(id) from leave_request where status = 'ingediend'"))
    r = school.post("/verlof/%d/voorbereiden" % rid, {"notitie": ""})
    eq(r.status, 422, "empty note")
    eq(school.post("/verlof/%d/besluit" % rid, {"besluit": "toegekend"}).status, 403, "staff do not decide")
    eq(school.post("/verlof/%d/voorbereiden" % rid, {"notitie": "Gegevens gecontroleerd."}).status, 303, "prepared")
    eq(stack.sql("select status from leave_request where id = %d" % rid), "in_behandeling", "in behandeling")
    ouder = login(stack, "ouder@demo.nl")
    home = ouder.get("/ouder")
    eq(home.status, 200, "parent's start page")
    check("Daan de Vries" in home.text and "In behandeling" in home.text, "children and their requests")
    check("Sem de Vries" in home.text and "Levi" not in home.text, "own children only")
    check("Er is geen verzuimmelding" in home.text, "no melding yet")
    stack.sql("insert into melding (student_id, school_id, soort, routed_to, loket_id, age_group, period_start, "
              "school_year, filed_by, filed_at, details) values (1, 1, '16uur', 'leerplicht', 10, '5-18', "
              "'2026-11-02', '2026-2027', 2, 1793000000, '{\"geheim\": \"notitie van de school\"}')")
    home = ouder.get("/ouder")
    check("Daan de Vries: melding ingediend op 26-10-2026" in home.text, "that a melding was filed, and when")
    check("16uur" not in home.text and "notitie van de school" not in home.text, "nothing of its contents")


def test_notices_need_no_decision(stack):
    van, _ = period(stack, 1, skip_weeks=8)
    ouder = login(stack, "ouder@demo.nl")
    r = ouder.post_multipart("/verlof/nieuw", [("leerling", "1"), ("grond", "religieus"), ("van", van.isoformat()),
                                               ("tot", (van + datetime.timedelta(days=1)).isoformat()),
                                               ("toelichting", "Suikerfeest")])
    eq(r.status, 422, "a religious obligation is one day")
    check("één dag vrij" in r.text, "message at the period")
    first, rid = check_then_submit(ouder, {"leerling": "1", "grond": "religieus", "van": van.isoformat(), "tot": "",
                                           "toelichting": "Suikerfeest"})
    check("geen besluit nodig" in first.text, "no decision: a notice")
    eq(stack.sql("select status, start_date = end_date from leave_request where id = %d" % rid), "kennisgeving|1",
       "stored as a notice of one day")
    check("Nieuwe kennisgeving van een ouder" in stack.sql("select subject from outbox"), "the school is told")
    page = login(stack, "directeur@demo.nl").get("/verlof/%d" % rid)
    check("Kennisgeving ontvangen" in page.text and "Besluit nemen" not in page.text, "nothing to decide")
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    r = ouder.post_multipart("/verlof/nieuw", [("leerling", "1"), ("grond", "ziekte"), ("van", (tomorrow + datetime.timedelta(days=2)).isoformat()),
                                               ("tot", (tomorrow + datetime.timedelta(days=3)).isoformat())])
    eq(r.status, 422, "illness is not reported ahead")
    check("niet vooraf" in r.text, "message at the period")


def test_pending_attachments_forgotten(stack):
    c = login(stack, "ouder@demo.nl")
    r = c.post_multipart("/verlof/nieuw", [("leerling", "1")], [("bijlage", "a.pdf", "application/pdf", PDF)])
    pid = hidden(r, "bijlage_id")[0]
    eq(c.get("/verlof/nieuw").status, 200, "form")
    eq(stack.sql("select count(*) from attachment where id = %s" % pid), "1", "a fresh pending one is kept")
    stack.sql("update attachment set at = at - 90000 where id = %s" % pid)   # a day has passed
    c.get("/verlof/nieuw")
    eq(stack.sql("select count(*) from attachment where id = %s" % pid), "0", "a form never sent is forgotten")
    eq(stack.sql("select count(*) from attachment where id = 7101"), "1", "attachments of requests stay")
    # The same file chosen again after an error is kept once.
    r = c.post_multipart("/verlof/nieuw", [("leerling", "1")], [("bijlage", "b.pdf", "application/pdf", PDF + b"b")])
    kept = hidden(r, "bijlage_id")
    eq(len(kept), 1, "kept after the error")
    r = c.post_multipart("/verlof/nieuw", [("leerling", "1"), ("bijlage_id", kept[0])],
                         [("bijlage", "b-opnieuw.pdf", "application/pdf", PDF + b"b"),
                          ("bijlage", "c.pdf", "application/pdf", PDF + b"c")])
    eq(len(hidden(r, "bijlage_id")), 2, "b once, and c")


def test_pending_attachments_are_capped(stack):
    """Refused forms keep their files (nothing lost), but a parent cannot pile them up."""
    c = login(stack, "ouder2@demo.nl")
    big = PDF + b"0" * (5 * 1024 * 1024)
    kept = 0
    for i in range(6):
        r = c.post_multipart("/verlof/nieuw", [("leerling", "999"), ("grond", "x")],
                             [("bijlage", "b%d.pdf" % i, "application/pdf", big)])
        eq(r.status, 422, "refused form %d" % i)
        kept += len(hidden(r, "bijlage_id"))
    pending = int(stack.sql("select sum(size) from attachment where leave_request_id is null and melding_id is null "
                            "and uploaded_by = (select id from app_user where email = 'ouder2@demo.nl')"))
    eq(kept, 4, "four files of 5 MB kept, the fifth and sixth refused")
    check(pending <= 24 * 1024 * 1024, "at most 24 MB pending: %d" % pending)
    check("Dien eerst een aanvraag in" in r.text, "Dutch message at the attachment field")


if __name__ == "__main__":
    run([test_funeral_request_warns_and_is_refused, test_twelve_days_forwarded_to_leerplicht, test_scope,
         test_luxe_signal, test_form_errors_keep_entries, test_withdraw_with_confirmation,
         test_staff_prepare_and_parent_home, test_notices_need_no_decision, test_pending_attachments_forgotten,
         test_pending_attachments_are_capped])
