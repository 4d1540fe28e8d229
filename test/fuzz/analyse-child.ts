// Child process for tests that may hang (catastrophic regex backtracking, quadratic loops): reads a
// JSON array of documents on stdin, runs the analysis on each and prints `start I` before and
// `done I MS` after each one, so the parent can kill it on a time bound and say which input hung.
//   echo '[{"uri":"file:///h/etc/sysconfig/network-scripts/ifcfg-bond0","lang":"ifcfg","text":"…"}]' | node --import tsx test/fuzz/analyse-child.ts
import { codeActions, complete, diagnose, fixAll, hover, WorkspaceModel } from '../../server/src/analysis';
import * as nav from '../../server/src/analysis/navigation';

interface Doc { uri: string; lang: 'ifcfg' | 'modprobe'; text: string; fixAll?: boolean }

export function analyse(d: Doc): void {
  const model = new WorkspaceModel();
  model.set(d.uri, d.text, d.lang);
  const ctx = model.get(d.uri)!;
  const diags = diagnose(ctx);
  codeActions(ctx, diags);
  const lines = d.text.split(/\r\n|\n|\r/);
  const last = lines.length - 1;
  for (const p of [{ line: 0, character: 5 }, { line: 0, character: Math.floor(lines[0].length / 2) }, { line: last, character: lines[last].length }]) {
    complete(ctx, p);
    hover(ctx, p);
  }
  for (const p of [{ line: 0, character: 5 }, { line: last, character: lines[last].length }]) {
    nav.definition(model, d.uri, p);
    nav.prepareRename(model, d.uri, p);
  }
  nav.documentSymbols(model, d.uri);
  nav.codeLenses(model, d.uri);
  nav.inlayHints(model, d.uri, { start: { line: 0, character: 0 }, end: { line: last + 1, character: 0 } });
  if (d.fixAll) fixAll(ctx, (t) => { model.set(d.uri, t, d.lang); return model.get(d.uri)!; });
}

function main(): void {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (c: string) => { input += c; });
  process.stdin.on('end', () => {
    const docs = JSON.parse(input) as Doc[];
    docs.forEach((d, i) => {
      process.stdout.write(`start ${i}\n`);
      const t0 = performance.now();
      analyse(d);
      process.stdout.write(`done ${i} ${Math.round(performance.now() - t0)}\n`);
    });
  });
}

if (require.main === module) main();
