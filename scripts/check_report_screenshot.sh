#!/usr/bin/env bash
# Build the briefing's HTML report and screenshot it in headless Chromium, to look at by eye.
#
#   scripts/check_report_screenshot.sh          # Chinese: build/briefing.html -> build/report_screenshot.png
#   scripts/check_report_screenshot.sh en       # English: build/briefing_en.html -> build/report_screenshot_en.png
#   HEIGHT=8000 scripts/check_report_screenshot.sh   # a taller page
#
# Needs Chromium (Debian/Ubuntu: `apt-get install -y chromium`). Open the PNG and check: Chinese
# characters (not empty boxes), every chart shown, the headline table inside the page, nothing
# overflowing. This is a manual check: the pytest suite does not need a browser.
set -euo pipefail

lang="${1:-zh}"
case "$lang" in zh|en) ;; *) echo "usage: $0 [zh|en]" >&2; exit 2 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MUYE_BUILD_DIR:-$root/build}"
muye="$root/.venv/bin/muye"
[ -x "$muye" ] || muye="muye"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "Chromium not found: install it (apt-get install -y chromium) and rerun." >&2
  exit 1
fi

if [ "$lang" = zh ]; then
  "$muye" brief
  report="$build/briefing.html"; shot="$build/report_screenshot.png"
else
  "$muye" brief --lang en
  report="$build/briefing_en.html"; shot="$build/report_screenshot_en.png"
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# No network, no sync, no first-run UI: the report must render from the file alone.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size="1400,${HEIGHT:-4000}" \
  --screenshot="$shot" "file://$report" 2>/dev/null
echo "screenshot: $shot"
