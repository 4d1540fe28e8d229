// Sees exceptions that the analysis catches and hides. hover(), complete(), the navigation functions
// and the fix runners wrap their work in try/catch (odd input must never fail a request), so a
// TypeError inside them would only show up as a missing result. With the inspector paused on *every*
// exception (caught ones included), each TypeError / RangeError / ReferenceError raised in
// server/src/ is recorded here and reported as a crash by the fuzz harness.
import { Session } from 'node:inspector';

export interface SwallowedException {
  className: string;
  message: string;
  /** file:line of the frame that threw. */
  where: string;
}

/** Classes that mean a bug. Error (rename's messages), URIError (decodeURIComponent) and
 *  SyntaxError (grep patterns compiled as RegExp) are thrown and caught on purpose. */
const BUG_CLASSES = new Set(['TypeError', 'RangeError', 'ReferenceError']);

export class SwallowedExceptions {
  private session?: Session;
  private readonly scripts = new Map<string, string>();
  private records: SwallowedException[] = [];
  private depth = 0;

  start(): void {
    if (this.session) return;
    const s = new Session();
    s.connect();
    s.on('Debugger.scriptParsed', (m) => { if (m.params.url) this.scripts.set(m.params.scriptId, m.params.url); });
    s.on('Debugger.paused', (m) => {
      try {
        if (this.depth > 0 && m.params.reason === 'exception') this.inspect(m.params);
      } finally {
        s.post('Debugger.resume');
      }
    });
    s.post('Debugger.enable');
    s.post('Debugger.setPauseOnExceptions', { state: 'all' });
    this.session = s;
  }

  stop(): void {
    if (!this.session) return;
    this.session.post('Debugger.setPauseOnExceptions', { state: 'none' });
    this.session.post('Debugger.disable');
    this.session.disconnect();
    this.session = undefined;
  }

  /** Runs f, recording the bug-class exceptions raised (and caught or not) inside server/src/. */
  watch<T>(f: () => T): T {
    this.depth++;
    try { return f(); } finally { this.depth--; }
  }

  take(): SwallowedException[] {
    const r = this.records;
    this.records = [];
    return r;
  }

  private inspect(params: { data?: { className?: string; description?: string }; callFrames: { location: { scriptId: string; lineNumber: number }; functionName: string }[] }): void {
    const className = params.data?.className ?? '';
    if (!BUG_CLASSES.has(className)) return;
    // The first frame of our own code decides: server/src/ means the analysis threw it.
    for (const f of params.callFrames) {
      const url = this.scripts.get(f.location.scriptId) ?? '';
      if (url.startsWith('node:') || url.includes('/node_modules/')) continue;
      if (!url.includes('/server/src/')) return;
      const message = (params.data?.description ?? '').split('\n')[0];
      this.records.push({ className, message, where: `${url.replace(/^.*\/server\/src\//, 'server/src/')}:${f.location.lineNumber + 1} (${f.functionName || 'anonymous'})` });
      return;
    }
  }
}
