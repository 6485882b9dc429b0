#!/bin/sh
# make-seeds.sh - (re)make the committed seed corpora in tests/fuzz/corpus/
#
#   tests/fuzz/make-seeds.sh      (from the top folder)
#
# Seeds are small real inputs (the example workspace, the question sets)
# and hand-made edge cases, one file each.  Inputs that once crashed a
# harness are added by hand as corpus/NAME/crash-*: this script keeps
# them.  A new harness adds a section here.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
c="$top/tests/fuzz/corpus"
ex="$top/share/wd/examples/workspace"
cd "$top"

seed() {	# seed NAME FILE: stdin into corpus/NAME/FILE
	mkdir -p "$c/$1"
	cat >"$c/$1/$2"
}

# --- yaml: whole files, as each kind of record ---
for f in wd.yaml oost/dialogue.yaml oost/people.yaml oost/contacts.yaml \
	 oost/harvest/table-1.yaml oost/harvest/table-2.yaml \
	 lombok/dialogue.yaml lombok/people.yaml; do
	seed yaml "example-$(echo "$f" | tr / -)" <"$ex/$f"
done
seed yaml questions-nl <share/wd/questions/nl/default.yaml
seed yaml themes-nl <share/wd/themes/nl.yaml
printf 'a: &a [x, y]\nb: [*a, *a, *a]\nc: *b\n' | seed yaml alias
printf 'people:\n<<<<<<< HEAD\n  - id: a\n=======\n  - id: b\n>>>>>>> x\n' | seed yaml conflict
printf '\357\273\277title: "Caf\303\251 \\u00e9"\r\nstart: 2026-12-12T19:30\r\n' | seed yaml bom-crlf
printf 'items:\n  - {id: a, kind: dream, text: "x", tags: [a, b], owner: p}\n  - id: b\n    kind: action\n    due: 2027-13-45\n    history:\n      - at: 2026-12-20\n        status: bezig\n' | seed yaml harvest-odd
printf 'title: !!str 12\nstart: !!timestamp 2026-12-12\ncapacity: 0x1F\ntables: -1\nhosts: anna\n' | seed yaml tags
printf 'x: |\n  een\n   twee\n\n  drie\ny: >-\n  a\n  b\nz: "\\x41\\u00e9\\N"\n' | seed yaml block-scalars
printf -- '--- a\n--- b\n' | seed yaml two-documents
printf 'people:\n  - id: a\n    name: A\n    name: B\n' | seed yaml duplicate-key
printf 'people: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n' | seed yaml deep
printf 'a: "\\x01"\nb: caf\351\n' | seed yaml bad-bytes
printf '? [a, b]\n: c\n' | seed yaml complex-key

# --- yedit: op, collection, key, value length, value, document ---
i=0
for f in oost/dialogue.yaml oost/harvest/table-1.yaml oost/people.yaml lombok/dialogue.yaml; do
	for op in 0 1 2 3 4; do
		i=$((i + 1))
		{ printf "\\$(printf %o $op)\\$(printf %o $((i * 7 % 40)))\\$(printf %o $((i * 13 % 200)))\\013Nieuw: \"w\"\n"; cat "$ex/$f"; } |
			seed yedit "example-$i"
	done
done
printf '\000\000\000\001x' | seed yedit empty-document
printf '\002\001\200\003a b# comment\nitems: []   # none yet\n' | seed yedit flow-empty
printf '\004\001\000\000- - a\n  - b\n- c\n' | seed yedit nested-seq
printf '\001\000\000\000- k: v\n- a: 1\n  b: 2\n' | seed yedit seq-of-maps
printf '\000\000\000\004\302\205x\342\200\250a: {b: 1, c: [d, e]}\nf: |\n  lit\n' | seed yedit odd-value
printf '\003\001\000\002a\rtitle: x\r\nrelay:\r\n  to:\r\n    - a\r\n' | seed yedit crlf

# --- csv: spec and encoding byte, then the file ---
# byte 0: 0 people utf-8, 1 harvest utf-8, 2 people (no encoding), 5 harvest windows-1252
printf '\001soort;tekst;tafel;tags;eigenaar;deadline\ndroom;"Idee; met ""aanhalingstekens""";2;groen, buurt;;\nactie;Opruimen;1;;anna;2027-03-01\n' | seed csv harvest-nl
printf '\001\357\273\277Kind,Text,By,Owner,Status\r\naction,Opruimen,Anna de Vries,"anna, jan",bezig\r\n' | seed csv harvest-bom-crlf
printf "\\001kind,text\\ndream,'=1+1\\nquote,\"-2\"\\nidea,@SUM(A1)\\nx,\"\\tz\"\\ny,'''+3\\n" | seed csv harvest-formulas
printf '\005soort;tekst\ndroom;caf\351 \200 \223quote\224\n' | seed csv harvest-cp1252
printf '\000naam,e-mail,rol,toestemming_contact\n\303\226zlem Y\304\261ld\304\261z,ozlem@example.org,bewoner,ja\nJan,,vrijwilliger,nee\n' | seed csv people-nl
printf '\000name,email\n"broken,x\n' | seed csv broken-quote
printf '\000name,name\nA,B\n' | seed csv twice
printf '\002name\tnote\nA\t"two\nlines"\n' | seed csv tabs
printf '\000nmae,email\nA,b\n' | seed csv unknown-column
printf '\000name\n\n\nA\n\n' | seed csv blank-lines
printf '\000name,email\nA,b,c\n' | seed csv too-many

# --- template: escape flag, template, NUL, values ---
printf '\000' | seed template empty
{ printf '\000'; sed -n 's/^question: //p' share/wd/questions/nl/default.yaml; } | seed template question
printf '\001<p title="{{title}}">Beste {{ name }},</p>\000<Anna & "Jan">\000x'"'"'y' | seed template html
printf '\000{{name}} {{nmae}}' | seed template unknown
printf '\000a {{ name\nb' | seed template unfinished
printf '\000{{{name}}} {{start.date}} {{place-name}}\000{{x}}\000t\000d\000p\000{{name}}' | seed template nested-values
printf '\000{ {} {{}} }}{{' | seed template braces

# --- search: queries ---
printf 'moestuin' | seed search word
printf 'speeltuin*' | seed search prefix
printf '"buurt huis"' | seed search phrase
printf 'groen AND NOT school' | seed search boolean
printf 'tags:groen' | seed search column
printf 'NEAR(moestuin buurthuis, 3)' | seed search near
printf '^Een' | seed search caret
printf 'ozlem OR cafe' | seed search accents
printf '"' | seed search lone-quote
printf '(' | seed search lone-paren
printf '*' | seed search lone-star
printf 'text:' | seed search empty-column
printf '\303\226ZLEM' | seed search capital-umlaut
printf '{text need}: verf' | seed search column-set
