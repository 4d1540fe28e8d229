// Long adversarial lines for the catastrophic-backtracking checks: 100k characters of one pattern,
// placed where each parser and rule looks (bare line, value, BONDING_OPTS, ARP target list, key,
// comment, modprobe options / alias / install…). The unit test (security.test.ts) runs the
// patterns of the issue in the main positions; `npm run fuzz` runs every pattern in every position.
// Documents run in a child process (analyse-child.ts) so that a hang is killed and reported.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export interface AdvDoc { uri: string; lang: 'ifcfg' | 'modprobe'; text: string; label: string; fixAll?: boolean }

export const IFCFG_URI = 'file:///h/etc/sysconfig/network-scripts/ifcfg-bond0';
export const MODPROBE_URI = 'file:///h/etc/modprobe.d/bonding.conf';
export const LONG = 100_000;

/** The issue's patterns, plus a digit run (a long key of digits backtracked quadratically in resolveKey). */
export const UNIT_PATTERNS = ['a=', '"\\', "$'", ' =', '#', ',,,', '+10.0.0.1', 'mode=', '4'];
export const ALL_PATTERNS = [...UNIT_PATTERNS, '\\', '"', "'", '${', '$(', '`', '=', '\t', ' ', '.*', '10.0.0.1,', 'a b', '\\\n', '\r', '\r\n', 'x\\\r\n', '# bondlint disable-next-line all\n', 'miimon=100 ', 'arp_ip_target=+10.0.0.1 ', '\u00e9', '\uD800', '\0'];

type Ctx = (rep: string) => string;
const IFCFG_MAIN: Ctx[] = [(r) => `X=${r}`, (r) => `BONDING_OPTS="${r}"`, (r) => `BONDING_OPTS="mode=1 arp_interval=100 arp_ip_target=10.0.0.1,${r}"`, (r) => `D${r}EVICE=1`];
const IFCFG_MORE: Ctx[] = [(r) => r, (r) => `BONDING_OPTS=${r}`, (r) => `# ${r}`, (r) => `DEVICE=bond0\nBONDING_OPTS='mode=4 ${r}`, (r) => `X="${r}`, (r) => `export ${r}=1`, (r) => `X=$'${r}'`];
const MODPROBE_MAIN: Ctx[] = [(r) => `options bonding ${r}`, (r) => `options bonding mode=1 arp_interval=100 arp_ip_target=10.0.0.1,${r}`];
const MODPROBE_MORE: Ctx[] = [(r) => r, (r) => `alias ${r}`, (r) => `install bonding ${r}`, (r) => `  # ${r}`, (r) => `options ${r} mode=1`, (r) => `softdep bonding pre: ${r}`];

export function adversarialDocs(patterns: readonly string[], all: boolean): AdvDoc[] {
  const docs: AdvDoc[] = [];
  for (const p of patterns) {
    const rep = p.repeat(Math.ceil(LONG / p.length)).slice(0, LONG);
    const n = Math.round(LONG / p.length);
    (all ? [...IFCFG_MAIN, ...IFCFG_MORE] : IFCFG_MAIN).forEach((f, i) => docs.push({ uri: IFCFG_URI, lang: 'ifcfg', text: f(rep), label: `ifcfg position ${i} with ${JSON.stringify(p)} × ${n}`, fixAll: all }));
    (all ? [...MODPROBE_MAIN, ...MODPROBE_MORE] : MODPROBE_MAIN).forEach((f, i) => docs.push({ uri: MODPROBE_URI, lang: 'modprobe', text: f(rep), label: `modprobe position ${i} with ${JSON.stringify(p)} × ${n}`, fixAll: all }));
  }
  return docs;
}

/**
 * Runs documents through analyse-child.ts; resolves with each one's time in ms, rejects when one takes
 * longer than boundMs (the child is killed) or the child fails.
 */
export function analyseIsolated(docs: readonly AdvDoc[], boundMs: number): Promise<{ label: string; ms: number }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'analyse-child.ts')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const times: { label: string; ms: number }[] = [];
    let current = -1;
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    let failed = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        failed = true;
        child.kill('SIGKILL');
        reject(new Error(`no answer within ${boundMs} ms for: ${current >= 0 ? docs[current].label : '(start-up)'}`));
      }, current < 0 ? boundMs + 30_000 : boundMs);
    };
    arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const m = /^(start|done) (\d+)(?: (\d+))?$/.exec(line);
        if (!m) continue;
        if (m[1] === 'start') { current = Number(m[2]); arm(); } else times.push({ label: docs[Number(m[2])].label, ms: Number(m[3]) });
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failed) return;
      if (code === 0 && times.length === docs.length) resolve(times);
      else reject(new Error(`analysis child exited with ${code} after ${times.length}/${docs.length} documents${current >= 0 ? ` (last: ${docs[current].label})` : ''}\n${err.slice(0, 2000)}`));
    });
    child.stdin.end(JSON.stringify(docs));
  });
}
