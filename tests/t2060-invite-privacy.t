#!/bin/sh
test_description='wd-invite show-person, forget, purge: access, erasure, retention'
. ./test-lib.sh

test_expect_success 'show-person: everything held on one person, as YAML' '
	test_example_workspace &&
	wd-invite -C ws show-person anna-de-vries >out &&
	test_grep "^# Alles wat deze werkruimte bewaart over anna-de-vries: 5 plekken, waarvan 0 in vrije tekst" out &&
	test_grep "^- file: oost/people.yaml$" out &&
	test_grep "^- file: oost/contacts.yaml$" out &&
	test_grep "^    email: anna@example.org$" out &&
	test_grep "^    phone: \"06 12345678\"$" out &&
	test_grep "^  what: author$" out &&
	test_grep "^  what: host$" out &&
	test "$(grep -c "^- file: oost/harvest/table-1.yaml$" out)" = 2 &&
	python3 -c "import yaml, sys; d = yaml.safe_load(open(\"out\")); assert len(d) == 5, d"
'

test_expect_success 'show-person finds a person by name or e-mail, in every dialogue' '
	wd-invite -C ws show-person --format json "mohamed bakkali" >out &&
	python3 -c "
import json
d = json.load(open(\"out\"))
files = sorted(set(t[\"file\"] for t in d))
assert files == [\"lombok/dialogue.yaml\", \"lombok/people.yaml\", \"oost/contacts.yaml\", \"oost/dialogue.yaml\", \"oost/harvest/table-2.yaml\", \"oost/people.yaml\"], files
owner = [t for t in d if t[\"what\"] == \"owner\"][0]
assert owner[\"data\"][\"owner\"] == [\"jan-de-vries\", \"mohamed-bakkali\"]
person = [t for t in d if t[\"what\"] == \"person\" and t[\"dialogue\"] == \"oost\"][0]
assert person[\"data\"][\"host\"] is True and person[\"data\"][\"table\"] == 2
" &&
	wd-invite -C ws show-person mohamed@example.org >out2 &&
	test_grep "lombok/people.yaml" out2
'

test_expect_success 'show-person of nobody is 65, with a suggestion' '
	test_expect_code 65 wd-invite -C ws show-person anna 2>err &&
	test_grep "nobody .anna. in this workspace (did you mean .anna-de-vries.?)" err &&
	test_expect_code 64 wd-invite -C ws show-person &&
	test_expect_code 64 wd-invite -C ws show-person --format xml anna-de-vries &&
	test_expect_code 64 wd-invite -C ws show-person -d oost anna-de-vries
'

test_expect_success 'forget --dry-run says what would change and writes nothing' '
	test_tree_sum ws >before &&
	wd-invite -C ws forget --dry-run "Anna de Vries" >out &&
	cat >expect <<-\EOF &&
	would change oost/harvest/table-1.yaml
	would change oost/dialogue.yaml
	would change oost/contacts.yaml
	would change oost/people.yaml
	EOF
	test_cmp expect out &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'forget leaves no trace of the name or e-mail address, in files or index' '
	wd-report -C ws index &&
	grep -a -q "Anna de Vries" ws/.wd/index.sqlite &&
	wd-invite -C ws forget anna@example.org 2>err &&
	test_grep "forgot oost/anna-de-vries" err &&
	! grep -r -i -e "Anna de Vries" -e "anna@example.org" -e "anna-de-vries" \
		-e "06 12345678" ws &&
	wd-report -C ws check &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM people WHERE id = '\''anna-de-vries'\''")" = 0 &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM items WHERE by = '\''anna-de-vries'\'' OR owner LIKE '\''%anna%'\''")" = 0
'

test_expect_success 'their harvest stays, anonymous: text and role kept' '
	sed -n "/id: m7q2c8d/,/id: p4w8n1t/p" ws/oost/harvest/table-1.yaml >quote &&
	cat >expect <<-\EOF &&
	  - id: m7q2c8d
	    kind: quote
	    text: Een buurt is pas een buurt als je weet bij wie je kunt aanbellen.
	    role: resident
	    named: true
	    table: 1
	  - id: p4w8n1t
	EOF
	test_cmp expect quote &&
	test_grep "^    text: Maandelijkse buurtmaaltijd" ws/oost/harvest/table-1.yaml &&
	test_grep "^  - Mohamed Bakkali$" ws/oost/dialogue.yaml
'

test_expect_success 'an author without a role keeps the role from people.yaml; owners leave lists' '
	test_example_workspace w2 &&
	sed -i "/by: jan-de-vries/{n;d}" w2/oost/harvest/table-2.yaml &&
	cat >>w2/oost/harvest/table-2.yaml <<-\EOF &&
	  - id: z9z9z9z
	    kind: action
	    text: Een bankje bij de bushalte.
	    owner:
	      - jan-de-vries
	    history:
	      - at: 2027-01-05
	        owner: [ozlem-yildiz, jan-de-vries]
	EOF
	wd-invite -C w2 -q forget jan-de-vries &&
	! grep -r -e "jan-de-vries" -e "Jan de Vries" -e "j.devries" w2/oost &&
	sed -n "/id: x1y5z3m/,/id: b9c2d4e/p" w2/oost/harvest/table-2.yaml >action &&
	test_grep "^    role: municipality$" action &&
	test_grep "^    owner: \[mohamed-bakkali\]$" action &&
	test_grep "^        owner: \[ozlem-yildiz\]$" w2/oost/harvest/table-2.yaml &&
	wd-report -C w2 check
'

test_expect_success 'contact data left behind under another id goes too' '
	test_example_workspace w10 &&
	printf "  oud-adres:\n    email: OZLEM@example.org\n" >>w10/oost/contacts.yaml &&
	wd-invite -C w10 show-person ozlem-yildiz >out &&
	test "$(grep -c "what: contact" out)" = 2 &&
	wd-invite -C w10 -q forget ozlem-yildiz &&
	! grep -r -i "ozlem" w10/oost
'

test_expect_success 'forget warns when the person is still named in free text' '
	test_example_workspace w3 &&
	echo "# Ozlem Yildiz neemt de notulen; mail ozlem@example.org" >>w3/oost/dialogue.yaml &&
	wd-invite -C w3 forget ozlem-yildiz 2>err &&
	test_grep "warning: oost/dialogue.yaml:.*still names them" err
'

test_expect_success 'forget in a git repository warns about the history and says how to purge it' '
	test_example_workspace w4 &&
	(cd w4 && git init -q && printf "/.wd/\n" >.gitignore &&
		git add -A && git commit -q -m "begin") &&
	wd-invite -C w4 forget "Özlem Yıldız" 2>err &&
	test_grep "warning: .Özlem Yıldız. is still in the git history: 1 commit (" err &&
	test_grep "^hint: .*git filter-repo --replace-text" err &&
	test_grep "git gc --prune=now" err
'

test_expect_success 'forget outside git, or of someone never committed, says nothing of history' '
	test_example_workspace w5 &&
	wd-invite -C w5 forget fatima-zahra-el-amrani 2>err &&
	test_grep -v "history" err &&
	(cd w4 && git add -A && git commit -q -m "vergeten" &&
		wd-invite -q add -d oost "Nieuw Iemand" &&
		wd-invite forget nieuw-iemand 2>../err) &&
	test_grep -v "history" err
'

test_expect_success 'forget says so when it cannot look in the git history' '
	test_example_workspace w11 &&
	(cd w11 && git init -q) &&
	mkdir fakebin && printf "#!/bin/sh\nexit 1\n" >fakebin/git &&
	chmod +x fakebin/git &&
	PATH="$PWD/fakebin:$PATH" wd-invite -C w11 forget jan-de-vries 2>err &&
	test_grep "warning: cannot look in the git history" err &&
	test_grep -v "jan-de-vries" w11/oost/people.yaml
'

test_expect_success 'forget of nobody, or of a name two people share, changes nothing' '
	test_example_workspace w6 &&
	(cd w6/oost && wd-invite -q add "Jan de Vries" --force) &&
	test_tree_sum w6 >before &&
	test_expect_code 65 wd-invite -C w6 forget "Jan de Vries" 2>err &&
	test_grep "could be .jan-de-vries. or .jan-de-vries-2. in .oost.; say which by id" err &&
	test_expect_code 65 wd-invite -C w6 forget "Kees" &&
	test_tree_sum w6 >after &&
	test_cmp before after &&
	wd-invite -C w6 -q forget jan-de-vries-2 &&
	test_grep "id: jan-de-vries$" w6/oost/people.yaml
'

test_expect_success 'purge --closed-before drops the contact data of dialogues that ended' '
	test_example_workspace w7 &&
	test_tree_sum w7 >before &&
	wd-invite -C w7 purge --closed-before 2026-12-12 2>err &&
	test_tree_sum w7 >after &&
	test_cmp before after &&
	wd-invite -C w7 purge --closed-before 2026-12-13 --dry-run >out &&
	test_grep "^would drop the contact data of 5 people of .oost.$" out &&
	test_tree_sum w7 >after &&
	test_cmp before after &&
	wd-invite -C w7 purge --closed-before 2026-12-13 2>err &&
	test_grep "dropped the contact data of 5 people of .oost." err &&
	echo "contacts: {}" >expect &&
	test_cmp expect w7/oost/contacts.yaml &&
	test_grep "^  - id: anna-de-vries$" w7/oost/people.yaml &&
	wd-report -C w7 check
'

test_expect_success 'purge for cron: an age from WD_NOW; a second run has nothing to do' '
	test_example_workspace w8 &&
	(cd w8/lombok && wd-invite -q add Kees --email kees@example.org) &&
	WD_NOW=2027-03-10T03:00 wd-invite -C w8 purge --closed-before 30d 2>err &&
	test_grep "of .lombok." err &&
	test_grep "of .oost." err &&
	test_tree_sum w8 >before &&
	WD_NOW=2027-03-11T03:00 wd-invite -C w8 purge --closed-before 30d 2>err &&
	test_line_count = 0 err &&
	test_tree_sum w8 >after &&
	test_cmp before after &&
	test "$(stat -c %a w8/lombok/contacts.yaml)" = 600
'

test_expect_success 'purge: bad dates are 64; a broken dialogue is left alone, 65' '
	test_expect_code 64 wd-invite -C w8 purge &&
	test_expect_code 64 wd-invite -C w8 purge --closed-before gisteren &&
	test_example_workspace w9 &&
	printf "contacts: [\n" >w9/oost/contacts.yaml &&
	test_expect_code 65 wd-invite -C w9 purge --closed-before 2030-01-01 2>err &&
	test_grep "oost/contacts.yaml" err
'

test_done
