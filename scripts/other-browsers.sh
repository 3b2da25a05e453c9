#!/usr/bin/env bash
# `npm run test:e2e:other-browsers`: runs the end-to-end suites against the *other* Debian package set of
# Chromium and Firefox ESR than the one installed (machines differ: `bookworm` gives chromium 150 and
# firefox-esr 140, `bookworm-security` chromium 156 and firefox-esr 153). The other set is downloaded with
# apt, unpacked into a cache folder, and used through CHROMIUM_PATH / FIREFOX_PATH; the system's packages
# are not changed. Extra arguments go to vitest (e.g. a test file).
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${TATAKIDAI_BROWSER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tatakidai-browsers}"
mkdir -p "$cache"

installed() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }
# The first version apt offers for a package that is not the installed one.
other_version() {
  local mine="$1" package="$2"
  apt-cache madison "$package" 2>/dev/null | awk -F'|' '{gsub(/ /, "", $2); print $2}' |
    grep -vxF -- "$mine" | head -n 1 || true
}

if [ -z "$(apt-cache madison chromium 2>/dev/null)" ] && [ "$(id -u)" = 0 ]; then apt-get update -qq; fi

chromium_mine=$(installed chromium)
firefox_mine=$(installed firefox-esr)
chromium_other=$(other_version "$chromium_mine" chromium)
firefox_other=$(other_version "$firefox_mine" firefox-esr)

echo "Installed: chromium ${chromium_mine:-none}, firefox-esr ${firefox_mine:-none}"
if [ -z "$chromium_other" ] || [ -z "$firefox_other" ]; then
  cat <<TXT
Not run: this machine's apt sources offer no other version of ${chromium_other:+firefox-esr}${chromium_other:-chromium}
than the one installed, so there is no other package set to test here.
apt-cache madison shows what they offer:
$(apt-cache madison chromium firefox-esr 2>/dev/null || echo '  (nothing)')
To get the other set, add the missing suite (bookworm or bookworm-security) to the apt sources and run
'apt-get update', then run this again.
TXT
  exit 2
fi

# Unpacks one package version into the cache once (chromium needs chromium-common beside it).
unpack() {
  local into="$1"
  shift
  if [ -f "$into/.complete" ]; then return; fi
  rm -rf "$into" && mkdir -p "$into/debs"
  (cd "$into/debs" && apt-get download -q "$@" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  for deb in "$into"/debs/*.deb; do dpkg-deb -x "$deb" "$into"; done
  rm -rf "$into/debs"
  touch "$into/.complete"
}

chromium_dir="$cache/chromium-$chromium_other"
firefox_dir="$cache/firefox-esr-$firefox_other"
unpack "$chromium_dir" "chromium=$chromium_other" "chromium-common=$chromium_other"
unpack "$firefox_dir" "firefox-esr=$firefox_other"

export CHROMIUM_PATH="$chromium_dir/usr/lib/chromium/chromium"
export FIREFOX_PATH="$firefox_dir/usr/lib/firefox-esr/firefox-esr"
echo "Other set: $("$CHROMIUM_PATH" --version 2>/dev/null) ($CHROMIUM_PATH)"
echo "           $("$FIREFOX_PATH" --version 2>/dev/null) ($FIREFOX_PATH)"

if [ ! -f .output/chrome-mv3/manifest.json ] || [ ! -f .output/firefox-mv3/manifest.json ]; then
  npm run build && npm run build:firefox
fi
exec npx vitest run --config vitest.e2e.config.ts "$@"
