//! Where each statement about Headscale or authentik comes from: a line of an upstream
//! project's source at a release tag (or commit), or a documentation page.
//!
//! Checks carry their evidence and the page shows it next to the documentation link; the
//! release tables and the field help name theirs for the tests. The quoted lines themselves are
//! test data (`tests/upstream/evidence/`), and the host tests fail when a cited line no longer
//! says what the statement relies on. Kept compact: a project, a tag, a path and a line.

use crate::engine::links::Link;

/// An upstream project whose source the playground cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upstream {
    Headscale,
    Authentik,
    /// The goauthentik/authentik Terraform provider.
    TerraformProvider,
    /// authentik's generated Go API client, which the Terraform provider uses.
    AuthentikGoClient,
    /// coreos/go-oidc, Headscale's OpenID Connect library.
    GoOidc,
    /// spf13/viper, Headscale's configuration library.
    Viper,
    /// spf13/cast, which viper converts values with.
    Cast,
    /// go-yaml v3, viper's YAML parser.
    GoYaml,
}

impl Upstream {
    pub const ALL: [Upstream; 8] = [
        Upstream::Headscale,
        Upstream::Authentik,
        Upstream::TerraformProvider,
        Upstream::AuthentikGoClient,
        Upstream::GoOidc,
        Upstream::Viper,
        Upstream::Cast,
        Upstream::GoYaml,
    ];

    /// The project's repository, `owner/name` on GitHub.
    pub fn repository(self) -> &'static str {
        match self {
            Upstream::Headscale => "juanfont/headscale",
            Upstream::Authentik => "goauthentik/authentik",
            Upstream::TerraformProvider => "goauthentik/terraform-provider-authentik",
            Upstream::AuthentikGoClient => "goauthentik/client-go",
            Upstream::GoOidc => "coreos/go-oidc",
            Upstream::Viper => "spf13/viper",
            Upstream::Cast => "spf13/cast",
            Upstream::GoYaml => "go-yaml/yaml",
        }
    }

    /// The name a reader knows the project by.
    pub fn name(self) -> &'static str {
        match self {
            Upstream::Headscale => "Headscale",
            Upstream::Authentik => "authentik",
            Upstream::TerraformProvider => "Terraform provider",
            Upstream::AuthentikGoClient => "authentik Go client",
            Upstream::GoOidc => "go-oidc",
            Upstream::Viper => "viper",
            Upstream::Cast => "cast",
            Upstream::GoYaml => "yaml.v3",
        }
    }
}

/// One line of an upstream file at a tag or commit (the first line of a quoted passage).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    pub upstream: Upstream,
    /// A release tag (`v0.29.2`, `version/2024.10.3`) or, where no tag is known, the first 12
    /// characters of a commit (the evidence file has it in full).
    pub at: &'static str,
    pub path: &'static str,
    pub line: u32,
}

/// What a statement rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    Source(Source),
    Page(Link),
}

impl Evidence {
    /// The address a reader opens to see it.
    pub fn url(&self) -> String {
        match self {
            Evidence::Source(source) => format!(
                "https://github.com/{}/blob/{}/{}#L{}",
                source.upstream.repository(),
                source.at,
                source.path,
                source.line
            ),
            Evidence::Page(link) => link.url.to_string(),
        }
    }

    /// A short name for a link: `Headscale v0.29.2 hscontrol/oidc.go:238`.
    pub fn title(&self) -> String {
        match self {
            Evidence::Source(source) => {
                let at = if is_commit(source.at) { &source.at[..7] } else { source.at };
                format!("{} {} {}:{}", source.upstream.name(), at, source.path, source.line)
            }
            Evidence::Page(link) => link.title.to_string(),
        }
    }
}

/// A commit (12 hexadecimal characters) rather than a tag.
fn is_commit(at: &str) -> bool {
    at.len() == 12 && at.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A line of Headscale at a tag.
pub(crate) const fn headscale(at: &'static str, path: &'static str, line: u32) -> Evidence {
    Evidence::Source(Source { upstream: Upstream::Headscale, at, path, line })
}

/// A line of authentik at a tag or commit.
pub(crate) const fn authentik(at: &'static str, path: &'static str, line: u32) -> Evidence {
    Evidence::Source(Source { upstream: Upstream::Authentik, at, path, line })
}

/// A line of another upstream project.
pub(crate) const fn source(upstream: Upstream, at: &'static str, path: &'static str, line: u32) -> Evidence {
    Evidence::Source(Source { upstream, at, path, line })
}

/// A documentation page.
pub(crate) const fn page(link: Link) -> Evidence {
    Evidence::Page(link)
}

/// One fact of a release table or one help sentence, and what it rests on. The tests name
/// every fact a table holds and fail on one without evidence.
#[derive(Debug)]
pub struct Fact {
    pub name: &'static str,
    pub evidence: &'static [Evidence],
}

pub(crate) const fn fact(name: &'static str, evidence: &'static [Evidence]) -> Fact {
    Fact { name, evidence }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::links;

    #[test]
    fn a_source_links_to_its_line_at_its_tag() {
        let e = headscale("v0.29.2", "hscontrol/oidc.go", 238);
        assert_eq!(e.url(), "https://github.com/juanfont/headscale/blob/v0.29.2/hscontrol/oidc.go#L238");
        assert_eq!(e.title(), "Headscale v0.29.2 hscontrol/oidc.go:238");
        let commit = authentik("005f3a9fdf3a", "a/b.py", 7);
        assert_eq!(commit.title(), "authentik 005f3a9 a/b.py:7");
        assert!(commit.url().contains("/blob/005f3a9fdf3a/a/b.py#L7"));
        assert_eq!(page(links::HEADSCALE_OIDC).url(), links::HEADSCALE_OIDC.url);
    }

    #[test]
    fn a_commit_is_twelve_hexadecimal_characters() {
        assert!(is_commit("005f3a9fdf3a"));
        // Twelve characters that are no commit, and a commit one character too long or short.
        assert!(!is_commit("v0.26.10-rc1"));
        assert!(!is_commit("005f3a9fdf3a0") && !is_commit("005f3a9fdf3"));
    }
}
