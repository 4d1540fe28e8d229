// Loads the TextMate grammars of this extension with the same engine VS Code
// uses (vscode-textmate + vscode-oniguruma).  Shared by redos.test.ts and
// dump-tokens.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

// The package is CommonJS (tsx runs .ts files as CJS here); fall back to the
// conventional location if this is ever loaded as ESM.
const here = typeof __dirname === 'string' ? __dirname : resolve('test', 'grammar');
export const repoRoot = resolve(here, '..', '..');

/** scopeName -> grammar file.  source.shell is a stub standing in for VS Code's built-in shell grammar. */
export const grammarFiles: Record<string, string> = {
  'source.ifcfg': join(repoRoot, 'syntaxes', 'ifcfg.tmLanguage.json'),
  'source.modprobe': join(repoRoot, 'syntaxes', 'modprobe.tmLanguage.json'),
  'source.shell': join(here, 'fixtures', 'shell-stub.tmLanguage.json'),
};

let onigReady: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  if (!onigReady) {
    const require = createRequire(join(here, 'registry.ts'));
    const wasmPath = join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
    const wasm = readFileSync(wasmPath);
    onigReady = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  return onigReady;
}

export function createRegistry(files: Record<string, string> = grammarFiles): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: loadOniguruma().then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    })),
    loadGrammar: async (scopeName: string) => {
      const file = files[scopeName];
      if (!file) return null;
      return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
  });
}

export async function loadGrammar(scopeName: string, registry = createRegistry()): Promise<vsctm.IGrammar> {
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} not found`);
  return grammar;
}

export interface LineTokens {
  line: string;
  tokens: { text: string; scopes: string[] }[];
}

/** Tokenizes a whole document, carrying the rule stack across lines like the editor does. */
export function tokenizeDocument(grammar: vsctm.IGrammar, text: string): LineTokens[] {
  let stack = vsctm.INITIAL;
  const out: LineTokens[] = [];
  for (const line of text.split(/\r?\n/)) {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    out.push({
      line,
      tokens: result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })),
    });
  }
  return out;
}
