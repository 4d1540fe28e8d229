// Every rule has a documentation page (docs/rules/<id>.md) in the agreed layout, and each page's
// examples are real: the wrong example produces the rule's diagnostic, the right example does not.
// Page format: see docs/rules/README.md.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnose, languageOfPath, WorkspaceModel } from '../../server/src/analysis';
import { allRuleInfo } from '../../server/src/analysis/rule-docs';

const DOCS = path.join(__dirname, '..', '..', 'docs', 'rules');
const SECTIONS = ['What it detects', 'Why it breaks a host', 'Wrong', 'Right', 'How to fix', 'How to suppress'];

/** The text of a `## name` section (up to the next `## ` heading). */
function section(md: string, name: string): string | undefined {
  const m = new RegExp(`^## ${name}\\s*$`, 'm').exec(md);
  if (!m) return undefined;
  const rest = md.slice(m.index + m[0].length);
  const next = /^## /m.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

/** Files of an example section: `File \`/path\`:` followed by a fenced block. */
function exampleFiles(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /^File `([^`]+)`:\s*\n\s*\n?(`{3,})[^\n]*\n([\s\S]*?)^\2\s*$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push([m[1], m[3]]);
  return out;
}

function lintFiles(files: [string, string][]): Diagnostic[] {
  const model = new WorkspaceModel();
  for (const [p, t] of files) {
    const lang = languageOfPath(p);
    assert.ok(lang, `${p} is not an ifcfg or modprobe path`);
    model.set(`file://${p}`, t, lang);
  }
  return files.flatMap(([p]) => diagnose(model.get(`file://${p}`)!));
}

const rules = allRuleInfo();

test('there is a page for every rule and a page only for rules', () => {
  const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort();
  const ids = rules.map((r) => r.id);
  const missing = ids.filter((id) => !pages.includes(id));
  assert.deepEqual(missing, [], `rules without a page in docs/rules/: ${missing.join(', ')}`);
  const stray = pages.filter((p) => !ids.includes(p));
  assert.deepEqual(stray, [], `pages for rules that do not exist: ${stray.join(', ')}`);
});

test('the index lists every rule', () => {
  const index = fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8');
  const missing = rules.filter((r) => !index.includes(`](${r.id}.md)`)).map((r) => r.id);
  assert.deepEqual(missing, [], `docs/rules/README.md does not link: ${missing.join(', ')}`);
});

for (const rule of rules) {
  test(`docs/rules/${rule.id}.md`, () => {
    const file = path.join(DOCS, `${rule.id}.md`);
    assert.ok(fs.existsSync(file), `missing docs/rules/${rule.id}.md`);
    const md = fs.readFileSync(file, 'utf8');

    // Header and metadata agree with the rule.
    assert.equal(md.split('\n')[0], `# ${rule.id}`, 'first line is "# <rule-id>"');
    assert.ok(md.includes(`**${rule.title}**`), `title "${rule.title}" in bold`);
    const sev = /^\| Default severity \| (\w+) \|$/m.exec(md);
    assert.equal(sev?.[1], rule.severity, 'default severity');
    const cat = /^\| Catalogue \| (.*) \|$/m.exec(md);
    assert.equal(cat?.[1], rule.catalogue.length ? rule.catalogue.join(', ') : '—', 'catalogue ids');
    assert.match(md, /^\| Quick fix \| .+ \|$/m, 'quick fix row');

    // Sections, in order, none empty.
    let last = -1;
    for (const s of SECTIONS) {
      const at = md.search(new RegExp(`^## ${s}\\s*$`, 'm'));
      assert.ok(at > last, `section "## ${s}" present and in order`);
      last = at;
      assert.ok((section(md, s) ?? '').trim().length > 0, `section "## ${s}" is not empty`);
    }
    assert.ok(section(md, 'How to suppress')!.includes(rule.id), 'the suppression section names the rule');

    // Examples: the wrong one triggers the rule, the right one does not.
    const wrong = exampleFiles(section(md, 'Wrong')!);
    const right = exampleFiles(section(md, 'Right')!);
    assert.ok(wrong.length > 0, 'a wrong example (File `…`: + code block)');
    assert.ok(right.length > 0, 'a right example (File `…`: + code block)');
    const w = lintFiles(wrong);
    assert.ok(w.some((d) => d.code === rule.id), `the wrong example produces ${rule.id}; it produces: ${[...new Set(w.map((d) => d.code))].join(', ') || 'nothing'}`);
    const r = lintFiles(right);
    assert.ok(!r.some((d) => d.code === rule.id), `the right example must not produce ${rule.id}`);
  });
}

test('each page says whether a quick fix exists, as the rule does', async () => {
  const { RULES } = await import('../../server/src/analysis');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const wrong: string[] = [];
  for (const r of RULES) {
    const md = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'rules', `${r.id}.md`), 'utf8');
    const says = /^\| Quick fix \| (Yes|For some)/m.test(md);
    if (says !== !!r.fix) wrong.push(`${r.id}: page ${says ? 'says yes' : 'says no'}, rule ${r.fix ? 'has' : 'has no'} fix`);
  }
  assert.deepEqual(wrong, []);
});

