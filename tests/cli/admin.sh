#!/bin/sh
# verzuimctl's database subcommands as processes: migrate (also one that fails: nothing left
# behind), gebruiker, vakanties, leerlingen, registraties, export, audit verify.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
V=${VERZUIMCTL:-$root/cgi-bin/verzuimctl}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/v.db
fails=0

ok() { echo "PASS: admin.$1"; }
bad() { echo "FAIL: admin.$1: $2"; fails=$((fails + 1)); }
expect() { # name, want-exit, want-stdout-fragment, command...
	name=$1 want=$2 frag=$3; shift 3
	out=$("$@" 2> "$tmp/err" < "${STDIN:-/dev/null}"); rc=$?
	if [ "$rc" != "$want" ]; then bad "$name" "exit $rc, want $want ($(cat "$tmp/err"))"
	elif [ -n "$frag" ] && ! printf '%s' "$out$(cat "$tmp/err")" | grep -qF -- "$frag"; then
		bad "$name" "output '$out' $(cat "$tmp/err") lacks '$frag'"
	else ok "$name"; fi
}

expect migrate 0 '{"ok":true}' "$V" migrate --db "$db" --sql "$root/sql"
expect migrate_again 0 '{"ok":true}' "$V" migrate --db "$db" --sql "$root/sql"
n=$(sqlite3 "$db" "select count(*) from schema_version")
files=$(ls "$root"/sql/[0-9][0-9][0-9]_*.sql | wc -l)
[ "$n" = "$files" ] && ok migrate_versions || bad migrate_versions "$n versions, $files files"
expect gebruiker_beheer 0 '{"id":1}' "$V" gebruiker --db "$db" --email eerste@gemeente.nl --naam "Eerste Beheerder" --rol beheer
expect gebruiker_dubbel 2 'bestaat al' "$V" gebruiker --db "$db" --email eerste@gemeente.nl --naam "Nog Eens" --rol beheer
expect gebruiker_rol 2 'verzuimctl: gebruiker: --rol' "$V" gebruiker --db "$db" --email a@b.nl --naam "Iemand" --rol koning
expect gebruiker_school_zonder_brin 2 '--school' "$V" gebruiker --db "$db" --email a@b.nl --naam "Iemand" --rol school
expect gebruiker_onbekende_brin 2 "geen school met BRIN '00XX'" "$V" gebruiker --db "$db" --email a@b.nl --naam "Iemand" --rol school --school 00XX
[ "$(sqlite3 "$db" "select count(*) from app_user where pw_hash is null")" = 1 ] && ok gebruiker_zonder_wachtwoord || bad gebruiker_zonder_wachtwoord "password set"
for e in '@' 'a b@x.nl' 'a@b@x.nl, evil@y.nl' 'Piet <p@x.nl>'; do
	expect "gebruiker_adres_$(printf '%s' "$e" | tr -c 'a-z' '_')" 2 '--email: geen geldig e-mailadres' "$V" gebruiker --db "$db" --email "$e" --naam "Iemand" --rol beheer
done
expect gebruiker_naam_regels 2 'op één regel' "$V" gebruiker --db "$db" --email naam@b.nl --naam "$(printf 'Piet\nBcc: x')" --rol beheer
[ "$(sqlite3 "$tmp/v-audit.db" "select object from audit where action = 'gebruiker_aangemaakt_cli'")" = "gebruiker:1" ] && ok gebruiker_geaudit || bad gebruiker_geaudit "no audit row naming the user"

printf 'start,end,name\n2026-10-17,2026-10-25,Herfstvakantie\n2026-12-19,2027-01-03,"Kerstvakantie, regio midden"\n' > "$tmp/vak.csv"
printf 'start,end,name\n2026-10-17,2026-10-25,Herfst\n2027-02-30,2027-03-01,Voorjaar\n' > "$tmp/vak-bad.csv"
STDIN=$tmp/vak-bad.csv expect vakanties_foute_datum 2 'regel 3' "$V" vakanties --db "$db" --kalender "Regio midden"
[ "$(sqlite3 "$db" "select count(*) from vacation")" = 0 ] && ok vakanties_niets_bij_fout || bad vakanties_niets_bij_fout "rows written"
STDIN=$tmp/vak.csv expect vakanties 0 '"vakanties":2' "$V" vakanties --db "$db" --kalender "Regio midden"
STDIN=$tmp/vak.csv expect vakanties_vervangen 0 '"vakanties":2' "$V" vakanties --db "$db" --kalender "Regio midden"
: > "$tmp/leeg.csv"
STDIN=$tmp/leeg.csv expect vakanties_lege_invoer 2 'de invoer is leeg' "$V" vakanties --db "$db" --kalender "Regio midden"
[ "$(sqlite3 "$db" "select count(*) from vacation")" = 2 ] && ok vakanties_blijven_bij_lege_invoer || bad vakanties_blijven_bij_lege_invoer "vacations dropped"
[ "$(sqlite3 "$tmp/v-audit.db" "select count(*) from audit where action = 'kalender_vervangen'")" = 2 ] && ok vakanties_geaudit || bad vakanties_geaudit "no audit rows"
got=$(sqlite3 "$db" "select count(*) || '|' || max(name) from vacation")
[ "$got" = "2|Kerstvakantie, regio midden" ] && ok vakanties_opgeslagen || bad vakanties_opgeslagen "$got"
# The school imports (sql/IMPORT.md): all or nothing, every bad line named, the same rules as the
# school's Importeren page; a second run of the same absence file adds nothing.
sqlite3 "$db" "INSERT INTO gemeente (id, name, region) VALUES (1, 'Zoetermeer', 'haaglanden');
INSERT INTO school (id, brin, name, sort, region, calendar_id, gemeente_id)
  SELECT 1, '12AB', 'Testcollege', 'vo', 'haaglanden', id, 1 FROM calendar WHERE name = 'Regio midden';"
printf 'leerlingnummer,voornaam,achternaam,geboortedatum,woongemeente,klas\n501,Anna,de Vries,2012-03-04,Zoetermeer,2B\n502,Bram,Jansen,2011-13-01,Zoetermeer,3A\n503,Cor,Bakker,2011-05-06,Atlantis,3A\n501,Anna,Dubbel,2012-03-04,Zoetermeer,2B\n' > "$tmp/ll-bad.csv"
STDIN=$tmp/ll-bad.csv expect leerlingen_fout 2 'regel 4: onbekende woongemeente' "$V" leerlingen --db "$db" --school 12AB
grep -q 'regel 3: geboortedatum' "$tmp/err" && grep -q "regel 5: leerlingnummer '501' staat ook op regel 2" "$tmp/err" && ok leerlingen_elke_fout_genoemd || bad leerlingen_elke_fout_genoemd "$(cat "$tmp/err")"
[ "$(sqlite3 "$db" "select count(*) from student")" = 0 ] && ok leerlingen_niets_bij_fout || bad leerlingen_niets_bij_fout "rows written"
printf 'leerlingnummer,voornaam,achternaam,geboortedatum,woongemeente,klas\n501,Anna,de Vries,2012-03-04,Zoetermeer,2B\n502,Bram,Jansen,2011-02-01,zoetermeer,3A\n' > "$tmp/ll.csv"
STDIN=$tmp/ll.csv expect leerlingen 0 '{"lines":2,"imported":2}' "$V" leerlingen --db "$db" --school 12AB
STDIN=$tmp/ll.csv expect leerlingen_bestaan_al 2 "regel 2: leerlingnummer '501' bestaat al" "$V" leerlingen --db "$db" --school 12AB
STDIN=$tmp/ll.csv expect leerlingen_onbekende_school 2 "onbekende school '99ZZ'" "$V" leerlingen --db "$db" --school 99ZZ
printf 'leerlingnummer,datum,soort,minuten,opmerking\n501,2026-11-02,ongeoorloofd,dag,\n502,2026-11-03,te_laat,15,bus\n' > "$tmp/reg.csv"
STDIN=$tmp/reg.csv expect registraties 0 '"imported":2,"skipped":0,"students":2' "$V" registraties --db "$db" --school 12AB
STDIN=$tmp/reg.csv expect registraties_nogmaals 0 '"imported":0,"skipped":2,"students":0,"first":"","last":"","kinds":[]' "$V" registraties --db "$db" --school 12AB
got=$(sqlite3 "$db" "select group_concat(kind || ':' || minutes || ':' || source || ':' || ifnull(created_by, 'cli'), ' ') from (select * from registration order by date)")
[ "$got" = "ongeoorloofd:300:import:cli te_laat:15:import:cli" ] && ok registraties_opgeslagen || bad registraties_opgeslagen "$got"
printf 'leerlingnummer,datum,soort,minuten\n501,2026-11-04,spijbelen,60\n999,2026-11-04,ziek,dag\n' > "$tmp/reg-bad.csv"
STDIN=$tmp/reg-bad.csv expect registraties_fout 2 "regel 3: Onbekend leerlingnummer '999'" "$V" registraties --db "$db" --school 12AB
grep -q "regel 2: Onbekende soort 'spijbelen'" "$tmp/err" && ok registraties_elke_fout_genoemd || bad registraties_elke_fout_genoemd "$(cat "$tmp/err")"
[ "$(sqlite3 "$db" "select count(*) from registration")" = 2 ] && ok registraties_niets_bij_fout || bad registraties_niets_bij_fout "rows written"
# Every error of a file in one round: a number used twice is named even when its first line has
# another error, and a line names all of its errors.
printf 'leerlingnummer,voornaam,achternaam,geboortedatum,woongemeente,klas\n601,Dirk,Dubbel,2011-13-01,Zoetermeer,1A\n601,Dirk,Dubbel,2011-12-01,Zoetermeer,1A\n602,,Leeg,2011-13-01,Atlantis,1A\n' > "$tmp/ll-dubbel.csv"
STDIN=$tmp/ll-dubbel.csv expect leerlingen_dubbel_fout 2 "regel 2: geboortedatum '2011-13-01' is geen geldige datum" "$V" leerlingen --db "$db" --school 12AB
grep -q "regel 3: leerlingnummer '601' staat ook op regel 2" "$tmp/err" && ok leerlingen_dubbel_in_een_keer || bad leerlingen_dubbel_in_een_keer "$(cat "$tmp/err")"
grep -q "regel 4: voornaam is leeg. geboortedatum '2011-13-01' is geen geldige datum (jjjj-mm-dd). onbekende woongemeente 'Atlantis'." "$tmp/err" && ok leerlingen_elke_fout_van_een_regel || bad leerlingen_elke_fout_van_een_regel "$(cat "$tmp/err")"
[ "$(sqlite3 "$db" "select count(*) from student")" = 2 ] && ok leerlingen_dubbel_niets || bad leerlingen_dubbel_niets "rows written"
# A registration dated before the student's birth (Anna, 501: 2012-03-04) or in the future (also
# verlof: leave granted ahead is a verlofaanvraag, not a registration) is refused.
later=$(date -u -d '+2 days' +%Y-%m-%d)
printf 'leerlingnummer,datum,soort,minuten\n501,2012-03-03,ziek,dag\n501,2012-03-04,ziek,dag\n502,%s,verlof,dag\n999,2026-11-04,spijbelen,60\n' "$later" > "$tmp/reg-datum.csv"
STDIN=$tmp/reg-datum.csv expect registraties_voor_geboorte 2 "regel 2: datum: De datum ligt vóór de geboortedatum van de leerling (2012-03-04)." "$V" registraties --db "$db" --school 12AB
grep -q "regel 3" "$tmp/err" && bad registraties_op_geboortedag "$(cat "$tmp/err")" || ok registraties_op_geboortedag
grep -q "regel 4: datum: De datum ligt in de toekomst." "$tmp/err" && ok registraties_verlof_in_toekomst || bad registraties_verlof_in_toekomst "$(cat "$tmp/err")"
grep -q "regel 5: Onbekend leerlingnummer '999'. Onbekende soort 'spijbelen'" "$tmp/err" && ok registraties_elke_fout_van_een_regel || bad registraties_elke_fout_van_een_regel "$(cat "$tmp/err")"
[ "$(sqlite3 "$db" "select count(*) from registration")" = 2 ] && ok registraties_datum_niets || bad registraties_datum_niets "rows written"
[ "$(sqlite3 "$tmp/v-audit.db" "select count(*) from audit where address = 'verzuimctl' and action like 'import%'")" = 8 ] && ok import_geaudit || bad import_geaudit "audit rows"

# export: meldingen filed from --van through --tot, days in Europe/Amsterdam, no child named.
sqlite3 "$db" "INSERT INTO loket (id, gemeente_id, name, department, phone, email, covers_leerplicht, covers_rmc)
  VALUES (7, 1, 'Leerplicht, Zoetermeer', 'Leerplicht', '079', 'lp@zoetermeer.nl', 1, 0);
INSERT INTO melding (id, student_id, school_id, soort, routed_to, loket_id, age_group, period_start, school_year, filed_by, filed_at)
  SELECT 41, id, 1, '16uur', 'leerplicht', 7, '5-18', '2026-11-02', '2026-2027', 1, 1796040000 FROM student WHERE number = '501';
INSERT INTO melding (id, student_id, school_id, soort, routed_to, loket_id, age_group, period_start, school_year, filed_by, filed_at)
  SELECT 42, id, 1, 'luxe', 'leerplicht', 7, '5-18', '2026-11-03', '2026-2027', 1, 1796081400 FROM student WHERE number = '502';"
expect export_november 0 '41,2026-11-30,16uur,geregistreerd,5-18,leerplicht,"Leerplicht, Zoetermeer",Zoetermeer,12AB,Testcollege,2026-2027,,' "$V" export --db "$db" --van 2026-11-01 --tot 2026-11-30
n=$("$V" export --db "$db" --van 2026-11-01 --tot 2026-11-30 | wc -l)
[ "$n" = 2 ] && ok export_tot_is_een_dag_in_amsterdam || bad export_tot_is_een_dag_in_amsterdam "$n lines (23:30 UTC on 30 Nov is 1 Dec in Amsterdam)"
expect export_december 0 '42,2026-12-01,luxe' "$V" export --db "$db" --van 2026-12-01 --tot 2026-12-01 --loket 7
expect export_kop 0 'melding,ingediend,soort,status,leeftijdsgroep,route,loket,gemeente,brin,school,schooljaar,reden_afsluiting,in_behandeling' "$V" export --db "$db" --van 2026-12-01 --tot 2026-12-01
"$V" export --db "$db" --van 2026-11-01 --tot 2026-12-31 | grep -q -e Anna -e Bram -e Jansen -e 'de Vries' && bad export_noemt_geen_kind "a name in the export" || ok export_noemt_geen_kind
expect export_omgekeerd 2 '--van ligt na --tot' "$V" export --db "$db" --van 2026-12-02 --tot 2026-12-01
expect export_onbekend_loket 2 'geen loket met nummer 99' "$V" export --db "$db" --van 2026-12-01 --tot 2026-12-01 --loket 99
[ "$(sqlite3 "$tmp/v-audit.db" "select count(*) from audit where action = 'export'")" -ge 4 ] && ok export_geaudit || bad export_geaudit "no audit row"
# The audit log cannot be written: the export releases nothing and fails.
chmod 444 "$tmp/v-audit.db"
if [ "$(id -u)" != 0 ]; then
	out=$("$V" export --db "$db" --van 2026-11-01 --tot 2026-12-31 2> "$tmp/err"); rc=$?
	[ "$rc" = 1 ] && [ -z "$out" ] && grep -q auditlogboek "$tmp/err" && ok export_zonder_audit_niets || bad export_zonder_audit_niets "exit $rc, out '$out'"
else
	# as root every file is writable: run as nobody, the audit file root's and read-only
	chmod 755 "$tmp"; mkdir "$tmp/ro"
	sqlite3 "$db" ".backup $tmp/ro/ro.db"; sqlite3 "$tmp/v-audit.db" ".backup $tmp/ro/ro-audit.db"
	chown -R nobody "$tmp/ro"; chown root "$tmp/ro/ro-audit.db"; chmod 444 "$tmp/ro/ro-audit.db"
	out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups "$V" export --db "$tmp/ro/ro.db" --van 2026-11-01 --tot 2026-12-31 2> "$tmp/err"); rc=$?
	[ "$rc" = 1 ] && [ -z "$out" ] && grep -q auditlogboek "$tmp/err" && ok export_zonder_audit_niets || bad export_zonder_audit_niets "exit $rc, out '$out' $(cat "$tmp/err")"
fi
chmod 644 "$tmp/v-audit.db"
expect audit_verify 0 '"ok":true' "$V" audit verify --db "$db"
# Changes that leave the hashed values as they were are found too: a row must be stored as it was
# written (user_id NULL, not 0; text without a NUL and more after it; text, not a blob).
i=0
for change in "user_id = 0" "object = object || char(0) || 'x'" "object = CAST(object AS BLOB)"; do
	i=$((i + 1))
	sqlite3 "$db" ".backup $tmp/t$i.db" && sqlite3 "$tmp/v-audit.db" ".backup $tmp/t$i-audit.db"
	row=$(sqlite3 "$tmp/t$i-audit.db" "select min(id) from audit where user_id is null")
	sqlite3 "$tmp/t$i-audit.db" "UPDATE audit SET $change WHERE id = $row"
	expect "audit_verify_opslag_$i" 1 "{\"ok\":false,\"eerste_fout\":$row}" "$V" audit verify --db "$tmp/t$i.db"
done
expect onbekende_optie 2 'verzuimctl: ' "$V" migrate --db "$db" --xyz 1

# migrate on a path that is no database, or with a migration that fails on a new path: it fails
# and leaves nothing behind (no audit file, no database).
mkdir "$tmp/m"
printf 'geen database\n' > "$tmp/m/tekst.db"
out=$("$V" migrate --db "$tmp/m/tekst.db" --sql "$root/sql" 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && grep -q "verzuimctl: migrate: $tmp/m/tekst.db is geen SQLite-database" "$tmp/err" && ok migrate_geen_database || bad migrate_geen_database "exit $rc $(cat "$tmp/err")"
[ "$(ls "$tmp/m")" = tekst.db ] && [ "$(cat "$tmp/m/tekst.db")" = "geen database" ] && ok migrate_geen_database_laat_niets_achter || bad migrate_geen_database_laat_niets_achter "$(ls "$tmp/m")"
mkdir "$tmp/m/map.db"
out=$("$V" migrate --db "$tmp/m/map.db" --sql "$root/sql" 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && [ "$(ls "$tmp/m" | tr '\n' ' ')" = "map.db tekst.db " ] && ok migrate_map_laat_niets_achter || bad migrate_map_laat_niets_achter "exit $rc, $(ls "$tmp/m")"
mkdir "$tmp/sql"
cp "$root"/sql/audit.sql "$root"/sql/001_*.sql "$tmp/sql/"
printf 'CREATE TABLE kapot (\n' > "$tmp/sql/002_kapot.sql"
out=$("$V" migrate --db "$tmp/m/nieuw.db" --sql "$tmp/sql" 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && grep -q '002_kapot.sql' "$tmp/err" && [ "$(ls "$tmp/m" | tr '\n' ' ')" = "map.db tekst.db " ] && ok migrate_fout_laat_niets_achter || bad migrate_fout_laat_niets_achter "exit $rc, $(ls "$tmp/m") $(cat "$tmp/err")"
# A database that was there stays when a migration fails, with its audit log.
mkdir "$tmp/sql2"
cp "$root"/sql/audit.sql "$root"/sql/[0-9][0-9][0-9]_*.sql "$tmp/sql2/"
printf 'CREATE TABLE kapot (\n' > "$tmp/sql2/999_kapot.sql"
entries=$(sqlite3 "$tmp/v-audit.db" "select count(*) from audit")
out=$("$V" migrate --db "$db" --sql "$tmp/sql2" 2> "$tmp/err"); rc=$?
[ "$rc" = 1 ] && grep -q '999_kapot.sql' "$tmp/err" && [ "$(sqlite3 "$db" "select count(*) from melding")" = 2 ] && [ "$(sqlite3 "$tmp/v-audit.db" "select count(*) from audit")" = "$entries" ] && ok migrate_fout_bestaande_blijft || bad migrate_fout_bestaande_blijft "exit $rc $(cat "$tmp/err")"
[ $fails = 0 ]
