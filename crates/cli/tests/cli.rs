//! End-to-end tests of the `khaldun` binary: every test runs the built
//! executable on files in a temporary folder and checks the output records,
//! the stderr summary and the exit code together, because a batch run is only
//! right when all three agree (one output line per input record).

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_khaldun");

/// What one run of the binary gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    /// Peak resident set size in KiB, when measured with `/usr/bin/time`.
    max_rss_kib: Option<u64>,
}

impl Run {
    /// Every stdout line, parsed as JSON (panics on an invalid line).
    fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("invalid JSON line {l:?}: {e}"))
            })
            .collect()
    }

    /// The last stderr line, which must be the summary.
    fn summary(&self) -> &str {
        self.stderr.lines().last().unwrap_or("")
    }

    #[track_caller]
    fn expect(&self, code: i32, summary: &str) {
        assert_eq!(self.code, code, "exit code; stderr:\n{}", self.stderr);
        assert_eq!(self.summary(), summary, "summary; stderr:\n{}", self.stderr);
    }
}

/// Builder for one run: arguments, working folder, stdin.
struct Khaldun {
    cmd: Command,
    stdin: Option<Vec<u8>>,
    measure: bool,
}

fn khaldun(dir: &Path, args: &[&str]) -> Khaldun {
    let mut cmd = Command::new(BIN);
    cmd.args(args).current_dir(dir);
    Khaldun {
        cmd,
        stdin: None,
        measure: false,
    }
}

const TIME: &str = "/usr/bin/time";
const RSS_MARK: &str = "khaldun-test-maxrss-kib=";

impl Khaldun {
    fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Runs under GNU time to learn the peak RSS, when it is installed.
    fn measure_memory(mut self) -> Self {
        self.measure = Path::new(TIME).exists();
        self
    }

    fn run(self) -> Run {
        let Khaldun {
            cmd,
            stdin,
            measure,
        } = self;
        let mut cmd = if measure {
            let mut t = Command::new(TIME);
            t.arg("-f")
                .arg(format!("{RSS_MARK}%M"))
                .arg(cmd.get_program())
                .args(cmd.get_args());
            if let Some(d) = cmd.get_current_dir() {
                t.current_dir(d);
            }
            t
        } else {
            cmd
        };
        cmd.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("cannot start khaldun");
        // feed stdin from a thread so a large output cannot deadlock the pipe
        let feeder = stdin.map(|bytes| {
            let mut pipe = child.stdin.take().unwrap();
            std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            })
        });
        let out = child.wait_with_output().expect("khaldun did not finish");
        if let Some(f) = feeder {
            f.join().unwrap();
        }
        let mut stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
        let mut max_rss_kib = None;
        if measure {
            let mut kept = Vec::new();
            for l in stderr.lines() {
                if let Some(n) = l.strip_prefix(RSS_MARK) {
                    max_rss_kib = n.trim().parse().ok();
                } else if !l.starts_with("Command exited with non-zero status") {
                    kept.push(l);
                }
            }
            stderr = kept.iter().map(|l| format!("{l}\n")).collect();
        }
        Run {
            code: out.status.code().expect("khaldun was killed by a signal"),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr,
            max_rss_kib,
        }
    }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Checks an error record: its kind, file and line (`None` for null).
#[track_caller]
fn assert_error(rec: &Value, kind: &str, file: &str, line: Option<u64>) {
    let e = &rec["error"];
    assert!(e.is_object(), "expected an error record, got {rec}");
    assert_eq!(e["kind"], kind, "{rec}");
    assert_eq!(e["file"], file, "{rec}");
    assert_eq!(e["line"].as_u64(), line, "{rec}");
    assert!(
        e["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{rec}"
    );
}

/// Checks a document record and returns its tokens' texts.
#[track_caller]
fn assert_doc(rec: &Value, id: &str) -> Vec<String> {
    assert!(rec.get("error").is_none(), "expected a document, got {rec}");
    assert_eq!(rec["id"], id, "{rec}");
    rec["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["tokens"].as_array().unwrap())
        .map(|t| t["text"].as_str().unwrap().to_string())
        .collect()
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn junk(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            (seed.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

mod limits {
    use super::*;
    use std::io::BufWriter;

    /// A 100 MB JSON line is refused as too large without being held in
    /// memory, and the line after it is still read.
    #[test]
    fn huge_line_is_refused_and_the_next_line_is_read() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("big.jsonl");
        let mut f = BufWriter::new(std::fs::File::create(&path).unwrap());
        f.write_all(br#"{"id":"big","text":""#).unwrap();
        let chunk = "Troops moved north. ".repeat(50_000); // 1 MB
        for _ in 0..100 {
            f.write_all(chunk.as_bytes()).unwrap();
        }
        f.write_all(b"\"}\n{\"id\":\"good\",\"text\":\"Talks resumed.\"}\n")
            .unwrap();
        drop(f.into_inner().unwrap());
        // the line as read, newline included
        let big_line = 20 + 100 * chunk.len() as u64 + 3;

        let run = khaldun(d.path(), &["segment", "big.jsonl"])
            .measure_memory()
            .run();
        run.expect(1, "2 documents, 1 ok, 1 errors");
        let recs = run.records();
        assert_eq!(recs.len(), 2);
        assert_error(&recs[0], "too_large", "big.jsonl", Some(1));
        assert_eq!(recs[0]["id"], "big.jsonl:1");
        assert_eq!(recs[0]["error"]["offset"], 0);
        let msg = recs[0]["error"]["message"].as_str().unwrap();
        assert!(msg.contains(&big_line.to_string()), "{msg}");
        assert_eq!(assert_doc(&recs[1], "good"), ["Talks", "resumed", "."]);
        match run.max_rss_kib {
            // the default record limit is 16 MiB; holding the line would need > 100 MB
            Some(kib) => assert!(kib < 64 * 1024, "peak RSS {kib} KiB for a 100 MB line"),
            None => eprintln!("{TIME} not found: peak memory not checked"),
        }
    }

    #[test]
    fn max_record_bytes_applies_to_files_and_lines() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "long.txt", "x".repeat(101));
        write(d.path(), "short.txt", "Fine.");
        write(
            d.path(),
            "a.jsonl",
            format!(
                "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
                "y".repeat(100)
            ),
        );
        let run = khaldun(
            d.path(),
            &[
                "segment",
                "--max-record-bytes",
                "100",
                "long.txt",
                "short.txt",
                "a.jsonl",
            ],
        )
        .run();
        run.expect(1, "4 documents, 2 ok, 2 errors");
        let recs = run.records();
        assert_error(&recs[0], "too_large", "long.txt", None);
        assert_doc(&recs[1], "short.txt");
        assert_error(&recs[2], "too_large", "a.jsonl", Some(1));
        assert_doc(&recs[3], "a.jsonl:2");
    }
}

mod bad_input {
    use super::*;

    #[test]
    fn random_bytes_are_binary() {
        let d = tempfile::tempdir().unwrap();
        let with_nul = junk(4096, 0x9E37_79B9_7F4A_7C15);
        let nul_at = with_nul.iter().position(|&b| b == 0).unwrap();
        write(d.path(), "junk.txt", &with_nul);
        // no NUL: refused for its control bytes instead
        let no_nul: Vec<u8> = junk(4096, 42).into_iter().map(|b| b.max(1)).collect();
        let ctl_at = no_nul
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
            .unwrap();
        write(d.path(), "junk2", &no_nul);
        let run = khaldun(d.path(), &["segment", "junk.txt", "junk2"]).run();
        run.expect(1, "2 documents, 0 ok, 2 errors");
        let recs = run.records();
        assert_error(&recs[0], "binary", "junk.txt", None);
        assert_eq!(recs[0]["error"]["offset"], nul_at);
        assert_error(&recs[1], "binary", "junk2", None);
        assert_eq!(recs[1]["error"]["offset"], ctl_at);
        // --lossy repairs encodings, not binary data
        let run = khaldun(d.path(), &["segment", "--lossy", "junk.txt"]).run();
        run.expect(1, "1 documents, 0 ok, 1 errors");
        assert_error(&run.records()[0], "binary", "junk.txt", None);
    }

    #[test]
    fn nul_bytes_in_text_file() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "nul.txt", b"Some text\0more text.");
        let run = khaldun(d.path(), &["segment", "nul.txt"]).run();
        run.expect(1, "1 documents, 0 ok, 1 errors");
        let recs = run.records();
        assert_eq!(recs.len(), 1);
        assert_error(&recs[0], "binary", "nul.txt", None);
        assert_eq!(recs[0]["id"], "nul.txt");
        assert_eq!(recs[0]["error"]["offset"], 9);
    }

    #[test]
    fn invalid_utf8_names_the_offset_or_is_repaired_with_lossy() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "bad.txt", b"Iraq \xff\xfesaid.");
        // offsets count the byte-order mark
        write(d.path(), "bom.txt", b"\xEF\xBB\xBFIraq \xffsaid.");
        write(
            d.path(),
            "bad.jsonl",
            b"{\"text\":\"fine\"}\n{\"text\":\"caf\xe9\"}\n",
        );
        let run = khaldun(d.path(), &["segment", "bad.txt", "bom.txt", "bad.jsonl"]).run();
        run.expect(1, "4 documents, 1 ok, 3 errors");
        let recs = run.records();
        assert_error(&recs[0], "invalid_utf8", "bad.txt", None);
        assert_eq!(recs[0]["error"]["offset"], 5);
        assert!(recs[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("byte offset 5"));
        assert_error(&recs[1], "invalid_utf8", "bom.txt", None);
        assert_eq!(recs[1]["error"]["offset"], 8);
        assert_doc(&recs[2], "bad.jsonl:1");
        assert_error(&recs[3], "invalid_utf8", "bad.jsonl", Some(2));
        // the offset is in the file: line 2 starts at byte 16, é at 16 + 12
        assert_eq!(recs[3]["error"]["offset"], 28);
        assert!(run
            .stderr
            .contains("khaldun: bad.txt: invalid UTF-8 at byte offset 5"));

        let run = khaldun(d.path(), &["segment", "--lossy", "bad.txt", "bad.jsonl"]).run();
        run.expect(0, "3 documents, 3 ok, 0 errors");
        let recs = run.records();
        assert_eq!(assert_doc(&recs[0], "bad.txt")[1], "\u{fffd}\u{fffd}said");
        assert!(
            run.stderr
                .contains("warning: bad.txt: invalid UTF-8 at byte offset 5, replaced with U+FFFD"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("warning: bad.jsonl:2: invalid UTF-8"));
    }

    #[test]
    fn json_line_without_text_field() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "a.jsonl",
            "{\"id\":\"a\",\"text\":\"Rebels attacked.\"}\n\
             {\"id\":\"no-text\",\"title\":\"Headline only\"}\n\
             {\"text\":42}\n\
             {\"id\":\"c\",\"text\":\"Police arrested two.\"}\n",
        );
        let run = khaldun(d.path(), &["segment", "a.jsonl"]).run();
        run.expect(1, "4 documents, 2 ok, 2 errors");
        let recs = run.records();
        assert_doc(&recs[0], "a");
        assert_error(&recs[1], "missing_field", "a.jsonl", Some(2));
        assert_eq!(recs[1]["id"], "no-text");
        assert_error(&recs[2], "missing_field", "a.jsonl", Some(3));
        assert_eq!(recs[2]["id"], "a.jsonl:3");
        assert_doc(&recs[3], "c");
        // another field name makes every line a document
        let run = khaldun(d.path(), &["segment", "--text-field", "title", "a.jsonl"]).run();
        run.expect(1, "4 documents, 1 ok, 3 errors");
        assert_doc(&run.records()[1], "no-text");
    }

    #[test]
    fn malformed_json_line() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "a.jsonl",
            "{\"id\":\"a\",\"text\":\"One.\"}\n\n{\"id\":\"b\",\"text\": }\n[1,2]\n\"just a string\"\n{\"id\":\"c\",\"text\":\"Two.\"}\n",
        );
        let run = khaldun(d.path(), &["segment", "a.jsonl"]).run();
        run.expect(1, "5 documents, 2 ok, 3 errors");
        let recs = run.records();
        assert_eq!(recs.len(), 5);
        assert_doc(&recs[0], "a");
        // the blank line 2 is skipped but still counted
        assert_error(&recs[1], "json", "a.jsonl", Some(3));
        assert_eq!(recs[1]["id"], "a.jsonl:3");
        // line 3 starts at byte 26; the bad `}` is its 19th byte
        assert_eq!(recs[1]["error"]["offset"], 26 + 18);
        assert_error(&recs[2], "json", "a.jsonl", Some(4));
        assert_error(&recs[3], "json", "a.jsonl", Some(5));
        assert_doc(&recs[4], "c");
    }

    #[test]
    fn empty_files() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "empty.txt", b"");
        write(d.path(), "blank.txt", b" \n\n\t\n");
        write(d.path(), "empty.jsonl", b"");
        write(d.path(), "blank.jsonl", b"\n   \n");
        let run = khaldun(
            d.path(),
            &[
                "segment",
                "empty.txt",
                "blank.txt",
                "empty.jsonl",
                "blank.jsonl",
            ],
        )
        .run();
        run.expect(1, "4 documents, 0 ok, 4 errors");
        let recs = run.records();
        assert_error(&recs[0], "empty", "empty.txt", None);
        assert_error(&recs[1], "empty", "blank.txt", None);
        assert_error(&recs[2], "empty", "empty.jsonl", None);
        assert_error(&recs[3], "empty", "blank.jsonl", None);
    }

    #[test]
    fn empty_stdin() {
        let d = tempfile::tempdir().unwrap();
        let run = khaldun(d.path(), &["segment"]).stdin("").run();
        run.expect(1, "1 documents, 0 ok, 1 errors");
        let recs = run.records();
        assert_eq!(recs.len(), 1);
        assert_error(&recs[0], "empty", "<stdin>", None);
        assert_eq!(recs[0]["id"], "<stdin>");
    }

    #[test]
    fn missing_file_is_an_io_error_record() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.txt", "Troops withdrew.");
        let run = khaldun(d.path(), &["segment", "missing.txt", "a.txt"]).run();
        run.expect(1, "2 documents, 1 ok, 1 errors");
        let recs = run.records();
        assert_error(&recs[0], "io", "missing.txt", None);
        assert_eq!(recs[0]["id"], "missing.txt");
        assert!(run
            .stderr
            .contains("khaldun: missing.txt: cannot read: No such file"));
        assert_eq!(assert_doc(&recs[1], "a.txt"), ["Troops", "withdrew", "."]);
    }

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Talks resume in Geneva</title><script>var x = "no";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks resume in Geneva</h1>
<p>Negotiators from both sides met in Geneva on Monday to resume talks that had stalled for months, officials said.</p>
<p>The United Nations envoy said the meeting was constructive and that a second round would follow next week.</p>
<p>Neither delegation commented on the substance of the discussions, which were held behind closed doors.</p>
</article><footer>Copyright 2020</footer></body></html>"#;

    #[test]
    fn folder_mixing_good_and_bad_files() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join("in");
        write(&dir, "a.txt", "Protesters gathered in Cairo.");
        write(
            &dir,
            "b.jsonl",
            "{\"id\":\"b1\",\"text\":\"One.\"}\n{oops\n{\"id\":\"b3\"}\n{\"id\":\"b4\",\"text\":\"Four.\"}\n",
        );
        write(&dir, "c.txt", b"caf\xe9");
        write(&dir, "empty.jsonl", b"");
        write(&dir, "README", "An extensionless file is read as text.");
        write(&dir, "sub/nul.txt", b"a\0b");
        write(&dir, "sub/page.html", PAGE);
        write(&dir, "sub/junk", junk(1000, 7));
        // skipped: hidden files and unknown extensions
        write(&dir, ".hidden.txt", "not read");
        write(&dir, "image.png", junk(100, 8));
        let run = khaldun(d.path(), &["segment", "in"]).run();
        let recs = run.records();
        let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(
            ids,
            [
                "in/README",
                "in/a.txt",
                "b1",
                "in/b.jsonl:2",
                "b3",
                "b4",
                "in/c.txt",
                "in/empty.jsonl",
                "in/sub/junk",
                "in/sub/nul.txt",
                "in/sub/page.html",
            ]
        );
        let errors = recs.iter().filter(|r| r.get("error").is_some()).count();
        assert_eq!(errors, 6);
        run.expect(1, "11 documents, 5 ok, 6 errors");
        assert_error(&recs[3], "json", "in/b.jsonl", Some(2));
        assert_error(&recs[4], "missing_field", "in/b.jsonl", Some(3));
        assert_error(&recs[6], "invalid_utf8", "in/c.txt", None);
        assert_error(&recs[7], "empty", "in/empty.jsonl", None);
        assert_error(&recs[8], "binary", "in/sub/junk", None);
        assert_error(&recs[9], "binary", "in/sub/nul.txt", None);
        assert_eq!(recs[10]["title"], "Talks resume in Geneva");
        let page = assert_doc(&recs[10], "in/sub/page.html");
        assert_eq!(page[..3], ["Negotiators", "from", "both"]);
        assert!(!page.iter().any(|t| t == "Copyright" || t == "var"));
    }
}

mod flags {
    use super::*;

    fn lines(n: usize, bad: usize) -> String {
        (1..=n)
            .map(|i| {
                if i == bad {
                    "{broken\n".to_string()
                } else {
                    format!("{{\"id\":\"d{i}\",\"text\":\"Article {i} was read.\"}}\n")
                }
            })
            .collect()
    }

    #[test]
    fn fail_fast_stops_at_the_first_error() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.jsonl", lines(5, 3));
        write(d.path(), "b.txt", "Never read.");
        let run = khaldun(d.path(), &["segment", "--fail-fast", "a.jsonl", "b.txt"]).run();
        run.expect(1, "3 documents, 2 ok, 1 errors");
        let recs = run.records();
        assert_eq!(recs.len(), 3);
        assert_error(&recs[2], "json", "a.jsonl", Some(3));
        // without it, everything is read
        let run = khaldun(d.path(), &["segment", "a.jsonl", "b.txt"]).run();
        run.expect(1, "6 documents, 5 ok, 1 errors");
    }

    #[test]
    fn fail_fast_after_many_batches() {
        // past the 512-record batch, with two threads
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.jsonl", lines(2000, 1300));
        let run = khaldun(d.path(), &["segment", "-j", "2", "--fail-fast", "a.jsonl"]).run();
        run.expect(1, "1300 documents, 1299 ok, 1 errors");
        let recs = run.records();
        assert_eq!(recs.len(), 1300);
        assert_eq!(recs[1298]["id"], "d1299");
        assert_error(&recs[1299], "json", "a.jsonl", Some(1300));
        let run = khaldun(d.path(), &["segment", "-j", "2", "a.jsonl"]).run();
        run.expect(1, "2000 documents, 1999 ok, 1 errors");
        let recs = run.records();
        assert_eq!(recs.len(), 2000);
        for (i, r) in recs.iter().enumerate() {
            if i + 1 != 1300 {
                assert_eq!(r["id"], format!("d{}", i + 1), "output keeps input order");
            }
        }
    }

    #[test]
    fn output_writes_to_a_file() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.jsonl", lines(3, 2));
        let run = khaldun(d.path(), &["segment", "--output", "out.jsonl", "a.jsonl"]).run();
        run.expect(1, "3 documents, 2 ok, 1 errors");
        assert_eq!(run.stdout, "");
        let out = std::fs::read_to_string(d.path().join("out.jsonl")).unwrap();
        let recs: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(recs.len(), 3);
        assert_doc(&recs[0], "d1");
        assert_error(&recs[1], "json", "a.jsonl", Some(2));
        assert_doc(&recs[2], "d3");
        // -o, after the subcommand
        let run = khaldun(d.path(), &["segment", "a.jsonl", "-o", "out2.jsonl"]).run();
        run.expect(1, "3 documents, 2 ok, 1 errors");
        assert_eq!(
            std::fs::read_to_string(d.path().join("out2.jsonl")).unwrap(),
            out
        );
        // an output that cannot be created is fatal
        let run = khaldun(d.path(), &["segment", "-o", "no/such/dir/out", "a.jsonl"]).run();
        assert_eq!(run.code, 2);
        assert!(run.stderr.contains("cannot create"), "{}", run.stderr);
    }

    #[test]
    fn quiet_prints_nothing_on_stderr() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.jsonl", lines(3, 2));
        write(d.path(), "bad.txt", b"caf\xe9");
        let run = khaldun(
            d.path(),
            &["segment", "--quiet", "--lossy", "a.jsonl", "bad.txt"],
        )
        .run();
        assert_eq!(run.code, 1);
        assert_eq!(run.stderr, "");
        let recs = run.records();
        assert_eq!(recs.len(), 4);
        assert_error(&recs[1], "json", "a.jsonl", Some(2));
        assert_doc(&recs[3], "bad.txt");
        let run = khaldun(d.path(), &["-q", "segment", "bad.txt", "--lossy"]).run();
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    }

    #[test]
    fn bad_usage_exits_2() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.txt", "Fine.");
        for (args, says) in [
            (&["segment", "--bogus", "a.txt"][..], "unexpected argument"),
            (&["frobnicate"], "unrecognized subcommand"),
            (&["segment", "--format-in", "xml", "a.txt"], "invalid value"),
            (&["segment", "--threads", "x", "a.txt"], "invalid value"),
            (&["segment", "--threads", "0", "a.txt"], "--threads"),
            (&["segment", "--date", "yesterday", "a.txt"], "--date"),
            (&["segment", "--date", "27/08/2020", "a.txt"], "--date"),
            (&["segment", "--date", "2020-13-45", "a.txt"], "--date"),
            (
                &["segment", "--date", "2020-08-27T10:00", "a.txt"],
                "--date",
            ),
        ] {
            let run = khaldun(d.path(), args).run();
            assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
            assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
            assert_eq!(run.stdout, "", "{args:?}");
        }
        let run = khaldun(d.path(), &["segment", "--date", "2020-08-27", "a.txt"]).run();
        run.expect(0, "1 documents, 1 ok, 0 errors");
        assert_eq!(run.records()[0]["date"], "2020-08-27");
    }
}

mod stdin {
    use super::*;

    #[test]
    fn plain_text_is_sniffed() {
        let d = tempfile::tempdir().unwrap();
        let text = "BAGHDAD (Reuters) - Iraq's PM met Mr. Smith. He left.\n\nTalks resume\n";
        let run = khaldun(d.path(), &["segment"]).stdin(text).run();
        run.expect(0, "1 documents, 1 ok, 0 errors");
        let recs = run.records();
        let toks = assert_doc(&recs[0], "<stdin>");
        assert_eq!(toks[..3], ["Iraq", "'s", "PM"]);
        check_spans(text, &recs[0]);
        // `-` is stdin too
        let run = khaldun(d.path(), &["segment", "-"]).stdin(text).run();
        run.expect(0, "1 documents, 1 ok, 0 errors");
    }

    #[test]
    fn json_lines_are_sniffed() {
        let d = tempfile::tempdir().unwrap();
        let input =
            "\n{\"id\":\"x\",\"text\":\"One.\",\"date\":\"2020/01/02\"}\n{bad\n{\"text\":\"Two.\"}";
        let run = khaldun(d.path(), &["segment"]).stdin(input).run();
        run.expect(1, "3 documents, 2 ok, 1 errors");
        let recs = run.records();
        assert_doc(&recs[0], "x");
        assert_eq!(recs[0]["date"], "2020-01-02");
        assert_error(&recs[1], "json", "<stdin>", Some(3));
        assert_doc(&recs[2], "<stdin>:4");
        // forced to text, the same bytes are one document
        let run = khaldun(d.path(), &["segment", "--format-in", "text"])
            .stdin(input)
            .run();
        run.expect(0, "1 documents, 1 ok, 0 errors");
        assert_doc(&run.records()[0], "<stdin>");
    }

    #[test]
    fn stdin_between_files() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "a.txt", "First.");
        write(d.path(), "b.txt", "Last.");
        let run = khaldun(d.path(), &["segment", "a.txt", "-", "b.txt"])
            .stdin("{\"id\":\"mid\",\"text\":\"Middle.\"}\n")
            .run();
        run.expect(0, "3 documents, 3 ok, 0 errors");
        let ids: Vec<Value> = run.records().iter().map(|r| r["id"].clone()).collect();
        assert_eq!(ids, ["a.txt", "mid", "b.txt"]);
    }
}

/// Every token span slices `text` back to the token's text, tokens are
/// ordered and inside their sentence, sentences inside their paragraph.
#[track_caller]
fn check_spans(text: &str, rec: &Value) {
    let span = |v: &Value| -> (usize, usize) {
        let s = v["span"].as_array().unwrap();
        let (a, b) = (
            s[0].as_u64().unwrap() as usize,
            s[1].as_u64().unwrap() as usize,
        );
        assert!(a < b && b <= text.len(), "bad span {v} in {}", rec["id"]);
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        (a, b)
    };
    let paras: Vec<(usize, usize)> = rec["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(span)
        .collect();
    let mut prev_end = 0;
    for s in rec["sentences"].as_array().unwrap() {
        let (ss, se) = span(s);
        let (ps, pe) = paras[s["paragraph"].as_u64().unwrap() as usize];
        assert!(ps <= ss && se <= pe, "sentence {s} outside its paragraph");
        for t in s["tokens"].as_array().unwrap() {
            let (a, b) = span(t);
            assert!(
                ss <= a && b <= se && a >= prev_end,
                "token {t} out of place"
            );
            assert_eq!(&text[a..b], t["text"].as_str().unwrap(), "in {}", rec["id"]);
            prev_end = b;
        }
    }
}

mod gold {
    use super::*;

    const WIKINEWS: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/gold/articles/wikinews.jsonl"
    );

    #[test]
    fn wikinews_round_trips() {
        let Ok(input) = std::fs::read_to_string(WIKINEWS) else {
            eprintln!("skipping: {WIKINEWS} is absent");
            return;
        };
        let articles: Vec<Value> = input
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let d = tempfile::tempdir().unwrap();
        let run = khaldun(d.path(), &["segment", "-j", "2", WIKINEWS]).run();
        let n = articles.len();
        run.expect(0, &format!("{n} documents, {n} ok, 0 errors"));
        let recs = run.records();
        assert_eq!(recs.len(), n, "one output line per input line");
        let mut tokens = 0;
        for (a, r) in articles.iter().zip(&recs) {
            assert_eq!(r["id"], a["id"]);
            assert_eq!(r["date"], a["date"]);
            check_spans(a["text"].as_str().unwrap(), r);
            tokens += r["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["tokens"].as_array().unwrap().len())
                .sum::<usize>();
        }
        assert!(tokens > 250_000, "only {tokens} tokens");
        // the output does not depend on the thread count
        let one = khaldun(d.path(), &["segment", "-q", "-j", "1", WIKINEWS]).run();
        assert_eq!(one.code, 0);
        assert!(one.stdout == run.stdout, "-j 1 and -j 2 differ");
    }
}

/// `khaldun code` in every output format, and `khaldun quotes`, on an
/// article written for this test.
mod code {
    use super::*;

    const ARTICLE: &str = "Japan and South Korea agreed on Monday to resume talks. \
        Japanese Prime Minister Taro Yamada met South Korean officials in Seoul. \
        \"We want peace,\" he said.";

    #[test]
    fn events_docs_tsv_and_plover() {
        let d = tempfile::tempdir().unwrap();
        let a = write(d.path(), "a.txt", ARTICLE);
        let a = a.to_str().unwrap();

        let r = khaldun(d.path(), &["code", a, "--date", "2024-03-04"]).run();
        r.expect(0, "1 documents, 1 ok, 0 errors");
        let events = r.records();
        let meet = events
            .iter()
            .find(|e| e["cameo"] == "040")
            .unwrap_or_else(|| panic!("no meeting in {events:?}"));
        assert_eq!(meet["source"]["country"], "JPN");
        assert_eq!(meet["target"]["country"], "KOR");
        assert_eq!(meet["plover"]["event"], "CONSULT");
        assert_eq!(meet["date"], "2024-03-04");
        assert_eq!(meet["location"]["country"], "KOR");
        let span = &meet["evidence"]["span"];
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[s..e], meet["evidence"]["text"].as_str().unwrap());

        let r = khaldun(
            d.path(),
            &["code", a, "--date", "2024-03-04", "--format", "docs"],
        )
        .run();
        let doc = &r.records()[0];
        for key in ["actors", "events", "quotes", "dates", "places"] {
            assert!(doc[key].is_array(), "{key} missing in {doc}");
        }
        assert!(doc["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["name"] == "Taro Yamada" && x["country"] == "JPN"));

        let r = khaldun(
            d.path(),
            &["code", a, "--date", "2024-03-04", "--format", "tsv"],
        )
        .run();
        let rows: Vec<&str> = r.stdout.lines().collect();
        assert!(rows[0].starts_with("doc_id\tsentence\tdate\tsource"));
        assert_eq!(rows.len(), events.len() + 1);
        assert!(rows.iter().all(|l| l.split('\t').count() == 17), "{rows:?}");

        let r = khaldun(
            d.path(),
            &["code", a, "--date", "2024-03-04", "--format", "plover"],
        )
        .run();
        let p = r.records();
        assert_eq!(p.len(), events.len());
        assert!(p
            .iter()
            .any(|x| x["event"] == "CONSULT" && x["actor_country"] == "JPN"));
    }

    /// The first direct quote `khaldun quotes` finds in `text`.
    fn direct_quote(text: &str) -> serde_json::Value {
        let d = tempfile::tempdir().unwrap();
        let a = write(d.path(), "a.txt", text);
        let r = khaldun(d.path(), &["quotes", a.to_str().unwrap()]).run();
        r.expect(0, "1 documents, 1 ok, 0 errors");
        r.records()
            .into_iter()
            .find(|x| x["direct"] == true)
            .expect("a direct quote")
    }

    #[test]
    fn quotes_with_their_speaker() {
        let direct = direct_quote(ARTICLE);
        assert_eq!(direct["text"], "We want peace,");
        assert_eq!(direct["verb"], "say");
        assert_eq!(direct["speaker"]["name"], "Taro Yamada");
    }

    #[test]
    fn an_organization_with_a_person_in_apposition_is_the_persons_quote() {
        let direct = direct_quote(
            "\"The campus will reopen in March,\" said University of Texas, Austin's \
             president, Maria Ortega. Ortega spoke to reporters on Monday.\n",
        );
        assert_eq!(direct["speaker"]["name"], "Maria Ortega", "{direct}");
    }
}
