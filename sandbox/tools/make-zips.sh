#!/usr/bin/env bash
# Regenerates sandbox/src/main/resources/dev/reapi/sandbox/zips.csv.gz from the npm package
# `zipcodes` (BSD licence, see NOTICE). Output: one line per ZIP of the 50 US states and DC,
# sorted by ZIP: zip,state,city,lat,lng. The gzip stream carries no timestamp, so the same
# package version always yields the same bytes.
set -euo pipefail
version="${1:-8.0.0}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/dev/reapi/sandbox/zips.csv.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "zipcodes@$version" >/dev/null && tar xzf zipcodes-*.tgz)
node - "$work/package/lib/codes.js" "$out" <<'JS'
const [codesFile, out] = process.argv.slice(2);
const zlib = require('zlib');
const fs = require('fs');
const states = new Set(('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS '
  + 'MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY').split(' '));
const codes = require(codesFile).codes;
const rows = Object.values(codes)
  .filter(c => states.has(c.state) && /^[0-9]{5}$/.test(c.zip)
    && Number.isFinite(c.latitude) && Number.isFinite(c.longitude) && c.city)
  .sort((a, b) => a.zip.localeCompare(b.zip))
  .map(c => [c.zip, c.state, c.city.replace(/[,\r\n]/g, ' ').trim(),
    c.latitude.toFixed(4), c.longitude.toFixed(4)].join(','));
fs.writeFileSync(out, zlib.gzipSync(rows.join('\n') + '\n', { level: 9 }));
console.log(`wrote ${rows.length} ZIPs to ${out}`);
JS
