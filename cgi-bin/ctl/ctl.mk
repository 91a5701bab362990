# verzuimctl: the policy CSV is compiled into the binary, so the rule subcommands need no database.
cgi-bin/ctl/policies_csv.inc: sql/policies.csv
	od -An -v -tx1 sql/policies.csv | sed -e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g' > $@.tmp && mv $@.tmp $@
cgi-bin/ctl/policies.o: cgi-bin/ctl/policies_csv.inc

# The fuzz target of verzuimctl's leave-request JSON links its reader itself (the CSV readers are
# in parse/, which every fuzz target links).
FUZZ_EXTRA_fuzz_verlof_json = cgi-bin/ctl/verlofjson.c
