#!/usr/bin/env bash
# Makes Debian's aiosmtpd (a small SMTP server in Python) available for the e-mail tests, which start it themselves
# on a free port (python3 -m aiosmtpd). Idempotent: installs only when the module is missing. Prints nothing on
# stdout; progress goes to stderr. Exit status 0 when Debian's python (/usr/bin/python3, which the tests prefer over
# any other python3 on the PATH, such as pyenv's) can run `-m aiosmtpd`.
set -euo pipefail

log() { echo "smtp.sh: $*" >&2; }

have_aiosmtpd() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; }

if have_aiosmtpd; then
  log "aiosmtpd is installed"
  exit 0
fi

# Installing packages needs root; re-run under sudo when not root.
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { log "run as root (or install sudo) to install python3-aiosmtpd."; exit 1; }
  exec sudo -- bash "$0" "$@"
fi

log "installing Debian's python3-aiosmtpd package"
{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-aiosmtpd; } >&2
have_aiosmtpd || { log "python3-aiosmtpd was installed but /usr/bin/python3 cannot import aiosmtpd"; exit 1; }
log "aiosmtpd is installed"
