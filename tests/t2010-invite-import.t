#!/bin/sh
test_description='wd-invite import: people from CSV, all or nothing, updated not duplicated'
. ./test-lib.sh

new_workspace() {
	rm -rf ws && mkdir ws && (cd ws && wd-init -q &&
		wd-init -q oost --title "Elkaar zien" --theme "elkaar zien" \
			--start 2026-12-12T19:30)
}

test_expect_success 'Excel: a BOM, semicolons, Dutch headers and names with accents' '
	new_workspace &&
	printf "\357\273\277naam;e-mail;rol\r\n" >mensen.csv &&
	printf "Özlem Yıldız;ozlem@example.org;bewoner\r\n" >>mensen.csv &&
	printf "Fatima-Zahra El Amrani;fz@example.org;professional\r\n" >>mensen.csv &&
	printf "Jan de Vries;jan@example.org;gemeente\r\n" >>mensen.csv &&
	wd-invite -C ws import ../mensen.csv 2>err &&
	test_grep "mensen.csv: 3 added, 0 updated, 0 unchanged" err &&
	cat >expect <<-\EOF &&
	# Deelnemers van '\''oost'\''; contactgegevens staan in contacts.yaml (zie wd(5)).
	people:
	  - id: ozlem-yildiz
	    name: Özlem Yıldız
	    role: resident
	  - id: fatima-zahra-el-amrani
	    name: Fatima-Zahra El Amrani
	    role: professional
	  - id: jan-de-vries
	    name: Jan de Vries
	    role: municipality
	EOF
	test_cmp expect ws/oost/people.yaml &&
	cat >expect <<-\EOF &&
	# Contactgegevens: persoonsgegevens, niet in git (zie wd(5)).
	contacts:
	  ozlem-yildiz:
	    email: ozlem@example.org
	  fatima-zahra-el-amrani:
	    email: fz@example.org
	  jan-de-vries:
	    email: jan@example.org
	EOF
	test_cmp expect ws/oost/contacts.yaml &&
	test "$(stat -c %a ws/oost/contacts.yaml)" = 600 &&
	wd-report -C ws check
'

test_expect_success 'importing the same file again changes nothing' '
	test_tree_sum ws >before &&
	wd-invite -C ws import ../mensen.csv 2>err &&
	test_grep "0 added, 0 updated, 3 unchanged" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'a changed e-mail address updates that one person' '
	cp ws/oost/people.yaml people.before &&
	sed "s/jan@example.org/j.devries@example.org/" mensen.csv >mensen2.csv &&
	wd-invite -C ws -v import ../mensen2.csv 2>err &&
	test_grep "0 added, 1 updated, 2 unchanged" err &&
	test_grep "updated .Jan de Vries. (jan-de-vries): email" err &&
	test_cmp people.before ws/oost/people.yaml &&
	grep -c "@" ws/oost/contacts.yaml >n &&
	echo 3 >expect && test_cmp expect n &&
	test_grep "^    email: j.devries@example.org$" ws/oost/contacts.yaml &&
	test_grep -v "jan@example.org" ws/oost/contacts.yaml
'

test_expect_success 'a row is matched by e-mail first: a new name renames the person' '
	printf "name,email\nJan de Vries-Bakker,j.devries@example.org\n" >rename.csv &&
	wd-invite -C ws import ../rename.csv 2>err &&
	test_grep "0 added, 1 updated" err &&
	test_grep "^    name: Jan de Vries-Bakker$" ws/oost/people.yaml &&
	test_grep "^  - id: jan-de-vries$" ws/oost/people.yaml
'

test_expect_success 'a windows-1252 file without --encoding: 65, and the hint' '
	new_workspace &&
	printf "naam;rol\r\nRen\351e Fran\347ois;bewoner\r\n" >oud.csv &&
	test_tree_sum ws >before &&
	test_expect_code 65 wd-invite -C ws import ../oud.csv 2>err &&
	test_grep "oud.csv.:2:1: not UTF-8 (byte 0xe9)" err &&
	test_grep "^hint: .*--encoding windows-1252" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'with --encoding windows-1252 the accents are right' '
	wd-invite -C ws import --encoding windows-1252 ../oud.csv &&
	test_grep "^    name: Renée François$" ws/oost/people.yaml &&
	test_grep "^  - id: renee-francois$" ws/oost/people.yaml
'

test_expect_success 'an unterminated quote on row 7: 65, row 7, people.yaml byte-identical' '
	cat >quote.csv <<-\EOF &&
	name,role
	Anna,resident
	Bert,volunteer
	Carla,resident
	Dirk,professional
	Eva,resident
	"Frank,resident
	Gerda,resident
	EOF
	cp ws/oost/people.yaml people.before &&
	test_tree_sum ws >before &&
	test_expect_code 65 wd-invite -C ws import ../quote.csv 2>err &&
	test_grep "quote.csv.:7:1: broken CSV: a quote is not closed" err &&
	cmp people.before ws/oost/people.yaml &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'a bad value on any row stops the whole import, at FILE:ROW:COLUMN' '
	cat >bad.csv <<-\EOF &&
	name,email,role
	Anna,anna@example.org,resident
	Bert,bert@example.org,bewonr
	EOF
	test_tree_sum ws >before &&
	test_expect_code 65 wd-invite -C ws import ../bad.csv 2>err &&
	test_grep "bad.csv.:3:3: unknown role .bewonr. (did you mean .bewoner.?)" err &&
	printf "name,email\nAnna,anna-at-example.org\n" >bad.csv &&
	test_expect_code 65 wd-invite -C ws import ../bad.csv 2>err &&
	test_grep "bad.csv.:2:2: .anna-at-example.org. is not an e-mail address" err &&
	printf "name,consent_named\nAnna,misschien\n" >bad.csv &&
	test_expect_code 65 wd-invite -C ws import ../bad.csv 2>err &&
	test_grep "bad.csv.:2:2: .misschien. is not a consent" err &&
	printf "email,role\nanna@example.org,resident\n" >bad.csv &&
	test_expect_code 65 wd-invite -C ws import ../bad.csv 2>err &&
	test_grep "no column .name. (or .naam.)" err &&
	printf "name,rol,colour\nAnna,resident,red\n" >bad.csv &&
	test_expect_code 65 wd-invite -C ws import ../bad.csv 2>err &&
	test_grep "bad.csv.:1:3: unknown column .colour." err &&
	printf "name,role\n,resident\n" >bad.csv &&
	test_expect_code 65 wd-invite -C ws import ../bad.csv 2>err &&
	test_grep "bad.csv.:2:1: a person needs a name" err &&
	printf "name\nAnna\000\n" >bad.csv &&
	test_expect_code 65 wd-invite -C ws import ../bad.csv 2>err &&
	test_grep "NUL byte" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'spreadsheet ways: a sep= line, empty rows, a column left out by its empty header' '
	rm -rf sp && test_example_workspace sp &&
	printf "sep=;\r\nnaam;e-mail;;rol\r\nPiet Sep;piet@example.org;10:15;bewoner\r\n;;;\r\n\r\nKlaas Sep;;;\r\n" >sep.csv &&
	wd-invite -C sp import -d oost ../sep.csv 2>err &&
	test_grep "2 added" err &&
	test_grep "^    name: Piet Sep$" sp/oost/people.yaml &&
	test_grep "^    name: Klaas Sep$" sp/oost/people.yaml &&
	printf "sep=\nnaam;e-mail\nJan Sep;jan@example.org\n" >nosep.csv &&
	test_expect_code 65 wd-invite -C sp import -d oost ../nosep.csv 2>err &&
	test_grep "nosep.csv.:1:1: unknown column .sep=." err &&
	printf "sep=;\nTijdstempel;naam\n2026-11-01;Jan Sep\n" >extra.csv &&
	test_tree_sum sp >before &&
	test_expect_code 65 wd-invite -C sp import -d oost ../extra.csv 2>err &&
	test_grep "^wd-invite: .*extra.csv.:2:1: unknown column .Tijdstempel.$" err &&
	test_grep "^hint: the columns it knows: id, name, email, " err &&
	test_grep "a column with an empty header is left out$" err &&
	test_tree_sum sp >after &&
	test_cmp before after
'

test_expect_success 'the same person twice in one file is an error' '
	printf "name,email\nAnna,a@example.org\nAnne,A@example.org\n" >twice.csv &&
	test_expect_code 65 wd-invite -C ws import ../twice.csv 2>err &&
	test_grep "twice.csv.:3:2: the e-mail address .A@example.org. is also on row 2" err &&
	printf "name\nKees Bakker\nkees bakker\n" >twice.csv &&
	test_expect_code 65 wd-invite -C ws import ../twice.csv 2>err &&
	test_grep "twice.csv.:3:1: .kees bakker. is also on row 2" err &&
	printf "name,email\nKees,k1@example.org\nKees,k2@example.org\n" >twice.csv &&
	wd-invite -C ws -q import ../twice.csv &&
	test_grep "id: kees-2" ws/oost/people.yaml
'

test_expect_success 'a name that is two people needs their e-mail address' '
	printf "name,role\nKees,volunteer\n" >kees.csv &&
	test_expect_code 65 wd-invite -C ws import ../kees.csv 2>err &&
	test_grep "kees.csv.:2:1: .Kees. could be .kees. or .kees-2." err
'

test_expect_success 'consent: yes is the date of the import; empty means no; dates are kept' '
	new_workspace &&
	cat >c.csv <<-\EOF &&
	naam,toestemming_contact,toestemming_naam,toestemming_foto
	Anna,ja,1,nee
	Bert,yes,,2026-10-01
	EOF
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q import ../c.csv &&
	sed -n "/id: anna/,/id: bert/p" ws/oost/people.yaml >anna &&
	test_grep "contact: 2026-11-20" anna &&
	test_grep "named: 2026-11-20" anna &&
	test_grep "photo: no" anna &&
	sed -n "/id: bert/,\$p" ws/oost/people.yaml >bert &&
	test_grep "photo: 2026-10-01" bert &&
	test_grep -v "named" bert &&
	test_tree_sum ws >before &&
	WD_NOW=2026-12-01T10:00 wd-invite -C ws -q import ../c.csv &&
	test_tree_sum ws >after &&
	test_cmp before after &&
	printf "naam,toestemming_naam\nAnna,\n" >c2.csv &&
	WD_NOW=2026-12-01T10:00 wd-invite -C ws -q import ../c2.csv &&
	sed -n "/id: anna/,/id: bert/p" ws/oost/people.yaml >anna &&
	test_grep "named: no" anna
'

test_expect_success 'the CSV of list re-imports to the same data' '
	new_workspace &&
	cat >all.csv <<-\EOF &&
	name,email,phone,role,organisation,lang,host,note
	Anna de Vries,anna@example.org,+31 6 12345678,resident,,,ja,"belt liever, mailt niet"
	Jan de Vries,jan@example.org,,municipality,Gemeente Utrecht,en,,=wil graag spreken
	EOF
	wd-invite -C ws -q import ../all.csv &&
	test_grep "^    host: true$" ws/oost/people.yaml &&
	wd-invite -C ws list --format csv --contacts >list.csv &&
	test_grep "^anna-de-vries,Anna de Vries,resident,,,,.*,'"'"'+31 6 12345678," list.csv &&
	test_tree_sum ws >before &&
	wd-invite -C ws import ../list.csv 2>err &&
	test_grep "0 added, 0 updated, 2 unchanged" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'import from stdin, and --dry-run that writes nothing' '
	test_tree_sum ws >before &&
	printf "name,role\nPiet Post,vrijwilliger\nAnna de Vries,volunteer\n" |
		wd-invite -C ws import --dry-run - >out 2>err &&
	test_grep "^would add .Piet Post. (piet-post)$" out &&
	test_grep "^would update .Anna de Vries. (anna-de-vries): role$" out &&
	test_grep "stdin: 1 to add, 1 to update" err &&
	test_tree_sum ws >after &&
	test_cmp before after &&
	printf "name\nPiet Post\n" | wd-invite -C ws -q import &&
	test_grep "id: piet-post" ws/oost/people.yaml
'

test_expect_success 'a hand-edited people.yaml keeps its comments through an import' '
	cat >ws/oost/people.yaml <<-\EOF &&
	# met de hand bijgehouden
	people:
	- id: anna-de-vries   # de eerste
	  name: Anna de Vries
	  role: resident
	  # belt op dinsdag
	  note: kent iedereen
	EOF
	cp ws/oost/people.yaml before.yaml &&
	printf "name,role\nAnna de Vries,volunteer\nPiet Post,resident\n" >p.csv &&
	wd-invite -C ws -q import ../p.csv &&
	diff before.yaml ws/oost/people.yaml >d || true &&
	cat >expect <<-\EOF &&
	5c5
	<   role: resident
	---
	>   role: volunteer
	7a8,10
	> - id: piet-post
	>   name: Piet Post
	>   role: resident
	EOF
	test_cmp expect d
'

test_expect_success 'a people.yaml with problems is not changed on a guess' '
	printf "people:\n  - id: anna\n    name: Anna\n    role: bewonr\n" >ws/oost/people.yaml &&
	test_tree_sum ws >before &&
	test_expect_code 65 wd-invite -C ws import ../p.csv 2>err &&
	test_grep "people.yaml.:4:11: unknown role .bewonr." err &&
	test_grep "^hint: fix the file first" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'a file that is not there is 66; a bad --encoding is 64' '
	test_expect_code 66 wd-invite -C ws import nergens.csv &&
	test_expect_code 64 wd-invite -C ws import --encoding ebcdic ../p.csv &&
	test_expect_code 64 wd-invite -C ws import ../p.csv ../p.csv
'

test_expect_success 'a large import: 3000 people, one edit per file, all of them back' '
	test_example_workspace big &&
	awk "BEGIN { print \"naam,e-mail,rol,begeleider\";
		for (i = 1; i <= 3000; i++)
			printf \"Buur %d,buur%d@example.org,bewoner,%s\n\", i, i, (i % 1000 ? \"\" : \"ja\") }" >big.csv &&
	before=$(grep -c "^  - id:" big/oost/people.yaml) &&
	wd-invite -C big import -d oost ../big.csv 2>err &&
	test_grep "3000 added, 0 updated, 0 unchanged" err &&
	test $(grep -c "^  - id:" big/oost/people.yaml) = $((before + 3000)) &&
	test $(grep -c "^    email: buur" big/oost/contacts.yaml) = 3000 &&
	test $(grep -c "^    host: true" big/oost/people.yaml) -ge 3 &&
	wd-report -C big check &&
	wd-invite -C big list -d oost --format csv >list.csv &&
	grep -c "buur" list.csv >n && echo 3000 >expect && test_cmp expect n
'

test_expect_success 'the same large file again changes nothing; one new name is added' '
	test_tree_sum big >before &&
	wd-invite -C big import -d oost ../big.csv 2>err &&
	test_grep "0 added, 0 updated, 3000 unchanged" err &&
	test_tree_sum big >after &&
	test_cmp before after &&
	sed "s/^Buur 2999,buur2999@/Buurvrouw 2999,buur2999@/" big.csv >renamed.csv &&
	wd-invite -C big import -d oost ../renamed.csv 2>err &&
	test_grep "0 added, 1 updated, 2999 unchanged" err &&
	test_grep "name: Buurvrouw 2999" big/oost/people.yaml
'

test_expect_success 'a person twice deep in a large file names both rows' '
	sed "s/^Buur 2500,buur2500@/Buur 2500,buur17@/" big.csv >twice.csv &&
	test_expect_code 65 wd-invite -C big import -d oost ../twice.csv 2>err &&
	test_grep "twice.csv.:2501:1: this row and row 18 are both .buur-17.$" err &&
	sed "s/^Buur 250[01],buur250[01]@example.org/Nieuwe Buur,/" big.csv >twice.csv &&
	test_expect_code 65 wd-invite -C big import -d oost ../twice.csv 2>err &&
	test_grep "twice.csv.:2502:1: .Nieuwe Buur. is also on row 2501" err
'

test_done
