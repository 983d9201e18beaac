//! Command-line arguments, as typed (resolved into settings by each command).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// khaldun turns news text into political event data.
#[derive(Debug, Parser)]
#[command(name = "khaldun", version, about, max_term_width = 100)]
pub struct Cli {
    /// Write output here instead of stdout.
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// No progress bar, warnings or summary on stderr.
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split articles into paragraphs (with layout kinds), sentences and tokens; one JSON object per document.
    Segment(SegmentArgs),
    /// Tag, lemmatize, find entities and parse: CoNLL-U or JSON.
    Parse(ParseArgs),
    /// Find actors (dictionary matches, country + sector phrases): one JSON object per
    /// document, or a corpus-level registry with --registry.
    Actors(ActorsArgs),
    /// Code events (CAMEO and PLOVER) with their actors and evidence: one JSON line per event
    /// by default.
    Code(CodeArgs),
    /// Quotes with their speakers and reporting verbs: one JSON line per quote.
    Quotes(QuotesArgs),
    /// Score khaldun against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model from gold data (written to --output).
    #[command(subcommand)]
    Train(TrainCommand),
    /// Actor dictionaries: convert PETRARCH files into khaldun's format.
    #[command(subcommand)]
    Dict(DictCommand),
}

#[derive(Debug, Subcommand)]
pub enum DictCommand {
    /// Convert PETRARCH2/Phoenix actor and agent dictionaries in a folder into khaldun's
    /// format (one output file per input, same name); discards and issues are reported, not converted.
    Convert {
        /// Folder of PETRARCH dictionaries (`*.actors.txt`, `*agents*.txt`, ...).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Folder to write the converted files into (created if missing).
        #[arg(long, value_name = "DIR")]
        out_dir: PathBuf,
        /// Stop at the first malformed entry instead of warning and leaving it out.
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// The POS tagger and lemmatizer, from CoNLL-U.
    Tagger {
        /// Training CoNLL-U file(s).
        #[arg(long, required = true, value_name = "FILE.conllu")]
        train: Vec<PathBuf>,
        /// Training passes.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Shuffling seed (training is deterministic given it).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The dependency parser, from CoNLL-U, on K-fold jackknifed tags (as at run time).
    Parser {
        /// Training CoNLL-U file(s).
        #[arg(long, required = true, value_name = "FILE.conllu")]
        train: Vec<PathBuf>,
        /// Jackknife folds for the training tags (0: keep the file's tags, e.g. gold).
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Training passes.
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// Shuffling seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The named-entity tagger, from IOB2 (features use the built-in tagger).
    Ner {
        /// Training IOB2 file(s).
        #[arg(long, required = true, value_name = "FILE.iob2")]
        train: Vec<PathBuf>,
        /// Training passes.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Shuffling seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The sentence-boundary model (for boundaries punctuation does not mark), from CoNLL-U gold.
    Boundary {
        /// Gold CoNLL-U file(s), e.g. UD English EWT train.
        #[arg(long, required = true, value_name = "FILE.conllu")]
        gold: Vec<PathBuf>,
        /// Edited news articles (JSON lines) whose sentences all end in punctuation: their
        /// unpunctuated capitalized gaps become negative examples, so the model keeps
        /// "Prime Minister Narendra Modi" whole in news.
        #[arg(long, value_name = "FILE.jsonl")]
        news: Vec<PathBuf>,
        /// Use only the first N news articles (the rest stay unseen, to measure on).
        #[arg(long, value_name = "N")]
        news_limit: Option<usize>,
        /// Training passes.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Shuffling seed (training is deterministic given it).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// How input is read (shared by every command that reads articles).
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Files or folders to read (`-` or nothing for stdin). Folders are walked recursively.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Read the built-in example article instead of inputs.
    #[arg(long, conflicts_with = "inputs")]
    pub example: bool,
    /// Input format; by default guessed from the file extension, then the content.
    #[arg(long, value_enum)]
    pub format_in: Option<InputFormat>,
    /// Date (YYYY-MM-DD) for documents whose input has none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Repair invalid UTF-8 (with a warning) instead of refusing the record.
    #[arg(long)]
    pub lossy: bool,
    /// Largest record accepted, in bytes (a file, or one JSON line).
    #[arg(long, default_value_t = 16 << 20, value_name = "BYTES")]
    pub max_record_bytes: usize,
    /// JSON field holding the id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// JSON field holding the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// JSON field holding the date.
    #[arg(long, default_value = "date", value_name = "NAME")]
    pub date_field: String,
    /// JSON field holding the headline.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_field: String,
    /// Stop at the first bad record.
    #[arg(long)]
    pub fail_fast: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    /// One article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// An HTML page.
    Html,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// End sentences at punctuation only (no learned boundaries for unpunctuated text).
    #[arg(long)]
    pub rules_only: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ParseFormat {
    /// CoNLL-U (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC), `# sent_id`, `# text`.
    Conllu,
    /// One JSON object per document.
    Json,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "conllu")]
    pub format: ParseFormat,
    /// Input is one sentence per line, tokens separated by single spaces.
    #[arg(long)]
    pub pretokenized: bool,
}

#[derive(Debug, Args)]
pub struct ActorsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print a corpus-level table instead, one JSON line per actor and code: name, code,
    /// count, first_date, last_date, found_by.
    #[arg(long)]
    pub registry: bool,
    /// With --registry: also write proposed dictionary entries (khaldun's actor lines) for the
    /// persons and organizations found in no dictionary to FILE.
    #[arg(long, value_name = "FILE", requires = "registry")]
    pub propose: Option<PathBuf>,
    /// Also match the actors and agents of the PETRARCH2/Phoenix dictionaries in DIR.
    #[arg(long, value_name = "DIR")]
    pub petrarch_dicts: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CodeFormat {
    /// One JSON object per event.
    Events,
    /// One JSON object per document: actors and events.
    Docs,
    /// A tab-separated table with a header row, one event per row (Phoenix-style).
    Tsv,
    /// PLOVER-style JSON records, one per event.
    Plover,
}

#[derive(Debug, Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "events")]
    pub format: CodeFormat,
    /// Also match the actors and agents of the PETRARCH2/Phoenix dictionaries in DIR.
    #[arg(long, value_name = "DIR")]
    pub petrarch_dicts: Option<PathBuf>,
    /// Code with the verb patterns of this PETRARCH2 verb dictionary (e.g. CAMEO.2.0.txt)
    /// instead of khaldun's own patterns.
    #[arg(long, value_name = "FILE")]
    pub petrarch_verbs: Option<PathBuf>,
    /// Code captions, headings, datelines and bylines too (body text only by default).
    #[arg(long)]
    pub all_paragraphs: bool,
    /// Keep negated events ("did not meet"), marked `"negated": true`.
    #[arg(long)]
    pub keep_negated: bool,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Direct quotes only (in quotation marks), no reported speech.
    #[arg(long)]
    pub direct_only: bool,
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Token and sentence F1 of the segmenter against CoNLL-U gold (e.g. UD English EWT dev).
    Segment {
        /// Gold CoNLL-U file(s); documents come from `# newdoc`, paragraphs from `# newpar`.
        #[arg(long, required = true, value_name = "FILE.conllu")]
        gold: Vec<PathBuf>,
        /// List up to N sentence-boundary and token errors.
        #[arg(long, default_value_t = 0, value_name = "N")]
        show_errors: usize,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// Score the punctuation rules alone (no learned boundary model).
        #[arg(long)]
        rules_only: bool,
    },
    /// UPOS, XPOS, FEATS, lemma, UAS and LAS against CoNLL-U gold (e.g. EWT test).
    Ud {
        /// Gold CoNLL-U file.
        #[arg(long, value_name = "FILE.conllu")]
        gold: PathBuf,
        /// End to end from raw text (the gold `# text` lines), words aligned by character
        /// offsets; by default the gold words are given.
        #[arg(long)]
        raw: bool,
        /// Score this CoNLL-U file (any system's output, same text) instead of running khaldun.
        #[arg(long, value_name = "FILE.conllu", conflicts_with = "raw")]
        system: Option<PathBuf>,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Actor recall against gold event records (JSON lines with `text` and `events[].source/target`
    /// codes, e.g. PLOVER GSR): the share of gold actors whose country (first three letters of the
    /// code) is among the actors khaldun finds in the sentence, and sector agreement.
    Actors {
        /// Gold JSON lines (the format of ../shared/data/gold, see its SCHEMA.md).
        #[arg(long, value_name = "FILE.jsonl")]
        gold: PathBuf,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Event coding against gold event records (JSON lines, the format of ../shared/data/gold):
    /// detection P/R/F1, CAMEO root F1, CAMEO root and code, PLOVER type, source and target
    /// accuracy, overall and per category; misses and false alarms with their evidence.
    Events {
        /// Gold JSON lines (e.g. plover_gsr.dev.jsonl, petr2_gsr_validation.dev.jsonl).
        #[arg(value_name = "GOLD.jsonl")]
        gold: PathBuf,
        /// Also match the actors and agents of the PETRARCH2/Phoenix dictionaries in DIR.
        #[arg(long, value_name = "DIR")]
        petrarch_dicts: Option<PathBuf>,
        /// Code with the verb patterns of this PETRARCH2 verb dictionary (e.g. CAMEO.2.0.txt)
        /// instead of khaldun's own patterns.
        #[arg(long, value_name = "FILE")]
        petrarch_verbs: Option<PathBuf>,
        /// List up to N misses and false alarms.
        #[arg(long, default_value_t = 0, value_name = "N")]
        show_errors: usize,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Quote extraction against hand-annotated quotes (byte spans and speakers, e.g.
    /// crates/eval/data/wikinews-quotes.jsonl): direct and reported-speech span P/R/F1,
    /// speaker accuracy, scare quotes taken for quotes.
    Quotes {
        /// Gold quote annotations (JSON lines: doc, start, end, kind, speaker).
        #[arg(long, value_name = "FILE.jsonl")]
        gold: PathBuf,
        /// The articles they point into (JSON lines with id and text).
        #[arg(long, value_name = "FILE.jsonl")]
        articles: PathBuf,
        /// List up to N speaker errors.
        #[arg(long, default_value_t = 0, value_name = "N")]
        show_errors: usize,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// PETRARCH2's unit tests (petr_unittest.jsonl) through khaldun's parser and coder with the
    /// PETR.Validate.{verbs,actors,agents,discards}.txt dictionaries: the share of records whose
    /// (source, target, code) set equals the gold set, overall and by category.
    PetrUnittest {
        /// The unit-test records (JSON lines).
        #[arg(
            value_name = "FILE.jsonl",
            default_value = "../shared/data/gold/petr_unittest.jsonl"
        )]
        gold: PathBuf,
        /// The folder with the PETR.Validate.* dictionaries.
        #[arg(long, value_name = "DIR", default_value = "../shared/data/petrarch2")]
        dicts: PathBuf,
        /// List up to N failing records with gold and khaldun's events.
        #[arg(long, default_value_t = 0, value_name = "N")]
        show_errors: usize,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Recall of gold Temporal entities (JSON lines with `text`, `date` and `entities` whose
    /// code-point `start`/`end`, `type` and `gold` follow ../shared/data/gold, e.g.
    /// re3d.dev.jsonl): an entity is found when a date expression khaldun finds overlaps it.
    Dates {
        /// Gold JSON lines.
        #[arg(long, value_name = "FILE.jsonl")]
        gold: PathBuf,
        /// List up to N missed entities and expressions outside gold Temporal entities.
        #[arg(long, default_value_t = 0, value_name = "N")]
        show_errors: usize,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Entity-level precision, recall and F1 per type against IOB2 gold.
    Ner {
        /// Gold IOB2 file (e.g. UNER English EWT).
        #[arg(long, value_name = "FILE.iob2")]
        gold: PathBuf,
        /// Score this IOB2 file (same tokens) instead of running khaldun.
        #[arg(long, value_name = "FILE.iob2")]
        system: Option<PathBuf>,
        /// Make entity labels consistent within each document, as `parse`
        /// does (documents: consecutive sentences whose `# sent_id` is the
        /// same once its `-NNNN` sentence number is dropped).
        #[arg(long, conflicts_with = "system")]
        docs: bool,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
}
