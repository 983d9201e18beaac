//! Dev chores: `cargo run -p xtask --release -- <task>`.
//!
//! `bench-segment` measures a whole `khaldun segment` process (reading JSON
//! lines, segmenting, writing every token as JSON) on the Wikinews articles
//! replicated to ~5 MB and >= 50 MB: median wall time, MB/s, documents/s and
//! peak RSS per run, and how peak RSS grows with input size (it should not:
//! the record loop works in bounded batches). See `BENCHMARKS.md`.

use serde_json::Value;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: cargo run -p xtask --release -- bench-segment [options]

options:
  --runs N        runs per input and thread count (default 5)
  --bin PATH      khaldun binary to measure (default: build target/release/khaldun)
  --no-build      use target/release/khaldun as it is
  --corpus PATH   JSON-lines articles to replicate
                  (default ../shared/data/gold/articles/wikinews.jsonl)
  --threads LIST  comma-separated thread counts (default 1,2)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("bench-segment") => bench_segment(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::from(2)
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

struct Options {
    runs: usize,
    bin: Option<PathBuf>,
    build: bool,
    corpus: PathBuf,
    threads: Vec<usize>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        runs: 5,
        bin: None,
        build: true,
        corpus: root().join("../shared/data/gold/articles/wikinews.jsonl"),
        threads: vec![1, 2],
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--runs" => o.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--bin" => o.bin = Some(PathBuf::from(value()?)),
            "--no-build" => o.build = false,
            "--corpus" => o.corpus = PathBuf::from(value()?),
            "--threads" => {
                o.threads = value()?
                    .split(',')
                    .map(|t| t.parse().map_err(|e| format!("--threads: {e}")))
                    .collect::<Result<_, _>>()?
            }
            _ => return Err(format!("unknown option {a}\n{USAGE}")),
        }
    }
    if o.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    Ok(o)
}

/// One replicated input file.
struct Workload {
    name: &'static str,
    path: PathBuf,
    bytes: u64,
    docs: usize,
}

/// One measured run.
struct Sample {
    wall: Duration,
    max_rss_kib: u64,
}

fn bench_segment(args: &[String]) -> Result<(), String> {
    let o = parse(args)?;
    let bin = match &o.bin {
        Some(b) => b.clone(),
        None => {
            if o.build {
                build()?;
            }
            target_dir().join("release/khaldun")
        }
    };
    if !bin.exists() {
        return Err(format!(
            "{} not found (build it or pass --bin)",
            bin.display()
        ));
    }
    let corpus = std::fs::read_to_string(&o.corpus)
        .map_err(|e| format!("cannot read {}: {e}", o.corpus.display()))?;
    let articles: Vec<Value> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{}: {e}", o.corpus.display()))?;
    let dir = target_dir().join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let loads = [
        replicate(&articles, &dir, "5mb", 5_000_000)?,
        replicate(&articles, &dir, "50mb", 50_000_000)?,
    ];

    println!("binary: {}", bin.display());
    println!("runs per row: {} (median reported)\n", o.runs);
    println!(
        "| input | bytes | docs | threads | median wall (s) | MB/s | docs/s | peak RSS (MiB) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut rss = Vec::new();
    for &threads in &o.threads {
        for w in &loads {
            check_answer(&bin, w, threads)?;
            let mut samples = (0..o.runs)
                .map(|_| run_once(&bin, w, threads))
                .collect::<Result<Vec<_>, _>>()?;
            samples.sort_by_key(|s| s.wall);
            let wall = samples[samples.len() / 2].wall.as_secs_f64();
            let peak = samples.iter().map(|s| s.max_rss_kib).max().unwrap_or(0);
            rss.push((threads, w.name, peak));
            println!(
                "| {} | {} | {} | {threads} | {wall:.3} | {:.1} | {:.0} | {:.1} |",
                w.name,
                w.bytes,
                w.docs,
                w.bytes as f64 / 1e6 / wall,
                w.docs as f64 / wall,
                peak as f64 / 1024.0,
            );
        }
    }
    println!();
    for &threads in &o.threads {
        let get = |name| {
            rss.iter()
                .find(|r| r.0 == threads && r.1 == name)
                .map_or(0, |r| r.2)
        };
        let (small, big) = (get("5mb"), get("50mb"));
        let ratio = big as f64 / small.max(1) as f64;
        let verdict = if ratio <= 1.10 { "ok" } else { "ABOVE 1.10" };
        println!("peak RSS 50mb / 5mb, --threads {threads}: {ratio:.3} ({verdict})");
    }
    Ok(())
}

fn build() -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "-p", "khaldun"])
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("cargo build --release -p khaldun failed".into());
    }
    Ok(())
}

/// Writes `articles` repeated until the file holds at least `min_bytes`,
/// each copy's ids made unique with a `#rN` suffix.
fn replicate(
    articles: &[Value],
    dir: &Path,
    name: &'static str,
    min_bytes: u64,
) -> Result<Workload, String> {
    let path = dir.join(format!("wikinews-{name}.jsonl"));
    let err = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut out = BufWriter::new(std::fs::File::create(&path).map_err(err)?);
    let (mut bytes, mut docs, mut copy) = (0u64, 0usize, 0usize);
    let mut line = Vec::new();
    while bytes < min_bytes {
        copy += 1;
        for a in articles {
            let mut a = a.clone();
            let id = a.get("id").and_then(Value::as_str).unwrap_or("doc");
            a["id"] = Value::String(format!("{id}#r{copy}"));
            line.clear();
            serde_json::to_writer(&mut line, &a).map_err(|e| e.to_string())?;
            line.push(b'\n');
            out.write_all(&line).map_err(err)?;
            bytes += line.len() as u64;
            docs += 1;
        }
    }
    out.flush().map_err(err)?;
    Ok(Workload {
        name,
        path,
        bytes,
        docs,
    })
}

fn segment_cmd(bin: &Path, w: &Workload, threads: usize) -> Command {
    let mut c = Command::new(bin);
    c.arg("segment")
        .arg("--threads")
        .arg(threads.to_string())
        .arg("--output")
        .arg("/dev/null")
        .arg(&w.path)
        .stdin(Stdio::null());
    c
}

/// A run that is not timed: checks the summary line (every document read,
/// none failed) and warms the page cache.
fn check_answer(bin: &Path, w: &Workload, threads: usize) -> Result<(), String> {
    let out = segment_cmd(bin, w, threads)
        .stdout(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let want = format!("{n} documents, {n} ok, 0 errors", n = w.docs);
    if !out.status.success() || stderr.lines().last() != Some(want.as_str()) {
        return Err(format!(
            "{}: expected {want:?}, got {:?} ({})",
            w.path.display(),
            stderr.lines().last().unwrap_or(""),
            out.status
        ));
    }
    Ok(())
}

/// Runs khaldun once, quietly, in a fresh child; the wall time and that
/// child's own peak RSS (from `wait4`, so earlier runs do not count).
fn run_once(bin: &Path, w: &Workload, threads: usize) -> Result<Sample, String> {
    let start = Instant::now();
    let child = segment_cmd(bin, w, threads)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let (status, max_rss_kib) = wait4(child.id())?;
    let wall = start.elapsed();
    if status != 0 {
        return Err(format!("{} failed (wait status {status})", bin.display()));
    }
    Ok(Sample { wall, max_rss_kib })
}

/// Reaps `pid` and returns its wait status and peak RSS in KiB.
// `std::process::Child` cannot report rusage; `wait4` is the one call that
// gives a single child's own ru_maxrss (RUSAGE_CHILDREN would be the max
// over every child reaped so far).
#[allow(unsafe_code)]
fn wait4(pid: u32) -> Result<(i32, u64), String> {
    let mut status = 0;
    // SAFETY: rusage is plain data, valid when zeroed; both pointers are to
    // live locals for the duration of the call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    if r < 0 {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    Ok((status, usage.ru_maxrss as u64))
}
