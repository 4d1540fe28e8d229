// Caches kept on the object they are derived from: a host's indexes on its facts, a file's facts on
// its parsed file. The cached value lives exactly as long as that object and dies with it.
//
// Not WeakMaps keyed by that object. V8's young-generation collector (the scavenger) keeps every
// value of a WeakMap alive even when its key is already garbage; only a full collection clears the
// entry. Every cached per-host structure therefore survived the minor collections, was copied and
// promoted to the old generation and waited there for a full collection. On a 10 000-file fleet
// this was ~45 MB promoted and ~140 ms of scavenge pauses in an ~830 ms analysis (bench/RESULTS.md).
//
// The values live in a slot under the MEMO symbol. The objects that are memoized most (contexts,
// parsed files and assignments, host facts, hosts) declare the slot when they are created, so that
// filling it does not change their shape (adding a property to 20,000 objects as they are first
// asked about cost ~1 µs each). JSON ignores symbol keys. The slot remembers its owner: a copy made by
// spreading (`{ ...ctx, file }`) carries the original's slot along, and gets one of its own instead of
// the original's values.

export const MEMO: unique symbol = Symbol('memo');

export interface MemoSlots {
  owner: object;
  /** By Memo id; UNDEFINED stands for a computed undefined. */
  values: unknown[];
}

/** An object that declares its memo slot when it is created (`[MEMO]: undefined`). */
export interface Memoizable {
  [MEMO]?: MemoSlots;
}

const UNDEFINED = Symbol('undefined');
let nextId = 0;

function slotsOf(owner: object): MemoSlots {
  let s = (owner as Memoizable)[MEMO];
  if (s === undefined || s.owner !== owner) (owner as Memoizable)[MEMO] = s = { owner, values: [] };
  return s;
}

/** One cached value per owner object, computed by `compute` on first use. */
export class Memo<O extends object, V> {
  private readonly id = nextId++;

  constructor(private readonly compute: (owner: O) => V) {}

  /** The value for `owner`, computed once. */
  of(owner: O): V {
    const s = slotsOf(owner);
    const v = s.values[this.id];
    if (v !== undefined) return (v === UNDEFINED ? undefined : v) as V;
    const c = this.compute(owner);
    s.values[this.id] = c === undefined ? UNDEFINED : c;
    return c;
  }

  /** The value for `owner` if one was computed or set. */
  peek(owner: O): V | undefined {
    const s = (owner as Memoizable)[MEMO];
    if (s === undefined || s.owner !== owner) return undefined;
    const v = s.values[this.id];
    return (v === UNDEFINED ? undefined : v) as V | undefined;
  }

  /** Replaces the value for `owner`. */
  set(owner: O, value: V): void {
    slotsOf(owner).values[this.id] = value === undefined ? UNDEFINED : value;
  }
}

/**
 * A pure function of a string, remembered for the first `max` distinct arguments: the same few names
 * and values recur in every file of a fleet, and a file full of made-up ones must not grow the table
 * without end. The results are shared: callers only read them.
 */
export function rememberByString<V>(fn: (s: string) => V, max = 4096): (s: string) => V {
  const table = new Map<string, V>();
  return (s) => {
    let v = table.get(s);
    if (v === undefined && !table.has(s)) {
      v = fn(s);
      if (table.size < max) table.set(s, v);
    }
    return v as V;
  };
}
