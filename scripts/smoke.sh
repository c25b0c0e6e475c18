#!/usr/bin/env bash
# GUI smoke test: start the real binary under Xvfb on the embedded dataset,
# wait for its window, take a screenshot, check that something was drawn
# (not a blank or single-colour screen), then quit it with SIGTERM and
# expect a clean exit.
set -euo pipefail
BIN=${1:-./linkscope}
OUT=${SMOKE_OUT:-smoke.png}
work=$(mktemp -d)
cleanup() {
  [ -n "${app:-}" ] && kill -9 "$app" 2>/dev/null || true
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Pick a free display number.
for n in $(seq 90 130); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }
done
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do xdpyinfo -display "$disp" >/dev/null 2>&1 && break; sleep 0.1; done

export DISPLAY=$disp
# A private HOME so the test neither reads nor writes the user's preferences.
HOME="$work" "$BIN" >"$work/app.log" 2>&1 &
app=$!

found=""
for _ in $(seq 100); do
  if xdotool search --name "Linkscope" >/dev/null 2>&1; then found=1; break; fi
  kill -0 "$app" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$found" ]; then
  echo "smoke: no Linkscope window appeared"; cat "$work/app.log"; exit 1
fi
sleep 3 # let the first frames (and the layout) draw
import -display "$disp" -window root "$OUT"

colors=$(convert "$OUT" -format '%k' info:)
if [ "$colors" -lt 16 ]; then
  echo "smoke: the screenshot has only $colors colours: nothing was drawn"; exit 1
fi

kill -TERM "$app"
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then
  echo "smoke: linkscope did not quit on SIGTERM"; exit 1
fi
wait "$app" && status=0 || status=$?
app=""
if [ "$status" -ne 0 ]; then
  echo "smoke: linkscope exited with status $status"; cat "$work/app.log"; exit 1
fi
if grep -q -i "panic\|fyne error" "$work/app.log"; then
  echo "smoke: linkscope logged errors:"; cat "$work/app.log"; exit 1
fi
echo "smoke: ok (window drawn with $colors colours, screenshot $OUT, clean exit)"
