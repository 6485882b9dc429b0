#!/usr/bin/env python3
"""python_build.py - the index as a user would build it without wijkdialoog

    python3 python_build.py WORKSPACE SCHEMA.sql OUT.sqlite

Walks the workspace, loads each dialogue.yaml, people.yaml and
harvest/*.yaml with PyYAML's C loader (yaml.CSafeLoader), and fills the
same tables (SCHEMA.sql: `sqlite3 .wd/index.sqlite .schema` of an index
wd-report built) with sqlite3's executemany, in one transaction, with the
same pragmas as wd-report (journal and synchronous off while building).

Python's sqlite3 cannot register wd-report's stemming tokenizer (it is
registered through the C fts5_api), so the full-text table here uses
FTS5's unicode61 tokenizer with remove_diacritics 2, which does less work
than ours: the comparison is in Python's favour.
"""
import datetime
import os
import re
import sqlite3
import sys

import yaml

KIND_PHASE = {
    "experience": "discover", "quote": "discover", "dream": "dream",
    "possibility": "design", "connection": "design", "action": "deliver",
    "baton": "deliver", "question": "design", "feedback": "deliver",
}


def text(v):
    """A YAML value as the text it was written as (PyYAML guesses types)."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, datetime.datetime):
        return v.isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    return str(v)


def epoch(v):
    if isinstance(v, datetime.datetime):
        return int(v.timestamp())
    if isinstance(v, datetime.date):
        return int(datetime.datetime(v.year, v.month, v.day).timestamp())
    if isinstance(v, str):
        try:
            return int(datetime.datetime.fromisoformat(v).timestamp())
        except ValueError:
            return None
    return None


def flag(v):
    if v is None:
        return None
    return 1 if v in (True, "yes", "ja", "true", "1", 1) else 0


def as_list(v):
    if v is None:
        return []
    return [text(x) for x in (v if isinstance(v, list) else [v])]


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=yaml.CSafeLoader) or {}


def main():
    root, schema_path, out = sys.argv[1:4]
    with open(schema_path) as f:
        schema = f.read()
    schema = re.sub(r"tokenize = 'wd [a-z]+'",
                    "tokenize = 'unicode61 remove_diacritics 2'", schema)
    if os.path.exists(out):
        os.unlink(out)
    db = sqlite3.connect(out)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.executescript(schema)

    files, dialogues, people, items = [], [], [], []
    tags, owners, history, fts = [], [], [], []
    st = os.stat

    def add_file(rel, dl, kind):
        s = st(os.path.join(root, rel))
        files.append((len(files) + 1, rel, dl, kind, s.st_size,
                      s.st_mtime_ns, s.st_ctime_ns, s.st_ino))
        return len(files)

    for dl in sorted(os.listdir(root)):
        dpath = os.path.join(root, dl, "dialogue.yaml")
        if dl.startswith(".") or not os.path.isfile(dpath):
            continue
        fid = add_file(dl + "/dialogue.yaml", dl, "d")
        d = load(dpath)
        relay = d.get("relay") or {}
        dialogues.append((
            fid, dl, text(d.get("title")), text(d.get("theme")),
            text(d.get("question")), text(d.get("place")),
            text(d.get("venue")), text(d.get("start")), epoch(d.get("start")),
            text(d.get("end")), epoch(d.get("end")), d.get("capacity"),
            text(d.get("status")), text(d.get("language")), d.get("tables"),
            ", ".join(as_list(d.get("hosts"))) or None,
            ", ".join(as_list(d.get("initiators"))) or None,
            text(relay.get("from")), ",".join(as_list(relay.get("to"))) or None,
            text(relay.get("baton"))))

        ppath = os.path.join(root, dl, "people.yaml")
        if os.path.isfile(ppath):
            fid = add_file(dl + "/people.yaml", dl, "p")
            for pos, p in enumerate(load(ppath).get("people") or []):
                c = p.get("consent") or {}
                inv = p.get("invitation") or {}
                people.append((
                    fid, dl, text(p.get("id")), pos, text(p.get("name")),
                    text(p.get("role")) or "other",
                    text(p.get("organisation")), text(p.get("lang")),
                    p.get("table"), flag(p.get("host")), text(p.get("rsvp")),
                    text(p.get("answered")), flag(p.get("waiting")),
                    flag(p.get("attended")), text(c.get("contact")),
                    text(c.get("named")), text(c.get("photo")),
                    text(inv.get("channel")), text(inv.get("sent")),
                    text(inv.get("reminded")), text(p.get("from")),
                    text(p.get("note"))))

        hdir = os.path.join(root, dl, "harvest")
        if not os.path.isdir(hdir):
            continue
        for name in sorted(os.listdir(hdir)):
            if name.startswith(".") or not name.endswith(".yaml"):
                continue
            fid = add_file(dl + "/harvest/" + name, dl, "h")
            source = name[:-5]
            for pos, it in enumerate(load(os.path.join(hdir, name)).get("items") or []):
                iid, kind = text(it.get("id")), text(it.get("kind"))
                t, need = text(it.get("text")), text(it.get("need"))
                tg, ow = as_list(it.get("tags")), as_list(it.get("owner"))
                status = text(it.get("status"))
                if kind == "action" and status is None:
                    status = "open"
                items.append((
                    fid, dl, source, iid, pos, kind,
                    text(it.get("phase")) or KIND_PHASE.get(kind), t,
                    text(it.get("by")), text(it.get("role")), it.get("table"),
                    ",".join(tg) or None, ",".join(ow) or None,
                    text(it.get("due")), epoch(it.get("due")), status, need,
                    flag(it.get("named")), text(it.get("created"))))
                fts.append((len(items), t, " ".join(tg) or None, need))
                tags.extend((fid, dl, iid, x) for x in tg)
                owners.extend((fid, dl, iid, x) for x in ow)
                for hpos, h in enumerate(it.get("history") or []):
                    history.append((fid, dl, iid, hpos, text(h.get("at")),
                                    text(h.get("status")), text(h.get("note"))))

    db.execute("BEGIN")
    db.executemany("INSERT INTO file(id, path, dialogue, type, size, mtime,"
                   " ctime, ino) VALUES(?, ?, ?, ?, ?, ?, ?, ?)", files)
    db.executemany("INSERT INTO dialogue VALUES(" + ", ".join("?" * 20) + ")",
                   dialogues)
    db.executemany("INSERT INTO person VALUES(" + ", ".join("?" * 22) + ")",
                   people)
    db.executemany("INSERT INTO item VALUES(" + ", ".join("?" * 19) + ")",
                   items)
    db.executemany("INSERT INTO item_fts(rowid, text, tags, need)"
                   " VALUES(?, ?, ?, ?)", fts)
    db.executemany("INSERT INTO item_tag VALUES(?, ?, ?, ?)", tags)
    db.executemany("INSERT INTO item_owner VALUES(?, ?, ?, ?)", owners)
    db.executemany("INSERT INTO history VALUES(?, ?, ?, ?, ?, ?, ?)", history)
    db.commit()
    db.close()
    print(len(files), "files,", len(items), "items,", len(people), "people")


if __name__ == "__main__":
    main()
