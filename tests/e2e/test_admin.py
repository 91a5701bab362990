"""Beheer over the real stack: vacation calendars (SPEC §1 beheer manages calendars, §3 vacations
are data imported as CSV start,end,name). A calendar's vacations are replaced as a whole after a
confirmation; a wrong line is named on the form, the text is kept and nothing is written."""
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
    check(int(stack.sql("SELECT count(*) FROM audit WHERE action = 'kalender_vervangen' AND object LIKE 'kalender:%d:%%'" % cid)) == 1,
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


if __name__ == "__main__":
    run([test_page_lists_calendars_with_their_vacations, test_bad_line_is_named_and_nothing_changes,
         test_replacing_needs_confirmation, test_replace_writes_all_and_is_audited,
         test_new_calendar_and_duplicate_name, test_unknown_calendar_is_404_and_others_are_refused])
