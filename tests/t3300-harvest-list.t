#!/bin/sh
test_description='wd-harvest list: filters and formats'
. ./test-lib.sh

test_expect_success 'setup' '
	test_example_workspace
'

test_expect_success 'a table of one dialogue, in the workspace language' '
	wd-harvest -C ws list -d oost --kind actie >actual &&
	cat >expect <<-\EOF &&
	dialoog  id       soort  tekst                                                                             eigenaar                      deadline    status
	oost     r2h6j9s  actie  Maandelijkse buurtmaaltijd in De Boog, met een vaste tafel voor nieuwe bewoners.  anna-de-vries                 2027-01-15  bezig
	oost     x1y5z3m  actie  Gesprek met de eigenaar van het winkelpand over tijdelijk gebruik.                jan-de-vries,mohamed-bakkali  2026-12-31  open
	EOF
	test_cmp expect actual
'

test_expect_success 'filters: kind, phase, status, tag, owner by name or id, table' '
	l() { wd-harvest -C ws list --format tsv "$@" | cut -f3 | tail -n +2 | sort | tr "\n" " "; } &&
	test "$(l --kind droom)" = "p4w8n1t " &&
	test "$(l --phase ontwerpen)" = "t5v3b7k w8e4f6g " &&
	test "$(l --status open)" = "x1y5z3m " &&
	test "$(l --tag ontmoeten)" = "p4w8n1t r2h6j9s t5v3b7k " &&
	test "$(l --tag Ontmoeten)" = "p4w8n1t r2h6j9s t5v3b7k " &&
	test "$(l --owner mohamed-bakkali)" = "x1y5z3m " &&
	test "$(l --owner "Anna de Vries")" = "r2h6j9s " &&
	test "$(l --owner mohamed)" = "x1y5z3m " &&
	test "$(l --status open,bezig)" = "r2h6j9s x1y5z3m " &&
	test "$(l --kind droom,mogelijkheid)" = "p4w8n1t t5v3b7k " &&
	test_expect_code 64 wd-harvest -C ws list --status open,bzig 2>err &&
	test_grep "unknown status .bzig. (did you mean .bezig.?)" err &&
	test "$(l --owner ANNA)" = "r2h6j9s " &&
	test_expect_code 65 wd-harvest -C ws list --owner piet 2>err &&
	test_grep "no person .piet." err &&
	test "$(l --table 2 --kind actie)" = "x1y5z3m " &&
	test "$(l --kind vraag)" = ""
'

test_expect_success 'in a dialogue folder only that dialogue is listed' '
	wd-harvest -C ws add -d lombok --kind droom --table 1 "Een bankje" 2>/dev/null &&
	(cd ws/lombok && wd-harvest list --format tsv) | cut -f1 | sort -u >actual &&
	printf "dialogue\nlombok\n" >expect &&
	test_cmp expect actual &&
	wd-harvest -C ws list --format tsv | cut -f1 | sort -u >actual &&
	printf "dialogue\nlombok\noost\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'JSON: one array of objects, YAML keys, canonical values' '
	wd-harvest -C ws list -d oost --format json >out.json &&
	python3 - out.json <<-\EOF
	import json, sys
	items = json.load(open(sys.argv[1]))
	assert len(items) == 9, len(items)
	act = [i for i in items if i["id"] == "x1y5z3m"][0]
	assert act["kind"] == "action" and act["status"] == "open", act
	assert act["owner"] == ["jan-de-vries", "mohamed-bakkali"], act
	assert act["table"] == 2, act
	q = [i for i in items if i["kind"] == "quote"][0]
	assert q["named"] is True, q
	assert set(items[0]) == {"dialogue", "source", "id", "kind", "phase",
	    "text", "by", "role", "table", "tags", "owner", "due", "status",
	    "need", "named", "created"}, items[0].keys()
	EOF
'

test_expect_success 'CSV has a header and CRLF; an empty list is only the header' '
	wd-harvest -C ws list --kind vraag --format csv >out.csv &&
	printf "dialogue,source,id,kind,phase,text,by,role,table,tags,owner,due,status,need,named,created\r\n" >expect &&
	test_cmp expect out.csv &&
	wd-harvest -C ws list --kind vraag --format json >out.json &&
	echo "[]" >expect &&
	test_cmp expect out.json
'

test_expect_success 'the row order is stable: dialogue, source, file order' '
	wd-harvest -C ws list --format tsv >a &&
	wd-harvest -C ws list --format tsv >b &&
	test_cmp a b &&
	cut -f1,2,3 a | tail -n +2 >actual &&
	sort -s -t "	" -k1,2 actual >sorted &&
	test_cmp sorted actual &&
	sed -n 2,5p actual >first &&
	printf "oost\ttable-1\tk3x9a2p\noost\ttable-1\tm7q2c8d\noost\ttable-1\tp4w8n1t\noost\ttable-1\tr2h6j9s\n" >expect &&
	test_cmp expect first
'

test_expect_success 'bad options are usage errors' '
	test_expect_code 64 wd-harvest -C ws list --format xml 2>err &&
	test_grep "unknown format .xml." err &&
	test_expect_code 64 wd-harvest -C ws list --kind drom 2>err &&
	test_grep "did you mean .droom." err &&
	test_expect_code 64 wd-harvest -C ws list --table nul &&
	test_expect_code 64 wd-harvest -C ws list extra &&
	test_expect_code 66 wd-harvest -C ws list -d zuid
'

test_expect_success '--owner jan means Jan when there is a Jan, not every jan-...' '
	rm -rf jw && cp -R ws jw &&
	wd-invite -q -C jw add -d oost "Jan" &&
	wd-harvest -q -C jw set p4w8n1t --owner jan &&
	l() { wd-harvest -C jw list --format tsv "$@" | cut -f3 | tail -n +2 | sort | tr "\n" " "; } &&
	test "$(l --owner jan)" = "p4w8n1t " &&
	test "$(l --owner Jan)" = "p4w8n1t " &&
	test "$(l --owner "Jan de Vries")" = "x1y5z3m "
'

test_done
