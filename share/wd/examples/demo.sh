#!/bin/sh
# demo.sh - a small relay, end to end: a workspace in git, a dialogue with
# its people and harvest, the baton handed on to a second neighbourhood
# that invites who came, actions followed up, and an HTML report at the
# end.  Runs in a new folder (the first argument, or a temporary one) and
# prints every command it runs.
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

# the demo tells its story in December 2026
WD_NOW=2026-11-20T10:00
export WD_NOW

say wd-init --git --name "Estafette Utrecht-Oost" --organisation "Buurtteam Oost"
git config user.name "Buurtteam Oost"
git config user.email buurtteam@example.org
say wd-init --themes
say wd-init oost --title "Elkaar zien in Oost" --theme "elkaar zien" \
	--place "Utrecht-Oost" --venue "Buurthuis De Boog, Kanaalstraat 12" \
	--start "2026-12-12 19:30" --duration 2h --capacity 30 \
	--host "Anna de Vries" --host "Mohamed Bakkali"

# the sign-up sheet, as Dutch Excel saves it
printf '%s\r\n' \
	'naam;e-mail;rol;organisatie;toestemming_contact;toestemming_naam' \
	'Anna de Vries;anna@example.org;bewoner;;ja;ja' \
	'Mohamed Bakkali;mohamed@example.org;vrijwilliger;Buurthuis De Boog;ja;ja' \
	'Özlem Yıldız;ozlem@example.org;bewoner;;ja;nee' \
	'Jan de Vries;j.devries@example.org;gemeente;Gemeente Utrecht;ja;ja' \
	'Fatima-Zahra El Amrani;fz@example.org;zorg/welzijn;Welzijn Oost;ja;nee' \
	'Kees Bos;kees@example.org;bewoner;;ja;ja' >aanmeldingen.csv
say wd-invite import -d oost aanmeldingen.csv
# the sheet holds names and e-mail addresses: now in contacts.yaml, which
# git leaves alone; the sheet itself must not go into git
say rm aanmeldingen.csv
for p in anna mohamed ozlem jan kees; do
	say wd-invite rsvp -d oost "$p" ja
done
say wd-invite rsvp -d oost fatima misschien
say wd-invite list -d oost

# the evening itself
WD_NOW=2026-12-12T19:30
for p in anna mohamed ozlem jan kees; do
	say wd-invite checkin -d oost "$p"
done
say wd-invite tables -d oost --size 3
say wd-harvest add -d oost --table 1 --kind ervaring --by ozlem \
	"Bij de buurtmaaltijd zat ik naast iemand die ik al jaren groette maar nooit sprak."
say wd-harvest add -d oost --table 1 --kind citaat --by anna --named \
	"Een buurt is pas een buurt als je weet bij wie je kunt aanbellen."
printf '%s\n' "Een moestuin achter het buurthuis" "Een bankje bij de bushalte" |
	say wd-harvest add -d oost --table 2 --kind droom -
say wd-harvest add -d oost --table 2 --kind mogelijkheid \
	"Het lege winkelpand op de hoek kan een café worden"
say wd-harvest add -d oost --table 1 --kind actie --owner anna \
	--due 2027-01-15 --need "een kookploeg van vijf mensen" \
	"Maandelijkse buurtmaaltijd in De Boog"
say wd-harvest add -d oost --table 2 --kind actie --owner jan --owner mohamed \
	--due 2027-01-31 "Gesprek met de eigenaar van het winkelpand"
say wd-harvest add -d oost --table 2 --kind estafettestokje \
	"Hoe vinden jongeren en ouderen elkaar in de buurt?"
say git add -A
say git commit -q -m "Oogst van de wijkdialoog in Oost"

# the baton goes to Lombok, who invite who came to Oost
WD_NOW=2026-12-20T10:00
say wd-init lombok --title "Thuis in Lombok" --theme "thuis in je buurt" \
	--place Lombok --venue "Moskee Ulu Camii, Kanaalstraat 2" \
	--start 2027-02-06T14:00 --duration 2h30m --from oost \
	--host "Mohamed Bakkali"
say wd-invite import -d lombok --from-dialogue oost --attended

# weeks later, the group follows its actions up
WD_NOW=2027-01-10T20:00
action=$(wd-report actions -d oost --format tsv | awk -F '\t' '$3 ~ /buurtmaaltijd/ { print $2 }')
say wd-harvest set "$action" --status bezig --note "eerste kookavond op 24 januari"
say git add -A
say git commit -q -m "Estafette: het stokje naar Lombok"

say wd-report check
say wd-report summary -d oost
say wd-report actions --open
say wd-report relay
say wd-report search cafe
say wd-report summary --all --format html -o estafette.html
printf '\nThe demo relay is in %s\nIts report: %s/estafette.html\n' "$dir" "$dir" >&2
