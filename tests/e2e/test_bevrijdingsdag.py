"""SPEC §3: Bevrijdingsdag (5 May) is a holiday for werkdagen, "configurable, default on". Beheer
sets it per region, next to the region's verzuimbeleid (Beheer → Verzuimbeleid); the deadlines of
the region's schools follow it at once, over real HTTP."""
import re
from harness import Client, run, check, eq
from test_school import file_verwijdering

POLICY = {"uren_16uur": "16", "licht_uren": "8", "te_laat_aantal": "9", "ziek_dagen": "7",
          "ziek_meldingen": "4", "schorsing_max": "5", "dag_minuten": "300"}


def login(stack, email):
    c = Client(stack)
    eq(c.login(email).status, 303, "log-in " + email)
    return c


def checked(page, region):
    """Which Bevrijdingsdag choice of the region's form is checked: 'ja', 'nee' or None."""
    m = re.findall(r'<input[^>]*id="%s-bevrijdingsdag-(ja|nee)"[^>]*\bchecked\b' % region, page)
    return m[0] if len(m) == 1 else None


def set_bevrijdingsdag(stack, admin, region, value):
    r = admin.post("/beheer/beleid", dict(POLICY, regio=region, bevrijdingsdag=value, bevestig="ja"))
    eq(r.status, 303, "saved: bevrijdingsdag " + value)


def deadline_of_verwijdering(stack, school, student, start):
    """The deadline stored for a verwijdering (1 werkdag after the first day, §6) from start."""
    _, mid = file_verwijdering(school, student, start)
    return stack.sql("select deadline from melding where id = %d" % mid)


def test_default_on_for_every_region(stack):
    eq(stack.sql("select group_concat(region || '=' || bevrijdingsdag, ',') from "
                 "(select region, bevrijdingsdag from region_policy order by region)"),
       "haaglanden=1,landelijk=1,rivierenland=1", "stored: on everywhere")
    page = login(stack, "beheer@demo.nl").get("/beheer/beleid").text
    for region in ("haaglanden", "landelijk", "rivierenland"):
        eq(checked(page, region), "ja", region + ": 'ja' chosen in the form")


def test_no_choice_is_named_and_nothing_changes(stack):
    admin = login(stack, "beheer@demo.nl")
    r = admin.post("/beheer/beleid", dict(POLICY, regio="haaglanden", uren_16uur="15", bevestig="ja"))
    eq(r.status, 422, "refused without a choice")
    check("Kies of Bevrijdingsdag (5 mei) een vrije dag is." in r.text, "named on the form")
    check(re.search(r'id="haaglanden-uren_16uur" name="uren_16uur" value="15"', r.text), "typed value kept")
    eq(checked(r.text, "haaglanden"), None, "nothing chosen for the failed form")
    r = admin.post("/beheer/beleid", dict(POLICY, regio="haaglanden", bevrijdingsdag="misschien", bevestig="ja"))
    eq(r.status, 422, "refused: no such choice")
    eq(stack.sql("select uren_16uur, bevrijdingsdag from region_policy where region = 'haaglanden'"), "16|1",
       "nothing written")


def test_off_counts_5_may_as_a_werkdag_for_the_region_only(stack):
    admin = login(stack, "beheer@demo.nl")
    school = login(stack, "school@demo.nl")
    eq(stack.sql("select region from school where id = (select school_id from student where id = 11)"),
       "haaglanden", "the demo school is in Haaglanden")
    # Monday 4 May 2026: the next werkdag is Wednesday 6 May while 5 May is a holiday.
    eq(deadline_of_verwijdering(stack, school, 11, "2026-05-04"), "2026-05-06", "on: 5 May skipped")
    set_bevrijdingsdag(stack, admin, "haaglanden", "nee")
    eq(stack.sql("select bevrijdingsdag from region_policy where region = 'haaglanden'"), "0", "stored off")
    eq(stack.sql("select group_concat(bevrijdingsdag) from region_policy where region <> 'haaglanden'"), "1,1",
       "other regions unchanged")
    check(stack.audit_sql("select count(*) from audit where action = 'beleid_gewijzigd' and "
                          "object like 'beleid:haaglanden:%bevrijdingsdag=0'", lambda n: n == "1") == "1",
          "the change audited")
    eq(checked(admin.get("/beheer/beleid").text, "haaglanden"), "nee", "shown as chosen")
    eq(deadline_of_verwijdering(stack, school, 12, "2026-05-04"), "2026-05-05", "off: 5 May is a werkdag")
    set_bevrijdingsdag(stack, admin, "haaglanden", "ja")
    eq(deadline_of_verwijdering(stack, school, 13, "2026-05-04"), "2026-05-06", "on again")


if __name__ == "__main__":
    run([test_default_on_for_every_region, test_no_choice_is_named_and_nothing_changes,
         test_off_counts_5_may_as_a_werkdag_for_the_region_only])
