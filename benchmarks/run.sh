#!/usr/bin/env bash
# Every benchmark, with the peers installed so each script compares in the same run:
# arguebuf (the Python argument-graph library) in its own environment .venv-bench, and
# argdown-cli (the Argdown reference) from npm. Figures only: nothing here passes or fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv-bench/bin/python -m pip install --quiet -e ".[render]" -r benchmarks/requirements.txt
for plugin in plugins/*/; do
  .venv-bench/bin/python -m pip install --quiet --no-deps "$plugin"
done
if command -v npm >/dev/null 2>&1 && [ -f tests/argdown_oracle/package.json ]; then
  npm ci --silent --no-audit --no-fund --prefix tests/argdown_oracle >/dev/null
fi

for script in cli_startup core_build_json export_100k dot_generation dot_render argdown_reader_only \
              mermaid_export argdown_speed evaluation_speed aif_speed; do
  echo
  echo "=== benchmarks/$script.py"
  .venv-bench/bin/python "benchmarks/$script.py" || echo "($script failed)"
done
