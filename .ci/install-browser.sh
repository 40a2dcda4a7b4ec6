#!/usr/bin/env bash
# Install Debian's chromium (used by the browser tests in tests/support/browser_support.py)
# if it is not already present.
#
# Only Debian's own package is used: never download a browser build from anywhere
# else (no `playwright install`). Fonts come in through chromium's dependencies
# (fontconfig -> fonts-dejavu-core). Always exits 0: without chromium the browser
# tests skip with a visible reason instead of failing.
set -u

if command -v chromium >/dev/null 2>&1; then
    echo "install-browser: chromium already installed: $(command -v chromium)"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: apt-get not available; chromium not installed (browser tests will skip)"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-browser: not root; chromium not installed (browser tests will skip)"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if apt-get update -qq >"$log" 2>&1 \
    && apt-get install -y -qq --no-install-recommends chromium >>"$log" 2>&1; then
    echo "install-browser: installed $(command -v chromium)"
else
    echo "install-browser: apt-get install chromium failed (browser tests will skip); last lines:" >&2
    tail -n 20 "$log" >&2
fi
rm -f "$log"
exit 0
