//! HTML pages: the article body, without scripts, navigation or boilerplate.

use crate::{decode, ErrorKind, ReaderOptions, Record, RecordError};
use khaldun_types::Document;

pub(crate) fn document(name: &str, bytes: &[u8], opts: &ReaderOptions) -> Record {
    let mut warnings = Vec::new();
    let html = match decode(name, None, bytes, opts.lossy, &mut warnings) {
        Ok(t) => t,
        Err(e) => return Record::Error(e),
    };
    match extract(&html) {
        Ok(a) if !a.text.trim().is_empty() => {
            let doc = Document {
                id: name.to_string(),
                date: a
                    .date
                    .map(|d| crate::normalize_date(&d))
                    .or_else(|| opts.default_date.clone()),
                title: a.title,
                url: a.url,
                source: a.source,
                text: a.text,
            };
            Record::Doc { doc, warnings }
        }
        Ok(_) => Record::Error(RecordError::new(
            ErrorKind::Html,
            "no article text found in the HTML page",
            name,
        )),
        Err(msg) => Record::Error(RecordError::new(ErrorKind::Html, msg, name)),
    }
}

/// What the page gave.
pub(crate) struct Article {
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Paragraphs separated by blank lines.
    pub text: String,
}

#[cfg(feature = "html")]
pub(crate) fn extract(html: &str) -> Result<Article, String> {
    use dom_smoothie::{Config, Readability, TextMode};
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut r =
        Readability::new(html, None, Some(cfg)).map_err(|e| format!("cannot parse HTML: {e}"))?;
    let a = r
        .parse()
        .map_err(|e| format!("no article found in the HTML page: {e}"))?;
    let nonempty = |s: String| (!s.trim().is_empty()).then(|| s.trim().to_string());
    Ok(Article {
        title: nonempty(a.title.to_string()),
        date: a.published_time.map(|t| t.to_string()).and_then(nonempty),
        url: a.url.map(|t| t.to_string()).and_then(nonempty),
        source: a.site_name.map(|t| t.to_string()).and_then(nonempty),
        text: tidy(&a.text_content),
    })
}

#[cfg(not(feature = "html"))]
pub(crate) fn extract(_html: &str) -> Result<Article, String> {
    Err("HTML input needs khaldun built with the `html` feature".into())
}

/// Paragraphs one blank line apart, lines trimmed, runs of blank lines merged.
#[cfg_attr(not(feature = "html"), allow(dead_code))]
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(l);
    }
    out
}
