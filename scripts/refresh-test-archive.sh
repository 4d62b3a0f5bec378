#!/usr/bin/env bash
# Copies the shipped archive (content/) into the tests' fixture (tests/fixtures/archive/), which the
# unit and browser tests read instead of content/, so that a fork with its own content/ passes them.
# Run it when the shipped archive changes on purpose (a new import, a new event), then run the tests
# and commit both folders together.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f content/site.yml ]; then
  echo "error: content/site.yml not found: run this from a clone holding the shipped archive" >&2
  exit 2
fi
rm -rf tests/fixtures/archive
mkdir -p tests/fixtures
cp -R content tests/fixtures/archive
echo "tests/fixtures/archive: $(find tests/fixtures/archive -type f | wc -l) files copied from content/"
