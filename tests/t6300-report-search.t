#!/bin/sh
test_description='wd-report search: full text, ranked, accents and stems'
. ./test-lib.sh

PHRASE='"moestuin achter"'
WRONG_ORDER='"achter moestuin"'
OPEN_QUOTE='"open'

test_expect_success 'setup' '
	test_example_workspace &&
	wd-harvest -C ws add -d lombok --kind droom --table 1 \
		"Meer speeltuinen voor de kleintjes" 2>/dev/null &&
	wd-harvest -C ws add -d lombok --kind actie --table 1 \
		--need "Een caféruimte van de moskee" "Iftar voor de hele straat" 2>/dev/null
'

test_expect_success 'cafe finds Café: accents do not matter' '
	wd-report -C ws search cafe --format tsv >out &&
	test_grep "	t5v3b7k	" out &&
	test_grep "\\[café\\]" out
'

test_expect_success 'speeltuin finds speeltuinen: words are stemmed' '
	wd-report -C ws search speeltuin >out &&
	test_grep "^lombok/.*Meer \\[speeltuinen\\] voor" out
'

test_expect_success 'a phrase finds exactly that phrase' '
	wd-report -C ws search "$PHRASE" --format tsv >out &&
	test_line_count = 2 out &&
	test_grep "	p4w8n1t	" out &&
	test_expect_code 1 wd-report -C ws search "$WRONG_ORDER" >out
'

test_expect_success 'prefix queries, tags and what is needed are searched too' '
	wd-report -C ws search "ontmoet*" --format json >out.json &&
	python3 - out.json p4w8n1t t5v3b7k r2h6j9s <<-\EOF &&
	import json, sys
	found = {x["id"] for x in json.load(open(sys.argv[1]))}
	assert found == set(sys.argv[2:]), found
	EOF
	wd-report -C ws search moskee --format tsv >out &&
	test_grep "Iftar voor de hele straat" out
'

test_expect_success 'results are ranked, best first' '
	wd-harvest -C ws add -d oost --kind droom --table 9 "buurt buurt buurt" 2>/dev/null &&
	wd-report -C ws search buurt --format tsv | sed -n 2p | cut -f5 >first &&
	echo "buurt buurt buurt" >expect &&
	test_cmp expect first
'

test_expect_success 'one dialogue with -d; --limit' '
	wd-report -C ws search buurt -d lombok --format tsv | tail -n +2 | cut -f1 | sort -u >d &&
	test_must_fail grep oost d &&
	test "$(wd-report -C ws search buurt --limit 1 --format tsv | wc -l)" = 2
'

test_expect_success 'nothing found: exit 1, nothing printed' '
	test_expect_code 1 wd-report -C ws search fietsenmaker >out &&
	test_line_count = 0 out
'

test_expect_success 'words with a hyphen or an apostrophe are searched as typed' '
	wd-harvest -q -C ws add -d oost --kind droom --table 1 \
		"Een markt in Utrecht-Oost zonder auto'"'"'s" &&
	for q in Utrecht-Oost "auto'"'"'s" "utrecht-oost markt" "auto'"'"'s*" "(markt OR tuin) AND Utrecht-Oost"
	do
		wd-report -C ws search "$q" --format tsv >out &&
		test_line_count = 2 out &&
		test_grep "\[Utrecht-Oost\]\|\[auto.s\]" out || return 1
	done
'

test_expect_success 'phrases with a prefix, a phrase right after a word, column filters stay' '
	ids() { wd-report -C ws search "$1" --format tsv | tail -n +2 | cut -f2 | sort | tr "\n" " "; } &&
	test "$(ids "\"de bo\"*")" = "k3x9a2p r2h6j9s " &&
	test "$(ids "De-Boog\"een vaste\"")" = "r2h6j9s " &&
	test "$(ids text:moestuin)" = "p4w8n1t " &&
	test "$(ids tags:groen)" = "p4w8n1t " &&
	test "$(ids "text:\"moestuin achter\"")" = "p4w8n1t "
'

test_expect_success 'a query FTS5 rejects is exit 65 with a message' '
	test_expect_code 65 wd-report -C ws search "AND OR (" 2>err &&
	test_grep "^wd-report: cannot search for .AND OR (.: fts5: syntax error" err &&
	test_grep "^hint: " err &&
	test_expect_code 65 wd-report -C ws search "$OPEN_QUOTE" 2>err
'

test_expect_success 'usage errors' '
	test_expect_code 64 wd-report -C ws search &&
	test_expect_code 64 wd-report -C ws search a b &&
	test_expect_code 64 wd-report -C ws search --format xml a &&
	test_expect_code 66 wd-report -C ws search -d zuid a
'

test_expect_success 'the search index follows changes and removals' '
	wd-harvest -C ws set -d lombok "$(wd-report -C ws search iftar --format tsv | sed -n 2p | cut -f2)" \
		--need "een grote tent" &&
	test_expect_code 1 wd-report -C ws search moskee &&
	wd-report -C ws search tent >/dev/null &&
	rm ws/lombok/harvest/table-1.yaml &&
	test_expect_code 1 wd-report -C ws search speeltuin
'

test_done
