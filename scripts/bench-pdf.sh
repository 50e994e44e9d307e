#!/usr/bin/env bash
# Times bti's PDFs beside printing the same form page in headless Chromium,
# in one run: one form (goal 15 ms), every PDF of the Lillestrøm sample
# (goal 200 ms), a 30-form binder (goal 100 ms), and Chromium printing the
# form's page. Each iteration makes its QR codes afresh (as a first build
# does; bti serve and a build's second PDF of a form reuse them).
set -euo pipefail
cd "$(dirname "$0")/.."
# bti build collects garbage less often (debug.SetGCPercent(400)); measure the same.
export GOGC=${GOGC:-400}
go test -run '^$' -bench 'FormPDF|MunicipalityPDFs|Binder30' -benchtime 10x ./generator/pdf | grep -E '^Benchmark'
go test -run '^$' -bench 'ChromiumPrintForm' -benchtime 10x ./internal/browsertest | grep -E '^Benchmark'
