//! Every message the playground recognises: what Headscale, the libraries it logs through,
//! authentik and the database print on the OIDC login path, as data. Each has the releases
//! that print it, the step of the login it belongs to and its causes, most likely first before
//! the inputs are looked at. `tests/integration/symptoms.rs` holds this table to the messages
//! extracted from each project's source (`tests/upstream/messages/`), and `docs/messages.md`
//! is generated from it.

use crate::engine::catalogue::LoginStep;
use crate::engine::versions::authentik::AuthentikVersion;
use crate::engine::versions::headscale::{HeadscaleVersion, HEADSCALE_RELEASES};

use super::causes::Cause;
use super::causes::Cause::*;
use LoginStep::*;
use Origin::*;

/// Who prints a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    Headscale,
    /// coreos/go-oidc, inside a Headscale message.
    GoOidc,
    /// golang.org/x/oauth2, inside a Headscale message.
    OAuth2,
    /// go-jose, inside a go-oidc message.
    GoJose,
    Authentik,
    /// The database under Headscale.
    Database,
}

impl Origin {
    pub fn label(self) -> &'static str {
        match self {
            Headscale => "Headscale",
            GoOidc => "go-oidc (in Headscale)",
            OAuth2 => "golang.org/x/oauth2 (in Headscale)",
            GoJose => "go-jose (in Headscale)",
            Authentik => "authentik",
            Database => "the database (SQLite)",
        }
    }
}

/// Which releases print a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Releases {
    /// Headscale release lines, bit `n` for `0.(22 + n)`: the library messages too, by the
    /// library version each release pins.
    Headscale(u16),
    /// authentik release lines, from one key of the release table to another.
    Authentik(&'static str, &'static str),
    /// Every release: not Headscale's own text.
    Any,
}

impl Releases {
    /// Whether `version` prints the message (always, for a message of authentik or the
    /// database).
    pub fn headscale(self, version: HeadscaleVersion) -> bool {
        match self {
            Releases::Headscale(mask) => version.0 >= 22 && mask & (1 << (version.0 - 22)) != 0,
            _ => true,
        }
    }

    /// Whether authentik `version` prints the message (always, for one of Headscale's).
    pub fn authentik(self, version: AuthentikVersion) -> bool {
        match self {
            Releases::Authentik(from, to) => {
                let (Some(from), Some(to)) = (AuthentikVersion::parse(from), AuthentikVersion::parse(to)) else {
                    return false;
                };
                from <= version && version <= to
            }
            _ => true,
        }
    }

    /// "Headscale 0.24 to 0.29", "Headscale 0.22, 0.29", "authentik 2026.5 and later".
    pub fn label(self) -> String {
        match self {
            Releases::Headscale(mask) => {
                let minors: Vec<u8> = (22..30).filter(|minor| mask & (1 << (minor - 22)) != 0).collect();
                let newest = HEADSCALE_RELEASES[0].version.0;
                let runs = runs(&minors);
                let text = runs
                    .iter()
                    .map(|&(from, to)| match (from == to, to == newest) {
                        (true, _) => format!("0.{from}"),
                        (false, true) => format!("0.{from} and later"),
                        (false, false) => format!("0.{from} to 0.{to}"),
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                if runs == [(22, newest)] {
                    "every Headscale release".to_string()
                } else {
                    format!("Headscale {text}")
                }
            }
            Releases::Authentik(from, to) => {
                let newest = crate::engine::versions::authentik::AUTHENTIK_RELEASES[0].key;
                let from = from.trim_end_matches(".0");
                if to == newest {
                    format!("authentik {from} and later")
                } else {
                    format!("authentik {from} to {to}")
                }
            }
            Releases::Any => "any release".to_string(),
        }
    }
}

fn runs(minors: &[u8]) -> Vec<(u8, u8)> {
    let mut runs: Vec<(u8, u8)> = Vec::new();
    for &minor in minors {
        match runs.last_mut() {
            Some((_, to)) if *to + 1 == minor => *to = minor,
            _ => runs.push((minor, minor)),
        }
    }
    runs
}

/// One message the playground recognises.
#[derive(Debug)]
pub struct Known {
    /// As printed, a Go format string: `%q`, `%s`, `%v` stand for values.
    pub pattern: &'static str,
    pub origin: Origin,
    pub releases: Releases,
    pub step: LoginStep,
    /// Most likely first, before the inputs are looked at.
    pub causes: &'static [Cause],
    /// A short text that only counts as the whole of a line, a page or what another message
    /// wraps (`Unauthorized`, `invalid code`).
    pub whole: bool,
}

impl Known {
    /// A message that starts with a value (`%s: %s`) is only recognised inside another.
    pub fn inner(&self) -> bool {
        self.pattern.starts_with('%')
    }
}

const fn known(
    origin: Origin,
    releases: Releases,
    pattern: &'static str,
    step: LoginStep,
    causes: &'static [Cause],
) -> Known {
    Known { pattern, origin, releases, step, causes, whole: false }
}

const fn whole(
    origin: Origin,
    releases: Releases,
    pattern: &'static str,
    step: LoginStep,
    causes: &'static [Cause],
) -> Known {
    Known { pattern, origin, releases, step, causes, whole: true }
}

/// Every recognised message, by the step of the login, Headscale's own first.
pub const MESSAGES: &[Known] = &[
    known(Headscale, Releases::Headscale(0b00000001), "Could not retrieve OIDC Config: %s", Discovery, &[AuthentikUnreachable, IssuerMismatch, ProxyHeaders, SlugOrProvider, StartOrder]),
    known(Headscale, Releases::Headscale(0b11111110), "creating OIDC provider from issuer config: %v", Discovery, &[AuthentikUnreachable, IssuerMismatch, ProxyHeaders, SlugOrProvider, StartOrder]),
    known(Headscale, Releases::Headscale(0b11111111), "failed to set up OIDC provider, falling back to CLI based authentication", Discovery, &[AuthentikUnreachable, IssuerMismatch, SlugOrProvider, StartOrder]),
    known(Headscale, Releases::Headscale(0b11111111), "oidc_client_secret and oidc_client_secret_path are mutually exclusive", Discovery, &[SecretBoth]),
    known(Headscale, Releases::Headscale(0b11111100), "pkce.method must be either 'plain' or 'S256'", Discovery, &[PkceMethod]),
    known(Headscale, Releases::Headscale(0b10000000), "The \"oidc.expiry\" configuration key has been removed. Please use \"node.expiry\" instead.", Discovery, &[KeyRemoved]),
    known(Headscale, Releases::Headscale(0b11110000), "The \"oidc.map_legacy_users\" configuration key has been removed. Please see the changelog for more details.", Discovery, &[KeyRemoved]),
    known(Headscale, Releases::Headscale(0b11111100), "The \"oidc.strip_email_domain\" configuration key has been removed. Please see the changelog for more details.", Discovery, &[KeyRemoved]),
    known(GoOidc, Releases::Headscale(0b11111111), "%s: %s", Discovery, &[SlugOrProvider, AuthentikUnreachable]),
    known(GoOidc, Releases::Headscale(0b11111111), "expected Content-Type = application/json, got %q: %v", Discovery, &[SlugOrProvider, ProxyHeaders]),
    known(GoOidc, Releases::Headscale(0b11111111), "got Content-Type = application/json, but could not unmarshal as JSON: %v", Discovery, &[SlugOrProvider, ProxyHeaders]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: failed to decode provider discovery object: %v", Discovery, &[SlugOrProvider, ProxyHeaders]),
    known(GoOidc, Releases::Headscale(0b00111111), "oidc: issuer did not match the issuer returned by provider, expected %q got %q", Discovery, &[IssuerMismatch, ProxyHeaders]),
    known(GoOidc, Releases::Headscale(0b11000000), "oidc: issuer URL provided to client (%q) did not match the issuer URL returned by provider (%q)", Discovery, &[IssuerMismatch, ProxyHeaders]),
    known(GoOidc, Releases::Headscale(0b11111111), "unable to read response body: %v", Discovery, &[AuthentikUnreachable]),
    known(Headscale, Releases::Headscale(0b00111110), "could not get node key from cache", Register, &[LinkDamaged]),
    known(Headscale, Releases::Headscale(0b00000011), "could not read 16 bytes from rand", Register, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000011), "Failed to parse incoming nodekey in OIDC registration", Register, &[LinkDamaged]),
    known(Headscale, Releases::Headscale(0b10000000), "generating csrf token: %v", Register, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000001), "Invalid node key passed to registration url", Register, &[LinkDamaged]),
    whole(Headscale, Releases::Headscale(0b01111000), "invalid registration id", Register, &[LinkDamaged]),
    known(Headscale, Releases::Headscale(0b00000111), "Received oidc register call", Register, &[Normal]),
    known(Headscale, Releases::Headscale(0b00000010), "requested node state key is not a nodekey", Register, &[LinkDamaged]),
    whole(Headscale, Releases::Headscale(0b00000001), "Unauthorized", Register, &[LinkDamaged]),
    known(Headscale, Releases::Headscale(0b01111111), "Redirecting to %s for authentication", Authorize, &[Normal]),
    known(Headscale, Releases::Headscale(0b10000000), "redirecting to %s for authentication", Authorize, &[Normal]),
    whole(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "Client ID Error", Authorize, &[ClientId]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "Invalid client identifier: %s.", Authorize, &[ClientId]),
    known(Authentik, Releases::Authentik("2026.5.0", "2026.11"), "Invalid grant_type for provider", Authorize, &[GrantTypes]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "Invalid redirect URI was used. Client used '%s'. Allowed redirect URIs are %s", Authorize, &[RedirectUri, RedirectUriType]),
    whole(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "Redirect URI Error", Authorize, &[RedirectUri, RedirectUriType]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The authorization server does not support obtaining an authorization code using this method", Authorize, &[ExtraParams]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The Authorization Server requires End-User authentication", Authorize, &[ExtraParams]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The client identifier (client_id) is missing or invalid.", Authorize, &[ClientId]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The request fails due to a missing, invalid, or mismatching redirection URI (redirect_uri).", Authorize, &[RedirectUri, RedirectUriType]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The request is otherwise malformed", Authorize, &[GrantTypes, PkceMethod, ExtraParams]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The requested scope is invalid, unknown, or malformed", Authorize, &[ScopeNotMapped, ScopeOpenid]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The resource owner or authorization server denied the request", SignIn, &[AccessDenied]),
    known(Headscale, Releases::Headscale(0b10000000), "auth session expired before authorization completed", Callback, &[LoginTooSlow, CallbackReloaded]),
    known(Headscale, Releases::Headscale(0b01111100), "could not get registration info from cache", Callback, &[LoginTooSlow, CallbackReloaded]),
    known(Headscale, Releases::Headscale(0b11111110), "empty OIDC callback params", Callback, &[AuthentikRefused, GrantTypes, CallbackReloaded, StateCookieLost]),
    known(Headscale, Releases::Headscale(0b00000011), "Got oidc callback", Callback, &[Normal]),
    whole(Headscale, Releases::Headscale(0b10000000), "invalid state parameter", Callback, &[CallbackReloaded, StateCookieLost, AuthentikRefused]),
    known(Headscale, Releases::Headscale(0b11111100), "login session expired, try again", Callback, &[LoginTooSlow, CallbackReloaded]),
    known(Headscale, Releases::Headscale(0b11111000), "missing code or state parameter", Callback, &[AuthentikRefused, GrantTypes, CallbackReloaded, StateCookieLost]),
    known(Headscale, Releases::Headscale(0b11111100), "nonce did not match", Callback, &[CallbackReloaded, StateCookieLost, AuthentikRefused]),
    whole(Headscale, Releases::Headscale(0b11111100), "nonce not found", Callback, &[CallbackReloaded, StateCookieLost, AuthentikRefused]),
    known(Headscale, Releases::Headscale(0b10000000), "oidc state parameter is too short", Callback, &[CallbackReloaded, StateCookieLost, AuthentikRefused]),
    known(Headscale, Releases::Headscale(0b00000100), "Received oidc callback", Callback, &[Normal]),
    known(Headscale, Releases::Headscale(0b10000000), "registration info not in cache", Callback, &[LoginTooSlow, CallbackReloaded]),
    whole(Headscale, Releases::Headscale(0b11111000), "registration not found", Callback, &[LoginTooSlow, CallbackReloaded]),
    whole(Headscale, Releases::Headscale(0b10000000), "registration session expired", Callback, &[LoginTooSlow, CallbackReloaded]),
    known(Headscale, Releases::Headscale(0b11100000), "registration session expired before authorization completed", Callback, &[LoginTooSlow, CallbackReloaded]),
    known(Headscale, Releases::Headscale(0b00000001), "requested machine state key expired before authorisation completed", Callback, &[LoginTooSlow, CallbackReloaded]),
    known(Headscale, Releases::Headscale(0b00000001), "requested machine state key is not a string", Callback, &[LoginTooSlow, CallbackReloaded]),
    known(Headscale, Releases::Headscale(0b00111110), "requested node state key expired before authorisation completed", Callback, &[LoginTooSlow, CallbackReloaded]),
    known(Headscale, Releases::Headscale(0b11111100), "state did not match", Callback, &[CallbackReloaded, StateCookieLost, AuthentikRefused]),
    whole(Headscale, Releases::Headscale(0b00000011), "state has expired", Callback, &[LoginTooSlow, CallbackReloaded]),
    whole(Headscale, Releases::Headscale(0b00000011), "state is invalid", Callback, &[LoginTooSlow, CallbackReloaded]),
    whole(Headscale, Releases::Headscale(0b11111100), "state not found", Callback, &[CallbackReloaded, StateCookieLost, AuthentikRefused]),
    known(Headscale, Releases::Headscale(0b10000000), "state not found in cache, login session may have expired", Callback, &[CallbackReloaded, StateCookieLost, AuthentikRefused]),
    known(Headscale, Releases::Headscale(0b10000000), "The request could not be processed. Please try again.", Callback, &[CallbackReloaded, StateCookieLost, AuthentikRefused, LoginTooSlow]),
    whole(Headscale, Releases::Headscale(0b00000011), "Wrong params", Callback, &[AuthentikRefused, GrantTypes, CallbackReloaded, LinkDamaged]),
    known(Headscale, Releases::Headscale(0b10000000), "Your session has expired. Please try again.", Callback, &[LoginTooSlow]),
    known(Headscale, Releases::Headscale(0b00000011), "Could not exchange code for token", TokenExchange, &[ClientSecret, ClientId, SecretFileNewline, CodeExpired, TokenEndpointUnreachable]),
    known(Headscale, Releases::Headscale(0b01111100), "could not exchange code for token: %v", TokenExchange, &[ClientSecret, ClientId, CodeExpired, PkceMismatch, TokenEndpointUnreachable]),
    known(Headscale, Releases::Headscale(0b00000011), "Could not extract ID Token", TokenExchange, &[ScopeOpenid]),
    known(Headscale, Releases::Headscale(0b01111110), "could not extract ID Token for OIDC callback", TokenExchange, &[ScopeOpenid]),
    known(Headscale, Releases::Headscale(0b10000000), "exchanging code for token: %v", TokenExchange, &[ClientSecret, ClientId, CodeExpired, PkceMismatch, TokenEndpointUnreachable]),
    known(Headscale, Releases::Headscale(0b10000000), "extracting ID token", TokenExchange, &[ScopeOpenid]),
    whole(Headscale, Releases::Headscale(0b11111000), "invalid code", TokenExchange, &[ClientSecret, ClientId, CodeExpired, PkceMismatch, TokenEndpointUnreachable]),
    whole(Headscale, Releases::Headscale(0b11111000), "no id_token", TokenExchange, &[ScopeOpenid]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method)", TokenExchange, &[ClientSecret, ClientId, SecretFileNewline]),
    known(OAuth2, Releases::Headscale(0b11111110), "oauth2: %q", TokenExchange, &[ClientSecret, ClientId, CodeExpired, GrantTypes]),
    known(OAuth2, Releases::Headscale(0b11111111), "oauth2: cannot fetch token: %v", TokenExchange, &[TokenEndpointUnreachable, ClientSecret]),
    known(OAuth2, Releases::Headscale(0b11111111), "oauth2: cannot fetch token: %v\nResponse: %s", TokenExchange, &[ClientSecret, ClientId, CodeExpired, TokenEndpointUnreachable]),
    known(OAuth2, Releases::Headscale(0b11111110), "oauth2: cannot parse json: %v", TokenExchange, &[TokenEndpointUnreachable, ProxyHeaders]),
    known(OAuth2, Releases::Headscale(0b11111110), "oauth2: cannot parse response: %v", TokenExchange, &[TokenEndpointUnreachable, ProxyHeaders]),
    known(OAuth2, Releases::Headscale(0b11111111), "oauth2: server response missing access_token", TokenExchange, &[TokenEndpointUnreachable, ProxyHeaders]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The authenticated client is not authorized to use this authorization grant type", TokenExchange, &[GrantTypes]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The authorization grant type is not supported by the authorization server", TokenExchange, &[GrantTypes]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The provided authorization grant or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client", TokenExchange, &[CodeExpired, PkceMismatch, RedirectUri, AccessDenied]),
    known(Authentik, Releases::Authentik("2024.8.0", "2026.11"), "The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the resource owner", TokenExchange, &[ScopeNotMapped]),
    known(Headscale, Releases::Headscale(0b11111111), "authenticated principal does not match any allowed domain", Claims, &[Domains, NoEmail, EmailUnverified]),
    known(Headscale, Releases::Headscale(0b11111111), "authenticated principal does not match any allowed user", Claims, &[Users, NoEmail, EmailUnverified]),
    known(Headscale, Releases::Headscale(0b11000000), "authenticated principal has an unverified email", Claims, &[EmailUnverified]),
    known(Headscale, Releases::Headscale(0b11111110), "authenticated principal is not in any allowed group", Claims, &[Groups, GroupsMissing]),
    known(Headscale, Releases::Headscale(0b00000011), "authenticated principal not in any allowed groups", Claims, &[Groups, GroupsMissing]),
    known(Headscale, Releases::Headscale(0b00010000), "could not get userinfo; only checking claim", Claims, &[UserinfoUnavailable]),
    known(Headscale, Releases::Headscale(0b11100000), "could not get userinfo; only using claims from id token", Claims, &[UserinfoUnavailable]),
    whole(Headscale, Releases::Headscale(0b00000011), "couldn't normalize email", Claims, &[NoEmail]),
    known(Headscale, Releases::Headscale(0b11111000), "decoding ID token claims: %v", Claims, &[ClaimType]),
    known(Headscale, Releases::Headscale(0b00001100), "email not verified", Claims, &[EmailUnverified]),
    known(Headscale, Releases::Headscale(0b00000011), "Failed to decode id token claims", Claims, &[ClaimType]),
    known(Headscale, Releases::Headscale(0b00000100), "failed to decode ID token claims: %v", Claims, &[ClaimType]),
    known(Headscale, Releases::Headscale(0b00000011), "failed to verify id token", Claims, &[EncryptionKey, NoSigningKey, IssuerMismatch, ProxyHeaders, ClientId, ClockSkew, KeysUnreachable]),
    known(Headscale, Releases::Headscale(0b00000011), "Failed to verify id token", Claims, &[EncryptionKey, NoSigningKey, IssuerMismatch, ProxyHeaders, ClientId, ClockSkew, KeysUnreachable]),
    known(Headscale, Releases::Headscale(0b01111100), "failed to verify ID token: %v", Claims, &[EncryptionKey, NoSigningKey, IssuerMismatch, ProxyHeaders, ClientId, ClockSkew, KeysUnreachable]),
    known(Headscale, Releases::Headscale(0b11111000), "failed to verify id_token", Claims, &[EncryptionKey, NoSigningKey, IssuerMismatch, ProxyHeaders, ClientId, ClockSkew, KeysUnreachable]),
    whole(Headscale, Releases::Headscale(0b10000000), "Headscale - Error", Claims, &[Groups, Users, Domains, EmailUnverified, ClientSecret, EncryptionKey, NoSigningKey]),
    known(Headscale, Releases::Headscale(0b11111000), "http error[%d]: %s, %s", Claims, &[Groups, Users, Domains, EmailUnverified, ClientSecret, EncryptionKey, NoSigningKey, IssuerMismatch, StateCookieLost]),
    known(Headscale, Releases::Headscale(0b11100000), "nonce not found in IDToken", Claims, &[NonceMissing]),
    whole(Headscale, Releases::Headscale(0b11111000), "unauthorised domain", Claims, &[Domains, NoEmail, EmailUnverified]),
    whole(Headscale, Releases::Headscale(0b11111000), "unauthorised group", Claims, &[Groups, GroupsMissing]),
    whole(Headscale, Releases::Headscale(0b11111000), "unauthorised user", Claims, &[Users, NoEmail, EmailUnverified]),
    known(Headscale, Releases::Headscale(0b00000011), "unauthorized principal (allowed groups)", Claims, &[Groups, GroupsMissing]),
    known(Headscale, Releases::Headscale(0b00000011), "unauthorized principal (domain mismatch)", Claims, &[Domains, NoEmail, EmailUnverified]),
    known(Headscale, Releases::Headscale(0b00000011), "unauthorized principal (user mismatch)", Claims, &[Users, NoEmail, EmailUnverified]),
    whole(Headscale, Releases::Headscale(0b11000000), "unverified email", Claims, &[EmailUnverified]),
    known(Headscale, Releases::Headscale(0b11111000), "user msg: %s", Claims, &[Groups, Users, Domains, EmailUnverified, ClientSecret, EncryptionKey, NoSigningKey, IssuerMismatch, StateCookieLost]),
    known(Headscale, Releases::Headscale(0b10000000), "verifying ID token: %v", Claims, &[EncryptionKey, NoSigningKey, IssuerMismatch, ProxyHeaders, ClientId, ClockSkew, KeysUnreachable]),
    known(Headscale, Releases::Headscale(0b10000000), "You are not authorized. Please contact your administrator.", Claims, &[Groups, Users, Domains, EmailUnverified, ClientSecret, EncryptionKey, NoSigningKey, IssuerMismatch, ClientId, StateCookieLost]),
    known(GoOidc, Releases::Headscale(0b11111111), "access token hash does not match value in ID token", Claims, &[HeadscaleInternal]),
    known(GoOidc, Releases::Headscale(0b11111111), "failed to verify id token signature", Claims, &[KeysUnreachable, NoSigningKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "failed to verify signature: %v", Claims, &[KeysUnreachable, NoSigningKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "fetching keys %v", Claims, &[KeysUnreachable, NoSigningKey]),
    known(GoJose, Releases::Headscale(0b11111110), "go-jose/go-jose: compact JWS format must have three parts", Claims, &[EncryptionKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "id token did not have an access token hash", Claims, &[HeadscaleInternal]),
    known(GoOidc, Releases::Headscale(0b11111111), "invalid public key type provided: %T", Claims, &[KeysUnreachable, NoSigningKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "invalid value for boolean", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "malformed request: %v", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "malformed response body: %v", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "no public keys able to verify jwt", Claims, &[KeysUnreachable, NoSigningKey]),
    known(OAuth2, Releases::Headscale(0b11111111), "oauth2: token expired and refresh token is not set", Claims, &[UserinfoUnavailable, ClockSkew]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: can't create request: %v", Claims, &[KeysUnreachable, NoSigningKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: claims not set", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: create GET request: %v", Claims, &[UserinfoUnavailable]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: current time %v before the nbf (not before) time: %v", Claims, &[ClockSkew]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: expected audience %q got %q", Claims, &[ClientId]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: failed to decode keys: %v %s", Claims, &[KeysUnreachable, NoSigningKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: failed to decode userinfo: %v", Claims, &[UserinfoUnavailable]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: failed to obtain source from claim name", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: failed to unmarshal claims: %v", Claims, &[EncryptionKey, ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: get access token: %v", Claims, &[UserinfoUnavailable]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: get keys failed %v", Claims, &[KeysUnreachable, NoSigningKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: get keys failed: %s %s", Claims, &[KeysUnreachable, NoSigningKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: id token issued by a different provider, expected %q got %q", Claims, &[IssuerMismatch, ProxyHeaders]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: id token not signed", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11100001), "oidc: id token signed with unsupported algorithm, expected %q got %q", Claims, &[NoSigningKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: internal error, payload parsed did not match previous payload", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: invalid configuration, clientID must be provided or SkipClientIDCheck must be set", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: invalid userinfo jwt signature %v", Claims, &[UserinfoUnavailable]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: malformed jwt payload: %v", Claims, &[EncryptionKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: malformed jwt, expected 3 parts got %d", Claims, &[EncryptionKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: malformed jwt: %v", Claims, &[EncryptionKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: multiple signatures on id token not supported", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: request failed: %v", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: Request to endpoint failed: %v", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: source does not exist", Claims, &[ClaimType]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: token is expired (Token Expiry: %v)", Claims, &[ClockSkew]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: unsupported signing algorithm %q", Claims, &[NoSigningKey]),
    known(GoOidc, Releases::Headscale(0b11111111), "oidc: user info endpoint is not supported by this provider", Claims, &[UserinfoUnavailable]),
    known(GoOidc, Releases::Headscale(0b11111111), "parsing jwt: %v", Claims, &[KeysUnreachable, NoSigningKey]),
    known(GoJose, Releases::Headscale(0b00000001), "square/go-jose: compact JWS format must have three parts", Claims, &[EncryptionKey]),
    known(GoJose, Releases::Headscale(0b11111110), "unexpected signature algorithm %q; expected %q", Claims, &[NoSigningKey]),
    known(Headscale, Releases::Headscale(0b10000000), "auth session is not for node registration", NodeReady, &[SshCheck, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b10000000), "auth session is not for SSH check", NodeReady, &[SshCheck]),
    known(Headscale, Releases::Headscale(0b11000000), "auto approving routes: %v", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000001), "could not create new user '%s'", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b11100000), "could not create or update user", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b01100000), "Could not create or update user", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000011), "could not create user", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000011), "could not find or create user", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000001), "could not parse node public key", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000001), "could not register machine", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000010), "could not register node", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b01111100), "could not register node: %v", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000011), "Could not render OIDC callback template", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000010), "creating new user: %v", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b11111100), "creating or updating user: %v", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b11100000), "creating user: %v", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b10000000), "csrf token does not match cached registration", NodeReady, &[ConfirmationLost]),
    whole(Headscale, Releases::Headscale(0b10000000), "csrf token mismatch", NodeReady, &[ConfirmationLost]),
    known(Headscale, Releases::Headscale(0b01111111), "failed to parse oidc.expiry, defaulting back to 180 days", NodeReady, &[ExpiryUnreadable]),
    known(Headscale, Releases::Headscale(0b00000001), "Failed to refresh machine", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000010), "Failed to refresh node", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b10000000), "failed to write HTML error response", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b11100000), "Failed to write HTTP response", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00011111), "Failed to write response", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000010), "find or create user: %v", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00001100), "found username", NodeReady, &[Normal]),
    known(Headscale, Releases::Headscale(0b00001100), "getting user: %v", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b11111000), "http internal server error", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    whole(Headscale, Releases::Headscale(0b00000111), "Internal server error", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    whole(Headscale, Releases::Headscale(0b11111000), "internal server error", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    whole(Headscale, Releases::Headscale(0b10000000), "invalid form", NodeReady, &[ConfirmationLost]),
    known(Headscale, Releases::Headscale(0b10000000), "looking up user: %v", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00000001), "machine already registered, reauthenticating", NodeReady, &[Normal]),
    whole(Headscale, Releases::Headscale(0b10000000), "missing csrf cookie", NodeReady, &[ConfirmationLost]),
    whole(Headscale, Releases::Headscale(0b10000000), "missing csrf token", NodeReady, &[ConfirmationLost]),
    known(Headscale, Releases::Headscale(0b00000010), "node already registered, reauthenticating", NodeReady, &[Normal]),
    known(Headscale, Releases::Headscale(0b10000000), "OIDC callback hit non-registration path with auth request that is not an SSH check binding", NodeReady, &[SshCheck]),
    known(Headscale, Releases::Headscale(0b10000000), "OIDC callback hit registration path with auth request that is not a node registration", NodeReady, &[SshCheck, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b10000000), "OIDC user is not the owner of the SSH source node", NodeReady, &[SshCheck]),
    known(Headscale, Releases::Headscale(0b00000001), "Registering new machine after successful callback", NodeReady, &[Normal]),
    known(Headscale, Releases::Headscale(0b00000010), "Registering new node after successful callback", NodeReady, &[Normal]),
    known(Headscale, Releases::Headscale(0b10000000), "registering node: %v", NodeReady, &[HeadscaleInternal]),
    whole(Headscale, Releases::Headscale(0b10000000), "registration not OIDC-authorized", NodeReady, &[ConfirmationLost]),
    known(Headscale, Releases::Headscale(0b00111110), "rendering OIDC callback template: %v", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00110000), "saving auto approved routes to node: %v", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b10000000), "Something went wrong. Please try again later.", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b10000000), "src node has no user owner", NodeReady, &[SshCheck]),
    known(Headscale, Releases::Headscale(0b10000000), "src node no longer exists", NodeReady, &[SshCheck]),
    known(Headscale, Releases::Headscale(0b10000000), "SSH check rejected: OIDC user is not the owner of src node", NodeReady, &[SshCheck]),
    known(Headscale, Releases::Headscale(0b10000000), "SSH check rejected: src node has no user owner", NodeReady, &[SshCheck]),
    known(Headscale, Releases::Headscale(0b10000000), "SSH check src node no longer exists", NodeReady, &[SshCheck]),
    known(Headscale, Releases::Headscale(0b00000001), "successfully refreshed machine", NodeReady, &[Normal]),
    known(Headscale, Releases::Headscale(0b00000010), "successfully refreshed node", NodeReady, &[Normal]),
    known(Headscale, Releases::Headscale(0b00011100), "updating resources using node: %v", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00011100), "updating resources using user: %v", NodeReady, &[HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b11100000), "updating user: %v", NodeReady, &[IdpSwapped, HeadscaleInternal]),
    known(Headscale, Releases::Headscale(0b00001100), "user found by username, but has provider identifier, creating new user.", NodeReady, &[IdpSwapped]),
    known(Headscale, Releases::Headscale(0b00001100), "user not found by OIDC identifier, looking up by username", NodeReady, &[Normal]),
    // SQLite's answer when a new OIDC identity takes a user name that exists already.
    known(Database, Releases::Any, "UNIQUE constraint failed: users.name", NodeReady, &[IdpSwapped]),
];

/// The catalogue as Markdown, the source of `docs/messages.md`.
pub fn messages_markdown() -> String {
    use crate::engine::flow::step_label;
    let mut out = String::from(
        "# Messages\n\n\
         Every message the playground recognises when you paste what you see, generated from its \
         catalogue (`src/engine/symptoms/catalogue.rs`); do not edit by hand. The messages were \
         extracted from each project's source at every supported release \
         (`tests/upstream/messages/`). `…` stands for a value the message carries; the causes are \
         listed most likely first before your inputs are looked at, and the playground orders them \
         again for your setup.\n\n\
         | message | printed by | releases | step | causes |\n\
         | --- | --- | --- | --- | --- |\n",
    );
    for known in MESSAGES {
        let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
        let causes: Vec<String> = known.causes.iter().map(|cause| format!("`{}`", cause.info().id)).collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            cell(&super::pattern::shown(known.pattern)).replace('`', "'"),
            known.origin.label(),
            known.releases.label(),
            step_label(known.step),
            causes.join(", ")
        ));
    }
    out.push_str("\n## Causes\n\n| id | cause | how to confirm | fix |\n| --- | --- | --- | --- |\n");
    for cause in Cause::ALL {
        let info = cause.info();
        let cell = |text: &str| text.replace('|', "\\|");
        let fix = match info.fix {
            super::causes::Fix::Field(field) => format!("form: **{}**. {}", field.label(), info.remedy),
            super::causes::Fix::Authentik(screen) => format!("authentik: {screen}. {}", info.remedy),
            super::causes::Fix::Headscale => format!("Headscale's host. {}", info.remedy),
            super::causes::Fix::Nothing => info.remedy.to_string(),
        };
        out.push_str(&format!(
            "| `{}` | {} — {} | {} | {} [{}]({}) |\n",
            info.id,
            cell(info.title),
            cell(info.why),
            cell(info.confirm.unwrap_or("shown by the form")),
            cell(&fix),
            info.link.title,
            info.link.url
        ));
    }
    out
}
