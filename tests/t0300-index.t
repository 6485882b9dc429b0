#!/bin/sh
test_description='the index: a cache of the files, rebuilt when in doubt'
. ./test-lib.sh

# q SQL: ask the index
q() {
	sqlite3 ws/.wd/index.sqlite "$1"
}

answers() {
	q "SELECT * FROM dialogues ORDER BY id;
	   SELECT * FROM people ORDER BY dialogue, id;
	   SELECT * FROM items ORDER BY dialogue, id;
	   SELECT * FROM actions ORDER BY dialogue, id;
	   SELECT dialogue, item, pos, at, status, note FROM history;"
}

test_expect_success 'the first command builds the index' '
	test_example_workspace &&
	wd-report -C ws index &&
	test -f ws/.wd/index.sqlite &&
	test "$(q "SELECT count(*) FROM dialogues")" = 2 &&
	test "$(q "SELECT count(*) FROM people")" = 7 &&
	test "$(q "SELECT count(*) FROM items")" = 9 &&
	test "$(q "SELECT count(*) FROM actions")" = 2 &&
	answers >expect
'

test_expect_success 'the views have the columns of the YAML keys' '
	q "SELECT id, title, theme, start, \"end\", capacity, relay_to, relay_baton
	   FROM dialogues WHERE id = '\''oost'\''" >actual &&
	echo "oost|Elkaar zien in Oost|elkaar zien|2026-12-12T19:30|2026-12-12T21:30|30|lombok|Hoe vinden jongeren en ouderen elkaar in de buurt?" >want &&
	test_cmp want actual &&
	q "SELECT id, owner, due, status, need FROM actions ORDER BY id" >actual &&
	cat >want <<-\EOF &&
	r2h6j9s|anna-de-vries|2027-01-15|underway|een kookploeg van vijf mensen, van het buurthuis
	x1y5z3m|jan-de-vries,mohamed-bakkali|2026-12-31|open|
	EOF
	test_cmp want actual &&
	q "SELECT name, role, consent_named FROM people WHERE id = '\''ozlem-yildiz'\''" >actual &&
	echo "Özlem Yıldız|resident|" >want &&
	test_cmp want actual
'

test_expect_success 'the index has no contact data' '
	! grep -a "anna@example.org" ws/.wd/index.sqlite* &&
	! grep -a "06 12345678" ws/.wd/index.sqlite*
'

test_expect_success 'with nothing changed, a refresh reads no file' '
	wd-report -v -C ws index 2>err &&
	test_grep " 0 read, 0 removed" err
'

test_expect_success '.wd/ deleted: the next command builds it again' '
	rm -rf ws/.wd &&
	wd-report -C ws index &&
	answers >actual &&
	test_cmp expect actual
'

test_expect_success 'index.sqlite overwritten with garbage: rebuilt with a warning, same answers' '
	head -c 20000 /dev/urandom >ws/.wd/index.sqlite &&
	rm -f ws/.wd/index.sqlite-wal ws/.wd/index.sqlite-shm &&
	wd-report -C ws index 2>err &&
	test_grep "warning: the index was damaged; it was built again" err &&
	answers >actual &&
	test_cmp expect actual
'

test_expect_success 'damage inside a valid database is found and repaired' '
	q "DROP TABLE item" &&
	wd-report -C ws index 2>err &&
	test_grep "damaged" err &&
	answers >actual &&
	test_cmp expect actual
'

test_expect_success 'an index of another schema version is rebuilt' '
	q "PRAGMA user_version = 99" &&
	wd-report -C ws index 2>err &&
	test "$(q "PRAGMA user_version")" != 99 &&
	answers >actual &&
	test_cmp expect actual
'

test_expect_success 'a changed file is read again, and only that one' '
	sed -i "s/status: open/status: done/" ws/oost/harvest/table-2.yaml &&
	wd-report -v -C ws index 2>err &&
	test_grep " 1 read, 0 removed" err &&
	test "$(q "SELECT status FROM actions WHERE id = '\''x1y5z3m'\''")" = done
'

test_expect_success 'a hand edit of the same size in the same second is seen' '
	f=ws/oost/harvest/table-2.yaml &&
	wd-report -C ws index &&
	stamp=$(stat -c %y "$f") &&
	# same size, same inode, mtime put back: only the content differs
	sed "s/status: done/status: open/" "$f" >tmp &&
	test $(wc -c <tmp) = $(wc -c <"$f") &&
	cat tmp 1<>"$f" &&
	touch -d "$stamp" "$f" &&
	wd-report -C ws index &&
	test "$(q "SELECT status FROM actions WHERE id = '\''x1y5z3m'\''")" = open
'

test_expect_success 'the racy rule: an old-looking file edited right after indexing' '
	f=ws/oost/harvest/table-2.yaml &&
	touch -d "2026-01-01 12:00:00" "$f" &&
	wd-report -C ws index &&
	sed "s/status: open/status: done/" "$f" >tmp &&
	cat tmp 1<>"$f" &&
	touch -d "2026-01-01 12:00:00" "$f" &&
	wd-report -C ws index &&
	# ctime changed, so this one is seen by its stat data
	test "$(q "SELECT status FROM actions WHERE id = '\''x1y5z3m'\''")" = done
'

test_expect_success 'new and removed files and dialogues are seen' '
	cat >ws/lombok/harvest.yaml <<-\EOF &&
	items: []
	EOF
	mkdir -p ws/lombok/harvest &&
	cat >ws/lombok/harvest/table-9.yaml <<-\EOF &&
	items:
	  - id: aaaaaaa
	    kind: dream
	    text: Een bankje bij de bushalte
	EOF
	wd-report -C ws index &&
	test "$(q "SELECT dialogue || '\'':'\'' || source FROM items WHERE id = '\''aaaaaaa'\''")" = lombok:table-9 &&
	rm ws/lombok/harvest/table-9.yaml &&
	rm -r ws/oost &&
	wd-report -C ws index &&
	test "$(q "SELECT count(*) FROM items")" = 0 &&
	test "$(q "SELECT count(*) FROM dialogues")" = 1 &&
	test "$(q "SELECT count(*) FROM file WHERE path LIKE '\''oost/%'\''")" = 0
'

test_expect_success 'folders that are not dialogues, hidden and temporary files are skipped' '
	mkdir -p ws/docs ws/.hidden ws/lombok/harvest &&
	echo "title: x" >ws/docs/notes.yaml &&
	printf "title: Verborgen\nstart: 2027-01-01\n" >ws/.hidden/dialogue.yaml &&
	printf "items: [\n" >ws/lombok/harvest/.table-1.yaml.wdtmp-abc123 &&
	printf "items: [\n" >ws/lombok/harvest/notes.txt &&
	wd-report -C ws index 2>err &&
	test_line_count = 0 err &&
	test "$(q "SELECT count(*) FROM dialogues")" = 1
'

test_expect_success 'a symlinked dialogue folder or file is not followed' '
	mkdir outside &&
	printf "title: Buiten\nstart: 2027-01-01\n" >outside/dialogue.yaml &&
	ln -s ../outside ws/buiten &&
	ln -s ../../outside/dialogue.yaml ws/lombok/harvest/link.yaml &&
	wd-report -C ws index &&
	test "$(q "SELECT count(*) FROM dialogues")" = 1 &&
	test "$(q "SELECT count(*) FROM file WHERE path LIKE '\''%link%'\''")" = 0
'

test_expect_success 'a folder that becomes a dialogue later is seen' '
	test_example_workspace w5 &&
	mkdir w5/later &&
	wd-report -C w5 index &&
	wd-report -C w5 index &&
	printf "title: Later\nstart: 2027-05-01\n" >w5/later/dialogue.yaml &&
	wd-report -C w5 index &&
	test "$(sqlite3 w5/.wd/index.sqlite "SELECT count(*) FROM dialogues WHERE id = '\''later'\''")" = 1 &&
	mv w5/later/dialogue.yaml later.yaml &&
	wd-report -C w5 index &&
	test "$(sqlite3 w5/.wd/index.sqlite "SELECT count(*) FROM dialogues WHERE id = '\''later'\''")" = 0 &&
	mv later.yaml w5/later/dialogue.yaml &&
	wd-report -C w5 index &&
	test "$(sqlite3 w5/.wd/index.sqlite "SELECT count(*) FROM dialogues WHERE id = '\''later'\''")" = 1
'

test_expect_success 'a changed language or time zone in wd.yaml rebuilds the index' '
	sqlite3 w5/.wd/index.sqlite "SELECT start_t FROM dialogue WHERE id = '\''oost'\''" >before &&
	sed -i "s|^timezone: .*|timezone: America/Paramaribo|" w5/wd.yaml &&
	wd-report -C w5 index &&
	sqlite3 w5/.wd/index.sqlite "SELECT start_t FROM dialogue WHERE id = '\''oost'\''" >after &&
	test $(( $(cat after) - $(cat before) )) = 14400 &&
	sed -i "s|^language: nl|language: en|" w5/wd.yaml &&
	wd-report -C w5 index &&
	test "$(sqlite3 w5/.wd/index.sqlite "SELECT language FROM dialogues WHERE id = '\''oost'\''")" = en
'

test_expect_success 'the index is written only by the wd tools; deleting .wd loses nothing' '
	test_example_workspace &&
	wd-report -C ws index &&
	test_tree_sum ws >before &&
	rm -rf ws/.wd &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_done
