#!/usr/bin/env bash
# Makes a Docker engine reachable for Testcontainers. Uses a running engine when there is one;
# otherwise (root on Debian) installs docker.io and starts dockerd in the background.
set -euo pipefail

if docker info >/dev/null 2>&1; then exit 0; fi

if ! command -v dockerd >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "No Docker engine is running and this script cannot install one (needs root and apt-get)." >&2
    echo "Start Docker, then run the tests again." >&2
    exit 1
  fi
  echo "Installing docker.io ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "Starting dockerd ..."
  mkdir -p /var/log
  nohup dockerd >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
fi

docker info >/dev/null 2>&1 || { echo "dockerd did not start; see /var/log/dockerd.log" >&2; exit 1; }
