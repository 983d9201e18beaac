//! Date and time expressions, resolved against the document date.
//!
//! [`find_dates`] scans every sentence's tokens for absolute dates
//! ("August 27, 2020", "27 Aug", "2020-08-27", "08/27/2020", "in 2019",
//! "mid-August", "the 1990s") and relative ones ("today", "Wednesday
//! evening", "last week", "two days ago", "since the beginning of the year",
//! "in recent months"), and resolves each against the document date into a
//! day or an inclusive interval of days. [`for_trigger`] picks the expression
//! attached to an event's trigger through the dependency tree.
//!
//! ```
//! use khaldun_actors::Date;
//! use khaldun_events::dates::{find_dates, Precision};
//! use khaldun_text::Segmenter;
//! let text = "Parly arrived Wednesday evening and met officials today.";
//! let seg = Segmenter::default().segment(text);
//! let doc = Date::parse("2020-08-27").ok();
//! let found = find_dates(text, &seg, None, doc);
//! assert_eq!(found[0].text, "Wednesday evening");
//! assert_eq!(found[0].value.unwrap().to_string(), "2020-08-26");
//! assert_eq!(found[1].precision, Precision::Day);
//! ```
//!
//! Rules, where news usage is ambiguous:
//! - a bare weekday or month ("Wednesday", "in August") is the most recent
//!   one on or before the document date, or the next one on or after it when
//!   the governing verb is future (will, shall, scheduled/expected/plans to,
//!   is to, present progressive) — known only with the sentence's analysis;
//!   "last Friday" is strictly before, "next Friday" strictly after;
//! - a day and month without a year ("Aug. 27") take the year that puts them
//!   nearest the document date (a weekday beside it, "Thursday, Dec. 15",
//!   picks among years where it matches);
//! - `NN/NN/YYYY` is month/day (US news convention) unless the first number
//!   exceeds 12, then day/month;
//! - weeks run Monday to Sunday; "early/mid/late" are thirds of a month
//!   (1–10, 11–20, 21–end) or of a year (Jan–Apr, May–Aug, Sep–Dec);
//! - vague counts: "a few" is 2–4, "several" 3–7, "a couple of" 2; "recent
//!   days/weeks/months/years" are the past 7 days, 4 weeks, 6 months, 5 years;
//! - expressions relative to another event ("the following day") and every
//!   expression without a document date are kept with a null value.

use khaldun_actors::Date;
use khaldun_analysis::AnalyzedSentence;
use khaldun_types::{Segmented, Span};
use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Range;

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// One day ("Wednesday evening", "Aug. 27").
    Day,
    /// A Monday–Sunday week ("last week").
    Week,
    /// A calendar month ("in August").
    Month,
    /// A calendar year ("in 2019", "last year").
    Year,
    /// A decade ("the 1990s").
    Decade,
    /// Any other range ("since the beginning of the year", "mid-August").
    Interval,
}

impl Precision {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Interval => "interval",
        }
    }
}

/// A resolved date: one day, or an inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// One day.
    Day(Date),
    /// From the first to the last day, both included.
    Interval(Date, Date),
}

impl DateValue {
    /// The first day.
    pub fn start(self) -> Date {
        match self {
            DateValue::Day(d) | DateValue::Interval(d, _) => d,
        }
    }

    /// The last day.
    pub fn end(self) -> Date {
        match self {
            DateValue::Day(d) | DateValue::Interval(_, d) => d,
        }
    }
}

/// Written `2020-08-26`, or as an ISO interval `2020-01-01/2020-08-27`.
impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Day(d) => write!(f, "{d}"),
            DateValue::Interval(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date or time expression found in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// The words as written.
    pub text: String,
    /// Where, in the document text.
    pub span: Span,
    /// The resolved day or interval; null without a document date or when
    /// the expression is relative to another event ("the following day").
    pub value: Option<DateValue>,
    /// How precise the expression is (known even when unresolved).
    pub precision: Precision,
    /// Part of the day or time ("evening", "20:00"), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Sentence index in the document.
    #[serde(skip)]
    pub sentence: usize,
    /// Token indices within the sentence.
    #[serde(skip)]
    pub tokens: Range<usize>,
}

// ---------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days counted from 1970-01-01).

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1–12) of year `y`; 0 for a month that does not exist.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date from numbers, `None` unless it is a real day `Date` can hold.
fn ymd(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn to_days(d: Date) -> i64 {
    let (y, m, d) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after 1970-01-01, if `Date` can hold it.
fn from_days(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    ymd(i32::try_from(y).ok()?, m as u32, d as u32)
}

/// Day of the week, 0 = Monday … 6 = Sunday.
pub fn weekday(d: Date) -> u32 {
    // 1970-01-01 was a Thursday
    (to_days(d) + 3).rem_euclid(7) as u32
}

/// `d` moved by `n` days (negative: back), if still representable.
pub fn add_days(d: Date, n: i64) -> Option<Date> {
    from_days(to_days(d).checked_add(n)?)
}

/// The first and last day of month `m` of year `y`.
fn month_range(y: i32, m: u32) -> Option<(Date, Date)> {
    Some((ymd(y, m, 1)?, ymd(y, m, days_in_month(y, m))?))
}

/// The year and month `k` months after `y`-`m`.
fn shift_month(y: i32, m: u32, k: i64) -> (i32, u32) {
    let n = i64::from(y) * 12 + i64::from(m) - 1 + k;
    (n.div_euclid(12) as i32, (n.rem_euclid(12) + 1) as u32)
}

/// `d` moved by `k` months, the day clamped to the month's length.
fn add_months(d: Date, k: i64) -> Option<Date> {
    let (y, m) = shift_month(i32::from(d.year()), u32::from(d.month()), k);
    ymd(y, m, u32::from(d.day()).min(days_in_month(y, m)))
}

fn year_range(y: i32) -> Option<(Date, Date)> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

/// The Monday–Sunday week holding `d`.
fn week_range(d: Date) -> Option<(Date, Date)> {
    let mon = add_days(d, -i64::from(weekday(d)))?;
    Some((mon, add_days(mon, 6)?))
}

// ---------------------------------------------------------------------------
// Expressions before resolution.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// Which occurrence of a recurring day, month or season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    /// By the verb's tense.
    Tense,
    /// "last": strictly before.
    Last,
    /// "next": strictly after.
    Next,
    /// "this": in the current week/year.
    This,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    /// A calendar date, partly given; `wd` is a weekday written beside it.
    Cal {
        y: Option<i32>,
        m: Option<u32>,
        d: Option<u32>,
        wd: Option<u32>,
    },
    /// Days `d1..=d2` of a month ("October 25-26, 2016").
    DayRange {
        y: Option<i32>,
        m: u32,
        d1: u32,
        d2: u32,
    },
    /// Years `a..=b` ("1990-91").
    YearRange(i32, i32),
    /// The decade starting in the given year.
    Decade(i32),
    /// Days from the document date (today 0, yesterday -1).
    Rel(i64),
    /// A weekday (0 = Monday).
    Weekday(u32, Dir),
    /// A month name without a year.
    Month(u32, Dir),
    /// The calendar week/month/year `k` units from the document date's.
    Unit(Unit, i64),
    /// Saturday–Sunday of the week `k` weeks from the document date's.
    Weekend(i64),
    /// A season (0 spring … 3 winter) in a year or relative to the document.
    Season(u32, Option<i32>, Dir),
    /// The first, middle or last third (0, 1, 2) of an expression.
    Third(u8, Box<Expr>),
    /// From the start of the current unit to the document date.
    Earlier(Unit),
    /// From the document date to the end of the current unit.
    Later(Unit),
    /// Between `hi` and `lo` units ago.
    Ago(Unit, i64, i64),
    /// The past `n` units up to the document date.
    Past(Unit, i64),
    /// The coming `n` units from the document date.
    Coming(Unit, i64),
    /// From the start of an expression to the document date.
    Since(Box<Expr>),
    /// Relative to another event: unresolved.
    Anaphoric(Precision),
    /// A time of day alone: the document date.
    Time,
}

/// A parsed expression over tokens `..end`.
#[derive(Debug, Clone)]
struct Parsed {
    end: usize,
    expr: Expr,
    part: Option<String>,
}

use khaldun_text::calendar::{MONTHS, WEEKDAYS};
const PARTS: [&str; 6] = ["morning", "afternoon", "evening", "night", "dawn", "midday"];

/// Month number from a name or abbreviation ("Aug.", "Sept").
fn month_of(lower: &str) -> Option<u32> {
    let w = lower.strip_suffix('.').unwrap_or(lower);
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    let i = match w {
        "jan" => 0,
        "feb" => 1,
        "mar" => 2,
        "apr" => 3,
        "jun" => 5,
        "jul" => 6,
        "aug" => 7,
        "sep" | "sept" => 8,
        "oct" => 9,
        "nov" => 10,
        "dec" => 11,
        _ => return None,
    };
    Some(i + 1)
}

fn weekday_of(lower: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|w| *w == lower).map(|i| i as u32)
}

fn season_of(lower: &str) -> Option<u32> {
    Some(match lower {
        "spring" => 0,
        "summer" => 1,
        "autumn" | "fall" => 2,
        "winter" => 3,
        _ => return None,
    })
}

fn unit_of(lower: &str) -> Option<Unit> {
    Some(match lower.strip_suffix('s').unwrap_or(lower) {
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

fn precision_of(u: Unit) -> Precision {
    match u {
        Unit::Hour | Unit::Day => Precision::Day,
        Unit::Week => Precision::Week,
        Unit::Month => Precision::Month,
        Unit::Year => Precision::Year,
        Unit::Decade => Precision::Decade,
    }
}

/// A day of the month: "27", "27th", "1st".
fn day_num(lower: &str) -> Option<u32> {
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

/// A four-digit year (1000–2999).
fn year_num(lower: &str) -> Option<i32> {
    if lower.len() != 4 || !lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = lower.parse().ok()?;
    (1000..3000).contains(&y).then_some(y)
}

/// A count written in digits or words (1–999; "20-plus" is 20).
fn count(lower: &str) -> Option<i64> {
    let lower = ["-plus", "-odd", "+"]
        .iter()
        .find_map(|x| lower.strip_suffix(x))
        .unwrap_or(lower);
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if let Some(i) = WORDS.iter().position(|w| *w == lower) {
        return Some(i as i64 + 1);
    }
    match lower {
        "a" | "an" => return Some(1),
        "fifteen" => return Some(15),
        "twenty" => return Some(20),
        "thirty" => return Some(30),
        _ => {}
    }
    if lower.len() <= 3 && !lower.is_empty() && lower.bytes().all(|b| b.is_ascii_digit()) {
        return lower.parse().ok().filter(|&n: &i64| n > 0);
    }
    None
}

/// `YYYY-MM-DD` in one token.
fn iso_date(w: &str) -> Option<(i32, u32, u32)> {
    let b = w.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Some((
        w[..4].parse().ok()?,
        w[5..7].parse().ok()?,
        w[8..].parse().ok()?,
    ))
}

/// `MM/DD/YYYY` (US order) or `DD/MM/YYYY` when the first number exceeds 12;
/// two-digit years are 2000–2049 or 1950–1999.
fn slash_date(w: &str) -> Option<(i32, u32, u32)> {
    let mut it = w.split('/');
    let (a, b, c) = (it.next()?, it.next()?, it.next()?);
    let num = |s: &str, max: usize| -> Option<u32> {
        (!s.is_empty() && s.len() <= max && s.bytes().all(|x| x.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if it.next().is_some() || !(c.len() == 2 || c.len() == 4) {
        return None;
    }
    let (a, b, y) = (num(a, 2)?, num(b, 2)?, num(c, 4)? as i32);
    let y = match (c.len(), y) {
        (2, y) if y < 50 => 2000 + y,
        (2, y) => 1900 + y,
        _ => y,
    };
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// A time of day in one or two tokens: "8 p.m.", "8pm", "10:30", "noon".
/// Returns the end and the time as `HH:MM`.
fn time_at(t: &Toks, i: usize) -> Option<(usize, String)> {
    let w = t.low(i)?;
    match w {
        "noon" | "midday" => return Some((i + 1, "12:00".into())),
        "midnight" => return Some((i + 1, "00:00".into())),
        _ => {}
    }
    let is_ampm = |s: &str| matches!(s, "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m");
    let (num, mut ampm, mut end) = match w.find(|c: char| c.is_ascii_alphabetic()) {
        Some(k) if k > 0 && is_ampm(&w[k..]) => (&w[..k], Some(&w[k..]), i + 1),
        Some(_) => return None,
        None => (w, None, i + 1),
    };
    if ampm.is_none() {
        if let Some(n) = t.low(i + 1).filter(|n| is_ampm(n)) {
            ampm = Some(n);
            end = i + 2;
        }
    }
    let (h, m) = match num.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        Some(_) => return None,
        None => (num.parse::<u32>().ok()?, 0),
    };
    if h > 23 || m > 59 || num.len() > 5 {
        return None;
    }
    let h = match ampm {
        Some(a) if a.starts_with('p') && h < 12 => h + 12,
        Some(a) if a.starts_with('a') && h == 12 => 0,
        Some(_) if h > 12 => return None,
        Some(_) => h,
        // a bare number is a time only as "10:30" or before "GMT"/"local time"
        None if num.contains(':') || matches!(t.low(end), Some("gmt" | "utc" | "hours")) => h,
        None => return None,
    };
    if matches!(t.low(end), Some("gmt" | "utc")) {
        end += 1;
    } else if t.low(end) == Some("local") && t.low(end + 1) == Some("time") {
        end += 2;
    }
    Some((end, format!("{h:02}:{m:02}")))
}

/// One sentence's tokens.
struct Toks<'a> {
    words: Vec<&'a str>,
    lower: Vec<String>,
}

impl<'a> Toks<'a> {
    fn low(&self, i: usize) -> Option<&str> {
        self.lower.get(i).map(String::as_str)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.low(i) == Some(w)
    }

    fn any(&self, i: usize, ws: &[&str]) -> bool {
        self.low(i).is_some_and(|l| ws.contains(&l))
    }

    /// Capitalized as a name ("Wednesday", "AUGUST").
    fn capital(&self, i: usize) -> bool {
        self.words
            .get(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn prev(&self, i: usize) -> Option<&str> {
        i.checked_sub(1).and_then(|p| self.low(p))
    }

    /// A capitalized month name or abbreviation at `i`.
    fn month(&self, i: usize) -> Option<u32> {
        self.capital(i).then(|| month_of(self.low(i)?)).flatten()
    }

    fn weekday(&self, i: usize) -> Option<u32> {
        self.capital(i).then(|| weekday_of(self.low(i)?)).flatten()
    }

    /// A part of the day after `i`: "evening".
    fn part(&self, i: usize) -> Option<String> {
        let w = self.low(i)?;
        PARTS.contains(&w).then(|| w.to_string())
    }
}

/// Extends `p` with a following part of day or time ("evening", "at 8 p.m.").
fn with_time(t: &Toks, mut p: Parsed) -> Parsed {
    if p.part.is_none() {
        if let Some(part) = t.part(p.end) {
            p.part = Some(part);
            p.end += 1;
        }
    }
    let at = usize::from(t.is(p.end, "at") || t.is(p.end, "around"));
    if let Some((end, time)) = time_at(t, p.end + at) {
        p.part = Some(time);
        p.end = end;
    }
    p
}

/// The longest expression starting at token `i`.
fn parse_at(t: &Toks, i: usize) -> Option<Parsed> {
    if t.is(i, "since") {
        let p = core(t, i + 1)?;
        let bounded = !matches!(
            p.expr,
            Expr::Anaphoric(_) | Expr::Time | Expr::Earlier(_) | Expr::Past(..) | Expr::Since(_)
        );
        return bounded.then(|| Parsed {
            end: p.end,
            expr: Expr::Since(Box::new(p.expr)),
            part: None,
        });
    }
    // "8 p.m. on Wednesday", "10:30 a.m. Thursday"
    if let Some((end, time)) = time_at(t, i) {
        let on = usize::from(t.is(end, "on"));
        if let Some(mut p) = core(t, end + on).filter(|p| is_dayish(&p.expr)) {
            p.part = Some(time);
            return Some(p);
        }
        return Some(Parsed {
            end,
            expr: Expr::Time,
            part: Some(time),
        });
    }
    core(t, i).map(|p| {
        if is_dayish(&p.expr) {
            with_time(t, p)
        } else {
            p
        }
    })
}

fn is_dayish(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Rel(_) | Expr::Weekday(..) | Expr::Cal { d: Some(_), .. }
    )
}

/// An expression without "since" or times around it.
fn core(t: &Toks, i: usize) -> Option<Parsed> {
    let w = t.low(i)?;
    let p = |end, expr| {
        Some(Parsed {
            end,
            expr,
            part: None,
        })
    };
    match w {
        "today" => return p(i + 1, Expr::Rel(0)),
        "yesterday" => return p(i + 1, Expr::Rel(-1)),
        "tomorrow" => return p(i + 1, Expr::Rel(1)),
        "tonight" => {
            return Some(Parsed {
                end: i + 1,
                expr: Expr::Rel(0),
                part: Some("night".into()),
            })
        }
        "this" | "last" | "next" | "past" | "coming" => {
            if let Some(r) = relative(t, i) {
                return Some(r);
            }
        }
        "earlier" | "later" => {
            // "earlier this year", "later in the month", "earlier today"
            if t.any(i + 1, &["today", "tonight"]) {
                return p(i + 2, Expr::Rel(0));
            }
            let k = if t.is(i + 1, "this") {
                i + 2
            } else if t.is(i + 1, "in") && t.is(i + 2, "the") {
                i + 3
            } else {
                return None;
            };
            let u = t.low(k).and_then(unit_of)?;
            if !matches!(u, Unit::Week | Unit::Month | Unit::Year) || t.is(k, "weeks") {
                return None;
            }
            let e = if w == "earlier" {
                Expr::Earlier(u)
            } else {
                Expr::Later(u)
            };
            return p(k + 1, e);
        }
        "early" | "mid" | "late" | "mid-" => {
            let k = i + 1 + usize::from(t.is(i + 1, "-"));
            let third = match w {
                "early" => 0,
                "late" => 2,
                _ => 1,
            };
            return third_of(t, k, third);
        }
        "recent" => return recent(t, i),
        "the" => return the(t, i),
        "that" if t.any(i + 1, &["day", "night", "morning", "evening"]) => {
            return p(i + 2, Expr::Anaphoric(Precision::Day))
        }
        _ => {}
    }
    // "mid-August", "early-2019"
    for (pre, third) in [("mid-", 1), ("early-", 0), ("late-", 2)] {
        if let Some(rest) = w.strip_prefix(pre) {
            let rest = rest.to_string();
            let e = if let Some(y) = year_num(&rest) {
                Expr::Cal {
                    y: Some(y),
                    m: None,
                    d: None,
                    wd: None,
                }
            } else {
                let m = month_of(&rest)?;
                let y = t.low(i + 1).and_then(year_num);
                let end = i + 1 + usize::from(y.is_some());
                return p(end, Expr::Third(third, Box::new(month_expr(m, y))));
            };
            return p(i + 1, Expr::Third(third, Box::new(e)));
        }
    }
    if let Some((y, m, d)) = iso_date(w).or_else(|| slash_date(w)) {
        return p(
            i + 1,
            Expr::Cal {
                y: Some(y),
                m: Some(m),
                d: Some(d),
                wd: None,
            },
        );
    }
    // "Dec.14th": abbreviation glued to its day
    if let Some((a, b)) = w.split_once('.') {
        if let (Some(m), Some(d)) = (month_of(a), day_num(b)) {
            if t.capital(i) {
                return month_day_tail(t, i + 1, m, d, None);
            }
        }
    }
    if let Some(wd) = t.weekday(i) {
        // "Thursday, Dec. 15", "Monday 19 December"
        let k = i + 1 + usize::from(t.is(i + 1, ","));
        if let Some(mut q) = core(t, k) {
            if let Expr::Cal {
                d: Some(_),
                wd: ref mut slot,
                ..
            } = q.expr
            {
                *slot = Some(wd);
                return Some(q);
            }
        }
        return p(i + 1, Expr::Weekday(wd, Dir::Tense));
    }
    if let Some(m) = t.month(i) {
        return month_first(t, i, m);
    }
    if let Some(d) = day_num(w) {
        // "27 August 2020", "11-13 Dec."
        if let Some(m) = t.month(i + 1) {
            let y = t.low(i + 2).and_then(year_num);
            let end = i + 2 + usize::from(y.is_some());
            return p(
                end,
                Expr::Cal {
                    y,
                    m: Some(m),
                    d: Some(d),
                    wd: None,
                },
            );
        }
        if t.is(i + 1, "-") {
            if let (Some(d2), Some(m)) = (t.low(i + 2).and_then(day_num), t.month(i + 3)) {
                let y = t.low(i + 4).and_then(year_num);
                let end = i + 4 + usize::from(y.is_some());
                return p(end, Expr::DayRange { y, m, d1: d, d2 });
            }
        }
    }
    if let Some(e) = ago(t, i) {
        return Some(e);
    }
    if let Some(s) = t.low(i).and_then(season_of) {
        // "summer 2017"; a bare season only after "in"
        if let Some(y) = t.low(i + 1).and_then(year_num) {
            return p(i + 2, Expr::Season(s, Some(y), Dir::Tense));
        }
        if t.prev(i) == Some("in") {
            return p(i + 1, Expr::Season(s, None, Dir::Tense));
        }
        return None;
    }
    year_at(t, i)
}

fn month_expr(m: u32, y: Option<i32>) -> Expr {
    match y {
        Some(y) => Expr::Cal {
            y: Some(y),
            m: Some(m),
            d: None,
            wd: None,
        },
        None => Expr::Month(m, Dir::Tense),
    }
}

/// After a month and its day: optional "-DD" and ", YYYY".
fn month_day_tail(t: &Toks, mut k: usize, m: u32, d: u32, wd: Option<u32>) -> Option<Parsed> {
    let mut d2 = None;
    if t.is(k, "-") {
        if let Some(x) = t.low(k + 1).and_then(day_num) {
            d2 = Some(x);
            k += 2;
        }
    }
    let comma = usize::from(t.is(k, ","));
    let y = t.low(k + comma).and_then(year_num);
    if y.is_some() {
        k += comma + 1;
    }
    let expr = match d2 {
        Some(d2) => Expr::DayRange { y, m, d1: d, d2 },
        None => Expr::Cal {
            y,
            m: Some(m),
            d: Some(d),
            wd,
        },
    };
    Some(Parsed {
        end: k,
        expr,
        part: None,
    })
}

/// An expression opening with a month name.
fn month_first(t: &Toks, i: usize, m: u32) -> Option<Parsed> {
    let lw = t.low(i)?;
    if let Some(d) = t.low(i + 1).and_then(day_num) {
        // "August 27" but not "August 2" of "August 2020"
        return month_day_tail(t, i + 2, m, d, None);
    }
    if let Some(y) = t.low(i + 1).and_then(year_num) {
        return Some(Parsed {
            end: i + 2,
            expr: month_expr(m, Some(y)),
            part: None,
        });
    }
    // alone, a month needs a preposition or modifier before it; "May" and
    // "March" (verbs) and abbreviations always do
    let ctx = matches!(
        t.prev(i),
        Some(
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "from"
                | "to"
                | "through"
                | "during"
                | "of"
                | "before"
                | "after"
                | "early"
                | "mid"
                | "late"
                | "last"
                | "next"
                | "this"
                | "and"
                | "or"
                | "between"
                | "mid-"
        )
    );
    if !ctx && (matches!(lw, "may" | "march") || !MONTHS.contains(&lw)) {
        return None;
    }
    Some(Parsed {
        end: i + 1,
        expr: Expr::Month(m, Dir::Tense),
        part: None,
    })
}

/// Words before a number that make it a count, not a year.
const COUNTING: &[&str] = &[
    "$",
    "€",
    "£",
    "#",
    "about",
    "some",
    "nearly",
    "around",
    "than",
    "least",
    "almost",
    "approximately",
    "over",
    "no.",
    "number",
];

/// Words after a four-digit number that make it a count, not a year.
const COUNTED: &[&str] = &[
    "people",
    "%",
    "percent",
    "troops",
    "soldiers",
    "men",
    "km",
    "meters",
    "metres",
    "feet",
    "miles",
    "dollars",
    "civilians",
    "fighters",
    "families",
    "members",
    "of",
];

/// A year, a year range ("1990-91") or a decade ("1990s").
fn year_at(t: &Toks, i: usize) -> Option<Parsed> {
    let w = t.low(i)?;
    let p = |end, expr| {
        Some(Parsed {
            end,
            expr,
            part: None,
        })
    };
    if let Some(dec) = w.strip_suffix('s').and_then(year_num) {
        if dec % 10 == 0 {
            return p(i + 1, Expr::Decade(dec));
        }
    }
    let y = year_num(w)?;
    if t.is(i + 1, "-") {
        if let Some(x) = t.low(i + 2) {
            let b = if x.len() == 2 && x.bytes().all(|c| c.is_ascii_digit()) {
                x.parse::<i32>().ok().map(|n| y / 100 * 100 + n)
            } else {
                year_num(x)
            };
            if let Some(b) = b.filter(|&b| b > y && b - y < 100) {
                return p(i + 3, Expr::YearRange(y, b));
            }
        }
    }
    // a four-digit number is a year unless it counts something
    if t.prev(i).is_some_and(|p| COUNTING.contains(&p)) || !(1800..=2100).contains(&y) {
        return None;
    }
    if let Some(n) = t.low(i + 1) {
        let range = n == "-"
            && t.low(i + 2)
                .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()));
        if COUNTED.contains(&n) || range {
            return None;
        }
    }
    p(
        i + 1,
        Expr::Cal {
            y: Some(y),
            m: None,
            d: None,
            wd: None,
        },
    )
}

/// After "this/last/next/past/coming" at `i`.
fn relative(t: &Toks, i: usize) -> Option<Parsed> {
    let w = t.low(i)?;
    let mut k = i + 1;
    // "this past week" is last week
    let mut dir = match w {
        "this" if t.is(k, "past") => {
            k += 1;
            Dir::Last
        }
        "this" => Dir::This,
        "last" | "past" => Dir::Last,
        _ => Dir::Next,
    };
    if w == "coming" {
        dir = Dir::Next;
    }
    let n = t.low(k)?;
    let p = |end, expr| {
        Some(Parsed {
            end,
            expr,
            part: None,
        })
    };
    let off = match dir {
        Dir::Last => -1,
        Dir::Next => 1,
        _ => 0,
    };
    if matches!(w, "past" | "coming") {
        // "past week" as "the past week" without the article
        if let Some(u) = unit_of(n) {
            return p(
                k + 1,
                if w == "past" {
                    Expr::Past(u, 1)
                } else {
                    Expr::Coming(u, 1)
                },
            );
        }
        if let (Some(c), Some(u)) = (count(n), t.low(k + 1).and_then(unit_of)) {
            return p(
                k + 2,
                if w == "past" {
                    Expr::Past(u, c)
                } else {
                    Expr::Coming(u, c)
                },
            );
        }
        return None;
    }
    if let Some(part) = t.part(k) {
        // "this morning", "last night"
        let day = match (dir, part.as_str()) {
            (Dir::This, _) => 0,
            (Dir::Last, "night" | "evening") => -1,
            _ => return None,
        };
        return Some(Parsed {
            end: k + 1,
            expr: Expr::Rel(day),
            part: Some(part),
        });
    }
    // "last 24 hours", "next two weeks"
    if let (Some(c), Some(u)) = (count(n), t.low(k + 1).and_then(unit_of)) {
        return p(
            k + 2,
            if off < 0 {
                Expr::Past(u, c)
            } else {
                Expr::Coming(u, c)
            },
        );
    }
    if n == "weekend" {
        return p(k + 1, Expr::Weekend(off));
    }
    if let Some(u) = unit_of(n).filter(|_| !n.ends_with('s')) {
        if matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Decade) {
            return p(k + 1, Expr::Unit(u, off));
        }
        return None;
    }
    if let Some(wd) = t.weekday(k) {
        return Some(with_time(
            t,
            Parsed {
                end: k + 1,
                expr: Expr::Weekday(wd, dir),
                part: None,
            },
        ));
    }
    if let Some(m) = t.month(k) {
        return p(k + 1, Expr::Month(m, dir));
    }
    if let Some(s) = season_of(n) {
        return p(k + 1, Expr::Season(s, None, dir));
    }
    None
}

/// "recent days", "recent weeks" at `i` (on "recent").
fn recent(t: &Toks, i: usize) -> Option<Parsed> {
    let u = t
        .low(i + 1)
        .filter(|w| w.ends_with('s'))
        .and_then(unit_of)?;
    let n = match u {
        Unit::Day => 7,
        Unit::Week => 4,
        Unit::Month => 6,
        Unit::Year => 5,
        _ => return None,
    };
    Some(Parsed {
        end: i + 2,
        expr: Expr::Past(u, n),
        part: None,
    })
}

/// "N days ago", "a few weeks ago", "several months ago".
fn ago(t: &Toks, i: usize) -> Option<Parsed> {
    let (lo, hi, k) = match t.low(i)? {
        "a" if t.is(i + 1, "few") => (2, 4, i + 2),
        "a" if t.is(i + 1, "couple") && t.is(i + 2, "of") => (2, 2, i + 3),
        "few" => (2, 4, i + 1),
        "several" => (3, 7, i + 1),
        "some" => (2, 6, i + 1),
        w => {
            let c = count(w)?;
            (c, c, i + 1)
        }
    };
    let u = t.low(k).and_then(unit_of)?;
    if !t.is(k + 1, "ago") {
        return None;
    }
    Some(Parsed {
        end: k + 2,
        expr: Expr::Ago(u, lo, hi),
        part: None,
    })
}

/// Expressions opening with "the".
fn the(t: &Toks, i: usize) -> Option<Parsed> {
    let n = t.low(i + 1)?;
    let p = |end, expr| {
        Some(Parsed {
            end,
            expr,
            part: None,
        })
    };
    match n {
        // "the past week", "the last 24 hours", "the next few days", "the coming weeks"
        "past" | "last" | "next" | "coming" | "previous" | "following" => {
            let mut k = i + 2;
            let c = if t.is(k, "few") {
                k += 1;
                Some(3)
            } else if t.is(k, "several") {
                k += 1;
                Some(5)
            } else {
                let c = t.low(k).and_then(count);
                if c.is_some() {
                    k += 1;
                    // "20-plus months" split by the tokenizer
                    if t.is(k, "-") && t.any(k + 1, &["plus", "odd"]) {
                        k += 2;
                    }
                }
                c
            };
            let u = t.low(k).and_then(unit_of)?;
            if c.is_none() && t.low(k).is_some_and(|w| w.ends_with('s')) {
                // "the coming weeks": a few
                return p(
                    k + 1,
                    match n {
                        "past" | "last" => Expr::Past(u, 3),
                        _ => Expr::Coming(u, 3),
                    },
                );
            }
            let c = c.unwrap_or(1);
            match n {
                "past" | "last" => p(k + 1, Expr::Past(u, c)),
                "coming" => p(k + 1, Expr::Coming(u, c)),
                // "the next day", "the following week": relative to an event
                _ if c == 1 => p(k + 1, Expr::Anaphoric(precision_of(u))),
                "next" => p(k + 1, Expr::Coming(u, c)),
                _ => None,
            }
        }
        "day" | "night" if t.any(i + 2, &["before", "after"]) => {
            p(i + 3, Expr::Anaphoric(Precision::Day))
        }
        "same" if t.is(i + 2, "day") => p(i + 3, Expr::Anaphoric(Precision::Day)),
        "beginning" | "start" | "middle" | "end" | "turn" if t.is(i + 2, "of") => {
            let third = match n {
                "beginning" | "start" => 0,
                "middle" => 1,
                _ => 2,
            };
            third_of(t, i + 3, third)
        }
        "early" | "mid" | "late" => {
            let third = match n {
                "early" => 0,
                "late" => 2,
                _ => 1,
            };
            third_of(t, i + 2 + usize::from(t.is(i + 2, "-")), third)
        }
        _ => {
            // "the summer of 2017", "the 1990s"
            if let Some(s) = season_of(n) {
                if t.is(i + 2, "of") {
                    let y = t.low(i + 3).and_then(year_num)?;
                    return p(i + 4, Expr::Season(s, Some(y), Dir::Tense));
                }
                return None;
            }
            let y = year_at(t, i + 1)?;
            matches!(y.expr, Expr::Decade(_)).then_some(y)
        }
    }
}

/// A third of the expression at `k` ("mid-August", "the end of the year").
fn third_of(t: &Toks, k: usize, third: u8) -> Option<Parsed> {
    let inner = if t.is(k, "the") && t.any(k + 1, &["year", "month", "week"]) {
        let u = t.low(k + 1).and_then(unit_of)?;
        Parsed {
            end: k + 2,
            expr: Expr::Unit(u, 0),
            part: None,
        }
    } else {
        core(t, k)?
    };
    let ok = matches!(
        inner.expr,
        Expr::Cal { d: None, .. }
            | Expr::Month(..)
            | Expr::Unit(..)
            | Expr::Decade(_)
            | Expr::Season(..)
    );
    ok.then(|| Parsed {
        end: inner.end,
        expr: Expr::Third(third, Box::new(inner.expr)),
        part: None,
    })
}

// ---------------------------------------------------------------------------
// Resolution.

/// The verb's tense, as far as dates care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    /// A past verb ("met", "has met").
    Past,
    /// Will, scheduled to ...
    Future,
    /// Present, or no analysis: weekdays and months count as past.
    Unknown,
}

fn precision(e: &Expr) -> Precision {
    match e {
        Expr::Cal { d: Some(_), .. } | Expr::Rel(_) | Expr::Weekday(..) | Expr::Time => {
            Precision::Day
        }
        Expr::Cal { m: Some(_), .. } | Expr::Month(..) => Precision::Month,
        Expr::Cal { .. } => Precision::Year,
        Expr::Decade(_) => Precision::Decade,
        Expr::Unit(u, _) => precision_of(*u),
        Expr::Ago(u, lo, hi) if lo == hi => match u {
            Unit::Hour => Precision::Day,
            u => precision_of(*u),
        },
        Expr::Anaphoric(p) => *p,
        _ => Precision::Interval,
    }
}

fn range(a: Option<Date>, b: Option<Date>) -> Option<DateValue> {
    let (a, b) = (a?, b?);
    Some(if a == b {
        DateValue::Day(a)
    } else if a < b {
        DateValue::Interval(a, b)
    } else {
        DateValue::Interval(b, a)
    })
}

fn pair(r: Option<(Date, Date)>) -> Option<DateValue> {
    r.map(|(a, b)| DateValue::Interval(a, b))
}

/// The range of unit `u` holding `d`.
fn unit_range(u: Unit, d: Date) -> Option<(Date, Date)> {
    let y = i32::from(d.year());
    match u {
        Unit::Hour | Unit::Day => Some((d, d)),
        Unit::Week => week_range(d),
        Unit::Month => month_range(y, u32::from(d.month())),
        Unit::Year => year_range(y),
        Unit::Decade => Some((ymd(y / 10 * 10, 1, 1)?, ymd(y / 10 * 10 + 9, 12, 31)?)),
    }
}

/// `d` moved by `k` units.
fn shift(u: Unit, d: Date, k: i64) -> Option<Date> {
    match u {
        Unit::Hour => add_days(d, (k.abs() + 23) / 24 * k.signum()),
        Unit::Day => add_days(d, k),
        Unit::Week => add_days(d, k.checked_mul(7)?),
        Unit::Month => add_months(d, k),
        Unit::Year => add_months(d, k.checked_mul(12)?),
        Unit::Decade => add_months(d, k.checked_mul(120)?),
    }
}

fn season_range(s: u32, y: i32) -> Option<(Date, Date)> {
    match s {
        0 => Some((ymd(y, 3, 1)?, ymd(y, 5, 31)?)),
        1 => Some((ymd(y, 6, 1)?, ymd(y, 8, 31)?)),
        2 => Some((ymd(y, 9, 1)?, ymd(y, 11, 30)?)),
        _ => Some((ymd(y, 12, 1)?, ymd(y + 1, 2, days_in_month(y + 1, 2))?)),
    }
}

/// Resolves an expression; `None` when it cannot be.
fn resolve(e: &Expr, doc: Option<Date>, tense: Tense) -> Option<DateValue> {
    match e {
        Expr::Cal { y, m, d, wd } => {
            let (m, d) = match (m, d) {
                (None, _) => return pair(year_range((*y)?)),
                (Some(m), None) => return pair(month_range((*y)?, *m)),
                (Some(m), Some(d)) => (*m, *d),
            };
            if let Some(y) = y {
                return ymd(*y, m, d).map(DateValue::Day);
            }
            // the year nearest the document date (on the side the tense
            // says), matching a given weekday if any year does
            let doc = doc?;
            let dy = i32::from(doc.year());
            let pick = |wd: Option<u32>| {
                (dy - 1..=dy + 1)
                    .filter_map(|y| ymd(y, m, d))
                    .filter(|c| wd.is_none_or(|w| weekday(*c) == w))
                    .filter(|c| match tense {
                        Tense::Past => *c <= doc,
                        Tense::Future => *c >= doc,
                        Tense::Unknown => true,
                    })
                    .min_by_key(|c| (to_days(*c) - to_days(doc)).abs())
            };
            pick(*wd).or_else(|| pick(None)).map(DateValue::Day)
        }
        Expr::DayRange { y, m, d1, d2 } => {
            let y = match y {
                Some(y) => *y,
                None => {
                    let doc = doc?;
                    let dy = i32::from(doc.year());
                    (dy - 1..=dy + 1)
                        .min_by_key(|&y| {
                            ymd(y, *m, *d1).map_or(i64::MAX, |c| (to_days(c) - to_days(doc)).abs())
                        })
                        .unwrap_or(dy)
                }
            };
            if d2 <= d1 {
                return None;
            }
            range(ymd(y, *m, *d1), ymd(y, *m, *d2))
        }
        Expr::YearRange(a, b) => range(ymd(*a, 1, 1), ymd(*b, 12, 31)),
        Expr::Decade(y) => range(ymd(*y, 1, 1), ymd(y + 9, 12, 31)),
        Expr::Rel(k) => add_days(doc?, *k).map(DateValue::Day),
        Expr::Time => doc.map(DateValue::Day),
        Expr::Weekday(w, dir) => {
            let doc = doc?;
            let dw = i64::from(weekday(doc));
            let w = i64::from(*w);
            let delta = match (dir, tense) {
                (Dir::Last, _) => -((dw - w + 6).rem_euclid(7) + 1),
                (Dir::Next, _) => (w - dw + 6).rem_euclid(7) + 1,
                (Dir::This, _) => w - dw,
                (Dir::Tense, Tense::Past | Tense::Unknown) => -(dw - w).rem_euclid(7),
                (Dir::Tense, Tense::Future) => (w - dw).rem_euclid(7),
            };
            add_days(doc, delta).map(DateValue::Day)
        }
        Expr::Month(m, dir) => {
            let doc = doc?;
            let (dy, dm) = (i32::from(doc.year()), u32::from(doc.month()));
            let y = match (dir, tense) {
                (Dir::This, _) => dy,
                (Dir::Last, _) => dy - i32::from(*m >= dm),
                (Dir::Next, _) => dy + i32::from(*m <= dm),
                (Dir::Tense, Tense::Past | Tense::Unknown) => dy - i32::from(*m > dm),
                (Dir::Tense, Tense::Future) => dy + i32::from(*m < dm),
            };
            pair(month_range(y, *m))
        }
        Expr::Unit(u, k) => {
            let doc = doc?;
            pair(unit_range(*u, shift(*u, doc, *k)?))
        }
        Expr::Weekend(k) => {
            let (mon, _) = week_range(add_days(doc?, k * 7)?)?;
            range(add_days(mon, 5), add_days(mon, 6))
        }
        Expr::Season(s, y, dir) => {
            if let Some(y) = y {
                return pair(season_range(*s, *y));
            }
            let doc = doc?;
            let dy = i32::from(doc.year());
            let cands: Vec<(Date, Date)> = (dy - 2..=dy + 1)
                .filter_map(|y| season_range(*s, y))
                .collect();
            let pick = match (dir, tense) {
                (Dir::Last, _) => cands.iter().rev().find(|r| r.1 < doc),
                (Dir::Next, _) => cands.iter().find(|r| r.0 > doc),
                (Dir::Tense, Tense::Future) => cands.iter().find(|r| r.1 >= doc),
                _ => cands.iter().rev().find(|r| r.0 <= doc),
            };
            pick.map(|&(a, b)| DateValue::Interval(a, b))
        }
        Expr::Third(k, inner) => {
            let v = resolve(inner, doc, tense)?;
            let (s, e) = (v.start(), v.end());
            let (a, b) = match precision(inner) {
                Precision::Year => {
                    let y = i32::from(s.year());
                    let m = 1 + 4 * u32::from(*k);
                    (ymd(y, m, 1)?, month_range(y, m + 3)?.1)
                }
                Precision::Decade => {
                    let y = i32::from(s.year());
                    let (lo, hi) = [(0, 3), (4, 6), (7, 9)][usize::from(*k).min(2)];
                    (ymd(y + lo, 1, 1)?, ymd(y + hi, 12, 31)?)
                }
                _ => {
                    let n = to_days(e) - to_days(s) + 1;
                    let third = n / 3;
                    let k = i64::from(*k);
                    let a = to_days(s) + k * third;
                    let b = if k == 2 { to_days(e) } else { a + third - 1 };
                    (from_days(a)?, from_days(b)?)
                }
            };
            range(Some(a), Some(b))
        }
        Expr::Earlier(u) => {
            let doc = doc?;
            range(Some(unit_range(*u, doc)?.0), Some(doc))
        }
        Expr::Later(u) => {
            let doc = doc?;
            range(Some(doc), Some(unit_range(*u, doc)?.1))
        }
        Expr::Ago(u, lo, hi) => {
            let doc = doc?;
            if lo == hi {
                let d = shift(*u, doc, -lo)?;
                return match u {
                    Unit::Hour | Unit::Day => Some(DateValue::Day(d)),
                    u => pair(unit_range(*u, d)),
                };
            }
            range(shift(*u, doc, -hi), shift(*u, doc, -lo))
        }
        Expr::Past(u, n) => {
            let doc = doc?;
            range(shift(*u, doc, -n), Some(doc))
        }
        Expr::Coming(u, n) => {
            let doc = doc?;
            range(Some(doc), shift(*u, doc, *n))
        }
        Expr::Since(inner) => {
            let doc = doc?;
            let s = resolve(inner, Some(doc), Tense::Past)?.start();
            if s > doc {
                return None;
            }
            range(Some(s), Some(doc))
        }
        Expr::Anaphoric(_) => None,
    }
}

/// Future when the verb governing word `w` says so (will, scheduled to ...).
fn tense_of(a: &AnalyzedSentence, w: usize) -> Tense {
    let words = &a.words;
    let head = |i: usize| words.get(i).map_or(0, |x| x.head as usize).checked_sub(1);
    // up to the governing verb
    let mut g = w;
    for _ in 0..8 {
        match words.get(g) {
            Some(x) if matches!(x.upos, "VERB" | "AUX") && g != w => break,
            _ => {}
        }
        match head(g) {
            Some(h) if h < words.len() => g = h,
            _ => break,
        }
    }
    let children = |h: usize| {
        words
            .iter()
            .enumerate()
            .filter(move |(_, x)| x.head as usize == h + 1)
    };
    // the verb and the verbs it is an xcomp of ("scheduled to visit")
    let mut v = g;
    for _ in 0..4 {
        let Some(x) = words.get(v) else { break };
        if matches!(
            x.lemma.as_str(),
            "schedule" | "plan" | "expect" | "due" | "set" | "intend" | "will" | "shall"
        ) && v != g
        {
            return Tense::Future;
        }
        for (_, c) in children(v) {
            let l = c.lemma.to_lowercase();
            if c.deprel.starts_with("aux") && matches!(l.as_str(), "will" | "shall" | "'ll" | "wo")
            {
                return Tense::Future;
            }
            // present progressive: "is meeting on Friday"
            if c.deprel == "aux" && matches!(c.xpos, "VBZ" | "VBP") && x.xpos == "VBG" {
                return Tense::Future;
            }
        }
        // "is to visit": a to-infinitive under "be"
        if x.deprel == "xcomp" || x.deprel == "ccomp" {
            let Some(h) = head(v) else { break };
            if words
                .get(h)
                .is_some_and(|p| p.lemma == "be" && p.xpos != "VBD")
                && children(v).any(|(_, c)| c.lemma == "to")
            {
                return Tense::Future;
            }
            v = h;
        } else {
            break;
        }
    }
    // "met", "has met", "was suspended"
    let Some(x) = words.get(g) else {
        return Tense::Unknown;
    };
    let had = children(g).any(|(_, c)| matches!(c.xpos, "VBD") && c.deprel.starts_with("aux"));
    if x.xpos == "VBD"
        || (x.xpos == "VBN" && had)
        || children(g).any(|(_, c)| c.lemma == "have" && c.deprel == "aux")
    {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

/// The word of `tokens` whose head lies outside them.
fn head_word(a: &AnalyzedSentence, tokens: &Range<usize>) -> usize {
    tokens
        .clone()
        .find(|&i| {
            let h = a.words.get(i).map_or(0, |w| w.head as usize);
            h == 0 || !tokens.contains(&(h - 1))
        })
        .unwrap_or(tokens.start)
}

/// Finds and resolves the date and time expressions of a segmented
/// document. `analyses[i]` (when given) is sentence `i`'s analysis and
/// decides the tense for weekdays and months; `doc_date` resolves relative
/// expressions (without it every value is null).
pub fn find_dates(
    text: &str,
    seg: &Segmented,
    analyses: Option<&[AnalyzedSentence]>,
    doc_date: Option<Date>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    for (si, s) in seg.sentences.iter().enumerate() {
        let Some(words) = s
            .tokens
            .iter()
            .map(|t| text.get(t.span.range()))
            .collect::<Option<Vec<&str>>>()
        else {
            continue;
        };
        let t = Toks {
            lower: words.iter().map(|w| w.to_lowercase()).collect(),
            words,
        };
        let analysis = analyses
            .and_then(|a| a.get(si))
            .filter(|a| a.words.len() == s.tokens.len());
        let mut i = 0;
        while i < t.words.len() {
            let Some(p) = parse_at(&t, i).filter(|p| p.end > i && p.end <= t.words.len()) else {
                i += 1;
                continue;
            };
            let tokens = i..p.end;
            let tense = analysis.map_or(Tense::Unknown, |a| tense_of(a, head_word(a, &tokens)));
            let span = Span::new(s.tokens[i].span.start, s.tokens[p.end - 1].span.end);
            out.push(DateMention {
                text: text.get(span.range()).unwrap_or_default().to_string(),
                span,
                value: resolve(&p.expr, doc_date, tense),
                precision: precision(&p.expr),
                part: p.part,
                sentence: si,
                tokens,
            });
            i = p.end;
        }
    }
    out
}

/// The mentions of sentence `sentence` (mentions as [`find_dates`] returns
/// them, in text order).
pub fn in_sentence(mentions: &[DateMention], sentence: usize) -> &[DateMention] {
    let a = mentions.partition_point(|m| m.sentence < sentence);
    let b = mentions.partition_point(|m| m.sentence <= sentence);
    &mentions[a..b]
}

/// The date expression attached to the event whose trigger is word
/// `trigger` of `analysis`, among that sentence's `mentions`: one whose head
/// depends on the trigger (directly, or through nominals: "the visit on
/// Wednesday"), else on a verb the trigger hangs from (xcomp, conj), else
/// the only date of the sentence.
pub fn for_trigger<'m>(
    mentions: &'m [DateMention],
    analysis: &AnalyzedSentence,
    trigger: usize,
) -> Option<&'m DateMention> {
    let words = &analysis.words;
    let head = |i: usize| {
        words
            .get(i)
            .and_then(|w| (w.head as usize).checked_sub(1))
            .filter(|&h| h < words.len())
    };
    // the trigger and the clause heads above it, nearest first
    let mut chain = vec![trigger];
    let mut v = trigger;
    while chain.len() < 4 {
        let Some(w) = words.get(v) else { break };
        if !matches!(w.deprel, "xcomp" | "conj" | "aux" | "cop") {
            break;
        }
        match head(v) {
            Some(h) if !chain.contains(&h) => {
                chain.push(h);
                v = h;
            }
            _ => break,
        }
    }
    let mut best: Option<(usize, usize, &DateMention)> = None;
    for m in mentions {
        if m.tokens.end > words.len() || m.tokens.is_empty() {
            continue;
        }
        // the verb or root the date attaches to, through nominals
        let mut g = head_word(analysis, &m.tokens);
        let mut steps = 0;
        let gov = loop {
            let Some(h) = head(g) else { break None };
            g = h;
            steps += 1;
            if chain.contains(&g) || matches!(words[g].upos, "VERB" | "AUX") || steps > 6 {
                break Some(g);
            }
        };
        let Some(rank) = gov.and_then(|g| chain.iter().position(|&c| c == g)) else {
            continue;
        };
        let dist = m.tokens.start.abs_diff(trigger);
        if best.is_none_or(|(r, d, _)| (rank, dist) < (r, d)) {
            best = Some((rank, dist, m));
        }
    }
    match best {
        Some((_, _, m)) => Some(m),
        None if mentions.len() == 1 => mentions.first(),
        None => None,
    }
}

/// The date of a sentence: among `mentions` (a document's, in text order)
/// those inside `sentence`, the one attached to the root of `analysis`, else
/// the only one.
pub fn sentence_date<'m>(
    mentions: &'m [DateMention],
    sentence: Span,
    analysis: &AnalyzedSentence,
) -> Option<&'m DateMention> {
    let a = mentions.partition_point(|m| m.span.start < sentence.start);
    let b = mentions.partition_point(|m| m.span.start < sentence.end);
    let here = mentions.get(a..b)?;
    let root = analysis.words.iter().position(|w| w.head == 0)?;
    for_trigger(here, analysis, root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use khaldun_text::Segmenter;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn find(text: &str, doc: &str) -> Vec<DateMention> {
        let seg = Segmenter::default().segment(text);
        let found = find_dates(text, &seg, None, Date::parse(doc).ok());
        for m in &found {
            assert_eq!(m.span.slice(text), m.text);
        }
        found
    }

    /// `(sentence, expression, value, precision)` on document date `doc`.
    fn check(doc: &str, cases: &[(&str, &str, &str, Precision)]) {
        for &(text, expr, value, prec) in cases {
            let found = find(text, doc);
            let m = found
                .iter()
                .find(|m| m.text == expr)
                .unwrap_or_else(|| panic!("{text:?}: {expr:?} not found in {found:?}"));
            let got = m.value.map_or("null".to_string(), |v| v.to_string());
            assert_eq!((got.as_str(), m.precision), (value, prec), "{text:?}");
        }
    }

    use Precision::{Day, Decade, Interval, Month, Week, Year};

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(weekday(date("2020-08-27")), 3); // Thursday
        assert_eq!(weekday(date("2000-01-01")), 5); // Saturday
        assert_eq!(weekday(date("1970-01-01")), 3);
        assert_eq!(add_days(date("2020-02-28"), 1), Some(date("2020-02-29")));
        assert_eq!(add_days(date("2021-02-28"), 1), Some(date("2021-03-01")));
        assert_eq!(add_days(date("2020-12-31"), 1), Some(date("2021-01-01")));
        assert_eq!(add_days(date("2020-08-27"), -365), Some(date("2019-08-28")));
        assert_eq!(add_days(date("1000-01-01"), -1), None);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2020, 13), 0);
        assert_eq!(add_months(date("2020-03-31"), -1), Some(date("2020-02-29")));
        let mut d = date("1999-12-01");
        for _ in 0..800 {
            let n = add_days(d, 1).unwrap();
            assert_eq!(to_days(n), to_days(d) + 1);
            assert_eq!(from_days(to_days(n)), Some(n));
            d = n;
        }
    }

    #[test]
    fn absolute_formats() {
        check(
            "2020-08-27",
            &[
                (
                    "They met on August 27, 2020.",
                    "August 27, 2020",
                    "2020-08-27",
                    Day,
                ),
                (
                    "They met on 27 August 2020 in Paris.",
                    "27 August 2020",
                    "2020-08-27",
                    Day,
                ),
                (
                    "They met on Aug. 26 in Paris.",
                    "Aug. 26",
                    "2020-08-26",
                    Day,
                ),
                ("They met on 26 Aug in Paris.", "26 Aug", "2020-08-26", Day),
                (
                    "They met on Dec.14th in Paris.",
                    "Dec.14th",
                    "2020-12-14",
                    Day,
                ),
                (
                    "The note is dated 2020-08-25.",
                    "2020-08-25",
                    "2020-08-25",
                    Day,
                ),
                (
                    "The note is dated 08/25/2020.",
                    "08/25/2020",
                    "2020-08-25",
                    Day,
                ),
                (
                    "The note is dated 25/08/2020.",
                    "25/08/2020",
                    "2020-08-25",
                    Day,
                ),
                (
                    "The note is dated 03/04/2020.",
                    "03/04/2020",
                    "2020-03-04",
                    Day,
                ),
                (
                    "It began in August.",
                    "August",
                    "2020-08-01/2020-08-31",
                    Month,
                ),
                (
                    "It began in December.",
                    "December",
                    "2019-12-01/2019-12-31",
                    Month,
                ),
                ("It began in May.", "May", "2020-05-01/2020-05-31", Month),
                ("It began in 2019.", "2019", "2019-01-01/2019-12-31", Year),
                (
                    "It began in August 2019.",
                    "August 2019",
                    "2019-08-01/2019-08-31",
                    Month,
                ),
                (
                    "It began in mid-August.",
                    "mid-August",
                    "2020-08-11/2020-08-20",
                    Interval,
                ),
                (
                    "It began in mid January.",
                    "mid January",
                    "2020-01-11/2020-01-20",
                    Interval,
                ),
                (
                    "It was rare in the 1990s.",
                    "the 1990s",
                    "1990-01-01/1999-12-31",
                    Decade,
                ),
                (
                    "The 1990-91 war ended.",
                    "1990-91",
                    "1990-01-01/1991-12-31",
                    Interval,
                ),
                (
                    "Talks ran October 25-26, 2016.",
                    "October 25-26, 2016",
                    "2016-10-25/2016-10-26",
                    Interval,
                ),
                (
                    "Talks ran 11-13 Dec. 2016 in Rome.",
                    "11-13 Dec. 2016",
                    "2016-12-11/2016-12-13",
                    Interval,
                ),
                (
                    "It was the summer of 2017.",
                    "the summer of 2017",
                    "2017-06-01/2017-08-31",
                    Interval,
                ),
            ],
        );
        // a day and month take the nearest year
        check(
            "2021-01-03",
            &[("They met on Dec. 5 in Rome.", "Dec. 5", "2020-12-05", Day)],
        );
        // the weekday picks the year
        check(
            "2017-06-01",
            &[
                (
                    "They met on Thursday, Dec. 15.",
                    "Thursday, Dec. 15",
                    "2016-12-15",
                    Day,
                ),
                (
                    "They met on Monday 19 December.",
                    "Monday 19 December",
                    "2016-12-19",
                    Day,
                ),
            ],
        );
        check(
            "2020-12-28",
            &[("Talks open Jan. 10 in Rome.", "Jan. 10", "2021-01-10", Day)],
        );
    }

    #[test]
    fn relative_forms() {
        let part = |text: &str, expr: &str| {
            find(text, "2020-08-27")
                .into_iter()
                .find(|m| m.text == expr)
                .and_then(|m| m.part)
        };
        check(
            "2020-08-27", // a Thursday
            &[
                (
                    "Parly met today with officials.",
                    "today",
                    "2020-08-27",
                    Day,
                ),
                ("He speaks tonight.", "tonight", "2020-08-27", Day),
                ("He spoke yesterday.", "yesterday", "2020-08-26", Day),
                ("He speaks tomorrow.", "tomorrow", "2020-08-28", Day),
                ("He spoke this morning.", "this morning", "2020-08-27", Day),
                ("He spoke last night.", "last night", "2020-08-26", Day),
                (
                    "Parly arrived Wednesday evening.",
                    "Wednesday evening",
                    "2020-08-26",
                    Day,
                ),
                ("They met on Wednesday.", "Wednesday", "2020-08-26", Day),
                ("They met on Thursday.", "Thursday", "2020-08-27", Day),
                ("They met on Friday.", "Friday", "2020-08-21", Day),
                (
                    "They met last Wednesday.",
                    "last Wednesday",
                    "2020-08-26",
                    Day,
                ),
                (
                    "They met last Thursday.",
                    "last Thursday",
                    "2020-08-20",
                    Day,
                ),
                ("They meet next Friday.", "next Friday", "2020-08-28", Day),
                (
                    "They meet next Thursday.",
                    "next Thursday",
                    "2020-09-03",
                    Day,
                ),
                (
                    "They met last week.",
                    "last week",
                    "2020-08-17/2020-08-23",
                    Week,
                ),
                (
                    "They met this week.",
                    "this week",
                    "2020-08-24/2020-08-30",
                    Week,
                ),
                (
                    "They meet next week.",
                    "next week",
                    "2020-08-31/2020-09-06",
                    Week,
                ),
                (
                    "They met last month.",
                    "last month",
                    "2020-07-01/2020-07-31",
                    Month,
                ),
                (
                    "They met this month.",
                    "this month",
                    "2020-08-01/2020-08-31",
                    Month,
                ),
                (
                    "They meet next month.",
                    "next month",
                    "2020-09-01/2020-09-30",
                    Month,
                ),
                (
                    "They met last year.",
                    "last year",
                    "2019-01-01/2019-12-31",
                    Year,
                ),
                (
                    "They meet next year.",
                    "next year",
                    "2021-01-01/2021-12-31",
                    Year,
                ),
                (
                    "It stopped earlier this year.",
                    "earlier this year",
                    "2020-01-01/2020-08-27",
                    Interval,
                ),
                (
                    "It stops later this month.",
                    "later this month",
                    "2020-08-27/2020-08-31",
                    Interval,
                ),
                (
                    "It stopped earlier this week.",
                    "earlier this week",
                    "2020-08-24/2020-08-27",
                    Interval,
                ),
                (
                    "It stopped two days ago.",
                    "two days ago",
                    "2020-08-25",
                    Day,
                ),
                (
                    "It stopped a few days ago.",
                    "a few days ago",
                    "2020-08-23/2020-08-25",
                    Interval,
                ),
                (
                    "It stopped two weeks ago.",
                    "two weeks ago",
                    "2020-08-10/2020-08-16",
                    Week,
                ),
                (
                    "It stopped three months ago.",
                    "three months ago",
                    "2020-05-01/2020-05-31",
                    Month,
                ),
                (
                    "It stopped several months ago.",
                    "several months ago",
                    "2020-01-27/2020-05-27",
                    Interval,
                ),
                (
                    "It stopped two years ago.",
                    "two years ago",
                    "2018-01-01/2018-12-31",
                    Year,
                ),
                (
                    "Tension grew since the beginning of the year.",
                    "since the beginning of the year",
                    "2020-01-01/2020-08-27",
                    Interval,
                ),
                (
                    "It grew since March.",
                    "since March",
                    "2020-03-01/2020-08-27",
                    Interval,
                ),
                (
                    "It resumes early next year.",
                    "early next year",
                    "2021-01-01/2021-04-30",
                    Interval,
                ),
                (
                    "It grew over the past week.",
                    "the past week",
                    "2020-08-20/2020-08-27",
                    Interval,
                ),
                (
                    "It grew in the past 24 hours.",
                    "the past 24 hours",
                    "2020-08-26/2020-08-27",
                    Interval,
                ),
                (
                    "It grew over the past 20-plus months.",
                    "the past 20-plus months",
                    "2018-12-27/2020-08-27",
                    Interval,
                ),
                (
                    "They met in 2001 - a good year.",
                    "2001",
                    "2001-01-01/2001-12-31",
                    Year,
                ),
                (
                    "It grew in recent days.",
                    "recent days",
                    "2020-08-20/2020-08-27",
                    Interval,
                ),
                (
                    "It grew in recent months.",
                    "recent months",
                    "2020-02-27/2020-08-27",
                    Interval,
                ),
                (
                    "They met this weekend.",
                    "this weekend",
                    "2020-08-29/2020-08-30",
                    Interval,
                ),
                (
                    "They met last weekend.",
                    "last weekend",
                    "2020-08-22/2020-08-23",
                    Interval,
                ),
                (
                    "They met at 8 p.m. on Wednesday.",
                    "8 p.m. on Wednesday",
                    "2020-08-26",
                    Day,
                ),
                (
                    "They met Wednesday at 8 p.m. in Rome.",
                    "Wednesday at 8 p.m.",
                    "2020-08-26",
                    Day,
                ),
                (
                    "They met again the following day.",
                    "the following day",
                    "null",
                    Day,
                ),
            ],
        );
        assert_eq!(
            part("Parly arrived Wednesday evening.", "Wednesday evening").as_deref(),
            Some("evening")
        );
        assert_eq!(
            part(
                "They met Wednesday at 8 p.m. in Rome.",
                "Wednesday at 8 p.m."
            )
            .as_deref(),
            Some("20:00")
        );
        assert_eq!(
            part("He speaks tonight.", "tonight").as_deref(),
            Some("night")
        );
    }

    #[test]
    fn year_boundaries() {
        check(
            "2021-01-01", // a Friday
            &[
                ("He spoke yesterday.", "yesterday", "2020-12-31", Day),
                (
                    "They met last week.",
                    "last week",
                    "2020-12-21/2020-12-27",
                    Week,
                ),
                (
                    "They met last month.",
                    "last month",
                    "2020-12-01/2020-12-31",
                    Month,
                ),
                ("They met on Wednesday.", "Wednesday", "2020-12-30", Day),
                (
                    "They met in December.",
                    "December",
                    "2020-12-01/2020-12-31",
                    Month,
                ),
                (
                    "They met last year.",
                    "last year",
                    "2020-01-01/2020-12-31",
                    Year,
                ),
                (
                    "It stopped earlier this week.",
                    "earlier this week",
                    "2020-12-28/2021-01-01",
                    Interval,
                ),
                (
                    "It stopped a month ago.",
                    "a month ago",
                    "2020-12-01/2020-12-31",
                    Month,
                ),
            ],
        );
        check(
            "2020-12-31",
            &[
                ("He speaks tomorrow.", "tomorrow", "2021-01-01", Day),
                (
                    "They meet next week.",
                    "next week",
                    "2021-01-04/2021-01-10",
                    Week,
                ),
                (
                    "They meet next month.",
                    "next month",
                    "2021-01-01/2021-01-31",
                    Month,
                ),
            ],
        );
    }

    #[test]
    fn leap_years_and_invalid_dates() {
        check(
            "2020-03-01",
            &[
                ("He spoke yesterday.", "yesterday", "2020-02-29", Day),
                (
                    "They met last month.",
                    "last month",
                    "2020-02-01/2020-02-29",
                    Month,
                ),
                (
                    "They met on February 29, 2020.",
                    "February 29, 2020",
                    "2020-02-29",
                    Day,
                ),
                (
                    "They met on February 29, 2021.",
                    "February 29, 2021",
                    "null",
                    Day,
                ),
                ("They met on February 30.", "February 30", "null", Day),
            ],
        );
        check(
            "2021-03-01",
            &[("He spoke yesterday.", "yesterday", "2021-02-28", Day)],
        );
        check(
            "2000-03-01",
            &[("He spoke yesterday.", "yesterday", "2000-02-29", Day)],
        );
    }

    #[test]
    fn no_document_date_keeps_mentions_unresolved() {
        let found = find("Parly met today and on Aug. 27, 2020 in Baghdad.", "");
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].text.as_str(), found[0].value), ("today", None));
        assert_eq!(found[0].precision, Day);
        // a full date needs no document date
        assert_eq!(found[1].value, Some(DateValue::Day(date("2020-08-27"))));
    }

    #[test]
    fn not_dates() {
        for text in [
            "Some 2000 people fled.",
            "He may go.",
            "They march to the square.",
            "The Arab Spring began.",
            "He paid $1500 for it.",
            "Saturday Night Live aired.", // a title, but a weekday: accepted below
        ] {
            let found = find(text, "2020-08-27");
            if text.starts_with("Saturday") {
                continue;
            }
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "99/99/9999 13/13/13 00/00/0000",
            "Feb. 31st, 2020 and 31 February 9999 and 1 January 1000.",
            "mid- early late the since since the beginning of",
            "the 1990- 1990-91- 2099-1 9999s 0000s",
            "Wednesday’s talks; last Wednesday’s; next; last; the past; ago",
            "the past 999 years and 99 decades ago and 99 decades from now",
            "at 99:99 p.m. on 12 a.m. 13 p.m. noon midnight 8pm",
            "Ünïcödé — «Monday» 27 août 2020",
        ] {
            let _ = find(text, "2020-08-27");
            let _ = find(text, "1000-01-01");
            let _ = find(text, "9999-12-31");
            let _ = find(text, "");
        }
    }

    #[test]
    fn serializes_as_iso() {
        let found = find("It stopped earlier this year.", "2020-08-27");
        let j = serde_json::to_value(&found[0]).unwrap();
        assert_eq!(j["value"], "2020-01-01/2020-08-27");
        assert_eq!(j["precision"], "interval");
        assert_eq!(j["text"], "earlier this year");
        assert!(j["span"].is_array());
        let none = find("He spoke today.", "");
        assert!(serde_json::to_value(&none[0]).unwrap()["value"].is_null());
    }

    #[test]
    fn mentions_by_sentence() {
        let found = find(
            "They met today. Then on Friday. And in 2019 and 2018.",
            "2020-08-27",
        );
        assert_eq!(in_sentence(&found, 0).len(), 1);
        assert_eq!(in_sentence(&found, 1)[0].text, "Friday");
        assert_eq!(in_sentence(&found, 2).len(), 2);
        assert!(in_sentence(&found, 7).is_empty());
    }
}
