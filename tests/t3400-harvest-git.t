#!/bin/sh
test_description='two harvesters on two clones merge without conflict'
. ./test-lib.sh

WD_NOW=2026-12-12T21:30
export WD_NOW

test_expect_success 'a workspace in git, cloned twice' '
	test_example_workspace origin &&
	(cd origin && git init -q && git add -A && git commit -q -m start &&
	 git config receive.denyCurrentBranch ignore) &&
	git clone -q origin anna &&
	git clone -q origin piet
'

test_expect_success 'each adds 5 items to the same dialogue, from their own table' '
	(cd anna/lombok && for i in 1 2 3 4 5
	 do
		wd-harvest add --kind droom --table 1 "Droom $i van tafel 1" || exit 1
	 done) &&
	(cd piet/lombok && for i in 1 2 3 4 5
	 do
		wd-harvest add --kind actie --table 2 "Actie $i van tafel 2" || exit 1
	 done) &&
	(cd anna && git add -A && git commit -q -m "oogst tafel 1") &&
	(cd piet && git add -A && git commit -q -m "oogst tafel 2")
'

test_expect_success 'one pulls the other: no conflict' '
	(cd anna && git pull -q --no-rebase --no-edit ../piet HEAD) &&
	git -C anna status --porcelain >changes &&
	test_line_count = 0 changes &&
	! grep -r "<<<<<<<" anna/lombok
'

test_expect_success 'list shows all 10 items, check passes' '
	wd-harvest -C anna list -d lombok --format tsv | tail -n +2 >items &&
	test_line_count = 10 items &&
	test $(grep -c "Droom . van tafel 1" items) = 5 &&
	test $(grep -c "Actie . van tafel 2" items) = 5 &&
	wd-report -C anna check
'

test_expect_success 'the ids of both clones are all different' '
	cut -f3 items | sort -u >ids &&
	test_line_count = 10 ids
'

test_expect_success 'a default source per harvester: git user names' '
	(cd anna && git config user.name "Anna de Vries" &&
	 wd-harvest add -d lombok --kind vraag "Wie helpt?") &&
	(cd piet && git config user.name "Piet Post" &&
	 wd-harvest add -d lombok --kind vraag "Wanneer?") &&
	test -f anna/lombok/harvest/anna-de-vries.yaml &&
	test -f piet/lombok/harvest/piet-post.yaml
'

test_done
