//! Repairs of news constructions the models get wrong, applied to a
//! sentence's tags (before parsing) or tree (after). Each is narrow: it
//! fires only on a configuration the treebank almost never has. See the
//! parser's model card ("Repairs of news constructions").

use khaldun_parser::{Dep, Rel};
use khaldun_types::Span;

/// The first word attached to `x` (0-based) by one of `rels`.
fn child(deps: &[Dep], x: usize, rels: &[&str]) -> Option<usize> {
    deps.iter()
        .position(|d| d.head as usize == x + 1 && rels.contains(&d.rel.as_str()))
}

/// Whether word `k` is `top` or below it within four steps.
fn under(deps: &[Dep], k: usize, top: usize) -> bool {
    under_within(deps, k, top, 4)
}

/// Whether word `k` is `top` or below it within `steps` steps.
fn under_within(deps: &[Dep], mut k: usize, top: usize, steps: usize) -> bool {
    for _ in 0..steps {
        if k == top {
            return true;
        }
        match deps[k].head as usize {
            0 => return false,
            h => k = h - 1,
        }
    }
    false
}

/// An attachment to `head` (1-based) by relation `rel`.
fn dep(head: u32, rel: &str) -> Dep {
    Dep {
        head,
        rel: Rel::from_name(rel).unwrap_or(Rel::DEP),
    }
}

/// Subordinators the parser may take for prepositions ("after Somali
/// troops attacked": `after` as the case of "troops").
const SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "until", "once", "as", "when", "while",
];

/// The first word after noun `n` and its flat parts ("Hassan Rouhani").
fn past_flat(deps: &[Dep], n: usize) -> usize {
    let mut v = n + 1;
    while v < deps.len() && deps[v].head as usize == n + 1 && deps[v].rel.as_str() == "flat" {
        v += 1;
    }
    v
}

/// The verb above word `x`, within six steps up (0-based).
fn verb_above(tags: &[khaldun_tagger::Tagged<'_>], deps: &[Dep], x: usize) -> Option<usize> {
    let mut up = deps[x].head as usize;
    for _ in 0..6 {
        match up {
            0 => return None,
            u if tags[u - 1].upos == "VERB" => return Some(u - 1),
            u => up = deps[u - 1].head as usize,
        }
    }
    None
}

/// A subordinator `a` the parser took for the case of the noun after it,
/// with a finite verb right after that noun's phrase: (noun, verb).
fn marker_noun_verb(
    tags: &[khaldun_tagger::Tagged<'_>],
    deps: &[Dep],
    a: usize,
) -> Option<(usize, usize)> {
    if deps[a].rel.as_str() != "case"
        || !SUBORDINATORS.contains(&tags[a].lemma.to_lowercase().as_str())
    {
        return None;
    }
    let n = (deps[a].head as usize).checked_sub(1)?;
    if n <= a || !matches!(tags[n].upos, "NOUN" | "PROPN") {
        return None;
    }
    let v = past_flat(deps, n);
    let finite = tags
        .get(v)
        .is_some_and(|t| matches!(t.xpos, "VBD" | "VBZ" | "VBP"));
    (finite && (a + 1..n).all(|k| under(deps, k, n))).then_some((n, v))
}

/// The two subjects of word `h` (0-based), if it has exactly two.
fn two_subjects(deps: &[Dep], h: usize) -> Option<(usize, usize)> {
    let mut it = (0..deps.len())
        .filter(|&k| deps[k].head as usize == h + 1 && deps[k].rel.as_str() == "nsubj");
    let (a, b) = (it.next()?, it.next()?);
    it.next().is_none().then_some((a, b))
}

/// "The Israeli army forced out more than 1,000 refugees, residents said":
/// the parser makes the first subject a second subject of the reporting
/// verb and its finite verb a clause modifying it. A verb with two subjects,
/// the first modified by a past-tense verb (or a participle with a particle
/// or object), gets that verb as its clause, with the first subject as the
/// clause's.
pub(crate) fn repair_double_subject(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for h in 0..deps.len() {
        let Some((a, b)) = two_subjects(deps, h) else {
            continue;
        };
        if !(a < b && b < h) {
            continue;
        }
        // (a participle only with a particle or object of its own: "forced
        // out", not "people killed in the blast")
        let own = |v: usize| child(deps, v, &["compound:prt", "obj"]).is_some();
        let Some(v) = (a + 1..b).find(|&v| {
            deps[v].head as usize == a + 1
                && matches!(deps[v].rel.as_str(), "acl" | "acl:relcl")
                && (tags[v].xpos == "VBD" || (tags[v].xpos == "VBN" && own(v)))
        }) else {
            continue;
        };
        deps[v] = dep(h as u32 + 1, "ccomp");
        deps[a] = dep(v as u32 + 1, "nsubj");
    }
}

/// "Protesters' demands include ...": the parser makes the possessor a
/// second subject of the verb. A subject whose possessive marker comes right
/// before the other subject's phrase owns that subject.
pub(crate) fn repair_possessor_subject(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for h in 0..deps.len() {
        let Some((a, b)) = two_subjects(deps, h) else {
            continue;
        };
        let marked =
            tags.get(a + 1).is_some_and(|t| t.xpos == "POS") && deps[a + 1].head as usize == a + 1;
        // only the owned noun's own modifiers between: "Protesters' main
        // demands", "Israel's Prime Minister Benjamin Netanyahu"
        if !marked || b <= a + 1 || (a + 2..b).any(|k| !under(deps, k, b)) {
            continue;
        }
        deps[a] = dep(b as u32 + 1, "nmod:poss");
    }
}

/// "Israeli troops shot dead two Palestinians on Tuesday, officials said":
/// the parser makes the reported verb's object a second subject of the
/// reporting verb. A verb with two subjects split by a comma, the first
/// after a reported clause of that verb which has a subject but no object,
/// gets the first as that clause's object.
pub(crate) fn repair_reported_object(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for h in 0..deps.len() {
        let Some((a, b)) = two_subjects(deps, h) else {
            continue;
        };
        if !(a < b && b < h && (a + 1..b).any(|k| tags[k].xpos == ",")) {
            continue;
        }
        let Some(v) = (0..a).rev().find(|&v| {
            deps[v].head as usize == h + 1
                && deps[v].rel.as_str() == "ccomp"
                && tags[v].upos == "VERB"
        }) else {
            continue;
        };
        if child(deps, v, &["nsubj"]).is_none() || child(deps, v, &["obj", "ccomp"]).is_some() {
            continue;
        }
        deps[a] = dep(v as u32 + 1, "obj");
    }
}

/// "alleged that France was aware ..., and that the French military
/// helped ...": the parser hangs the second "that" clause on the sentence's
/// root as a conjunct. A conjunct with its own "that", whose head is no
/// "that" clause, joins the nearest "that" clause before it below the same
/// head.
pub(crate) fn repair_that_conjunct(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    let that = |deps: &[Dep], x: usize| {
        (0..x).any(|k| {
            deps[k].head as usize == x + 1
                && deps[k].rel.as_str() == "mark"
                && tags[k].lemma == "that"
        })
    };
    for x in 0..deps.len() {
        if deps[x].rel.as_str() != "conj" || !that(deps, x) {
            continue;
        }
        let h = deps[x].head as usize;
        if h == 0 || (deps[h - 1].rel.as_str() == "ccomp" && that(deps, h - 1)) {
            continue;
        }
        let Some(y) = (h..x)
            .rev()
            .find(|&y| deps[y].rel.as_str() == "ccomp" && that(deps, y) && under(deps, y, h - 1))
        else {
            continue;
        };
        deps[x].head = y as u32 + 1;
    }
}

/// "gave the Ivory Coast 5.1 million dollars of aid": the parser glues a
/// verb's two objects into one noun phrase when a name is followed by an
/// amount. After a verb that takes two objects, a run of names before the
/// first number inside its object's phrase is the first object.
pub(crate) fn repair_glued_objects(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    const TWO_OBJECTS: &[&str] = &[
        "give", "send", "offer", "grant", "lend", "pay", "award", "hand", "promise", "owe", "loan",
    ];
    let n = deps.len();
    for v in 0..n {
        if tags[v].upos != "VERB" || !TWO_OBJECTS.contains(&tags[v].lemma.as_str()) {
            continue;
        }
        if child(deps, v, &["iobj"]).is_some() {
            continue;
        }
        let Some(o) = child(deps, v, &["obj"]).filter(|&o| o > v) else {
            continue;
        };
        let Some(num) = (v + 1..o).find(|&k| tags[k].upos == "NUM") else {
            continue;
        };
        let mut first = num;
        while first > v + 1 && tags[first - 1].upos == "PROPN" && under(deps, first - 1, o) {
            first -= 1;
        }
        if first == num {
            continue;
        }
        let name = num - 1;
        for d in &mut deps[first..name] {
            *d = dep(name as u32 + 1, "compound");
        }
        if first > v + 1 && tags[first - 1].upos == "DET" && under(deps, first - 1, o) {
            deps[first - 1].head = name as u32 + 1;
        }
        deps[name] = dep(v as u32 + 1, "iobj");
    }
}

/// "The Palestinians reject proposed Israeli changes to the deal, X said":
/// the parser sometimes hangs the object of a reported clause's verb on the
/// reporting verb as a clause of its own. A noun "clause" with no subject,
/// copula or auxiliary (the treebank has 17 in 200,000 words) after a verb
/// clause of the same head that has no object is that verb's object (or,
/// with a preposition, its oblique).
pub(crate) fn repair_nominal_clauses(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for i in 0..deps.len() {
        if deps[i].rel.as_str() != "ccomp" || !matches!(tags[i].upos, "NOUN" | "PROPN") {
            continue;
        }
        const CLAUSE: &[&str] = &["cop", "nsubj", "nsubj:pass", "aux", "aux:pass", "mark"];
        if child(deps, i, CLAUSE).is_some() {
            continue;
        }
        let h = deps[i].head;
        let Some(v) = (0..i).rev().find(|&v| {
            deps[v].head == h && deps[v].rel.as_str() == "ccomp" && tags[v].upos == "VERB"
        }) else {
            continue;
        };
        let obj = child(deps, v, &["obj"]);
        deps[i] = match (child(deps, i, &["case"]).is_some(), obj) {
            // "changes to the deal": a phrase of the object
            (true, Some(o)) => dep(o as u32 + 1, "nmod"),
            (true, None) => dep(v as u32 + 1, "obl"),
            (false, None) => dep(v as u32 + 1, "obj"),
            (false, Some(_)) => continue,
        };
    }
}

/// "European Community foreign ministers demanded ...": the parser makes
/// the first noun of a long subject the root and the verb a clause hung on
/// it. When the root is a noun right before the subject of a finite verb
/// attached to it, and every word between them belongs to that subject, the
/// noun modifies the subject and the verb is the root.
pub(crate) fn repair_noun_root(
    words: &[&str],
    tags: &[khaldun_tagger::Tagged<'_>],
    deps: &mut [Dep],
) {
    let Some(r) = deps.iter().position(|d| d.head == 0) else {
        return;
    };
    // a capitalized noun (part of a name: "European Community") or a title
    // right before a name ("Opposition leader Raila Odinga urged"), not the
    // head of a relative clause with its gap ("the book John wrote": the
    // verb below has no object, checked further down)
    let titled = tags.get(r + 1).is_some_and(|t| t.upos == "PROPN")
        && r > 0
        && words[0].starts_with(|c: char| c.is_uppercase())
        && tags[..r]
            .iter()
            .all(|t| matches!(t.upos, "NOUN" | "PROPN" | "ADJ"));
    if !matches!(tags[r].upos, "NOUN" | "PROPN")
        || !(words[r].starts_with(|c: char| c.is_uppercase()) || titled)
    {
        return;
    }
    let Some(v) = (r + 1..deps.len()).find(|&v| {
        deps[v].head as usize == r + 1
            && matches!(
                deps[v].rel.as_str(),
                "parataxis" | "acl:relcl" | "acl" | "dep" | "appos"
            )
            && matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP")
    }) else {
        return;
    };
    let Some(subj) =
        (r + 1..v).find(|&k| deps[k].head as usize == v + 1 && deps[k].rel.as_str() == "nsubj")
    else {
        return;
    };
    // (an infinitive the parser hung as a clause counts: "agreed on Monday
    // to impose sanctions")
    let infinitive = (v + 1..deps.len()).any(|k| {
        deps[k].head as usize == v + 1
            && deps[k].rel.as_str() == "advcl"
            && child(deps, k, &["mark"]).is_some_and(|m| words[m] == "to")
    });
    if child(deps, v, &["obj", "ccomp", "xcomp"]).is_none() && !infinitive {
        return;
    }
    // nothing but the subject's own words between the root and the verb
    if !(r + 1..v).all(|k| under(deps, k, subj)) || (r + 1..v).any(|k| tags[k].upos == "PUNCT") {
        return;
    }
    for d in deps.iter_mut() {
        if d.head as usize == r + 1 {
            d.head = v as u32 + 1;
        }
    }
    // the root's own modifiers before it stay its own
    for d in deps[..r].iter_mut() {
        if d.head as usize == v + 1 {
            d.head = r as u32 + 1;
        }
    }
    deps[r] = dep(subj as u32 + 1, "compound");
    deps[v] = dep(0, "root");
}

/// Past forms without `-ed` (most also past participles).
const IRREGULAR_PAST: &[&str] = &[
    "beat", "bought", "brought", "built", "caught", "cut", "fed", "fled", "fought", "found", "had",
    "heard", "held", "hit", "hurt", "kept", "laid", "led", "left", "lost", "made", "meant", "met",
    "paid", "put", "read", "said", "sent", "set", "shot", "shut", "sold", "spent", "struck",
    "taught", "told", "thought", "won",
];

/// Reporting verbs that may close a sentence ("..., officials said").
const REPORTING: &[&str] = &[
    "say", "report", "tell", "add", "announce", "claim", "state", "confirm",
];

/// Whether word `i` can start an object.
fn starts_object(tags: &[khaldun_tagger::Tagged<'_>], i: usize) -> bool {
    tags.get(i).is_some_and(|t| {
        matches!(
            t.xpos,
            "DT" | "CD" | "NNP" | "NNPS" | "PRP" | "PRP$" | "JJ" | "JJR" | "RBR" | "NN" | "NNS"
        )
    })
}

/// Whether a participle's form is also a past tense.
fn past_form(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    l.ends_with("ed") || IRREGULAR_PAST.contains(&l.as_str())
}

/// Makes word `i` a past-tense verb.
fn make_past(t: &mut khaldun_tagger::Tagged<'_>) {
    t.xpos = "VBD";
    t.upos = "VERB";
    t.feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
}

/// "Fars reported Iran issued arrest warrants": right after a reporting
/// verb (and "that"), a bare name (or a subject pronoun) and then a
/// participle before what starts
/// an object is the reported clause's subject and verb, not a name and a
/// participle modifying the noun after it.
pub(crate) fn repair_reported_verb(words: &[&str], tags: &mut [khaldun_tagger::Tagged<'_>]) {
    for r in 0..words.len() {
        let reporting = matches!(tags[r].xpos, "VBD" | "VBZ" | "VBP")
            && REPORTING.contains(&tags[r].lemma.as_str());
        if !reporting {
            continue;
        }
        let mut k = r + 1;
        if words.get(k).is_some_and(|w| w.eq_ignore_ascii_case("that")) {
            k += 1;
        }
        let start = k;
        // (or a subject pronoun: "the military said it struck Hezbollah
        // targets")
        if words.get(k).is_some_and(|w| {
            ["it", "they", "he", "she", "we"].contains(&w.to_ascii_lowercase().as_str())
        }) {
            k += 1;
        }
        while k < words.len() && k - start < 4 && matches!(tags[k].xpos, "NNP" | "NNPS") {
            k += 1;
        }
        if k > start
            && k < words.len()
            && tags[k].xpos == "VBN"
            && past_form(words[k])
            && (starts_object(tags, k + 1)
                || (tags.get(k + 1).is_some_and(|t| t.xpos == "RP") && starts_object(tags, k + 2)))
        {
            make_past(&mut tags[k]);
        }
    }
}

/// "Saudi-led coalition jets bombed ...": a participle glued by a hyphen to
/// the word before it ("Saudi-led", "Iranian-backed", "state-owned") is an
/// adjective of the noun after it, not the sentence's verb (tokenized as
/// EWT does, "Saudi - led"; the tagger reads "led" as a past tense). The
/// parser is given an adjective; the words it retagged are returned, to be
/// tagged as EWT tags them (VBN) once parsed.
pub(crate) fn repair_glued_participle(
    words: &[&str],
    spans: &[Span],
    tags: &mut [khaldun_tagger::Tagged<'_>],
) -> Vec<usize> {
    let mut out = Vec::new();
    for i in 2..words.len().min(spans.len()) {
        let glued = words[i - 1] == "-"
            && spans[i - 2].end == spans[i - 1].start
            && spans[i - 1].end == spans[i].start;
        let participle = matches!(tags[i].xpos, "VBN" | "VBD")
            && (past_form(words[i])
                || matches!(words[i], "run" | "born" | "grown" | "known" | "driven"));
        let before_noun = tags
            .get(i + 1)
            .is_some_and(|t| matches!(t.xpos, "NN" | "NNS" | "NNP" | "NNPS" | "JJ"));
        if glued && participle && before_noun {
            let t = &mut tags[i];
            t.xpos = "JJ";
            t.upos = "ADJ";
            t.feats = "Degree=Pos";
            out.push(i);
        }
    }
    out
}

/// "Clashes between rebels and troops killed 12", "Fighting between the
/// two armies resumed": a sentence opening with a verb in -s followed by a
/// preposition, or in -ing followed by "between", "among" or "of", opens
/// with a noun (news has no subjectless present tense; "Speaking in Paris,
/// ..." stays a participle). Tagged as a noun, the parser makes it the
/// subject.
pub(crate) fn repair_initial_noun(words: &[&str], tags: &mut [khaldun_tagger::Tagged<'_>]) {
    let (Some(first), Some(next)) = (words.first(), words.get(1)) else {
        return;
    };
    if !first.starts_with(|c: char| c.is_ascii_uppercase()) || tags[1].xpos != "IN" {
        return;
    }
    let next = next.to_ascii_lowercase();
    let t = &mut tags[0];
    if t.xpos == "VBZ" && !matches!(next.as_str(), "that" | "like" | "if" | "as") {
        // the lemma of "clashes" as a verb is the noun's lemma too
        (t.xpos, t.upos, t.feats) = ("NNS", "NOUN", "Number=Plur");
    } else if t.xpos == "VBG" && matches!(next.as_str(), "between" | "among" | "of") {
        (t.xpos, t.upos, t.feats) = ("NN", "NOUN", "Number=Sing");
        t.lemma = first.to_ascii_lowercase();
    }
}

/// "Russia and Ukraine each released 115 prisoners": after a subject and a
/// floating "each" or "both", with no auxiliary before it, an -ed word
/// tagged as a participle is the finite verb.
pub(crate) fn repair_floating_quantifier(words: &[&str], tags: &mut [khaldun_tagger::Tagged<'_>]) {
    for i in 2..tags.len() {
        let floating = matches!(words[i - 1].to_ascii_lowercase().as_str(), "each" | "both")
            && matches!(tags[i - 2].upos, "NOUN" | "PROPN" | "PRON");
        if !floating || tags[i].xpos != "VBN" || !words[i].ends_with("ed") {
            continue;
        }
        if tags[..i]
            .iter()
            .any(|t| t.upos == "AUX" || t.upos == "VERB")
        {
            continue;
        }
        let t = &mut tags[i];
        (t.xpos, t.upos, t.feats) = ("VBD", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin");
    }
}

/// "... as more than a million people marched across France": after a
/// subordinator and a noun phrase with no verb of its own, an -ed word the
/// tagger read as a participle but ranks second as a past tense is the
/// clause's finite verb. `second[i]`: word `i`'s runner-up Penn tag.
pub(crate) fn repair_subordinate_verb(
    words: &[&str],
    tags: &mut [khaldun_tagger::Tagged<'_>],
    second: &[&str],
) {
    const MARKS: &[&str] = &[
        "as", "after", "when", "while", "before", "since", "until", "once", "because",
    ];
    for i in 2..tags.len() {
        if tags[i].xpos != "VBN" || second.get(i) != Some(&"VBD") || !words[i].ends_with("ed") {
            continue;
        }
        if !matches!(tags[i - 1].xpos, "NNS" | "NN" | "NNP" | "NNPS") {
            continue;
        }
        // back over the noun phrase to the subordinator
        let Some(m) = (0..i - 1).rev().find(|&k| {
            !matches!(
                tags[k].upos,
                "NOUN" | "PROPN" | "ADJ" | "DET" | "NUM" | "ADV"
            ) && !matches!(words[k], "than" | "of")
        }) else {
            continue;
        };
        if i - 1 - m > 6 || !MARKS.contains(&words[m].to_ascii_lowercase().as_str()) {
            continue;
        }
        let t = &mut tags[i];
        (t.xpos, t.upos, t.feats) = ("VBD", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin");
    }
}

/// "helped the two exiled dissidents": a past tense right after a
/// determiner (and a number) and before a noun is a participle modifying
/// that noun (EWT tags such words VBN); read as a past tense, the number
/// becomes its subject.
pub(crate) fn repair_determiner_participle(tags: &mut [khaldun_tagger::Tagged<'_>]) {
    for i in 1..tags.len().saturating_sub(1) {
        let det = |k: usize| matches!(tags[k].xpos, "DT" | "PRP$");
        let after_det = det(i - 1) || (tags[i - 1].xpos == "CD" && i >= 2 && det(i - 2));
        if tags[i].xpos == "VBD" && after_det && matches!(tags[i + 1].xpos, "NN" | "NNS") {
            let t = &mut tags[i];
            (t.xpos, t.feats) = ("VBN", "Tense=Past|VerbForm=Part");
        }
    }
}

/// The UPOS and features that go with Penn tag `xpos`, for the open-class
/// tags the retaggings below give.
fn ud_of(xpos: &str) -> (&'static str, &'static str) {
    match xpos {
        "NN" => ("NOUN", "Number=Sing"),
        "NNS" => ("NOUN", "Number=Plur"),
        "NNP" => ("PROPN", "Number=Sing"),
        "NNPS" => ("PROPN", "Number=Plur"),
        "JJ" => ("ADJ", "Degree=Pos"),
        "VB" => ("VERB", "VerbForm=Inf"),
        "VBD" => ("VERB", "Mood=Ind|Tense=Past|VerbForm=Fin"),
        "VBG" => ("VERB", "VerbForm=Ger"),
        "VBN" => ("VERB", "Tense=Past|VerbForm=Part"),
        "VBP" => ("VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
        _ => (
            "VERB",
            "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
        ),
    }
}

/// "Somali forces backed by U.S. airstrikes": edited news capitalizes its
/// names, so a lower-case word the tagger ran on as part of the name before
/// it is a common noun. Short particles of names ("bin",
/// "van der", "da Silva") and hyphened ones ("al-Shabaab") are left alone.
/// `second[i]`: word `i`'s runner-up Penn tag (`""` if none).
pub(crate) fn repair_lowercase_proper(
    words: &[&str],
    tags: &mut [khaldun_tagger::Tagged<'_>],
    second: &[&'static str],
    lemmatizer: &khaldun_tagger::Lemmatizer,
) {
    const PARTICLES: &[&str] = &["della", "delle", "degli", "dello", "bint"];
    for i in 1..tags.len() {
        if !matches!(tags[i].xpos, "NNP" | "NNPS") {
            continue;
        }
        let w = words[i];
        let lower = w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase());
        // (right after a capitalized name, where the tagger ran the name on)
        let after_name =
            tags[i - 1].upos == "PROPN" && words[i - 1].starts_with(|c: char| c.is_uppercase());
        if !lower || !after_name || PARTICLES.contains(&w) {
            continue;
        }
        let plural = tags[i].xpos == "NNPS" || (w.ends_with('s') && !w.ends_with("ss"));
        let xpos = match second.get(i).copied().unwrap_or("") {
            x @ ("NN" | "NNS") => x,
            _ if plural => "NNS",
            _ => "NN",
        };
        let (upos, feats) = ud_of(xpos);
        let t = &mut tags[i];
        (t.xpos, t.upos, t.feats) = (xpos, upos, feats);
        t.lemma = lemmatizer.lemmatize(w, "NOUN", xpos);
    }
}

/// "imposed sweeping sanctions", "launched devastating strikes": before a
/// noun, and not after a form of "be", an -ing word of news's stock
/// adjectives is the noun's adjective, not a verb with the noun as object.
pub(crate) fn repair_adjectival_participle(
    words: &[&str],
    tags: &mut [khaldun_tagger::Tagged<'_>],
) {
    #[rustfmt::skip]
    const ADJECTIVES: &[&str] = &[
        "sweeping", "crippling", "devastating", "punishing", "scathing", "damning", "stinging",
        "blistering", "withering", "debilitating", "staggering", "stunning", "shocking",
        "alarming", "disturbing", "troubling", "growing", "rising", "mounting", "increasing",
        "escalating", "worsening", "deepening", "ongoing", "lingering", "lasting", "pressing",
        "leading", "ruling", "governing", "warring", "neighbouring", "neighboring",
        "surrounding", "remaining", "existing", "outgoing", "incoming", "upcoming",
        "far-reaching", "wide-ranging", "long-running", "long-standing", "hard-hitting",
    ];
    for i in 1..tags.len().saturating_sub(1) {
        if tags[i].xpos != "VBG" {
            continue;
        }
        let lower = words[i].to_lowercase();
        let before_noun = matches!(tags[i + 1].xpos, "NN" | "NNS" | "JJ");
        let after_be = tags[i - 1].upos == "AUX";
        if tags[i].xpos != "VBG"
            || !before_noun
            || after_be
            || !ADJECTIVES.contains(&lower.as_str())
        {
            continue;
        }
        let t = &mut tags[i];
        (t.xpos, t.upos, t.feats) = ("JJ", "ADJ", "Degree=Pos");
        t.lemma = lower;
    }
}

/// "Human Rights Watch urged", "the plane landed": auxiliaries are a closed
/// class, so a word tagged AUX that is none of them is the tagger's slip;
/// it takes the runner-up tag where that is an open-class one, else a noun.
/// `second[i]`: word `i`'s runner-up Penn tag (`""` if none).
pub(crate) fn repair_open_auxiliary(
    words: &[&str],
    tags: &mut [khaldun_tagger::Tagged<'_>],
    second: &[&'static str],
    lemmatizer: &khaldun_tagger::Lemmatizer,
) {
    const AUXILIARIES: &[&str] = &[
        "be", "am", "is", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re", "'m",
        "’m", "s", "re", "m", "have", "has", "had", "having", "'ve", "’ve", "ve", "'d", "’d", "d",
        "do", "does", "did", "done", "doing", "will", "would", "shall", "should", "may", "might",
        "must", "can", "could", "'ll", "’ll", "ll", "wo", "ca", "sha", "ought", "need", "dare",
        "get", "got", "gets", "getting", "gotten", "used", "wanna", "gonna", "gotta", "ai", "r",
        "ar", "du", "ha", "hav", "wud", "wil",
    ];
    for i in 0..tags.len() {
        if tags[i].upos != "AUX" {
            continue;
        }
        let lower = words[i].to_lowercase();
        // (letters only, in the Latin script: no dash, no other script)
        let word = lower.len() > 1 && lower.bytes().all(|b| b.is_ascii_lowercase());
        if tags[i].upos != "AUX" || !word || AUXILIARIES.contains(&lower.as_str()) {
            continue;
        }
        let proper = i > 0 && words[i].starts_with(|c: char| c.is_uppercase());
        let after_auxiliary = i > 0
            && matches!(
                words[i - 1].to_lowercase().as_str(),
                "have" | "has" | "had" | "be" | "been" | "was" | "were" | "is" | "are"
            );
        // a past form the lemmatizer knows ("tore", "won")
        let past = lemmatizer.lemmatize(words[i], "VERB", "VBD") != lower;
        let xpos = match second.get(i).copied().unwrap_or("") {
            "VBZ" if !lower.ends_with('s') => "VBP",
            x @ ("NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "VB" | "VBD" | "VBG" | "VBN" | "VBP"
            | "VBZ") => x,
            _ if proper => "NNP",
            // "to have won"
            _ if past && after_auxiliary => "VBN",
            _ if past => "VBD",
            _ => "NN",
        };
        let (upos, feats) = ud_of(xpos);
        let t = &mut tags[i];
        (t.xpos, t.upos, t.feats) = (xpos, upos, feats);
        t.lemma = lemmatizer.lemmatize(words[i], upos, xpos);
    }
}

/// "Iran said it would free the sailors": after a modal (and an adverb),
/// or after "to" where the tagger's runner-up is a base verb or a
/// determiner follows, a word tagged
/// as an adjective or a noun is the verb a modal or "to" must govern.
/// `second[i]`: word `i`'s runner-up Penn tag (`""` if none).
pub(crate) fn repair_modal_verb(
    words: &[&str],
    tags: &mut [khaldun_tagger::Tagged<'_>],
    second: &[&str],
) {
    // (a question inverts: "Can anyone help?", "Would someone ...")
    if words.last() == Some(&"?") {
        return;
    }
    for i in 1..words.len() {
        let w = words[i];
        if !matches!(tags[i].xpos, "JJ" | "NN")
            || !w.bytes().all(|b| b.is_ascii_lowercase())
            || words.get(i + 1).is_some_and(|n| *n == "-")
        {
            continue;
        }
        let mut k = i - 1;
        if tags[k].xpos == "RB" && k > 0 {
            k -= 1;
        }
        let governed = (tags[k].xpos == "MD" && k > 0)
            || (tags[i - 1].xpos == "TO"
                && (second.get(i) == Some(&"VB")
                    // an adjective takes no determiner after it: "to free
                    // the sailors"
                    || tags.get(i + 1).is_some_and(|t| matches!(t.xpos, "DT" | "PRP$"))));
        // (not "will be free", "can't be sure": the adjective after "be")
        if governed {
            let t = &mut tags[i];
            (t.xpos, t.upos, t.feats) = ("VB", "VERB", "VerbForm=Inf");
            t.lemma = w.to_string();
        }
    }
}

/// "Britain demanded that Russia hand over the suspects": in the clause a
/// verb (or noun) of demanding takes, the word after the subject is its verb, in the
/// base form, where the tagger read a noun or an adjective with a verb as
/// its runner-up. `second[i]`: word `i`'s runner-up Penn tag.
pub(crate) fn repair_mandative_verb(
    words: &[&str],
    tags: &mut [khaldun_tagger::Tagged<'_>],
    second: &[&str],
) {
    const MANDATE: &[&str] = &[
        "demand",
        "insist",
        "urge",
        "ask",
        "request",
        "recommend",
        "propose",
        "require",
        "suggest",
        "order",
        "stipulate",
    ];
    // "its demand that Israel ease restrictions": the nouns of demanding too
    const MANDATE_NOUNS: &[&str] = &[
        "demand",
        "request",
        "insistence",
        "proposal",
        "suggestion",
        "recommendation",
        "requirement",
    ];
    for d in 0..words.len() {
        let lemma = tags[d].lemma.as_str();
        let verb = tags[d].upos == "VERB" && MANDATE.contains(&lemma);
        let noun = tags[d].upos == "NOUN" && MANDATE_NOUNS.contains(&lemma);
        if !(verb || noun) {
            continue;
        }
        if !words
            .get(d + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("that"))
        {
            continue;
        }
        // the subject: a short noun phrase; then its verb
        for i in d + 3..words.len().min(d + 8) {
            let prev = tags[i - 1].xpos;
            let w = words[i];
            if matches!(tags[i].xpos, "NN" | "JJ")
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && matches!(prev, "NNP" | "NNPS" | "NN" | "NNS" | "PRP")
                && (matches!(second.get(i), Some(&("VB" | "VBP")))
                    // a noun or adjective takes no determiner after it
                    || tags.get(i + 1).is_some_and(|t| matches!(t.xpos, "DT" | "PRP$"))
                    // nor, in this clause, a bare plural ("ease restrictions")
                    || (tags[i].xpos == "NN"
                        && tags.get(i + 1).is_some_and(|t| t.xpos == "NNS")))
            {
                let t = &mut tags[i];
                (t.xpos, t.upos, t.feats) = ("VB", "VERB", "VerbForm=Inf");
                t.lemma = w.to_string();
                break;
            }
            if !matches!(
                tags[i].xpos,
                "DT" | "NNP" | "NNPS" | "NN" | "NNS" | "JJ" | "POS" | "PRP"
            ) {
                break;
            }
        }
    }
}

/// "British aircraft using guided missiles killed 4 Iraqis": a sentence
/// whose tags leave it with no finite verb has one the tagger took for a
/// participle (after a long subject, "killed" reads as "missiles killed
/// in..."). The last participle that can be a past tense and is followed
/// by what starts an object is retagged as the past tense; a closing
/// "..., X said" does not count as the sentence's verb.
///
/// The tagger may also have read that verb as an adjective, a noun or a
/// preposition ("Demonstrators occupied government buildings", "Rioters
/// demanding a new constitution set fire to ...", "UN investigators accused
/// Myanmar's military of ..."): a lowercase word that can be a past tense,
/// tagged so but with a past tense or participle as the tagger's runner-up,
/// right after a noun and before what starts an object, is a candidate too.
/// `second[i]`: word `i`'s runner-up Penn tag (`""` if none).
pub(crate) fn repair_finite_verb(
    words: &[&str],
    tags: &mut [khaldun_tagger::Tagged<'_>],
    second: &[&str],
    lemmatizer: &khaldun_tagger::Lemmatizer,
) {
    let finite = |x: &str| matches!(x, "VBD" | "VBZ" | "VBP" | "MD");
    let starts_object = |i: usize| starts_object(tags, i);
    // (an irregular past needs no verb as runner-up: "police beat
    // activists", read as an adjective with a noun as runner-up)
    let misread = |i: usize| {
        matches!(tags[i].xpos, "JJ" | "NN" | "IN")
            && (matches!(second.get(i), Some(&("VBD" | "VBN")))
                || IRREGULAR_PAST.contains(&words[i]))
            && words[i].bytes().all(|b| b.is_ascii_lowercase())
            && matches!(tags[i - 1].upos, "NOUN" | "PROPN")
    };
    // the last: modifiers come first ("precision guided missiles killed")
    let cand = (1..words.len()).rev().find(|&i| {
        (tags[i].xpos == "VBN" || misread(i))
            && past_form(words[i])
            // (after its particle: "forced out more than 1,000")
            && (starts_object(i + 1)
                || (tags.get(i + 1).is_some_and(|t| t.xpos == "RP") && starts_object(i + 2))
                // an intransitive past ("clashed with police") when the
                // tagger's runner-up is the past tense, with no infinitive
                // before it (whose verb a misread one would be)
                || (tags[i].xpos == "VBN"
                    && matches!(second.get(i), Some(&("VBD" | "VBN")))
                    && tags.get(i + 1).is_some_and(|t| t.xpos == "IN")
                    && !tags[..i].iter().any(|t| matches!(t.xpos, "TO" | "VB"))))
            && matches!(tags[i - 1].upos, "NOUN" | "PROPN" | "PRON" | "ADV")
            && tags[..i]
                .iter()
                .any(|t| matches!(t.upos, "NOUN" | "PROPN" | "PRON"))
    });
    let Some(i) = cand else { return };
    // an imperative or a base form after a plural subject is finite too;
    // not after "to", a modal or "do"
    let base_finite = |k: usize| {
        tags[k].xpos == "VB"
            && !tags[k.saturating_sub(3)..k]
                .iter()
                .any(|t| matches!(t.xpos, "TO" | "MD") || t.lemma == "do")
    };
    if words.last() == Some(&"?") {
        return;
    }
    let ok = (0..words.len())
        .filter(|&k| finite(tags[k].xpos) || base_finite(k))
        .all(|k| {
            k > i && words[i..k].contains(&",") && REPORTING.contains(&tags[k].lemma.as_str())
        });
    if ok {
        if tags[i].upos != "VERB" {
            tags[i].lemma = lemmatizer.lemmatize(words[i], "VERB", "VBD");
        }
        make_past(&mut tags[i]);
    }
}

/// "Myanmar's military handed power to ...": after a possessive, a word
/// the tagger read as an adjective but with a noun as its runner-up, and
/// followed by a verb, a preposition or punctuation rather than by the noun
/// an adjective would modify, is that noun (EWT has no adjective after a
/// possessive that is not followed by a noun, an adjective, a number, a
/// hyphen or a conjunction). `second[i]`: word `i`'s runner-up Penn tag.
pub(crate) fn repair_possessed_noun(
    words: &[&str],
    tags: &mut [khaldun_tagger::Tagged<'_>],
    second: &[&'static str],
) {
    for i in 1..tags.len() {
        // (or after "the" and a country's adjective or name: "the Sudanese
        // military and the RSF")
        let national = i >= 2
            && tags[i - 2].lemma == "the"
            && matches!(tags[i - 1].xpos, "JJ" | "NNP")
            && tags[i - 1].upos != "NOUN"
            && words[i - 1].chars().next().is_some_and(char::is_uppercase);
        if !(tags[i - 1].xpos == "POS" || national) || tags[i].xpos != "JJ" {
            continue;
        }
        let Some(noun) = second
            .get(i)
            .copied()
            .filter(|x| matches!(*x, "NN" | "NNS"))
        else {
            continue;
        };
        let next = tags.get(i + 1).map_or(".", |t| t.xpos);
        let ends_phrase = matches!(
            next,
            "VBD" | "VBZ" | "VBP" | "VBN" | "VB" | "MD" | "IN" | "TO" | "RB" | "." | "," | ":"
        );
        if !(ends_phrase || (national && next == "CC")) {
            continue;
        }
        let t = &mut tags[i];
        (t.xpos, t.upos) = (noun, "NOUN");
        t.feats = if noun == "NNS" {
            "Number=Plur"
        } else {
            "Number=Sing"
        };
    }
}

/// "Obama is being pressured by Congress to help Iran": the parser hangs the
/// infinitive on the agent ("Congress to help") rather than on the passive
/// verb whose complement it is. An infinitive modifying a passive verb's
/// `by` phrase is that verb's complement.
pub(crate) fn repair_agent_infinitive(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for c in 0..deps.len() {
        if deps[c].rel.as_str() != "acl" || tags[c].upos != "VERB" {
            continue;
        }
        let to = child(deps, c, &["mark"]).is_some_and(|m| tags[m].xpos == "TO");
        let a = deps[c].head as usize;
        if !to || a == 0 || deps[a - 1].rel.as_str() != "obl:agent" {
            continue;
        }
        let v = deps[a - 1].head as usize;
        if v == 0
            || child(deps, v - 1, &["aux:pass"]).is_none()
            || child(deps, v - 1, &["xcomp"]).is_some()
        {
            continue;
        }
        deps[c] = dep(v as u32, "xcomp");
    }
}

/// Verbs taking an object and an "of" phrase: "accuse X of Y".
const OBJECT_OF: &[&str] = &[
    "accuse", "convict", "acquit", "suspect", "clear", "absolve", "warn", "inform", "notify",
    "remind", "rob", "strip", "deprive", "rid", "relieve", "assure", "convince",
];

/// "Washington accused Beijing of human rights abuses": the parser makes the
/// name before "of" a compound of the noun after it, across the
/// preposition, and that noun the verb's object. After a verb taking an
/// object and an "of" phrase ("accuse", "convict", "warn" ...), a compound
/// right before "of" whose head is the verb's object and lies after "of"
/// (no noun phrase runs across its own preposition) is the object; the
/// noun after "of" is an oblique of the verb with "of" as its case.
pub(crate) fn repair_compound_across_preposition(
    tags: &[khaldun_tagger::Tagged<'_>],
    deps: &mut [Dep],
) {
    for x in 0..deps.len().saturating_sub(2) {
        if deps[x].rel.as_str() != "compound" || tags[x + 1].lemma != "of" {
            continue;
        }
        let h = deps[x].head as usize;
        if h <= x + 2 || deps[h - 1].rel.as_str() != "obj" {
            continue;
        }
        let v = deps[h - 1].head as usize;
        if v == 0 || v > x || !OBJECT_OF.contains(&tags[v - 1].lemma.as_str()) {
            continue;
        }
        // the preposition belongs to the object's phrase
        if !under(deps, x + 1, h - 1) {
            continue;
        }
        deps[x] = dep(v as u32, "obj");
        deps[x + 1] = dep(h as u32, "case");
        deps[h - 1] = dep(v as u32, "obl");
    }
}

/// "she was never directly or indirectly pressured": the parser makes the
/// first of two coordinated adverbs the head of the clause and the verb
/// after them its conjunct. An adverb heading a clause (with a subject,
/// auxiliary or copula of its own) whose conjunct is a verb right after
/// "or"/"and" and a second adverb gives the verb its place; the adverb and
/// its dependents hang on the verb.
pub(crate) fn repair_coordinated_adverbs(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for x in 0..deps.len() {
        if tags[x].upos != "ADV"
            || child(deps, x, &["nsubj", "nsubj:pass", "aux", "aux:pass", "cop"]).is_none()
        {
            continue;
        }
        let Some(v) = (x + 1..deps.len())
            .find(|&v| deps[v].head as usize == x + 1 && deps[v].rel.as_str() == "conj")
        else {
            continue;
        };
        let between_ok = v == x + 3
            && matches!(tags[x + 1].upos, "CCONJ")
            && tags[x + 2].upos == "ADV"
            && deps[x + 2].head as usize == v + 1;
        if !between_ok || tags[v].upos != "VERB" {
            continue;
        }
        deps[v] = deps[x];
        for (k, d) in deps.iter_mut().enumerate() {
            if k != v && d.head as usize == x + 1 {
                d.head = v as u32 + 1;
            }
        }
        deps[x] = dep(v as u32 + 1, "advmod");
        // the verb's clause: a copula before a participle is its passive auxiliary
        let cop = (0..v).find(|&k| deps[k].head as usize == v + 1 && deps[k].rel.as_str() == "cop");
        if let Some(c) = cop.filter(|_| tags[v].xpos == "VBN") {
            deps[c] = dep(v as u32 + 1, "aux:pass");
            for d in &mut deps[..v] {
                if d.head as usize == v + 1 && d.rel.as_str() == "nsubj" {
                    *d = dep(v as u32 + 1, "nsubj:pass");
                }
            }
        }
        deps[x + 1] = dep(x as u32 + 1 + 2, "cc");
        deps[x + 2] = dep(x as u32 + 1, "conj");
    }
}

/// "Kenya recalled its ambassador after Somali troops attacked a border
/// post": the parser makes "after" the case of the noun and leaves the
/// finite verb right after that noun's phrase with no subject. The noun is
/// the verb's subject, "after" its mark, and the verb a clause of the verb
/// above the noun.
pub(crate) fn repair_subordinate_subject(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for a in 0..deps.len() {
        // (the verb past a name's flat parts: "as Iranian President Hassan
        // Rouhani blamed Israel"), with no subject of its own
        let Some((n, v)) = marker_noun_verb(tags, deps, a) else {
            continue;
        };
        if child(deps, v, &["nsubj", "nsubj:pass"]).is_some() {
            continue;
        }
        // the verb above the noun's phrase
        let Some(up) = verb_above(tags, deps, n) else {
            continue;
        };
        if up == v || under(deps, up, v) {
            continue;
        }
        deps[v] = dep(up as u32 + 1, "advcl");
        deps[n] = dep(v as u32 + 1, "nsubj");
        deps[a] = dep(v as u32 + 1, "mark");
    }
}

/// "it had delivered food aid to 200,000 people": the parser makes the
/// participle a modifier of the noun after it and hangs the auxiliary and
/// the subject on that noun. A noun with an auxiliary and a participle
/// before it, the participle modifying it, gives the participle its place:
/// the participle heads the clause, the noun is its object.
pub(crate) fn repair_auxiliary_on_noun(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for n in 0..deps.len() {
        if !matches!(tags[n].upos, "NOUN" | "PROPN") {
            continue;
        }
        let Some(a) = child(deps, n, &["aux"]) else {
            continue;
        };
        let Some(v) = (a + 1..n).find(|&v| {
            deps[v].head as usize == n + 1
                && deps[v].rel.as_str() == "amod"
                && matches!(tags[v].xpos, "VBN" | "VBD")
        }) else {
            continue;
        };
        deps[v] = deps[n];
        for (k, d) in deps.iter_mut().enumerate() {
            if k != v
                && d.head as usize == n + 1
                && (k < v || matches!(d.rel.as_str(), "punct" | "advcl" | "obl" | "parataxis"))
                && !matches!(
                    d.rel.as_str(),
                    "det" | "amod" | "compound" | "nummod" | "nmod:poss"
                )
            {
                d.head = v as u32 + 1;
            }
        }
        deps[n] = dep(v as u32 + 1, "obj");
    }
}

/// "Japanese Prime Minister Fumio Kishida, who arrived in Manila on
/// Friday, and Philippine President Ferdinand Marcos Jr. agreed to ...":
/// the parser makes the first name the root, hangs the second on the
/// relative clause and the verb below it. A noun root with a relative
/// clause set off by a comma, followed by ", and", a noun phrase and a
/// finite verb, all inside that clause, has the verb as the root, the
/// noun as its subject and the second noun as the noun's conjunct.
pub(crate) fn repair_relative_and_subject(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    let below = |deps: &[Dep], k: usize, top: usize| under_within(deps, k, top, 12);
    let Some(n) = deps.iter().position(|d| d.head == 0) else {
        return;
    };
    if !matches!(tags[n].upos, "NOUN" | "PROPN") {
        return;
    }
    let Some(r) = (n + 1..deps.len())
        .find(|&r| deps[r].head as usize == n + 1 && deps[r].rel.as_str() == "acl:relcl")
    else {
        return;
    };
    // ", and" after the clause
    let Some(a) = (r + 1..deps.len()).find(|&a| {
        tags[a].upos == "CCONJ" && tags[a - 1].xpos == "," && (r..a - 1).all(|k| below(deps, k, r))
    }) else {
        return;
    };
    // the finite verb after the second noun phrase
    let Some(v) = (a + 2..deps.len()).find(|&v| matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP"))
    else {
        return;
    };
    if !below(deps, v, r)
        || !(a + 1..v).all(|k| matches!(tags[k].upos, "PROPN" | "NOUN" | "ADJ" | "DET" | "PUNCT"))
    {
        return;
    }
    // the second phrase's head: its last noun
    let Some(c) = (a + 1..v)
        .rev()
        .find(|&k| matches!(tags[k].upos, "PROPN" | "NOUN"))
    else {
        return;
    };
    let c = (a + 1..v)
        .find(|&k| {
            matches!(tags[k].upos, "PROPN" | "NOUN")
                && !(a + 1..v).contains(&(deps[k].head as usize).wrapping_sub(1))
        })
        .unwrap_or(c);
    deps[v] = dep(0, "root");
    deps[n] = dep(v as u32 + 1, "nsubj");
    for (k, d) in deps.iter_mut().enumerate().take(v).skip(a + 1) {
        if k != c && !(a + 1..v).contains(&(d.head as usize).wrapping_sub(1)) {
            d.head = c as u32 + 1;
        }
    }
    deps[c] = dep(n as u32 + 1, "conj");
    deps[a] = dep(c as u32 + 1, "cc");
    deps[a - 1] = dep(c as u32 + 1, "punct");
    // what hung on the noun after the verb (the final stop) is the verb's
    for (k, d) in deps.iter_mut().enumerate() {
        if k > v && d.head as usize == n + 1 {
            d.head = v as u32 + 1;
        }
    }
}

/// "..., and Israeli Foreign Minister Israel Katz accused President
/// Erdogan of ...": the parser makes the name after ", and" a conjunct of
/// a noun before and the verb after it a relative clause on it, with no
/// relative pronoun (or a clause of the verb before: "..., and Supreme
/// Leader Ali Khamenei vowed revenge"). Such a finite verb with a subject-less clause right
/// after a name joined by ", and" is a clause of its own: a conjunct of the
/// sentence's root with the name as its subject.
pub(crate) fn repair_clause_after_and(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    let Some(root) = deps.iter().position(|d| d.head == 0) else {
        return;
    };
    for n in root + 1..deps.len() {
        if deps[n].rel.as_str() != "conj" || tags[n].upos != "PROPN" {
            continue;
        }
        let Some(a) = child(deps, n, &["cc"]).filter(|&a| {
            a < n && a > root + 1 && tags[a].lemma == "and" && tags[a - 1].xpos == ","
        }) else {
            continue;
        };
        // the verb right after the name (past its flat parts), with no
        // subject of its own
        let v = past_flat(deps, n);
        if v >= deps.len()
            || !matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP")
            || !matches!(deps[v].rel.as_str(), "acl:relcl" | "parataxis" | "advcl")
            || child(deps, v, &["nsubj", "nsubj:pass", "mark"]).is_some()
        {
            continue;
        }
        deps[v] = dep(root as u32 + 1, "conj");
        deps[n] = dep(v as u32 + 1, "nsubj");
        deps[a] = dep(v as u32 + 1, "cc");
        if deps[a - 1].head as usize == n + 1 {
            deps[a - 1] = dep(v as u32 + 1, "punct");
        }
    }
}

/// "Iran demanded on Friday that Britain release the tanker": after a
/// phrase of time the parser takes "that" for a pronoun subject beside the
/// real one. A "that" subject right before another subject of the same
/// verb is the clause's marker.
pub(crate) fn repair_that_subject(tags: &mut [khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for h in 0..deps.len() {
        let Some((a, b)) = two_subjects(deps, h) else {
            continue;
        };
        if !(a < b && b < h && tags[a].lemma.eq_ignore_ascii_case("that")) {
            continue;
        }
        // (only the words of the second subject between them)
        if (a + 1..b).any(|k| deps[k].head as usize != b + 1) {
            continue;
        }
        deps[a] = dep(h as u32 + 1, "mark");
        let t = &mut tags[a];
        (t.xpos, t.upos, t.feats) = ("IN", "SCONJ", "_");
    }
}

/// "A Dutch court found Russia liable for ...": the parser makes the noun
/// between a verb and its adjective or noun complement the complement's
/// subject. In UD it is the verb's object (EWT has no subject before the
/// head of an `xcomp`).
pub(crate) fn repair_small_clause(deps: &mut [Dep]) {
    for s in 0..deps.len() {
        if deps[s].rel.as_str() != "nsubj" {
            continue;
        }
        let x = deps[s].head as usize;
        if x <= s + 1 || deps[x - 1].rel.as_str() != "xcomp" {
            continue;
        }
        let v = deps[x - 1].head as usize;
        if v == 0 || v > s || child(deps, v - 1, &["obj"]).is_some() {
            continue;
        }
        deps[s] = dep(v as u32, "obj");
    }
}

/// "Rioters demanding civil rights torched buildings": the parser makes
/// the subject the root and the finite verb a clause under the participle
/// modifying it. A noun root whose participle clause holds a past or
/// present-tense verb is that verb's subject, the verb the root (a subject
/// it was given inside the participle's clause is the participle's object).
pub(crate) fn repair_participle_subject(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    let Some(r) = deps.iter().position(|d| d.head == 0) else {
        return;
    };
    // (opening the sentence: its words before it are its own)
    if !matches!(tags[r].upos, "NOUN" | "PROPN" | "PRON") || !(0..r).all(|k| under(deps, k, r)) {
        return;
    }
    let Some(p) = (r + 1..deps.len()).find(|&p| {
        deps[p].head as usize == r + 1
            && deps[p].rel.as_str() == "acl"
            && matches!(tags[p].xpos, "VBG" | "VBN")
    }) else {
        return;
    };
    let Some(v) = (p + 1..deps.len()).find(|&v| {
        matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP")
            && tags[v].upos == "VERB"
            // a clause of the participle or of its object
            && (deps[v].head as usize == p + 1
                || child(deps, p, &["obj"]).is_some_and(|o| deps[v].head as usize == o + 1))
            && !matches!(deps[v].rel.as_str(), "conj" | "acl:relcl")
    }) else {
        return;
    };
    if let Some(s) = child(deps, v, &["nsubj"]) {
        if !(p < s && s < v) || child(deps, p, &["obj", "ccomp", "xcomp"]) != Some(v) {
            return;
        }
        deps[s] = dep(p as u32 + 1, "obj");
    }
    // the root's dependents after the verb are the verb's
    for d in deps[v + 1..].iter_mut() {
        if d.head as usize == r + 1 {
            d.head = v as u32 + 1;
        }
    }
    deps[r] = dep(v as u32 + 1, "nsubj");
    deps[v] = dep(0, "root");
}

/// "Sudan's military handed over power": right after a verb, a word the
/// tagger read as a prefix (`AFX`, which EWT gives to "pre" in "pre -
/// war") but with a preposition or particle as its runner-up is the verb's
/// particle. `second[i]`: word `i`'s runner-up Penn tag.
pub(crate) fn repair_verb_particle(
    words: &[&str],
    tags: &mut [khaldun_tagger::Tagged<'_>],
    second: &[&str],
) {
    for i in 1..words.len() {
        if tags[i].xpos != "AFX"
            || !tags[i - 1].xpos.starts_with("VB")
            || !matches!(second.get(i), Some(&("IN" | "RP")))
            || words.get(i + 1).is_some_and(|w| *w == "-")
        {
            continue;
        }
        let t = &mut tags[i];
        (t.xpos, t.upos, t.feats) = ("RP", "ADP", "_");
        t.lemma = words[i].to_lowercase();
    }
}

/// "They asked Carrie Lam, who is supported by Beijing, to resign": the
/// parser makes a relative clause set off by commas a conjunct of the main
/// verb and hangs the infinitive after it on that clause. A conjunct whose
/// subject is "who" or "which" right after a comma and a noun modifies that
/// noun's phrase; a "to" infinitive after the closing comma, when that noun
/// is the object of a verb, is that verb's complement.
pub(crate) fn repair_relative_conjunct(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for x in 0..deps.len() {
        if deps[x].rel.as_str() != "conj" {
            continue;
        }
        let Some(s) = child(deps, x, &["nsubj", "nsubj:pass"]) else {
            continue;
        };
        if !(matches!(tags[s].lemma.as_str(), "who" | "which")
            && s >= 2
            && s < x
            && tags[s - 1].xpos == ","
            && matches!(tags[s - 2].upos, "NOUN" | "PROPN"))
        {
            continue;
        }
        // the noun's phrase head: up through names and compounds
        let mut n = s - 2;
        for _ in 0..4 {
            let h = deps[n].head as usize;
            if h > n + 1 && h < s && matches!(deps[n].rel.as_str(), "flat" | "compound") {
                n = h - 1;
            } else {
                break;
            }
        }
        // (not a noun inside the clause itself: that would be a cycle; a
        // deeper one is caught by the tree check after the repairs)
        let inside = under(deps, n, x);
        if deps[x].head as usize == n + 1 || n + 1 > x || inside {
            continue;
        }
        deps[x] = dep(n as u32 + 1, "acl:relcl");
        let v = deps[n].head as usize;
        if v == 0 || !matches!(deps[n].rel.as_str(), "obj" | "iobj") || tags[v - 1].upos != "VERB" {
            continue;
        }
        let to_clause = (x + 1..deps.len()).find(|&c| {
            deps[c].head as usize == x + 1
                && deps[c].rel.as_str() == "advcl"
                && c >= 2
                && tags[c - 1].lemma == "to"
                && tags[c - 2].xpos == ","
        });
        if let Some(c) = to_clause {
            deps[c] = dep(v as u32, "xcomp");
        }
    }
}

/// "The attack was claimed by the Houthis in Yemen, but both Saudi Arabia
/// and the US have alleged Iranian involvement": the parser coordinates the
/// second clause's subject with a noun of the first and leaves its verb
/// without one. A noun conjunct marked by "but", right before a conjunct
/// verb (after its own conjuncts and auxiliaries) that has no subject, is
/// that verb's subject, with "but" and the conjuncts after it.
pub(crate) fn repair_but_subject(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    let n_words = deps.len();
    for n in 0..n_words {
        if deps[n].rel.as_str() != "conj" || !matches!(tags[n].upos, "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        let Some(but) = child(deps, n, &["cc"]).filter(|&c| tags[c].lemma == "but" && c < n) else {
            continue;
        };
        let first = deps[n].head as usize;
        // inside a conjunct of the same noun after n ("and the US")
        let later_conjunct = |k: usize| {
            let mut x = k;
            for _ in 0..6 {
                let h = deps[x].head as usize;
                if h == first && x > n && deps[x].rel.as_str() == "conj" {
                    return true;
                }
                if h == 0 {
                    return false;
                }
                x = h - 1;
            }
            false
        };
        // the verb: the first verb after n, with only n's phrase, later
        // conjuncts and the verb's own words (auxiliaries) between
        let Some(v) = (n + 1..n_words).find(|&k| tags[k].upos == "VERB") else {
            continue;
        };
        if deps[v].rel.as_str() != "conj"
            || child(deps, v, &["nsubj", "nsubj:pass", "csubj"]).is_some()
            || !(n + 1..v).all(|k| under(deps, k, n) || under(deps, k, v) || later_conjunct(k))
        {
            continue;
        }
        for d in &mut deps[n + 1..v] {
            if d.head as usize == first && d.rel.as_str() == "conj" {
                d.head = n as u32 + 1;
            }
        }
        deps[n] = dep(v as u32 + 1, "nsubj");
        deps[but] = dep(v as u32 + 1, "cc");
    }
}

/// "The truce between the army and the RSF will take effect Monday": the
/// parser ends the "between" phrase at "and", makes the second side the
/// subject of the verb and that verb a conjunct of the noun root. A noun
/// root with a "between" phrase of one side, a conjunct verb whose subject
/// follows "and" right after that phrase, gets the subject back as the
/// second side and becomes that verb's subject.
pub(crate) fn repair_between_subject(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    // the noun with the "between" phrase: the root, or a verb's first of
    // two subjects ("The truce between X and Y took effect")
    let root = deps.iter().position(|d| d.head == 0);
    let cands: Vec<usize> = (0..deps.len())
        .filter(|&r| {
            matches!(tags[r].upos, "NOUN" | "PROPN")
                && (Some(r) == root || deps[r].rel.as_str() == "nsubj")
        })
        .collect();
    for r in cands {
        // the one side: a nominal under that noun with "between"
        let Some(x) = (r + 1..deps.len()).find(|&x| {
            deps[x].head as usize == r + 1
                && matches!(deps[x].rel.as_str(), "nmod" | "obl")
                && child(deps, x, &["case"]).is_some_and(|c| tags[c].lemma == "between")
        }) else {
            continue;
        };
        if child(deps, x, &["conj"]).is_some() {
            continue;
        }
        // the verb: conjoined to the root noun, or the noun's own verb
        let v = if Some(r) == root {
            (x + 1..deps.len()).find(|&v| {
                deps[v].head as usize == r + 1
                    && deps[v].rel.as_str() == "conj"
                    && tags[v].upos == "VERB"
            })
        } else {
            (deps[r].head as usize).checked_sub(1).filter(|&v| v > x)
        };
        let Some(v) = v else { continue };
        let Some(y) =
            (x + 1..v).find(|&y| deps[y].head as usize == v + 1 && deps[y].rel.as_str() == "nsubj")
        else {
            continue;
        };
        let Some(and) = (x + 1..y).find(|&k| tags[k].lemma == "and" && tags[k].upos == "CCONJ")
        else {
            continue;
        };
        // nothing but the two sides' phrases between "between" and the verb
        if !(x + 1..v)
            .all(|k| k == and || under(deps, k, x) || under(deps, k, y) || under(deps, k, v))
        {
            continue;
        }
        deps[y] = dep(x as u32 + 1, "conj");
        deps[and] = dep(y as u32 + 1, "cc");
        if Some(r) == root {
            deps[v] = dep(0, "root");
            deps[r] = dep(v as u32 + 1, "nsubj");
            // the root's closing punctuation follows the verb
            for d in deps.iter_mut() {
                if d.head as usize == r + 1 && d.rel.as_str() == "punct" {
                    d.head = v as u32 + 1;
                }
            }
        }
        return;
    }
}

/// "He is due to travel to Warsaw": EWT reads "due to" as a preposition
/// ("due to the rain"), so the parser finds no predicate and hangs the
/// clause on its subject. With "be" before it and a base verb after "to",
/// "due" is the predicate: "be" its copula, the word before "be" (a
/// pronoun or name) its subject, the verb its complement.
pub(crate) fn repair_due_to(words: &[&str], tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    let n = deps.len();
    let Some(due) = (2..n.saturating_sub(2)).find(|&i| {
        words[i].eq_ignore_ascii_case("due")
            && tags[i - 1].lemma == "be"
            && words[i + 1].eq_ignore_ascii_case("to")
            && tags[i + 2].xpos == "VB"
    }) else {
        return;
    };
    let (be, to, v) = (due - 1, due + 1, due + 2);
    let Some(root) = deps.iter().position(|d| d.head == 0) else {
        return;
    };
    // only a clause left without its predicate: the root is the subject,
    // "be" or "due"
    if root > due || !matches!(tags[be - 1].upos, "PRON" | "PROPN" | "NOUN") {
        return;
    }
    // the subject: the head of the phrase ending before "be"
    let mut s = be - 1;
    for _ in 0..4 {
        let h = deps[s].head as usize;
        if h > 0 && h - 1 < be && matches!(deps[s].rel.as_str(), "flat" | "compound") {
            s = h - 1;
        } else {
            break;
        }
    }
    if !(root == s || root == be || root == due) {
        return;
    }
    let old = [root, be, s, due];
    for (k, d) in deps.iter_mut().enumerate() {
        let h = d.head as usize;
        if k != s && k > be && h > 0 && old.contains(&(h - 1)) {
            d.head = due as u32 + 1;
        }
    }
    deps[due] = dep(0, "root");
    deps[be] = dep(due as u32 + 1, "cop");
    deps[s] = dep(due as u32 + 1, "nsubj");
    deps[to] = dep(v as u32 + 1, "mark");
    deps[v] = dep(due as u32 + 1, "xcomp");
}

/// "drones that Russia has used to strike Ukrainian cities": the parser
/// hangs the object of the infinitive on a verb far above it ("accuses").
/// An infinitive with no object or clause of its own, followed at once by
/// a noun phrase that a verb above it takes as its object, gets that object.
pub(crate) fn repair_stranded_object(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    let n_words = deps.len();
    let below = |deps: &[Dep], mut k: usize, top: usize| {
        for _ in 0..12 {
            match deps[k].head as usize {
                0 => return false,
                h if h - 1 == top => return true,
                h => k = h - 1,
            }
        }
        false
    };
    for v in 0..n_words {
        if tags[v].upos != "VERB"
            || tags[v].xpos != "VB"
            || child(deps, v, &["mark"]).is_none_or(|m| tags[m].lemma != "to")
            || child(deps, v, &["obj", "ccomp", "xcomp", "iobj"]).is_some()
        {
            continue;
        }
        // the noun phrase right after: its head and its own words
        let Some(n) = (v + 1..n_words.min(v + 6))
            .find(|&k| matches!(tags[k].upos, "NOUN" | "PROPN") && deps[k].rel.as_str() == "obj")
        else {
            continue;
        };
        let h = deps[n].head as usize;
        if h == 0
            || h > v
            || !below(deps, v, h - 1)
            || !(v + 1..n).all(|k| deps[k].head as usize == n + 1)
        {
            continue;
        }
        deps[n] = dep(v as u32 + 1, "obj");
    }
}

/// "China urged both countries to exercise restraint, and Rubio spoke with
/// ...": the parser makes the clause after ", and" a complement of the
/// infinitive. A finite clause with its own subject and a "and" or "but"
/// after a comma, taken as a complement, is a conjunct of the verb whose
/// infinitive took it.
pub(crate) fn repair_comma_and_clause(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for v in 0..deps.len() {
        if deps[v].rel.as_str() != "ccomp"
            || !matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP")
            || child(deps, v, &["nsubj", "nsubj:pass"]).is_none()
        {
            continue;
        }
        // (the parser may hang "and" on the subject)
        let subj = child(deps, v, &["nsubj", "nsubj:pass"]).unwrap_or(v);
        let Some(cc) =
            child(deps, v, &["cc"]).or_else(|| child(deps, subj, &["cc"]).filter(|&c| c < subj))
        else {
            continue;
        };
        if !matches!(tags[cc].lemma.as_str(), "and" | "but") || cc == 0 || tags[cc - 1].lemma != ","
        {
            continue;
        }
        // the infinitive's verb: up through the infinitives
        let mut h = deps[v].head as usize;
        if h == 0 || deps[h - 1].rel.as_str() != "xcomp" {
            continue;
        }
        while h > 0 && deps[h - 1].rel.as_str() == "xcomp" {
            h = deps[h - 1].head as usize;
        }
        if h == 0 {
            continue;
        }
        deps[v] = dep(h as u32, "conj");
        deps[cc] = dep(v as u32 + 1, "cc");
    }
}

/// "Qatar and Egypt, which have mediated between the two sides, called for
/// a ceasefire": the parser makes the noun the root and hangs the verb after
/// the relative clause inside it. A noun root with a relative clause set off
/// by commas, followed after a comma by a finite verb (or one the tagger
/// took for a participle) with no subject that the parser hung inside that
/// clause, is that verb's subject.
pub(crate) fn repair_relative_root(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    let Some(n) = deps.iter().position(|d| d.head == 0) else {
        return;
    };
    if !matches!(tags[n].upos, "NOUN" | "PROPN") {
        return;
    }
    // (or taken for an aside: "Russia and China, which oppose the
    // sanctions, criticized")
    let Some(r) = (n + 1..deps.len()).find(|&k| {
        deps[k].head as usize == n + 1
            && matches!(deps[k].rel.as_str(), "acl:relcl" | "parataxis")
            && child(deps, k, &["nsubj", "nsubj:pass"]).is_some_and(|s| {
                matches!(tags[s].lemma.as_str(), "who" | "which")
                    && s >= 1
                    && tags[s - 1].lemma == ","
            })
    }) else {
        return;
    };
    let Some(v) = (r + 1..deps.len()).find(|&k| {
        matches!(tags[k].xpos, "VBD" | "VBZ" | "VBP" | "VBN")
            && k >= 1
            && tags[k - 1].lemma == ","
            && under(deps, k, r)
            && child(deps, k, &["nsubj", "nsubj:pass", "expl"]).is_none()
    }) else {
        return;
    };
    // the verb heads the sentence; the root's words after it go with it
    for d in deps.iter_mut().skip(v + 1) {
        if d.head as usize == n + 1 {
            d.head = v as u32 + 1;
        }
    }
    deps[v] = dep(0, "root");
    deps[n] = dep(v as u32 + 1, "nsubj");
    deps[r] = dep(n as u32 + 1, "acl:relcl");
}

/// "Hamas attacked Israel, and Israel's prime minister vowed a mighty
/// vengeance": the parser makes the clause after ", and" a conjunct of the
/// object noun before it, and hangs "and" inside the new subject (on
/// "Israel"), where it reads as joining two nouns. A finite verb with a
/// subject of its own, joined by "and" or "but" after a comma to a noun
/// below a verb, is a conjunct of that verb (UD joins clauses by their
/// predicates); and the "and" before a conjunct clause's subject is the
/// clause's.
pub(crate) fn repair_clause_on_noun(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for v in 0..deps.len() {
        if deps[v].rel.as_str() != "conj"
            || !matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP")
            || tags[v].upos != "VERB"
        {
            continue;
        }
        let Some(subj) = child(deps, v, &["nsubj", "nsubj:pass"]).filter(|&s| s < v) else {
            continue;
        };
        // the "and" right before the subject's phrase, hung inside it
        let first = (0..subj)
            .find(|&k| under(deps, k, subj) && !matches!(deps[k].rel.as_str(), "cc" | "punct"))
            .unwrap_or(subj);
        let Some(cc) = first.checked_sub(1).filter(|&c| {
            c > 0
                && deps[c].rel.as_str() == "cc"
                && matches!(tags[c].lemma.as_str(), "and" | "but")
                && tags[c - 1].lemma == ","
                && (under(deps, c, subj) || deps[c].head as usize == v + 1)
        }) else {
            continue;
        };
        deps[cc] = dep(v as u32 + 1, "cc");
        let h = deps[v].head as usize;
        if h == 0 || h > cc || !matches!(tags[h - 1].upos, "NOUN" | "PROPN") {
            continue;
        }
        // the verb above the noun
        let Some(up) = verb_above(tags, deps, h - 1).filter(|&u| u < h - 1) else {
            continue;
        };
        deps[v] = dep(up as u32 + 1, "conj");
        if deps[cc - 1].head as usize == h {
            deps[cc - 1] = dep(v as u32 + 1, "punct");
        }
    }
}

/// "killed more than 100 people, drawing condemnation from the United
/// Nations": the parser hangs a participle of consequence set off by a
/// comma on the object before it, as if the people drew it. What the
/// clause's act brought about is a clause of the verb.
pub(crate) fn repair_consequence_participle(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    const BROUGHT: &[&str] = &[
        "draw",
        "prompt",
        "spark",
        "trigger",
        "provoke",
        "cause",
        "earn",
        "attract",
        "fuel",
        "ignite",
        "anger",
        "infuriate",
        "deepen",
        "escalate",
    ];
    for t in 1..deps.len() {
        if tags[t].xpos != "VBG"
            || tags[t - 1].lemma != ","
            || deps[t].rel.as_str() != "acl"
            || !BROUGHT.contains(&tags[t].lemma.as_str())
        {
            continue;
        }
        let n = deps[t].head as usize;
        if n == 0 || !matches!(tags[n - 1].upos, "NOUN" | "PROPN" | "NUM") {
            continue;
        }
        let up = deps[n - 1].head as usize;
        if up == 0
            || tags[up - 1].upos != "VERB"
            || !matches!(deps[n - 1].rel.as_str(), "obj" | "obl" | "nmod")
        {
            continue;
        }
        deps[t] = dep(up as u32, "advcl");
    }
}

/// "deported 40 men on Thursday, a move condemned by rights groups": the
/// parser hangs the participle right after an appositive noun on the noun
/// the apposition is on. A participle right after an appositive modifies it.
pub(crate) fn repair_appositive_participle(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for t in 1..deps.len() {
        let n = t - 1;
        if tags[t].xpos != "VBN"
            || deps[t].rel.as_str() != "acl"
            || deps[n].rel.as_str() != "appos"
            || deps[n].head != deps[t].head
            || !matches!(tags[n].upos, "NOUN" | "PROPN")
        {
            continue;
        }
        deps[t] = dep(n as u32 + 1, "acl");
    }
}

/// "Protesters marched in Paris and police fired tear gas": the parser
/// joins the noun after "and" to the noun before ("Paris and police") and
/// leaves the verb right after it, a conjunct of the clause before, with no
/// subject. A noun so joined right before such a verb is its subject.
pub(crate) fn repair_subject_after_and(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for n in 1..deps.len().saturating_sub(1) {
        if deps[n].rel.as_str() != "conj" || !matches!(tags[n].upos, "NOUN" | "PROPN") {
            continue;
        }
        let Some(cc) = child(deps, n, &["cc"])
            .filter(|&c| c < n && matches!(tags[c].lemma.as_str(), "and" | "but"))
        else {
            continue;
        };
        // the verb right after the noun (past a name's flat parts)
        let v = past_flat(deps, n);
        let h = match deps.get(v) {
            Some(d) => d.head as usize,
            None => continue,
        };
        if !matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP")
            || tags[v].upos != "VERB"
            || deps[v].rel.as_str() != "conj"
            || h == 0
            || h > n
            || tags[h - 1].upos != "VERB"
            || child(deps, v, &["nsubj", "nsubj:pass", "mark"]).is_some()
            // (the noun's phrase ends right before the verb)
            || (n + 1..v).any(|k| !under(deps, k, n))
        {
            continue;
        }
        deps[n] = dep(v as u32 + 1, "nsubj");
        deps[cc] = dep(v as u32 + 1, "cc");
    }
}

/// "After two days of talks in Brussels, Serbia and Kosovo agreed": the
/// parser joins the subject after the comma to the last noun of the
/// fronted phrase ("Brussels, Serbia and Kosovo") and leaves the verb with
/// no subject. The conjuncts after the comma, right before a finite verb
/// with no subject, are that verb's subject.
pub(crate) fn repair_fronted_subject(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for v in 2..deps.len() {
        if !matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP")
            || tags[v].upos != "VERB"
            || child(deps, v, &["nsubj", "nsubj:pass", "expl", "csubj"]).is_some()
        {
            continue;
        }
        // the last conjunct, right before the verb (past a name's flat parts)
        let mut k = v - 1;
        while k > 0 && deps[k].rel.as_str() == "flat" && deps[k].head as usize == k {
            k -= 1;
        }
        if deps[k].rel.as_str() != "conj" || !matches!(tags[k].upos, "NOUN" | "PROPN") {
            continue;
        }
        let h = deps[k].head as usize;
        if h == 0 || h > k {
            continue;
        }
        let h = h - 1;
        // the comma after the fronted phrase, and the first conjunct after it
        let Some(comma) = (h + 1..k).find(|&c| tags[c].lemma == "," && deps[c].head != 0) else {
            continue;
        };
        let first = comma + 1;
        if deps[first].rel.as_str() != "conj"
            || deps[first].head as usize != h + 1
            || !matches!(tags[first].upos, "NOUN" | "PROPN")
            // (the verb's clause starts at the comma: nothing after it hangs
            // on the fronted phrase but these conjuncts)
            || (first..v).any(|x| !under(deps, x, h) || deps[x].head == 0)
        {
            continue;
        }
        deps[first] = dep(v as u32 + 1, "nsubj");
        for d in &mut deps[first + 1..v] {
            if d.head as usize == h + 1 && d.rel.as_str() == "conj" {
                *d = dep(first as u32 + 1, "conj");
            }
        }
        deps[comma] = dep(v as u32 + 1, "punct");
    }
}

/// "staged large-scale military drills", "held their first face-to-face
/// talks", "sent aid to earthquake-hit Turkey": a word written with hyphens
/// right before the noun of its phrase modifies that noun, but the parser
/// often makes a part of it the phrase's head (the noun its object or a
/// second object). Such a run is rehung as UD writes it: its last word an
/// `amod` (or `compound`) of the noun, its other words under that word,
/// the noun taking the place and the left-hand words (article, possessor,
/// preposition) the run had. Names written with hyphens ("Sea-Eye") are
/// left alone; a change that would not leave a tree is undone.
pub(crate) fn repair_hyphen_modifier(
    words: &[&str],
    spans: &[Span],
    tags: &[khaldun_tagger::Tagged<'_>],
    deps: &mut [Dep],
) {
    let n = deps.len().min(words.len()).min(spans.len());
    let glued = |k: usize| spans[k].end == spans[k + 1].start;
    let mut i = 0;
    while i + 2 < n {
        let starts = words[i + 1] == "-"
            && glued(i)
            && glued(i + 1)
            && words[i].chars().all(char::is_alphanumeric)
            && words[i + 2]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.');
        if !starts {
            i += 1;
            continue;
        }
        // the run: word - word (- word ...)
        let mut j = i + 2;
        while j + 2 < n && words[j + 1] == "-" && glued(j) && glued(j + 1) {
            j += 2;
        }
        let run = i..j + 1;
        i = j + 1;
        if j + 1 < n && glued(j) {
            continue;
        }
        if run.clone().step_by(2).all(|k| tags[k].upos == "PROPN") {
            continue;
        }
        // the noun: the last of the nominal words right after the run
        let mut noun = None;
        let mut k = j + 1;
        while k < n && matches!(tags[k].upos, "ADJ" | "NOUN" | "PROPN" | "NUM") {
            if matches!(tags[k].upos, "NOUN" | "PROPN") {
                noun = Some(k);
            }
            k += 1;
        }
        let Some(nn) = noun else { continue };
        if run.clone().all(|x| under_within(deps, x, nn, 8)) {
            continue;
        }
        let phrase = run.start..nn + 1;
        let outside = |h: u32| h == 0 || !phrase.contains(&(h as usize - 1));
        // where the phrase hangs: the noun's own place if it is outside the
        // phrase, else the place the run took
        let place = if outside(deps[nn].head) {
            deps[nn]
        } else {
            match run.clone().find(|&x| outside(deps[x].head)) {
                Some(x) => deps[x],
                None => continue,
            }
        };
        let before = deps.to_vec();
        deps[nn] = place;
        let last = j;
        let last_rel = match tags[last].upos {
            "ADJ" | "VERB" => "amod",
            "NUM" => "nummod",
            _ => "compound",
        };
        deps[last] = dep(nn as u32 + 1, last_rel);
        for x in run.clone().filter(|&x| x != last) {
            let rel = if words[x] == "-" {
                "punct"
            } else {
                match (tags[x].upos, tags[last].upos) {
                    ("ADV", _) => "advmod",
                    ("ADJ", _) => "amod",
                    ("NUM", _) => "nummod",
                    ("ADP", _) => "case",
                    ("NOUN" | "PROPN", "VERB") => "obl:unmarked",
                    _ => "compound",
                }
            };
            let head = if words[x] == "-" { x + 1 } else { last };
            deps[x] = dep(head as u32 + 1, rel);
        }
        // (the words between: "large-scale military drills")
        for x in last + 1..nn {
            let h = deps[x].head as usize;
            if h == 0 || !phrase.contains(&(h - 1)) || run.contains(&(h - 1)) {
                let rel = if tags[x].upos == "ADJ" {
                    "amod"
                } else {
                    "compound"
                };
                deps[x] = dep(nn as u32 + 1, rel);
            }
        }
        // what hung on the run's words outside the phrase: the article,
        // possessor and preposition before it are the noun's; what follows
        // is the noun's too
        for (x, d) in deps[..n].iter_mut().enumerate() {
            let h = d.head as usize;
            if !phrase.contains(&x) && h > 0 && run.contains(&(h - 1)) {
                d.head = nn as u32 + 1;
            }
        }
        if !khaldun_parser::is_tree(&deps[..n]) {
            deps.copy_from_slice(&before);
        }
    }
}

/// "will visit France next month for talks": the parser takes the object
/// before a phrase of time for a modifier of the time noun ("France next
/// month") and hangs the time, and what follows it, elsewhere. A noun
/// right after a verb with no object, made a compound of "next/last/this
/// month" (week, year ...), is that verb's object; the time phrase is the
/// verb's, and so are the phrases after it.
pub(crate) fn repair_object_before_time(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    const TIME: &[&str] = &[
        "month", "week", "year", "weekend", "spring", "summer", "autumn", "fall", "winter",
    ];
    const WHICH: &[&str] = &["next", "last", "this", "coming", "past"];
    for x in 1..deps.len().saturating_sub(2) {
        let v = x - 1;
        let t = x + 2;
        if deps[x].rel.as_str() != "compound"
            || deps[x].head as usize != t + 1
            || !matches!(tags[x].upos, "PROPN" | "NOUN")
            || !WHICH.contains(&tags[x + 1].lemma.to_lowercase().as_str())
            || !TIME.contains(&tags[t].lemma.as_str())
            || tags[v].upos != "VERB"
            || child(deps, v, &["obj"]).is_some()
        {
            continue;
        }
        let before = deps.to_vec();
        deps[x] = dep(v as u32 + 1, "obj");
        deps[t] = dep(v as u32 + 1, "obl:unmarked");
        for d in &mut deps[t + 1..] {
            if d.head as usize == t + 1 && matches!(d.rel.as_str(), "nmod" | "acl") {
                let rel = if d.rel.as_str() == "nmod" {
                    "obl"
                } else {
                    "advcl"
                };
                *d = dep(v as u32 + 1, rel);
            }
        }
        if !khaldun_parser::is_tree(deps) {
            deps.copy_from_slice(&before);
        }
    }
}

/// "rallied in Tel Aviv": the parser hangs the preposition on the first
/// word of a name it split as compound + head and makes the head the
/// verb's object. A preposition on a compound's first word is its head's,
/// and a verb's "object" with a preposition is an oblique.
pub(crate) fn repair_case_on_compound(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for c in 0..deps.len() {
        let m = deps[c].head as usize;
        if deps[c].rel.as_str() != "case" || tags[c].upos != "ADP" || m == 0 || m - 1 != c + 1 {
            continue;
        }
        let m = m - 1;
        let n = deps[m].head as usize;
        if deps[m].rel.as_str() != "compound"
            || n == 0
            || n - 1 <= m
            || (m + 1..n - 1).any(|k| deps[k].head as usize != n)
        {
            continue;
        }
        let n = n - 1;
        deps[c] = dep(n as u32 + 1, "case");
        let h = deps[n].head as usize;
        if deps[n].rel.as_str() == "obj" && h > 0 && tags[h - 1].upos == "VERB" {
            deps[n] = dep(h as u32, "obl");
        }
    }
}

/// "Ukraine's air force said it shot down 25 Russian drones": a subject
/// labelled passive on a past-tense verb with no passive auxiliary is the
/// active subject (the passive needs "was", "were", "got" ...).
pub(crate) fn repair_passive_without_auxiliary(
    tags: &[khaldun_tagger::Tagged<'_>],
    deps: &mut [Dep],
) {
    for s in 0..deps.len() {
        let v = deps[s].head as usize;
        if deps[s].rel.as_str() != "nsubj:pass" || v == 0 {
            continue;
        }
        let v = v - 1;
        // (a participle too, with a pronoun subject: headlines drop "was"
        // before nouns, "Man killed in attack", not before pronouns)
        let past = tags[v].xpos == "VBD" || (tags[v].xpos == "VBN" && tags[s].upos == "PRON");
        if past && child(deps, v, &["aux:pass", "aux", "cop"]).is_none() {
            deps[s] = dep(v as u32 + 1, "nsubj");
        }
    }
}

/// "warned Israel of a harsh response after an air strike killed two
/// generals": the parser makes the object before "after" the subject of the
/// subordinate verb and "after" a preposition of the noun after it. A
/// finite verb right after such an "after" phrase whose subject is before
/// the marker, below the verb above, takes the noun as its subject, the
/// marker as its mark; the first noun is the object of the verb above.
pub(crate) fn repair_subject_across_marker(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for a in 0..deps.len() {
        let Some((n, v)) = marker_noun_verb(tags, deps, a) else {
            continue;
        };
        let Some(s) = child(deps, v, &["nsubj"]).filter(|&s| s < a) else {
            continue;
        };
        let m = deps[v].head as usize;
        if m == 0 || m > s || tags[m - 1].upos != "VERB" || child(deps, m - 1, &["obj"]).is_some() {
            continue;
        }
        deps[s] = dep(m as u32, "obj");
        deps[v] = dep(m as u32, "advcl");
        deps[n] = dep(v as u32 + 1, "nsubj");
        deps[a] = dep(v as u32 + 1, "mark");
    }
}

/// "Germany expelled two Russian diplomats after a Chechen dissident was
/// shot dead in Berlin": the parser makes the object before "after" the
/// passive subject of the verb after it and "was" a clause of its own
/// with the real subject. A passive participle right after "be", whose
/// passive subject comes before the marker that opens the "be" clause,
/// takes that clause's subject, "be" as its auxiliary and the marker as its
/// mark; the first noun is the object of the verb above.
pub(crate) fn repair_passive_across_marker(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for b in 1..deps.len().saturating_sub(1) {
        let v = b + 1;
        if tags[b].lemma != "be" || tags[v].xpos != "VBN" {
            continue;
        }
        let Some(s) = child(deps, v, &["nsubj:pass"]) else {
            continue;
        };
        let Some(n) = child(deps, b, &["nsubj"]) else {
            continue;
        };
        let Some(a) = (s + 1..n).find(|&k| {
            SUBORDINATORS.contains(&tags[k].lemma.to_lowercase().as_str())
                && matches!(deps[k].rel.as_str(), "mark" | "case")
        }) else {
            continue;
        };
        let m = deps[v].head as usize;
        if m == 0
            || m > s
            || tags[m - 1].upos != "VERB"
            || child(deps, m - 1, &["obj"]).is_some()
            || (a + 1..b).any(|k| !under(deps, k, n) && k != n)
        {
            continue;
        }
        deps[s] = dep(m as u32, "obj");
        deps[v] = dep(m as u32, "advcl");
        deps[n] = dep(v as u32 + 1, "nsubj:pass");
        deps[b] = dep(v as u32 + 1, "aux:pass");
        deps[a] = dep(v as u32 + 1, "mark");
        // what hung on "be" is the participle's
        for d in deps.iter_mut() {
            if d.head as usize == b + 1 {
                d.head = v as u32 + 1;
            }
        }
    }
}

/// "will provide $4.5 billion in aid to Ukraine": the parser hangs "in
/// aid" on a verb further up. An "in" phrase right after an amount of money
/// tells what the money is, and hangs on the amount.
pub(crate) fn repair_money_in(
    words: &[&str],
    tags: &[khaldun_tagger::Tagged<'_>],
    deps: &mut [Dep],
) {
    const CURRENCY: &[&str] = &[
        "$", "€", "£", "dollar", "dollars", "euro", "euros", "pound", "pounds", "yuan", "yen",
        "rupees", "rubles", "roubles",
    ];
    for n in 2..deps.len().min(words.len()) {
        let c = n - 1;
        if tags[c].lemma != "in"
            || deps[c].head as usize != n + 1
            || tags[n].upos != "NOUN"
            || !matches!(deps[n].rel.as_str(), "obl" | "nmod" | "obj")
        {
            continue;
        }
        // the amount right before: "$4.5 billion", "500 million euros"
        let last = c - 1;
        if !(tags[last].upos == "NUM" || CURRENCY.contains(&words[last].to_lowercase().as_str())) {
            continue;
        }
        let mut m = last;
        for _ in 0..4 {
            let h = deps[m].head as usize;
            if h == 0
                || h - 1 > last
                || !matches!(deps[m].rel.as_str(), "nummod" | "compound" | "nmod:npmod")
            {
                break;
            }
            m = h - 1;
        }
        let money = CURRENCY.contains(&words[m].to_lowercase().as_str());
        if !money || m >= c || deps[n].head as usize == m + 1 {
            continue;
        }
        let before = deps.to_vec();
        deps[n] = dep(m as u32 + 1, "nmod");
        if !khaldun_parser::is_tree(deps) {
            deps.copy_from_slice(&before);
        }
    }
}

/// "Poland deployed troops after migrants tried to force their way across,
/// and accused Minsk of ...": the parser makes the verb after ", and" a
/// conjunct of the verb inside the subordinate clause before it. A finite
/// verb with no subject, joined by a comma and "and" or "but" to a verb of
/// a clause opened by a subordinator ("after", "when", ...), is a conjunct
/// of the verb that clause hangs on, when that verb is finite in the same
/// tense.
pub(crate) fn repair_and_after_subordinate(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for v in 0..deps.len() {
        if deps[v].rel.as_str() != "conj"
            || !matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP")
            || child(deps, v, &["nsubj", "nsubj:pass", "mark"]).is_some()
        {
            continue;
        }
        let Some(cc) = child(deps, v, &["cc"]).filter(|&c| {
            c > 0
                && c + 1 == v
                && matches!(tags[c].lemma.as_str(), "and" | "but")
                && tags[c - 1].lemma == ","
        }) else {
            continue;
        };
        // up from the verb it joins, through infinitives, to the clause
        // a subordinator opens
        let mut h = deps[v].head as usize;
        for _ in 0..3 {
            if h == 0 || deps[h - 1].rel.as_str() != "xcomp" {
                break;
            }
            h = deps[h - 1].head as usize;
        }
        if h == 0 || h > cc {
            continue;
        }
        let s = h - 1;
        let g = deps[s].head as usize;
        if g == 0 || g - 1 > s || tags[g - 1].xpos != tags[v].xpos {
            continue;
        }
        // (however the parser hung the subordinator: "after hundreds of
        // migrants tried", with "after" the case of "hundreds")
        let opened = matches!(deps[s].rel.as_str(), "advcl" | "parataxis")
            && (g..s).any(|m| {
                SUBORDINATORS.contains(&tags[m].lemma.as_str())
                    && (m + 1..s).all(|k| !matches!(tags[k].upos, "VERB" | "AUX" | "PUNCT"))
            });
        if !opened {
            continue;
        }
        deps[v] = dep(g as u32, "conj");
    }
}

/// "..., a day after Britain imposed sanctions", "hours after the United
/// States expelled": the parser makes the length of time the verb's
/// subject and the actor a phrase on it. A time noun as a verb's subject,
/// with an "after" (or "before", "since") phrase on it right before the
/// verb, gives its subject to the verb and becomes the clause's measure
/// (when the time is set off by a comma or opens the sentence).
pub(crate) fn repair_time_before_subordinate(
    tags: &[khaldun_tagger::Tagged<'_>],
    deps: &mut [Dep],
) {
    const TIME: &[&str] = &[
        "minute", "hour", "day", "week", "month", "year", "moment", "shortly", "night",
    ];
    for v in 0..deps.len() {
        if tags[v].upos != "VERB" || !matches!(tags[v].xpos, "VBD" | "VBZ" | "VBP") {
            continue;
        }
        let Some(t) =
            child(deps, v, &["nsubj"]).filter(|&t| t < v && TIME.contains(&tags[t].lemma.as_str()))
        else {
            continue;
        };
        // the phrase on the time noun, ending right before the verb
        let Some(n) = (t + 1..v).find(|&n| {
            deps[n].head as usize == t + 1
                && deps[n].rel.as_str().starts_with("nmod")
                && matches!(tags[n].upos, "NOUN" | "PROPN" | "PRON")
        }) else {
            continue;
        };
        let Some(m) = child(deps, n, &["case"])
            .filter(|&m| m < n && matches!(tags[m].lemma.as_str(), "after" | "before" | "since"))
        else {
            continue;
        };
        if (n + 1..v).any(|k| !under(deps, k, n)) {
            continue;
        }
        // (set off by a comma or opening the sentence, where the parser
        // takes it for a noun phrase of its own: "..., a day after")
        let start = (0..t)
            .rev()
            .take_while(|&k| deps[k].head as usize == t + 1 && tags[k].upos != "PUNCT")
            .last()
            .unwrap_or(t);
        if start > 0 && tags[start - 1].lemma != "," {
            continue;
        }
        deps[n] = dep(v as u32 + 1, "nsubj");
        deps[m] = dep(v as u32 + 1, "mark");
        deps[t] = dep(v as u32 + 1, "obl:npmod");
    }
}

/// "rallied outside parliament": "outside" (or "inside") right after a
/// verb and before what starts a noun phrase is a preposition, which the
/// tagger may read as an adjective of the noun.
pub(crate) fn repair_outside_preposition(words: &[&str], tags: &mut [khaldun_tagger::Tagged<'_>]) {
    for i in 1..words.len().saturating_sub(1) {
        let w = words[i].to_ascii_lowercase();
        if !matches!(w.as_str(), "outside" | "inside")
            || !matches!(tags[i].xpos, "JJ" | "RB")
            || tags[i - 1].upos != "VERB"
            || !starts_object(tags, i + 1)
        {
            continue;
        }
        let t = &mut tags[i];
        (t.xpos, t.upos, t.feats) = ("IN", "ADP", "_");
    }
}

/// "took its 25 crew members hostage": the parser makes "hostage" the
/// object with the people as its compound. The last compound noun before
/// "hostage" (or "captive") as the object of "take" or "hold" is the
/// object, and "hostage" its predicate, with the phrase's other words.
pub(crate) fn repair_taken_hostage(tags: &[khaldun_tagger::Tagged<'_>], deps: &mut [Dep]) {
    for h in 1..deps.len() {
        let v = deps[h].head as usize;
        if !matches!(tags[h].lemma.as_str(), "hostage" | "captive")
            || deps[h].rel.as_str() != "obj"
            || v == 0
            || !matches!(tags[v - 1].lemma.as_str(), "take" | "hold")
        {
            continue;
        }
        let n = h - 1;
        if deps[n].head as usize != h + 1
            || deps[n].rel.as_str() != "compound"
            || tags[n].upos != "NOUN"
        {
            continue;
        }
        for d in deps.iter_mut().take(n) {
            if d.head as usize == h + 1 {
                d.head = n as u32 + 1;
            }
        }
        deps[n] = dep(v as u32, "obj");
        deps[h] = dep(v as u32, "xcomp");
    }
}

/// "would meet Russian President Vladimir Putin": a capitalized adjective
/// taken for the verb's complement, with the titled name hung on it. The
/// name is the object; the adjective modifies the title after it.
pub(crate) fn repair_nationality_complement(
    words: &[&str],
    tags: &[khaldun_tagger::Tagged<'_>],
    deps: &mut [Dep],
) {
    const LINKING: &[&str] = &[
        "be", "become", "remain", "seem", "stay", "turn", "look", "sound", "feel", "get", "prove",
        "appear", "go",
    ];
    for a in 0..deps.len().saturating_sub(1) {
        let v = deps[a].head as usize;
        let capital = words[a].chars().next().is_some_and(char::is_uppercase);
        if deps[a].rel.as_str() != "xcomp"
            || tags[a].xpos != "JJ"
            || !capital
            || v == 0
            || v > a
            || tags[v - 1].upos != "VERB"
            || LINKING.contains(&tags[v - 1].lemma.as_str())
            || tags[a + 1].xpos != "NNP"
        {
            continue;
        }
        // the name: the last of the proper nouns after the adjective that
        // hangs on it (its flat parts after it)
        let mut end = a + 1;
        while end < deps.len() && tags[end].xpos == "NNP" {
            end += 1;
        }
        // (or on a clause hung on it: "... Putin in Alaska to discuss", the
        // name taken for the subject of "discuss")
        let outside = |k: usize| {
            let h = deps[k].head as usize;
            h != 0 && !(a + 2..=end).contains(&h)
        };
        let Some(n) = (a + 1..end).rev().find(|&k| {
            let h = deps[k].head as usize;
            outside(k)
                && deps[k].rel.as_str() != "flat"
                && (h == a + 1 || (h != 0 && deps[h - 1].head as usize == a + 1))
        }) else {
            continue;
        };
        let clause = deps[n].head as usize != a + 1;
        for (k, d) in deps.iter_mut().enumerate() {
            if d.head as usize == a + 1 && k != n {
                // (a clause goes to the verb: "to discuss" is the meeting's)
                let verbal = tags[k].upos == "VERB";
                d.head = if verbal || clause {
                    v as u32
                } else {
                    n as u32 + 1
                };
            }
        }
        deps[n] = dep(v as u32, "obj");
        let title = if n > a + 1 { a + 1 } else { n };
        deps[a] = dep(title as u32 + 1, "amod");
    }
}
