#!/bin/sh
test_description='wd-invite import --from-dialogue: the relay invites who came last time'
. ./test-lib.sh

test_expect_success '--attended carries over who came, with their contact data' '
	test_example_workspace &&
	wd-invite -C ws import -d lombok --from-dialogue oost --attended 2>err &&
	test_grep "from .oost.: 3 carried over, 1 not" err &&
	grep "^  - id: " ws/lombok/people.yaml >ids &&
	cat >expect <<-\EOF &&
	  - id: mohamed-bakkali
	  - id: sanne-jansen
	  - id: anna-de-vries
	  - id: ozlem-yildiz
	  - id: jan-de-vries
	EOF
	test_cmp expect ids &&
	sed -n "/id: ozlem-yildiz/,/id: jan/p" ws/lombok/people.yaml >ozlem &&
	cat >expect <<-\EOF &&
	  - id: ozlem-yildiz
	    name: Özlem Yıldız
	    role: resident
	    from: oost
	    consent:
	      contact: 2026-11-21
	  - id: jan-de-vries
	EOF
	test_cmp expect ozlem &&
	test_grep "^    address: Kanaalstraat 40, 3531 CJ Utrecht$" ws/lombok/contacts.yaml &&
	test_grep "^    email: j.devries@example.org$" ws/lombok/contacts.yaml &&
	test "$(stat -c %a ws/lombok/contacts.yaml)" = 600 &&
	wd-report -C ws check
'

test_expect_success 'who is there already is not carried over twice' '
	test_tree_sum ws >before &&
	wd-invite -C ws -v import -d lombok --from-dialogue oost --attended 2>err &&
	test_grep "from .oost.: 0 carried over, 4 not" err &&
	test_grep ".Mohamed Bakkali. (mohamed-bakkali) is here already" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'without --attended everyone who may be contacted comes along' '
	wd-invite -C ws import -d lombok --from-dialogue oost 2>err &&
	test_grep "from .oost.: 1 carried over" err &&
	test_grep "id: fatima-zahra-el-amrani" ws/lombok/people.yaml
'

test_expect_success 'nobody without consent to be contacted is carried over' '
	test_example_workspace w2 &&
	sed -i "/contact: 2026-11-22/d" w2/oost/people.yaml &&
	wd-invite -C w2 -v import -d lombok --from-dialogue oost 2>err &&
	test_grep "Jan de Vries. (jan-de-vries) is not carried over: no consent to be contacted" err &&
	test_grep -v "jan-de-vries" w2/lombok/people.yaml &&
	test_grep -v "j.devries" w2/lombok/contacts.yaml
'

test_expect_success '--dry-run lists who would come along and writes nothing' '
	test_example_workspace w3 &&
	test_tree_sum w3 >before &&
	wd-invite -C w3 import -d lombok --from-dialogue oost --dry-run >out &&
	test_grep "^would add .Anna de Vries. (anna-de-vries), from .oost.$" out &&
	test_line_count = 4 out &&
	test_tree_sum w3 >after &&
	test_cmp before after
'

test_expect_success 'bad relays: an unknown dialogue (66), itself, --attended alone (64)' '
	test_tree_sum w3 >before &&
	test_expect_code 66 wd-invite -C w3 import -d lombok --from-dialogue nergens &&
	test_expect_code 64 wd-invite -C w3 import -d lombok --from-dialogue lombok &&
	test_expect_code 64 wd-invite -C w3 import -d lombok --attended &&
	test_expect_code 64 wd-invite -C w3 import -d lombok --from-dialogue oost x.csv &&
	test_expect_code 64 wd-invite -C w3 import -d lombok --from-dialogue ../x &&
	test_tree_sum w3 >after &&
	test_cmp before after
'

test_done
