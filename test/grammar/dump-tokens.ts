// Debugging helper: print the TextMate tokens of a file (or stdin).
//
//   node --import tsx test/grammar/dump-tokens.ts source.modprobe path/to/file.conf
//   printf 'BONDING_OPTS="mode=4"\n' | node --import tsx test/grammar/dump-tokens.ts source.ifcfg
import { readFileSync } from 'node:fs';
import { loadGrammar, tokenizeDocument } from './registry';

const [scopeName, file] = process.argv.slice(2);
if (!scopeName) {
  console.error('usage: dump-tokens.ts <source.ifcfg|source.modprobe> [file]');
  process.exit(2);
}

async function main(): Promise<void> {
  const text = readFileSync(file ?? 0, 'utf8').replace(/\n$/, '');
  const grammar = await loadGrammar(scopeName);
  for (const [i, { line, tokens }] of tokenizeDocument(grammar, text).entries()) {
    console.log(`${String(i + 1).padStart(3)}: ${line}`);
    for (const t of tokens) {
      console.log(`       ${JSON.stringify(t.text).padEnd(24)} ${t.scopes.slice(1).join(' ')}`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
