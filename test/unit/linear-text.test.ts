// The linear replacements of regexes that backtracked polynomially (see security.test.ts › recheck)
// give exactly what the regexes gave, on short strings where the regexes are still quick.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { trimEndChars, withoutQueryAndFragment } from '../../server/src/analysis/text';
import { withoutTrailingComment } from '../../server/src/analysis/ifcfg/parser';
import { leadingZeroSplit } from '../../server/src/analysis/rules/ifcfg/unknown-key';
import { oneLine } from '../../cli/src/format-text';

const soup = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 24 }).map((a) => a.join(''));
const runs = { numRuns: 5000 };

test('trimEndChars is s.replace(/[chars]+$/, "")', () => {
  fc.assert(fc.property(soup(['/', 'a', '0', '&', ';', '|', ' ', '\n']), (s) => {
    assert.equal(trimEndChars(s, '/'), s.replace(/\/+$/, ''));
    assert.equal(trimEndChars(s, '0123456789'), s.replace(/[0-9]+$/, ''));
    assert.equal(trimEndChars(s, ';&|'), s.replace(/[;&|]+$/, ''));
  }), runs);
});

test('withoutQueryAndFragment is uri.replace(/[?#].*$/, "") on URIs (no line breaks)', () => {
  fc.assert(fc.property(soup(['?', '#', 'a', '/', '%']), (s) => assert.equal(withoutQueryAndFragment(s), s.replace(/[?#].*$/, ''))), runs);
});

test('withoutTrailingComment is s.replace(/\\s+#.*$/, "") on one line', () => {
  fc.assert(fc.property(soup([' ', '\t', '#', 'a', '=', '"', '\u00a0']), (s) => assert.equal(withoutTrailingComment(s), s.replace(/\s+#.*$/, ''))), runs);
});

test('leadingZeroSplit splits like /^([A-Za-z_][A-Za-z0-9_]*?)0+([0-9]+)$/', () => {
  fc.assert(fc.property(soup(['0', '0', '1', '9', 'A', '_', 'x', '-']), (s) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*?)0+([0-9]+)$/.exec(s);
    assert.deepEqual(leadingZeroSplit(s), m ? { base: m[1], digits: m[2] } : undefined, s);
  }), runs);
  assert.deepEqual(leadingZeroSplit('IPADDR01'), { base: 'IPADDR', digits: '1' });
});

test('oneLine is s.replace(/\\s*[\\r\\n]+\\s*/g, " ")', () => {
  fc.assert(fc.property(soup(['\r', '\n', ' ', '\t', 'a', 'b']), (s) => assert.equal(oneLine(s), s.replace(/\s*[\r\n]+\s*/g, ' '), JSON.stringify(s))), runs);
});
