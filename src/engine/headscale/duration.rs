//! Headscale's duration grammar (Prometheus' `ParseDuration`): whole numbers with the units
//! y, w, d, h, m, s and ms, each at most once and in that order; or the bare `0`. The total
//! must fit Go's `time.Duration` (nanoseconds in a signed 64-bit integer, about 292 years):
//! beyond it Prometheus answers "duration out of range" and Headscale does not start.

/// What a duration means to Headscale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duration {
    /// `0`: no expiry.
    Never,
    /// A length in milliseconds; zero only for forms like `0s`.
    Millis(u128),
}

/// Each unit in milliseconds.
const UNITS: [(&str, u128); 7] = [
    ("y", 365 * 24 * 3_600_000),
    ("w", 7 * 24 * 3_600_000),
    ("d", 24 * 3_600_000),
    ("h", 3_600_000),
    ("m", 60_000),
    ("s", 1_000),
    ("ms", 1),
];

/// The longest `time.Duration`, in nanoseconds.
const MAX_NANOS: u128 = i64::MAX as u128;
const NANOS_PER_MILLI: u128 = 1_000_000;

/// Parses a duration, or returns `None` when Headscale would not read it.
pub fn parse(text: &str) -> Option<Duration> {
    if text == "0" {
        return Some(Duration::Never);
    }
    if text.is_empty() {
        return None;
    }
    let mut rest = text;
    let mut nanos: u128 = 0;
    let mut next_unit = 0;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        // Go's strconv.ParseUint: a number beyond 64 bits is not a duration at all.
        let number = u128::from(rest[..digits].parse::<u64>().ok()?);
        rest = &rest[digits..];
        // "ms" must be tried before "m".
        let (index, (unit, factor)) = UNITS
            .iter()
            .enumerate()
            .skip(next_unit)
            .find(|(_, (unit, _))| rest.starts_with(unit) && !(*unit == "m" && rest.starts_with("ms")))?;
        rest = &rest[unit.len()..];
        // In 128 bits no part can overflow (at most 64 bits of number times 55 of unit), so
        // Prometheus' two range checks come down to one on the running total.
        nanos += number * factor * NANOS_PER_MILLI;
        if nanos > MAX_NANOS {
            return None;
        }
        next_unit = index + 1;
    }
    Some(Duration::Millis(nanos / NANOS_PER_MILLI))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_follow_headscales_grammar() {
        const DAY: u128 = 24 * 3_600_000;
        assert_eq!(parse("0"), Some(Duration::Never));
        assert_eq!(parse("180d"), Some(Duration::Millis(180 * DAY)));
        assert_eq!(
            parse("1y2w3d4h5m6s7ms"),
            Some(Duration::Millis(365 * DAY + 14 * DAY + 3 * DAY + 4 * 3_600_000 + 5 * 60_000 + 6_007))
        );
        assert_eq!(parse("90m"), Some(Duration::Millis(90 * 60_000)));
        assert_eq!(parse("500ms"), Some(Duration::Millis(500)));
        assert_eq!(parse("0s"), Some(Duration::Millis(0)));
        for bad in [
            "",
            "1.5h",
            "1h 30m",
            "30m1h",
            "1d1d",
            "d",
            "-1d",
            "1D",
            "1",
            "01x",
            "1 d",
            "180days",
            "99999999999999999999y",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_total_must_fit_gos_duration() {
        const DAY: u128 = 24 * 3_600_000;
        // About 292 years: the last whole years, days and milliseconds in, the next ones out.
        assert_eq!(parse("292y"), Some(Duration::Millis(292 * 365 * DAY)));
        assert_eq!(parse("293y"), None);
        assert_eq!(parse("106751d"), Some(Duration::Millis(106_751 * DAY)));
        assert_eq!(parse("106752d"), None);
        assert_eq!(parse("9223372036854ms"), Some(Duration::Millis(9_223_372_036_854)));
        assert_eq!(parse("9223372036855ms"), None);
        // Each part fits, the sum does not.
        assert_eq!(parse("292y24w3d"), Some(Duration::Millis(106_751 * DAY)));
        assert_eq!(parse("292y24w4d"), None);
        assert_eq!(parse("292y25w"), None);
        // A number Go cannot read as 64 bits, however small its unit.
        assert_eq!(parse("18446744073709551615ms"), None);
        assert_eq!(parse("18446744073709551616ms"), None);
        // Leading zeros are digits like any other.
        assert_eq!(parse("0000000000000000000001d"), Some(Duration::Millis(DAY)));
    }
}
