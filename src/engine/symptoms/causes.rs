//! Why a login fails: every cause the explanations know, with what it means, how to confirm it
//! when the form cannot show it, and where to fix it. Data; [`super::explain`] decides how
//! likely each one is for the current inputs.

use crate::engine::fields::Field;
use crate::engine::links::{self, Link};

/// Where a cause is fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fix {
    /// A field of the form; the outputs then carry the right value to both sides.
    Field(Field),
    /// A screen of authentik's admin interface.
    Authentik(&'static str),
    /// Headscale's own configuration or its host.
    Headscale,
    /// Nothing to fix in either product's settings.
    Nothing,
}

/// What the catalogue says about one cause.
#[derive(Debug)]
pub struct CauseInfo {
    pub id: &'static str,
    pub title: &'static str,
    /// What goes wrong, in a sentence or two.
    pub why: &'static str,
    /// How to confirm a cause the form cannot show; `None` when the form shows it.
    pub confirm: Option<&'static str>,
    pub fix: Fix,
    /// What to do, at the place `fix` names.
    pub remedy: &'static str,
    pub link: Link,
}

macro_rules! causes {
    ($($cause:ident => $id:literal, $fix:expr, $link:expr,
        title: $title:literal, why: $why:literal, confirm: $confirm:expr, remedy: $remedy:literal;)+) => {
        /// A cause the explanations know.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Cause { $($cause),+ }

        impl Cause {
            pub const ALL: &'static [Cause] = &[$(Cause::$cause),+];

            pub fn info(self) -> &'static CauseInfo {
                match self {
                    $(Cause::$cause => &CauseInfo {
                        id: $id,
                        title: $title,
                        why: $why,
                        confirm: $confirm,
                        fix: $fix,
                        remedy: $remedy,
                        link: $link,
                    }),+
                }
            }
        }
    };
}

const PROVIDER: &str = "Applications → Providers → the Headscale provider → Edit";
const USERS: &str = "Directory → Users";

causes! {
    IssuerMismatch => "issuer-mismatch", Fix::Field(Field::AuthentikUrl), links::HEADSCALE_OIDC,
        title: "The issuer in Headscale's configuration is not the one authentik announces",
        why: "Headscale compares its oidc.issuer with the issuer of authentik's discovery document and of every ID token character by character: a missing trailing slash, http against https, a port or another host name is enough.",
        confirm: None,
        remedy: "Set oidc.issuer to the issuer shown in the Headscale configuration here, exactly as authentik shows it as OpenID Configuration Issuer.";
    ProxyHeaders => "proxy-headers", Fix::Authentik("the reverse proxy in front of authentik"), links::AUTHENTIK_OAUTH2,
        title: "authentik builds its issuer from a request that reached it with another host or scheme",
        why: "authentik writes its issuer from the Host and X-Forwarded-Proto of the request; behind a proxy that does not pass them, or when Headscale reaches authentik by an internal name, the issuer comes out as http:// or with the internal host.",
        confirm: Some("From Headscale's host, run curl with the issuer plus .well-known/openid-configuration and look at the issuer it answers; paste the answer here to compare it."),
        remedy: "Let Headscale reach authentik by its public URL, and make the proxy pass Host and X-Forwarded-Proto (from authentik 2026.8, only from the trusted proxy addresses).";
    AuthentikUnreachable => "authentik-unreachable", Fix::Headscale, links::HEADSCALE_OIDC,
        title: "Headscale cannot reach authentik",
        why: "Headscale fetches the discovery document when it starts; a DNS name it cannot resolve, a firewall, a certificate it does not trust or authentik still starting makes that fail.",
        confirm: Some("From Headscale's host or container, run curl with the discovery URL the Headscale configuration here names; the error it prints is the one Headscale met."),
        remedy: "Make authentik's public URL reachable from Headscale's host (DNS, firewall, trusted certificate), then restart Headscale.";
    SlugOrProvider => "slug-or-provider", Fix::Field(Field::Slug), links::AUTHENTIK_APPLICATIONS,
        title: "authentik has no OpenID provider at that address",
        why: "The discovery URL answers something that is not a discovery document: the slug in the issuer is not the application's, the application has no provider assigned, or a login page of a proxy answers instead.",
        confirm: Some("Open the discovery URL in a browser: a JSON document starting with \"issuer\" means the address is right."),
        remedy: "Use the application's slug as authentik shows it, and make sure the application's provider is the OAuth2/OpenID provider.";
    StartOrder => "start-order", Fix::Field(Field::OnlyStartIfOidcIsAvailable), links::HEADSCALE_CONFIG,
        title: "Headscale started before authentik was ready",
        why: "Headscale reads the discovery document once, at start-up; if authentik is still starting, Headscale stops (or, with only_start_if_oidc_is_available off, runs without OIDC until its next restart).",
        confirm: Some("Compare the time of this line with authentik's start in its own log, or restart Headscale now that authentik runs."),
        remedy: "Start Headscale after authentik, for example with depends_on and a health check in docker compose.";
    SecretBoth => "secret-both", Fix::Field(Field::SecretDelivery), links::HEADSCALE_CONFIG,
        title: "Both client_secret and client_secret_path are set",
        why: "Headscale refuses to start when it gets the secret twice, from the file and inline (or from HEADSCALE_OIDC_CLIENT_SECRET).",
        confirm: None,
        remedy: "Keep one way of giving the secret; the playground writes only the one you choose.";
    PkceMethod => "pkce-method", Fix::Field(Field::PkceMethod), links::HEADSCALE_OIDC,
        title: "The PKCE method is neither S256 nor plain",
        why: "Headscale checks pkce.method when PKCE is on and refuses any other spelling.",
        confirm: None,
        remedy: "Write S256 exactly.";
    KeyRemoved => "key-removed", Fix::Field(Field::HeadscaleVersion), links::HEADSCALE_CHANGELOG,
        title: "A removed setting is still in the configuration",
        why: "Headscale stops at start-up while a removed oidc key is set, in config.yaml or as a HEADSCALE_ variable.",
        confirm: None,
        remedy: "Delete the key named in the message; for oidc.expiry set node.expiry instead. Paste the configuration here to find every such key.";
    ExpiryUnreadable => "expiry-unreadable", Fix::Field(Field::Expiry), links::HEADSCALE_CONFIG,
        title: "oidc.expiry is not a duration Headscale reads",
        why: "Headscale falls back to 180 days when it cannot read the expiry.",
        confirm: None,
        remedy: "Write a duration such as 180d, or 0 for never.";
    LinkDamaged => "link-damaged", Fix::Nothing, links::HEADSCALE_OIDC,
        title: "The login link does not come from this Headscale",
        why: "The registration URL the Tailscale client opened carries a node key or registration ID Headscale does not know: it was cut, copied from another server, or the client talks to another Headscale.",
        confirm: Some("Check that the client was started with --login-server set to the Headscale URL here, and open the link it prints whole."),
        remedy: "Start the login again from the client, with the right --login-server.";
    RedirectUri => "redirect-uri", Fix::Field(Field::HeadscaleUrl), links::AUTHENTIK_OAUTH2,
        title: "The redirect URI Headscale sends is not registered in authentik",
        why: "Headscale sends server_url plus /oidc/callback; authentik accepts it only if the provider lists it exactly (Strict) — a port, http against https or a trailing slash breaks it.",
        confirm: None,
        remedy: "Register the redirect URI the authentik settings here show, in the provider's Redirect URIs/Origins, and use the same server_url in Headscale.";
    RedirectUriType => "redirect-uri-type", Fix::Authentik(PROVIDER), links::AUTHENTIK_RELEASE_2026_5,
        title: "The redirect URI is registered, but not as an Authorization URI",
        why: "From authentik 2026.5, each redirect URI has a type; the authorize view only accepts those of type Authorization, not Logout.",
        confirm: Some("In the provider's Redirect URIs, look at the type next to the callback URL."),
        remedy: "Set the type of the /oidc/callback URI to Authorization.";
    GrantTypes => "grant-types", Fix::Authentik(PROVIDER), links::AUTHENTIK_RELEASE_2026_5,
        title: "The provider allows no authorization_code grant",
        why: "From authentik 2026.5, a provider lists the grant types it allows; one created through the API, a blueprint or Terraform without grant_types allows none and refuses every login (authentik logs Invalid grant_type for provider).",
        confirm: Some("In authentik's server log, look for Invalid grant_type for provider; in the provider, look at its grant types."),
        remedy: "Allow authorization_code (and refresh_token) in the provider; the blueprint and the Terraform here set them.";
    ClientId => "client-id", Fix::Field(Field::ClientId), links::AUTHENTIK_GUIDE,
        title: "Headscale's client ID is not this provider's",
        why: "authentik puts the provider's client ID in the audience of every token and finds the provider by it; a client ID copied from another provider or with extra characters fails.",
        confirm: None,
        remedy: "Copy the Client ID from the provider into oidc.client_id (or generate one here and enter it on both sides).";
    ClientSecret => "client-secret", Fix::Field(Field::ClientSecret), links::AUTHENTIK_GUIDE,
        title: "Headscale sends a client secret authentik does not accept",
        why: "authentik compares the secret Headscale sends with the provider's Client Secret; a regenerated secret, a copy with a space or a secret file with another value fails with invalid_client.",
        confirm: Some("Compare the provider's Client Secret in authentik with the one Headscale reads (the file's exact bytes, or HEADSCALE_OIDC_CLIENT_SECRET)."),
        remedy: "Copy the Client Secret again, or generate one here and enter it on both sides.";
    SecretFileNewline => "secret-file-newline", Fix::Field(Field::SecretDelivery), links::HEADSCALE_CHANGELOG,
        title: "The secret file ends with a newline Headscale 0.22 keeps",
        why: "Headscale 0.22 reads client_secret_path byte for byte, so a final newline becomes part of the secret; 0.23 and later trim it.",
        confirm: Some("Run od -c on the secret file: a final \\n is the extra character."),
        remedy: "Write the file with printf '%s' instead of echo, or upgrade Headscale.";
    CodeExpired => "code-expired", Fix::Nothing, links::AUTHENTIK_OAUTH2,
        title: "The login code was used twice or too late",
        why: "authentik's login code is valid once and for a minute by default (Access code validity); a callback opened twice, a slow proxy or a clock far off makes the exchange fail with invalid_grant.",
        confirm: Some("Start one login and complete it at once; authentik's server log names the reason (Code does not exist, Code is expired)."),
        remedy: "Start the login again, once; if it keeps failing, raise the provider's Access code validity.";
    PkceMismatch => "pkce-mismatch", Fix::Field(Field::PkceMethod), links::HEADSCALE_OIDC,
        title: "The PKCE verifier does not match the challenge",
        why: "With PKCE on, authentik checks the verifier Headscale sends against the challenge of the login; an unknown method spelling makes Headscale send a verifier without a challenge.",
        confirm: None,
        remedy: "Use PKCE with the S256 method, written exactly.";
    TokenEndpointUnreachable => "token-endpoint-unreachable", Fix::Headscale, links::HEADSCALE_OIDC,
        title: "Headscale cannot reach authentik's token endpoint",
        why: "The code is exchanged by Headscale itself, from its host, at the token endpoint of the discovery document.",
        confirm: Some("From Headscale's host, run curl with authentik's token endpoint; any answer (even an error) means it is reachable."),
        remedy: "Make authentik's public URL reachable from Headscale's host.";
    EncryptionKey => "encryption-key", Fix::Authentik(PROVIDER), links::HEADSCALE_OIDC,
        title: "The provider encrypts its tokens (an Encryption Key is set)",
        why: "With an Encryption Key, authentik sends the ID token as an encrypted JWE of five parts; Headscale only reads signed tokens and fails to read the claims.",
        confirm: Some("In the provider's settings, look at Encryption Key under Advanced protocol settings; or count the dots of an ID token: four dots (five parts) means encrypted."),
        remedy: "Clear the Encryption Key of the provider; keep the Signing Key.";
    NoSigningKey => "no-signing-key", Fix::Authentik(PROVIDER), links::AUTHENTIK_OAUTH2,
        title: "The provider has no signing key, so its tokens are signed with HS256",
        why: "Without a Signing Key, authentik signs tokens with the client secret (HS256) and publishes no keys; Headscale only accepts tokens signed with a key pair (RS256, ES256 and the like).",
        confirm: Some("Check the JWKS with the button below: an empty key list means HS256. Or paste the discovery document: id_token_signing_alg_values_supported lists only HS256."),
        remedy: "Select a Signing Key in the provider, such as authentik Self-signed Certificate.";
    ClockSkew => "clock-skew", Fix::Headscale, links::HEADSCALE_OIDC,
        title: "The clocks of Headscale's and authentik's hosts disagree",
        why: "Headscale refuses an ID token that has already expired or is not valid yet by its own clock.",
        confirm: Some("Run date -u on both hosts (or timedatectl); a difference of minutes explains it."),
        remedy: "Keep both clocks synchronised with NTP.";
    KeysUnreachable => "keys-unreachable", Fix::Headscale, links::AUTHENTIK_OAUTH2,
        title: "Headscale cannot fetch or use authentik's signing keys",
        why: "Headscale verifies the ID token with the keys at the jwks_uri of the discovery document; it fails when that address is unreachable from Headscale or publishes no usable key.",
        confirm: Some("Check the JWKS with the button below, and from Headscale's host run curl with the same address."),
        remedy: "Make the JWKS address reachable from Headscale and give the provider a Signing Key.";
    ScopeOpenid => "scope-openid", Fix::Field(Field::Scopes), links::HEADSCALE_OIDC,
        title: "authentik returned no ID token",
        why: "authentik only returns an ID token when the openid scope is requested and mapped on the provider.",
        confirm: Some("In the provider's Scopes, check that the authentik default OAuth Mapping: OpenID 'openid' is selected."),
        remedy: "Keep openid in the scopes, and the openid scope mapping on the provider.";
    ScopeNotMapped => "scope-not-mapped", Fix::Field(Field::Scopes), links::AUTHENTIK_SCOPE_MAPPINGS,
        title: "A requested scope is refused",
        why: "authentik refuses or drops scopes the provider has no mapping for.",
        confirm: Some("Compare the scopes here with the provider's selected scope mappings."),
        remedy: "Request openid, profile and email only, or add a mapping for the extra scope.";
    ExtraParams => "extra-params", Fix::Field(Field::ExtraParams), links::HEADSCALE_CONFIG,
        title: "An extra parameter changes the login request",
        why: "oidc.extra_params are added to the request Headscale sends to authentik; a parameter such as prompt=none or response_type changes what authentik may answer.",
        confirm: None,
        remedy: "Remove the extra parameters the login does not need.";
    AccessDenied => "access-denied", Fix::Field(Field::AllowedGroups), links::AUTHENTIK_APPLICATIONS,
        title: "authentik's bindings deny this user the application",
        why: "An application with bindings admits only the groups, users or policies bound to it; authentik refuses anyone else before Headscale sees them.",
        confirm: Some("In authentik, open the application's Policy / Group / User Bindings and check the user's groups under Directory → Users."),
        remedy: "Add the user to a bound group (the outputs bind the allowed groups here).";
    AuthentikRefused => "authentik-refused", Fix::Nothing, links::AUTHENTIK_OAUTH2,
        title: "authentik sent the browser back without a login code",
        why: "When authentik refuses a login request, it sends the browser to the callback with error= and error_description= instead of code= and state=, and Headscale only sees that something is missing.",
        confirm: Some("Look at the address of the failed callback in the browser (or authentik's server log): error_description names authentik's reason; paste it here."),
        remedy: "Fix what authentik names; with authentik 2026.5 and later the usual reason is a provider without grant types.";
    StateCookieLost => "state-cookie-lost", Fix::Field(Field::HeadscaleUrl), links::HEADSCALE_OIDC,
        title: "The browser did not send back Headscale's login cookie",
        why: "Headscale sets a state cookie for /oidc/callback when the login starts; it is missing when the callback reaches Headscale under another host name, a path prefix of a reverse proxy changes the path, or the login finished in another browser.",
        confirm: Some("Check that the address in the browser, server_url and the registered redirect URI have the same host name, and that Headscale is served at the root of its host."),
        remedy: "Serve Headscale at the root of one host name and use that URL everywhere.";
    CallbackReloaded => "callback-reloaded", Fix::Nothing, links::HEADSCALE_OIDC,
        title: "The callback was opened a second time",
        why: "Headscale uses each login's state once; a browser extension or a link preview that loads the callback URL again, a reload, or a login started twice (before 0.27.1 a second click on the tray icon) finds it gone.",
        confirm: Some("Try the login in a private window without extensions, and start it only once."),
        remedy: "Turn off the extension for the Headscale host, and start each login once.";
    LoginTooSlow => "login-too-slow", Fix::Nothing, links::HEADSCALE_OIDC,
        title: "The login took too long, or Headscale restarted meanwhile",
        why: "Headscale keeps a started login in memory for a limited time; a login finished later, or after a restart of Headscale, is no longer known.",
        confirm: Some("Compare the time of this line with when the login started, and with Headscale's last start."),
        remedy: "Start the login again and finish it promptly.";
    NonceMissing => "nonce-missing", Fix::Nothing, links::HEADSCALE_OIDC,
        title: "The ID token carries no nonce",
        why: "Headscale sends a nonce with every login and, from 0.27.1, refuses an ID token without it; authentik returns the nonce it received, so a proxy that drops query parameters or an extra parameter overriding nonce loses it.",
        confirm: Some("Look at the authorize request Headscale logs at debug level (redirecting to …): it must carry nonce=."),
        remedy: "Remove a nonce from the extra parameters, and let the proxy pass the query string unchanged.";
    Groups => "groups", Fix::Field(Field::AllowedGroups), links::HEADSCALE_OIDC,
        title: "The user is not in any allowed group, as authentik names it",
        why: "Headscale compares allowed_groups with the groups claim exactly and case by case; authentik sends plain group names without a leading /.",
        confirm: Some("In Directory → Users → the user → Groups, compare the group names with the allowed groups here."),
        remedy: "List the authentik group names exactly, and add the user to one of them.";
    GroupsMissing => "groups-missing", Fix::Field(Field::Scopes), links::AUTHENTIK_SCOPE_MAPPINGS,
        title: "The token carries no groups",
        why: "authentik sends groups with the profile scope; without it, or before Headscale 0.27 with Include claims in id_token turned off, the groups claim is empty.",
        confirm: Some("In the provider's settings, check the profile scope mapping and Include claims in id_token."),
        remedy: "Request the profile scope and keep Include claims in id_token on.";
    Users => "users", Fix::Field(Field::AllowedUsers), links::HEADSCALE_OIDC,
        title: "The user's e-mail is not an allowed user",
        why: "Headscale compares allowed_users with the whole email claim, exactly and case by case, never with the user name.",
        confirm: Some("In Directory → Users → the user, compare the Email with the allowed users here."),
        remedy: "List the user's e-mail address exactly as authentik has it.";
    Domains => "domains", Fix::Field(Field::AllowedDomains), links::HEADSCALE_OIDC,
        title: "The user's e-mail domain is not allowed",
        why: "Headscale takes the text after the last @ of the email claim and compares it exactly with allowed_domains; sub-domains do not match.",
        confirm: Some("In Directory → Users → the user, compare the domain of the Email with the allowed domains here."),
        remedy: "List the domain exactly, or give the user an address in an allowed domain.";
    NoEmail => "no-email", Fix::Authentik(USERS), links::AUTHENTIK_SCOPE_MAPPINGS,
        title: "The user has no e-mail address in authentik",
        why: "Allowed users and domains compare the email claim; a user without an address in authentik, or a provider without the email scope mapping, sends none.",
        confirm: Some("In Directory → Users → the user, look at Email; and check that the email scope is requested and mapped."),
        remedy: "Give the user an e-mail address in authentik.";
    EmailUnverified => "email-unverified", Fix::Field(Field::VerifiedEmailMapping), links::AUTHENTIK_RELEASE_2025_10,
        title: "authentik marks the e-mail as not verified",
        why: "From authentik 2025.10, the default email mapping sends email_verified: false, and Headscale 0.28 and later refuse an unverified e-mail for allowed users and domains.",
        confirm: None,
        remedy: "Tick Mark authentik emails as verified (the outputs add a custom email mapping), or untick Require a verified email.";
    ClaimType => "claim-type", Fix::Field(Field::HeadscaleVersion), links::HEADSCALE_CHANGELOG,
        title: "A claim has a type this Headscale release cannot read",
        why: "Older releases fail the whole login when email_verified comes as a string (fixed in 0.24) or groups as a single string (accepted from 0.29), as a custom scope mapping can send them.",
        confirm: Some("Check the provider's custom scope mappings: email_verified must be true or false, groups a list."),
        remedy: "Return a boolean and a list from the scope mappings, or upgrade Headscale.";
    UserinfoUnavailable => "userinfo-unavailable", Fix::Nothing, links::HEADSCALE_OIDC,
        title: "Headscale could not read the UserInfo endpoint",
        why: "Headscale then uses the claims of the ID token alone; the login goes on.",
        confirm: Some("If groups or e-mail are missing afterwards, check Include claims in id_token in the provider."),
        remedy: "Nothing, unless claims are missing; then keep Include claims in id_token on.";
    IdpSwapped => "idp-swapped", Fix::Headscale, links::HEADSCALE_OIDC,
        title: "A user of the same name already exists from another identity provider",
        why: "Headscale finds OIDC users by issuer and subject; after a change of identity provider, slug, issuer mode or sub mode, the same person arrives as a new identity, and creating the user clashes with the existing one.",
        confirm: Some("Run headscale users list (or -o json) and compare the existing user's provider identifier with the new issuer and subject."),
        remedy: "Keep the issuer and subject stable, or update users.provider_identifier of the existing user as Headscale's documentation describes.";
    HeadscaleInternal => "headscale-internal", Fix::Nothing, links::HEADSCALE_OIDC,
        title: "Headscale failed for a reason outside the SSO settings",
        why: "The database, the browser connection or a page template failed; the settings of either product play no part.",
        confirm: Some("The lines around this one in Headscale's log name the failing part."),
        remedy: "Fix what Headscale's log names (disk, database, connection).";
    ConfirmationLost => "confirmation-lost", Fix::Nothing, links::HEADSCALE_OIDC,
        title: "The confirmation page's form did not come back intact",
        why: "From Headscale 0.29 a new node is confirmed on a page of its own; its form and cookie must come back together, in the same browser, within the login's time.",
        confirm: Some("Confirm in the same browser that showed the page, without reloading it."),
        remedy: "Start the login again and confirm the node once.";
    SshCheck => "ssh-check", Fix::Nothing, links::HEADSCALE_OIDC,
        title: "An SSH check was approved by the wrong user",
        why: "From Headscale 0.29, an SSH check-mode login must be approved by the owner of the source node; this is a policy decision, not an SSO setting.",
        confirm: Some("Compare the signed-in authentik user with the owner of the source node (headscale nodes list)."),
        remedy: "Approve the check as the node's owner.";
    Normal => "normal", Fix::Nothing, links::HEADSCALE_OIDC,
        title: "Not a failure: this step went through",
        why: "Headscale reports the step at info or debug level; it shows how far the login got.",
        confirm: None,
        remedy: "Look at the next error after this line.";
}
