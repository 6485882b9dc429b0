#!/bin/sh
test_description='wd-report summary --format html: one self-contained page, escaped, printable'
. ./test-lib.sh

WD_NOW=2027-01-20T12:00
export WD_NOW

test_expect_success 'setup' '
	test_example_workspace &&
	cat >check-html.py <<-\EOF
	# check-html.py FILE: parse the page with html.parser; every element
	# closed in order, every chart an accessible <svg> in its own figure;
	# prints the number of charts.
	import sys
	from html.parser import HTMLParser

	VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input",
	        "link", "meta", "source", "track", "wbr"}

	class Page(HTMLParser):
	    def __init__(self):
	        super().__init__(convert_charrefs=True)
	        self.stack, self.problems, self.charts = [], [], []
	        self.figures = 0

	    def handle_starttag(self, tag, attrs):
	        a = dict(attrs)
	        if tag == "svg":
	            if a.get("role") != "img" or not a.get("aria-label"):
	                self.problems.append("svg without role/aria-label")
	            if "viewbox" not in a:
	                self.problems.append("svg without a viewBox")
	            if self.stack[-1:] != ["figure"]:
	                self.problems.append("svg outside its figure")
	            self.charts.append([])
	        elif "svg" in self.stack and self.stack[-1] == "svg":
	            self.charts[-1].append(tag)
	        if tag == "figure" and "figure" in a.get("class", "").split():
	            self.figures += 1
	        if tag not in VOID:
	            self.stack.append(tag)

	    def handle_endtag(self, tag):
	        if not self.stack or self.stack[-1] != tag:
	            self.problems.append("</%s> closes <%s> at %s" %
	                                 (tag, self.stack[-1:], self.getpos()))
	            return
	        self.stack.pop()

	p = Page()
	text = open(sys.argv[1], encoding="utf-8").read()
	assert text.startswith("<!DOCTYPE html>\n"), text[:40]
	p.feed(text)
	p.close()
	assert not p.problems, p.problems
	assert not p.stack, p.stack
	for kids in p.charts:
	    assert kids[:2] == ["title", "desc"], kids
	assert p.figures == len(p.charts), (p.figures, len(p.charts))
	print(len(p.charts))
	EOF
'

# no-external FILE: nothing in it points outside it
no_external() {
	! grep -n -i -E "https?:|ftp:|data:|file:|src=|@import|<script|<link|<iframe|<object|<embed|url\(|=\"//" "$1" &&
	{ grep -o -i "href=\"[^\"]*\"" "$1" || :; } >hrefs &&
	! grep -v "^href=\"#d-" hrefs
}

test_expect_success 'a dialogue: no external references, well-formed, three charts' '
	wd-report -C ws summary -d oost --format html >oost.html &&
	no_external oost.html &&
	test "$(python3 check-html.py oost.html)" = 3 &&
	test_grep "^<html lang=\"nl\">$" oost.html &&
	test_grep "<meta charset=\"utf-8\">" oost.html &&
	test_grep "@page{size:A4;" oost.html &&
	test_grep "break-before:page" oost.html
'

test_expect_success 'all dialogues: overview, timeline and themes, then each dialogue' '
	wd-report -C ws summary --all --format html >all.html &&
	no_external all.html &&
	test_grep "href=\"#d-lombok\"" all.html &&
	test_grep "id=\"d-lombok\"" all.html &&
	test "$(python3 check-html.py all.html)" = 6 &&
	grep -o "aria-label=\"[^\"]*\"" all.html >labels &&
	cat >expect <<-\EOF &&
	aria-label="Dialogen door de tijd"
	aria-label="Thema&#39;s"
	aria-label="Deelname per rol"
	aria-label="Oogst per ronde"
	aria-label="Stand van de acties"
	aria-label="Deelname per rol"
	EOF
	test_cmp expect labels
'

test_expect_success 'what the text report says, the page says, in Dutch' '
	for w in "Wanneer" "zaterdag 12 december 2026, 19.30 uur" "21.30 uur" \
		"Buurthuis De Boog, Kanaalstraat 12 (Utrecht-Oost)" \
		"Gespreksbegeleiders" "Anna de Vries, Mohamed Bakkali" \
		"Deelname" "Bewoners waren de grootste groep." \
		"Wat werkt: ervaringen en citaten" "Mogelijkheden en verbindingen" \
		"Het estafettestokje" "Terugblik" \
		"uiterlijk donderdag 31 december 2026" "bezig" "te laat" \
		"nodig" "Het stokje gaat naar" "Thuis in Lombok" \
		"Hoe vinden jongeren en ouderen elkaar in de buurt?" \
		"Gemaakt met wijkdialoog op woensdag 20 januari 2027" \
		"Estafette Utrecht-Oost" "Buurtteam Oost"
	do
		grep -F "$w" oost.html >/dev/null || { echo "missing: $w"; exit 1; }
	done &&
	test $(grep -c "<strong class=\"badge late\">te laat</strong>" oost.html) = 2 &&
	grep -F "Het stokje kwam van" all.html >/dev/null &&
	grep -F "1</strong> deelnemer kwam ook naar de vorige dialoog" all.html >/dev/null
'

test_expect_success 'the groups of the harvest come in the order of the dialogue' '
	grep -o "<h3 class=\"group-title\">[^<]*" oost.html | sed "s/.*>//" >groups &&
	cat >expect <<-\EOF &&
	Wat werkt: ervaringen en citaten
	Dromen
	Mogelijkheden en verbindingen
	Acties
	Het estafettestokje
	Terugblik
	EOF
	test_cmp expect groups
'

test_expect_success 'the page is the same every time (no clock but WD_NOW)' '
	wd-report -C ws summary --all --format html >again.html &&
	test_cmp all.html again.html &&
	WD_NOW=2027-03-01 wd-report -C ws summary --all --format html >later.html &&
	test_grep "op maandag 1 maart 2027" later.html
'

test_expect_success 'a workspace in English gets an English page' '
	test_example_workspace en &&
	sed -i "s/^language: nl/language: en/" en/wd.yaml &&
	wd-report -C en summary -d oost --format html >en.html &&
	test_grep "^<html lang=\"en\">$" en.html &&
	test_grep "Made with wijkdialoog on Wednesday 20 January 2027" en.html &&
	test_grep "Participation by role" en.html &&
	test_grep -v "Deelname" en.html
'

test_expect_success 'setup: user text full of markup' '
	test_example_workspace esc &&
	python3 - esc <<-\EOF &&
	import sys, os
	def edit(path, pairs):
	    path = os.path.join(sys.argv[1], path)
	    s = open(path, encoding="utf-8").read()
	    for old, new in pairs:
	        assert old in s, old
	        s = s.replace(old, new)
	    open(path, "w", encoding="utf-8").write(s)
	q = "\x27"     # a single quote; YAML doubles it inside single quotes
	edit("oost/dialogue.yaml", [
	    ("title: Elkaar zien in Oost",
	     "title: " + q + "Oost <x-title>&amp; \"samen\" " + q + q + "t buurthuis" + q),
	    ("place: Utrecht-Oost",
	     "place: " + q + "Oost <x-place> & \"de\" " + q + q + "Boog" + q + q + q),
	    ("theme: elkaar zien",
	     "theme: " + q + "samen <x-theme> & \"leven\" " + q + q + "nu" + q + q + q),
	    ("  - Anna de Vries\n",
	     "  - " + q + "Anna <x-name> & \"Vries\" " + q + q + "A" + q + q + q + "\n"),
	    ("    - lombok\n", "    - lombok\n    - elders\n"),
	])
	edit("oost/people.yaml", [
	    ("name: Anna de Vries",
	     "name: " + q + "Anna <x-name> & \"Vries\" " + q + q + "A" + q + q + q),
	])
	EOF
	wd-harvest -C esc add -d oost --kind ervaring --table 3 \
		"<script>alert(1)</script> & \"quotes\"" &&
	wd-report -C esc summary --all --format html >esc.html &&
	wd-report -C esc summary --all --format json >esc.json
'

test_expect_success 'harvest text is escaped in HTML and intact in JSON' '
	test_grep -v "<script" esc.html &&
	test_grep "<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</li>" esc.html &&
	python3 - esc.json <<-\EOF
	import json, sys
	d = json.load(open(sys.argv[1], encoding="utf-8"))
	texts = [i["text"] for g in d[0]["harvest"] for i in g["items"]]
	assert "<script>alert(1)</script> & \"quotes\"" in texts, texts
	assert d[0]["title"] == "Oost <x-title>&amp; \"samen\" \x27t buurthuis", d[0]["title"]
	EOF
'

test_expect_success 'a title, a name, a place and a theme are escaped everywhere' '
	no_external esc.html &&
	test "$(python3 check-html.py esc.html)" = 6 &&
	test_grep -v "<x-" esc.html &&
	test_grep -v "\"samen\"" esc.html &&
	test_grep -v "'\''t buurthuis" esc.html &&
	test_grep -v "\"Vries\"" esc.html &&
	test_grep -v "\"leven\"" esc.html &&
	python3 - esc.html <<-\EOF
	import re, sys
	page = open(sys.argv[1], encoding="utf-8").read()
	title = "Oost &lt;x-title&gt;&amp;amp; &quot;samen&quot; &#39;t buurthuis"
	name = "Anna &lt;x-name&gt; &amp; &quot;Vries&quot; &#39;A&#39;"
	place = "Oost &lt;x-place&gt; &amp; &quot;de&quot; &#39;Boog&#39;"
	theme = "samen &lt;x-theme&gt; &amp; &quot;leven&quot; &#39;nu&#39;"
	svgs = re.findall(r"<svg .*?</svg>", page, re.S)
	body = re.sub(r"<svg .*?</svg>", "", page, flags=re.S)
	# the overview table, the heading, the relay of the next dialogue
	assert body.count(title) == 3, body.count(title)
	assert "<h2 class=\"title\">" + title + "</h2>" in body
	# hosts, the quote, the owner of an action
	assert body.count(name) == 3, body.count(name)
	assert body.count(place) == 2, body.count(place)
	assert body.count(theme) == 2, body.count(theme)
	timeline = [s for s in svgs if "Dialogen door de tijd" in s][0]
	assert timeline.count(title) == 2, timeline      # <desc> and <text>
	themes = [s for s in svgs if "aria-label=\"Thema" in s][0]
	assert themes.count(theme) == 2, themes           # <desc> and <text>
	assert "elders</span> <span class=\"muted\">(in een andere werkruimte)" in body
	EOF
'

test_expect_success 'a person who did not consent to be named is in no format' '
	for f in text md html json
	do
		wd-report -C ws summary --all --format $f >out.$f &&
		test -s out.$f &&
		! grep -i -F -e "Özlem" -e "Yıldız" -e "zlem" -e "yildiz" out.$f ||
		exit 1
	done &&
	grep -F "Bij de buurtmaaltijd in De Boog" out.html >/dev/null
'

if test_have chromium; then
	test_expect_success 'headless Chromium prints the page to a PDF and a PNG' '
		wd-report -C ws summary --all --format html >report.html &&
		chromium --headless --no-sandbox --disable-gpu \
			--disable-background-networking --disable-component-update \
			--disable-sync --no-first-run --no-pdf-header-footer \
			--user-data-dir="$TRASH_DIRECTORY/chrome" \
			--print-to-pdf="$TRASH_DIRECTORY/out.pdf" \
			"file://$TRASH_DIRECTORY/report.html" 2>/dev/null &&
		test "$(head -c 4 out.pdf)" = "%PDF" &&
		test $(wc -c <out.pdf) -gt 8000 &&
		chromium --headless --no-sandbox --disable-gpu \
			--disable-background-networking --disable-component-update \
			--disable-sync --no-first-run --hide-scrollbars \
			--user-data-dir="$TRASH_DIRECTORY/chrome" \
			--window-size=1024,2000 \
			--screenshot="$TRASH_DIRECTORY/out.png" \
			"file://$TRASH_DIRECTORY/report.html" 2>/dev/null &&
		test -s out.png &&
		test "$(head -c 4 out.png | tail -c 3)" = "PNG" &&
		if test_have pdfinfo
		then
			pdfinfo out.pdf >info &&
			test_grep "^Page size: .*(A4)" info
		fi
	'
else
	test_skip 'headless Chromium prints the page to a PDF and a PNG' 'no chromium'
fi

test_done
