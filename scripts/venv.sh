# Sourced by scripts/serve, scripts/test and .ci/run: find a Python Cutover supports and keep a virtual environment
# with Cutover installed in it, so nothing is installed into the system's Python (Debian's refuses: PEP 668).
#
#   CUTOVER_PYTHON=/path/to/python3.12   use this interpreter (default: the first of python3, python3.12,
#                                         python3.11 on PATH, then pyenv's, that is 3.11 or 3.12)
#   CUTOVER_VENV=DIR                      the virtual environment (default: .venv in the repository)

#: The Python versions Cutover supports (pyproject.toml's requires-python).
CUTOVER_PYTHONS="3.11 3.12"

# python_version EXE: prints "3.11" when EXE runs, else nothing.
python_version() {
  "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true
}

# find_python [VERSION…]: prints the first interpreter that runs and is one of VERSION (default: any supported one).
find_python() {
  local wanted="${*:-$CUTOVER_PYTHONS}" candidate version
  local candidates=(python3 python3.12 python3.11)
  local root
  root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
  candidates+=("$root"/versions/3.12*/bin/python3 "$root"/versions/3.11*/bin/python3)
  if [ -n "${CUTOVER_PYTHON:-}" ]; then candidates=("$CUTOVER_PYTHON"); fi
  for candidate in "${candidates[@]}"; do
    [ -n "$candidate" ] || continue
    version="$(python_version "$candidate")"
    for w in $wanted; do
      if [ "$version" = "$w" ]; then command -v "$candidate" 2>/dev/null || echo "$candidate"; return 0; fi
    done
  done
  return 1
}

# ensure_venv EXTRAS: creates $CUTOVER_VENV (default .venv) with a supported Python if it is missing or broken,
# and installs this checkout into it (editable, with EXTRAS such as "[test]") when pyproject.toml or setup.py
# changed since the last install. Sets VENV_PYTHON.
ensure_venv() {
  local extras="$1"
  local venv="${CUTOVER_VENV:-.venv}"
  VENV_PYTHON="$venv/bin/python"
  local have
  have="$(python_version "$VENV_PYTHON")"
  if [ -z "$have" ] || ! [[ " $CUTOVER_PYTHONS " == *" $have "* ]] \
     || { [ -n "${CUTOVER_PYTHON:-}" ] && [ "$have" != "$(python_version "$CUTOVER_PYTHON")" ]; }; then
    local python
    if ! python="$(find_python)"; then
      echo "Error: Cutover needs Python 3.11 or 3.12, and none was found${CUTOVER_PYTHON:+ at $CUTOVER_PYTHON}." >&2
      echo "To fix: install one (Debian 12: apt-get install python3 python3-venv), or set CUTOVER_PYTHON=/path/to/python3.12." >&2
      exit 1
    fi
    echo "Creating the virtual environment $venv with $python ($(python_version "$python"))…" >&2
    rm -rf "$venv"
    if ! "$python" -m venv "$venv" >/dev/null 2>"$venv.log"; then
      cat "$venv.log" >&2; rm -f "$venv.log"; rm -rf "$venv"
      echo "Error: $python cannot create a virtual environment." >&2
      echo "To fix: install its venv module (Debian/Ubuntu: apt-get install python3-venv, as root), then run this again." >&2
      exit 1
    fi
    rm -f "$venv.log"
  fi
  # Installed again only when what decides the installation changed (a second run starts at once).
  local stamp="$venv/.cutover-installed" wanted_stamp
  wanted_stamp="$extras $(cat pyproject.toml setup.py | "$VENV_PYTHON" -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')"
  if ! grep -qxF -- "$wanted_stamp" "$stamp" 2>/dev/null; then
    echo "Installing Cutover${extras:+ with $extras} into $venv…" >&2
    "$VENV_PYTHON" -m pip install --quiet --disable-pip-version-check -e ".$extras"
    echo "$wanted_stamp" >> "$stamp"
  fi
}
