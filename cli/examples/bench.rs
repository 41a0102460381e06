//! `make bench`: how fast the core is, natively. Reports; asserts nothing. Times are CPU time
//! of the measuring thread where Linux gives it (so a loaded machine skews them less), else
//! wall-clock time.
//!
//! - a 200-line corosync 3 config: checks per second and time per check;
//! - a log built from real line formats (corosync 1.x/3.x file, syslog, pacemaker detail):
//!   MB/s for 10 MB and 100 MB, read on one thread (CPU time, as above), and read as the CLI
//!   does, with a thread per CPU (`Options::threads`; wall-clock time, as CPU time would
//!   leave the other threads out);
//! - scaling: 1×, 10×, 100× of a config and of a log, to show the curve is linear.
//!
//! `bench write-log MB PATH` writes the log of MB megabytes for the browser bench.
//! `bench once CASE K` analyses one pathological case once at K× (for callgrind);
//! `bench once log MB [THREADS]` the benchmark's log of MB megabytes.
//!
//! `bench pathological` (`make bench-pathological`) times instead each pathological input of
//! `core/tests/common/pathological.rs` (a 10 MB line, 100 000 nested sections, ...) at 1×, 10×
//! and 100× (100× is the size the issue names), decoding included; 100× is the median of five
//! calls, with their range.

use corocheck_core::{Input, Options, Target, analyze};
use std::time::Instant;

#[path = "../../core/tests/common/pathological.rs"]
mod pathological;

fn config(lines: usize) -> String {
    let mut s = String::from(
        "totem {\n\tversion: 2\n\tcluster_name: bench\n\ttransport: knet\n\tcrypto_cipher: aes256\n\tcrypto_hash: sha256\n}\n\nquorum {\n\tprovider: corosync_votequorum\n}\n\nnodelist {\n",
    );
    let mut id = 1;
    while s.lines().count() + 8 < lines {
        s.push_str(&format!(
            "\tnode {{\n\t\tring0_addr: 10.0.{}.{}\n\t\tname: node{id}\n\t\tnodeid: {id}\n\t}}\n",
            id / 250,
            id % 250 + 1
        ));
        id += 1;
    }
    s.push_str("}\n\nlogging {\n\tto_syslog: yes\n}\n");
    s
}

const LOG_LINES: &[&str] = &[
    "Aug 26 16:20:37 corosync [TOTEM ] A processor failed, forming new configuration.",
    "Aug 26 16:20:37 node1 corosync[2345]:   [TOTEM ] A processor failed, forming new configuration.",
    "Aug 26 16:20:37.512 [2345] node1 corosync info    [KNET  ] link: host: 2 link: 0 is down",
    "Aug 26 16:20:38.871 [2345] node1 corosync notice  [TOTEM ] A new membership (1.2a) was formed. Members left: 2",
    "Aug 26 16:20:39 node1 corosync[2345]:   [QUORUM] Members[1]: 1",
    "Aug 26 16:20:40 [2360] node1 crmd:   notice: do_state_transition: State transition S_IDLE -> S_POLICY_ENGINE",
    "Aug 26 16:20:41 node1 pacemaker-fenced    [2361] (remote_op_done)  notice: Operation 'reboot' targeting node2 by node1 for pacemaker-controld.2365@node1: OK",
    "Aug 26 16:20:42 node1 pacemaker-controld[2365]:  notice: Result of monitor operation for vip on node1: not running",
];

/// `bytes` of log: [`LOG_LINES`] again and again, their times moved on by six seconds each round
/// (a log's time runs forward; the lines keep their formats and their offsets within a round),
/// from `Aug  1 00:00:00` on.
fn log(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 200);
    let mut i = 0;
    while s.len() < bytes {
        let line = LOG_LINES[i % LOG_LINES.len()];
        // Every line starts with `Aug 26 16:20:SS`.
        let sec: u64 = line[13..15].parse().expect("a bench line's seconds");
        let t = (i / LOG_LINES.len()) as u64 * 6 + sec - 37;
        // Months of 28 days, so that any size gives valid dates.
        let (d, h, m, sec) = (t / 86_400, t / 3600 % 24, t / 60 % 60, t % 60);
        let month = [
            "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
        ][(d / 28 % 12) as usize];
        let day = d % 28 + 1;
        s.push_str(&format!("{month} {day:>2} {h:02}:{m:02}:{sec:02}"));
        s.push_str(&line[15..]);
        s.push('\n');
        i += 1;
    }
    s
}

/// CPU time of this thread in seconds (Linux: `/proc/thread-self/schedstat`, so that other
/// processes on a loaded machine do not count), else wall-clock time since the first call.
fn clock() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(
            || START.get_or_init(Instant::now).elapsed().as_secs_f64(),
            |ns| ns / 1e9,
        )
}

/// Seconds per call of `f`: at least `reps` calls after one warm-up, and more until a quarter
/// of a second has passed (the kernel updates a running thread's CPU time at scheduler ticks,
/// a few milliseconds apart).
fn time<F: FnMut()>(mut f: F, reps: usize) -> f64 {
    f();
    let (t, wall) = (clock(), Instant::now());
    let mut n = 0;
    while n < reps || wall.elapsed().as_secs_f64() < 0.25 {
        f();
        n += 1;
    }
    (clock() - t) / n as f64
}

/// [`time`] in wall-clock seconds (for work spread over threads).
fn time_wall<F: FnMut()>(mut f: F, reps: usize) -> f64 {
    f();
    let wall = Instant::now();
    let mut n = 0;
    while n < reps || wall.elapsed().as_secs_f64() < 0.25 {
        f();
        n += 1;
    }
    wall.elapsed().as_secs_f64() / n as f64
}

/// Seconds per `analyze` of one input, averaged over `reps` runs after one warm-up.
fn time_analyze(path: &str, text: &str, opts: &Options, reps: usize) -> f64 {
    time_inputs(
        &[Input {
            path: path.into(),
            text,
        }],
        opts,
        reps,
    )
}

/// Seconds per `analyze` of (path, text) files together.
fn time_files(files: &[(String, String)], opts: &Options, reps: usize) -> f64 {
    time_inputs(&inputs_of(files), opts, reps)
}

/// (path, text) files as the core's inputs.
fn inputs_of(files: &[(String, String)]) -> Vec<Input<'_>> {
    files
        .iter()
        .map(|(p, t)| Input {
            path: p.clone(),
            text: t,
        })
        .collect()
}

fn time_inputs(inputs: &[Input], opts: &Options, reps: usize) -> f64 {
    time(
        || {
            std::hint::black_box(analyze(inputs, opts));
        },
        reps,
    )
}

fn pathological() {
    println!(
        "{:<40} {:>18} {:>18} {:>18} {:>7}   {}",
        "case (ms for 1×, 10×, 100×; size)", "1×", "10×", "100× median", "100/1", "100× range of 5"
    );
    // An optional second argument picks the cases whose name contains it.
    let only = std::env::args().nth(2).unwrap_or_default();
    for c in pathological::CASES
        .iter()
        .filter(|c| c.name.contains(&only))
    {
        let mut row = Vec::new();
        let mut spread = (0.0, 0.0);
        for k in [1usize, 10, 100] {
            let b = (c.make)(k);
            let run = || {
                let d = corocheck_core::text::decode(&b);
                std::hint::black_box(analyze(
                    &[Input {
                        path: c.path.into(),
                        text: &d.text,
                    }],
                    &Options::default(),
                ));
            };
            // 1× and 10×: the mean of many calls. 100× (about a second each): one warm-up,
            // then the median of five single calls, so that one slow call on a shared machine
            // does not decide.
            let t = if k == 100 {
                run();
                let mut v: Vec<f64> = (0..5)
                    .map(|_| {
                        let t0 = clock();
                        run();
                        clock() - t0
                    })
                    .collect();
                v.sort_by(f64::total_cmp);
                spread = (v[0], v[4]);
                v[2]
            } else {
                time(run, 3)
            };
            if std::env::var_os("BENCH_VERBOSE").is_some() {
                eprintln!("{} {k}x: {:.1} ms", c.name, t * 1e3);
            }
            row.push((t, b.len()));
        }
        let cell =
            |(t, n): (f64, usize)| format!("{:>8.1} ({:>5.1} MB)", t * 1e3, n as f64 / 1048576.0);
        println!(
            "{:<40} {} {} {} {:>7.0}   {:.0}–{:.0}",
            c.name,
            cell(row[0]),
            cell(row[1]),
            cell(row[2]),
            row[2].0 / row[0].0,
            spread.0 * 1e3,
            spread.1 * 1e3
        );
    }
}

/// The log of `mb` megabytes as files of at most 50 MB, one per node, as a cluster's logs come
/// (the core reads up to 256 MiB of one input; before, 64 MiB, and these figures stay
/// comparable with earlier releases').
fn node_logs(mb: usize) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut left = mb;
    while left > 0 {
        let part = left.min(50);
        out.push((
            format!("node{}.log", out.len() + 1),
            log(part * 1024 * 1024),
        ));
        left -= part;
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("pathological") {
        return pathological();
    }
    // `bench once CASE K`: one analysis of a pathological case at K×, nothing printed (for
    // `valgrind --tool=callgrind`, whose instruction counts do not depend on the machine's load).
    // `bench once log MB [THREADS]`: one analysis of the benchmark's log of MB megabytes
    // (profiling), read with `Options::threads` = THREADS (default 0: this thread only).
    if let [cmd, name, mb, threads @ ..] = &args[..]
        && cmd == "once"
        && name == "log"
        && threads.len() <= 1
    {
        let files = node_logs(mb.parse().expect("bench once log MB [THREADS]"));
        let opts = Options {
            threads: threads
                .first()
                .map_or(0, |t| t.parse().expect("bench once log MB [THREADS]")),
            ..Default::default()
        };
        std::hint::black_box(analyze(&inputs_of(&files), &opts));
        return;
    }
    if let [cmd, name, k] = &args[..]
        && cmd == "once"
    {
        let k: usize = k.parse().expect("bench once CASE K");
        let c = pathological::CASES
            .iter()
            .find(|c| c.name.contains(name.as_str()))
            .expect("a case whose name contains CASE");
        let b = (c.make)(k);
        let d = corocheck_core::text::decode(&b);
        let inputs = [Input {
            path: c.path.into(),
            text: &d.text,
        }];
        std::hint::black_box(analyze(&inputs, &Options::default()));
        return;
    }
    // `bench write-log MB PATH`: the benchmark's log, for the browser bench
    // (tests/e2e/bench-logs.mjs) to time the same text.
    if let [cmd, mb, path] = &args[..] {
        if cmd == "write-log" {
            let mb: usize = mb.parse().expect("write-log MB PATH");
            std::fs::write(path, log(mb * 1024 * 1024)).expect("write the log");
            return;
        }
    }
    let opts3 = Options {
        target: Some(Target::major(3)),
        ..Default::default()
    };
    let c = config(200);
    let per = time_analyze("corosync.conf", &c, &opts3, 2000);
    println!(
        "config 200 lines ({} B): {:.1} µs per check ({:.0} checks/s)",
        c.len(),
        per * 1e6,
        1.0 / per
    );

    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    for mb in [10usize, 100] {
        let files = node_logs(mb);
        let t = time_files(&files, &Options::default(), 1);
        let parallel = Options {
            threads: cpus,
            ..Default::default()
        };
        let inputs = inputs_of(&files);
        let tn = time_wall(
            || {
                std::hint::black_box(analyze(&inputs, &parallel));
            },
            1,
        );
        println!(
            "log {mb} MB ({} file{}): {:.2} s, {:.0} MB/s on one thread; {:.2} s, {:.0} MB/s with {cpus} threads (wall-clock)",
            files.len(),
            if files.len() > 1 { "s" } else { "" },
            t,
            mb as f64 / t,
            tn,
            mb as f64 / tn
        );
    }

    println!("scaling (time per input; linear means ×10 per row):");
    for k in [1usize, 10, 100] {
        let c = config(200 * k);
        let tc = time_analyze("corosync.conf", &c, &opts3, (200 / k).max(2));
        let tl = time_files(&node_logs(k), &Options::default(), (20 / k).max(1));
        println!(
            "  {k:>3}×  config {:>6} lines {:>9.2} ms   log {:>4} MB {:>9.2} ms",
            200 * k,
            tc * 1e3,
            k,
            tl * 1e3
        );
    }
}
