#!/usr/bin/env bash
# Runs every test (domain, bUnit components, start-up guards, and the browser journeys on Debian's Chromium).
# Results: TestResults/*.trx; screenshots: TestResults/screenshots/. Extra arguments go to the test platform,
# e.g. ./test.sh --filter-class '*NavMenuTests'.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} (the browser tests need them)"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

dotnet tool restore
rm -rf TestResults
export BACKOFFICE_SCREENSHOTS="$PWD/TestResults/screenshots"
dotnet test --results-directory "$PWD/TestResults" --report-xunit-trx "$@"
