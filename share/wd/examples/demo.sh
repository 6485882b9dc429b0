#!/bin/sh
# demo.sh - a small relay, end to end: a workspace, two dialogues handed
# on as an estafette, a check and the index.  Runs in a new folder (the
# first argument, or a temporary one) and prints what it does.
set -eu

dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/wd-demo.XXXXXX")}
mkdir -p "$dir"
cd "$dir"

if [ -t 2 ] && [ -z "${NO_COLOR:-}" ]; then
	bold=$(printf '\033[1m') plain=$(printf '\033[0m')
else
	bold='' plain=''
fi

say() {
	printf '\n%s$ %s%s\n' "$bold" "$*" "$plain" >&2
	"$@"
}

say wd-init --git --name "Estafette Utrecht-Oost" --organisation "Buurtteam Oost"
say wd-init --themes
say wd-init oost --title "Elkaar zien in Oost" --theme "elkaar zien" \
	--place "Utrecht-Oost" --venue "Buurthuis De Boog, Kanaalstraat 12" \
	--start "2026-12-12 19:30" --duration 2h --capacity 30 \
	--host "Anna de Vries" --host "Mohamed Bakkali"
say wd-init lombok --title "Thuis in Lombok" --theme "thuis in je buurt" \
	--place Lombok --venue "Moskee Ulu Camii, Kanaalstraat 2" \
	--start 2027-02-06T14:00 --duration 2h30m --from oost \
	--host "Mohamed Bakkali"
say cat oost/dialogue.yaml
say git add -A
say git -c user.name=demo -c user.email=demo@example.org commit -q -m "Estafette: Oost geeft het stokje door aan Lombok"
say wd-report check
say wd-report -v index
say sqlite3 -header -column .wd/index.sqlite \
	"SELECT id, title, start, relay_from, relay_to FROM dialogues"
printf '\nThe demo relay is in %s\n' "$dir" >&2
