//! What each authentik release expects of an OAuth2 provider and application, as data.
//!
//! Adding a release is a new row in [`AUTHENTIK_RELEASES`] and its tests; the wizard steps, the blueprint,
//! the Terraform and the checks all read these rows, and [`FACTS`] names the evidence of each
//! column.

use crate::engine::citations as c;
use crate::engine::evidence::{fact, Fact};

/// An authentik release: year, month and the first patch the row describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AuthentikVersion {
    pub year: u16,
    pub month: u8,
    pub patch: u8,
}

/// How a provider stores its redirect URIs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirectUris {
    /// One URI per line in a text field, each a regular expression (before the fix of
    /// CVE-2024-52289 in 2024.8.5 and 2024.10.3).
    Regex,
    /// A list of `{matching_mode, url}`.
    Strict,
    /// A list of `{matching_mode, url, redirect_uri_type}` (2026.5).
    StrictTyped,
}

/// Facts about one release line.
#[derive(Debug, PartialEq, Eq)]
pub struct AuthentikRelease {
    pub version: AuthentikVersion,
    /// Value of the version selector, such as `2026.8` or `2024.10.0`.
    pub key: &'static str,
    pub label: &'static str,
    /// Not yet a final release.
    pub preview: bool,
    pub redirect_uris: RedirectUris,
    /// The wizard still shows the old text field *Redirect URIs/Origins (RegEx)*: every release
    /// that reads regular expressions, and the two patches that stored strict URIs before the
    /// wizard learnt them (2024.8.5 and 2024.10.3; fixed in 2024.8.6 and 2024.10.4).
    pub wizard_redirect_text: bool,
    /// Providers need an invalidation flow (2024.10).
    pub invalidation_flow: bool,
    /// Providers can encrypt their tokens with an encryption key (2024.10).
    pub encryption_key: bool,
    /// Providers list their allowed grant types, and an empty list refuses every login (2026.5).
    pub grant_types: bool,
    /// The longest application slug accepted; no limit from 2025.12.
    pub slug_max: Option<usize>,
    /// What the default email scope mapping sends as `email_verified` (false from 2025.10).
    pub email_verified_default: bool,
    /// How a scope mapping's expression reaches the user's groups.
    pub group_accessor: &'static str,
    /// The wizard has a Configure Bindings step (2024.12); before, groups are bound on the
    /// application once it exists.
    pub wizard_bindings: bool,
    /// The admin interface can import a blueprint file (Customization → Blueprints → Import,
    /// 2026.5); before, a blueprint is a file on the worker or pasted into a new blueprint.
    pub blueprint_import: bool,
    /// The token endpoint compares client secrets with Python's `hmac.compare_digest`, which
    /// fails on text outside ASCII (from 2026.2).
    pub ascii_secret_compare: bool,
    /// authentik refuses a client ID or secret with characters outside printable ASCII
    /// (RFC 6749's VSCHAR) from 2026.8; before, it only limits their length.
    pub vschar_credentials: bool,
    /// The release of the goauthentik/authentik Terraform provider the Terraform output is
    /// written for.
    pub terraform: TerraformProvider,
}

/// A release of the Terraform provider, and the version constraint the output declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TerraformProvider {
    /// The provider release whose arguments the output is held to, such as `v2025.10.1`.
    pub release: &'static str,
    /// The `version` constraint written into `required_providers`.
    pub constraint: &'static str,
    /// The provider requires an invalidation flow this authentik release does not have: it
    /// ignores the one sent and answers without one, so the output tells Terraform to ignore
    /// the difference (2024.8 patches with provider v2024.10.2).
    pub unknown_invalidation_flow: bool,
}

const fn provider(release: &'static str, constraint: &'static str) -> TerraformProvider {
    TerraformProvider { release, constraint, unknown_invalidation_flow: false }
}

/// Every release line the playground knows, newest first.
pub const AUTHENTIK_RELEASES: &[AuthentikRelease] = &[
    // No provider release is newer than v2026.5.0, which has every argument these lines need.
    release(2026, 11, 0, "2026.11", "2026.11 (release candidate)", true, provider("v2026.5.0", ">= 2026.5.0")),
    release(2026, 8, 0, "2026.8", "2026.8", false, provider("v2026.5.0", ">= 2026.5.0")),
    release(2026, 5, 0, "2026.5", "2026.5", false, provider("v2026.5.0", "~> 2026.5.0")),
    release(2026, 2, 0, "2026.2", "2026.2", false, provider("v2026.2.1", "~> 2026.2.1")),
    release(2025, 12, 0, "2025.12", "2025.12", false, provider("v2025.12.1", "~> 2025.12.1")),
    release(2025, 10, 0, "2025.10", "2025.10", false, provider("v2025.10.1", "~> 2025.10.1")),
    release(2025, 8, 0, "2025.8", "2025.8", false, provider("v2025.8.1", "~> 2025.8.1")),
    release(2025, 6, 0, "2025.6", "2025.6", false, provider("v2025.6.0", "~> 2025.6.0")),
    release(2025, 4, 0, "2025.4", "2025.4", false, provider("v2025.4.0", "~> 2025.4.0")),
    release(2025, 2, 0, "2025.2", "2025.2", false, provider("v2025.2.0", "~> 2025.2.0")),
    release(2024, 12, 0, "2024.12", "2024.12", false, provider("v2024.12.1", "~> 2024.12.1")),
    release(
        2024,
        10,
        4,
        "2024.10.4",
        "2024.10.4 or a later 2024.10 patch",
        false,
        provider("v2024.10.2", "~> 2024.10.2"),
    ),
    release(2024, 10, 3, "2024.10.3", "2024.10.3", false, provider("v2024.10.2", "~> 2024.10.2")),
    // v2024.10.2 replaced the regular-expression redirect_uris with a list this line lacks.
    release(
        2024,
        10,
        0,
        "2024.10.0",
        "2024.10.0 to 2024.10.2",
        false,
        provider("v2024.10.0", ">= 2024.10.0, < 2024.10.2"),
    ),
    // The v2024.8 providers send redirect URIs as text, which these patches no longer take;
    // v2024.10.2 sends the list they expect, and an invalidation flow they ignore.
    release(2024, 8, 6, "2024.8.6", "2024.8.6 or a later 2024.8 patch", false, ignored_flow_provider()),
    release(2024, 8, 5, "2024.8.5", "2024.8.5", false, ignored_flow_provider()),
    release(2024, 8, 0, "2024.8.0", "2024.8.0 to 2024.8.4", false, provider("v2024.8.4", ">= 2024.8.4, < 2024.10.0")),
];

const fn ignored_flow_provider() -> TerraformProvider {
    TerraformProvider { release: "v2024.10.2", constraint: "~> 2024.10.2", unknown_invalidation_flow: true }
}

/// The release selected by default: the newest final one.
pub(crate) const DEFAULT_KEY: &str = "2026.8";

const fn at_least(version: AuthentikVersion, year: u16, month: u8) -> bool {
    version.year > year || (version.year == year && version.month >= month)
}

/// From the given patch of 2024.8 and of 2024.10, and in every release from 2024.12.
const fn patched(version: AuthentikVersion, in_2024_8: u8, in_2024_10: u8) -> bool {
    at_least(version, 2024, 12)
        || (version.year == 2024 && version.month == 10 && version.patch >= in_2024_10)
        || (version.year == 2024 && version.month == 8 && version.patch >= in_2024_8)
}

const fn release(
    year: u16,
    month: u8,
    patch: u8,
    key: &'static str,
    label: &'static str,
    preview: bool,
    terraform: TerraformProvider,
) -> AuthentikRelease {
    let version = AuthentikVersion { year, month, patch };
    AuthentikRelease {
        version,
        key,
        label,
        preview,
        redirect_uris: if at_least(version, 2026, 5) {
            RedirectUris::StrictTyped
        } else if patched(version, 5, 3) {
            RedirectUris::Strict
        } else {
            RedirectUris::Regex
        },
        wizard_redirect_text: !patched(version, 6, 4),
        invalidation_flow: at_least(version, 2024, 10),
        encryption_key: at_least(version, 2024, 10),
        grant_types: at_least(version, 2026, 5),
        slug_max: if at_least(version, 2025, 12) { None } else { Some(50) },
        email_verified_default: !at_least(version, 2025, 10),
        group_accessor: if at_least(version, 2026, 2) {
            "request.user.groups.all()"
        } else {
            "request.user.ak_groups.all()"
        },
        wizard_bindings: at_least(version, 2024, 12),
        blueprint_import: at_least(version, 2026, 5),
        ascii_secret_compare: at_least(version, 2026, 2),
        vschar_credentials: at_least(version, 2026, 8),
        terraform,
    }
}

impl AuthentikVersion {
    pub fn release(self) -> &'static AuthentikRelease {
        AUTHENTIK_RELEASES
            .iter()
            .find(|release| release.version == self)
            .unwrap_or_else(|| AuthentikVersion::default().release())
    }

    /// Finds the row for a selector value (`2026.8`, `2024.10.0`) or a full version
    /// (`2024.10.1` belongs to the `2024.10.0` row, `2026.8.7` to `2026.8`).
    pub fn parse(text: &str) -> Option<AuthentikVersion> {
        let mut parts = text.trim().trim_start_matches(['v', 'V']).split('.');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let patch: u8 = match parts.next() {
            Some(patch) => patch.split(['-', '+']).next()?.parse().ok()?,
            None => u8::MAX,
        };
        AUTHENTIK_RELEASES
            .iter()
            .map(|release| release.version)
            .filter(|v| v.year == year && v.month == month && v.patch <= patch)
            .max()
    }

    pub fn key(self) -> &'static str {
        self.release().key
    }

    /// Where an editor finds authentik's blueprint schema of this release: the file at the
    /// release's tag, or the newest one for a release not out yet.
    pub(crate) fn schema_url(self) -> String {
        if self.release().preview {
            "https://goauthentik.io/blueprints/schema.json".to_string()
        } else {
            format!(
                "https://raw.githubusercontent.com/goauthentik/authentik/version/{}.{}.{}/blueprints/schema.json",
                self.year, self.month, self.patch
            )
        }
    }
}

impl Default for AuthentikVersion {
    fn default() -> Self {
        AuthentikVersion::parse(DEFAULT_KEY).expect("the default release is in the table")
    }
}

/// What each column of [`AUTHENTIK_RELEASES`] rests on. A change between two rows is cited by
/// the release notes (or a line) of the newer row's release; the Terraform column is held to
/// the provider's own arguments by the upstream tests instead.
pub const FACTS: &[Fact] = &[
    fact(
        "redirect_uris",
        &[
            c::AK_NOTES_2024_8_5,
            c::AK_NOTES_2024_10_3,
            c::AK_TOKEN_REGEX_REDIRECT,
            c::AK_TOKEN_STRICT_REDIRECT,
            c::AK_NOTES_2026_5_FIXES,
        ],
    ),
    fact("wizard_redirect_text", &[c::AK_NOTES_2024_8_6, c::AK_NOTES_2024_10_4]),
    fact("invalidation_flow", &[c::AK_NOTES_2024_10, c::TF_INVALIDATION_FLOW]),
    fact("encryption_key", &[c::AK_NOTES_2024_10]),
    fact("grant_types", &[c::AK_NOTES_2026_5_GRANT_TYPES, c::AK_GRANT_TYPES_EMPTY]),
    fact("slug_max", &[c::AK_SCHEMA_2025_10, c::AK_SCHEMA_2025_12]),
    fact("email_verified_default", &[c::AK_NOTES_2025_10, c::AK_SCOPE_EMAIL_UNVERIFIED]),
    fact("group_accessor", &[c::AK_NOTES_2026_2_GROUPS, c::AK_SCOPE_PROFILE_GROUPS]),
    fact("wizard_bindings", &[c::AK_NOTES_2024_12]),
    fact("blueprint_import", &[c::AK_NOTES_2026_5_FIXES]),
    fact("ascii_secret_compare", &[c::AK_NOTES_2026_2_FIXES, c::PYTHON_COMPARE_DIGEST, c::AK_TOKEN_SECRET_COMPARE]),
    fact("vschar_credentials", &[c::AK_NOTES_2026_8_FIXES]),
    fact(
        "terraform",
        &[
            c::TF_REDIRECT_URIS_STRING,
            c::TF_INVALIDATION_FLOW,
            c::TF_ALLOWED_REDIRECT_URIS,
            c::TF_GRANT_TYPES,
            c::TF_SENDS_INVALIDATION_FLOW,
            c::TF_READS_INVALIDATION_FLOW,
            c::GO_CLIENT_SENDS_FLOW,
            c::GO_CLIENT_PLAIN_FIELD,
            c::GO_CLIENT_DECODE,
        ],
    ),
];
