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
# The test index runs in the extension host; mocha and vscode are resolved at run time.
npx --no-install esbuild test/integration/index.ts --bundle --platform=node --format=cjs \
  --target=node20 --external:vscode --external:mocha --log-level=warning --outfile="$out/index.js"
# runTest runs on plain node (under tsx, one Ctrl+C reaches test-electron twice and it
# force-kills VS Code at once instead of closing it).
npx --no-install esbuild test/integration/runTest.ts --bundle --platform=node --format=cjs \
  --target=node20 --packages=external --log-level=warning --outfile="$out/runTest.js"
cp test/fixtures/probe-extension/test/probe.test.js "$out/"
NEWS_LENS_EXTENSION_PATH=test/fixtures/probe-extension \
NEWS_LENS_TESTS_PATH="$out/index.js" \
NEWS_LENS_TEST_WORKSPACE=test/fixtures/probe-extension/workspace \
NEWS_LENS_TEST_REPORT="$out/report.json" \
  exec node "$out/runTest.js"
