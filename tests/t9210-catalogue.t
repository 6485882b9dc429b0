#!/bin/sh
test_description='the Dutch catalogue translates every message of the sources'
. ./test-lib.sh

# WD_TEST_PO: another catalogue to check instead of share/po/nl.po, for
# instance a copy with one msgstr emptied, to see this test fail.  The
# catalogue itself is never changed: the test works on a copy.
PO=${WD_TEST_PO:-$TEST_DIRECTORY/../share/po/nl.po}
case $PO in
/*) ;;
*) PO=$OLDPWD/$PO ;;	# test-lib.sh has changed to the trash folder
esac
SRC=$TEST_DIRECTORY/..

for prog in xgettext msgmerge msgattrib msgfmt; do
	if ! test_have $prog; then
		test_skip 'the Dutch catalogue' "no $prog (install gettext)"
		test_done
	fi
done

# The msgids of a PO file, one a line as a C string, the header left out.
msgids() {
	awk '
	function flush() { gsub(/""/, "", id); if (id != "") print id; on = 0 }
	/^msgid / { if (on) flush(); id = substr($0, 7); on = 1; next }
	/^"/ && on { id = id $0; next }
	on { flush() }
	END { if (on) flush() }
	' "$1"
}

# test_no_messages WHAT FILE: FILE holds no message, or name them all.
test_no_messages() {
	msgids "$2" >"$2.ids" &&
	if test -s "$2.ids"; then
		echo >&2 "$(wc -l <"$2.ids" | tr -d " ") message(s) $1 in $PO:"
		sed "s/^/$1: /" "$2.ids" >&2
		return 1
	fi
}

test_expect_success 'the messages of the current sources are extracted' '
	# the options of the pot target in the Makefile
	(cd "$SRC" &&
	 xgettext --keyword=_ --keyword=N_ --keyword=Q_:1,2 --from-code=UTF-8 --add-comments \
		--package-name=wijkdialoog --msgid-bugs-address= \
		--sort-by-file -o "$TRASH_DIRECTORY/messages.pot" \
		lib/*.c cmd/*.c) &&
	grep "^msgid " messages.pot >ids &&
	test_line_count -gt 100 ids
'

test_expect_success 'a copy of the catalogue is merged with them' '
	test -f "$PO" &&
	cp "$PO" copy.po &&
	msgmerge -q -o merged.po copy.po messages.pot &&
	test -s merged.po
'

test_expect_success 'every message has a Dutch translation' '
	msgattrib --untranslated --no-obsolete merged.po >untranslated.po &&
	test_no_messages untranslated untranslated.po
'

test_expect_success 'no translation is fuzzy' '
	msgattrib --only-fuzzy --no-obsolete merged.po >fuzzy.po &&
	test_no_messages fuzzy fuzzy.po
'

test_expect_success 'msgfmt --check accepts the catalogue' '
	msgfmt --check --statistics -o nl.mo "$PO" 2>stats
	ret=$?
	cat stats &&
	test $ret -eq 0 &&
	test_grep "^[0-9][0-9]* translated messages\.$" stats &&
	test -s nl.mo
'

test_expect_success 'every c-format translation keeps the conversions of its msgid' '
	grep "^#,.*[ ,]c-format" merged.po >formats &&
	test_line_count -gt 50 formats &&
	msgfmt --check-format -o /dev/null merged.po
'

test_done
