"""Beheer over the real stack: vacation calendars (SPEC §1 beheer manages calendars, §3 vacations
are data imported as CSV start,end,name) and the verzuimbeleid per region (§1, §4). Changes need a
confirmation; wrong input is named on the form, kept, and nothing is written; a policy change
counts for the region's schools from the next page on."""
import html
import re
from harness import Client, run, check, eq


def beheer(stack):
    c = Client(stack)
    eq(c.login("beheer@demo.nl").status, 303, "log-in")
    return c


def demo_calendar(stack):
    """(id, name, vacations as CSV lines) of the calendar of the demo school."""
    cid, name = stack.sql("SELECT c.id || '|' || c.name FROM calendar c JOIN school s ON s.calendar_id = c.id "
                          "ORDER BY s.id LIMIT 1").split("|", 1)
    rows = stack.sql("SELECT start_date || ',' || end_date || ',' || name FROM vacation WHERE calendar_id = %s "
                     "ORDER BY start_date" % cid)
    return int(cid), name, rows.splitlines()


def textarea(body, ident):
    m = re.search(r'<textarea[^>]*id="%s"[^>]*>(.*?)</textarea>' % re.escape(ident), body, re.S)
    check(m is not None, "textarea %s on the page" % ident)
    return html.unescape(m.group(1))


def test_page_lists_calendars_with_their_vacations(stack):
    c = beheer(stack)
    cid, name, rows = demo_calendar(stack)
    check(len(rows) > 0, "the demo calendar has vacations")
    r = c.get("/beheer/kalenders")
    eq(r.status, 200, "page")
    body = r.text
    check(html.escape(name) in body, "calendar name shown")
    csv = textarea(body, "vakanties-%d" % cid)
    eq(csv.splitlines(), ["start,end,name"] + rows, "the form starts with the calendar's vacations")
    check(re.search(r'\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}', body),
          "dates in Dutch")
    check("/beheer/kalenders" in c.get("/beheer").text, "linked from the beheer start page")


def test_bad_line_is_named_and_nothing_changes(stack):
    c = beheer(stack)
    cid, name, rows = demo_calendar(stack)
    text = "start,end,name\n2027-02-13,2027-02-21,Voorjaarsvakantie\n2027-05-02,2027-04-24,Meivakantie\n"
    r = c.post("/beheer/kalenders", {"kalender": str(cid), "vakanties": text, "bevestig": "ja"})
    eq(r.status, 422, "refused")
    body = r.text
    check("Regel 3" in body and "einddatum ligt voor de begindatum" in body, "names the line: " + body[-2000:])
    eq(textarea(body, "vakanties-%d" % cid), text, "the text is kept")
    eq(demo_calendar(stack)[2], rows, "vacations unchanged")


def test_replacing_needs_confirmation(stack):
    c = beheer(stack)
    cid, name, rows = demo_calendar(stack)
    text = "start,end,name\n2027-02-13,2027-02-21,Voorjaarsvakantie\n"
    r = c.post("/beheer/kalenders", {"kalender": str(cid), "vakanties": text})
    eq(r.status, 422, "without the box ticked")
    check("Vink aan" in r.text, "says what to do")
    eq(textarea(r.text, "vakanties-%d" % cid), text, "the text is kept")
    eq(demo_calendar(stack)[2], rows, "vacations unchanged")


def test_replace_writes_all_and_is_audited(stack):
    c = beheer(stack)
    cid, name, rows = demo_calendar(stack)
    text = ("start,end,name\n2027-10-16,2027-10-24,Herfstvakantie\n"
            "2027-12-25,2028-01-09,\"Kerstvakantie, met Oud en Nieuw\"\n")
    r = c.post("/beheer/kalenders", {"kalender": str(cid), "vakanties": text, "bevestig": "ja"})
    eq(r.status, 303, "saved")
    check(r.header("Location").startswith("/beheer/kalenders?klaar=1"), "back to the page")
    eq(demo_calendar(stack)[2], ["2027-10-16,2027-10-24,Herfstvakantie",
                                 "2027-12-25,2028-01-09,Kerstvakantie, met Oud en Nieuw"], "replaced as a whole")
    page = c.get(r.header("Location").split("#")[0]).text
    check("zijn vervangen" in page, "confirmation shown")
    eq(textarea(page, "vakanties-%d" % cid), text, "a name with a comma comes back quoted")
    check(stack.audit_sql("SELECT count(*) FROM audit WHERE action = 'kalender_vervangen' AND object LIKE 'kalender:%d:%%'" % cid,
                          lambda n: n == "1") == "1",
          "audited")


def test_new_calendar_and_duplicate_name(stack):
    c = beheer(stack)
    text = "start,end,name\n2027-07-17,2027-08-29,Zomervakantie\n"
    r = c.post("/beheer/kalenders", {"naam": "Regio Test 2027", "vakanties": text})
    eq(r.status, 303, "created")
    eq(stack.sql("SELECT count(*) FROM vacation v JOIN calendar c ON c.id = v.calendar_id WHERE c.name = 'Regio Test 2027'"),
       "1", "its vacation")
    r = c.post("/beheer/kalenders", {"naam": "Regio Test 2027", "vakanties": text})
    eq(r.status, 422, "the same name again")
    check("al een kalender met deze naam" in r.text, "says so")
    check('value="Regio Test 2027"' in r.text, "name kept")
    r = c.post("/beheer/kalenders", {"naam": "", "vakanties": ""})
    eq(r.status, 422, "empty form")
    check("Geef de kalender een naam" in r.text and "kopregel" in r.text, "both fields named")


def test_unknown_calendar_is_404_and_others_are_refused(stack):
    c = beheer(stack)
    r = c.post("/beheer/kalenders", {"kalender": "99999", "vakanties": "start,end,name\n", "bevestig": "ja"})
    eq(r.status, 404, "no such calendar")
    s = Client(stack)
    s.login("school@demo.nl")
    cid, name, rows = demo_calendar(stack)
    r = s.post("/beheer/kalenders", {"kalender": str(cid), "vakanties": "start,end,name\n", "bevestig": "ja"})
    eq(r.status, 403, "a school may not")
    eq(demo_calendar(stack)[2], rows, "vacations unchanged")


POLICY = ["uren_16uur", "licht_uren", "te_laat_aantal", "ziek_dagen", "ziek_meldingen", "schorsing_max", "dag_minuten"]


def policy_row(stack, region):
    return stack.sql("SELECT %s FROM region_policy WHERE region = '%s'" % (" || ',' || ".join(POLICY), region))


def test_policies_start_as_the_protocols_give_them(stack):
    eq(policy_row(stack, "haaglanden"), "16,8,9,7,4,5,300", "haaglanden (seed 000)")
    eq(policy_row(stack, "rivierenland"), "16,1,12,7,4,5,300", "rivierenland (seed 003)")
    eq(policy_row(stack, "landelijk"), "16,8,9,7,5,5,300", "landelijk (seed 004)")
    c = beheer(stack)
    r = c.get("/beheer/beleid")
    eq(r.status, 200, "page")
    check('id="rivierenland-licht_uren"' in r.text and 'value="1"' in r.text, "values in the form")
    check("/beheer/beleid" in c.get("/beheer").text, "linked from the beheer start page")


def test_bad_policy_values_are_named_and_kept(stack):
    c = beheer(stack)
    before = policy_row(stack, "haaglanden")
    form = {"regio": "haaglanden", "uren_16uur": "16", "licht_uren": "20", "te_laat_aantal": "negen",
            "ziek_dagen": "7", "ziek_meldingen": "4", "schorsing_max": "5", "dag_minuten": "2000", "bevrijdingsdag": "ja", "bevestig": "ja"}
    r = c.post("/beheer/beleid", form)
    eq(r.status, 422, "refused")
    check("niet boven de grens van wettelijk verzuim" in r.text, "licht above 16uur named")
    check(r.text.count("Vul een heel getal in") == 2, "te_laat_aantal and dag_minuten named")
    check('value="negen"' in r.text, "typed value kept")
    eq(policy_row(stack, "haaglanden"), before, "nothing written")
    form.update({"licht_uren": "8", "te_laat_aantal": "9", "dag_minuten": "300"})
    del form["bevestig"]
    r = c.post("/beheer/beleid", form)
    eq(r.status, 422, "without confirmation")
    check("Vink aan" in r.text, "asks for it")
    eq(policy_row(stack, "haaglanden"), before, "nothing written")
    r = c.post("/beheer/beleid", dict(form, regio="utrecht", bevestig="ja"))
    eq(r.status, 404, "no such region")


def signal_count(client):
    r = client.get("/school/signalen")
    eq(r.status, 200, "signals page")
    return len(re.findall(r'<tr data-signaal="', r.text))


def test_policy_change_counts_for_the_schools_of_the_region(stack):
    c = beheer(stack)
    school = Client(stack)
    school.login("school@demo.nl")
    before = signal_count(school)
    check(before >= 1, "the demo school has signals")
    form = {"regio": "haaglanden", "uren_16uur": "1000", "licht_uren": "1000", "te_laat_aantal": "10000",
            "ziek_dagen": "1000", "ziek_meldingen": "64", "schorsing_max": "5", "dag_minuten": "1440",
            "bevrijdingsdag": "ja", "bevestig": "ja"}
    r = c.post("/beheer/beleid", form)
    eq(r.status, 303, "saved")
    eq(policy_row(stack, "haaglanden"), "1000,1000,10000,1000,64,5,1440", "stored")
    check(stack.audit_sql("SELECT count(*) FROM audit WHERE action = 'beleid_gewijzigd' AND object LIKE 'beleid:haaglanden:%'",
                          lambda n: n == "1") == "1",
          "audited")
    page = c.get(r.header("Location").split("#")[0]).text
    check("Laatst gewijzigd" in page and "geldt vanaf nu" in page, "shown as changed")
    after = signal_count(school)
    eq(after, 0, "no signals with thresholds no student reaches (%d before)" % before)
    r = c.post("/beheer/beleid", dict(form, uren_16uur="16", licht_uren="8", te_laat_aantal="9", ziek_dagen="7",
                                       ziek_meldingen="4", dag_minuten="300"))
    eq(r.status, 303, "back to the protocol's values")
    eq(signal_count(school), before, "the same signals again")


def test_school_form_keeps_choices_after_an_error(stack):
    c = beheer(stack)
    gem = stack.sql("select id from gemeente where name = 'Zoetermeer'")
    cal = stack.sql("select max(id) from calendar")
    r = c.post("/beheer/scholen", {"brin": "99ZM", "naam": "Dubbel College", "soort": "pro", "regio": "rivierenland",
                                   "kalender": cal, "gemeente": gem})
    eq(r.status, 422, "the BRIN exists")
    check("Deze BRIN-code bestaat al" in r.text, "says why")
    for name, value in (("soort", "pro"), ("regio", "rivierenland"), ("kalender", cal), ("gemeente", gem)):
        sel = re.search(r'<select[^>]*name="%s".*?</select>' % name, r.text, re.S).group(0)
        check(re.search(r'<option value="%s" selected>' % re.escape(value), sel), name + " still chosen")


def test_desk_user_needs_a_desk_of_its_kind_and_disabled_users_get_no_link(stack):
    c = beheer(stack)
    lp_only = stack.sql("select id from loket where covers_leerplicht = 1 and covers_rmc = 0 limit 1")
    r = c.post("/beheer/gebruikers/nieuw", {"email": "rmc-fout@demo.nl", "naam": "Rik RMC", "rol": "rmc", "loket": lp_only})
    eq(r.status, 422, "an RMC officer at a leerplicht-only desk")
    check("Dit loket doet geen RMC" in r.text, "says why")
    eq(stack.sql("select count(*) from app_user where email = 'rmc-fout@demo.nl'"), "0", "nothing added")
    uid = stack.sql("select id from app_user where email = 'ouder2@demo.nl'")
    eq(c.post("/beheer/gebruikers/%s" % uid, {"naam": "Ouder Twee", "rol": "ouder", "uitgeschakeld": "ja",
                                               "bevestig": "ja"}).status, 303, "disabled")
    before = stack.sql("select count(*) from outbox")
    r = c.post("/beheer/gebruikers/%s/herstel" % uid, {})
    eq(r.status, 409, "no reset link for a disabled account")
    check("Schakel het eerst weer in" in r.text, "says what to do")
    eq(stack.sql("select count(*) from outbox"), before, "no mail")


def test_user_list_search(stack):
    c = beheer(stack)
    r = c.get("/beheer/gebruikers?zoek=Directeur")
    eq(r.status, 200, "search")
    check("directeur@demo.nl" in r.text and "ouder@demo.nl" not in r.text, "only the matching users")
    r = c.get("/beheer/gebruikers?zoek=%25")
    check("Geen gebruikers gevonden" in r.text, "a % is text, not a wildcard")
    r = c.get("/beheer/gebruikers?zoek=demo.nl&pagina=99")
    eq(r.status, 200, "a page past the end")
    check("Pagina 1 van 1" in r.text and "school@demo.nl" in r.text, "shows the last page")
    check('value="demo.nl"' in r.text, "the search is kept in the form")


def test_change_a_school_and_a_desk(stack):
    c = beheer(stack)
    page = c.get("/beheer/scholen")
    check('href="/beheer/scholen/1"' in page.text, "schools link to their page")
    page = c.get("/beheer/scholen/1")
    eq(page.status, 200, "school page")
    check('value="99ZM" readonly' in page.text, "the BRIN code is shown, not changeable")
    cal = stack.sql("select calendar_id from school where id = 1")
    form = {"brin": "11XX", "naam": "Zoetermeer Vakcollege", "soort": "mbo", "regio": "haaglanden", "kalender": cal,
            "gemeente": stack.sql("select gemeente_id from school where id = 1"), "telefoon": "079 - 111 22 33",
            "email": "geen-adres"}
    r = c.post("/beheer/scholen/1", form)
    eq(r.status, 422, "a bad e-mail address")
    check("Vul een geldig e-mailadres in" in r.text and 'value="079 - 111 22 33"' in r.text, "named, entries kept")
    form["email"] = "verzuim@vakcollege.nl"
    eq(c.post("/beheer/scholen/1", form).status, 303, "saved")
    eq(stack.sql("select brin, name, phone, email from school where id = 1"),
       "99ZM|Zoetermeer Vakcollege|079 - 111 22 33|verzuim@vakcollege.nl", "changed, BRIN kept")
    check("school_gewijzigd" in stack.audit_sql("select group_concat(action) from audit",
                                                lambda a: "school_gewijzigd" in a), "audited")
    # A desk: its RMC officers keep it from dropping RMC.
    desk = stack.sql("select loket_id from app_user where email = 'rmc@demo.nl'")
    form = {"naam": "RMC (18-23)", "afdeling": "Leerlingzaken", "telefoon": "079 - 999 00 00",
            "email": "rmc@zoetermeer.nl", "leerplicht": "1"}
    r = c.post("/beheer/loketten/%s" % desk, form)
    eq(r.status, 422, "RMC officers work here")
    check("RMC-medewerkers" in r.text, "says why")
    form["rmc"] = "1"
    del form["leerplicht"]
    eq(c.post("/beheer/loketten/%s" % desk, form).status, 303, "saved")
    eq(stack.sql("select phone, email, covers_leerplicht, covers_rmc from loket where id = %s" % desk),
       "079 - 999 00 00|rmc@zoetermeer.nl|0|1", "changed")


if __name__ == "__main__":
    run([test_page_lists_calendars_with_their_vacations, test_bad_line_is_named_and_nothing_changes,
         test_replacing_needs_confirmation, test_replace_writes_all_and_is_audited,
         test_new_calendar_and_duplicate_name, test_unknown_calendar_is_404_and_others_are_refused,
         test_policies_start_as_the_protocols_give_them, test_bad_policy_values_are_named_and_kept,
         test_policy_change_counts_for_the_schools_of_the_region,
         test_school_form_keeps_choices_after_an_error,
         test_desk_user_needs_a_desk_of_its_kind_and_disabled_users_get_no_link,
         test_user_list_search,
         test_change_a_school_and_a_desk])
