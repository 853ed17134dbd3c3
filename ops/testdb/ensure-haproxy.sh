#!/usr/bin/env bash
# Makes Debian's HAProxy available for the cluster tests (they start it as a process in front of tracker processes).
# Quiet when it is already there; otherwise (root on Debian) installs the haproxy package without starting its service.
set -euo pipefail

if command -v haproxy >/dev/null 2>&1; then exit 0; fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The cluster tests need haproxy, and this script cannot install it (needs root and apt-get)." >&2
  echo "Install Debian's 'haproxy' package, then run the tests again." >&2
  exit 1
fi

echo "Installing haproxy ..."
# policy-rc.d 101: the package's own service is not started; the tests run their own instances.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
if ! apt-get update -qq || ! DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -qq haproxy >/dev/null; then
  echo "Installing Debian's 'haproxy' package failed; the cluster tests cannot run without it." >&2
  exit 1
fi
command -v haproxy >/dev/null 2>&1 || { echo "The haproxy package is installed but haproxy is not on PATH." >&2; exit 1; }
