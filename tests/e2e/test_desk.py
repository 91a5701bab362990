"""Desk area over real HTTP (issue 6): a melding filed through the school's form reaches the right
desk; the officer takes it into treatment, records MAS actions under the rules of SPEC §6, writes
letters and closes it, and the school sees every step; the RMC desk has no sanction powers; the
desk's figures and the RMC monthly overview with its chart and CSV."""
import csv
import datetime
import html
import io
import re
from harness import Client, run, check, eq
from test_school import file_verwijdering, form_values

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def amsterdam_today():
    """Today as the server sees it (SPEC §3: the date in Europe/Amsterdam)."""
    try:
        from zoneinfo import ZoneInfo
        return datetime.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    except Exception:  # noqa: BLE001 - no tz database: UTC is within two hours
        return datetime.datetime.utcnow().date()


def login(stack, email):
    c = Client(stack)
    eq(c.login(email).status, 303, "log-in " + email)
    return c


def file_melding(stack, student, extra=None):
    """File a melding 'overig' through the school's own form, with a PDF as verzuimstaat."""
    c = login(stack, "school@demo.nl")
    page = c.get("/school/leerlingen/%d/melding?soort=overig" % student)
    eq(page.status, 200, "school's form")
    v = form_values(page)
    v.update({"melder_functie": "mentor", "vermoedelijke_soort": "spijbelen", "vermoedelijke_reden": "Gaat liever werken.",
              "alle_lessen": "nee", "toelichting": "Verzuimt steeds vaker.", "acties_school": "Twee gesprekken.",
              "loket_actie": "ja", "dagen_uren": "ma en di", "lesplaats": "hoofdgebouw"})
    v.update(extra or {})
    r = c.post_multipart("/school/leerlingen/%d/melding" % student, v, [("bijlage", "verzuimstaat.pdf", "application/pdf", PDF)])
    eq(r.status, 303, "filed through the school's form")
    mid = int(r.header("Location").rsplit("/", 1)[1])
    return c, mid


def mas_events(stack, mid):
    return stack.sql("select group_concat(mas_action, ',') from (select mas_action from melding_event "
                     "where melding_id = %d and kind = 'mas' order by id)" % mid)


def alert(page):
    m = re.search(r'utrecht-alert--error" role="alert"><p class="utrecht-paragraph">([^<]*)</p>', page.text)
    return html.unescape(m.group(1)) if m else None


def test_acceptance_1_leerplicht_handles_and_school_sees_every_step(stack):
    school, mid = file_melding(stack, 1)
    eq(stack.sql("select loket_id, age_group, status, has_verzuimstaat from melding where id = %d" % mid),
       "10|5-18|geregistreerd|1", "routed to the Zoetermeer leerplicht desk")

    lp = login(stack, "leerplicht@demo.nl")
    inbox = lp.get("/loket")
    eq(inbox.status, 200, "inbox")
    check('href="/loket/meldingen/%d"' % mid in inbox.text, "in the leerplicht inbox")
    row = re.search(r'<tr[^>]*>\s*<td>[^<]*</td>\s*<td><a class="utrecht-link" href="/loket/meldingen/%d">(.*?)</tr>' % mid, inbox.text, re.S)
    check(row is not None and "Daan de Vries" in row.group(1) and "eerste" in row.group(1), "student and ordinal in the inbox")
    rmc = login(stack, "rmc@demo.nl")
    check('href="/loket/meldingen/%d"' % mid not in rmc.get("/loket").text, "not in the RMC inbox")
    eq(rmc.get("/loket/meldingen/%d" % mid).status, 404, "RMC cannot open it")
    eq(rmc.post("/loket/meldingen/%d/status" % mid, {"status": "in_behandeling"}).status, 404, "nor change it")

    # In behandeling (the verzuimstaat is there).
    r = lp.post("/loket/meldingen/%d/status" % mid, {"status": "in_behandeling", "toelichting": "Opgepakt."})
    eq(r.status, 303, "in behandeling")
    eq(stack.sql("select status, treated_at is not null from melding where id = %d" % mid), "in_behandeling|1", "stored")

    # A kennisgevingsbrief: recorded, and printable.
    eq(lp.post("/loket/meldingen/%d/mas" % mid, {"actie": "kennisgevingsbrief"}).status, 303, "kennisgevingsbrief")
    letter = lp.get("/loket/meldingen/%d/brief/kennisgeving" % mid)
    eq(letter.status, 200, "letter")
    check('<article class="letter">' in letter.text and "Daan de Vries" in letter.text and "ouder(s)/verzorger(s)" in letter.text,
          "kennisgevingsbrief to the parents")

    # Proces-verbaal without a waarschuwing: refused with the reason, nothing recorded.
    r = lp.post("/loket/meldingen/%d/mas" % mid, {"actie": "proces_verbaal", "toelichting": "nu al?"})
    eq(r.status, 422, "proces-verbaal refused")
    check("officiële waarschuwing" in (alert(r) or ""), "Dutch reason: %r" % alert(r))
    check('<option value="proces_verbaal" selected>' in r.text and "nu al?" in r.text, "entry kept")
    eq(mas_events(stack, mid), "kennisgevingsbrief", "nothing recorded")
    # Halt with 0 unauthorised hours: refused.
    r = lp.post("/loket/meldingen/%d/mas" % mid, {"actie": "halt"})
    eq(r.status, 422, "Halt refused")
    check("9 tot en met 60 uur" in (alert(r) or ""), "Halt reason")

    # The officiële waarschuwing: recorded, and its letter says what it must.
    eq(lp.post("/loket/meldingen/%d/mas" % mid, {"actie": "officiele_waarschuwing"}).status, 303, "waarschuwing")
    eq(mas_events(stack, mid), "kennisgevingsbrief,officiele_waarschuwing", "recorded")
    w = lp.get("/loket/meldingen/%d/brief/waarschuwing" % mid)
    eq(w.status, 200, "warning letter")
    check("aanhoudt, kan een proces-verbaal worden opgemaakt" in w.text and "in het proces-verbaal meegenomen" in w.text,
          "states the consequence and that the discussed absence is included")

    # Closing: without the school's end date refused; without a reason refused, text kept.
    fields = {"status": "afgesloten", "reden": "terug_naar_school", "bevestigd": "ja",
              "terugkoppeling": "Gesprek gevoerd met Daan en ouders; hij gaat weer naar school."}
    r = lp.post("/loket/meldingen/%d/status" % mid, fields)
    eq(r.status, 422, "no end date")
    check("einddatum" in (alert(r) or ""), "end date reason: %r" % alert(r))
    eq(school.post("/school/meldingen/%d/einddatum" % mid, {"einddatum": stack.sql("select period_start from melding where id = %d" % mid), "toelichting": "weer op school"}).status,
       303, "school gives the end date")
    # The timeline names each event with the same words for the desk and the school.
    event = r'<li data-kind="([a-z_]+)">.*?class="event-kind">([^<]+)<'
    desk_events = re.findall(event, lp.get("/loket/meldingen/%d" % mid).text)
    school_events = re.findall(event, school.get("/school/meldingen/%d" % mid).text)
    check(("einddatum", "Einddatum verzuim doorgegeven") in desk_events, "desk timeline: %r" % desk_events)
    eq(sorted(set(school_events)), sorted(set(desk_events)), "the same labels on both timelines")
    r = lp.post("/loket/meldingen/%d/status" % mid, dict(fields, reden=""))
    eq(r.status, 422, "no reason")
    check("reden van afsluiten" in (alert(r) or ""), "reason: %r" % alert(r))
    check("hij gaat weer naar school." in r.text, "terugkoppeling kept")
    r = lp.post("/loket/meldingen/%d/status" % mid, dict(fields, bevestigd=""))
    eq(r.status, 422, "closing needs a confirmation")
    eq(stack.sql("select status from melding where id = %d" % mid), "in_behandeling", "still open")
    eq(lp.post("/loket/meldingen/%d/status" % mid, fields).status, 303, "closed")
    eq(stack.sql("select status, closing_reason from melding where id = %d" % mid), "afgesloten|terug_naar_school", "stored")
    eq(lp.post("/loket/meldingen/%d/mas" % mid, {"actie": "oproep"}).status, 422, "closed: no more actions")

    # The school sees every step on its melding page.
    page = school.get("/school/meldingen/%d" % mid)
    eq(page.status, 200, "school's melding page")
    t = page.text
    for s in ("In behandeling", "Afgesloten", "Gesprek gevoerd met Daan en ouders"):
        check(s in t, "school sees " + s)
    for code, label in (("kennisgevingsbrief", "Kennisgevingsbrief"), ("officiele_waarschuwing", "Officiële waarschuwing")):
        check(code in t or label in t, "school sees the MAS action " + code)
    eq(stack.sql("select group_concat(kind || ':' || ifnull(status, ifnull(mas_action, '')), ',') from "
                 "(select * from melding_event where melding_id = %d and user_id = 4 order by id)" % mid),
       "status:in_behandeling,mas:kennisgevingsbrief,mas:officiele_waarschuwing,status:afgesloten,terugkoppeling:",
       "the desk's events, in order")
    eq(int(stack.audit_sql("select count(*) from audit where user_id = 4 and object like 'melding:%d%%'" % mid,
                           lambda n: int(n) > 5)) > 5, True, "audited")
    eq(stack.sql("select group_concat(subject, ' | ') from (select subject from outbox where to_addr = 'school@demo.nl' "
                 "and subject like 'Melding %d:%%' order by id)" % mid),
       "Melding %d: status In behandeling | Melding %d: status Afgesloten, met terugkoppeling" % (mid, mid), "the melder is told by mail")
    check("Daan" not in stack.sql("select group_concat(body) from outbox where subject like 'Melding %d:%%'" % mid), "no child's name in the mail")


def test_acceptance_2_rmc_has_no_sanctions(stack):
    school, mid = file_melding(stack, 3, {"problematiek": "ja", "sk_gevaar": "ja", "dreigt_vsv": "nee",
                                          "afspraken": "Elke week gesprek."})
    eq(stack.sql("select loket_id, age_group from melding where id = %d" % mid), "11|18-23", "18+ routed to the RMC desk")
    rmc = login(stack, "rmc@demo.nl")
    check('href="/loket/meldingen/%d"' % mid in rmc.get("/loket").text, "in the RMC inbox")
    lp = login(stack, "leerplicht@demo.nl")
    check('href="/loket/meldingen/%d"' % mid not in lp.get("/loket").text, "not in the leerplicht inbox")
    eq(lp.get("/loket/meldingen/%d" % mid).status, 404, "leerplicht cannot open it")

    eq(rmc.post("/loket/meldingen/%d/status" % mid, {"status": "in_behandeling"}).status, 303, "in behandeling")
    page = rmc.get("/loket/meldingen/%d" % mid)
    check('value="halt"' not in page.text and 'value="proces_verbaal"' not in page.text, "sanctions not offered")
    for action in ("halt", "proces_verbaal", "officiele_waarschuwing"):
        r = rmc.post("/loket/meldingen/%d/mas" % mid, {"actie": action})
        eq(r.status, 422, action + " refused")
        check("RMC heeft geen sanctiebevoegdheid" in (alert(r) or ""), "Dutch reason for %s: %r" % (action, alert(r)))
    eq(mas_events(stack, mid), "", "nothing recorded")
    eq(rmc.get("/loket/meldingen/%d/brief/waarschuwing" % mid).status, 403, "no warning letter for RMC")
    eq(rmc.post("/loket/meldingen/%d/mas" % mid, {"actie": "oproep"}).status, 303, "an oproep is fine")
    day = amsterdam_today() + datetime.timedelta(days=2)
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"]
    letter = rmc.get("/loket/meldingen/%d/brief/oproep?datum=%s&tijd=14:30&plaats=Stadhuis" % (mid, day.isoformat()))
    eq(letter.status, 200, "oproep letter")
    long_day = "%d %s %d" % (day.day, months[day.month - 1], day.year)
    check(long_day in letter.text and "14:30 uur" in letter.text and "Beste Lucas" in letter.text,
          "appointment in the letter, addressed to the adult student")
    check("U bent verplicht" not in letter.text and "startkwalificatie" in letter.text,
          "no obligation for an 18+ student (RMC has no sanction powers)")
    past = rmc.get("/loket/meldingen/%d/brief/oproep?datum=%s&tijd=14:30" % (mid, (amsterdam_today() - datetime.timedelta(days=1)).isoformat()))
    eq(past.status, 422, "an appointment in the past")
    check("al voorbij" in past.text, "says why")
    bad = rmc.get("/loket/meldingen/%d/brief/oproep?datum=3-12&tijd=25:00&plaats=Stadhuis" % mid)
    eq(bad.status, 422, "bad appointment")
    check("geldige datum" in bad.text and 'value="3-12"' in bad.text and 'value="Stadhuis"' in bad.text, "errors next to the fields, entries kept")
    # The school sees the oproep.
    check("oproep" in school.get("/school/meldingen/%d" % mid).text.lower(), "school sees the action")


def test_no_sanctions_for_18_plus_at_a_desk_covering_5_to_23(stack):
    """§6/§1: RMC has no sanction powers. At Den Haag's desk for 5-23 a leerplicht officer handles
    an 18+ student's melding too: no officiële waarschuwing, Halt or proces-verbaal there either."""
    school, mid = file_melding(stack, 5, {"problematiek": "ja", "sk_gevaar": "ja", "dreigt_vsv": "nee",
                                          "afspraken": "Elke week gesprek."})
    eq(stack.sql("select routed_to, loket_id, age_group from melding where id = %d" % mid), "rmc|2|18-23",
       "Levi (19, Den Haag) to the desk for 5-23")
    dh = login(stack, "denhaag@demo.nl")
    eq(dh.post("/loket/meldingen/%d/status" % mid, {"status": "in_behandeling"}).status, 303, "in behandeling")
    page = dh.get("/loket/meldingen/%d" % mid)
    check('value="officiele_waarschuwing"' not in page.text and 'value="halt"' not in page.text and
          'value="proces_verbaal"' not in page.text and 'value="huisbezoek"' in page.text,
          "sanctions not offered for an 18+ melding, other actions are")
    check("/brief/waarschuwing" not in page.text, "no link to a warning letter")
    for action in ("officiele_waarschuwing", "halt", "proces_verbaal"):
        r = dh.post("/loket/meldingen/%d/mas" % mid, {"actie": action})
        eq(r.status, 422, action + " refused")
        check("geen sanctiebevoegdheid" in (alert(r) or ""), "Dutch reason for %s: %r" % (action, alert(r)))
    eq(mas_events(stack, mid), "", "nothing recorded")
    letter = dh.get("/loket/meldingen/%d/brief/waarschuwing" % mid)
    eq(letter.status, 409, "no warning letter to an 18+ student")
    check("niet meer leerplichtig of kwalificatieplichtig" in letter.text, "Dutch reason on the page")
    eq(dh.post("/loket/meldingen/%d/mas" % mid, {"actie": "huisbezoek"}).status, 303, "a huisbezoek is fine")
    eq(mas_events(stack, mid), "huisbezoek", "recorded")


def test_inspectie_and_withdrawn_meldingen_at_the_desk(stack):
    """A verwijdering goes to the Inspectie and informs the desk: no sanctions, no verzuim letters,
    not counted as a verzuim melding, never overdue for the desk. A withdrawn melding gets no
    letters either."""
    c = login(stack, "school@demo.nl")
    _, mid = file_verwijdering(c, 11, (amsterdam_today() - datetime.timedelta(days=20)).isoformat(),
                               {"vermoedelijke_soort": "verwijdering", "vermoedelijke_reden": "incident"})
    stack.sql("update melding set filed_at = filed_at - 30 * 86400 where id = %d" % mid)  # long ago
    lp = login(stack, "leerplicht@demo.nl")
    page = lp.get("/loket/meldingen/%d" % mid)
    check("Moet het loket actie ondernemen?" in page.text, "the school's questions in Dutch, not field names")
    check("Loket actie" not in page.text, "no raw field names")
    check('value="officiele_waarschuwing"' not in page.text and "/brief/waarschuwing" not in page.text,
          "no sanctions offered")
    row = re.search(r'<tr[^>]*>(?:(?!</tr>).)*href="/loket/meldingen/%d"(?:(?!</tr>).)*</tr>' % mid,
                    lp.get("/loket").text, re.S)
    check(row is not None and "—" in row.group(0) and "overdue" not in row.group(0),
          "not counted and not overdue in the inbox")
    r = lp.post("/loket/meldingen/%d/mas" % mid, {"actie": "officiele_waarschuwing"})
    eq(r.status, 422, "no sanction on a verwijdering")
    check("geen verzuim" in (alert(r) or ""), "says why: %r" % alert(r))
    eq(lp.get("/loket/meldingen/%d/brief/kennisgeving" % mid).status, 409, "no verzuim letter")
    # A withdrawn melding: no letters.
    _, wid = file_melding(stack, 12)
    eq(c.post("/school/meldingen/%d/intrekken" % wid, {"reden": "dubbel", "bevestig": "1"}).status, 303, "withdrawn")
    eq(lp.get("/loket/meldingen/%d/brief/oproep" % wid).status, 409, "no letter about a withdrawn melding")


def test_inbox_order_filters_pagination(stack):
    # 60 meldingen at desk 10 besides the demo one: some in treatment, spread over soorten.
    stack.sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) "
              "INSERT INTO melding (student_id, school_id, soort, status, routed_to, loket_id, age_group, period_start, "
              "school_year, filed_by, filed_at) SELECT 11, 1, CASE WHEN i % 2 = 0 THEN 'luxe' ELSE '16uur' END, "
              "CASE WHEN i % 3 = 0 THEN 'in_behandeling' ELSE 'geregistreerd' END, 'leerplicht', 10, '5-18', "
              "'2026-09-01', '2026-2027', 2, unixepoch() - i * 3600 FROM n")
    lp = login(stack, "leerplicht@demo.nl")
    page = lp.get("/loket")
    eq(page.status, 200, "inbox")
    total = int(stack.sql("select count(*) from melding where loket_id = 10"))
    check(("%d meldingen" % total) in page.text, "total shown")
    ids = [int(x) for x in re.findall(r'href="/loket/meldingen/([0-9]+)"', page.text)]
    eq(len(ids), 25, "a page of 25")
    rows = stack.sql("select id from melding where loket_id = 10 order by case status when 'geregistreerd' then 0 "
                     "when 'in_behandeling' then 1 else 2 end, filed_at, id").split("\n")
    eq(ids, [int(x) for x in rows[:25]], "geregistreerd first, oldest first")
    check('rel="next"' in page.text and "pagina=2" in page.text, "next page link")
    p3 = lp.get("/loket?pagina=3")
    ids3 = [int(x) for x in re.findall(r'href="/loket/meldingen/([0-9]+)"', p3.text)]
    eq(ids3, [int(x) for x in rows[50:75]], "third page")
    f = lp.get("/loket?soort=luxe&status=in_behandeling&leeftijd=5-18&school=1")
    want = int(stack.sql("select count(*) from melding where loket_id = 10 and soort = 'luxe' and status = 'in_behandeling'"))
    eq(len(re.findall(r'href="/loket/meldingen/', f.text)), want, "filtered")
    check('<option value="luxe" selected>' in f.text, "filter kept in the form")
    eq(lp.get("/loket?soort=%3Cscript%3E&pagina=-4").status, 200, "nonsense filters are ignored")
    past = lp.get("/loket?pagina=9999")
    check(len(re.findall(r'href="/loket/meldingen/', past.text)) > 0 and "geen meldingen" not in past.text,
          "a page past the end shows the last page")
    # The ordinal: student 11's verzuim meldingen in 2026-2027 are first, second, next (a
    # verwijdering to the Inspectie or a withdrawn one is not counted).
    by_age = stack.sql("select id from melding where student_id = 11 and school_year = '2026-2027' "
                       "and routed_to <> 'inspectie' and status <> 'ingetrokken' order by filed_at, id").split("\n")
    for n, word in ((0, "eerste"), (1, "tweede"), (2, "volgende"), (40, "volgende")):
        check(("%s melding van deze leerling" % word) in lp.get("/loket/meldingen/%s" % by_age[n]).text, "ordinal %d: %s" % (n + 1, word))


def test_terugkoppeling_and_ter_kennisgeving(stack):
    lp = login(stack, "leerplicht@demo.nl")
    # The demo's verzuimstaat reads as one the school files: rows with their kind, and every total.
    staat = lp.get("/loket/meldingen/9001/verzuimstaat").text
    for want in ("<td>Te laat</td><td>180</td>", "Ongeoorloofd (incl. te laat)</th><td colspan=\"2\">1020 minuten",
                 "Ziek</th><td colspan=\"2\">0 minuten", "Schorsing</th><td colspan=\"2\">0 minuten"):
        check(want in staat, "demo verzuimstaat: " + want)
    r = lp.post("/loket/meldingen/9001/terugkoppeling", {"tekst": "   "})
    eq(r.status, 422, "empty terugkoppeling")
    eq(lp.post("/loket/meldingen/9001/terugkoppeling", {"tekst": "We bellen de ouders deze week."}).status, 303, "sent")
    eq(stack.sql("select kind, text from melding_event where melding_id = 9001 and user_id = 4"),
       "terugkoppeling|We bellen de ouders deze week.", "event")
    r = lp.post("/loket/meldingen/9001/status", {"status": "ter_kennisgeving"})
    eq(r.status, 422, "needs confirmation")
    eq(lp.post("/loket/meldingen/9001/status", {"status": "ter_kennisgeving", "bevestigd": "ja"}).status, 303, "noted")
    eq(lp.post("/loket/meldingen/9001/status", {"status": "in_behandeling"}).status, 422, "final")
    eq(stack.sql("select status from melding where id = 9001"), "ter_kennisgeving", "stored")
    # No verzuimstaat: in behandeling is refused.
    stack.sql("INSERT INTO melding (id, student_id, school_id, soort, routed_to, loket_id, age_group, period_start, school_year, filed_by) "
              "VALUES (9501, 12, 1, '16uur', 'leerplicht', 10, '5-18', '2026-11-02', '2026-2027', 2)")
    r = lp.post("/loket/meldingen/9501/status", {"status": "in_behandeling"})
    eq(r.status, 422, "no verzuimstaat")
    check("verzuimstaat" in (alert(r) or ""), "reason")


def test_overview_and_rmc_csv(stack):
    # An mbo school in the region with a name that needs UTF-8, a student there with 20 unauthorised
    # hours on four school days of last month (a 16uur signal), and two meldingen this month.
    today = amsterdam_today()
    first = today.replace(day=1)
    prev_last = first - datetime.timedelta(days=1)
    vac = [tuple(datetime.date.fromisoformat(x) for x in line.split("|"))
           for line in stack.sql("select start_date, end_date from vacation where calendar_id = 1").split("\n")]
    days, d = [], prev_last.replace(day=1)
    while d <= prev_last and len(days) < 4:
        if d.weekday() < 5 and not any(a <= d <= b for a, b in vac):
            days.append(d)
        d += datetime.timedelta(days=1)
    stack.sql("INSERT INTO school (id, brin, name, sort, region, calendar_id, gemeente_id) VALUES "
              "(77, '77ZO', 'Mbo Zoë & Coöperatie; \"Vakschool\"', 'mbo', 'haaglanden', 1, 8);"
              "INSERT INTO student (id, school_id, first_name, last_name, birth_date, gemeente_id) VALUES "
              "(770, 77, 'Anaïs', 'Özdemir', '2005-05-05', 8);"
              + "".join("INSERT INTO registration (student_id, date, kind, minutes) VALUES (770, '%s', 'ongeoorloofd', 300);" % x
                        for x in days)
              + "INSERT INTO melding (student_id, school_id, soort, routed_to, loket_id, age_group, period_start, school_year, filed_by) "
              "VALUES (770, 77, 'rmc18', 'rmc', 11, '18-23', '%s', '2026-2027', 2), "
              "(770, 77, 'overig', 'rmc', 11, '18-23', '%s', '2026-2027', 2);" % (first, first))
    rmc = login(stack, "rmc@demo.nl")
    page = rmc.get("/loket/overzicht")
    eq(page.status, 200, "overview")
    t = page.text
    check("<svg" in t and "<rect" in t and "<script" not in t, "server-side SVG chart, no script")
    check("Mbo Zoë &amp; Coöperatie" in t, "school in the monthly overview")
    check('action="/loket/overzicht.csv"' in t and 'name="maand" value="%s"' % today.strftime("%Y-%m") in t, "CSV download offered")
    check("Mediaan" not in t or "Tijd tot in behandeling" in t, "figures")
    # A month's figures do not depend on the month chosen: last month as shown now and when chosen.
    def month_rows(text):
        body = re.search(r'<th scope="col">Maand</th><th scope="col">Meldingen</th><th scope="col">Signalen</th>.*?<tbody>(.*?)</tbody>',
                         text, re.S).group(1)
        return dict((a, (b, c)) for a, b, c in re.findall(r"<tr><td>([^<]*)</td><td>([0-9]+)</td><td>([0-9]+)</td></tr>", body))
    now_rows = month_rows(t)
    then_rows = month_rows(rmc.get("/loket/overzicht?maand=%s" % prev_last.strftime("%Y-%m")).text)
    common = set(now_rows) & set(then_rows)
    check(len(common) == 11, "the two charts share 11 months: %r" % sorted(common))
    eq({k: now_rows[k] for k in common}, {k: then_rows[k] for k in common}, "the same figures per month")
    check(any(int(v[1]) > 0 for v in then_rows.values()), "the 16uur signal of last month is counted")

    r = rmc.get("/loket/overzicht.csv")
    eq(r.status, 200, "csv")
    eq(r.header("Content-Type"), "text/csv; charset=utf-8", "content type")
    check((r.header("Content-Disposition") or "").startswith("attachment; filename="), "download")
    check(r.body.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for spreadsheets")
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig")), delimiter=";"))
    head = rows[0]
    # The signal columns use the words of the school's signal badges ("Vaak te laat", not "Te laat").
    for col in ("Maand", "BRIN", "School", "Gemeente", "Meldingen RMC verzuim 18+", "Meldingen totaal", "Signalen 16 uur",
                "Signalen Vaak te laat", "Signalen LRV", "Signalen totaal"):
        check(col in head, "Dutch column " + col)
    zo = [row for row in rows if row[1] == "77ZO"]
    eq(len(zo), 1, "one row for the school")
    zo = dict(zip(head, zo[0]))
    eq(zo["School"], 'Mbo Zoë & Coöperatie; "Vakschool"', "UTF-8 name with ; and quotes intact")
    eq(zo["Maand"], first.strftime("%Y-%m"), "month")
    eq((zo["Meldingen RMC verzuim 18+"], zo["Meldingen Overig verzuim"], zo["Meldingen totaal"]), ("1", "1", "2"), "meldingen")
    eq(rows[-1][2], "Totaal", "total row")

    prev = rmc.get("/loket/overzicht.csv?maand=%s" % prev_last.strftime("%Y-%m"))
    rows = list(csv.reader(io.StringIO(prev.body.decode("utf-8-sig")), delimiter=";"))
    zo = dict(zip(rows[0], [row for row in rows if row[1] == "77ZO"][0]))
    eq((zo["Signalen 16 uur"], zo["Meldingen totaal"]), ("1" if len(days) == 4 else "0", "0"), "last month: the 16uur signal")

    eq(login(stack, "leerplicht@demo.nl").get("/loket/overzicht.csv").status, 404, "not for a leerplicht-only desk")
    eq(rmc.get("/loket/overzicht.csv?maand=13-2026").status, 404, "bad month")
    bad = rmc.get("/loket/overzicht?maand=2026-13")
    eq(bad.status, 200, "page with a message")
    check("Kies een maand" in bad.text, "month error")


def test_scope_and_attachments(stack):
    school, mid = file_melding(stack, 1)
    aid = stack.sql("select id from attachment where melding_id = %d" % mid)
    lp = login(stack, "leerplicht@demo.nl")
    r = lp.get("/loket/meldingen/%d/bijlagen/%s" % (mid, aid))
    eq((r.status, r.body), (200, PDF), "the officer downloads the school's attachment")
    eq(login(stack, "rmc@demo.nl").get("/loket/meldingen/%d/bijlagen/%s" % (mid, aid)).status, 404, "foreign desk")
    eq(lp.get("/loket/meldingen/9003/bijlagen/%s" % aid).status, 404, "attachment of another melding")
    dh = login(stack, "denhaag@demo.nl")
    eq(dh.get("/loket/meldingen/9003").status, 200, "Den Haag desk sees its melding")
    eq(dh.get("/loket/meldingen/%d" % mid).status, 404, "and not Zoetermeer's")
    eq(school.get("/loket").status, 403, "school has no inbox")


def test_inbox_follows_every_change(stack):
    """Each worker keeps the inbox it rendered (cgi-bin/pages/page_cache.h) while the desk's
    version (sql/011_desk_version.sql) stays the same. Every change the inbox shows must still
    show at once, in every worker, whichever way it was made: through the pages or straight in
    the database (the triggers keep the version)."""
    lp = login(stack, "leerplicht@demo.nl")

    def inbox(path="/loket"):
        pages = [lp.get(path).text for _ in range(6)]
        for p in pages[1:]:
            eq(p, pages[0], "every worker shows the same inbox")
        return pages[0]

    def row(page, mid):
        m = re.search(r'href="/loket/meldingen/%d">(.*?)</tr>' % mid, page, re.S)
        return m.group(1) if m else ""

    def version():
        return stack.sql("select v from desk_version where loket_id = 10")

    sid = int(stack.sql("select min(id) from student where school_id = 1 and id not in (select student_id from melding)"))
    inbox()
    # Filed long ago, so at the top: the student's first melding at the RMC desk, the second at desk 10.
    stack.sql("INSERT INTO melding (id, student_id, school_id, soort, routed_to, loket_id, age_group, period_start, "
              "school_year, filed_by, filed_at) VALUES "
              "(9701, %d, 1, 'overig', 'rmc', 11, '18-23', '2026-09-01', '2026-2027', 2, 1000), "
              "(9702, %d, 1, 'overig', 'leerplicht', 10, '5-18', '2026-09-02', '2026-2027', 2, 2000)" % (sid, sid))
    check("tweede" in row(inbox(), 9702), "a new melding shows, as the student's second")
    # A change at another desk that changes this desk's row: the first melding withdrawn.
    stack.sql("UPDATE melding SET status = 'ingetrokken' WHERE id = 9701")
    check("eerste" in row(inbox(), 9702), "the ordinal follows a melding withdrawn at the RMC desk")
    # Data the school keeps.
    stack.sql("UPDATE student SET last_name = 'Cachetoets' WHERE id = %d" % sid)
    check("Cachetoets" in row(inbox(), 9702), "a changed name")
    old_school = stack.sql("select name from school where id = 1")
    stack.sql("UPDATE school SET name = 'Vakcollege Hernoemd' WHERE id = 1")
    page = inbox()
    check("Vakcollege Hernoemd" in row(page, 9702) and '>Vakcollege Hernoemd</option>' in page, "a renamed school, also in the filter")
    stack.sql("UPDATE school SET name = '%s' WHERE id = 1" % old_school.replace("'", "''"))
    old_desk = stack.sql("select name from loket where id = 10")
    stack.sql("UPDATE loket SET name = 'Leerplicht hernoemd' WHERE id = 10")
    check("Zoetermeer – Leerplicht hernoemd." in inbox(), "a renamed desk")
    stack.sql("UPDATE loket SET name = '%s' WHERE id = 10" % old_desk.replace("'", "''"))
    # The officer's own action, through the page: the row leaves the top of the inbox for the
    # status filter's page, which was kept as well.
    noted = "/loket?school=1&soort=&leeftijd=&status=ter_kennisgeving"
    check(row(inbox(noted), 9702) == "", "not yet noted")
    eq(lp.post("/loket/meldingen/9702/status", {"status": "ter_kennisgeving", "bevestigd": "ja"}).status, 303, "noted")
    check(row(inbox(), 9702) == "", "no longer among the new meldingen")
    check("Ter kennisgeving" in row(inbox(noted), 9702), "the new status")
    # What the inbox does not show leaves the version, and so every kept inbox, alone.
    v = version()
    stack.sql("UPDATE student SET phone = '06 12345678', address = 'Dorpsstraat 1' WHERE id = %d" % sid)
    eq(version(), v, "a phone number or address changes no inbox")
    stack.sql("UPDATE school SET phone = '079 - 000 00 00' WHERE id = 1")
    eq(version(), v, "nor does a school's phone number")


if __name__ == "__main__":
    run([test_acceptance_1_leerplicht_handles_and_school_sees_every_step, test_acceptance_2_rmc_has_no_sanctions,
         test_no_sanctions_for_18_plus_at_a_desk_covering_5_to_23,
         test_inspectie_and_withdrawn_meldingen_at_the_desk, test_inbox_order_filters_pagination, test_terugkoppeling_and_ter_kennisgeving, test_overview_and_rmc_csv,
         test_scope_and_attachments, test_inbox_follows_every_change])
