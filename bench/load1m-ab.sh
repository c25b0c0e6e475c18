#!/usr/bin/env bash
# CPU time, wall time and peak RSS of `linkscope validate --time`, two
# binaries alternated in every round (helper load1m, issue 15).
#
#   BASE=/tmp/load1m/linkscope-base NEW=/tmp/load1m/linkscope bash bench/load1m-ab.sh ROUNDS FILE... > bench/load1m-ab.log
#
# One line per run: file, binary, user and sys seconds, peak RSS in kB,
# the in-process load time, the load average before the run; then the
# medians per file and binary.
set -euo pipefail
ROUNDS=${1:-3}; shift
BASE=${BASE:?}; NEW=${NEW:?}
out=$(mktemp)
echo "# $(date -u +%FT%TZ) $(nproc) cores; base $BASE; new $NEW"
for f in "$@"; do
  for r in $(seq "$ROUNDS"); do
    for b in base new; do
      bin=$BASE; [ $b = new ] && bin=$NEW
      load=$(cut -d' ' -f1 /proc/loadavg)
      /usr/bin/time -o /tmp/load1m-ab-time -f "%U %S %M %e" "$bin" validate --time --max-bytes 2000000000 "$f" >/tmp/load1m-ab-out
      read -r u s m e </tmp/load1m-ab-time
      ms=$(grep -o 'loaded in [0-9.]*' /tmp/load1m-ab-out | cut -d' ' -f3)
      cpu=$(echo "$u + $s" | bc)
      echo "$(basename "$f") $b round $r user $u sys $s cpu $cpu maxrss_kb $m wall $e load_ms $ms loadavg $load" | tee -a "$out"
    done
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for f in "$@"; do
  for b in base new; do
    sel() { grep "^$(basename "$f") $b " "$out" | awk -v k="$1" '{for(i=1;i<NF;i++) if($i==k) print $(i+1)}'; }
    echo "median $(basename "$f") $b: cpu $(sel cpu | median) s (user $(sel user | median), sys $(sel sys | median)), wall $(sel wall | median) s, load_ms $(sel load_ms | median), peak RSS $(( $(sel maxrss_kb | median) / 1024 )) MB; loadavg $(sel loadavg | sort -n | head -1)-$(sel loadavg | sort -n | tail -1)"
  done
done
rm -f "$out"
