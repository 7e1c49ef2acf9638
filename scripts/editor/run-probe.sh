#!/usr/bin/env bash
# Smoke test of the editor test harness: runs the throwaway probe extension
# (test/fixtures/probe-extension) and its one test through test/integration/runTest.ts,
# inside code-server + headless Chromium. Prints `1 passed, 0 failed` when the harness works.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
out=out/editor-probe
rm -rf "$out"
mkdir -p "$out"
npx --no-install esbuild test/integration/index.ts --bundle --platform=node --format=cjs \
  --target=node20 --external:vscode --external:mocha --log-level=warning --outfile="$out/index.js"
cp test/fixtures/probe-extension/test/probe.test.js "$out/"
NEWS_LENS_EXTENSION_PATH=test/fixtures/probe-extension \
NEWS_LENS_TESTS_PATH="$out/index.js" \
NEWS_LENS_TEST_WORKSPACE=test/fixtures/probe-extension/workspace \
NEWS_LENS_TEST_REPORT="$out/report.json" \
  exec npx --no-install tsx test/integration/runTest.ts
