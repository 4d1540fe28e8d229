#!/usr/bin/env node
// The floor for the CLI: a Node process that walks the given directory and reads every file as UTF-8
// text, doing nothing with it. No linter can be faster than this on the same machine.
//   usage: node bench/lib/read-floor.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const stack = [process.argv[2]];
let files = 0;
let chars = 0;
while (stack.length) {
  const dir = stack.pop();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) stack.push(p);
    else if (e.isFile()) { chars += readFileSync(p, 'utf8').length; files++; }
  }
}
process.stdout.write(`${files} files, ${chars} characters\n`);
