#!/usr/bin/env bash
# The whole test suite, from a clean clone: makes .venv, installs argmap with its extras and
# the plugins in plugins/ (as real distributions), the Argdown reference implementation (for the
# differential tests, when npm is there), then runs ruff, mypy --strict, pytest and the docs
# build with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[render,test,docs]"
for plugin in plugins/*/; do
  # A real (non-editable) install: plugin tests go through an installed distribution.
  .venv/bin/python -m pip install --quiet --force-reinstall --no-deps "$plugin"
done

# Reference implementations used as oracles by differential tests (Argdown, Mermaid). Their
# tests say so, visibly, when these are missing.
for oracle in tests/argdown_oracle plugins/argmap-mermaid/tests/oracle; do
  if [ -f "$oracle/package.json" ]; then
    if command -v npm >/dev/null 2>&1; then
      npm ci --silent --no-audit --no-fund --prefix "$oracle" >/dev/null
    else
      echo "WARNING: npm not found: the tests that need $oracle will be reported as skipped" >&2
    fi
  fi
done

echo "== ruff"
.venv/bin/ruff check .
echo "== lint-imports (the layer contract in pyproject.toml)"
.venv/bin/lint-imports --no-cache
echo "== mypy --strict"
.venv/bin/mypy
echo "== pytest"
# On every core (pytest-xdist): the property tests are most of the time and run independently.
.venv/bin/pytest -q -p no:cacheprovider -n auto
for plugin in plugins/*/; do
  if [ -d "$plugin/tests" ]; then
    echo "== pytest $plugin"
    (cd "$plugin" && ../../.venv/bin/pytest -q -p no:cacheprovider -n auto tests)
  fi
done
echo "== docs"
.venv/bin/sphinx-build -q -W --keep-going -b html docs docs/_build/html
echo "all checks passed"
