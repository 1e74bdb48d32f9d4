#!/usr/bin/env bash
# Window soak: plays a video in a loop in the real window under Xvfb and prints the process's
# resident memory (RSS) every interval, then the growth after the first minute.
#   tools/soak-window.sh [SECONDS (1800)] [INTERVAL (30)] [VIDEO]
# Extra JVM options go in HANDSCOPE_JAVA_OPTS as for ./handscope (e.g. -XX:NativeMemoryTracking=summary).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-1800}"
interval="${2:-30}"
video="${3:-$root/../shared/testdata/media/hand_landmarker_test_video.mp4}"
log="$(mktemp -t handscope-soak.XXXXXX.log)"

xvfb-run -a -s "-screen 0 1600x900x24" "$root/handscope" --source "$video" --loop >"$log" 2>&1 &
runner=$!
trap 'pkill -P "$runner" -f dev.handscope.app.Main 2>/dev/null || true; pkill -f "dev.handscope.app.Main --source $video --loop" 2>/dev/null || true' EXIT
pid=""
for _ in $(seq 1 120); do
  pid="$(pgrep -f "dev.handscope.app.Main --source $video --loop" | head -1 || true)"
  [[ -n "$pid" ]] && break
  sleep 1
done
[[ -n "$pid" ]] || { echo "soak: the app did not start; its log: $log" >&2; exit 1; }

echo "soak: pid $pid, $duration s, RSS every $interval s (log: $log)"
start=$(date +%s)
first_minute=""
while kill -0 "$pid" 2>/dev/null; do
  elapsed=$(( $(date +%s) - start ))
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  printf 'soak: %5d s  RSS %6d MB\n' "$elapsed" $((rss_kb / 1024))
  if [[ -z "$first_minute" && $elapsed -ge 60 ]]; then first_minute=$rss_kb; fi
  last=$rss_kb
  (( elapsed >= duration )) && break
  sleep "$interval"
done
kill -0 "$pid" 2>/dev/null || { echo "soak: the app ended early; its log: $log" >&2; exit 1; }
echo "soak: growth after the first minute: $(( (last - first_minute) / 1024 )) MB (limit 50 MB)"
(( (last - first_minute) / 1024 <= 50 ))
