#!/bin/sh
test_description='wd-invite send: who is pending, who can be reached, and the errors'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

# Eight people, each for a rule.
rules_workspace() {
	invite_workspace ws &&
	cat >people.csv <<-\EOF &&
	name,email,address,consent_contact
	Bert Bos,bert@example.org,,
	Carla Caris,,"Kerkstraat 2, 3531 AA Utrecht",ja
	Dirk Dekker,dirk@example.org,,ja
	Eva Eng,eva@example.org,,ja
	Frits Fok,frits@example.org,,ja
	Greet Gans,greet@example.org,"Dorpsstraat 1, 3531 AB Utrecht",nee
	Hans Huis,,,ja
	EOF
	WD_NOW=2026-11-02T10:00 wd-invite -C ws -q import ../people.csv &&
	WD_NOW=2026-11-10T10:00 wd-invite -C ws -q rsvp dirk nee &&
	WD_NOW=2026-11-10T10:00 wd-invite -C ws -q rsvp frits ja &&
	WD_NOW=2026-11-15T10:00 wd-invite -C ws -q send --mbox ../eva.mbox eva
}

test_expect_success '--dry-run shows, for everyone, what would go out or why not' '
	rules_workspace &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --dry-run --mbox ../x.mbox \
		>out 2>err &&
	cat >expect <<-\EOF &&
	would send an invitation to '\''Anna de Vries'\'' (anna-de-vries): anna@example.org
	would send an invitation to '\''Özlem Yıldız'\'' (ozlem-yildiz): ozlem@example.org
	would send an invitation to '\''Jan de Vries'\'' (jan-de-vries): j.devries@example.org
	would send an invitation to '\''Mohamed Bakkali'\'' (mohamed-bakkali): mohamed@example.org
	would send an invitation to '\''Fatima-Zahra El Amrani'\'' (fatima-zahra-el-amrani): fz@example.org
	not to '\''Bert Bos'\'' (bert-bos): no consent to be contacted (a letter: --channel letter)
	not to '\''Carla Caris'\'' (carla-caris): no e-mail address (a letter: --channel letter)
	not to '\''Dirk Dekker'\'' (dirk-dekker): said no
	not to '\''Eva Eng'\'' (eva-eng): invited already, at 2026-11-15T10:00:00+01:00 (--again sends it again)
	would send an invitation to '\''Frits Fok'\'' (frits-fok): frits@example.org
	not to '\''Greet Gans'\'' (greet-gans): said no to being contacted
	not to '\''Hans Huis'\'' (hans-huis): no e-mail address (a letter: --channel letter)
	EOF
	test_cmp expect out &&
	test_grep "^wd-invite: would send 6 invitations (dry run: nothing sent or written)$" err &&
	! test -e x.mbox
'

test_expect_success 'letters: to everyone with an address who did not say no to contact' '
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --channel brief --out ../brieven \
		--dry-run >out &&
	grep -v "no postal address" out >got &&
	cat >expect <<-\EOF &&
	would write a letter for '\''Özlem Yıldız'\'' (ozlem-yildiz): ../brieven/ozlem-yildiz.html
	would write a letter for '\''Carla Caris'\'' (carla-caris): ../brieven/carla-caris.html
	not to '\''Dirk Dekker'\'' (dirk-dekker): said no
	not to '\''Eva Eng'\'' (eva-eng): invited already, at 2026-11-15T10:00:00+01:00 (--again sends it again)
	not to '\''Greet Gans'\'' (greet-gans): said no to being contacted
	EOF
	test_cmp expect got &&
	test "$(grep -c "no postal address" out)" = 7 &&
	! test -e brieven
'

test_expect_success 'a real run names who cannot be reached in a warning, and sends the rest' '
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --mbox ../all.mbox 2>err &&
	test "$(mbox_count all.mbox)" = 6 &&
	test_grep "^wd-invite: warning: nothing sent to .Bert Bos. (bert-bos): no consent to be contacted" err &&
	test_grep "^wd-invite: warning: nothing sent to .Carla Caris. (carla-caris): no e-mail address" err &&
	test_grep "^wd-invite: warning: nothing sent to .Greet Gans. (greet-gans): said no to being contacted$" err &&
	test_grep "^wd-invite: warning: nothing sent to .Hans Huis. (hans-huis): no e-mail address" err &&
	test_grep -v "Dirk" err &&
	test "$(grep -c "^wd-invite: warning:" err)" = 4 &&
	test_grep "^wd-invite: 1 person invited already (--again sends to them again)$" err
'

test_expect_success '--again still leaves out who said no, unless named' '
	WD_NOW=2026-11-21T10:00 wd-invite -C ws -q send --again --mbox ../again.mbox &&
	test "$(mbox_count again.mbox)" = 7 &&
	mbox_headers again.mbox To >to &&
	test_grep -v Dirk to &&
	WD_NOW=2026-11-21T10:00 wd-invite -C ws send --mbox ../dirk.mbox dirk 2>err &&
	test_grep "^wd-invite: sent 1 invitation (../dirk.mbox)$" err &&
	test "$(mbox_count dirk.mbox)" = 1
'

test_expect_success 'a person named who cannot be reached stops it: nothing is sent' '
	test_tree_sum ws >before &&
	test_expect_code 65 env WD_NOW=2026-11-22T10:00 wd-invite -C ws send \
		--again --mbox ../no.mbox anna bert 2>err &&
	test_grep "^wd-invite: cannot send to .Bert Bos. (bert-bos): no consent to be contacted$" err &&
	test_grep "^hint: " err &&
	test_expect_code 65 env WD_NOW=2026-11-22T10:00 wd-invite -C ws send \
		--mbox ../no.mbox kees 2>err &&
	test_grep "no person .kees." err &&
	! test -e no.mbox &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'usage errors' '
	test_expect_code 64 wd-invite -C ws send --pending anna --mbox x 2>err &&
	test_grep "either PERSON... or --pending" err &&
	test_expect_code 64 wd-invite -C ws send 2>err &&
	test_grep "where do the messages go" err &&
	test_expect_code 64 wd-invite -C ws send --mbox x --sendmail 2>err &&
	test_grep "one of --mbox, --maildir and --sendmail" err &&
	test_expect_code 64 wd-invite -C ws send --channel letter 2>err &&
	test_grep "where do the letters go? --out DIR" err &&
	test_expect_code 64 wd-invite -C ws send --channel letter --out d --mbox x &&
	test_expect_code 64 wd-invite -C ws send --out d --mbox x 2>err &&
	test_grep "out is for letters" err &&
	test_expect_code 64 wd-invite -C ws send --channel fax --mbox x 2>err &&
	test_grep "unknown channel .fax." err &&
	test_expect_code 64 wd-invite -C ws send --days 3 --mbox x &&
	test_expect_code 64 wd-invite -C ws remind --mbox x 2>err &&
	test_grep "remind needs --days N" err &&
	test_expect_code 64 wd-invite -C ws remind --days 3 --mbox x anna &&
	test_expect_code 64 wd-invite -C ws remind --days x --mbox x &&
	test_expect_code 64 wd-invite -C ws ics anna jan &&
	test_expect_code 66 wd-invite -C ws send -d west --mbox x
'

test_expect_success 'no sender.email in wd.yaml: a configuration error (78) for e-mail, not for letters' '
	invite_workspace nosender &&
	sed -i "/^sender:/,\$d" nosender/wd.yaml &&
	test_expect_code 78 env WD_NOW=2026-11-20T10:00 wd-invite -C nosender \
		send --mbox ../n.mbox 2>err &&
	test_grep "wd.yaml.*no sender.email: who do the invitations come from?" err &&
	test_grep "^hint: add to wd.yaml" err &&
	test_expect_code 78 env WD_NOW=2026-11-20T10:00 wd-invite -C nosender ics &&
	WD_NOW=2026-11-20T10:00 wd-invite -C nosender -q send --channel letter \
		--out ../nbrief &&
	test -f nbrief/ozlem-yildiz.html &&
	printf "sender:\n  email: not-an-address\n" >>nosender/wd.yaml &&
	test_expect_code 78 env WD_NOW=2026-11-20T10:00 wd-invite -C nosender \
		send --again --mbox ../n.mbox 2>err &&
	test_grep "not-an-address" err &&
	! test -e n.mbox
'

test_expect_success 'too late, or cancelled: nobody is invited' '
	test_expect_code 65 env WD_NOW=2026-12-12T19:30 wd-invite -C ws send \
		--again --mbox ../late.mbox 2>err &&
	test_grep "^wd-invite: .oost. began at 2026-12-12T19:30:00+01:00: too late to invite$" err &&
	sed -i "s/^status: .*/status: cancelled/" ws/oost/dialogue.yaml &&
	grep -q "^status: cancelled" ws/oost/dialogue.yaml &&
	test_expect_code 65 env WD_NOW=2026-11-20T10:00 wd-invite -C ws send \
		--again --mbox ../late.mbox 2>err &&
	test_grep "is cancelled" err &&
	! test -e late.mbox
'

test_expect_success 'who is on the waiting list gets no invitation, unless named' '
	rm -rf ws && rules_workspace &&
	printf "capacity: 1\n" >>ws/oost/dialogue.yaml &&
	WD_NOW=2026-11-16T10:00 wd-invite -C ws -q rsvp anna ja &&
	wd-invite -C ws list --status wachtlijst --format csv >waiting &&
	test_grep "^anna-de-vries," waiting &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --dry-run --mbox ../x.mbox \
		>out 2>err &&
	test_grep "^not to .Anna de Vries. (anna-de-vries): on the waiting list (number 1): no invitation until a place comes free (name them to send one)$" out &&
	test_grep "^wd-invite: would send 5 invitations" err &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --mbox ../anna.mbox anna 2>err &&
	test "$(mbox_count anna.mbox)" = 1
'

test_expect_success 'the invitation says where: the venue and the place, or the one there is' '
	rm -rf ws && rules_workspace &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q send --mbox ../both.mbox anna &&
	test_grep "^  Waar:    Buurthuis De Boog, Kanaalstraat 12, Utrecht-Oost" both.mbox &&
	sed -i "/^venue:/d" ws/oost/dialogue.yaml &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q send --mbox ../place.mbox ozlem &&
	test_grep "^  Waar:    Utrecht-Oost" place.mbox &&
	wd-invite -C ws ics >place.ics &&
	test_grep "^LOCATION:Utrecht-Oost" place.ics
'

test_done
