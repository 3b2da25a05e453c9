#!/usr/bin/env bash
# First step of `npm test` and of CI: the end-to-end tests need Debian's Chromium and Firefox ESR,
# Japanese fonts for screenshots, and a virtual X display with xdotool for the one test that presses a real key
# (test/e2e/gesture.e2e.ts: a gesture headless cannot make). As root with apt, whatever is missing is installed; otherwise this stops in
# the first second with the one command to run. Prints the browser versions the tests will use.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$firefox" ] || missing+=(firefox-esr)
fonts=$(fc-list : family 2>/dev/null || true)
grep -qi 'Noto Sans CJK' <<<"$fonts" || missing+=(fonts-noto-cjk)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing what the end-to-end tests need: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The end-to-end tests need: ${missing[*]}. Install them first (as root):" >&2
    echo "  apt-get install -y chromium firefox-esr fonts-noto-cjk xvfb xdotool" >&2
    echo "or point CHROMIUM_PATH / FIREFOX_PATH at another build." >&2
    exit 1
  fi
fi

# Debian's /usr/bin/chromium wrapper prints a harmless shell warning on some machines; keep only the version.
echo "Browsers for the end-to-end tests: $("$chromium" --version 2>/dev/null | head -n 1) ($chromium)," \
  "$("$firefox" --version 2>/dev/null | head -n 1) ($firefox)"
