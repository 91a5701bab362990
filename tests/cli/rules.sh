#!/bin/sh
# The rule subcommands of verzuimctl run as a process (SPEC §9): the exact JSON on stdout and
# exit 0, or for bad input exit 2 with one line "verzuimctl: ..." on stderr and nothing on stdout.
# Every expected answer is written out by hand.
V=${VERZUIMCTL:-./cgi-bin/verzuimctl}
T=$(mktemp -d "${TMPDIR:-/tmp}/cli-rules.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
fails=0
IN=/dev/null

# ok NAME WANT ARGS...: stdin from $IN
ok() {
	name=$1 want=$2
	shift 2
	got=$("$V" "$@" < "$IN" 2> "$T/err")
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL: $name: exit $rc: $(head -n 1 "$T/err")"
		fails=$((fails + 1))
	elif [ "$got" != "$want" ]; then
		echo "FAIL: $name: got $got want $want"
		fails=$((fails + 1))
	else
		echo "PASS: $name"
	fi
}

# bad NAME TEXT ARGS...: exit 2, one stderr line starting "verzuimctl: " that contains TEXT
bad() {
	name=$1 text=$2
	shift 2
	got=$("$V" "$@" < "$IN" 2> "$T/err")
	rc=$?
	lines=$(wc -l < "$T/err" | tr -d ' ')
	first=$(head -n 1 "$T/err")
	if [ $rc -ne 2 ]; then
		echo "FAIL: $name: exit $rc, want 2"
		fails=$((fails + 1))
	elif [ -n "$got" ]; then
		echo "FAIL: $name: stdout not empty: $got"
		fails=$((fails + 1))
	elif [ "$lines" != 1 ]; then
		echo "FAIL: $name: $lines lines on stderr, want 1"
		fails=$((fails + 1))
	else
		case $first in
		"verzuimctl: "*"$text"*) echo "PASS: $name" ;;
		*) echo "FAIL: $name: stderr '$first' lacks '$text'"; fails=$((fails + 1)) ;;
		esac
	fi
}

# ---------------------------------------------------------------- werkdagen
ok werkdagen_kerst '{"datum":"2026-12-28"}' werkdagen --vanaf 2026-12-18 --plus 5
ok werkdagen_nul '{"datum":"2026-12-18"}' werkdagen --vanaf 2026-12-18 --plus 0
ok werkdagen_weekend '{"datum":"2026-12-21"}' werkdagen --vanaf 2026-12-18 --plus 1
ok werkdagen_pasen '{"datum":"2026-04-07"}' werkdagen --vanaf 2026-04-02 --plus 1
ok werkdagen_koningsdag '{"datum":"2026-04-28"}' werkdagen --vanaf 2026-04-24 --plus 1
ok werkdagen_bevrijdingsdag '{"datum":"2026-05-06"}' werkdagen --vanaf 2026-05-04 --plus 1
ok werkdagen_hemelvaart '{"datum":"2026-05-15"}' werkdagen --vanaf 2026-05-13 --plus 1
ok werkdagen_pinksteren '{"datum":"2026-05-26"}' werkdagen --vanaf 2026-05-22 --plus 1
ok werkdagen_nieuwjaar '{"datum":"2027-01-04"}' werkdagen --vanaf 2026-12-31 --plus 1
ok werkdagen_koningsdag_2025 '{"datum":"2025-04-28"}' werkdagen --vanaf 2025-04-25 --plus 1
ok werkdagen_is_teken '{"datum":"2026-12-28"}' werkdagen --vanaf=2026-12-18 --plus=5
ok werkdagen_schrikkeldag '{"datum":"2024-03-01"}' werkdagen --vanaf 2024-02-28 --plus 2

# ---------------------------------------------------------------- plicht
ok plicht_31_juli '{"plicht":"leerplicht","loket":"leerplicht","leerplicht_vanaf":"2015-08-01","leerplicht_tot":"2026-07-31"}' \
	plicht --geboren 2010-07-31 --op 2026-07-31
ok plicht_31_juli_daarna '{"plicht":"kwalificatieplicht","loket":"leerplicht","leerplicht_vanaf":"2015-08-01","leerplicht_tot":"2026-07-31"}' \
	plicht --geboren 2010-07-31 --op 2026-08-01
ok plicht_1_augustus '{"plicht":"leerplicht","loket":"leerplicht","leerplicht_vanaf":"2015-09-01","leerplicht_tot":"2027-07-31"}' \
	plicht --geboren 2010-08-01 --op 2026-08-01
ok plicht_voor_5 '{"plicht":"geen","loket":null,"leerplicht_vanaf":"2025-09-01","leerplicht_tot":"2037-07-31"}' \
	plicht --geboren 2020-08-01 --op 2025-08-31
ok plicht_29_februari_17 '{"plicht":"kwalificatieplicht","loket":"leerplicht","leerplicht_vanaf":"2013-04-01","leerplicht_tot":"2024-07-31"}' \
	plicht --geboren 2008-02-29 --op 2026-02-28
ok plicht_29_februari_18 '{"plicht":"rmc","loket":"rmc","leerplicht_vanaf":"2013-04-01","leerplicht_tot":"2024-07-31"}' \
	plicht --geboren 2008-02-29 --op 2026-03-01
ok plicht_startkwalificatie '{"plicht":"geen","loket":null,"leerplicht_vanaf":"2014-02-01","leerplicht_tot":"2025-07-31"}' \
	plicht --geboren 2009-01-15 --op 2026-03-01 --startkwalificatie
ok plicht_vrijgesteld '{"plicht":"geen","loket":null,"leerplicht_vanaf":"2014-02-01","leerplicht_tot":"2025-07-31"}' \
	plicht --geboren 2009-01-15 --op 2026-03-01 --vrijgesteld
# --vrijgesteld ends kwalificatieplicht only: at 18 without startkwalificatie RMC follows.
ok plicht_vrijgesteld_18 '{"plicht":"rmc","loket":"rmc","leerplicht_vanaf":"2013-04-01","leerplicht_tot":"2024-07-31"}' \
	plicht --geboren 2008-03-01 --op 2026-03-01 --vrijgesteld
ok plicht_vrijgesteld_17 '{"plicht":"geen","loket":null,"leerplicht_vanaf":"2013-04-01","leerplicht_tot":"2024-07-31"}' \
	plicht --geboren 2008-03-01 --op 2026-02-28 --vrijgesteld
ok plicht_23 '{"plicht":"geen","loket":null,"leerplicht_vanaf":"2008-06-01","leerplicht_tot":"2019-07-31"}' \
	plicht --op 2026-05-01 --geboren 2003-05-01
ok plicht_22 '{"plicht":"rmc","loket":"rmc","leerplicht_vanaf":"2008-06-01","leerplicht_tot":"2019-07-31"}' \
	plicht --geboren 2003-05-01 --op 2026-04-30

# ---------------------------------------------------------------- schooldagen
printf 'start,end,name\r\n2025-10-18,2025-10-26,Herfstvakantie\r\n2025-12-20,2026-01-04,"Kerstvakantie, regio ""zuid"""\r\n2026-02-14,2026-02-22,Voorjaarsvakantie\r\n2026-04-25,2026-05-03,Meivakantie\r\n2026-07-11,2026-08-23,Zomervakantie\r\n2025-07-12,2025-08-24,Zomervakantie 2025\r\n' > "$T/vak.csv"
ok schooldagen_jaar '{"schooldagen":253}' schooldagen --van 2026-01-01 --tot 2026-12-31
ok schooldagen_een '{"schooldagen":1}' schooldagen --van 2026-03-09 --tot 2026-03-09
ok schooldagen_weekend '{"schooldagen":0}' schooldagen --van 2026-03-07 --tot 2026-03-08
ok schooldagen_mei '{"schooldagen":8}' schooldagen --van 2026-04-27 --tot 2026-05-08
ok schooldagen_mei_vakantie '{"schooldagen":4}' schooldagen --van 2026-04-27 --tot 2026-05-08 --vakanties "$T/vak.csv"
ok schooldagen_schooljaar '{"schooldagen":200}' schooldagen --van 2025-08-01 --tot 2026-07-31 --vakanties "$T/vak.csv"

# ---------------------------------------------------------------- signalen
IN=$T/r1.csv
printf 'datum,soort,minuten\n2026-03-02,ongeoorloofd,300\n2026-03-03,ongeoorloofd,300\n2026-03-04,ongeoorloofd,300\n2026-03-05,ongeoorloofd,300\n2026-03-06,ongeoorloofd,300\n' > "$IN"
ok signalen_16uur '{"signalen":[{"signaal":"16uur","datum":"2026-03-05","uiterlijk_melden":"2026-03-12","verplicht":true,"loket":"leerplicht"}]}' \
	signalen --regio haaglanden --op 2026-03-20 --geboren 2012-05-01
ok signalen_16uur_rmc '{"signalen":[{"signaal":"16uur","datum":"2026-03-05","uiterlijk_melden":"2026-03-12","verplicht":true,"loket":"rmc"}]}' \
	signalen --regio landelijk --op 2026-03-20 --geboren 2007-01-15 --soort mbo
ok signalen_geen_plicht '{"signalen":[]}' \
	signalen --regio haaglanden --op 2026-03-20 --geboren 2007-01-15 --startkwalificatie
ok signalen_licht_op_d '{"signalen":[{"signaal":"licht","datum":"2026-03-03","uiterlijk_melden":null,"verplicht":false,"loket":"leerplicht"}]}' \
	signalen --regio rivierenland --op 2026-03-03 --geboren 2012-05-01

IN=$T/r2.csv
printf 'datum,soort,minuten\n2026-02-02,ongeoorloofd,240\n2026-02-09,ongeoorloofd,240\n2026-02-23,ongeoorloofd,240\n2026-03-02,ongeoorloofd,240\n' > "$IN"
ok signalen_vakantie_in_venster '{"signalen":[{"signaal":"16uur","datum":"2026-03-02","uiterlijk_melden":"2026-03-09","verplicht":true,"loket":"leerplicht"}]}' \
	signalen --regio haaglanden --op 2026-03-02 --geboren 2012-05-01 --vakanties "$T/vak.csv"
ok signalen_zonder_vakantie '{"signalen":[{"signaal":"licht","datum":"2026-03-02","uiterlijk_melden":null,"verplicht":false,"loket":"leerplicht"}]}' \
	signalen --regio haaglanden --op 2026-03-02 --geboren 2012-05-01

# Unsorted input, a te_laat count with two on one date, sick days: te_laat and zorgelijk_ziek.
IN=$T/r3.csv
{
	echo 'datum,soort,minuten'
	for d in 11 10 09 08 05 04 03 02 01; do echo "2025-09-$d,te_laat,10"; done
	echo '2025-09-10,te_laat,5'
	for d in 06 07 08 09 10 13 14; do echo "2025-10-$d,ziek,300"; done
} > "$IN"
ok signalen_te_laat_ziek '{"signalen":[{"signaal":"te_laat","datum":"2025-09-10","uiterlijk_melden":null,"verplicht":false,"loket":"leerplicht"},{"signaal":"zorgelijk_ziek","datum":"2025-10-14","uiterlijk_melden":null,"verplicht":false,"loket":"leerplicht"}]}' \
	signalen --regio haaglanden --op 2025-10-31 --geboren 2012-05-01

# Continuous absence of a 19-year-old: 16uur until rmc18, afwezig5w, vervolgmelding.
IN=$T/r4.csv
{
	echo 'datum,soort,minuten'
	for d in 02 03 04 05 06 09 10 11 12 13 16 17 18 19 20 23 24 25 26 27 30 31; do echo "2026-03-$d,ongeoorloofd,300"; done
	for d in 01 02 07 08 09 10 13 14 15 16 17 20 21 22 23 24; do echo "2026-04-$d,ongeoorloofd,300"; done
} > "$IN"
ok signalen_rmc18 '{"signalen":[{"signaal":"16uur","datum":"2026-03-05","uiterlijk_melden":"2026-03-12","verplicht":true,"loket":"rmc"},{"signaal":"16uur","datum":"2026-03-11","uiterlijk_melden":"2026-03-18","verplicht":true,"loket":"rmc"},{"signaal":"16uur","datum":"2026-03-17","uiterlijk_melden":"2026-03-24","verplicht":true,"loket":"rmc"},{"signaal":"16uur","datum":"2026-03-23","uiterlijk_melden":"2026-03-30","verplicht":true,"loket":"rmc"},{"signaal":"16uur","datum":"2026-03-27","uiterlijk_melden":"2026-04-07","verplicht":true,"loket":"rmc"},{"signaal":"rmc18","datum":"2026-03-29","uiterlijk_melden":"2026-04-07","verplicht":true,"loket":"rmc"},{"signaal":"afwezig5w","datum":"2026-04-06","uiterlijk_melden":null,"verplicht":false,"loket":null},{"signaal":"rmc18","datum":"2026-04-26","uiterlijk_melden":"2026-05-04","verplicht":true,"loket":"rmc"}]}' \
	signalen --regio haaglanden --op 2026-04-27 --geboren 2006-05-01 --soort mbo
ok signalen_lrv '{"signalen":[{"signaal":"16uur","datum":"2026-03-05","uiterlijk_melden":"2026-03-12","verplicht":true,"loket":"leerplicht"},{"signaal":"16uur","datum":"2026-03-11","uiterlijk_melden":"2026-03-18","verplicht":true,"loket":"leerplicht"},{"signaal":"16uur","datum":"2026-03-17","uiterlijk_melden":"2026-03-24","verplicht":true,"loket":"leerplicht"},{"signaal":"16uur","datum":"2026-03-23","uiterlijk_melden":"2026-03-30","verplicht":true,"loket":"leerplicht"},{"signaal":"16uur","datum":"2026-03-27","uiterlijk_melden":"2026-04-07","verplicht":true,"loket":"leerplicht"},{"signaal":"lrv","datum":"2026-03-29","uiterlijk_melden":"2026-04-07","verplicht":true,"loket":"leerplicht"}]}' \
	signalen --regio haaglanden --op 2026-04-02 --geboren 2012-05-01

IN=$T/empty.csv
printf 'datum,soort,minuten\n' > "$IN"
ok signalen_leeg '{"signalen":[]}' signalen --regio landelijk --op 2026-03-20 --geboren 2012-05-01 --soort po

# The school year ends on 31 July: nine te_laat in July signal then, and no more on 1 August.
IN=$T/r5.csv
{
	echo 'datum,soort,minuten'
	for d in 01 02 03 06 07 08 09 10 13; do echo "2026-07-$d,te_laat,10"; done
} > "$IN"
ok signalen_te_laat_31_juli '{"signalen":[{"signaal":"te_laat","datum":"2026-07-13","uiterlijk_melden":null,"verplicht":false,"loket":"leerplicht"}]}' \
	signalen --regio haaglanden --op 2026-07-31 --geboren 2012-05-01
ok signalen_te_laat_1_augustus '{"signalen":[]}' \
	signalen --regio haaglanden --op 2026-08-01 --geboren 2012-05-01

# RMC ends on the 23rd birthday: the day before, a 16uur goes to the rmc desk; on it, nothing.
IN=$T/r6.csv
printf 'datum,soort,minuten\n2026-03-02,ongeoorloofd,300\n2026-03-03,ongeoorloofd,300\n2026-03-04,ongeoorloofd,300\n2026-03-05,ongeoorloofd,300\n' > "$IN"
ok signalen_dag_voor_23 '{"signalen":[{"signaal":"16uur","datum":"2026-03-05","uiterlijk_melden":"2026-03-12","verplicht":true,"loket":"rmc"}]}' \
	signalen --regio haaglanden --op 2026-03-19 --geboren 2003-03-20
ok signalen_23e_verjaardag '{"signalen":[]}' \
	signalen --regio haaglanden --op 2026-03-20 --geboren 2003-03-20

# ---------------------------------------------------------------- verlof
IN=$T/v1.json
echo '{"grond":"11f","van":"2025-10-06","tot":"2025-10-10","geboren":"2012-05-01","verklaring":true}' > "$IN"
ok verlof_11f '{"schooldagen":5,"max_dagen":10,"beslisser":"directeur","toegestaan":true,"bezwaren":[]}' verlof
echo '{"grond":"11f","van":"2025-08-25","tot":"2025-09-09","geboren":"2009-01-15","dagen_per_week":3,"eerder_11f":true}' > "$IN"
ok verlof_11f_bezwaren '{"schooldagen":12,"max_dagen":6,"beslisser":"directeur","toegestaan":false,"bezwaren":["max_overschreden","al_11f_dit_schooljaar","verklaring_ontbreekt"]}' verlof
ok verlof_11f_bezwaren_vakantie '{"schooldagen":12,"max_dagen":6,"beslisser":"directeur","toegestaan":false,"bezwaren":["max_overschreden","eerste_twee_lesweken","al_11f_dit_schooljaar","verklaring_ontbreekt"]}' verlof --vakanties "$T/vak.csv"
echo '{"grond":"11g","categorie":"overlijden","graad":2,"waar":"nederland","van":"2026-03-02","tot":"2026-03-03","geboren":"2012-05-01","verklaring":true}' > "$IN"
ok verlof_overlijden '{"schooldagen":2,"max_dagen":2,"beslisser":"directeur","toegestaan":true,"bezwaren":[]}' verlof
echo '{"grond":"11g","categorie":"ziekte_familie","graad":1,"van":"2026-03-02","tot":"2026-03-06","geboren":"2012-05-01","eerder_11g_dagen":6,"verklaring":true}' > "$IN"
ok verlof_doorsturen '{"schooldagen":5,"max_dagen":null,"beslisser":"leerplicht","toegestaan":true,"bezwaren":[]}' verlof
echo '{"grond":"11g","categorie":"huwelijk","graad":4,"waar":"regio","van":"2026-04-24","tot":"2026-04-28","geboren":"2000-01-01","redenen":["konvooi","goedkope_tickets"]}' > "$IN"
ok verlof_alles '{"schooldagen":2,"max_dagen":1,"beslisser":"directeur","toegestaan":false,"bezwaren":["max_overschreden","verklaring_ontbreekt","graad_buiten_categorie","niet_leerplichtig","weigergrond:konvooi","weigergrond:goedkope_tickets"]}' verlof
echo '{"grond":"11g","categorie":"overig","van":"2026-04-27","tot":"2026-05-08","geboren":"2012-05-01","verklaring":true,"graad":null}' > "$IN"
ok verlof_feestdagen '{"schooldagen":8,"max_dagen":null,"beslisser":"directeur","toegestaan":true,"bezwaren":[]}' verlof
echo '{"grond":"11g","categorie":"overlijden","graad":3,"waar":"buitenland","van":"2026-03-02","tot":"2026-03-06","geboren":"2012-05-01","verklaring":true}' > "$IN"
ok verlof_overlijden_buitenland '{"schooldagen":5,"max_dagen":5,"beslisser":"directeur","toegestaan":true,"bezwaren":[]}' verlof
# Only a kwalificatieplichtige gets the proportional 11f share; a leerplichtige part-timer keeps 10.
echo '{"grond":"11f","van":"2026-03-02","tot":"2026-03-13","geboren":"2012-05-01","verklaring":true,"dagen_per_week":2}' > "$IN"
ok verlof_11f_deeltijd_leerplicht '{"schooldagen":10,"max_dagen":10,"beslisser":"directeur","toegestaan":true,"bezwaren":[]}' verlof
echo '{"grond":"11f","van":"2026-03-02","tot":"2026-03-13","geboren":"2009-05-01","verklaring":true,"dagen_per_week":2}' > "$IN"
ok verlof_11f_deeltijd_kwalificatieplicht '{"schooldagen":10,"max_dagen":4,"beslisser":"directeur","toegestaan":false,"bezwaren":["max_overschreden"]}' verlof

# ---------------------------------------------------------------- bad input
IN=/dev/null
bad geen_commando 'geen commando'
bad onbekend_commando 'onbekend commando' frobnicate
bad onbekende_optie '--morgen' werkdagen --vanaf 2026-12-18 --plus 5 --morgen
bad onmogelijke_datum '2027-02-30' werkdagen --vanaf 2027-02-30 --plus 1
bad dertien_maanden '2026-13-01' plicht --geboren 2026-13-01 --op 2026-01-01
bad datum_zonder_nullen '2026-3-1' plicht --geboren 2010-01-01 --op 2026-3-1
bad optie_ontbreekt '--plus' werkdagen --vanaf 2026-12-18
bad waarde_ontbreekt '--plus' werkdagen --vanaf 2026-12-18 --plus
bad geen_getal 'abc' werkdagen --vanaf 2026-12-18 --plus abc
bad negatief '--plus' werkdagen --vanaf 2026-12-18 --plus -1
bad dubbele_optie '--op' plicht --geboren 2010-01-01 --op 2026-01-01 --op 2026-01-02
bad los_argument 'extra' plicht --geboren 2010-01-01 --op 2026-01-01 extra
bad vlag_met_waarde '--startkwalificatie' plicht --geboren 2010-01-01 --op 2026-01-01 --startkwalificatie=ja
bad van_na_tot '--van' schooldagen --van 2026-03-10 --tot 2026-03-09
bad vakanties_ontbreekt 'niet lezen' schooldagen --van 2026-03-09 --tot 2026-03-10 --vakanties "$T/bestaat-niet.csv"
printf 'start,end,name\n2026-02-14,2026-02-22,Voorjaar\n2026-05-03,2026-04-25,Mei\n' > "$T/vak-fout.csv"
bad vakantie_omgekeerd 'regel 3' schooldagen --van 2026-03-09 --tot 2026-03-10 --vakanties "$T/vak-fout.csv"
printf 'begin,eind,naam\n2026-02-14,2026-02-22,Voorjaar\n' > "$T/vak-kop.csv"
bad vakantie_kopregel 'regel 1' schooldagen --van 2026-03-09 --tot 2026-03-10 --vakanties "$T/vak-kop.csv"
printf 'start,end,name\n2026-02-14,2026-02-22,"Voorjaar\n' > "$T/vak-quote.csv"
bad vakantie_aanhalingsteken 'regel 2' schooldagen --van 2026-03-09 --tot 2026-03-10 --vakanties "$T/vak-quote.csv"
bad onbekende_regio 'utrecht' signalen --regio utrecht --op 2026-03-20 --geboren 2012-05-01
bad onbekende_soort '--soort' signalen --regio haaglanden --op 2026-03-20 --geboren 2012-05-01 --soort hbo
IN=$T/bad1.csv
printf 'datum,soort,minuten\n2026-03-02,ongeoorloofd,300\n2026-02-30,ongeoorloofd,300\n' > "$IN"
bad csv_onmogelijke_datum 'regel 3' signalen --regio haaglanden --op 2026-03-20 --geboren 2012-05-01
printf 'datum,soort,minuten\n2026-03-02,ongeoorloofd,300\n2026-03-03,spijbelen,300\n' > "$IN"
bad csv_onbekende_soort 'regel 3' signalen --regio haaglanden --op 2026-03-20 --geboren 2012-05-01
printf 'datum,soort,minuten\n9999-12-31,ongeoorloofd,960\n' > "$IN"
bad uiterste_melddatum_na_9999 'na het jaar 9999' signalen --regio haaglanden --op 9999-12-31 --geboren 9985-01-01
printf 'datum,soort,minuten\n2026-03-02,ongeoorloofd\n' > "$IN"
bad csv_te_weinig_velden 'regel 2' signalen --regio haaglanden --op 2026-03-20 --geboren 2012-05-01
printf 'datum,soort,minuten\n2026-03-02,ongeoorloofd,300\n\n2026-03-03,ziek,-5\n' > "$IN"
bad csv_negatieve_minuten 'regel 4' signalen --regio haaglanden --op 2026-03-20 --geboren 2012-05-01
printf 'datum,soort,minuten\n2026-03-02,ongeoorloofd,3x0\n' > "$IN"
bad csv_minuten_geen_getal 'regel 2' signalen --regio haaglanden --op 2026-03-20 --geboren 2012-05-01
printf '2026-03-02,ongeoorloofd,300\n' > "$IN"
bad csv_zonder_kopregel 'regel 1' signalen --regio haaglanden --op 2026-03-20 --geboren 2012-05-01
IN=$T/bad.json
echo '{"grond":"11f","van":"2025-10-06","tot":"2025-10-10","geboren":"2012-05-01","verklaring":"ja"}' > "$IN"
bad json_verkeerd_type 'verklaring' verlof
echo '["11f"]' > "$IN"
bad json_geen_object 'object' verlof
echo '{"grond":"11f","van":"2025-10-06","tot":"2025-10-10","geboren":"2012-05-01","kleur":"rood"}' > "$IN"
bad json_onbekend_veld 'kleur' verlof
printf '{"grond":"11f",\n "van":"2025-10-06",\n "tot": }\n' > "$IN"
bad json_syntax 'regel 3' verlof
echo '{"grond":"11h","van":"2025-10-06","tot":"2025-10-10","geboren":"2012-05-01"}' > "$IN"
bad json_onbekende_grond 'grond' verlof
echo '{"grond":"11g","categorie":"overlijden","van":"2026-03-02","tot":"2026-03-03","geboren":"2012-05-01"}' > "$IN"
bad json_graad_ontbreekt 'graad' verlof
echo '{"grond":"11g","categorie":"huwelijk","graad":1,"van":"2026-03-02","tot":"2026-03-03","geboren":"2012-05-01"}' > "$IN"
bad json_waar_ontbreekt 'waar' verlof
echo '{"grond":"11g","categorie":"overig","graad":5,"van":"2026-03-02","tot":"2026-03-03","geboren":"2012-05-01"}' > "$IN"
bad json_graad_5 'graad' verlof
echo '{"grond":"11f","van":"2025-10-06","tot":"2025-10-10","geboren":"2012-05-01","dagen_per_week":2.5}' > "$IN"
bad json_dagen_geen_geheel_getal 'dagen_per_week' verlof
echo '{"grond":"11f","van":"2025-10-10","tot":"2025-10-06","geboren":"2012-05-01"}' > "$IN"
bad json_van_na_tot 'van' verlof
echo '{"grond":"11f","van":"2025-02-29","tot":"2025-03-06","geboren":"2012-05-01"}' > "$IN"
bad json_onmogelijke_datum 'van' verlof
echo '{"grond":"11f","van":"2025-10-06","tot":"2025-10-10","geboren":"2012-05-01","redenen":["mooi_weer"]}' > "$IN"
bad json_onbekende_reden 'redenen' verlof
echo '{"grond":"11f","grond":"11g","van":"2025-10-06","tot":"2025-10-10","geboren":"2012-05-01"}' > "$IN"
bad json_dubbel_veld 'JSON' verlof
echo '{"grond":"11f","tot":"2025-10-10","geboren":"2012-05-01"}' > "$IN"
bad json_van_ontbreekt 'van' verlof

[ $fails -eq 0 ]
