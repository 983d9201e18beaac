//! `khaldun eval ud|ner --system` on tiny fixtures whose scores are computed by hand.

use std::process::Command;

fn run(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_khaldun"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn f1(v: &serde_json::Value) -> f64 {
    let (g, p, c) = (
        v["gold"].as_f64().unwrap(),
        v["predicted"].as_f64().unwrap(),
        v["correct"].as_f64().unwrap(),
    );
    2.0 * c / (g + p)
}

const GOLD_UD: &str = "# newdoc id = d\n# text = Troops left Basra.\n\
1\tTroops\ttroop\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n\
2\tleft\tleave\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n\
3\tBasra\tBasra\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
# text = They didn't.\n\
1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
2\tdid\tdo\tAUX\tVBD\t_\t0\troot\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

// Sentence 1: same words; "left" gets the wrong tag, lemma and head, "Basra"
// becomes the root. Sentence 2: "didn't" is one word, so "did" and "n't" are
// missed and the heads of "They" and "." (did vs didn't) no longer match.
const SYS_UD: &str = "# newdoc id = d\n# text = Troops left Basra.\n\
1\tTroops\ttroops\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n\
2\tleft\tleft\tADJ\tJJ\t_\t3\tamod\t_\t_\n\
3\tBasra\tBasra\tPROPN\tNNP\tNumber=Sing\t0\troot\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n\
# text = They didn't.\n\
1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
2\tdidn't\tdidn't\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

#[test]
fn eval_ud_scores_a_system_file_by_hand() {
    let d = tempfile::tempdir().unwrap();
    let (g, s) = (d.path().join("gold.conllu"), d.path().join("sys.conllu"));
    std::fs::write(&g, GOLD_UD).unwrap();
    std::fs::write(&s, SYS_UD).unwrap();
    let v = run(&[
        "eval",
        "ud",
        "--gold",
        g.to_str().unwrap(),
        "--system",
        s.to_str().unwrap(),
        "--json",
    ]);
    // 8 gold words, 7 system words, 6 aligned (all but did/n't vs didn't)
    assert_eq!(
        (
            v["words"]["gold"].as_u64(),
            v["words"]["predicted"].as_u64(),
            v["words"]["correct"].as_u64()
        ),
        (Some(8), Some(7), Some(6))
    );
    // UPOS right: Troops, Basra, ., They, . = 5 -> F1 10/15
    assert!((f1(&v["upos"]) - 10.0 / 15.0).abs() < 1e-9);
    // lemma right: Basra, ., they, . = 4 -> 8/15
    assert!((f1(&v["lemma"]) - 8.0 / 15.0).abs() < 1e-9);
    // heads right: Troops only (its head "left" aligns) -> 2/15; its label too
    assert!((f1(&v["uas"]) - 2.0 / 15.0).abs() < 1e-9);
    assert!((f1(&v["las"]) - 2.0 / 15.0).abs() < 1e-9);
    // without punctuation: 6 gold, 5 system, 1 right -> 2/11
    assert!((f1(&v["uas_nopunct"]) - 2.0 / 11.0).abs() < 1e-9);
    // both sentences found
    assert_eq!(v["sentences"]["correct"].as_u64(), Some(2));
}

#[test]
fn eval_ner_scores_a_system_file_by_hand() {
    let d = tempfile::tempdir().unwrap();
    let (g, s) = (d.path().join("gold.iob2"), d.path().join("sys.iob2"));
    std::fs::write(
        &g,
        "1\tParly\tB-PER\n2\tmet\tO\n3\tKazemi\tB-PER\n4\tin\tO\n5\tBaghdad\tB-LOC\n\n",
    )
    .unwrap();
    std::fs::write(
        &s,
        "1\tParly\tB-PER\n2\tmet\tO\n3\tKazemi\tB-ORG\n4\tin\tO\n5\tBaghdad\tB-LOC\n\n",
    )
    .unwrap();
    let v = run(&[
        "eval",
        "ner",
        "--gold",
        g.to_str().unwrap(),
        "--system",
        s.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(
        (
            v["PER"]["gold"].as_u64(),
            v["PER"]["predicted"].as_u64(),
            v["PER"]["correct"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(v["ORG"]["correct"].as_u64(), Some(0));
    assert!((v["micro"]["f1"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert!((v["LOC"]["f1"].as_f64().unwrap() - 1.0).abs() < 1e-9);
}

#[test]
fn eval_ud_refuses_a_system_with_other_text() {
    let d = tempfile::tempdir().unwrap();
    let (g, s) = (d.path().join("gold.conllu"), d.path().join("sys.conllu"));
    std::fs::write(&g, GOLD_UD).unwrap();
    std::fs::write(&s, SYS_UD.replace("Basra", "Mosul")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_khaldun"))
        .args([
            "eval",
            "ud",
            "--gold",
            g.to_str().unwrap(),
            "--system",
            s.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("differ"));
}

#[test]
fn eval_actors_counts_gold_countries_found() {
    let d = tempfile::tempdir().unwrap();
    let g = d.path().join("gold.jsonl");
    // FRA and IRQ are in the text; ZZZ is not; "---" is an uncoded actor and not counted.
    let rec = r#"{"id": "a", "date": "2020-08-27", "text": "France signed a defence agreement with Iraq on Monday.", "events": [{"source": ["FRA"], "target": ["IRQ", "ZZZ", "---"], "source_sectors": [null], "target_sectors": [null, null, null]}]}"#;
    std::fs::write(&g, format!("{rec}\n")).unwrap();
    let v = run(&["eval", "actors", "--gold", g.to_str().unwrap(), "--json"]);
    assert_eq!(v["countries"]["gold"].as_u64(), Some(3));
    assert_eq!(v["countries"]["correct"].as_u64(), Some(2));
    assert_eq!(v["misses"]["ZZZ"].as_u64(), Some(1));
}

#[test]
fn eval_events_pairs_system_and_gold_events() {
    let d = tempfile::tempdir().unwrap();
    let g = d.path().join("gold.jsonl");
    // one event khaldun codes (a visit), one it cannot (no actors), one explicit negative
    let recs = [
        r#"{"id": "a", "date": "2024-05-01", "text": "Egyptian officials met Sudanese envoys in Cairo on Monday.", "events": [{"source": ["EGYGOV"], "target": ["SDN"], "cameo": "040", "plover": "CONSULT"}]}"#,
        r#"{"id": "b", "date": "2024-05-01", "text": "It rained heavily.", "events": [{"source": ["FRA"], "target": ["DEU"], "cameo": "042", "plover": "CONSULT"}]}"#,
        r#"{"id": "c", "date": "2024-05-01", "text": "The weather was mild.", "events": []}"#,
    ];
    std::fs::write(&g, recs.join("\n") + "\n").unwrap();
    let v = run(&["eval", "events", g.to_str().unwrap(), "--json"]);
    let o = &v["overall"];
    assert_eq!(o["detection"]["gold"].as_u64(), Some(2));
    assert_eq!(o["detection"]["predicted"].as_u64(), Some(1));
    assert_eq!(o["detection"]["correct"].as_u64(), Some(1));
    assert_eq!(o["root_acc"]["correct"].as_u64(), Some(1));
    assert_eq!(o["code_acc"]["correct"].as_u64(), Some(1));
    assert_eq!(o["source_acc"]["correct"].as_u64(), Some(1));
    assert_eq!(o["target_acc"]["correct"].as_u64(), Some(1));
    let misses: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "miss")
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(misses, ["b"]);
}

/// The written-news sets (`crates/eval/data/written-news*.jsonl`, in the
/// repository) keep their scores: (file, gold events, detection F1, type +
/// source + target right) when this test was written, minus about two
/// points; a larger drop fails.
#[test]
fn written_news_scores_hold() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for (file, gold_n, min_f1, min_right) in [
        ("written-news.jsonl", 258, 0.80, 151),
        ("written-news-2.jsonl", 258, 0.73, 126),
        ("written-news-long.jsonl", 469, 0.68, 171),
    ] {
        let gold = root.join("crates/eval/data").join(file);
        let v = run(&["eval", "events", gold.to_str().unwrap(), "--json"]);
        let o = &v["overall"];
        assert_eq!(o["detection"]["gold"].as_u64(), Some(gold_n), "{file}");
        let f = f1(&o["detection"]);
        assert!(f >= min_f1, "{file}: detection F1 {f:.4}");
        let right = o["type_source_target"]["correct"].as_u64().unwrap_or(0);
        assert!(
            right >= min_right,
            "{file}: type + source + target right for {right} of {gold_n}"
        );
    }
}

/// The quote targets of issue 6 on the hand-annotated Wikinews quotes
/// (`crates/eval/data/wikinews-quotes.jsonl`): speaker accuracy >= 90% and
/// direct-quote span F1 >= 95%. The articles are read from ../shared.
#[test]
fn quotes_meet_their_targets_on_annotated_wikinews() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let articles = root.join("../shared/data/gold/articles/wikinews.jsonl");
    if !articles.exists() {
        eprintln!("skipped: {} is absent", articles.display());
        return;
    }
    let gold = root.join("crates/eval/data/wikinews-quotes.jsonl");
    let v = run(&[
        "eval",
        "quotes",
        "--gold",
        gold.to_str().unwrap(),
        "--articles",
        articles.to_str().unwrap(),
        "--json",
    ]);
    let f = f1(&v["direct"]);
    let speakers = v["speaker_correct"].as_f64().unwrap() / v["speaker_total"].as_f64().unwrap();
    assert!(v["direct"]["gold"].as_u64().unwrap() >= 100);
    assert!(f >= 0.95, "direct quote span F1 {f:.3}");
    assert!(speakers >= 0.90, "speaker accuracy {speakers:.3}");
    assert_eq!(v["not_quote_errors"].as_u64(), Some(0));
}

#[test]
fn eval_ner_docs_makes_labels_consistent_within_a_document_only() {
    // the builtin model misses the second "Hezbollah" alone; with --docs it
    // is found through the first, but not from another document
    let sent = |id: &str, words: &str, tags: &str| {
        let mut s = format!("# sent_id = {id}\n");
        for (k, (w, t)) in words.split(' ').zip(tags.split(' ')).enumerate() {
            s += &format!("{}\t{w}\t{t}\n", k + 1);
        }
        s + "\n"
    };
    let second = "Many in Lebanon now debate the role of Hezbollah in politics .";
    let second_tags = "O O B-LOC O O O O O B-ORG O O O";
    let gold = sent(
        "a-0001",
        "Hezbollah fighters fired rockets into Israel .",
        "B-ORG O O O O B-LOC O",
    ) + &sent("a-0002", second, second_tags)
        + &sent("b-0001", second, second_tags);
    let d = tempfile::tempdir().unwrap();
    let g = d.path().join("gold.iob2");
    std::fs::write(&g, gold).unwrap();
    let correct = |docs: bool| {
        let mut args = vec!["eval", "ner", "--gold", g.to_str().unwrap(), "--json"];
        if docs {
            args.push("--docs");
        }
        let v = run(&args);
        v["ORG"]["correct"].as_u64()
    };
    assert_eq!(correct(false), Some(1));
    assert_eq!(correct(true), Some(2));
}
