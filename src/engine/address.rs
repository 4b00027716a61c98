//! Normalising the two base URLs: a bare host, `host:port` or a full URL all become
//! `scheme://host[:port][/path]`, the form the outputs use.

use url::Url;

use crate::engine::urls;

/// Which service a URL points at; they follow different rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// Headscale's `server_url`: must be the root of its own host.
    Headscale,
    /// authentik's base URL: may include the sub-path authentik is served under.
    Authentik,
}

/// Something wrong or suspicious about a base URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressProblem {
    Missing,
    Unparsable(String),
    Scheme(String),
    /// A path (Headscale only), query, fragment or user information, with the offending part.
    Extra(String),
    /// The explicit port is the scheme's default (`:443` on https).
    DefaultPort(String),
    /// The authentik URL already contains `/application/o/…` (someone pasted the issuer).
    IssuerPasted,
    /// The authentik host looks internal (no dot, or authentik's container ports).
    InternalHost(String),
}

/// A base URL as the outputs use it, with what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// `scheme://host[:port][/path]` without a trailing slash. When the input cannot be parsed
    /// this is the trimmed input, so the outputs still show what the reader typed.
    pub normalized: String,
    pub problems: Vec<AddressProblem>,
}

/// How a dropped path is named among the address's problems.
const PATH: &str = "path ";

impl Address {
    /// The path typed after Headscale's host, which the address drops (Headscale serves at the
    /// root of its host).
    pub fn dropped_path(&self) -> Option<&str> {
        self.problems.iter().find_map(|problem| match problem {
            AddressProblem::Extra(part) => part.strip_prefix(PATH),
            _ => None,
        })
    }

    pub fn parse(raw: &str, service: Service) -> Address {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Address { normalized: String::new(), problems: vec![AddressProblem::Missing] };
        }
        let full = if has_scheme(trimmed) { trimmed.to_string() } else { format!("https://{trimmed}") };
        let fallback = full.trim_end_matches('/').to_string();
        let unparsable = |reason: String| Address {
            normalized: fallback.clone(),
            problems: vec![AddressProblem::Unparsable(reason)],
        };
        // The playground carries no Unicode tables (they would add about 45 KB to every page
        // load), so international names are asked for in the form browsers show them.
        if !authority(&full).is_ascii() {
            return unparsable("international host names must be entered in their xn--… form".into());
        }
        // Host names are case-insensitive; lower-casing first keeps upper-case letters away from
        // the host-name mapping, which expects them gone (and asserts so in debug builds).
        let lowered = full.replacen(authority(&full), &authority(&full).to_ascii_lowercase(), 1);
        let url = match Url::parse(&lowered) {
            Ok(url) => url,
            Err(error) => return unparsable(error.to_string()),
        };
        let mut problems = Vec::new();
        let scheme = url.scheme();
        if scheme != "http" && scheme != "https" {
            problems.push(AddressProblem::Scheme(scheme.to_string()));
        }
        let Some(host) = url.host_str().filter(|host| !host.is_empty()) else {
            return unparsable("empty host".into());
        };
        if let Some(port) = explicit_default_port(&full) {
            problems.push(AddressProblem::DefaultPort(port));
        }
        if !url.username().is_empty() || url.password().is_some() {
            problems.push(AddressProblem::Extra("user name or password".into()));
        }
        let path = url.path().trim_end_matches('/');
        match service {
            Service::Headscale if !path.is_empty() => {
                problems.push(AddressProblem::Extra(format!("{PATH}{}", url.path())))
            }
            Service::Authentik if urls::is_oauth_path(path) => problems.push(AddressProblem::IssuerPasted),
            _ => {}
        }
        if let Some(query) = url.query() {
            problems.push(AddressProblem::Extra(format!("query ?{query}")));
        }
        if let Some(fragment) = url.fragment() {
            problems.push(AddressProblem::Extra(format!("fragment #{fragment}")));
        }
        if service == Service::Authentik {
            if let Some(reason) = internal_host(&url, host) {
                problems.push(AddressProblem::InternalHost(reason));
            }
        }
        let port = url.port().map(|port| format!(":{port}")).unwrap_or_default();
        let path = match service {
            Service::Headscale => "",
            Service::Authentik => path,
        };
        Address { normalized: format!("{scheme}://{host}{port}{path}"), problems }
    }
}

/// `true` when the text starts with `scheme://`.
fn has_scheme(text: &str) -> bool {
    let Some((scheme, _)) = text.split_once("://") else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The part between `scheme://` and the path: user information, host and port. Like the URL
/// parser, extra slashes and backslashes before the host are skipped.
fn authority(full: &str) -> &str {
    let rest = full.split_once("://").map_or(full, |(_, rest)| rest);
    let rest = rest.trim_start_matches(['/', '\\']);
    rest.split(['/', '\\', '?', '#']).next().unwrap_or_default()
}

/// The URL parser drops a default port, but Headscale keeps `server_url` verbatim, so the
/// port has to be found in the text itself.
fn explicit_default_port(full: &str) -> Option<String> {
    let (scheme, _) = full.split_once("://")?;
    let default = match scheme.to_ascii_lowercase().as_str() {
        "https" => "443",
        "http" => "80",
        _ => return None,
    };
    let host_port = authority(full).rsplit('@').next()?;
    let port = match host_port.rfind(']') {
        Some(end) => host_port[end + 1..].strip_prefix(':')?,
        None => host_port.rsplit_once(':')?.1,
    };
    (port.trim_start_matches('0') == default).then(|| format!(":{port}"))
}

/// authentik builds its issuer from the host the request came in on, so an internal name
/// gives an issuer that browsers cannot reach or that does not match.
fn internal_host(url: &Url, host: &str) -> Option<String> {
    if let Some(port) = url.port().filter(|port| urls::CONTAINER_PORTS.contains(port)) {
        return Some(format!("port {port} is authentik's container port"));
    }
    let is_name = matches!(url.host(), Some(url::Host::Domain(_)));
    (is_name && !host.contains('.') && host != "localhost").then(|| format!("{host} has no domain"))
}
