#!/bin/sh
# verzuimctl's database subcommands as processes: migrate, gebruiker, vakanties, audit verify.
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
expect gebruiker_dubbel 1 'bestaat al' "$V" gebruiker --db "$db" --email eerste@gemeente.nl --naam "Nog Eens" --rol beheer
expect gebruiker_rol 2 'verzuimctl: gebruiker: --rol' "$V" gebruiker --db "$db" --email a@b.nl --naam "Iemand" --rol koning
expect gebruiker_school_zonder_brin 2 '--school' "$V" gebruiker --db "$db" --email a@b.nl --naam "Iemand" --rol school
expect gebruiker_onbekende_brin 2 "geen school met BRIN '00XX'" "$V" gebruiker --db "$db" --email a@b.nl --naam "Iemand" --rol school --school 00XX
[ "$(sqlite3 "$db" "select count(*) from app_user where pw_hash is null")" = 1 ] && ok gebruiker_zonder_wachtwoord || bad gebruiker_zonder_wachtwoord "password set"

printf 'start,end,name\n2026-10-17,2026-10-25,Herfstvakantie\n2026-12-19,2027-01-03,"Kerstvakantie, regio midden"\n' > "$tmp/vak.csv"
printf 'start,end,name\n2026-10-17,2026-10-25,Herfst\n2027-02-30,2027-03-01,Voorjaar\n' > "$tmp/vak-bad.csv"
STDIN=$tmp/vak-bad.csv expect vakanties_foute_datum 2 'regel 3' "$V" vakanties --db "$db" --kalender "Regio midden"
[ "$(sqlite3 "$db" "select count(*) from vacation")" = 0 ] && ok vakanties_niets_bij_fout || bad vakanties_niets_bij_fout "rows written"
STDIN=$tmp/vak.csv expect vakanties 0 '"vakanties":2' "$V" vakanties --db "$db" --kalender "Regio midden"
STDIN=$tmp/vak.csv expect vakanties_vervangen 0 '"vakanties":2' "$V" vakanties --db "$db" --kalender "Regio midden"
got=$(sqlite3 "$db" "select count(*) || '|' || max(name) from vacation")
[ "$got" = "2|Kerstvakantie, regio midden" ] && ok vakanties_opgeslagen || bad vakanties_opgeslagen "$got"
expect audit_verify 0 '"ok":true' "$V" audit verify --db "$db"
expect onbekende_optie 2 'verzuimctl: ' "$V" migrate --db "$db" --xyz 1

[ $fails = 0 ]
