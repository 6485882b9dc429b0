#!/bin/sh
# run.sh - the benchmarks behind `make bench`; see tests/bench/README.md
#
#   BENCH_SIZES="S L"   which corpora (default both)
#   BENCH_RUNS=5        timed runs of each build (after one warm-up)
#   BENCH_QUICK_RUNS=15 timed runs of everything else (refresh, git
#                       status, edit, add, search, summary)
#
# Expects the optimised binaries in build-bench/ (make bench builds them).
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
B=$top/build-bench
T=$B/tests/bench
sizes=${BENCH_SIZES:-S L}
runs=${BENCH_RUNS:-5}
quick=${BENCH_QUICK_RUNS:-15}
cores=$(nproc 2>/dev/null || echo 1)
CC=${CC:-cc}
export LC_ALL=C WD_USER=bench
unset WD_DIR WD_NOW 2>/dev/null || true

say() { printf '%s\n' "$*" >&2; }

case " $sizes " in *" S "*|*" L "*) ;; *) say "run.sh: BENCH_SIZES is S, L or both"; exit 64 ;; esac
[ -x "$B/wd-report" ] || { say "run.sh: no $B/wd-report; run 'make bench'"; exit 66; }
command -v sqlite3 >/dev/null || { say "run.sh: needs the sqlite3 program"; exit 69; }

# --- the helpers, against the optimised libwd ---
mkdir -p "$T"
flags="-std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
	-Wmissing-prototypes -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -O2 -DNDEBUG
	-iquote $top/lib $(pkg-config --cflags yaml-0.1 sqlite3)"
libs="$B/libwd.a $(pkg-config --libs yaml-0.1 sqlite3) -lcsv -lstemmer"
for p in gen timeit baseline-parse baseline-insert; do
	if [ ! -x "$T/$p" ] || [ "$top/tests/bench/$p.c" -nt "$T/$p" ] ||
	   [ "$B/libwd.a" -nt "$T/$p" ]; then
		# shellcheck disable=SC2086
		$CC $flags -o "$T/$p" "$top/tests/bench/$p.c" $libs
	fi
done
timeit() { "$T/timeit" -n "$runs" -w 1 "$@"; }
qtimeit() { "$T/timeit" -n "$quick" -w 1 "$@"; }
ms() { printf '%s\n' "$1" | cut -d' ' -f1; }
rss() { printf '%s\n' "$1" | cut -d' ' -f4; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# --- corpora, cached by size and generator version ---
gv=$("$T/gen" --version)
corpus() {	# NAME DIALOGUES: make the pristine, committed corpus in $c
	c=$B/corpus/$1-$2x40x100-v$gv
	mkdir -p "$B/corpus"
	if [ ! -d "$c" ]; then
		say "bench: generating $1 ($2 dialogues x 40 people x 100 items)"
		rm -rf "$c.tmp"
		"$T/gen" "$c.tmp" "$2" 40 100 7
		(cd "$c.tmp" && git init -q && git add -A &&
		 GIT_AUTHOR_DATE=2026-01-01T00:00:00Z \
		 GIT_COMMITTER_DATE=2026-01-01T00:00:00Z \
		 git -c user.name=bench -c user.email=bench@example.org \
			commit -q -m corpus)
		mv "$c.tmp" "$c"
	fi
}
workcopy() {	# NAME DIALOGUES: a fresh copy to work in, in $w
	corpus "$1" "$2"
	w=$B/work/$1
	rm -rf "$w"
	mkdir -p "$B/work"
	cp -a "$c" "$w"
}

wd() { "$B/wd-report" "$@"; }
out=$B/bench.out
: > "$out"
note() { printf '%s\n' "$*" >> "$out"; say "bench: $*"; }

# Both sides of a ratio are measured in turns, run for run, so that both
# see the same load on a machine that does other work meanwhile: the
# measuring program (timeit -b, baseline-insert -b) runs the other side
# before each of its runs through "once", which times one run and appends
# it to a file.  The first line of such a file is the warm-up's.
R=$B/rounds
rm -rf "$R"
mkdir -p "$R"
{
	echo '#!/bin/sh'
	echo '# once FILE [-x] [-b CMD] -- COMMAND...: time one run, append it to FILE'
	echo 'f=$1'
	echo 'shift'
	echo "exec '$T/timeit' -n 1 -w 0 \"\$@\" >> \"\$f\""
} > "$R/once"
chmod +x "$R/once"
med() {		# FILE: the median time (ms) of its lines but the first
	sed 1d "$1" | cut -d' ' -f1 | sort -n | awk '{ v[NR] = $1 } END {
		if (NR % 2) printf "%.3f", v[(NR + 1) / 2];
		else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peak() {	# FILE: the largest peak memory (KiB) of its lines but the first
	sed 1d "$1" | cut -d' ' -f4 | sort -n | tail -n 1
}

# --- per size: the build and its floors, refresh, edit ---
measure() {	# NAME DIALOGUES
	n=$1
	workcopy "$1" "$2"
	eval "w_$n=\$w"
	files=$(find "$w" -name '*.yaml' ! -name contacts.yaml ! -name wd.yaml | wc -l)
	eval "files_$n=$files dl_$n=$2"
	note "$n: $2 dialogues x 40 people x 100 items, $files files read by the index"

	# a first build gives the schema and the rows for baseline-insert
	rm -rf "$w/.wd"
	wd -C "$w" index
	sqlite3 "$w/.wd/index.sqlite" .schema > "$B/schema-$n.sql"
	cp "$w/.wd/index.sqlite" "$B/reference-$n.sqlite"

	# 1 and 6: our full build and the two floors, in turns
	: > "$R/build-$n"
	: > "$R/parse-$n"
	{
		echo "'$R/once' '$R/build-$n' -b \"rm -rf '$w/.wd'\" -- '$B/wd-report' -C '$w' index &&"
		echo "'$R/once' '$R/parse-$n' -- '$T/baseline-parse' '$w'"
	} > "$R/round-$n"
	r=$("$T/baseline-insert" -n "$runs" -b "sh '$R/round-$n'" \
		"$B/schema-$n.sql" "$B/reference-$n.sqlite" "$B/insert-$n.sqlite")
	rm -f "$B/insert-$n.sqlite"
	eval "insert_$n=$(ms "$r") build_$n=$(med "$R/build-$n")"
	eval "parse_$n=$(med "$R/parse-$n") rss_$n=$(peak "$R/build-$n")"
	eval "note \"$n: full build \$build_$n ms (peak \$rss_$n KiB); floors: parse \$parse_$n ms, insert \$insert_$n ms ($(echo "$r" | cut -d' ' -f2) rows)\""

	# 2: Python against our build, at S only (at L Python takes minutes)
	if [ "$n" = S ]; then
		: > "$R/build2-$n"
		{
			echo "'$R/once' '$R/build2-$n' -b \"rm -rf '$w/.wd'\" -- '$B/wd-report' -C '$w' index"
		} > "$R/ours-$n"
		r=$(timeit -b "sh '$R/ours-$n'" -- python3 \
			"$top/tests/bench/python_build.py" "$w" \
			"$B/schema-$n.sql" "$B/python-$n.sqlite")
		rm -f "$B/python-$n.sqlite"
		eval "python_$n=$(ms "$r") pybuild_$n=$(med "$R/build2-$n")"
		eval "note \"$n: python build \$python_$n ms, ours \$pybuild_$n ms\""
	fi

	# files written just now are "racy" for 2 s: let them settle first
	sleep 3
	wd -C "$w" index
	(cd "$w" && git status --porcelain >/dev/null)

	# 3: no-change refresh against git status
	: > "$R/git-$n"
	echo "cd '$w' && '$R/once' '$R/git-$n' -- git status --porcelain" > "$R/gitrun-$n"
	r=$(qtimeit -b "sh '$R/gitrun-$n'" -- "$B/wd-report" -C "$w" index)
	eval "refresh_$n=$(ms "$r") git_$n=$(med "$R/git-$n")"
	eval "note \"$n: no-change refresh \$refresh_$n ms, git status --porcelain \$git_$n ms\""

	# 4: one harvest file changed as the tools write it (a new file
	# renamed over it), against the refresh just before the change
	h=$(ls -d "$w"/*/harvest | sed -n 2p)/table-1.yaml
	: > "$R/same-$n"
	{
		echo "'$R/once' '$R/same-$n' -- '$B/wd-report' -C '$w' index &&"
		echo "cp '$h' '$h.new' && echo '# bewerkt' >> '$h.new' && mv '$h.new' '$h'"
	} > "$R/edit-$n"
	r=$(qtimeit -b "sh '$R/edit-$n'" -- "$B/wd-report" -C "$w" index)
	eval "edit_$n=$(ms "$r") same_$n=$(med "$R/same-$n")"
	eval "note \"$n: refresh after one edit \$edit_$n ms, just before it \$same_$n ms\""
	sleep 3
	wd -C "$w" index
}

for s in S L; do
	case " $sizes " in *" $s "*) ;; *) continue ;; esac
	if [ "$s" = S ]; then measure S 200; else measure L 2000; fi
done
big=S
case " $sizes " in *" L "*) big=L ;; esac
eval "wb=\$w_$big"

# 5: wd-harvest add in the biggest workspace, against a workspace of one
# dialogue; each run adds another item
workcopy one 1
w_one=$w
wd -C "$w_one" index
d1=$(basename "$(dirname "$(ls -d "$w_one"/*/harvest)")")
d=$(basename "$(dirname "$(ls -d "$wb"/*/harvest | sed -n 3p)")")
: > "$R/add-one"
echo "'$R/once' '$R/add-one' -- '$B/wd-harvest' -C '$w_one' add -d '$d1' --kind dream 'Droom %N: een buurt waar iedereen elkaar groet'" > "$R/addrun"
r=$(qtimeit -b "sh '$R/addrun'" -- "$B/wd-harvest" -C "$wb" add -d "$d" \
	--kind dream "Droom %N: een buurt waar iedereen elkaar groet")
add_big=$(ms "$r")
add_one=$(med "$R/add-one")
note "$big: wd-harvest add $add_big ms; in a workspace of one dialogue $add_one ms"

# 7: search for a common word, L against S
if [ -n "${w_L:-}" ] && [ -n "${w_S:-}" ]; then
	: > "$R/search-S"
	echo "'$R/once' '$R/search-S' -x -- '$B/wd-report' -C '$w_S' search buurt" > "$R/searchrun"
	r=$(qtimeit -x -b "sh '$R/searchrun'" -- "$B/wd-report" -C "$w_L" search buurt)
	search_L=$(ms "$r")
	search_S=$(med "$R/search-S")
	note "search buurt: L $search_L ms, S $search_S ms"
fi

# 8: the summary of every dialogue, per dialogue
if "$B/wd-report" summary --help >/dev/null 2>&1; then
	r=$(timeit -- "$B/wd-report" -C "$wb" summary --all --format json)
	eval "summary=\$(awk -v t=\"$(ms "$r")\" -v d=\"\$dl_$big\" 'BEGIN { printf \"%.3f\", t / d }')"
	note "$big: summary --all --format json $(ms "$r") ms"
fi

# --- the figures ---
eval "b=\$build_$big p=\$parse_$big i=\$insert_$big r=\$refresh_$big g=\$git_$big"
eval "e=\$edit_$big sm=\$same_$big nd=\$dl_$big nf=\$files_$big"
limit=$(awk -v p="$p" -v i="$i" 'BEGIN { printf "%.3f", p + i }')
{
	echo
	echo "bench: corpus $big: $nd dialogues x 40 people x 100 items ($nf files), $cores cores, medians of $runs runs (builds) or $quick runs (the rest) after a warm-up, $(date -u +%Y-%m-%d)"
	echo "bench: build_vs_limit $(ratio "$b" "$limit") (target <= 1.5; $big: build $b ms / (parse $p + insert $i) ms)"
	if [ -n "${python_S:-}" ]; then
		echo "bench: python_vs_build $(ratio "$python_S" "$pybuild_S") (target >= 10; S: python $python_S ms / build $pybuild_S ms)"
	else
		echo "bench: python_vs_build n/a (needs S in BENCH_SIZES)"
	fi
	echo "bench: refresh_vs_git_status $(ratio "$r" "$g") (target <= 1.0; $big: refresh $r ms / git status $g ms)"
	echo "bench: one_edit_vs_refresh $(ratio "$e" "$sm") (target <= 1.5; $big: $e ms / $sm ms)"
	echo "bench: add_L_vs_S $(ratio "$add_big" "$add_one") (target <= 1.5; $big: $add_big ms / one dialogue: $add_one ms)"
	if [ -n "${rss_L:-}" ] && [ -n "${rss_S:-}" ]; then
		echo "bench: rss_L_vs_S $(ratio "$rss_L" "$rss_S") (target <= 1.5; L: $rss_L KiB / S: $rss_S KiB)"
		echo "bench: search_L_vs_S $(ratio "$search_L" "$search_S") (target <= 3; L: $search_L ms / S: $search_S ms)"
	else
		echo "bench: rss_L_vs_S n/a (needs BENCH_SIZES=\"S L\")"
		echo "bench: search_L_vs_S n/a (needs BENCH_SIZES=\"S L\")"
	fi
	if [ -n "${summary:-}" ]; then
		echo "bench: summary_all_ms_per_dialogue $summary (no target yet; $big)"
	else
		echo "bench: summary_all_ms_per_dialogue n/a (wd-report summary not built yet)"
	fi
} | tee -a "$out"
