// V8 settings for the bondlint process. main.ts imports this module first, so that they are set
// before any other module of the bundle runs (flags set later, e.g. in runProgram(), measured no effect
// on tier-up). Only V8 flags that have existed for many releases; an unknown one would print an error.
import * as v8 from 'v8';

// A lint run allocates a host's worth of short-lived objects at a time; V8's allocation-site
// pretenuring can mistake some of them for long-lived ones and fill the old generation with garbage.
v8.setFlagsFromString('--no-allocation-site-pretenuring');

// A run is short (a second for 10,000 files) and runs ~90 rules over each file. With V8's default
// budget, hundreds of functions are optimized after a few hosts; on the 2-core reference machine the
// background compiler threads took ~600 ms of CPU in a ~900 ms run, as much as the analysis, and took
// the second core from the reader thread and the main thread. A larger interrupt budget optimizes only
// what stays hot: ~8 % less wall time there (bench/RESULTS.md).
v8.setFlagsFromString('--interrupt-budget=300000');
