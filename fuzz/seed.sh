#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/TARGET, not kept in git) with
# the sample documents of examples/data/ and the rule fixtures of
# tests/fixtures/, so the fuzzers start from real documents. Safe to rerun:
# files already there are kept, and libFuzzer adds what it finds beside them.
set -euo pipefail
cd "$(dirname "$0")/.."

seed() {
    local target=$1
    shift
    mkdir -p "fuzz/corpus/$target"
    local file
    for file in "$@"; do
        # One name per source file, so a rerun overwrites rather than duplicates.
        cp "$file" "fuzz/corpus/$target/seed-$(echo "$file" | tr '/' '_')"
    done
}

json=(examples/data/*.json)
toml=(examples/data/*.toml)
mapfile -t fixtures < <(find tests/fixtures -name '*.json' | sort)

seed load_json "${json[@]}" "${fixtures[@]}"
seed load_toml "${toml[@]}"
seed validate "${json[@]}" "${toml[@]}" "${fixtures[@]}"
seed score examples/data/team_round_*.* "${fixtures[@]}"
seed render_review "${json[@]}" "${toml[@]}"
echo "fuzz: seeded $(find fuzz/corpus -name 'seed-*' | wc -l) files into fuzz/corpus/"
