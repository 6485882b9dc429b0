#!/bin/sh
test_description='wd-report check: every problem at its spot, bad input never crashes'
. ./test-lib.sh

test_expect_success 'the example workspace has no problems' '
	test_example_workspace &&
	wd-report -C ws check >out &&
	test_line_count = 0 out
'

# bad_input NAME LOCATION: with file "bad" as oost/people.yaml, check
# exits 1 naming the location, and neither check nor the index (which
# warns) changes a file.
bad_input() {
	loc=$2
	test_expect_success "bad input: $1" '
		test_example_workspace &&
		cp bad ws/oost/people.yaml &&
		test_tree_sum ws >before &&
		test_expect_code 1 wd-report -C ws check >out 2>err &&
		test_grep "^oost/people.yaml:$loc: " out &&
		test_tree_sum ws >after &&
		test_cmp before after &&
		wd-report -C ws index 2>err &&
		test_grep "warning: .oost/people.yaml.:$loc: " err &&
		test_grep "run .wd-report check." err &&
		test_tree_sum ws >after &&
		test_cmp before after
	'
}

printf "people:\n  - id: a\n   name: x\n" >bad
bad_input "broken YAML" "3:4"

printf "people:\n  - id: anna\n    name: Anna\n    table: [1, 2]\n" >bad
bad_input "a wrong type" "4:12"

printf "people:\n  - id: anna\n    name: Anna\n    name: Anja\n" >bad
bad_input "a duplicate key" "4:5"

printf "people:\n  - id: anna\n    name: Ren\351e\n" >bad
bad_input "invalid UTF-8" "3:14"

printf "people:\n  - id: anna\n    name: An\000na\n" >bad
bad_input "a NUL byte" "3:13"

printf "people:\n<<<<<<< HEAD\n  - id: a\n=======\n  - id: b\n>>>>>>> theirs\n" >bad
bad_input "git conflict markers" "2:1"

{ printf "people: "; head -c 100000 /dev/zero | tr "\0" "["; \
  head -c 100000 /dev/zero | tr "\0" "]"; echo; } >bad
bad_input "100,000 levels of nesting" "1:72"

cat >bad <<\EOF
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
people: [*h, *h, *h, *h, *h, *h, *h, *h, *h]
EOF
bad_input "an alias bomb" "7:8"

{ printf "people:\n  - id: a\n    name: \""; head -c 20000000 /dev/zero | tr "\0" x; \
  printf "\"\n"; } >bad
bad_input "a 20 MB value" "3:11"

test_expect_success 'a 40 MB file is refused as too large, at its top' '
	test_example_workspace &&
	{ printf "# "; head -c 40000000 /dev/zero | tr "\0" x; echo; } \
		>ws/oost/people.yaml &&
	test_expect_code 1 wd-report -C ws check >out &&
	test_grep "^oost/people.yaml:1:1: file too large" out
'

# problem NAME SETUP PATTERN: after SETUP on the example, check exits 1
# and prints a line matching PATTERN
problem() {
	setup=$2
	pattern=$3
	test_expect_success "problem: $1" '
		test_example_workspace &&
		eval "$setup" &&
		test_expect_code 1 wd-report -C ws check >out 2>err &&
		test_grep "$pattern" out
	'
}

problem "an unknown role, with a suggestion" \
	"sed -i 's/role: volunteer/role: vrijwilger/' ws/oost/people.yaml" \
	"^oost/people.yaml:[0-9]*:11: unknown role 'vrijwilger' (did you mean 'vrijwilliger'?)$"

problem "an unknown kind, with a suggestion" \
	"sed -i 's/kind: dream/kind: drom/' ws/oost/harvest/table-1.yaml" \
	"^oost/harvest/table-1.yaml:17:11: unknown kind 'drom' (did you mean 'droom'?)$"

problem "an unknown status" \
	"sed -i 's/status: underway$/status: half/' ws/oost/harvest/table-1.yaml" \
	"^oost/harvest/table-1.yaml:[0-9]*:13: unknown status 'half'"

problem "a capacity that is not a number" \
	"sed -i 's/^capacity: 30/capacity: veel/' ws/oost/dialogue.yaml" \
	"^oost/dialogue.yaml:9:11: 'capacity' should be a whole number, not 'veel'$"

problem "a start that is not a time" \
	"sed -i 's/^start: .*/start: volgende week/' ws/oost/dialogue.yaml" \
	"^oost/dialogue.yaml:7:8: 'start' should be a date"

problem "a missing title" \
	"sed -i '/^title:/d' ws/oost/dialogue.yaml" \
	"^oost/dialogue.yaml:2:1: 'title' is missing$"

problem "a list where text belongs" \
	"sed -i 's/^place: .*/place: [a, b]/' ws/oost/dialogue.yaml" \
	"^oost/dialogue.yaml:5:8: 'place' should be text, not a list$"

problem "a duplicate person id" \
	"sed -i 's/id: jan-de-vries/id: anna-de-vries/' ws/oost/people.yaml" \
	"duplicate person id 'anna-de-vries' (first on line 3)$"

problem "an owner who is not a person of the dialogue" \
	"sed -i 's/owner: \[anna-de-vries\]/owner: [anna]/' ws/oost/harvest/table-1.yaml" \
	"^oost/harvest/table-1.yaml:[0-9]*:12: owner 'anna' is not a person of dialogue 'oost'$"

problem "an item id used twice in a dialogue" \
	"sed -i 's/id: t5v3b7k/id: k3x9a2p/' ws/oost/harvest/table-2.yaml" \
	"^oost/harvest/table-2.yaml:3:9: item id 'k3x9a2p' is used twice in dialogue 'oost'$"

test_expect_success 'a relay to or from a dialogue elsewhere is fine' '
	test_example_workspace &&
	sed -i "s/    - lombok/    - zuilen/" ws/oost/dialogue.yaml &&
	sed -i "s/  from: oost/  from: utrecht-west/" ws/lombok/dialogue.yaml &&
	wd-report -C ws check &&
	sed -i "s/^relay:/relay_weg:/" ws/oost/dialogue.yaml &&
	wd-report -C ws check
'

problem "a relay from one side only" \
	"sed -i 's/^relay:/relay_weg:/' ws/oost/dialogue.yaml" \
	"^lombok/dialogue.yaml:[0-9]*:9: the relay comes from 'oost', but 'oost' does not hand it on to 'lombok'$"

problem "a relay to a dialogue here that does not say it comes from here" \
	"sed -i 's/  from: oost/  from: utrecht-west/' ws/lombok/dialogue.yaml" \
	"^oost/dialogue.yaml:[0-9]*:5: the relay goes on to 'lombok', but 'lombok' says it comes from 'utrecht-west'$"

problem "contact data of someone not in people.yaml" \
	"printf '  piet:\n    email: piet@example.org\n' >>ws/oost/contacts.yaml" \
	"contact data of 'piet', who is not in people.yaml"

problem "an e-mail address send would refuse" \
	"sed -i 's/email: anna@example.org/email: anna@example/' ws/oost/contacts.yaml" \
	"^oost/contacts.yaml:3:12: 'email' should be an email address, not 'anna@example'$"

problem "a bad consent" \
	"sed -i 's/named: no/named: misschien/' ws/oost/people.yaml" \
	"consent 'named' should be the date it was given, or no"

problem "a bad wd.yaml is listed too" \
	"sed -i 's/^language: nl/language: fr/' ws/wd.yaml" \
	"^wd.yaml:4:11: unknown language 'fr'"

test_expect_success 'every problem is listed, in file and line order' '
	test_example_workspace &&
	sed -i "s/kind: dream/kind: drom/;s/kind: quote/kind: citat/" \
		ws/oost/harvest/table-1.yaml &&
	sed -i "s/^capacity: 30/capacity: -3/" ws/oost/dialogue.yaml &&
	test_expect_code 1 wd-report -C ws check >out &&
	test_line_count = 3 out &&
	sort -t: -k1,1 -k2,2n out >sorted &&
	test_cmp sorted out
'

test_expect_success 'paths are shown relative to where check runs' '
	test_example_workspace &&
	sed -i "s/kind: dream/kind: drom/" ws/oost/harvest/table-1.yaml &&
	(cd ws/oost && test_expect_code 1 wd-report check >../../out) &&
	test_grep "^harvest/table-1.yaml:17:11: " out &&
	(cd ws/lombok && test_expect_code 1 wd-report check >../../out) &&
	test_grep "^../oost/harvest/table-1.yaml:17:11: " out
'

test_expect_success 'check -q prints the problems but no summary' '
	test_example_workspace &&
	sed -i "s/kind: dream/kind: drom/" ws/oost/harvest/table-1.yaml &&
	test_expect_code 1 wd-report -q -C ws check >out 2>err &&
	test_line_count = 1 out &&
	test_line_count = 0 err
'

test_done
