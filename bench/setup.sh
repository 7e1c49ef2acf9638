#!/usr/bin/env bash
# Installs the benchmark's peer (Debian's python3-jieba for /usr/bin/python3) when missing; idempotent, never fatal.
set -u
PY=/usr/bin/python3
if [ -x "$PY" ] && "$PY" -c 'import jieba' >/dev/null 2>&1; then
  echo "bench setup: python3-jieba already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "bench setup: apt-get not available; the Python jieba peer is skipped"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "bench setup: not root and no sudo; the Python jieba peer is skipped"
    exit 0
  fi
fi
echo "bench setup: installing python3-jieba with apt-get"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q --no-install-recommends python3-jieba >/dev/null 2>&1; then
  $SUDO apt-get update -q >/dev/null 2>&1 || true
  $SUDO apt-get install -y -q --no-install-recommends python3-jieba >/dev/null 2>&1 || true
fi
if [ -x "$PY" ] && "$PY" -c 'import jieba' >/dev/null 2>&1; then
  echo "bench setup: python3-jieba installed"
else
  echo "bench setup: could not install python3-jieba; the Python jieba peer is skipped"
fi
exit 0
