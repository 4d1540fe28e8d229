// Caches kept on the object they are derived from: a host's indexes on its facts, a file's facts on
// its parsed file. The cached value lives exactly as long as that object and dies with it.
//
// Not WeakMaps keyed by that object. V8's young-generation collector (the scavenger) keeps every
// value of a WeakMap alive even when its key is already garbage; only a full collection clears the
// entry. Every cached per-host structure therefore survived the minor collections, was copied and
// promoted to the old generation and waited there for a full collection. On a 10 000-file fleet
// this was ~45 MB promoted and ~140 ms of scavenge pauses in an ~830 ms analysis (bench/RESULTS.md).
//
// The slot is a non-enumerable symbol property: object spreads (`{ ...ctx }`), JSON and deep
// equality do not see it, so a modified copy of an object never shares the original's caches.

const SLOTS = Symbol('memo');

type Slots = Map<Memo<never, unknown>, unknown>;

function slotsOf(owner: object, create: true): Slots;
function slotsOf(owner: object, create: false): Slots | undefined;
function slotsOf(owner: object, create: boolean): Slots | undefined {
  let s = (owner as { [SLOTS]?: Slots })[SLOTS];
  if (s === undefined && create) {
    s = new Map();
    Object.defineProperty(owner, SLOTS, { value: s });
  }
  return s;
}

/** One cached value per owner object, computed by `compute` on first use. */
export class Memo<O extends object, V> {
  constructor(private readonly compute: (owner: O) => V) {}

  /** The value for `owner`, computed once. */
  of(owner: O): V {
    const slots = slotsOf(owner, true);
    const key = this as unknown as Memo<never, unknown>;
    if (slots.has(key)) return slots.get(key) as V;
    const v = this.compute(owner);
    slots.set(key, v);
    return v;
  }

  /** The value for `owner` if one was computed or set. */
  peek(owner: O): V | undefined {
    return slotsOf(owner, false)?.get(this as unknown as Memo<never, unknown>) as V | undefined;
  }

  /** Replaces the value for `owner`. */
  set(owner: O, value: V): void {
    slotsOf(owner, true).set(this as unknown as Memo<never, unknown>, value);
  }
}
