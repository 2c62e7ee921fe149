#!/usr/bin/env bash
# Starts the console in Development (persona sign-in, data in BackOffice/data).
# BACKOFFICE_URL overrides the address; extra arguments go to the app (e.g. --DataFolder /tmp/bo).
set -euo pipefail
cd "$(dirname "$0")"
url="${BACKOFFICE_URL:-http://127.0.0.1:5000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
echo "BackOffice console: ${url}  (sign in as a persona; Ctrl+C stops it)"
exec dotnet run --project BackOffice --no-launch-profile -- --urls "$url" "$@"
