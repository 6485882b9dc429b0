#!/bin/sh
test_description='wd-invite add and list: people, their contact data, privacy of contacts.yaml'
. ./test-lib.sh

test_expect_success 'a fresh workspace with git ignores contacts.yaml' '
	mkdir ws && (cd ws && wd-init -q --git &&
		wd-init -q oost --title "Elkaar zien" --theme "elkaar zien" \
			--start 2026-12-12T19:30 --capacity 30) &&
	(cd ws && WD_NOW=2026-11-20T10:00 wd-invite add "Anna de Vries" \
		--email anna@example.org --phone "06 12345678" --role bewoner \
		--host --consent contact,named 2>../err) &&
	test_grep "added .Anna de Vries. (anna-de-vries)" err &&
	git -C ws check-ignore -q oost/contacts.yaml &&
	git -C ws status --porcelain --untracked-files=all >status &&
	test_grep "oost/people.yaml" status &&
	test_grep -v "contacts" status
'

test_expect_success 'contacts.yaml is made readable by its owner only' '
	test "$(stat -c %a ws/oost/contacts.yaml)" = 600 &&
	test "$(stat -c %a ws/oost/people.yaml)" = 644
'

test_expect_success 'the person goes to people.yaml, contact data to contacts.yaml' '
	cat >expect <<-\EOF &&
	# Deelnemers van '\''oost'\''; contactgegevens staan in contacts.yaml (zie wd(5)).
	people:
	  - id: anna-de-vries
	    name: Anna de Vries
	    role: resident
	    consent:
	      contact: 2026-11-20
	      named: 2026-11-20
	    host: true
	EOF
	test_cmp expect ws/oost/people.yaml &&
	cat >expect <<-\EOF &&
	# Contactgegevens: persoonsgegevens, niet in git (zie wd(5)).
	contacts:
	  anna-de-vries:
	    email: anna@example.org
	    phone: "06 12345678"
	EOF
	test_cmp expect ws/oost/contacts.yaml &&
	wd-report -C ws check
'

test_expect_success 'ids are slugs of names, -2 on a clash (with --force)' '
	(cd ws && wd-invite -q add "Özlem Yıldız" --role resident &&
		wd-invite -q add "Fatima-Zahra El Amrani" --role zorg \
			--organisation "Welzijn Oost" &&
		wd-invite -q add "Jan de Vries" --role gemeente &&
		wd-invite -q add "Jan de Vries" --role anders --force) &&
	grep "^  - id: " ws/oost/people.yaml >ids &&
	cat >expect <<-\EOF &&
	  - id: anna-de-vries
	  - id: ozlem-yildiz
	  - id: fatima-zahra-el-amrani
	  - id: jan-de-vries
	  - id: jan-de-vries-2
	EOF
	test_cmp expect ids
'

test_expect_success 'the same name or e-mail address twice is refused (65), nothing written' '
	test_tree_sum ws >before &&
	test_expect_code 65 wd-invite -C ws add "anna de vries" 2>err &&
	test_grep "already in .oost. as .anna-de-vries." err &&
	test_grep "^hint: use --force" err &&
	test_expect_code 65 wd-invite -C ws add "Anna Jansen" \
		--email ANNA@example.org 2>err &&
	test_grep "already that of .Anna de Vries." err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

# people.yaml is written first, contacts.yaml next: an add stopped
# between the two (t8300 kills one there) is finished by the same add,
# and only by exactly that one
test_expect_success 'the same add again finishes one stopped before its contact data' '
	rm -rf ws2 && cp -R ws ws2 &&
	wd-invite -q -C ws2 add "Nieuwe Buur" --role bewoner --consent contact &&
	test_tree_sum ws2 >before &&
	test_expect_code 65 wd-invite -C ws2 add "Nieuwe Buur" --role vrijwilliger \
		--email nieuw@example.org 2>err &&
	test_grep "already in .oost. as .nieuwe-buur." err &&
	test_expect_code 65 wd-invite -C ws2 add "Nieuwe Buur" --role bewoner \
		--email nieuw@example.org 2>err &&
	test_expect_code 65 wd-invite -C ws2 add "Nieuwe Buur" --role bewoner \
		--consent contact 2>err &&
	test_tree_sum ws2 >after &&
	test_cmp before after &&
	wd-invite -C ws2 add "Nieuwe Buur" --role bewoner --consent contact \
		--email nieuw@example.org 2>err &&
	test_grep "updated .Nieuwe Buur. (nieuwe-buur): email$" err &&
	test $(grep -c "name: Nieuwe Buur" ws2/oost/people.yaml) = 1 &&
	wd-invite -C ws2 list --contacts --format csv >list &&
	test_grep "^nieuwe-buur,Nieuwe Buur,resident,,,,nieuw@example.org," list &&
	test_expect_code 65 wd-invite -C ws2 add "Nieuwe Buur" --role bewoner \
		--consent contact --phone 030-1234567 2>err &&
	test_grep "already in .oost. as .nieuwe-buur." err &&
	# another day, or an add with no consent to date it: another person
	wd-invite -q -C ws2 add "Piet Later" --consent contact &&
	test_expect_code 65 env WD_NOW=2031-01-01T10:00 wd-invite -C ws2 add \
		"Piet Later" --consent contact --email piet@example.org 2>err &&
	test_grep "already in .oost. as .piet-later." err &&
	wd-invite -q -C ws2 add "Klaas Zonder" &&
	test_expect_code 65 wd-invite -C ws2 add "Klaas Zonder" \
		--email klaas@example.org 2>err &&
	test_grep "already in .oost. as .klaas-zonder." err
'

test_expect_success 'bad values are usage errors (64) that write nothing' '
	test_tree_sum ws >before &&
	test_expect_code 64 wd-invite -C ws add "Piet" --role bewonr 2>err &&
	test_grep "unknown role .bewonr. (did you mean .bewoner.?)" err &&
	test_expect_code 64 wd-invite -C ws add "Piet" --email piet 2>err &&
	test_grep ".piet. is not an e-mail address" err &&
	test_expect_code 64 wd-invite -C ws add "Piet" --lang fr &&
	test_expect_code 64 wd-invite -C ws add "$(printf "Piet\nPost")" &&
	test_expect_code 64 wd-invite -C ws add "" &&
	test_expect_code 64 wd-invite -C ws add &&
	test_expect_code 64 wd-invite -C ws add Piet Post &&
	test_expect_code 64 wd-invite -C ws add Piet --consent fotos 2>err &&
	test_grep "unknown purpose .fotos." err &&
	test_expect_code 64 wd-invite -C ws add Piet --size 3 2>err &&
	test_grep "add does not take --size" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success '--dry-run says what it would add and writes nothing' '
	test_tree_sum ws >before &&
	wd-invite -C ws add "Piet Post" --email piet@example.org --dry-run >out &&
	test_grep "^would add .Piet Post. (piet-post)$" out &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'with more dialogues, -d says which; an unknown one is 66' '
	(cd ws && wd-init -q lombok --title L --theme t --start 2027-02-06T14:00) &&
	test_expect_code 64 wd-invite -C ws add "Sanne Jansen" 2>err &&
	test_grep "which dialogue" err &&
	wd-invite -C ws -q add -d lombok "Sanne Jansen" &&
	test_grep "id: sanne-jansen" ws/lombok/people.yaml &&
	(cd ws/lombok && wd-invite -q add "Kees Bakker") &&
	test_grep "id: kees-bakker" ws/lombok/people.yaml &&
	test_expect_code 66 wd-invite -C ws add -d nergens X
'

test_expect_success 'names that look like YAML are written so that they read back' '
	wd-invite -C ws -q add -d lombok "Jan: de #Vries [x]" &&
	wd-invite -C ws -q add -d lombok -- "- yes" &&
	wd-invite -C ws -q add -d lombok "李雷" &&
	wd-report -C ws check &&
	wd-invite -C ws list -d lombok --format tsv | cut -f1,2 >out &&
	printf "id\tname\nsanne-jansen\tSanne Jansen\nkees-bakker\tKees Bakker\njan-de-vries-x\tJan: de #Vries [x]\nyes\t- yes\niemand\t李雷\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a workspace locked by another command: 75 after WD_LOCK_TIMEOUT' '
	if test_have flock
	then
		test_tree_sum ws >before &&
		flock ws/.wd/lock sleep 3 &
		sleep 1 &&
		test_expect_code 75 env WD_LOCK_TIMEOUT=0 wd-invite -C ws add -d oost Kees 2>err &&
		test_grep "lock" err &&
		wait &&
		test_tree_sum ws >after &&
		test_cmp before after
	fi
'

test_expect_success 'list: a table with counts per role at the bottom' '
	wd-invite -C ws list -d oost >out &&
	cat >expect <<-\EOF &&
	id                      naam                    rol           organisatie   begeleider  status
	anna-de-vries           Anna de Vries           bewoner                     ja          toegevoegd
	ozlem-yildiz            Özlem Yıldız            bewoner                                 toegevoegd
	fatima-zahra-el-amrani  Fatima-Zahra El Amrani  professional  Welzijn Oost              toegevoegd
	jan-de-vries            Jan de Vries            gemeente                                toegevoegd
	jan-de-vries-2          Jan de Vries            anders                                  toegevoegd

	2 bewoners, 1 professional, 1 gemeente, 1 anders; 5 mensen
	EOF
	test_cmp expect out
'

test_expect_success 'list --role and --status filter, in Dutch or English' '
	wd-invite -C ws list -d oost --role bewoner --format csv >out &&
	test_line_count = 3 out &&
	wd-invite -C ws list -d oost --role resident,gemeente --format tsv >out &&
	test_line_count = 4 out &&
	wd-invite -C ws list -d oost --status yes --format csv >out &&
	test_line_count = 1 out &&
	test_expect_code 64 wd-invite -C ws list -d oost --status jaa 2>err &&
	test_grep "unknown status .jaa. (did you mean .ja.?)" err &&
	test_expect_code 64 wd-invite -C ws list -d oost --format xml
'

test_expect_success 'list: csv has the YAML keys; contact data only with --contacts' '
	wd-invite -C ws list -d oost --format csv >out &&
	head -n 1 out >head &&
	printf "id,name,role,organisation,table,lang,host,status,rsvp,answered,waiting,attended,consent_contact,consent_named,consent_photo,from,note\r\n" >expect &&
	test_cmp expect head &&
	test_grep -v "anna@example.org" out &&
	wd-invite -C ws list -d oost --format csv --contacts >out &&
	test_grep "anna@example.org" out &&
	test_grep "06 12345678" out
'

test_expect_success 'list: json is one array of objects' '
	wd-invite -C ws list -d oost --format json >out &&
	python3 -c "
import json, sys
rows = json.load(open(\"out\"))
assert len(rows) == 5, rows
assert rows[0][\"id\"] == \"anna-de-vries\" and rows[0][\"host\"] is True
assert rows[0][\"consent_named\"] == \"2026-11-20\"
assert rows[1][\"status\"] == \"added\" and rows[1][\"table\"] is None
assert \"email\" not in rows[0]
"
'

test_expect_success 'list in an English workspace' '
	mkdir en && (cd en && wd-init -q --lang en &&
		wd-init -q d --title T --theme t --start 2027-01-01 &&
		wd-invite -q add "Ann Smith" --role resident) &&
	wd-invite -C en list >out &&
	test_grep "^id  *name  *role  *organisation  *status$" out &&
	test_grep "^1 resident; 1 person$" out
'

test_expect_success 'commands and options every command checks' '
	test_expect_code 64 wd-invite 2>err &&
	test_grep "which command" err &&
	test_expect_code 64 wd-invite frobnicate &&
	test_expect_code 64 wd-invite list --bogus &&
	wd-invite --help >out &&
	test_grep "^usage: wd-invite" out &&
	wd-invite list --help >out &&
	test_grep "^usage: wd-invite" out &&
	wd-invite --version >out &&
	test_grep "^wd-invite (wijkdialoog)" out &&
	mkdir empty && (cd empty && test_expect_code 78 wd-invite list)
'

test_expect_success 'names: blanks trimmed, Vietnamese letters folded in the id' '
	rm -rf ws3 && cp -R ws ws3 &&
	wd-invite -C ws3 add -d oost "  Piet   de  Boer  " 2>err &&
	test_grep "added .Piet de Boer. (piet-de-boer)" err &&
	test_grep "^    name: Piet de Boer$" ws3/oost/people.yaml &&
	test_expect_code 64 wd-invite -C ws3 add -d oost "   " 2>err &&
	test_grep "^wd-invite: a person needs a name$" err &&
	wd-invite -q -C ws3 add -d oost "Nguyễn Văn Đức" &&
	test_grep "^  - id: nguyen-van-duc$" ws3/oost/people.yaml &&
	wd-invite -C ws3 rsvp -d oost nguyen ja 2>err &&
	test_grep "(nguyen-van-duc) answered yes" err
'

test_done
