//! Headscale's duration grammar (Prometheus' `ParseDuration`): whole numbers with the units
//! y, w, d, h, m, s and ms, each at most once and in that order; or the bare `0`.

/// What a duration means to Headscale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duration {
    /// `0`: no expiry.
    Never,
    /// A length in milliseconds; zero only for forms like `0s`.
    Millis(u128),
}

const UNITS: [(&str, u128); 7] = [
    ("y", 365 * 24 * 3_600_000),
    ("w", 7 * 24 * 3_600_000),
    ("d", 24 * 3_600_000),
    ("h", 3_600_000),
    ("m", 60_000),
    ("s", 1_000),
    ("ms", 1),
];

/// Parses a duration, or returns `None` when Headscale would not read it.
pub fn parse(text: &str) -> Option<Duration> {
    if text == "0" {
        return Some(Duration::Never);
    }
    if text.is_empty() {
        return None;
    }
    let mut rest = text;
    let mut total: u128 = 0;
    let mut next_unit = 0;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        if digits == 0 || digits > 18 {
            return None;
        }
        let number: u128 = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        // "ms" must be tried before "m".
        let (index, (unit, factor)) = UNITS
            .iter()
            .enumerate()
            .skip(next_unit)
            .find(|(_, (unit, _))| rest.starts_with(unit) && !(*unit == "m" && rest.starts_with("ms")))?;
        rest = &rest[unit.len()..];
        total = total.checked_add(number.checked_mul(*factor)?)?;
        next_unit = index + 1;
    }
    Some(Duration::Millis(total))
}
