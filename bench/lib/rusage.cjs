// Preloaded into a measured Node process (`node --require bench/lib/rusage.cjs …`): when the process
// exits, writes its resource usage (peak RSS, CPU time) as JSON to the file named by BENCH_RUSAGE.
// Costs one small module load; the measured program itself is unchanged. Counts every thread.
'use strict';
const out = process.env.BENCH_RUSAGE;
// Worker threads load preloads too: only the main thread writes (the figures are the process's).
if (out && require('worker_threads').isMainThread) {
  process.on('exit', () => {
    const r = process.resourceUsage();
    require('fs').writeFileSync(out, JSON.stringify({ maxRssKb: r.maxRSS, userUs: r.userCPUTime, systemUs: r.systemCPUTime }));
  });
}
