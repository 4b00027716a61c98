//! The catalogue of checks: every mistake the playground knows how to catch, with a stable id,
//! a severity, the field it belongs to, the login step it breaks, its cause, its fix and where
//! to read more.
//!
//! The catalogue is data; [`crate::engine::diagnose`] decides which checks fire. The
//! user-facing table in `docs/checks.md` is generated from it.

use crate::engine::citations as c;
use crate::engine::evidence::Evidence;
use crate::engine::fields::Field;
use crate::engine::links::{self, Link};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The login, or Headscale's startup, will fail.
    Error,
    /// It works, but probably not as meant.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What the catalogue says about one check. `cause` may contain `{}`, replaced by the subject
/// of a [`Diagnostic`] (the offending value).
#[derive(Debug)]
pub struct CheckInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub field: Field,
    /// The step of the login a diagnostic of this check marks in the diagram, or `None` for
    /// a check that breaks no step (a name only authentik shows, an ignored key).
    pub step: Option<LoginStep>,
    pub cause: &'static str,
    pub fix: &'static str,
    pub link: Link,
    /// The first upstream line or page the cause rests on, shown beside the link; `None` only
    /// for checks about the playground's own inputs. [`Check::evidence`] has all of them.
    pub source: Option<Evidence>,
}

/// A step of the login, in the order the diagram draws them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoginStep {
    Discovery,
    Register,
    LoginUrl,
    Authorize,
    SignIn,
    Callback,
    TokenExchange,
    Claims,
    NodeReady,
}

macro_rules! step {
    (None) => {
        None
    };
    ($step:ident) => {
        Some(LoginStep::$step)
    };
}

const fn first(evidence: &[Evidence]) -> Option<Evidence> {
    if evidence.is_empty() {
        None
    } else {
        Some(evidence[0])
    }
}

macro_rules! catalogue {
    ($($check:ident => $id:literal, $severity:ident, $field:ident, $step:ident, $link:expr,
        cause: $cause:literal, fix: $fix:literal, evidence: [$($evidence:expr),*];)+) => {
        /// A check of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Check { $($check),+ }

        impl Check {
            pub const ALL: &'static [Check] = &[$(Check::$check),+];

            pub fn info(self) -> &'static CheckInfo {
                match self {
                    $(Check::$check => {
                        const INFO: CheckInfo = CheckInfo {
                            id: $id,
                            severity: Severity::$severity,
                            field: Field::$field,
                            step: step!($step),
                            cause: $cause,
                            fix: $fix,
                            link: $link,
                            source: first(&[$($evidence),*]),
                        };
                        &INFO
                    }),+
                }
            }

            /// Every upstream line and page the cause rests on (for the table of checks and the
            /// tests; the page shows the first, so the others stay out of the WebAssembly).
            pub fn evidence(self) -> &'static [Evidence] {
                match self {
                    $(Check::$check => &[$($evidence),*]),+
                }
            }
        }
    };
}

catalogue! {
    HeadscaleUrlMissing => "headscale-url-missing", Error, HeadscaleUrl, Register, links::HEADSCALE_OIDC,
        cause: "The Headscale URL is empty, so there is no redirect URI to register.",
        fix: "Enter the public URL of Headscale, the server_url of its config.yaml.",
        evidence: [c::HS_REDIRECT_URL];
    HeadscaleUrlInvalid => "headscale-url-invalid", Error, HeadscaleUrl, Register, links::HEADSCALE_OIDC,
        cause: "The Headscale URL cannot be read as a URL ({}).",
        fix: "Enter a host name such as headscale.example.com, or a full https:// URL.",
        evidence: [];
    HeadscaleUrlScheme => "headscale-url-scheme", Error, HeadscaleUrl, Register, links::HEADSCALE_CONFIG,
        cause: "Headscale refuses to start unless server_url starts with http:// or https://, not {}://.",
        fix: "Use https:// (or http:// for a test setup).",
        evidence: [c::HS_SERVER_URL_SCHEME];
    HeadscaleUrlExtra => "headscale-url-extra", Error, HeadscaleUrl, Register, links::HEADSCALE_OIDC,
        cause: "The Headscale URL has a {}; Headscale serves /oidc/callback at the root of its host and does not work under a sub-path.",
        fix: "Give Headscale its own host name and enter only scheme, host and port.",
        evidence: [c::HS_CALLBACK_ROUTE, c::HS_REDIRECT_URL];
    HeadscaleUrlDefaultPort => "headscale-url-default-port", Warning, HeadscaleUrl, Callback, links::HEADSCALE_OIDC,
        cause: "The Headscale URL names its default port ({}); Headscale keeps it in the callback URL, which then no longer matches the redirect URI registered without it.",
        fix: "Drop the port from the URL here and from server_url in Headscale's config.yaml.",
        evidence: [c::HS_REDIRECT_URL, c::AK_TOKEN_STRICT_REDIRECT];
    AuthentikUrlMissing => "authentik-url-missing", Error, AuthentikUrl, Discovery, links::AUTHENTIK_GUIDE,
        cause: "The authentik URL is empty, so there is no issuer for Headscale.",
        fix: "Enter the URL users open to reach authentik, such as authentik.example.com.",
        evidence: [c::HS_OIDC_ON_ISSUER];
    AuthentikUrlInvalid => "authentik-url-invalid", Error, AuthentikUrl, Discovery, links::AUTHENTIK_GUIDE,
        cause: "The authentik URL cannot be read as a URL ({}).",
        fix: "Enter a host name such as authentik.example.com, or a full https:// URL.",
        evidence: [];
    AuthentikUrlScheme => "authentik-url-scheme", Error, AuthentikUrl, Discovery, links::AUTHENTIK_GUIDE,
        cause: "OpenID discovery only works over http:// or https://, not {}://.",
        fix: "Use the https:// URL of authentik.",
        evidence: [c::OIDC_DISCOVERY_URL];
    AuthentikUrlExtra => "authentik-url-extra", Error, AuthentikUrl, Discovery, links::AUTHENTIK_GUIDE,
        cause: "The authentik URL has a {}, which has no place in an issuer.",
        fix: "Enter only scheme, host, port and, if authentik runs under one, its sub-path.",
        evidence: [c::AK_MODEL_ISSUER];
    AuthentikUrlIssuerPasted => "authentik-url-issuer-pasted", Error, AuthentikUrl, Discovery, links::AUTHENTIK_GUIDE,
        cause: "The authentik URL already contains /application/o/…; the playground adds that part itself, so the issuer would contain it twice.",
        fix: "Enter only the base URL of authentik, such as https://authentik.example.com.",
        evidence: [c::AK_URL_ISSUER, c::AK_MODEL_ISSUER];
    AuthentikUrlDefaultPort => "authentik-url-default-port", Warning, AuthentikUrl, Discovery, links::HEADSCALE_OIDC,
        cause: "The authentik URL names its default port ({}); authentik builds its issuer from the request, and Headscale compares issuers character by character.",
        fix: "Drop the port, so the issuer is written the way authentik shows it.",
        evidence: [c::AK_MODEL_ISSUER, c::OIDC_ISSUER_MATCH];
    AuthentikUrlInternal => "authentik-url-internal", Warning, AuthentikUrl, Discovery, links::AUTHENTIK_OAUTH2,
        cause: "The authentik URL looks internal ({}); the issuer and the login page must be reachable under the same public URL by browsers and by Headscale.",
        fix: "Use the public URL of authentik, and make the reverse proxy pass Host and X-Forwarded-Proto.",
        evidence: [c::AK_MODEL_ISSUER, c::OIDC_ISSUER_MATCH];
    AppNameMissing => "app-name-missing", Error, AppName, None, links::AUTHENTIK_APPLICATIONS,
        cause: "authentik requires an application name.",
        fix: "Enter a name such as Headscale.",
        evidence: [c::AK_SCHEMA_2025_12];
    SlugMissing => "slug-missing", Error, Slug, Discovery, links::AUTHENTIK_APPLICATIONS,
        cause: "authentik requires an application slug, and the issuer is built from it.",
        fix: "Enter a slug such as headscale.",
        evidence: [c::AK_SCHEMA_2025_12, c::AK_URL_ISSUER];
    SlugInvalid => "slug-invalid", Error, Slug, Discovery, links::AUTHENTIK_APPLICATIONS,
        cause: "The slug {} has characters authentik refuses; only letters, digits, - and _ are allowed.",
        fix: "Use letters, digits, hyphens and underscores only, for example headscale.",
        evidence: [c::AK_SCHEMA_2025_10, c::AK_URL_ISSUER];
    SlugReserved => "slug-reserved", Error, Slug, Discovery, links::AUTHENTIK_OAUTH2,
        cause: "The slug {} is reserved: authentik's own OAuth endpoints live under that name.",
        fix: "Choose another slug, such as headscale.",
        evidence: [c::AK_URL_AUTHORIZE];
    SlugTooLong => "slug-too-long", Error, Slug, Discovery, links::AUTHENTIK_APPLICATIONS,
        cause: "The slug is {} characters long; authentik releases before 2025.12 refuse slugs longer than 50.",
        fix: "Use at most 50 characters, or upgrade authentik to 2025.12 or later.",
        evidence: [c::AK_SCHEMA_2025_10, c::AK_SCHEMA_2025_12];
    ClientIdMissing => "client-id-missing", Error, ClientId, TokenExchange, links::AUTHENTIK_GUIDE,
        cause: "Headscale needs the client ID of the authentik provider.",
        fix: "Copy the Client ID from the provider in authentik, or generate one here and enter it there.",
        evidence: [c::HS_CLIENT_ID];
    ClientIdInvalid => "client-id-invalid", Error, ClientId, TokenExchange, links::AUTHENTIK_OAUTH2,
        cause: "The client ID {}.",
        fix: "Copy the Client ID from authentik again, without extra characters.",
        evidence: [c::AK_MODEL_CLIENT_ID, c::AK_NOTES_2026_8_FIXES];
    ClientIdUnusual => "client-id-unusual", Warning, ClientId, TokenExchange, links::AUTHENTIK_OAUTH2,
        cause: "The client ID contains {}, which is not printable ASCII; authentik before 2026.8 accepts it, but OAuth clients, proxies and later authentik releases may not.",
        fix: "Use letters, digits and punctuation only, such as the ID authentik generates.",
        evidence: [c::AK_NOTES_2026_8_FIXES];
    ClientSecretMissing => "client-secret-missing", Error, ClientSecret, TokenExchange, links::AUTHENTIK_GUIDE,
        cause: "Headscale needs the client secret of the confidential authentik provider to exchange the login code.",
        fix: "Copy the Client Secret from the provider in authentik, or generate one here and enter it there.",
        evidence: [c::HS_CLIENT_SECRET, c::AK_TOKEN_SECRET_COMPARE];
    ClientSecretInvalid => "client-secret-invalid", Error, ClientSecret, TokenExchange, links::AUTHENTIK_OAUTH2,
        cause: "The client secret {}.",
        fix: "Copy the Client Secret from authentik again, without extra characters.",
        evidence: [c::AK_MODEL_CLIENT_SECRET, c::AK_NOTES_2026_8_FIXES, c::AK_NOTES_2026_2_FIXES, c::PYTHON_COMPARE_DIGEST];
    ClientSecretUnusual => "client-secret-unusual", Warning, ClientSecret, TokenExchange, links::AUTHENTIK_OAUTH2,
        cause: "The client secret contains {}, which is not printable ASCII; authentik before 2026.2 accepts it, but OAuth clients and proxies may not, authentik 2026.2 and 2026.5 fail every token exchange on it, and 2026.8 refuses it.",
        fix: "Use letters, digits and punctuation only, such as the secret authentik generates.",
        evidence: [c::AK_TOKEN_SECRET_COMPARE, c::AK_NOTES_2026_2_FIXES, c::PYTHON_COMPARE_DIGEST, c::AK_NOTES_2026_8_FIXES];
    ScopeMissingOpenid => "scope-missing-openid", Warning, Scopes, Claims, links::HEADSCALE_OIDC,
        cause: "The scopes do not include openid. authentik still answers Headscale's login with an ID token, but its UserInfo endpoint refuses a token without openid: Headscale from 0.26 logs could not get userinfo and takes every claim from the ID token alone, and other OpenID providers send no ID token at all.",
        fix: "Add openid to the scopes.",
        evidence: [c::AK_TOKEN_ID_TOKEN, c::AK_USERINFO_NEEDS_OPENID, c::HS_USERINFO_FALLBACK, c::HS_ID_TOKEN_REQUIRED];
    ScopeMissingEmail => "scope-missing-email", Error, Scopes, Claims, links::HEADSCALE_OIDC,
        cause: "Allowed users or domains are set but the email scope is not requested, so there is no email to match and every login is refused.",
        fix: "Add email to the scopes.",
        evidence: [c::HS_ALLOWED_USERS, c::AK_SCOPE_EMAIL];
    ScopeMissingProfile => "scope-missing-profile", Error, Scopes, Claims, links::AUTHENTIK_SCOPE_MAPPINGS,
        cause: "Allowed groups are set but the profile scope is not requested; authentik sends groups only with profile, so every login is refused.",
        fix: "Add profile to the scopes.",
        evidence: [c::AK_SCOPE_PROFILE_GROUPS, c::HS_ALLOWED_GROUPS];
    ScopeUnmapped => "scope-unmapped", Warning, Scopes, Authorize, links::AUTHENTIK_SCOPE_MAPPINGS,
        cause: "authentik has no scope mapping for {} on a new provider and silently drops it (groups already come with profile).",
        fix: "Remove it, or create a scope mapping with that scope name and add it to the provider.",
        evidence: [c::AK_TOKEN_SCOPES_OVERLAP, c::AK_SCOPE_PROFILE_GROUPS];
    GroupLeadingSlash => "group-leading-slash", Warning, AllowedGroups, Claims, links::HEADSCALE_OIDC,
        cause: "The group {} starts with /; authentik sends plain group names, so it only matches a group whose name really starts with /.",
        fix: "Write the authentik group name exactly, without the slash (the /headscale form comes from Keycloak).",
        evidence: [c::AK_SCOPE_PROFILE_GROUPS, c::HS_ALLOWED_GROUPS];
    GroupPath => "group-path", Warning, AllowedGroups, Claims, links::AUTHENTIK_SCOPE_MAPPINGS,
        cause: "The group {} looks like a path; authentik sends the plain name of each group the user is a direct member of.",
        fix: "Write the name of the group itself, as shown in Directory → Groups.",
        evidence: [c::AK_SCOPE_PROFILE_GROUPS];
    GroupSeparator => "group-separator", Warning, AllowedGroups, Claims, links::HEADSCALE_OIDC,
        cause: "The group {} contains a comma; groups are written one per line.",
        fix: "Put each group on its own line, unless the authentik group name really has a comma.",
        evidence: [c::HS_ALLOWED_GROUPS];
    UserInvalid => "user-invalid", Error, AllowedUsers, Claims, links::HEADSCALE_OIDC,
        cause: "{} is not an email address; Headscale compares allowed users with the whole email claim.",
        fix: "List the users' email addresses exactly as authentik has them.",
        evidence: [c::HS_ALLOWED_USERS];
    MixedScripts => "mixed-scripts", Warning, AllowedGroups, Claims, links::HEADSCALE_OIDC,
        cause: "{} mixes letters of scripts that look alike ({}), so it may only look like the name it imitates; it matches only a name with exactly these letters.",
        fix: "Type the name again in one script, or check that it is meant that way.",
        evidence: [c::HS_ALLOWED_GROUPS];
    DomainPunycode => "domain-punycode", Info, AllowedDomains, Claims, links::HEADSCALE_OIDC,
        cause: "{} is written {} in ASCII; Headscale compares the domain of the email authentik sends as text, so list the form your users' addresses use.",
        fix: "Check that the domain is the one you mean; the ASCII form shows look-alike letters.",
        evidence: [c::HS_ALLOWED_DOMAINS];
    DomainInvalid => "domain-invalid", Error, AllowedDomains, Claims, links::HEADSCALE_OIDC,
        cause: "{} is not a domain name.",
        fix: "List bare domains such as example.com.",
        evidence: [c::HS_ALLOWED_DOMAINS];
    DomainLeadingAt => "domain-leading-at", Error, AllowedDomains, Claims, links::HEADSCALE_OIDC,
        cause: "{} starts with @; Headscale compares the text after the @ of the email, so it never matches.",
        fix: "Write the domain without the @.",
        evidence: [c::HS_ALLOWED_DOMAINS];
    DomainWildcard => "domain-wildcard", Error, AllowedDomains, Claims, links::HEADSCALE_OIDC,
        cause: "{} is a pattern; Headscale matches domains exactly and never matches sub-domains.",
        fix: "List every domain exactly, such as example.com and eu.example.com.",
        evidence: [c::HS_ALLOWED_DOMAINS];
    PkceMethodCase => "pkce-method-case", Error, PkceMethod, TokenExchange, links::HEADSCALE_OIDC,
        cause: "The PKCE method {} is written in the wrong case; Headscale then sends no code challenge but still sends the verifier, and authentik rejects the login.",
        fix: "Write S256 or plain exactly.",
        evidence: [c::HS_PKCE_S256, c::HS_PKCE_METHODS, c::HS_PKCE_VERIFIER, c::AK_TOKEN_PKCE];
    PkceMethodInvalid => "pkce-method-invalid", Error, PkceMethod, TokenExchange, links::HEADSCALE_OIDC,
        cause: "The PKCE method {} is neither S256 nor plain; Headscale then sends no code challenge and the login fails.",
        fix: "Use S256.",
        evidence: [c::HS_PKCE_S256, c::HS_PKCE_VERIFIER, c::AK_TOKEN_PKCE];
    PkcePlain => "pkce-plain", Info, PkceMethod, Authorize, links::HEADSCALE_OIDC,
        cause: "The plain PKCE method sends the verifier itself as the challenge.",
        fix: "Use S256 unless something in between cannot do it.",
        evidence: [c::HS_PKCE_PLAIN];
    PkceDisabled => "pkce-disabled", Info, PkceEnabled, Authorize, links::HEADSCALE_OIDC,
        cause: "PKCE is off; Headscale's documentation recommends it, and authentik checks it without any setting of its own.",
        fix: "Turn PKCE on with the S256 method.",
        evidence: [c::HS_DOCS_PKCE, c::AK_TOKEN_PKCE];
    PkceUnsupported => "pkce-unsupported", Info, PkceEnabled, Authorize, links::HEADSCALE_CHANGELOG,
        cause: "Headscale {} has no PKCE settings, so none are written.",
        fix: "Upgrade to Headscale 0.24 or later to use PKCE.",
        evidence: [c::HS_KEY_PKCE_ENABLED];
    ExpiryInvalid => "expiry-invalid", Warning, Expiry, NodeReady, links::HEADSCALE_CONFIG,
        cause: "{} is not a duration Headscale reads; up to 0.28 it falls back to 180 days, from 0.29 nodes never expire.",
        fix: "Write whole numbers with the units y, w, d, h, m, s and ms in that order, such as 180d or 12w; 0 means never.",
        evidence: [c::HS_EXPIRY_PARSE_FAIL_28, c::HS_NODE_EXPIRY_PARSE_FAIL];
    ExpiryZeroSeconds => "expiry-zero-seconds", Warning, Expiry, NodeReady, links::HEADSCALE_CONFIG,
        cause: "{} is a length of zero, so up to Headscale 0.28 nodes expire the moment they log in; only the bare 0 means never (from 0.29, any length of zero does).",
        fix: "Write 0 for nodes that never expire, or a real length such as 180d.",
        evidence: [c::HS_EXPIRY_ZERO_28, c::HS_EXPIRY_NOW_28, c::HS_POSITIVE_EXPIRY_29];
    ExpiryNever => "expiry-never", Info, Expiry, NodeReady, links::HEADSCALE_CHANGELOG,
        cause: "Without a node expiry, Headscale 0.29 gives nodes no expiry at all, however they register (through authentik, an auth key or the command line); earlier releases expired nodes logged in through authentik after 180 days.",
        fix: "Set a node expiry such as 180d to keep the earlier behaviour.",
        evidence: [c::HS_DEFAULT_NODE_EXPIRY, c::HS_NODE_EXPIRY_EVERY_NODE, c::HS_DEFAULT_EXPIRY];
    ExpiryFromToken => "expiry-from-token", Warning, UseExpiryFromToken, NodeReady, links::HEADSCALE_OIDC,
        cause: "Nodes would expire with authentik's ID token, and Headscale never refreshes it. The ID token lasts as long as the provider's Access token validity: 5 minutes (minutes=5) as authentik's provider form and wizard fill it in, 1 hour (hours=1) for a provider made by a blueprint or the API without it, 10 minutes (minutes=10) for one made by the Terraform provider. Every node would have to log in again that often.",
        fix: "Leave this off and use the node expiry, or raise the provider's Access token validity in authentik (access_token_validity in a blueprint or in Terraform).",
        evidence: [
            c::HS_EXPIRY_FROM_TOKEN,
            c::AK_ID_TOKEN_EXPIRY,
            c::AK_TOKEN_EXPIRY,
            c::AK_FORM_TOKEN_VALIDITY,
            c::AK_MODEL_TOKEN_VALIDITY,
            c::TF_TOKEN_VALIDITY,
            c::HS_USERINFO_STATIC_TOKEN
        ];
    EmailVerifiedIgnored => "email-verified-ignored", Info, EmailVerifiedRequired, Claims, links::HEADSCALE_CHANGELOG,
        cause: "Headscale {} does not check email_verified, so the setting is not written.",
        fix: "Nothing to do; it matters from Headscale 0.28.",
        evidence: [c::HS_KEY_EMAIL_VERIFIED_REQUIRED];
    OnlyStartDisabled => "only-start-disabled", Info, OnlyStartIfOidcIsAvailable, Discovery, links::HEADSCALE_CONFIG,
        cause: "If authentik is unreachable while Headscale starts, Headscale runs without login through authentik until its next restart; it does not retry.",
        fix: "Keep this on and start Headscale after authentik, for example with depends_on and a health check in docker compose.",
        evidence: [c::HS_ONLY_START, c::HS_ONLY_START_FALLBACK];
    SecretPathMissing => "secret-path-missing", Error, ClientSecretPath, TokenExchange, links::HEADSCALE_OIDC,
        cause: "No file is given for the client secret, so Headscale has no secret to send.",
        fix: "Enter the path of the file that holds the secret.",
        evidence: [c::HS_SECRET_PATH_READ];
    SecretPathRelative => "secret-path-relative", Warning, ClientSecretPath, TokenExchange, links::HEADSCALE_CONFIG,
        cause: "{} is a relative path: Headscale resolves it from its working directory, not from config.yaml's folder, and does not expand ~.",
        fix: "Use an absolute path such as /etc/headscale/oidc_client_secret.",
        evidence: [c::HS_SECRET_PATH_READ];
    SecretPathCredentials => "secret-path-credentials", Info, ClientSecretPath, TokenExchange, links::SYSTEMD_CREDENTIALS,
        cause: "${CREDENTIALS_DIRECTORY} is only set when systemd starts Headscale with LoadCredential=; elsewhere it expands to nothing and the path starts at /.",
        fix: "Add LoadCredential=oidc_client_secret:/etc/headscale/oidc_client_secret to Headscale's unit, with the name before the colon matching the file name here.",
        evidence: [c::HS_SECRET_PATH_READ, c::HS_EXAMPLE_SECRET_PATH];
    SecretFileNewline => "secret-file-newline", Warning, SecretDelivery, TokenExchange, links::HEADSCALE_CHANGELOG,
        cause: "Headscale 0.22 keeps a trailing newline of the secret file as part of the secret, and authentik then answers invalid_client.",
        fix: "Write the file without a final newline (printf '%s' rather than echo); 0.23 and later trim it.",
        evidence: [c::HS_RAW_SECRET_22, c::HS_TRIMS_SECRET_23, c::AK_TOKEN_SECRET_COMPARE];
    SecretBoth => "secret-both", Error, SecretDelivery, TokenExchange, links::HEADSCALE_CONFIG,
        cause: "Both client_secret and client_secret_path are set, and Headscale refuses to start when it gets both.",
        fix: "Keep only one of them.",
        evidence: [c::HS_SECRET_BOTH];
    EnvListSpace => "env-list-space", Warning, AllowedGroups, None, links::HEADSCALE_CONFIG,
        cause: "The group {} contains white space, which a HEADSCALE_OIDC_ALLOWED_GROUPS variable cannot express, so the environment form leaves allowed groups out.",
        fix: "Set allowed_groups in config.yaml, or give the group a name without spaces.",
        evidence: [c::HS_ENV_KEYS, c::CAST_LIST_FIELDS];
    ExtraParamInvalid => "extra-param-invalid", Error, ExtraParams, Authorize, links::HEADSCALE_CONFIG,
        cause: "{} is not of the form key=value.",
        fix: "Write one key=value pair per line.",
        evidence: [];
    ExtraParamUppercase => "extra-param-uppercase", Warning, ExtraParams, Authorize, links::HEADSCALE_CONFIG,
        cause: "Headscale lower-cases the keys of extra_params read from config.yaml, so {} reaches authentik in lower case.",
        fix: "Write the key in lower case.",
        evidence: [c::VIPER_LOWERCASE_KEYS];
    ExtraParamRepeated => "extra-param-repeated", Warning, ExtraParams, Authorize, links::HEADSCALE_CONFIG,
        cause: "The key {} is given more than once; only its last value is used.",
        fix: "Keep one line per key.",
        evidence: [];
    ExtraParamReserved => "extra-param-reserved", Warning, ExtraParams, Authorize, links::HEADSCALE_OIDC,
        cause: "Headscale builds the login request itself, and the extra parameter {}.",
        fix: "Remove it from the extra parameters.",
        evidence: [c::HS_EXTRA_PARAMS, c::HS_NONCE_LAST, c::HS_ACCESS_TYPE, c::HS_AUTH_URL];
    ClaimsIdTokenOnly => "claims-id-token-only", Info, HeadscaleVersion, Claims, links::AUTHENTIK_OAUTH2,
        cause: "Headscale {} checks allowed users, domains and groups against the claims of the ID token alone{}.",
        fix: "Keep Include claims in id_token on in the authentik provider (it is on by default).",
        evidence: [c::HS_CHECKS_BEFORE_USERINFO_26, c::HS_USERINFO_FILLS_26, c::HS_USERINFO_FIRST_27, c::AK_ID_TOKEN_CLAIMS];
    DoubleLogin => "double-login", Info, HeadscaleVersion, Callback, links::HEADSCALE_CHANGELOG,
        cause: "Headscale 0.24 to 0.27.0 keep the login state in a single cookie, so a login started twice (for example by clicking the tray icon again) ends with state did not match.",
        fix: "Upgrade to 0.27.1 or later, or start each login once.",
        evidence: [c::HS_STATE_COOKIE_24, c::HS_STATE_COOKIE_PER_LOGIN_27, c::HS_STATE_MISMATCH, c::HS_CHANGELOG_DOUBLE_LOGIN];
    KeyRemoved => "key-removed", Error, HeadscaleVersion, Discovery, links::HEADSCALE_CHANGELOG,
        cause: "{} was removed, and this Headscale version refuses to start while it is set, in config.yaml or in the environment.",
        fix: "Delete it; from 0.29, set node.expiry instead of oidc.expiry.",
        evidence: [c::HS_STRIP_EMAIL_DOMAIN_REMOVED, c::HS_EXPIRY_REMOVED];
    KeyIgnored => "key-ignored", Warning, HeadscaleVersion, None, links::HEADSCALE_CHANGELOG,
        cause: "This Headscale version does not read {}, so it has no effect.",
        fix: "Delete it, or choose the Headscale version you really run.",
        evidence: [c::HS_READ_GROUPS, c::HS_KEY_EMAIL_VERIFIED_REQUIRED];
    EmailVerified => "email-verified", Error, EmailVerifiedRequired, Claims, links::AUTHENTIK_RELEASE_2025_10,
        cause: "authentik {} sends email_verified: false by default, and Headscale 0.28 and later then refuse every allowed user and domain with 401 unverified email.",
        fix: "Tick Mark authentik emails as verified (the outputs then add a custom email mapping), or untick Require a verified email.",
        evidence: [c::AK_NOTES_2025_10, c::AK_SCOPE_EMAIL_UNVERIFIED, c::HS_UNVERIFIED_EMAIL];
    EmailNotStored => "email-not-stored", Info, VerifiedEmailMapping, Claims, links::AUTHENTIK_RELEASE_2025_10,
        cause: "authentik {} sends email_verified: false by default, so this Headscale release stores no email for its users and names them by their authentik username.",
        fix: "Tick Mark authentik emails as verified if users should appear under their email (from Headscale 0.28, unticking Require a verified email does too).",
        evidence: [c::AK_NOTES_2025_10, c::HS_EMAIL_VERIFIED_STORES_24, c::HS_TRUST_EMAIL];
    NoBinding => "no-binding", Warning, AllowedGroups, SignIn, links::AUTHENTIK_APPLICATIONS,
        cause: "No group, user or domain is allowed, and an authentik application without bindings is open to every user, so every authentik user can log in to Headscale.",
        fix: "Add an allowed group: the outputs bind it to the application, and Headscale checks it as well.",
        evidence: [c::AK_NO_BINDINGS_PASS];
    GrantTypes => "grant-types", Info, AuthentikVersion, Authorize, links::AUTHENTIK_RELEASE_2026_5,
        cause: "From authentik 2026.5, a provider lists the grant types it allows, and one created through the API, a blueprint or Terraform without grant_types allows none, so it refuses every login with Invalid grant_type for provider.",
        fix: "The blueprint and the Terraform here set authorization_code, the only grant type Headscale uses (it never asks for a refresh token); set it too if you create the provider another way.",
        evidence: [c::AK_NOTES_2026_5_GRANT_TYPES, c::AK_GRANT_TYPES_EMPTY, c::HS_USERINFO_STATIC_TOKEN];
    RedirectRegex => "redirect-regex", Warning, AuthentikVersion, Callback, links::AUTHENTIK_CVE_2024_52289,
        cause: "This authentik release reads each redirect URI as a regular expression, so a plain {} would also match other addresses.",
        fix: "Enter it escaped, as the settings show, and upgrade to 2024.8.5, 2024.10.3 or later, which fix CVE-2024-52289.",
        evidence: [c::AK_TOKEN_REGEX_REDIRECT, c::AK_NOTES_2024_8_5, c::AK_NOTES_2024_10_3];
    UnknownKey => "unknown-key", Warning, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "{} is not a setting Headscale knows, so it is silently ignored.",
        fix: "Correct the spelling, or delete it.",
        evidence: [c::HS_READ_GROUPS];
    NotAString => "not-a-string", Warning, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "{}: the value is not written as text, so Headscale reads a number or boolean turned into text, which can differ from what was typed.",
        fix: "Put the value in double quotes.",
        evidence: [c::CAST_BOOL_TO_STRING];
    StringForBool => "string-for-bool", Warning, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "{} is text where Headscale expects true or false; it reads this text as {}.",
        fix: "Write true or false, without quotes.",
        evidence: [c::CAST_BOOL_PARSE];
    YesNoString => "yes-no-string", Warning, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "{} uses yes, no, on or off, which Headscale's YAML reader keeps as text and then reads as false.",
        fix: "Write true or false.",
        evidence: [c::YAML_BOOLS, c::CAST_BOOL_PARSE];
    ScalarForList => "scalar-for-list", Warning, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "{} is a single value where Headscale expects a list, and Headscale splits it at white space.",
        fix: "Write it as a list, one - item per line.",
        evidence: [c::CAST_LIST_FIELDS];
    WrongType => "wrong-type", Error, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "{} has a kind of value Headscale cannot use there.",
        fix: "Write it the way Headscale's example configuration does.",
        evidence: [];
    EmptyValue => "empty-value", Warning, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "{} has no value, so Headscale uses its default.",
        fix: "Give it a value, or delete the line.",
        evidence: [c::VIPER_EMPTY_FALLS_THROUGH];
    OidcMissing => "oidc-missing", Info, ImportText, None, links::HEADSCALE_OIDC,
        cause: "The configuration has no oidc issuer, so Headscale offers no login through authentik.",
        fix: "Add the oidc: section the playground shows.",
        evidence: [c::HS_OIDC_ON_ISSUER];
    IssuerNotAuthentik => "issuer-not-authentik", Warning, AuthentikUrl, Discovery, links::AUTHENTIK_GUIDE,
        cause: "The issuer {} is not an authentik application issuer of the form …/application/o/<slug>/.",
        fix: "Use the OpenID Configuration Issuer that authentik shows for the application.",
        evidence: [c::AK_URL_ISSUER, c::AK_MODEL_ISSUER];
    ValueRefused => "value-refused", Error, ImportText, TokenExchange, links::HEADSCALE_CONFIG,
        cause: "This value is not used: {}. A line break or control character inside one value could make it two values (two allowed groups instead of one) or change what a configuration means; a value beyond the field's limit is not saved or shared.",
        fix: "Remove the character or shorten the value. Typed text stays in its field; the outputs, or the import's Apply, wait until it is fixed.",
        evidence: [];
    ImportRefused => "import-refused", Error, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "{}. The form cannot hold what Headscale would read here, so nothing is applied until the text changes.",
        fix: "Change the text as this says, then apply it.",
        evidence: [];
    DuplicateKey => "duplicate-key", Warning, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "{} is given again, and Headscale reads only {}.",
        fix: "Keep one of them.",
        evidence: [c::VIPER_LOWERCASE_KEYS];
    LaterDocuments => "later-documents", Warning, ImportText, None, links::HEADSCALE_CONFIG,
        cause: "The text holds more than one YAML document (separated by ---), and Headscale reads only the first.",
        fix: "Paste one configuration at a time.",
        evidence: [c::YAML_FIRST_DOCUMENT];
    IssuerTrailingSlash => "issuer-trailing-slash", Error, AuthentikUrl, Discovery, links::HEADSCALE_OIDC,
        cause: "The issuer {} lacks the trailing slash of authentik's issuer; Headscale compares the two character by character, so {}.",
        fix: "End the issuer with /, exactly as authentik shows its OpenID Configuration Issuer.",
        evidence: [c::AK_URL_ISSUER, c::OIDC_ISSUER_MATCH, c::HS_ONLY_START_FALLBACK];
    Placeholder => "placeholder", Error, ImportText, TokenExchange, links::AUTHENTIK_GUIDE,
        cause: "{} is a placeholder from a guide or an example, not a real value.",
        fix: "Replace it with your own value; the client ID and secret are the ones authentik shows for the provider.",
        evidence: [c::HS_EXAMPLE_CLIENT_ID];
}

impl Check {
    /// Checks that can fire at any field: the field is the diagnostic's (`Diagnostic::at`), not
    /// the catalogue's.
    pub(crate) fn at_any_field(self) -> bool {
        matches!(self, Check::Placeholder | Check::ValueRefused | Check::MixedScripts | Check::DomainPunycode)
    }
}

/// What a fired check is about: a value the reader typed (shown quoted) or a phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Value(String),
    Phrase(String),
    /// Several phrases, filling the cause's `{}` in order.
    Phrases(Vec<String>),
}

/// One check that fired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub check: Check,
    pub subject: Option<Subject>,
    /// The field it concerns, where that is not the catalogue's field (a check that applies to
    /// many fields, such as a placeholder).
    pub at: Option<Field>,
}

impl Diagnostic {
    pub fn new(check: Check) -> Self {
        Diagnostic { check, subject: None, at: None }
    }

    /// About a value the reader typed.
    pub fn value(check: Check, value: impl Into<String>) -> Self {
        Diagnostic { check, subject: Some(Subject::Value(value.into())), at: None }
    }

    /// With a phrase that completes the cause.
    pub(crate) fn phrase(check: Check, phrase: impl Into<String>) -> Self {
        Diagnostic { check, subject: Some(Subject::Phrase(phrase.into())), at: None }
    }

    /// With phrases for each `{}` of the cause, in order.
    pub fn phrases<const N: usize>(check: Check, phrases: [String; N]) -> Self {
        Diagnostic { check, subject: Some(Subject::Phrases(phrases.into())), at: None }
    }

    /// About `field` rather than the catalogue's field.
    pub fn at(self, field: Field) -> Self {
        Diagnostic { at: Some(field), ..self }
    }

    pub fn info(&self) -> &'static CheckInfo {
        self.check.info()
    }

    pub fn severity(&self) -> Severity {
        self.info().severity
    }

    pub fn field(&self) -> Field {
        self.at.unwrap_or(self.info().field)
    }

    /// The cause, with the subject filled in.
    pub fn cause(&self) -> String {
        let subject = match &self.subject {
            Some(Subject::Value(value)) => format!("“{value}”"),
            Some(Subject::Phrase(phrase)) => phrase.clone(),
            Some(Subject::Phrases(phrases)) => {
                return phrases
                    .iter()
                    .fold(self.info().cause.to_string(), |cause, phrase| cause.replacen("{}", phrase, 1));
            }
            None => "…".to_string(),
        };
        self.info().cause.replacen("{}", &subject, 1)
    }
}

/// The catalogue as a Markdown table, the source of `docs/checks.md`.
pub fn catalogue_markdown() -> String {
    let mut out = String::from(
        "# Checks\n\n\
         Every mistake the playground catches, generated from its catalogue \
         (`src/engine/catalogue.rs`); do not edit by hand. **error**: the login or Headscale's \
         startup will fail. **warning**: it works, but probably not as meant. **info**: worth \
         knowing. `…` stands for the value the check is about. **evidence** links the upstream \
         lines (at a release tag, or a commit where no tag is known) and pages the cause rests on; \
         their quoted text is kept in `tests/upstream/evidence/`. A check without evidence is \
         about the playground's own inputs.\n\n\
         | id | severity | field | cause | fix | read more | evidence |\n\
         | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for check in Check::ALL {
        let info = check.info();
        let cell = |text: &str| text.replace('|', "\\|").replace("{}", "…");
        let evidence: Vec<String> = check.evidence().iter().map(|e| format!("[{}]({})", e.title(), e.url())).collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | [{}]({}) | {} |\n",
            info.id,
            info.severity.label(),
            if check.at_any_field() { "the field it is in" } else { info.field.label() },
            cell(info.cause),
            cell(info.fix),
            info.link.title,
            info.link.url,
            if evidence.is_empty() { "—".to_string() } else { evidence.join("<br>") }
        ));
    }
    out
}
