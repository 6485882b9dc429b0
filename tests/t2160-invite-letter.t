#!/bin/sh
test_description='wd-invite send --channel letter: a printable A4 page per person'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

test_expect_success 'a letter for the dialogue on 2026-12-12 19:30: the date written out in Dutch' '
	invite_workspace ws &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --channel letter --out ../brieven 2>err &&
	test_grep "^wd-invite: wrote 1 letter in ../brieven: print it and take it round$" err &&
	test "$(grep -c "^wd-invite: warning: nothing sent to .* no postal address$" err)" = 4 &&
	ls brieven >files &&
	echo ozlem-yildiz.html >expect &&
	test_cmp expect files &&
	L=brieven/ozlem-yildiz.html &&
	test_grep "zaterdag 12 december 2026" $L &&
	test_grep "19.30 uur" $L &&
	test_grep "<dd>zaterdag 12 december 2026<br>19.30 uur tot 21.30 uur</dd>" $L &&
	test_grep "<html lang=\"nl\">" $L &&
	test_grep "<p class=\"date\">20 november 2026</p>" $L
'

test_expect_success 'addressed with the postal address of contacts.yaml, a line each' '
	L=brieven/ozlem-yildiz.html &&
	sed -n "/<div class=\"address\">/,/<\/div>/p" $L >address &&
	cat >expect <<-\EOF &&
	<div class="address">Özlem Yıldız<br>
	Kanaalstraat 40<br>
	3531 CJ Utrecht</div>
	EOF
	test_cmp expect address &&
	test_grep "<p>Beste Özlem Yıldız,</p>" $L
'

test_expect_success 'self-contained, for A4, readable by its owner only' '
	L=brieven/ozlem-yildiz.html &&
	test_grep "@page{size:A4" $L &&
	test_grep "@media print" $L &&
	test_grep -v "http:" $L &&
	test_grep -v "https:" $L &&
	test_grep -v "src=" $L &&
	test_grep -v "<link" $L &&
	test_grep -v "@import" $L &&
	test_grep -v "url(" $L &&
	test_grep -v "{{" $L &&
	test "$(ls -l $L | cut -c1-10)" = "-rw-------"
'

test_expect_success 'recorded as sent by letter' '
	sed -n "/id: ozlem-yildiz/,/- id:/p" ws/oost/people.yaml >ozlem &&
	test_grep "^      channel: letter$" ozlem &&
	test_grep "^      sent: 2026-11-20T10:00:00+01:00$" ozlem &&
	test "$(grep -c " sent: " ws/oost/people.yaml)" = 1
'

test_expect_success 'every value is escaped for HTML' '
	invite_workspace esc &&
	WD_NOW=2026-11-01T10:00 wd-invite -C esc -q add "Jan & <b>Piet</b> \"O'\''Neill\"" \
		--address "Straat 1 <script>alert(1)</script>, 1234 AB & Zo" &&
	sed -i "s/^venue: .*/venue: \"Zaal <i>1<\/i> \\& co\"/" esc/oost/dialogue.yaml &&
	WD_NOW=2026-11-20T10:00 wd-invite -C esc -q send --channel letter --out ../esc-out \
		jan-b-piet-b-oneill &&
	L=$(ls esc-out/*.html) &&
	test_grep "Jan &amp; &lt;b&gt;Piet&lt;/b&gt; &quot;O&#39;Neill&quot;" $L &&
	test_grep "Straat 1 &lt;script&gt;alert(1)&lt;/script&gt;<br>" $L &&
	test_grep "1234 AB &amp; Zo" $L &&
	test_grep "<dd>Zaal &lt;i&gt;1&lt;/i&gt; &amp; co, Utrecht-Oost</dd>" $L &&
	test_grep -v "<script" $L &&
	test_grep -v "<b>Piet" $L
'

test_expect_success 'in English for a person whose language is en' '
	invite_workspace en &&
	WD_NOW=2026-11-01T10:00 wd-invite -C en -q add "Emma Evans" --lang en \
		--address "Kerkstraat 3, 3531 AA Utrecht" &&
	WD_NOW=2026-11-20T10:00 wd-invite -C en -q send --channel letter --out ../en-out &&
	L=en-out/emma-evans.html &&
	test_grep "<html lang=\"en\">" $L &&
	test_grep "<dd>Saturday 12 December 2026<br>19:30 to 21:30</dd>" $L &&
	test_grep "<p>Dear Emma Evans,</p>" $L &&
	test_grep "zaterdag 12 december 2026" en-out/ozlem-yildiz.html
'

test_expect_success 'what a killed run left in --out goes with the next letter written there' '
	printf "<html>Kanaalstraat 40" >brieven/.ozlem-yildiz.html.wdtmp-Kill9x &&
	printf "eigen" >brieven/.notities.txt &&
	WD_NOW=2026-11-21T10:00 wd-invite -C ws -q send --again --channel letter \
		--out ../brieven ozlem &&
	ls -A brieven >files &&
	printf "%s\n" .notities.txt ozlem-yildiz.html >expect &&
	test_cmp expect files
'

test_expect_success 'the folder of --out is made, not its parents' '
	test_expect_code 73 env WD_NOW=2026-11-20T10:00 wd-invite -C en send --again \
		--channel letter --out ../no/such/dir 2>err &&
	test_grep "cannot create folder" err &&
	test "$(grep -c " sent: 2026-11-20T10:00" en/oost/people.yaml)" = 2
'

test_done
