#!/bin/sh
test_description='wd-init: workspaces and dialogues'
. ./test-lib.sh

test_expect_success 'wd-init makes a workspace: wd.yaml and .gitignore' '
	mkdir ws && (cd ws && wd-init) &&
	cat >expect <<-\EOF &&
	# Instellingen van deze wijkdialoog-estafette; zie wd(5).
	name: ws
	language: nl
	timezone: Europe/Amsterdam
	privacy:
	  contacts_in_git: false
	EOF
	test_cmp expect ws/wd.yaml &&
	test_grep "^/.wd/$" ws/.gitignore &&
	test_grep "^contacts.yaml$" ws/.gitignore &&
	test_grep "^\*\.mbox$" ws/.gitignore
'

test_expect_success 'running it again changes nothing' '
	cp ws/wd.yaml saved-wd.yaml && cp ws/.gitignore saved-gitignore &&
	(cd ws && wd-init 2>../err) &&
	test_grep "already a workspace" err &&
	test_cmp saved-wd.yaml ws/wd.yaml &&
	test_cmp saved-gitignore ws/.gitignore
'

test_expect_success 'running it again puts back what .gitignore lost' '
	printf "# eigen\n*.bak\n" >ws/.gitignore &&
	(cd ws && wd-init -q) &&
	printf "# eigen\n*.bak\n/.wd/\ncontacts.yaml\n*.mbox\n" >expect &&
	test_cmp expect ws/.gitignore &&
	cp saved-gitignore ws/.gitignore
'

test_expect_success 'with contacts_in_git the contacts are not ignored' '
	mkdir cg && (cd cg && wd-init -q) &&
	sed -i "s/contacts_in_git: false/contacts_in_git: true/" cg/wd.yaml &&
	printf "/.wd/\n" >cg/.gitignore &&
	(cd cg && wd-init -q) &&
	printf "/.wd/\n" >expect &&
	test_cmp expect cg/.gitignore
'

test_expect_success '--git makes a git repository that ignores contacts' '
	mkdir g && (cd g && wd-init --git --name "Estafette Oost" --lang en \
		--organisation "Buurtteam Oost") &&
	test -d g/.git &&
	test_grep "^name: Estafette Oost$" g/wd.yaml &&
	test_grep "^language: en$" g/wd.yaml &&
	mkdir g/oost && : >g/oost/contacts.yaml &&
	git -C g check-ignore -q oost/contacts.yaml &&
	mkdir g/.wd && : >g/.wd/index.sqlite &&
	git -C g check-ignore -q .wd/index.sqlite
'

test_expect_success 'bad workspace options are usage errors and make nothing' '
	mkdir w2 &&
	(cd w2 && test_expect_code 64 wd-init --lang fr 2>../err) &&
	test_grep "unknown language .fr." err &&
	(cd w2 && test_expect_code 64 wd-init --timezone Mars/Olympus) &&
	test_must_fail test -e w2/wd.yaml
'

test_expect_success 'a dialogue gets its file with the four phases' '
	(cd ws && wd-init oost --title "Elkaar zien in Oost" \
		--theme "elkaar zien" --place Oost --venue "De Boog" \
		--start "2026-12-12 19:30" --duration 2h --capacity 30 \
		--host "Anna de Vries" --host "Mohamed Bakkali") &&
	test_grep "^title: Elkaar zien in Oost$" ws/oost/dialogue.yaml &&
	test_grep "^start: 2026-12-12T19:30$" ws/oost/dialogue.yaml &&
	test_grep "^end: 2026-12-12T21:30$" ws/oost/dialogue.yaml &&
	test_grep "^capacity: 30$" ws/oost/dialogue.yaml &&
	test_grep "^  - Mohamed Bakkali$" ws/oost/dialogue.yaml &&
	for phase in discover dream design deliver
	do
		test_grep "^  $phase:$" ws/oost/dialogue.yaml || return 1
	done &&
	wd-report -C ws check
'

test_expect_success 'the questions have the theme and place filled in' '
	test_grep "^question: Hoe zien we elkaar in Oost" ws/oost/dialogue.yaml &&
	test_grep -v "{{" ws/oost/dialogue.yaml
'

test_expect_success 'a theme without its own set uses the default questions' '
	(cd ws && wd-init zuid --title Z --theme "samen koken" --place Zuid \
		--start 2027-03-01T19:00) &&
	test_grep "samen koken" ws/zuid/dialogue.yaml &&
	test_grep "Zuid" ws/zuid/dialogue.yaml
'

test_expect_success 'an English dialogue gets English questions' '
	(cd ws && wd-init west --title W --theme "young and old" --lang en \
		--start 2027-03-01T19:00) &&
	test_grep "^language: en$" ws/west/dialogue.yaml &&
	test_grep "Tell about a moment" ws/west/dialogue.yaml
'

test_expect_success '--from records the relay on both dialogues' '
	(cd ws && wd-init lombok --title "Thuis in Lombok" \
		--theme "thuis in je buurt" --start 2027-02-06T14:00 --from oost) &&
	test_grep "^  from: oost$" ws/lombok/dialogue.yaml &&
	tail -n 3 ws/oost/dialogue.yaml >actual &&
	printf "relay:\n  to:\n    - lombok\n" >expect &&
	test_cmp expect actual &&
	wd-report -C ws check
'

test_expect_success 'a second dialogue handed on from the same one is added' '
	(cd ws && wd-init noord --title N --theme t --start 2027-04-01 --from oost) &&
	tail -n 4 ws/oost/dialogue.yaml >actual &&
	printf "relay:\n  to:\n    - lombok\n    - noord\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the workspace templates/ folder overrides the questions' '
	mkdir -p ws/templates/questions/nl &&
	printf "question: Eigen vraag over {{theme}}?\ndiscover:\n  - Eigen\n" \
		>ws/templates/questions/nl/default.yaml &&
	(cd ws && wd-init eigen --title E --theme bomen --start 2027-05-01) &&
	test_grep "^question: Eigen vraag over bomen?$" ws/eigen/dialogue.yaml
'

test_expect_success 'an unknown placeholder in a question set is an error' '
	printf "question: Vraag over {{thema}}?\n" \
		>ws/templates/questions/nl/default.yaml &&
	(cd ws && test_expect_code 65 wd-init fout --title F --theme x \
		--start 2027-05-01 2>../err) &&
	test_grep "unknown placeholder .{{thema}}. (did you mean .{{theme}}.?)" err &&
	test_must_fail test -e ws/fout &&
	rm -r ws/templates
'

test_expect_success '--dry-run prints the file and writes nothing' '
	test_tree_sum ws >before &&
	(cd ws && wd-init proef --title P --theme t --start 2027-06-01 \
		--from oost --dry-run >../out) &&
	test_grep "^title: P$" out &&
	test_grep "^  from: oost$" out &&
	test_tree_sum ws >after &&
	test_cmp before after
'

for bad in ../x .hidden a/b Lombok "a b" "" x.. "$(printf "x\ty")"
do
	test_expect_success "the id '$bad' is refused and nothing is made" '
		test_tree_sum ws >before &&
		(cd ws && test_must_fail wd-init "$bad" --title T --theme t \
			--start 2027-01-01 2>../err) &&
		test_grep "invalid dialogue id" err &&
		test_tree_sum ws >after &&
		test_cmp before after &&
		test_must_fail test -e x
	'
done

test_expect_success 'refused ids exit 64 and suggest a valid one' '
	(cd ws && test_expect_code 64 wd-init "Oud Lombok" --title T \
		--theme t --start 2027-01-01 2>../err) &&
	test_grep "^hint: did you mean .oud-lombok.?" err
'

test_expect_success 'a reserved name, an existing id, a missing --from' '
	(cd ws && test_expect_code 64 wd-init templates --title T --theme t \
		--start 2027-01-01) &&
	(cd ws && test_expect_code 73 wd-init oost --title T --theme t \
		--start 2027-01-01 2>../err) &&
	test_grep "already exists" err &&
	(cd ws && test_expect_code 66 wd-init b --title T --theme t \
		--start 2027-01-01 --from nergens 2>../err) &&
	test_grep "no dialogue .nergens." err &&
	test_must_fail test -e ws/b
'

test_expect_success 'missing or bad options are usage errors' '
	(cd ws && test_expect_code 64 wd-init c --theme t --start 2027-01-01) &&
	(cd ws && test_expect_code 64 wd-init c --title T --start 2027-01-01) &&
	(cd ws && test_expect_code 64 wd-init c --title T --theme t) &&
	(cd ws && test_expect_code 64 wd-init c --title T --theme t \
		--start morgen 2>../err) &&
	test_grep "not a date and time" err &&
	(cd ws && test_expect_code 64 wd-init c --title T --theme t \
		--start 2027-01-01T10:00 --end 2027-01-01T09:00) &&
	(cd ws && test_expect_code 64 wd-init c --title T --theme t \
		--start 2027-01-01T10:00 --duration lang) &&
	(cd ws && test_expect_code 64 wd-init c --title T --theme t \
		--start 2027-01-01 --capacity veel) &&
	test_must_fail test -e ws/c
'

test_expect_success 'wd-init ID outside a workspace: 78, nothing made' '
	mkdir buiten &&
	(cd buiten && test_expect_code 78 wd-init a --title T --theme t \
		--start 2027-01-01) &&
	test_must_fail test -e buiten/a
'

test_expect_success '--themes lists suggested themes in the language' '
	wd-init --themes >out &&
	test_grep "^elkaar zien	" out &&
	wd-init --themes --lang en >out &&
	test_grep "^seeing each other	" out &&
	(cd g && wd-init --themes >../out) &&
	test_grep "^seeing each other	" out
'

test_expect_success '--sender writes sender.email; one that is no address is 64' '
	mkdir snd && (cd snd && wd-init -q --sender buurt@example.org) &&
	test_grep "^  email: buurt@example.org$" snd/wd.yaml &&
	wd-report -q -C snd check &&
	mkdir snd2 &&
	(cd snd2 && test_expect_code 64 wd-init --sender buurt.example.org 2>../err) &&
	test_grep "^wd-init: .buurt.example.org. is not an e-mail address$" err &&
	! test -e snd2/wd.yaml
'

test_done
