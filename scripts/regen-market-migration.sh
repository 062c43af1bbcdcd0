#!/usr/bin/env bash
# Development helper while migration 0007 has not landed: rebuilds 0007_market.sql from the current
# *.tables.ts (drops the 0007 files and journal entry, then runs drizzle-kit generate).
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/transfernet-regen.lock
flock 9
rm -f server/src/db/migrations/0007_market.sql server/src/db/migrations/meta/0007_snapshot.json
node -e '
const fs=require("fs");const p="server/src/db/migrations/meta/_journal.json";
const j=JSON.parse(fs.readFileSync(p,"utf8"));j.entries=j.entries.filter(e=>e.idx<7);
fs.writeFileSync(p,JSON.stringify(j,null,2)+"\n");'
npx drizzle-kit generate --name market >/dev/null
ls server/src/db/migrations/0007_market.sql
