//! Reading `HEADSCALE_*=value` lines: from an environment file, a shell script with `export`,
//! or the list form of a docker compose `environment:` block.

/// One variable, with its 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    pub name: String,
    pub value: String,
    pub line: usize,
}

/// The `NAME=value` of a line, without `export ` or a compose `- ` in front.
fn assignment(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let line = line.strip_prefix("- ").unwrap_or(line).trim_start();
    let line = line.strip_prefix("export ").unwrap_or(line).trim_start();
    // Compose's list form may quote the whole assignment: - "NAME=value".
    let line = match line.chars().next() {
        Some(quote @ ('"' | '\'')) if line.len() > 1 && line.ends_with(quote) => &line[1..line.len() - 1],
        _ => line,
    };
    let (name, value) = line.split_once('=')?;
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then_some((name, value))
}

/// A shell word: single quotes keep everything, double quotes allow `\"`, `\\`, `\$`, bare
/// words end at a comment.
fn unquote(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => out.extend(chars.by_ref().take_while(|&c| c != '\'')),
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' if chars.peek().is_some_and(|next| "\"\\$`".contains(*next)) => out.extend(chars.next()),
                        c => out.push(c),
                    }
                }
            }
            '\\' => out.extend(chars.next()),
            '#' if out.is_empty() || out.ends_with(char::is_whitespace) => break,
            c => out.push(c),
        }
    }
    out.trim_end().to_string()
}

/// The variables of the text, if it reads as environment variables: every line that is not
/// blank or a comment assigns a variable, and one of them is a `HEADSCALE_` one.
pub fn parse(text: &str) -> Option<Vec<Variable>> {
    let mut variables = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (name, value) = assignment(trimmed)?;
        variables.push(Variable { name: name.to_string(), value: unquote(value), line: index + 1 });
    }
    variables.iter().any(|variable| variable.name.starts_with("HEADSCALE_")).then_some(variables)
}
