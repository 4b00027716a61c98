//! An environment file read the way bash reads it when it is sourced (and as docker compose
//! and systemd are meant to): one assignment after another, the last one of a name winning;
//! single quotes keep everything, double quotes and backslashes escape, and a quoted value may
//! run over several lines, so `A="ops⏎B=x"` is one variable, not two. What bash would expand
//! (`$NAME`, `${NAME:-x}`, `$(…)`, backquotes, a leading `~`) or refuse (a quote never closed)
//! is kept as written and flagged, since the value then depends on where the file is read.

/// One assignment, with the 1-based line of its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub name: String,
    pub value: String,
    pub line: usize,
    /// Why the value is not what is written (an expansion, a quote never closed).
    pub flag: Option<String>,
}

struct Lexer<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
}

impl Lexer<'_> {
    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.next();
        }
    }

    fn skip_line(&mut self) {
        while self.peek().is_some_and(|c| c != '\n') {
            self.next();
        }
    }

    /// A name, if the text here starts with one.
    fn name(&mut self) -> Option<String> {
        let first = self.peek().filter(|c| c.is_ascii_alphabetic() || *c == '_')?;
        let mut name = String::from(first);
        self.next();
        while let Some(c) = self.peek().filter(|c| c.is_ascii_alphanumeric() || *c == '_') {
            name.push(c);
            self.next();
        }
        Some(name)
    }

    /// After a `$`: whether bash expands what follows.
    fn expands(&mut self) -> bool {
        self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || "_{(@*#?$!-'\"".contains(c))
    }

    /// The value of an assignment, up to an unquoted blank or the end of the line.
    fn word(&mut self, flag: &mut Option<String>) -> String {
        let mut value = String::new();
        let start = self.line;
        let note = |flag: &mut Option<String>, reason: String| {
            flag.get_or_insert(reason);
        };
        if self.peek() == Some('~') {
            note(flag, "a value starting with ~, which bash replaces with a home folder".into());
        }
        while let Some(c) = self.peek() {
            match c {
                ' ' | '\t' | '\n' | ';' | '&' | '|' => break,
                '\'' => {
                    self.next();
                    loop {
                        match self.next() {
                            Some('\'') => break,
                            Some(c) => value.push(c),
                            None => {
                                note(flag, format!("a quote opened on line {start} and never closed, so bash refuses the whole file"));
                                break;
                            }
                        }
                    }
                }
                '"' => {
                    self.next();
                    loop {
                        match self.next() {
                            Some('"') => break,
                            Some('\\') => match self.peek() {
                                Some('\n') => {
                                    self.next();
                                }
                                Some(c @ ('$' | '`' | '"' | '\\')) => {
                                    self.next();
                                    value.push(c);
                                }
                                _ => value.push('\\'),
                            },
                            Some('$') if self.expands() => {
                                note(flag, "text bash expands ($…)".into());
                                value.push('$');
                            }
                            Some('`') => {
                                note(flag, "a command bash runs (`…`)".into());
                                value.push('`');
                            }
                            Some(c) => value.push(c),
                            None => {
                                note(flag, format!("a quote opened on line {start} and never closed, so bash refuses the whole file"));
                                break;
                            }
                        }
                    }
                }
                '\\' => {
                    self.next();
                    match self.next() {
                        Some('\n') | None => {}
                        Some(c) => value.push(c),
                    }
                }
                '$' => {
                    self.next();
                    if self.expands() {
                        note(flag, "text bash expands ($…)".into());
                    }
                    value.push('$');
                }
                '`' => {
                    self.next();
                    note(flag, "a command bash runs (`…`)".into());
                    value.push('`');
                }
                c => {
                    self.next();
                    value.push(c);
                }
            }
        }
        if self.line > start && flag.is_none() {
            note(
                flag,
                format!(
                    "a quoted value that runs from line {start} to line {}, which bash reads as one variable",
                    self.line
                ),
            );
        }
        value
    }
}

/// The assignments of `text`, if every line that is not blank or a comment assigns a variable
/// (optionally after `export`); `None` for any other text.
pub(crate) fn assignments(text: &str) -> Option<Vec<Assignment>> {
    // CR LF ends a line, as every editor means it; a carriage return alone stays in the value.
    let text = text.replace("\r\n", "\n");
    let mut lexer = Lexer { chars: text.chars().peekable(), line: 1 };
    let mut found = Vec::new();
    loop {
        lexer.skip_blanks();
        match lexer.peek() {
            None => return Some(found),
            Some('\n') => {
                lexer.next();
                continue;
            }
            Some('#') => {
                lexer.skip_line();
                continue;
            }
            _ => {}
        }
        let line = lexer.line;
        let mut name = lexer.name()?;
        if name == "export" && matches!(lexer.peek(), Some(' ' | '\t')) {
            lexer.skip_blanks();
            name = lexer.name()?;
        }
        if lexer.next() != Some('=') {
            return None;
        }
        let mut flag = None;
        let value = lexer.word(&mut flag);
        found.push(Assignment { name, value, line, flag });
        // Further assignments on the line are bash's too; a command after them is not ours.
        lexer.skip_blanks();
        match lexer.peek() {
            None | Some('\n') => {}
            Some(';') => {
                lexer.next();
            }
            Some(_) => {
                let mut probe = Lexer { chars: lexer.chars.clone(), line: lexer.line };
                if !(probe.name().is_some() && probe.next() == Some('=')) {
                    lexer.skip_line();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, String, usize, bool)> {
        assignments(text)
            .expect("assignments")
            .into_iter()
            .map(|a| (a.name, a.value, a.line, a.flag.is_some()))
            .collect()
    }

    #[test]
    fn quotes_escapes_and_comments_read_as_bash_reads_them() {
        let text = "A=plain # comment\nexport B='single $X \"q\"'\nC=\"double \\\"q\\\" \\$HOME\"\nD=a\\ b\nE=x#y\n";
        assert_eq!(
            read(text),
            [
                ("A".into(), "plain".into(), 1, false),
                ("B".into(), "single $X \"q\"".into(), 2, false),
                ("C".into(), "double \"q\" $HOME".into(), 3, false),
                ("D".into(), "a b".into(), 4, false),
                ("E".into(), "x#y".into(), 5, false),
            ]
        );
    }

    #[test]
    fn a_quoted_value_over_two_lines_is_one_variable() {
        let found = read("G=\"ops\nU=boss@x.com\"\nH=1\n");
        assert_eq!(found[0], ("G".into(), "ops\nU=boss@x.com".into(), 1, true));
        assert_eq!(found[1], ("H".into(), "1".into(), 3, false));
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn expansions_and_unclosed_quotes_are_flagged() {
        for text in ["G=${GROUPS:-ops}", "G=\"$GROUPS\"", "G=$(cat f)", "G=`cat f`", "G=~/x", "G=\"ops", "G='ops"] {
            assert!(read(text)[0].3, "{text}");
        }
        assert!(!read("G='${GROUPS:-ops}'")[0].3, "single quotes keep it as written");
        assert!(!read("G=pa$")[0].3, "a lone dollar is a dollar");
    }

    #[test]
    fn names_lines_and_lone_dollars_as_bash_has_them() {
        assert_eq!(
            read("_A=1\nexport=2\n"),
            [("_A".into(), "1".into(), 1, false), ("export".into(), "2".into(), 2, false)]
        );
        assert_eq!(assignments("1A=1\n"), None);
        // A backslash before a line break inside double quotes joins the lines.
        assert_eq!(read("G=\"a\\\nb\"\n")[0].1, "ab");
        assert!(!read("G=\"a$ b\"")[0].3, "a dollar before a blank expands nothing");
    }

    #[test]
    fn other_text_is_not_an_environment_file() {
        assert_eq!(assignments("oidc:\n  issuer: x\n"), None);
        assert_eq!(assignments("A=1\nheadscale serve\n"), None);
        assert_eq!(read("A=1 B=2 cmd --flag\n").len(), 2);
    }
}
