//! What each authentik release expects of an OAuth2 provider and application, as data.
//!
//! Adding a release is a new row in [`AUTHENTIK_RELEASES`] and its tests; the wizard steps, the blueprint,
//! the Terraform and the checks all read these rows.

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
    /// authentik refuses a client ID or secret with characters outside printable ASCII
    /// (RFC 6749's VSCHAR) from 2026.8; before, it only limits their length.
    pub vschar_credentials: bool,
    /// The release of the goauthentik/authentik Terraform provider the Terraform output is
    /// written for, or why no provider release works with this line.
    pub terraform: Result<TerraformProvider, NoTerraform>,
}

/// Why no release of the Terraform provider can create the setup on a release line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoTerraform {
    pub why: &'static str,
    /// The first authentik release a provider release works with again.
    pub upgrade_to: &'static str,
}

/// A release of the Terraform provider, and the version constraint the output declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TerraformProvider {
    /// The provider release whose arguments the output is held to, such as `v2025.10.1`.
    pub release: &'static str,
    /// The `version` constraint written into `required_providers`.
    pub constraint: &'static str,
}

const fn provider(release: &'static str, constraint: &'static str) -> Result<TerraformProvider, NoTerraform> {
    Ok(TerraformProvider { release, constraint })
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
        3,
        "2024.10.3",
        "2024.10.3 or a later 2024.10 patch",
        false,
        provider("v2024.10.2", "~> 2024.10.2"),
    ),
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
    release(
        2024,
        8,
        5,
        "2024.8.5",
        "2024.8.5 or a later 2024.8 patch",
        false,
        Err(NoTerraform {
            why: "its 2024.8 releases send redirect URIs as regular expressions, which this release no longer \
                  accepts, and from 2024.10.2 on it requires an invalidation flow, which authentik 2024.8 does \
                  not have",
            upgrade_to: "2024.10.3",
        }),
    ),
    release(2024, 8, 0, "2024.8.0", "2024.8.0 to 2024.8.4", false, provider("v2024.8.4", ">= 2024.8.4, < 2024.10.0")),
];

/// The release selected by default: the newest final one.
pub(crate) const DEFAULT_KEY: &str = "2026.8";

const fn at_least(version: AuthentikVersion, year: u16, month: u8) -> bool {
    version.year > year || (version.year == year && version.month >= month)
}

const fn release(
    year: u16,
    month: u8,
    patch: u8,
    key: &'static str,
    label: &'static str,
    preview: bool,
    terraform: Result<TerraformProvider, NoTerraform>,
) -> AuthentikRelease {
    let version = AuthentikVersion { year, month, patch };
    let strict = at_least(version, 2024, 12)
        || (year == 2024 && month == 10 && patch >= 3)
        || (year == 2024 && month == 8 && patch >= 5);
    AuthentikRelease {
        version,
        key,
        label,
        preview,
        redirect_uris: if at_least(version, 2026, 5) {
            RedirectUris::StrictTyped
        } else if strict {
            RedirectUris::Strict
        } else {
            RedirectUris::Regex
        },
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
