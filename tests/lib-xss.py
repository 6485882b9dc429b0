#!/usr/bin/env python3
# lib-xss.py - put XSS payloads in every user-supplied field of a
# workspace, and check that an HTML page shows each of them as text
#
#   python3 lib-xss.py fill DIR MODE   every whole value QQnn in the YAML
#                                      files of DIR becomes field nn: a
#                                      payload (MODE xss) or as many v's
#                                      (MODE plain); also a tag [qqnn];
#                                      the questions of each dialogue
#                                      become fields 50 and up, and its
#                                      relay gets a baton
#   python3 lib-xss.py scan PAGE...    each PAGE (a relative path with "xss")
#                                      against the same page made from the
#                                      plain workspace (the path with
#                                      "plain" instead): exit 1, with a
#                                      line for each problem, when
#     - an element or an attribute is on it that the plain page has not,
#       an event handler (on...), or a link or source out (href, src...),
#     - a field the plain page shows whole is not there whole as text or
#       as an attribute value (escaping lost or mangled it), or is there
#       as it is in the source (not escaped),
#     - user data is in a script, style, comment or processing
#       instruction.
# Used by t8500-security.t; Python's html.parser stands in for a browser.
import json
import os
import re
import sys
from html.parser import HTMLParser

PAYLOADS = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    '</title><script>alert(4)</script>',
    '</style><script>alert(5)</script>',
    '<!-- x',
    '&lt;b&gt;al &amp; escaped&#39;',
    '<a href="javascript:alert(8)">klik</a>',
    ']]><script>alert(9)</script><![CDATA[',
    '{{address}} {{name}} {{style}}',
    '<iframe srcdoc="&lt;script&gt;alert(11)&lt;/script&gt;"></iframe>',
    '<style>*{background:url(//evil.example/x)}</style>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(13)>',
    'javascript:alert(14)',
    '<body onload=alert(15)>',
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=//evil.example/">',
    "<?php echo 1; ?> <% x %> ${x} `x`",
    '<scr<script>ipt>alert(19)</script>',
    '<svg><desc><![CDATA[</desc><script>alert(20)</script>]]></svg>',
    '\\"><script>alert(21)</script>',
    '<img src="x` `<script>alert(22)</script>"` `>',
]


def value(n, mode):
    p = PAYLOADS[n % len(PAYLOADS)]
    if mode == "plain":
        p = re.sub(r"[^ ]", "v", p)
    return "%s [%02d]" % (p, n)


def fill(root, mode):
    """Each whole value QQnn (and a tag [qqnn]) becomes value(nn); the
    questions of a dialogue QQ5n, QQ6n; its relay gets a baton QQ7n."""
    whole = re.compile(r'^(\s*(?:- |[A-Za-z_]+: ))QQ(\d\d)\s*$')
    tag = re.compile(r'\[qq(\d\d)\]')
    base = 50
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if not f.endswith(".yaml"):
                continue
            path = os.path.join(d, f)
            out, inq = [], False
            for line in open(path, encoding="utf-8").read().split("\n"):
                if f == "dialogue.yaml":
                    if re.match(r"^\S", line):
                        inq = line.startswith("questions:")
                    if inq and line.startswith("    - "):
                        line = "    - QQ%02d" % base
                        base += 1
                    if line == "relay:":
                        out.append(line)
                        line = "  baton: QQ%02d" % base
                        base += 1
                m = whole.match(line)
                if m:
                    line = m.group(1) + json.dumps(value(int(m.group(2)), mode),
                                                   ensure_ascii=False)
                if line.lstrip().startswith("tags:"):
                    line = tag.sub(lambda t: "[" + json.dumps(
                        value(int(t.group(1)), mode), ensure_ascii=False) + "]", line)
                out.append(line)
            open(path, "w", encoding="utf-8").write("\n".join(out))


class Page(HTMLParser):
    """What a browser would make of a page: its elements with their
    attributes, the text, attribute values, and what is not text."""
    RAW = ("script", "style")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shape, self.text, self.raw, self.bad = set(), [], [], []
        self.stack = []

    def starttag(self, tag, attrs):
        self.shape.add((tag, tuple(sorted(a for a, _ in attrs))))
        for a, v in attrs:
            v = v or ""
            self.text.append(v)
            if a.startswith("on"):
                self.bad.append("event handler %s=%r" % (a, v))
            if a in ("href", "src", "action", "formaction", "xlink:href",
                     "srcdoc", "data") and not v.startswith("#"):
                self.bad.append("a link out %s=%r" % (a, v))

    def handle_starttag(self, tag, attrs):
        self.starttag(tag, attrs)
        self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, d):
        (self.raw if self.stack and self.stack[-1] in self.RAW else self.text).append(d)

    def handle_comment(self, d):
        self.raw.append(d)

    def handle_pi(self, d):
        self.raw.append(d)

    def unknown_decl(self, d):
        self.raw.append(d)


def read(path):
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    p.close()
    return p


def fields(p, mode):
    """The fields whose whole value is text or an attribute value of the page."""
    n = set()
    for k in range(100):
        v = value(k, mode)
        if any(v in t for t in p.text):
            n.add(k)
    return n


def scan(plain_path, xss_path):
    a, b = read(plain_path), read(xss_path)
    errors = list(b.bad)
    src = open(xss_path, encoding="utf-8").read()
    for k in range(100):
        v = value(k, "xss")
        if re.search(r"[<&]", v) and v in src:
            errors.append("field %02d as it is, not escaped: %r" % (k, v))
    for shape in sorted(b.shape - a.shape):
        errors.append("an element or attribute from user data: %r" % (shape,))
    fa, fb = fields(a, "plain"), fields(b, "xss")
    if not fa:
        errors.append("no field at all on the page")
    for k in sorted(fa - fb):
        errors.append("field %02d mangled: %r" % (k, value(k, "xss")))
    for k in sorted(fb - fa):
        errors.append("field %02d only with the payload" % k)
    for r in b.raw:
        if re.search(r"\[\d\d\]", r):
            errors.append("user data in a script, style or comment: %r" % r[:80])
    for e in errors:
        print("%s: %s" % (xss_path, e))
    print("%s: %d fields, each escaped whole" % (xss_path, len(fb)), file=sys.stderr)
    return not errors


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "scan":
        ok = True
        for x in sys.argv[2:]:
            ok = scan(x.replace("xss", "plain"), x) and ok
        sys.exit(0 if ok else 1)
    else:
        sys.exit("usage: lib-xss.py fill DIR xss|plain | scan PAGE...")
