'use strict';
// Bull side of the jobs benchmark: N no-op jobs on one queue, processed in this process with a
// fixed concurrency, on the local Redis. Prints one JSON object on stdout:
//   {system, jobs, concurrency, submitters, rate, seconds, jobsPerSecond, p50Micros, p99Micros}
// Submit-to-start latency runs from add() resolving to the processor starting, the same
// definition the gateway side uses (a job may start before its add() resolves: that counts as 0).
// Usage: node bench.js [--jobs N] [--warmup W] [--concurrency C] [--submitters S] [--rate R]
//   W unmeasured jobs run first (default 0). --rate 0 (default) submits as fast as S concurrent
//   add() loops allow; R > 0 submits R jobs per second from one loop. REDIS_URL overrides
//   redis://127.0.0.1:6379. The queue has a unique name and is obliterated at the end.
const Queue = require('bull');

function options(argv) {
  const parsed = { jobs: 10000, warmup: 0, concurrency: 4, submitters: 4, rate: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const value = Number(argv[i + 1]);
    if (!(key in parsed) || !Number.isFinite(value) || value < 0) {
      throw new Error(`bad option ${argv[i]} ${argv[i + 1]}; expected --jobs, --warmup,`
        + ' --concurrency, --submitters or --rate followed by a non-negative number');
    }
    parsed[key] = value;
  }
  if (parsed.jobs < 1 || parsed.concurrency < 1 || parsed.submitters < 1) {
    throw new Error('--jobs, --concurrency and --submitters must be at least 1');
  }
  return parsed;
}

// Nearest-rank percentile, as dev.reapi.bench.client.Percentiles computes it.
function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
}

const nowMicros = () => Number(process.hrtime.bigint() / 1000n);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function submitFlatOut(queue, count, submitters, returned) {
  let next = 0;
  const loop = async () => {
    while (next < count) {
      next += 1;
      const job = await queue.add({});
      returned.set(String(job.id), nowMicros());
    }
  };
  await Promise.all(Array.from({ length: submitters }, loop));
}

async function submitPaced(queue, count, rate, returned, start) {
  for (let i = 0; i < count; i += 1) {
    const due = start + (i * 1e6) / rate;
    const wait = due - nowMicros();
    if (wait > 1000) {
      await sleep(wait / 1000);
    }
    const job = await queue.add({});
    returned.set(String(job.id), nowMicros());
  }
}

// Submits count jobs and waits for all to complete; returns elapsed seconds and latencies.
async function measure(queue, state, count, opts) {
  const returned = new Map();
  state.started = new Map();
  state.completed = 0;
  const allDone = new Promise((resolve) => {
    state.onAllDone = resolve;
    state.target = count;
  });
  const start = nowMicros();
  if (opts.rate > 0) {
    await submitPaced(queue, count, opts.rate, returned, start);
  } else {
    await submitFlatOut(queue, count, opts.submitters, returned);
  }
  await Promise.race([allDone, state.failure]);

  const latencies = [];
  for (const [id, at] of returned) {
    latencies.push(Math.max(0, state.started.get(id) - at));
  }
  latencies.sort((a, b) => a - b);
  return { seconds: (state.lastCompleted - start) / 1e6, latencies };
}

async function main() {
  const opts = options(process.argv.slice(2));
  const name = `reapi-bench-jobs-${process.pid}-${Date.now()}`;
  const queue = new Queue(name, process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  const state = { started: new Map(), completed: 0, target: 0, lastCompleted: 0 };
  state.failure = new Promise((resolve, reject) => {
    queue.on('failed', (job, err) => reject(new Error(`job ${job.id} failed: ${err}`)));
    queue.on('error', reject);
  });
  queue.on('completed', () => {
    state.completed += 1;
    state.lastCompleted = nowMicros();
    if (state.completed === state.target) {
      state.onAllDone();
    }
  });
  try {
    await queue.isReady();
    queue.process(opts.concurrency, async (job) => {
      state.started.set(String(job.id), nowMicros());
      return {};
    });

    if (opts.warmup > 0) {
      await measure(queue, state, opts.warmup, { ...opts, rate: 0 });
    }
    const { seconds, latencies } = await measure(queue, state, opts.jobs, opts);
    process.stdout.write(`${JSON.stringify({
      system: `bull ${require('bull/package.json').version}`,
      jobs: opts.jobs,
      concurrency: opts.concurrency,
      submitters: opts.rate > 0 ? 1 : opts.submitters,
      rate: opts.rate,
      seconds,
      jobsPerSecond: opts.jobs / seconds,
      p50Micros: percentile(latencies, 50),
      p99Micros: percentile(latencies, 99),
    })}\n`);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

main().catch((err) => {
  process.stderr.write(`bull bench failed: ${err.message || err}\n`);
  process.exit(1);
});
