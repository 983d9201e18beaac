//! Calendar dates and date ranges, as article dates and role validity.
//!
//! Dates are written `YYYY-MM-DD`; a range is `FROM..TO` with both ends
//! inclusive and either end open (`2020-05-06..`, `..2003-04-09`, `..` or
//! nothing for always).

use crate::error::{Error, Result};
use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

fn is_leap(y: u16) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date from its parts; `None` unless it is a real day (years 1000–9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let ok = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`; a longer ISO timestamp (`2020-08-27T10:00Z`) is
    /// cut to its date.
    pub fn parse(s: &str) -> Result<Date> {
        let err = |reason: &str| Error::Date {
            text: s.to_string(),
            reason: reason.to_string(),
        };
        let t = s.trim();
        let b = t.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || (b.len() > 10 && b[10] != b'T') {
            return Err(err("expected YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16> {
            let part = &t[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| err("expected YYYY-MM-DD"))
            } else {
                Err(err("expected YYYY-MM-DD"))
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8).ok_or_else(|| err("no such day"))
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The day before (the same date on 1000-01-01).
    pub fn pred(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            let m = self.month - 1;
            Date {
                month: m,
                day: days_in_month(self.year, m),
                ..self
            }
        } else if self.year > 1000 {
            Date {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        } else {
            self
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;
    fn from_str(s: &str) -> Result<Date> {
        Date::parse(s)
    }
}

/// An inclusive range of days, open at either end; the default is "always".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DateRange {
    /// First day, if bounded.
    pub from: Option<Date>,
    /// Last day, if bounded.
    pub to: Option<Date>,
}

impl DateRange {
    /// The range that holds on every day.
    pub const ALWAYS: DateRange = DateRange {
        from: None,
        to: None,
    };

    /// A range from its ends.
    pub fn new(from: Option<Date>, to: Option<Date>) -> DateRange {
        DateRange { from, to }
    }

    /// Parses `FROM..TO`, `FROM..`, `..TO`, `..`, `*` or nothing.
    pub fn parse(s: &str) -> Result<DateRange> {
        let t = s.trim();
        if t.is_empty() || t == "*" || t == ".." {
            return Ok(DateRange::ALWAYS);
        }
        let Some((a, b)) = t.split_once("..") else {
            return Err(Error::Date {
                text: t.to_string(),
                reason: "expected FROM..TO (either end may be empty)".into(),
            });
        };
        let end = |x: &str| -> Result<Option<Date>> {
            let x = x.trim();
            if x.is_empty() {
                Ok(None)
            } else {
                Date::parse(x).map(Some)
            }
        };
        let r = DateRange {
            from: end(a)?,
            to: end(b)?,
        };
        if let (Some(f), Some(e)) = (r.from, r.to) {
            if f > e {
                return Err(Error::Date {
                    text: t.to_string(),
                    reason: "range ends before it starts".into(),
                });
            }
        }
        Ok(r)
    }

    /// True when the range has no bounds.
    pub fn is_always(self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// True when `date` lies in the range.
    pub fn contains(self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

impl fmt::Display for DateRange {
    /// Writes the form [`DateRange::parse`] reads; "always" is written empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_always() {
            return Ok(());
        }
        if let Some(d) = self.from {
            write!(f, "{d}")?;
        }
        f.write_str("..")?;
        if let Some(d) = self.to {
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_dates() {
        let d = Date::parse("2020-08-27").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2020, 8, 27));
        assert_eq!(d.to_string(), "2020-08-27");
        assert_eq!(Date::parse("2020-08-27T09:00:00Z").unwrap(), d);
        for bad in [
            "2020-02-30",
            "2021-02-29",
            "2020-8-27",
            "20200827",
            "2020-13-01",
            "x",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("2000-02-29").is_ok());
        assert_eq!(
            Date::parse("2020-03-01").unwrap().pred().to_string(),
            "2020-02-29"
        );
        assert_eq!(
            Date::parse("2021-01-01").unwrap().pred().to_string(),
            "2020-12-31"
        );
    }

    #[test]
    fn ranges_are_inclusive_and_open_ended() {
        let r = DateRange::parse("2017-06-21..2022-05-20").unwrap();
        assert!(r.contains(Date::parse("2017-06-21").unwrap()));
        assert!(r.contains(Date::parse("2022-05-20").unwrap()));
        assert!(!r.contains(Date::parse("2022-05-21").unwrap()));
        let open = DateRange::parse("2020-05-06..").unwrap();
        assert!(open.contains(Date::parse("2026-01-01").unwrap()));
        assert_eq!(open.to_string(), "2020-05-06..");
        assert!(DateRange::parse("").unwrap().is_always());
        assert!(DateRange::parse("2020-01-01..2019-01-01").is_err());
        assert!(DateRange::parse("2020-01-01").is_err());
    }
}
