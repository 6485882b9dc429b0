#!/usr/bin/perl
# sql-params.pl - SQL is built only from constants, user data only bound
#
#   perl tests/lint/sql-params.pl lib/*.c cmd/*.c   (tests/t8500-security.t)
#
# Finds every sqlite3_prepare*() and sqlite3_exec() call (and calls of
# wrappers that hand one of their parameters on as the SQL) and looks at
# the SQL argument: a string literal, a file-level `static const` array,
# or a variable nothing printf-like (snprintf, wd_buf_addf, wd_buf_add*,
# strcat, sqlite3_mprintf, ...) writes into in that function.  Anything
# else, and any sqlite3_mprintf/vmprintf/snprintf/str_appendf at all, is
# reported as FILE:LINE: and the script exits 1.  The exceptions are
# listed in %allowed, each with why it is safe.
use strict;
use warnings;

my %allowed = (
	# the tokenizer's language is wd_stem_language(): "dutch" or
	# "english", two constants, never user text (CREATE VIRTUAL TABLE
	# cannot take a bound parameter)
	'lib/index.c:make_fts' => 1,
	# PRAGMA user_version = WD_INDEX_VERSION, a compile-time number
	# (a PRAGMA cannot take a bound parameter either)
	'lib/index.c:finish_fresh' => 1,
);

my $sink = qr/\b(sqlite3_prepare(?:_v2|_v3|16(?:_v2|_v3)?)?|sqlite3_exec)\s*\(/;
my $printf = qr/\b(?:v?s?n?printf|wd_buf_v?addf|wd_buf_adds?|wd_buf_addc|strn?cat|memcpy|sqlite3_v?mprintf|sqlite3_snprintf|sqlite3_str_\w+)\s*\(/;
my $bad = 0;

sub report {
	my ($file, $line, $what) = @_;
	print "$file:$line: $what\n";
	$bad = 1;
}

# the arguments of the call whose '(' is at $pos in $s
sub args {
	my ($s, $pos) = @_;
	my ($depth, $cur, @a, $q) = (0, '', ());
	for (my $i = $pos; $i < length $s; $i++) {
		my $c = substr($s, $i, 1);
		if ($q) {
			$cur .= $c;
			if ($c eq '\\') { $cur .= substr($s, ++$i, 1); next; }
			$q = 0 if $c eq '"';
			next;
		}
		if ($c eq '"') { $q = 1; $cur .= $c; next; }
		if ($c eq '(') { $depth++; $cur .= $c if $depth > 1; next; }
		if ($c eq ')') {
			$depth--;
			if (!$depth) { push @a, $cur; return @a; }
			$cur .= $c; next;
		}
		if ($c eq ',' && $depth == 1) { push @a, $cur; $cur = ''; next; }
		$cur .= $c;
	}
	return @a;
}

sub trim { my $s = shift; $s =~ s/^\s+|\s+$//g; $s =~ s/\s+/ /g; return $s; }

for my $file (@ARGV) {
	open my $fh, '<', $file or die "$file: $!\n";
	my @lines = <$fh>;
	close $fh;
	my $all = join '', @lines;
	# constants: "static const" anything, in the file or a function
	my %const;
	$const{$1} = 1 while $all =~ /^\s*static const [\w\s]*?(?:\*\s*const\s*)?(\w+)\s*(?:\[[^\]]*\]\s*)?=/mg;
	# functions: a header at column 0, a body from "{" to "}" at column 0
	my (@funcs, $body, $start);
	my $head = '';
	for my $n (0 .. $#lines) {
		my $l = $lines[$n];
		if (defined $body) {
			$body .= $l;
			if ($l =~ /^\}/) {
				push @funcs, { head => $head, body => $body, line => $start };
				undef $body;
				$head = '';
			}
		} elsif ($l =~ /^\{/) {
			$body = $l;
			$start = $n + 1;
		} elsif ($l =~ /^\S/ && $l !~ /^[#\/ ]/ || ($head && $l =~ /^\s/)) {
			$head = ($l =~ /^\S/ && $head !~ /,\s*$/) ? $l : $head . $l;
		}
	}
	my %wrap;	# function name -> index of its SQL parameter
	for my $pass (1, 2) {
		for my $f (@funcs) {
			my ($name) = $f->{head} =~ /(\w+)\s*\([^()]*\)\s*$/s;
			next unless $name;
			my ($plist) = $f->{head} =~ /\w+\s*\(([^()]*)\)\s*$/s;
			my @params = map { /(\w+)\s*(?:\[\s*\])?\s*$/ ? $1 : '' } split /,/, $plist;
			my $b = $f->{body};
			my $re = %wrap ? qr/$sink|\b(@{[join '|', keys %wrap]})\s*\(/ : $sink;
			while ($b =~ /$re/g) {
				my $callee = $1 // $2;
				my $open = pos($b) - 1;
				my $line = $f->{line} + (substr($b, 0, $open) =~ tr/\n//);
				my @a = args($b, $open);
				my $k = $wrap{$callee} // 1;
				next unless defined $a[$k];
				my $e = trim($a[$k]);
				next if $e =~ /^("([^"\\]|\\.)*"\s*)+$/;	# literals
				next if $e =~ /^\w+\s*\?\s*"[^"]*"\s*:\s*"[^"]*"$/;
				my ($x) = $e =~ /^(?:wd_buf_str\s*\(\s*)?&?\s*(\w+)/;
				unless ($x) {
					report($file, $line, "$name: SQL from '$e': not a constant") if $pass == 2;
					next;
				}
				if (grep { $_ eq $x } @params) {
					$wrap{$name} = (grep { $params[$_] eq $x } 0 .. $#params)[0];
					next;
				}
				next if $const{$x};
				next if $allowed{"$file:$name"};
				if ($b =~ /(?:$printf)\s*&?\s*$x\b/ || $b =~ /\b$x\s*=\s*sqlite3_v?mprintf/) {
					report($file, $line, "$name: SQL in '$x' is built with printf-style formatting: bind the values instead") if $pass == 2;
				}
			}
		}
	}
	# the SQLite printf functions are only ever for SQL
	for my $n (0 .. $#lines) {
		next unless $lines[$n] =~ /\bsqlite3_(?:v?mprintf|snprintf|str_appendf|str_vappendf)\s*\(/;
		my ($f) = grep { $_->{line} <= $n + 1 && $n + 1 <= $_->{line} + ($_->{body} =~ tr/\n//) } @funcs;
		my ($name) = $f ? $f->{head} =~ /(\w+)\s*\(/ : ('');
		report($file, $n + 1, "SQLite's printf builds SQL: bind the values instead")
			unless $allowed{"$file:" . ($name // '')};
	}
}
exit $bad;
