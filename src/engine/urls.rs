//! Where authentik serves an OAuth2 application: everything lives under `/application/o/` of
//! its URL, per application (issuer, discovery, JWKS, end session) or shared by all of them
//! (authorize, token, userinfo).

/// The path under authentik's URL where its OAuth2 endpoints live.
pub(crate) const OAUTH_PATH: &str = "/application/o/";

/// The ports authentik's container listens on: a URL with one of them reaches authentik from
/// inside, not the way users and Headscale do.
pub(crate) const CONTAINER_PORTS: [u16; 2] = [9000, 9443];

/// The issuer of the application with this slug; authentik writes it with a trailing slash.
pub fn issuer(base: &str, slug: &str) -> String {
    format!("{base}{OAUTH_PATH}{slug}/")
}

/// An endpoint all applications share, such as `authorize`.
pub(crate) fn shared_endpoint(base: &str, name: &str) -> String {
    format!("{base}{OAUTH_PATH}{name}/")
}

/// The discovery document Headscale reads at startup.
pub(crate) fn discovery(issuer: &str) -> String {
    format!("{issuer}.well-known/openid-configuration")
}

/// Whether a URL path already reaches into the OAuth2 endpoints (someone pasted an issuer).
pub(crate) fn is_oauth_path(path: &str) -> bool {
    path.contains(OAUTH_PATH) || path.trim_end_matches('/').ends_with(OAUTH_PATH.trim_end_matches('/'))
}

/// Splits an issuer into authentik's URL and the application slug.
pub(crate) fn split_issuer(issuer: &str) -> Option<(&str, &str)> {
    let (base, rest) = issuer.split_once(OAUTH_PATH)?;
    let slug = rest.trim_end_matches('/');
    (!slug.is_empty() && !slug.contains('/')).then_some((base, slug))
}

#[cfg(test)]
mod tests {
    use super::split_issuer;

    #[test]
    fn an_issuer_splits_into_authentiks_url_and_one_slug() {
        let base = "https://sso.example.org";
        assert_eq!(split_issuer("https://sso.example.org/application/o/headscale/"), Some((base, "headscale")));
        assert_eq!(split_issuer("https://sso.example.org/application/o/headscale"), Some((base, "headscale")));
        // No slug, or a path below one, is not an application's issuer.
        assert_eq!(split_issuer("https://sso.example.org/application/o/"), None);
        assert_eq!(split_issuer("https://sso.example.org/application/o/headscale/authorize/"), None);
        assert_eq!(split_issuer("https://sso.example.org/realms/headscale"), None);
    }
}
