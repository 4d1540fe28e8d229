import * as path from 'path';
import * as vscode from 'vscode';

export async function waitFor<T>(fn: () => T | undefined | Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The workspace folder the runner opened (a scratch copy of test/e2e/workspace). */
export function workspaceFile(...parts: string[]): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) throw new Error('no workspace folder open');
  return vscode.Uri.file(path.join(root, ...parts));
}

export const NS = ['host-a', 'etc', 'sysconfig', 'network-scripts'];

export function labels(list: vscode.CompletionList): string[] {
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

/** Asks the runner for a screenshot of the workbench (test-results/NAME.png); no-op without a runner. */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.BONDING_SHOT_DIR;
  if (!dir) return;
  const fs = await import('fs');
  fs.writeFileSync(path.join(dir, `${name}.req`), '');
  await waitFor(() => (fs.existsSync(path.join(dir, `${name}.done`)) ? true : undefined), 20000, `screenshot ${name}`);
}
