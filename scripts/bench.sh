#!/usr/bin/env bash
# Times `arreport run` on large generated data sets: wall time and peak memory.
#
# Usage: scripts/bench.sh [-r RUNS] [SIZES]   SIZES default "1m 5m"; also e.g. "200k" or "1m 2m 5m"
#
# Builds a release binary, generates each data set once into .bench-data/SIZE
# (customers = invoices / 25, seed 1, currencies USD,EUR,GBP,JPY; kept between
# runs since generation is deterministic), runs the report RUNS times (default 1)
# with /usr/bin/time -v and prints one table row per size: the median wall time,
# the fastest and slowest run, and the highest peak memory. One run says little
# on a shared VM, whose wall times drift by tens of percent: `-r 15` gives a spread.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=1
while getopts "r:" option; do
    case "$option" in
        r) runs=$OPTARG ;;
        *) sed -n '4,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64 ;;
    esac
done
shift $((OPTIND - 1))
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: -r takes a number of runs >= 1, not '$runs'" >&2; exit 64; }
sizes="${*:-1m 5m}"
bin=.build/release/arreport
data_root=.bench-data

if [[ ! -x /usr/bin/time ]]; then
    echo "bench.sh: /usr/bin/time is missing (apt-get install time)" >&2
    exit 1
fi

echo "building release..." >&2
swift build -c release >&2

# "1m" -> 1000000, "200k" -> 200000, "12345" -> 12345
invoice_count() {
    local size=$1
    case "$size" in
        *m | *M) echo $(( ${size%[mM]} * 1000000 )) ;;
        *k | *K) echo $(( ${size%[kK]} * 1000 )) ;;
        *[!0-9]* | '') echo "bench.sh: bad size '$size' (use e.g. 1m, 200k, 50000)" >&2; return 1 ;;
        *) echo "$size" ;;
    esac
}

# "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.35" -> 62.35
wall_seconds() {
    awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, part, ":")
        seconds = (n == 3) ? part[1] * 3600 + part[2] * 60 + part[3] : part[1] * 60 + part[2]
        printf "%.2f", seconds
    }' "$1"
}

# "Maximum resident set size (kbytes): 123456" -> MB
peak_rss_mb() {
    awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"
}

mkdir -p "$data_root"
rows=()
for size in $sizes; do
    invoices=$(invoice_count "$size")
    customers=$(( invoices / 25 > 0 ? invoices / 25 : 1 ))
    data="$data_root/$size"
    out="$data_root/out-$size"

    # A data set counts only once complete: generate aside, then move into place.
    if [[ ! -f "$data/.complete" ]]; then
        echo "generating $size ($invoices invoices, $customers customers)..." >&2
        rm -rf "$data" "$data.partial"
        "$bin" generate --customers "$customers" --invoices "$invoices" --seed 1 \
            --out "$data.partial" --currencies USD,EUR,GBP,JPY >&2
        touch "$data.partial/.complete"
        mv "$data.partial" "$data"
    fi
    input_mb=$(cat "$data"/*.csv | wc -c | awk '{ printf "%.1f", $1 / 1000000 }')

    echo "running report on $size ($runs run(s))..." >&2
    timing="$data_root/time-$size.txt"
    log="$data_root/run-$size.log"
    walls=()
    peak=0
    for ((run = 1; run <= runs; run++)); do
        if ! /usr/bin/time -v "$bin" run --data "$data" --as-of 2025-12-31 --out "$out" >"$log" 2>"$timing"; then
            echo "bench.sh: arreport run failed on $size; last lines:" >&2
            tail -n 20 "$log" "$timing" >&2
            exit 1
        fi
        walls+=("$(wall_seconds "$timing")")
        peak=$(awk -v a="$peak" -v b="$(peak_rss_mb "$timing")" 'BEGIN { print (b > a) ? b : a }')
    done
    # Median (the lower middle one for an even count), fastest and slowest.
    read -r median fastest slowest < <(printf '%s\n' "${walls[@]}" | sort -n | awk '
        { wall[NR] = $1 } END { printf "%s %s %s\n", wall[int((NR + 1) / 2)], wall[1], wall[NR] }')
    rows+=("$(printf '%-6s %10s %9s %5s %9s %15s %12s' "$size" "$invoices" "$input_mb" "$runs" "$median" \
        "$fastest-$slowest" "$peak")")
done

printf '%-6s %10s %9s %5s %9s %15s %12s\n' size invoices input_MB runs wall_s wall_range_s peak_RSS_MB
printf '%s\n' "${rows[@]}"

# Where the time went, from each run's run.json (milliseconds).
echo
echo "phases (ms) of the last run, from run.json timings_ms:"
for size in $sizes; do
    python3 - "$data_root/out-$size/run.json" "$size" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["timings_ms"]
order = ["load_reference", "load_parse", "load_match", "analysis", "reports", "write", "total"]
print(sys.argv[2].ljust(6), "  ".join(f"{k}={t[k]}" for k in order if k in t))
PY
done

# What rendering the reports (HTML, email, board-pack PDF) adds: the first size again, CSVs only.
first=${sizes%% *}
csv_timing="$data_root/time-$first-csv.txt"
/usr/bin/time -v "$bin" run --data "$data_root/$first" --as-of 2025-12-31 --out "$data_root/out-$first-csv" \
    --formats csv >/dev/null 2>"$csv_timing"
echo
echo "reports cost on $first: all formats $(wall_seconds "$data_root/time-$first.txt") s," \
    "csv only $(wall_seconds "$csv_timing") s (wall)"
