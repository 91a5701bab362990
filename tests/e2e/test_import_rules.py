"""The school's CSV imports over real HTTP (sql/IMPORT.md): a registration dated before the
student's birth or after today (Europe/Amsterdam, SPEC §3) is refused with its line and reason,
and nothing of the file is written; every error of a file is named in one round."""
import datetime
import html
import re
import zoneinfo
from harness import Client, run, check, eq

# Demo students of school@demo.nl: 1001 Daan de Vries, born 2010-03-14; 1002 Sem de Vries.
HEAD = "leerlingnummer,datum,soort,minuten,opmerking\n"


def login(stack):
    c = Client(stack)
    eq(c.login("school@demo.nl").status, 303, "log-in")
    return c


def upload(c, path, text, name="registraties.csv"):
    return c.post_multipart(path, {}, [("bestand", name, "text/csv", text.encode())])


def line_errors(page):
    """{line number: reason} of the refused-import table."""
    return {n: html.unescape(e) for n, e in
            re.findall(r"<tr><td>regel ([0-9]+)</td><td>([^<]*)</td></tr>", page.text)}


def count(stack, sql):
    return int(stack.sql(sql) or 0)


def amsterdam_today():
    return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()


def test_registration_before_birth_refused(stack):
    c = login(stack)
    before = count(stack, "select count(*) from registration")
    text = HEAD + ("1002,2026-10-01,ongeoorloofd,60,\n"
                   "1001,2010-03-13,ziek,dag,een dag voor de geboorte\n"
                   "1001,2010-03-14,ziek,dag,\n")
    r = upload(c, "/school/import/registraties", text)
    eq(r.status, 422, "refused")
    check("Er is niets geïmporteerd" in r.text, "says nothing was imported")
    errs = line_errors(r)
    eq(sorted(errs), ["3"], "only the line dated before the birth (the birth day itself is fine)")
    eq(errs["3"], "datum: De datum ligt vóór de geboortedatum van de leerling (2010-03-14).",
       "names the reason")
    eq(count(stack, "select count(*) from registration"), before, "nothing of the file written")
    eq(stack.audit_sql("select count(*) from audit where action = 'import_geweigerd'",
                       lambda n: n != "0"), "1", "the refusal is audited")


def test_registration_in_future_refused(stack):
    c = login(stack)
    before = count(stack, "select count(*) from registration")
    today = amsterdam_today()
    later = (today + datetime.timedelta(days=2)).isoformat()
    # Planned leave too: a registration records absence that took place; leave granted ahead is
    # a verlofaanvraag (SPEC §8), whose grant registers the days.
    text = HEAD + ("1002,%s,verlof,dag,vakantie\n" % later +
                   "1002,%s,ongeoorloofd,60,\n" % later +
                   "1002,%s,te_laat,10,\n" % today.isoformat())
    r = upload(c, "/school/import/registraties", text)
    eq(r.status, 422, "refused")
    errs = line_errors(r)
    eq(sorted(errs), ["2", "3"], "both future lines named, today's is fine")
    for n in ("2", "3"):
        eq(errs[n], "datum: De datum ligt in de toekomst.", "line %s reason" % n)
    eq(count(stack, "select count(*) from registration"), before, "nothing written")
    # Today (in Amsterdam) is not the future.
    r = upload(c, "/school/import/registraties", HEAD + "1002,%s,te_laat,10,\n" % today.isoformat())
    eq(r.status, 200, "today's registration imported: " + r.text[:300])
    eq(count(stack, "select count(*) from registration"), before + 1, "one written")


def test_every_error_of_a_line_named(stack):
    c = login(stack)
    r = upload(c, "/school/import/registraties",
               HEAD + "9999,2010-02-30,spijbelen,abc,\n1001,2009-01-01,ziek,dag,\n")
    eq(r.status, 422, "refused")
    errs = line_errors(r)
    eq(sorted(errs), ["2", "3"], "both lines")
    for part in ("Onbekend leerlingnummer '9999'.", "Onbekende soort 'spijbelen'",
                 "datum: Vul een geldige datum in", "minuten: Vul het aantal minuten in"):
        check(part in errs["2"], "line 2 says %r: %r" % (part, errs["2"]))
    check("vóór de geboortedatum" in errs["3"], "line 3: %r" % errs["3"])


def test_duplicate_student_number_named_with_other_errors(stack):
    c = login(stack)
    head = "leerlingnummer,voornaam,achternaam,geboortedatum,woongemeente\n"
    text = head + ("7001,Anna,Dubbel,2011-13-05,Zoetermeer\n"     # a wrong date
                   "7001,Anna,Dubbel,2011-12-05,Zoetermeer\n"     # the same number again
                   "7002,,Leeg,2011-05-05,Atlantis\n"             # two errors on one line
                   "1001,Daan,Bestaat,2010-03-14,Zoetermeer\n")   # a number already in use
    r = upload(c, "/school/import/leerlingen", text, "leerlingen.csv")
    eq(r.status, 422, "refused")
    errs = line_errors(r)
    eq(sorted(errs), ["2", "3", "4", "5"], "every bad line in one round")
    check("geboortedatum '2011-13-05'" in errs["2"], errs["2"])
    eq(errs["3"], "leerlingnummer '7001' staat ook op regel 2.", "the duplicate, named now")
    eq(errs["4"], "voornaam is leeg. onbekende woongemeente 'Atlantis'.", "both errors of line 4")
    eq(errs["5"], "leerlingnummer '1001' bestaat al.", "number in use")
    eq(count(stack, "select count(*) from student where last_name in ('Dubbel', 'Leeg', 'Bestaat')"), 0,
       "nothing written")


if __name__ == "__main__":
    run([test_registration_before_birth_refused, test_registration_in_future_refused,
         test_every_error_of_a_line_named, test_duplicate_student_number_named_with_other_errors])
