// Small guards and range helpers shared by the navigation features. Pure: no I/O.
import type { Position, Range } from 'vscode-languageserver-types';
import { trimEndChars } from '../text';

export const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Runs `f`, returning `fallback` if it throws: navigation requests never fail on odd input. */
export function safe<T>(fallback: T, f: () => T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

export function isPosition(p: unknown): p is Position {
  if (!p || typeof p !== 'object') return false;
  const q = p as Position;
  return Number.isFinite(q.line) && Number.isFinite(q.character);
}

export function isRange(r: unknown): r is Range {
  return !!r && typeof r === 'object' && isPosition((r as Range).start) && isPosition((r as Range).end);
}

/** -1, 0, 1 like a comparator. */
export function comparePos(a: Position, b: Position): number {
  return a.line !== b.line ? (a.line < b.line ? -1 : 1) : a.character === b.character ? 0 : a.character < b.character ? -1 : 1;
}

/** Start ≤ p ≤ end (the end counts: a cursor right after a word is on the word). */
export function contains(r: Range, p: Position): boolean {
  return comparePos(r.start, p) <= 0 && comparePos(p, r.end) <= 0;
}

export function rangeSize(r: Range): number {
  return (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
}

export function sameRange(a: Range, b: Range): boolean {
  return comparePos(a.start, b.start) === 0 && comparePos(a.end, b.end) === 0;
}

export function compareLocation(a: { uri: string; range: Range }, b: { uri: string; range: Range }): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return comparePos(a.range.start, b.range.start) || comparePos(a.range.end, b.range.end);
}

/** Last path segment of a host root ('/fleet/h1' → 'h1'; '/' stays '/'). */
export function hostName(root: string): string {
  const trimmed = trimEndChars(root, '/');
  if (!trimmed) return '/';
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? trimmed : trimmed.slice(slash + 1) || trimmed;
}

/** kmod compares module and alias names with '-' and '_' as the same character. */
export function modName(s: string): string {
  return s.replace(/-/g, '_');
}
