#!/usr/bin/env bash
# Installs Debian packages for CI (`bash .ci/apt-install.sh chromium`); progress goes to
# standard error, so callers that print a result on standard output stay clean. Needs
# root: a CI machine starts without the packages, and nothing is cached between runs.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then
    echo "apt-install.sh: need root to install $* (apt-get install -y $*)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq "$@" >&2
