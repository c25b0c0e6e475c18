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

# Xvfb picks a free display itself and writes its number once it accepts
# connections (-displayfd); a busy machine can take a while, so wait up to
# 60 s, check that it answers, and try a second server if it does not.
start_xvfb() {
  : >"$work/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 600); do
    [ -s "$work/display" ] && break
    kill -0 "$xvfb" 2>/dev/null || return 1
    sleep 0.1
  done
  [ -s "$work/display" ] || return 1
  disp=":$(tr -dc 0-9 <"$work/display")"
  for _ in $(seq 100); do
    xdpyinfo -display "$disp" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}
disp=""
for attempt in 1 2; do
  start_xvfb && break
  echo "smoke: Xvfb attempt $attempt did not answer; its log:"; cat "$work/xvfb.log"
  kill "$xvfb" 2>/dev/null || true
  disp=""
done
if [ -z "$disp" ]; then
  echo "smoke: no X server (Xvfb) could be started"; exit 1
fi
echo "smoke: Xvfb on $disp"

# A display no server answers on: a clear error and status 1, not a panic.
st=0; HOME="$work" DISPLAY=:9999 timeout 30 "$BIN" >"$work/nodisplay.log" 2>&1 || st=$?
if [ "$st" -ne 1 ] || grep -q "^panic" "$work/nodisplay.log" || ! grep -q "cannot open a window" "$work/nodisplay.log"; then
  echo "smoke: with no X server on DISPLAY=:9999, linkscope exited $st with:"; cat "$work/nodisplay.log"; exit 1
fi

export DISPLAY=$disp
# A private HOME so the test neither reads nor writes the user's preferences.
HOME="$work" "$BIN" >"$work/app.log" 2>&1 &
app=$!

found=""
for _ in $(seq 300); do
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
