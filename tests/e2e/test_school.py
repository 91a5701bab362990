"""School area over real HTTP (issue 5): registration import, signals, verzuimmelding, scope."""
import hashlib
import html
import json
import os
import re
import subprocess
from harness import Client, ROOT, run, check, eq

# Student 1 (Daan de Vries, number 1001, Zoetermeer, kwalificatieplichtig) misses 4 hours on four
# Mondays: 16 hours in the 4 school weeks 7-28 September 2026 (no vacation in between).
IMPORT_16UUR = ("leerlingnummer,datum,soort,minuten,opmerking\n"
                "1001,2026-09-07,ongeoorloofd,240,spijbelen\n"
                "1001,2026-09-14,ongeoorloofd,240,\n"
                "1001,2026-09-21,ongeoorloofd,240,\n"
                "1001,2026-09-28,ongeoorloofd,240,\"niet gekomen, geen bericht\"\n")
DATUM_16UUR = "2026-09-28"
# 5 werkdagen after Monday 28 September: Tue, Wed, Thu, Fri, Mon 5 October.
DEADLINE_16UUR = "2026-10-05"


def when(iso, text):
    """A date as the school's pages show it: Dutch text, the ISO date in the datetime attribute."""
    return '<time datetime="%s">%s</time>' % (iso, text)


def school():
    return None


def login(stack, email="school@demo.nl"):
    c = Client(stack)
    r = c.login(email)
    eq(r.status, 303, "log-in " + email)
    return c


def upload_csv(c, path, text, name="registraties.csv"):
    return c.post_multipart(path, {}, [("bestand", name, "text/csv", text.encode())])


def form_values(page):
    """The fields of the melding form as the browser would send them."""
    t = page.text
    v = {}
    for m in re.finditer(r'<input class="utrecht-textbox" type="[a-z]+" id="f-([a-z_]+)" name="[a-z_]+" value="([^"]*)"', t):
        v[m.group(1)] = html.unescape(m.group(2))
    for m in re.finditer(r'<textarea class="utrecht-textarea" id="f-([a-z_]+)" name="[a-z_]+"[^>]*>(.*?)</textarea>', t, re.S):
        v[m.group(1)] = html.unescape(m.group(2))
    for m in re.finditer(r'<select class="utrecht-select" id="f-([a-z_]+)".*?</select>', t, re.S):
        sel = re.search(r'<option value="([^"]+)" selected>', m.group(0))
        v[m.group(1)] = sel.group(1) if sel else ""
    for name in ("token", "soort", "signaal"):
        m = re.search(r'<input type="hidden" name="%s" value="([^"]*)">' % name, t)
        v[name] = html.unescape(m.group(1)) if m else ""
    return v


VERWIJDERING = {"melder_functie": "afdelingsleider", "vermoedelijke_reden": "ernstig incident", "alle_lessen": "ja",
                "toelichting": "x", "acties_school": "x", "loket_actie": "ja", "dagen_uren": "x"}


def file_verwijdering(c, student, start, extra=None):
    """A verwijdering of student from the first day start through the school's form: (the form
    page, the new melding's id)."""
    page = c.get("/school/leerlingen/%d/melding?soort=verwijdering" % student)
    eq(page.status, 200, "melding form")
    v = form_values(page)
    v.update(VERWIJDERING, periode_start=start)
    v.update(extra or {})
    r = c.post_multipart("/school/leerlingen/%d/melding" % student, v)
    eq(r.status, 303, "filed")
    return page, int(r.header("Location").rsplit("/", 1)[1])


def field_error(page, name):
    m = re.search(r'id="veld-%s">(.*?)</div>' % name, page.text, re.S)
    check(m is not None, "field %s on the page" % name)
    e = re.search(r'<p class="field-error" id="fout-%s">([^<]*)</p>' % name, m.group(1))
    return html.unescape(e.group(1)) if e else None


def count(stack, sql):
    return int(stack.sql(sql) or 0)


def test_acceptance_16uur_end_to_end(stack):
    c = login(stack)
    # 1. Import the school system's CSV.
    r = upload_csv(c, "/school/import/registraties", IMPORT_16UUR)
    eq(r.status, 200, "import status")
    check("Import geslaagd" in r.text and "4 registraties geïmporteerd" in r.text, "summary: " + r.text[:300])
    check("van %s tot en met %s" % (when("2026-09-07", "7 september 2026"), when(DATUM_16UUR, "28 september 2026")) in r.text,
          "the period imported, in Dutch")
    eq(count(stack, "select count(*) from registration where student_id = 1 and source = 'import'"), 4, "stored")

    # 2. The signal with its deadline, computed from the stored registrations.
    r = c.get("/school/signalen")
    eq(r.status, 200, "signals")
    row = re.search(r'<tr[^>]*data-signaal="16uur" data-leerling="1">(.*?)</tr>', r.text, re.S)
    check(row is not None, "16uur row of student 1")
    cells = re.findall(r"<td>(.*?)</td>", row.group(1), re.S)
    check(DATUM_16UUR in row.group(1), "datum %s in %r" % (DATUM_16UUR, cells))
    eq(cells[2], '<span class="badge badge--verplicht">16 uur</span> 16 uur ongeoorloofd verzuim in 4 lesweken', "badge: a Dutch label")
    eq(cells[3], when(DATUM_16UUR, "28 september 2026"), "datum cell")
    eq(cells[4], when(DEADLINE_16UUR, "5 oktober 2026"), "uiterlijk_melden cell")
    eq(cells[6], "Leerplichtloket", "the desk's kind in words")
    check("Peildatum <time datetime=" in r.text, "peildatum with its ISO date")
    # The rules CLI, fed the same registrations and the demo calendar, agrees.
    vac = "start,end,name\n" + stack.sql("select start_date || ',' || end_date || ',' || name from vacation where calendar_id = 1").replace("|", ",") + "\n"
    vf = os.path.join(stack.var, "vakanties.csv")
    with open(vf, "w") as f:
        f.write(vac)
    regs = "datum,soort,minuten\n" + "".join("%s,ongeoorloofd,240\n" % d for d in ("2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28"))
    out = subprocess.run([os.path.join(ROOT, "cgi-bin/verzuimctl"), "signalen", "--regio", "haaglanden", "--op", "2026-11-24",
                          "--geboren", "2010-03-14", "--soort", "mbo", "--vakanties", vf], input=regs, capture_output=True, text=True)
    sig = [s for s in json.loads(out.stdout)["signalen"] if s["signaal"] == "16uur"]
    eq([(s["datum"], s["uiterlijk_melden"], s["loket"]) for s in sig], [(DATUM_16UUR, DEADLINE_16UUR, "leerplicht")], "verzuimctl")
    check('class="overdue"' in r.text[:r.text.find('data-leerling="1"')], "past its deadline: shown as overdue")

    # 3. The form, pre-filled from student, school and signal, shows the desk before filing.
    link = re.search(r'href="(/school/leerlingen/1/melding\?soort=16uur&amp;signaal=%s)"' % DATUM_16UUR, r.text)
    check(link is not None, "link from the signal to the form")
    page = c.get(html.unescape(link.group(1)))
    eq(page.status, 200, "form")
    check("Deze melding gaat naar:" in page.text and "Leerplicht (5-18), gemeente Zoetermeer" in page.text, "routing shown")
    check("geboren %s," % when("2010-03-14", "14 maart 2010") in page.text, "birth date in Dutch")
    check("signaal van %s." % when(DATUM_16UUR, "28 september 2026") in page.text, "signal date in Dutch")
    check("Plicht op de datum van het signaal: Kwalificatieplicht." in page.text, "plicht in words")
    check("<strong>Uiterlijk melden:</strong> 5 oktober 2026" in page.text, "deadline in Dutch")
    v = form_values(page)
    eq(v["periode_start"], "2026-09-07", "period start = Window start")
    eq(v["periode_eind"], DATUM_16UUR, "period end = signal datum")
    eq(v["ouder_naam"], "Fam. de Vries", "parent pre-filled")
    eq(v["melder_email"], "school@demo.nl", "melder pre-filled")
    check("240 min" in v["dagen_uren"], "days and hours from the registrations")
    check(re.search(r"(^|\n)(ma|di|wo|do|vr) [0-9]+ [a-z]+ 2026: Ongeoorloofd 240 min", v["dagen_uren"]),
          "each day with its weekday: " + v["dagen_uren"][:80])
    check(v["token"] and v["signaal"] == DATUM_16UUR, "token and signal carried")
    v.update({"melder_functie": "verzuimcoordinator", "vermoedelijke_soort": "spijbelen", "vermoedelijke_reden": "Gaat liever naar zijn bijbaan.",
              "alle_lessen": "ja", "acties_school": "Twee gesprekken met Daan en een brief aan ouders; geen verbetering.",
              "loket_actie": "ja", "toelichting": ""})

    # 4. One required field missing: the error next to it, every entry kept, nothing filed.
    r = c.post_multipart("/school/leerlingen/1/melding", v)
    eq(r.status, 422, "missing field")
    eq(field_error(r, "toelichting"), "Dit veld is verplicht.", "error at toelichting")
    eq(field_error(r, "vermoedelijke_reden"), None, "no error at a filled field")
    kept = form_values(r)
    for k in ("vermoedelijke_reden", "acties_school", "periode_start", "periode_eind", "ouder_naam", "token"):
        eq(kept[k], v[k], "kept " + k)
    check('value="ja" checked' in r.text, "radio choices kept")
    eq(count(stack, "select count(*) from melding where student_id = 1"), 0, "nothing filed")

    # 5. Complete: filed once, routed to the Zoetermeer leerplicht desk, parents told.
    v["toelichting"] = "Daan heeft thuis problemen; de mentor vermoedt schoolmoeheid."
    r = c.post_multipart("/school/leerlingen/1/melding", v)
    eq(r.status, 303, "filed")
    loc = r.header("Location")
    m = re.match(r"^/school/meldingen/([0-9]+)$", loc or "")
    check(m is not None, "redirect to the melding: %r" % loc)
    mid = int(m.group(1))
    row = stack.sql("select soort, status, routed_to, loket_id, age_group, period_start, period_end, signal_datum, deadline, unauthorised_minutes, has_verzuimstaat from melding where id = %d" % mid)
    eq(row, "16uur|geregistreerd|leerplicht|10|5-18|2026-09-07|2026-09-28|2026-09-28|2026-10-05|960|1", "stored melding")
    eq(stack.sql("select group_concat(kind, ',') from (select kind from melding_event where melding_id = %d order by id)" % mid),
       "ingediend,ouders_geinformeerd", "events")
    eq(count(stack, "select count(*) from outbox where to_addr = 'ouders1@demo.nl' and subject like 'Verzuimmelding over Daan%'"), 1, "parents' mail queued")
    # A second submission of the same form makes no second melding.
    r = c.post_multipart("/school/leerlingen/1/melding", v)
    eq(r.status, 303, "resubmit")
    eq(r.header("Location"), loc, "same melding")
    eq(count(stack, "select count(*) from melding where student_id = 1"), 1, "exactly once")

    page = c.get(loc)
    eq(page.status, 200, "melding page")
    for s in ("Geregistreerd", "Melding ingediend", "Ouders/verzorgers geïnformeerd", "1e melding", "Leerplicht (5-18), gemeente Zoetermeer",
              "gemeld aan: Leerplichtloket",
              "<dt>Periode</dt><dd>%s – %s</dd>" % (when("2026-09-07", "7 september 2026"), when(DATUM_16UUR, "28 september 2026")),
              "<dt>Signaal</dt><dd>%s</dd>" % when(DATUM_16UUR, "28 september 2026"),
              "<dt>Uiterlijk melden</dt><dd>%s</dd>" % when(DEADLINE_16UUR, "5 oktober 2026"),
              '<dt>Eerste dag van het verzuim</dt><dd class="pre">7 september 2026</dd>'):
        check(s in page.text, "melding page shows " + s)
    check(re.search(r"<dt>Gemeld</dt><dd>[0-3][0-9]-[01][0-9]-20[0-9][0-9] [0-2][0-9]:[0-5][0-9] door", page.text) is not None,
          "filed at, local time")
    staat = c.get(loc + "/verzuimstaat").text
    check("geboren %s" % when("2010-03-14", "14 maart 2010") in staat, "verzuimstaat: birth date")
    check("<td>%s</td><td>Ongeoorloofd</td><td>240</td>" % when("2026-09-14", "ma 14 september 2026") in staat,
          "verzuimstaat: a row, with its weekday")
    # The list of meldingen and the student page: labels and Dutch dates, not codes.
    lst = c.get("/school/meldingen").text
    row = re.search(r'<tr>\s*<td><a class="utrecht-link" href="/school/meldingen/%d">.*?</tr>' % mid, lst, re.S)
    check(row is not None, "melding in the list")
    cells = re.findall(r"<td>(.*?)</td>", row.group(0), re.S)
    eq(cells[1:5], ["16 uur ongeoorloofd verzuim in 4 lesweken", "Geregistreerd", "Leerplicht (5-18), Zoetermeer (Leerplichtloket)",
                    "%s – %s" % (when("2026-09-07", "7 september 2026"), when(DATUM_16UUR, "28 september 2026"))], "list cells")
    eq(cells[5], when(DEADLINE_16UUR, "5 oktober 2026"), "list: deadline")
    check(re.match(r'<time datetime="2026-[01][0-9]-[0-3][0-9]">[0-9]+ [a-z]+ 2026</time> <span class="overdue">te laat gemeld</span>$', cells[6]),
          "list: filed on, late: %r" % cells[6])
    st = c.get("/school/leerlingen/1").text
    check("<dt>Geboren</dt><dd>%s (" % when("2010-03-14", "14 maart 2010") in st, "student page: birth date")
    check(re.search(r'href="/school/meldingen/%d">16 uur ongeoorloofd verzuim in 4 lesweken</a></td><td>%s – %s</td><td>Geregistreerd</td>'
                    % (mid, re.escape(when("2026-09-07", "7 september 2026")), re.escape(when(DATUM_16UUR, "28 september 2026"))), st),
          "student page: soort, period and status in words")
    home = c.get("/school").text
    check(re.search(r'href="/school/meldingen\?status=geregistreerd">Geregistreerd</a>', home), "start page: status label, code in the URL")
    check("Vandaag: <time datetime=" in home, "start page: today")
    # The signal is answered: no longer open.
    r = c.get("/school/signalen")
    check('data-signaal="16uur" data-leerling="1"' not in r.text, "signal answered")

    # 6. In the right desk's scope, not in another desk's.
    lp = login(stack, "leerplicht@demo.nl")
    desk_page = lp.get("/loket/meldingen/%d" % mid)
    eq(desk_page.status, 200, "Zoetermeer leerplicht desk sees it")
    check("<tr><td>ma 14 september 2026</td><td>Ongeoorloofd</td><td>240</td>" in desk_page.text,
          "the desk reads the verzuimstaat's days with their weekday")
    eq(lp.get("/loket/meldingen/%d/verzuimstaat" % mid).status, 200, "and its verzuimstaat")
    for other in ("rmc@demo.nl", "denhaag@demo.nl"):
        o = login(stack, other)
        eq(o.get("/loket/meldingen/%d" % mid).status, 404, other + " does not")
        eq(o.get("/loket/meldingen/%d/verzuimstaat" % mid).status, 404, other + " verzuimstaat")


def test_filed_on_is_the_day_in_the_netherlands(stack):
    """A melding filed at 00:30 in the Netherlands (23:30 UTC the day before) is of that Dutch day,
    on the list of meldingen and on the student's page alike."""
    c = login(stack)
    row = stack.sql("select m.id, m.student_id from melding m join student s on s.id = m.student_id "
                    "where s.school_id = 1 order by m.id limit 1")
    check(row, "the demo school has a melding")
    mid, sid = row.split("|")
    stack.sql("update melding set filed_at = %d where id = %s" % (1795476600, mid))  # 2026-11-23 23:30 UTC
    dutch = when("2026-11-24", "24 november 2026")
    lst = c.get("/school/meldingen").text
    m = re.search(r'href="/school/meldingen/%s">.*?</tr>' % mid, lst, re.S)
    check(m and dutch in m.group(0), "list: filed on 24 November")
    st = c.get("/school/leerlingen/%s" % sid).text
    m = re.search(r'href="/school/meldingen/%s">.*?</tr>' % mid, st, re.S)
    check(m and dutch in m.group(0), "student page: filed on 24 November, not 23")


def test_bad_line_among_1000_imports_nothing(stack):
    c = login(stack)
    before = count(stack, "select count(*) from registration")
    lines = ["leerlingnummer,datum,soort,minuten,opmerking"]
    days = ["2026-%02d-%02d" % (m, d) for m in (9, 10) for d in range(1, 29)]
    for i in range(1000):
        lines.append("%d,%s,te_laat,%d," % (1005 + i % 10, days[i % len(days)], 5 + i % 30))
    lines[600] = "1007,2026-02-30,te_laat,10,"      # line 601 of the file: no such date
    r = upload_csv(c, "/school/import/registraties", "\n".join(lines) + "\n")
    eq(r.status, 422, "refused")
    check("Er is niets geïmporteerd" in r.text, "says nothing was imported")
    errs = re.findall(r"<tr><td>regel ([0-9]+)</td><td>([^<]*)</td></tr>", r.text)
    eq([e[0] for e in errs], ["601"], "names the bad line")
    check("datum" in errs[0][1], "says what is wrong: " + errs[0][1])
    eq(count(stack, "select count(*) from registration"), before, "nothing imported")
    # The same file without the bad line imports all 1000.
    lines[600] = "1007,2026-10-02,te_laat,10,"
    r = upload_csv(c, "/school/import/registraties", "\n".join(lines) + "\n")
    eq(r.status, 200, "good file")
    check("1000 regels gelezen, 1000 registraties geïmporteerd voor 10 leerlingen" in r.text, "summary")
    eq(count(stack, "select count(*) from registration"), before + 1000, "all imported")
    # Importing it again adds nothing twice.
    r = upload_csv(c, "/school/import/registraties", "\n".join(lines) + "\n")
    check("1000 regels stonden er al en zijn overgeslagen" in r.text, "re-import skipped")
    eq(count(stack, "select count(*) from registration"), before + 1000, "no duplicates")
    # One of each: the summary says it in the singular.
    one = "leerlingnummer,datum,soort,minuten,opmerking\n1003,2026-11-03,te_laat,7,\n"
    r = upload_csv(c, "/school/import/registraties", one)
    check("1 regel gelezen, 1 registratie geïmporteerd voor 1 leerling," in r.text, "singular summary")
    r = upload_csv(c, "/school/import/registraties", one)
    check("1 regel stond er al en is overgeslagen" in r.text, "singular skip")


def test_import_errors_per_line(stack):
    c = login(stack)
    text = ("leerlingnummer,datum,soort,minuten\n"
            "1021,2026-10-01,ongeoorloofd,60\n"       # student of the other school
            "1002,2026-10-01,spijbelen,60\n"
            "1002,2099-10-01,ongeoorloofd,60\n"
            "1002,2026-10-01,ongeoorloofd,abc\n"
            "1002,2026-10-01,ongeoorloofd,dag\n"
            "1002,2026-10-02,ongeoorloofd,60,x\n")     # a field more than the header has
    r = upload_csv(c, "/school/import/registraties", text)
    eq(r.status, 422, "refused")
    errs = dict(re.findall(r"<tr><td>regel ([0-9]+)</td><td>([^<]*)</td></tr>", r.text))
    eq(sorted(errs), ["2", "3", "4", "5", "7"], "every bad line named")
    check("Onbekend leerlingnummer" in errs["2"], "other school's number is unknown here")
    check("5 velden, de kopregel 4 kolommen" in errs["7"], "the shifted line")
    check("Onbekende soort &#39;spijbelen&#39;" in errs["3"], "names the unknown kind: %r" % errs["3"])
    # A Dutch spreadsheet's CSV: semicolons, kinds written as words.
    text = "leerlingnummer;datum;soort;minuten\n1002;2026-10-05;Te laat;10\n1002;2026-10-06;Ongeoorloofd;60\n"
    r = upload_csv(c, "/school/import/registraties", text)
    eq(r.status, 200, "semicolons and 'Te laat' accepted: " + r.text[:300])
    eq(stack.sql("select group_concat(kind) from (select kind from registration where student_id = 2 and date in "
                 "('2026-10-05', '2026-10-06') order by date)"), "te_laat,ongeoorloofd", "stored as the kinds")
    r = upload_csv(c, "/school/import/registraties", "naam,datum\nx,y\n")
    check("Onbekende kolom" in r.text or "ontbreekt" in r.text, "bad header explained")


def test_student_import(stack):
    c = login(stack)
    text = ("leerlingnummer;voornaam;achternaam;geboortedatum;woongemeente\n").replace(";", ",") + \
        "5001,Anna,Nieuw,2011-05-05,Zoetermeer\n5002,Bob,Nieuw,2010-13-01,Zoetermeer\n"
    r = upload_csv(c, "/school/import/leerlingen", text, "leerlingen.csv")
    eq(r.status, 422, "bad date refuses all")
    check("regel 3" in r.text, "names line 3")
    eq(count(stack, "select count(*) from student where last_name = 'Nieuw'"), 0, "nothing")
    r = upload_csv(c, "/school/import/leerlingen", text.replace("2010-13-01", "2010-12-01"), "leerlingen.csv")
    eq(r.status, 200, "imported")
    eq(count(stack, "select count(*) from student where last_name = 'Nieuw' and school_id = 1"), 2, "two students of school 1")
    r = c.get("/school/leerlingen?q=Nieuw")
    check("Nieuw, Anna" in r.text and "Nieuw, Bob" in r.text, "searchable")
    # A line break inside a quoted field, or an address that is none, refuses the file.
    head = "leerlingnummer,voornaam,achternaam,geboortedatum,woongemeente,ouder_email\n"
    for line, want in (('5003,"Piet\r\nBcc: evil@example.org",Nieuwer,2011-05-05,Zoetermeer,\n',
                        "voornaam bevat een regelovergang"),
                       ('5003,Piet,Nieuwer,2011-05-05,Zoetermeer,"ouder@demo.nl\r\nBcc: x@evil.org"\n',
                        "ouder_email bevat een regelovergang"),
                       ('5003,Piet,Nieuwer,2011-05-05,Zoetermeer,ouders-at-demo.nl\n',
                        "ouder_email &#39;ouders-at-demo.nl&#39; is geen geldig e-mailadres")):
        r = upload_csv(c, "/school/import/leerlingen", head + line, "leerlingen.csv")
        eq(r.status, 422, "refused: " + want)
        check("regel 2" in r.text and want in r.text, "says why: " + want)
    eq(count(stack, "select count(*) from student where last_name = 'Nieuwer'"), 0, "nothing imported")


def test_school_sees_only_its_own_students(stack):
    c = login(stack)
    r = c.get("/school/leerlingen")
    eq(r.status, 200, "list")
    check("de Vries, Daan" in r.text, "own student listed")
    check("van der Meer" not in r.text and "El Amrani" not in r.text, "no student of school 2")
    r = c.get("/school/leerlingen?q=Meer")
    check("van der Meer" not in r.text, "search does not reach school 2")
    for path in ("/school/leerlingen/21", "/school/leerlingen/21/melding", "/school/leerlingen/21/melding?soort=16uur",
                 "/school/registraties/9102/corrigeren", "/school/meldingen/9003", "/school/meldingen/9003/verzuimstaat"):
        r = c.get(path)
        eq(r.status, 404, path)
        check("Pagina niet gevonden" in r.text, "Dutch 404 page")
    eq(c.post("/school/leerlingen/21/registraties", {"datum": "2026-10-01", "soort": "ziek", "minuten": "60"}).status, 404, "post foreign")
    eq(count(stack, "select count(*) from registration where student_id = 21 and date = '2026-10-01'"), 0, "nothing written")
    c2 = login(stack, "school2@demo.nl")
    eq(c2.get("/school/leerlingen/1").status, 404, "and the other way round")
    eq(c2.get("/school/leerlingen/21").status, 200, "school 2 sees its own")


def test_registration_and_correction_keep_history(stack):
    c = login(stack)
    r = c.post("/school/leerlingen/2/registraties", {"datum": "2099-01-01", "soort": "ziek", "minuten": "", "opmerking": "griep"})
    eq(r.status, 422, "future date refused")
    check("De datum ligt in de toekomst." in r.text and 'value="griep"' in r.text, "error shown, entry kept")
    r = c.post("/school/leerlingen/2/registraties", {"datum": "2026-11-02", "soort": "ongeoorloofd", "minuten": "90", "opmerking": "eerste uur"})
    eq(r.status, 303, "registered")
    rid = int(stack.sql("select id from registration where student_id = 2 and date = '2026-11-02'"))
    r = c.post("/school/registraties/%d/corrigeren" % rid, {"datum": "2026-11-02", "soort": "ziek", "minuten": "90", "opmerking": "", "reden": ""})
    eq(r.status, 422, "reason required")
    r = c.post("/school/registraties/%d/corrigeren" % rid, {"datum": "2026-11-02", "soort": "ziek", "minuten": "", "hele_dag": "1", "opmerking": "", "reden": "moeder belde later"})
    eq(r.status, 303, "corrected")
    rows = stack.sql("select id, kind, minutes, active, ifnull(corrects_id, ''), created_by from registration where student_id = 2 and date = '2026-11-02' order by id")
    eq(rows, "%d|ongeoorloofd|90|0||2\n%d|ziek|300|1|%d|2" % (rid, rid + 1, rid), "both kept, who")
    r = c.get("/school/leerlingen/2?maand=2026-11")
    check("gecorrigeerd" in r.text and "correctie van #%d" % rid in r.text, "history shows both")
    check("<td>%s</td><td>Ziek</td><td>300</td>" % when("2026-11-02", "2 november 2026") in r.text, "history: date and kind in words")
    check("(via het formulier)" in r.text, "history: how it came in")
    check("Kalender %s" % when("2026-11", "november 2026") in r.text, "calendar month in words")
    check('href="/school/leerlingen/2?maand=2026-10#afwezigheid">← oktober 2026</a>' in r.text, "previous month: ISO in the URL, words shown")
    page = c.get("/school/registraties/%d/corrigeren" % (rid + 1)).text
    check("<dd>%s, Ziek, 300 minuten." % when("2026-11-02", "2 november 2026") in page, "correction page: date and kind in words")
    eq(c.post("/school/registraties/%d/corrigeren" % rid, {"datum": "2026-11-02", "soort": "ziek", "minuten": "60", "reden": "x"}).status, 422, "an old version is not corrected again")
    # An entry that was wrong altogether is voided: it counts nowhere and stays in the history.
    newest = int(stack.sql("select max(id) from registration where corrects_id = %d" % rid))
    r = c.post("/school/registraties/%d/corrigeren" % newest, {"vervalt": "1", "reden": "verkeerde leerling"})
    eq(r.status, 422, "voiding needs a confirmation")
    check("Bevestig dat deze registratie vervalt" in r.text, "says so")
    eq(c.post("/school/registraties/%d/corrigeren" % newest, {"vervalt": "1", "reden": "verkeerde leerling",
                                                              "bevestig": "ja"}).status, 303, "voided")
    eq(stack.sql("select count(*) from registration where (id = %d or corrects_id = %d) and active = 1" % (newest, newest)),
       "0", "nothing of it counts")
    check("Vervallen: verkeerde leerling" in c.get("/school/leerlingen/2?maand=2026-11").text, "the reason in the history")


def test_melding_refused_without_plicht_and_attachments(stack):
    c = login(stack)
    # Student 7: 21 years old with a startkwalificatie: plicht geen.
    r = c.get("/school/leerlingen/7/melding?soort=overig")
    eq(r.status, 200, "form")
    check("kan niet worden gedaan" in r.text and "Melding versturen" not in r.text, "refused with the reason")
    v = form_values(r)
    v.update({"vermoedelijke_soort": "spijbelen", "vermoedelijke_reden": "x", "alle_lessen": "nee", "toelichting": "x",
              "acties_school": "x", "loket_actie": "ja", "dagen_uren": "x", "lesplaats": "x", "periode_start": "2026-11-02",
              "problematiek": "nee", "sk_gevaar": "nee", "dreigt_vsv": "nee", "afspraken": "x"})
    r = c.post_multipart("/school/leerlingen/7/melding", v)
    eq(r.status, 422, "refused")
    check("niet leerplichtig of kwalificatieplichtig" in r.text, "reason")
    eq(count(stack, "select count(*) from melding where student_id = 7"), 0, "nothing filed")

    # Student 3: 21, no startkwalificatie: RMC, with the three concerns of seed 002.
    page = c.get("/school/leerlingen/3/melding?soort=overig")
    check("RMC (18-23), gemeente Zoetermeer" in page.text, "routed to RMC")
    v = form_values(page)
    v.update({"melder_functie": "mentor", "vermoedelijke_soort": "spijbelen", "vermoedelijke_reden": "werk", "alle_lessen": "nee", "toelichting": "x",
              "acties_school": "gesprek", "loket_actie": "nee", "dagen_uren": "ma", "periode_start": "2026-11-02"})
    r = c.post_multipart("/school/leerlingen/3/melding", v, [("bijlage", "brief.pdf", "application/pdf", b"dit is geen pdf")])
    eq(r.status, 422, "errors")
    for name in ("problematiek", "sk_gevaar", "dreigt_vsv", "afspraken", "geen_actie_reden"):
        check(field_error(r, name) is not None, "required: " + name)
    check("geen PDF, PNG of JPEG" in r.text, "attachment checked by content")
    v.update({"problematiek": "ja", "sk_gevaar": "ja", "dreigt_vsv": "nee", "afspraken": "Elke week gesprek.",
              "geen_actie_reden": "School heeft het zelf in de hand.", "token": form_values(r)["token"]})
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    r = c.post_multipart("/school/leerlingen/3/melding", v, [("bijlage", "verzuim.pdf", "application/octet-stream", pdf)])
    eq(r.status, 303, "filed")
    mid = int(r.header("Location").rsplit("/", 1)[1])
    eq(stack.sql("select routed_to, loket_id, age_group from melding where id = %d" % mid), "rmc|11|18-23", "RMC desk")
    eq(stack.sql("select ctype, size, sha256 from attachment where melding_id = %d" % mid),
       "application/pdf|%d|%s" % (len(pdf), hashlib.sha256(pdf).hexdigest()), "stored with its hash")
    eq(count(stack, "select count(*) from outbox where to_addr = 'leerling3@demo.nl'"), 1, "an adult is told in person")
    aid = stack.sql("select id from attachment where melding_id = %d" % mid)
    r = c.get("/school/meldingen/%d/bijlagen/%s" % (mid, aid))
    eq((r.status, r.body), (200, pdf), "download")
    eq(login(stack, "rmc@demo.nl").get("/loket/meldingen/%d" % mid).status, 200, "RMC desk sees it")
    eq(login(stack, "leerplicht@demo.nl").get("/loket/meldingen/%d" % mid).status, 404, "leerplicht desk does not")

    # After filing: information, end date, withdrawal while geregistreerd.
    r = c.post("/school/meldingen/%d/informatie" % mid, {"informatie": ""})
    eq(r.status, 422, "empty information")
    eq(c.post("/school/meldingen/%d/informatie" % mid, {"informatie": "Student is weer gezien."}).status, 303, "info")
    long_text = "weer op school; " + "met de mentor besproken. " * 150  # ~3,700 characters, under the 4,000
    eq(c.post("/school/meldingen/%d/einddatum" % mid, {"einddatum": "2026-11-20", "toelichting": long_text}).status, 303, "end date")
    eq(stack.sql("select school_end_date from melding where id = %d" % mid), "2026-11-20", "end date stored")
    eq(stack.sql("select text from melding_event where melding_id = %d and kind = 'einddatum'" % mid),
       "Einddatum verzuim: 20 november 2026. " + long_text.strip(), "the timeline: a Dutch date and the whole explanation")
    r = c.post("/school/meldingen/%d/intrekken" % mid, {"reden": "dubbel"})
    eq(r.status, 422, "confirmation needed")
    eq(c.post("/school/meldingen/%d/intrekken" % mid, {"reden": "dubbel gemeld", "bevestig": "1"}).status, 303, "withdrawn")
    eq(stack.sql("select status from melding where id = %d" % mid), "ingetrokken", "status")
    eq(stack.sql("select group_concat(kind, ',') from (select kind from melding_event where melding_id = %d order by id)" % mid),
       "ingediend,bijlage,ouders_geinformeerd,informatie,einddatum,status", "timeline, append-only")
    r = c.post("/school/meldingen/%d/intrekken" % mid, {"reden": "nog eens", "bevestig": "1"})
    eq(r.status, 409, "cannot withdraw twice")


def test_verwijdering_goes_to_inspectie_and_informs_leerplicht(stack):
    c = login(stack)
    page, mid = file_verwijdering(c, 11, "2026-11-23")
    check("Inspectie van het Onderwijs" in page.text, "routing shown: Inspectie")
    # Deadline: 1 werkdag after the start (Monday 23 November → Tuesday 24 November).
    eq(stack.sql("select routed_to, loket_id, deadline from melding where id = %d" % mid), "inspectie|10|2026-11-24", "stored")
    page = c.get("/school/meldingen/%d" % mid).text
    check("gemeld aan: Inspectie van het Onderwijs" in page, "routed to, in words")
    check("<dt>Uiterlijk melden</dt><dd>%s</dd>" % when("2026-11-24", "24 november 2026") in page, "deadline in Dutch")
    eq(login(stack, "leerplicht@demo.nl").get("/loket/meldingen/%d" % mid).status, 200, "leerplicht desk informed")



def test_verwijdering_of_an_adult_informs_the_rmc_desk(stack):
    """§5 with §1: the Inspectie gets it; the desk informed is the one that covers the student's
    age, since a leerplicht desk (5-18) never sees meldingen about 18-23 year-olds."""
    c = login(stack)
    page, mid = file_verwijdering(c, 3, "2026-11-23", {"problematiek": "nee", "sk_gevaar": "ja", "dreigt_vsv": "ja",
                                                      "afspraken": "gesprek"})
    check("Inspectie van het Onderwijs" in page.text, "routing shown: Inspectie")
    eq(stack.sql("select routed_to, loket_id, age_group from melding where id = %d" % mid), "inspectie|11|18-23",
       "Lucas (21, Zoetermeer): Inspectie, the RMC desk informed")
    eq(login(stack, "rmc@demo.nl").get("/loket/meldingen/%d" % mid).status, 200, "RMC desk informed")
    eq(login(stack, "leerplicht@demo.nl").get("/loket/meldingen/%d" % mid).status, 404, "not the leerplicht desk")


def test_parents_told_of_a_melding_about_a_minor_period(stack):
    """§6: the parents are notified. Sem (born 2008-09-02) was 17 on the first day of the period:
    a kwalificatieplicht melding, so his parents are told, although he is 18 now."""
    c = login(stack)
    page = c.get("/school/leerlingen/2/melding?soort=overig")
    v = form_values(page)
    v.update({"melder_functie": "mentor", "vermoedelijke_soort": "spijbelen", "vermoedelijke_reden": "x",
              "alle_lessen": "nee", "toelichting": "x", "acties_school": "x", "loket_actie": "ja",
              "dagen_uren": "x", "lesplaats": "x", "periode_start": "2026-08-31",
              "problematiek": "nee", "sk_gevaar": "ja", "dreigt_vsv": "nee", "afspraken": "gesprek"})
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    r = c.post_multipart("/school/leerlingen/2/melding", v, [("bijlage", "staat.pdf", "application/pdf", pdf)])
    eq(r.status, 303, "filed")
    mid = int(r.header("Location").rsplit("/", 1)[1])
    eq(stack.sql("select routed_to, age_group from melding where id = %d" % mid), "leerplicht|5-18", "a 5-18 melding")
    mails = stack.sql("select to_addr || '|' || substr(body, 1, 21) from outbox where subject like 'Verzuimmelding over Sem%'")
    eq(mails, "ouders2@demo.nl|Beste ouder/verzorger", "the parents are told")


def test_melding_from_a_signal_goes_where_the_signal_said(stack):
    """§4 loket: the desk a melding about the signal goes to on its datum. Sem (born 2008-09-02)
    turned 18 inside the window of his 16uur signal of 21-09: RMC, not leerplicht."""
    c = login(stack)
    for d in ("2026-08-31", "2026-09-07", "2026-09-14", "2026-09-21"):
        eq(c.post("/school/leerlingen/2/registraties", {"datum": d, "soort": "ongeoorloofd", "minuten": "240"}).status,
           303, "registered " + d)
    r = c.get("/school/signalen")
    row = re.search(r'<tr[^>]*data-signaal="16uur" data-leerling="2">(.*?)</tr>', r.text, re.S)
    check(row is not None and "2026-09-21" in row.group(1), "16uur signal of 21-09")
    page = c.get("/school/leerlingen/2/melding?soort=16uur&signaal=2026-09-21")
    check("RMC (18-23), gemeente Zoetermeer" in page.text, "the form shows the RMC desk")
    check("Uiterlijk melden:" in page.text and "deze termijn is verstreken" in page.text, "the deadline, passed")
    v = form_values(page)
    eq(v["periode_start"], "2026-08-31", "period from the window")
    v.update({"melder_functie": "mentor", "vermoedelijke_soort": "spijbelen", "vermoedelijke_reden": "x",
              "alle_lessen": "nee", "toelichting": "x", "acties_school": "x", "loket_actie": "ja",
              "dagen_uren": "x", "lesplaats": "x", "problematiek": "nee", "sk_gevaar": "ja", "dreigt_vsv": "nee",
              "afspraken": "gesprek"})
    r = c.post_multipart("/school/leerlingen/2/melding", v)
    eq(r.status, 303, "filed")
    mid = int(r.header("Location").rsplit("/", 1)[1])
    eq(stack.sql("select routed_to, loket_id, age_group, signal_datum from melding where id = %d" % mid),
       "rmc|11|18-23|2026-09-21", "to the RMC desk, as the signal said")
    again = c.post_multipart("/school/leerlingen/2/melding", v)
    eq((again.status, again.header("Location")), (303, r.header("Location")), "the same form sent twice: one melding")
    v2 = form_values(c.get("/school/leerlingen/2/melding?soort=16uur&signaal=2026-09-21"))
    v.update({"token": v2["token"]})
    before = stack.sql("select count(*) from melding")
    dup = c.post_multipart("/school/leerlingen/2/melding", v)
    eq(dup.status, 409, "a second melding for the same signal")
    check("Voor dit signaal is al een melding gedaan: melding %d" % mid in dup.text, "names the first")
    eq(stack.sql("select count(*) from melding"), before, "nothing added")
    page = c.get("/school/leerlingen/2")
    row = re.search(r'<tr[^>]*>(?:(?!</tr>).)*2026-09-21(?:(?!</tr>).)*</tr>', page.text, re.S)
    check(row is not None and "gemeld" in row.group(0) and "te laat" not in row.group(0),
          "answered: no longer shown as overdue")


def test_rmc18_only_for_rmc_and_lrv_not_for_rmc(stack):
    c = login(stack)
    page = c.get("/school/leerlingen/1/melding?soort=rmc18")
    check("Een RMC-melding is voor leerlingen van 18 tot 23 jaar" in page.text, "refused for Daan (16) on the form")
    v = form_values(page)
    v.update({"melder_functie": "mentor", "vermoedelijke_soort": "spijbelen", "vermoedelijke_reden": "x",
              "alle_lessen": "nee", "toelichting": "x", "acties_school": "x", "loket_actie": "ja",
              "dagen_uren": "x", "lesplaats": "x", "problematiek": "nee", "sk_gevaar": "ja", "dreigt_vsv": "nee",
              "afspraken": "gesprek", "periode_start": "2026-11-02"})
    before = stack.sql("select count(*) from melding")
    r = c.post_multipart("/school/leerlingen/1/melding", v)
    eq(r.status, 422, "not filed")
    eq(stack.sql("select count(*) from melding"), before, "nothing stored")
    page = c.get("/school/leerlingen/3/melding?soort=lrv")
    check("Een LRV-melding is voor leerplichtigen en kwalificatieplichtigen" in page.text, "no LRV for Lucas (21)")


def test_answered_licht_signal_stays_answered(stack):
    """A licht signal is dated the day it is looked at; once a melding answered it within the
    current window, it no longer awaits action on the next days."""
    c = login(stack)
    t = c.get("/school/signalen").text
    check('data-signaal="licht" data-leerling="12"' in t, "Yara has a licht signal today")
    row = re.search(r'<tr data-signaal="licht" data-leerling="12">(.*?)</tr>', t, re.S).group(1)
    check('<span class="badge">Licht verzuim</span></td>' in row, "badge label, not the code, said once: %r" % row)
    lst = c.get("/school/leerlingen?q=Yara").text
    check('title="Licht verzuim" data-signaal="licht">Licht verzuim</span>' in lst, "students list: badge label")
    check("<td>%s</td>" % when("2009-01-27", "27 januari 2009") in lst, "students list: birth date")
    stack.sql("insert into melding (student_id, school_id, soort, status, routed_to, loket_id, age_group, "
              "period_start, school_year, filed_by, filed_at, signal_datum) values (12, 1, 'overig', 'geregistreerd', "
              "'leerplicht', 10, '5-18', date('now', '-9 days'), '2026-2027', 2, unixepoch() - 86400, date('now', '-1 day'))")
    t = c.get("/school/signalen").text
    check('data-signaal="licht" data-leerling="12"' not in t, "answered yesterday: not awaiting today")


if __name__ == "__main__":
    run([test_acceptance_16uur_end_to_end, test_filed_on_is_the_day_in_the_netherlands, test_bad_line_among_1000_imports_nothing, test_import_errors_per_line,
         test_student_import, test_school_sees_only_its_own_students, test_registration_and_correction_keep_history,
         test_melding_refused_without_plicht_and_attachments, test_verwijdering_goes_to_inspectie_and_informs_leerplicht,
         test_verwijdering_of_an_adult_informs_the_rmc_desk, test_parents_told_of_a_melding_about_a_minor_period,
         test_melding_from_a_signal_goes_where_the_signal_said, test_rmc18_only_for_rmc_and_lrv_not_for_rmc,
         test_answered_licht_signal_stays_answered])
