#!/bin/sh
# verzuimctl on files it may not change: audit verify and export on a read-only backup copy
# (sqlite3 ".backup" of both files, mode 0444, in a directory that cannot be written), and a
# missing file.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
V=${VERZUIMCTL:-$root/cgi-bin/verzuimctl}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
db=$tmp/v.db
fails=0

ok() { echo "PASS: readonly.$1"; }
bad() { echo "FAIL: readonly.$1: $2"; fails=$((fails + 1)); }
# Runs a command as a user who cannot write the copies: as root (who may write anything), as
# nobody; otherwise as the user running the tests.
other() {
	if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
	else "$@"; fi
}
listing() { ls -l --time-style=full-iso "$1" | sed 1d; }
unchanged() { # name, dir, listing before
	after=$(listing "$2")
	[ "$after" = "$3" ] && ok "$1" || bad "$1" "files changed: $(printf '%s\n--\n%s' "$3" "$after")"
}

"$V" migrate --db "$db" --sql "$root/sql" > /dev/null || { echo "FAIL: readonly.setup: migrate"; exit 1; }
"$V" gebruiker --db "$db" --email beheer@gemeente.nl --naam "Eerste Beheerder" --rol beheer > /dev/null
"$V" gebruiker --db "$db" --email tweede@gemeente.nl --naam "Tweede Beheerder" --rol beheer > /dev/null
sqlite3 "$db" "INSERT INTO gemeente (id, name, region) VALUES (1, 'Zoetermeer', 'haaglanden');
INSERT INTO calendar (id, name) VALUES (1, 'Regio midden');
INSERT INTO school (id, brin, name, sort, region, calendar_id, gemeente_id) VALUES (1, '12AB', 'Testcollege', 'vo', 'haaglanden', 1, 1);
INSERT INTO student (id, school_id, first_name, last_name, birth_date, gemeente_id) VALUES (1, 1, 'Anna', 'de Vries', '2012-03-04', 1);
INSERT INTO melding (id, student_id, school_id, soort, routed_to, age_group, period_start, school_year, filed_by, filed_at)
  VALUES (41, 1, 1, '16uur', 'leerplicht', '5-18', '2026-11-02', '2026-2027', 1, 1796040000);"
entries=$(sqlite3 "$tmp/v-audit.db" "select count(*) from audit")

# backup_copy dir dirmode: a 0444 backup copy of both files in dir, which gets dirmode.
backup_copy() {
	mkdir "$1"
	sqlite3 "$db" ".backup $1/v.db" && sqlite3 "$tmp/v-audit.db" ".backup $1/v-audit.db"
	chmod 444 "$1/v.db" "$1/v-audit.db"; chmod "$2" "$1"
}

# A backup copy of both files, read-only, in a directory that cannot be written.
backup_copy "$tmp/ro" 555
before=$(listing "$tmp/ro")
out=$(other "$V" audit verify --db "$tmp/ro/v.db" 2> "$tmp/err"); rc=$?
[ "$rc" = 0 ] && [ "$out" = "{\"ok\":true,\"regels\":$entries}" ] && ok audit_verify_kopie_alleen_lezen || bad audit_verify_kopie_alleen_lezen "exit $rc, '$out' $(cat "$tmp/err")"
unchanged audit_verify_kopie_ongewijzigd "$tmp/ro" "$before"
# The export logs before it releases anything: a copy's log cannot be written, so it refuses.
out=$(other "$V" export --db "$tmp/ro/v.db" --van 2026-11-01 --tot 2026-11-30 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && [ -z "$out" ] && grep -q 'verzuimctl: export: kan het auditlogboek niet bijwerken (export)' "$tmp/err" && ok export_kopie_geweigerd || bad export_kopie_geweigerd "exit $rc, out '$out' $(cat "$tmp/err")"
unchanged export_kopie_ongewijzigd "$tmp/ro" "$before"

# A 0444 copy in a directory that can be written: no -wal or -shm appears next to it, also for
# root (who could write it).
backup_copy "$tmp/rw" 777
before=$(listing "$tmp/rw")
out=$(other "$V" audit verify --db "$tmp/rw/v.db" 2> "$tmp/err"); rc=$?
[ "$rc" = 0 ] && [ "$out" = "{\"ok\":true,\"regels\":$entries}" ] && ok audit_verify_kopie_0444 || bad audit_verify_kopie_0444 "exit $rc, '$out' $(cat "$tmp/err")"
out=$("$V" audit verify --db "$tmp/rw/v.db" 2> "$tmp/err"); rc=$?
[ "$rc" = 0 ] && [ "$out" = "{\"ok\":true,\"regels\":$entries}" ] && ok audit_verify_kopie_0444_eigenaar || bad audit_verify_kopie_0444_eigenaar "exit $rc, '$out' $(cat "$tmp/err")"
out=$("$V" export --db "$tmp/rw/v.db" --van 2026-11-01 --tot 2026-11-30 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && [ -z "$out" ] && grep -q 'kan het auditlogboek niet bijwerken (export)' "$tmp/err" && ok export_kopie_0444_geweigerd || bad export_kopie_0444_geweigerd "exit $rc, out '$out' $(cat "$tmp/err")"
unchanged kopie_0444_ongewijzigd "$tmp/rw" "$before"

# Still a check: a changed entry in a read-only copy is found.
mkdir "$tmp/fout"
sqlite3 "$db" ".backup $tmp/fout/v.db" && sqlite3 "$tmp/v-audit.db" ".backup $tmp/fout/v-audit.db"
sqlite3 "$tmp/fout/v-audit.db" "UPDATE audit SET object = 'gebruiker:99' WHERE id = (SELECT min(id) FROM audit)"
first=$(sqlite3 "$tmp/fout/v-audit.db" "select min(id) from audit")
chmod 444 "$tmp/fout/v.db" "$tmp/fout/v-audit.db"; chmod 555 "$tmp/fout"
out=$(other "$V" audit verify --db "$tmp/fout/v.db" 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && [ "$out" = "{\"ok\":false,\"eerste_fout\":$first}" ] && ok audit_verify_kopie_gewijzigd || bad audit_verify_kopie_gewijzigd "exit $rc, '$out' $(cat "$tmp/err")"

# A copy without its audit file, or no file at all: said so in Dutch.
mkdir "$tmp/half"
sqlite3 "$db" ".backup $tmp/half/v.db"; chmod 444 "$tmp/half/v.db"; chmod 555 "$tmp/half"
out=$(other "$V" audit verify --db "$tmp/half/v.db" 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && grep -q "verzuimctl: audit verify: het auditlogboek $tmp/half/v-audit.db bestaat niet" "$tmp/err" && ok audit_verify_zonder_auditlogboek || bad audit_verify_zonder_auditlogboek "exit $rc $(cat "$tmp/err")"
out=$(other "$V" audit verify --db "$tmp/nergens.db" 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && grep -q "verzuimctl: audit verify: de database $tmp/nergens.db bestaat niet" "$tmp/err" && ok audit_verify_geen_database || bad audit_verify_geen_database "exit $rc $(cat "$tmp/err")"
out=$("$V" export --db "$tmp/nergens.db" --van 2026-11-01 --tot 2026-11-30 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && [ -z "$out" ] && grep -q "de database $tmp/nergens.db bestaat niet" "$tmp/err" && ok export_geen_database || bad export_geen_database "exit $rc $(cat "$tmp/err")"
[ ! -e "$tmp/nergens.db" ] && [ ! -e "$tmp/nergens-audit.db" ] && ok geen_database_niets_aangemaakt || bad geen_database_niets_aangemaakt "$(ls "$tmp")"

# The live database: audit verify changes nothing in it, export still works and is logged.
out=$("$V" audit verify --db "$db" 2> "$tmp/err"); rc=$?
[ "$rc" = 0 ] && [ "$out" = "{\"ok\":true,\"regels\":$entries}" ] && ok audit_verify_database || bad audit_verify_database "exit $rc, '$out' $(cat "$tmp/err")"
out=$("$V" export --db "$db" --van 2026-11-01 --tot 2026-11-30 2> "$tmp/err"); rc=$?
[ "$rc" = 0 ] && printf '%s' "$out" | grep -q '^41,2026-11-30,16uur' && ok export_database || bad export_database "exit $rc, '$out' $(cat "$tmp/err")"
[ "$(sqlite3 "$tmp/v-audit.db" "select object from audit where action = 'export'")" = "meldingen:2026-11-01:2026-11-30:loket:0:1" ] && ok export_geaudit || bad export_geaudit "no audit row with the count"

# An export larger than its 64 KB write buffer releases nothing either when its entry cannot be
# written (here the audit file refuses every insert).
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO melding (id, student_id, school_id, soort, routed_to, age_group, period_start, school_year, filed_by, filed_at)
  SELECT 100 + i, 1, 1, 'overig', 'leerplicht', '5-18', '2026-11-02', '2026-2027', 1, 1796040000 + i FROM n;"
sqlite3 "$tmp/v-audit.db" "CREATE TRIGGER weiger BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'geweigerd'); END;"
out=$("$V" export --db "$db" --van 2026-11-01 --tot 2026-11-30 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && [ -z "$out" ] && grep -q 'kan het auditlogboek niet bijwerken (export)' "$tmp/err" && ok export_groot_zonder_audit_niets || bad export_groot_zonder_audit_niets "exit $rc, $(printf '%s' "$out" | wc -c) bytes out"
sqlite3 "$tmp/v-audit.db" "DROP TRIGGER weiger"
n=$("$V" export --db "$db" --van 2026-11-01 --tot 2026-11-30 | wc -l)
[ "$n" = 2002 ] && ok export_groot || bad export_groot "$n lines"

[ $fails = 0 ]
