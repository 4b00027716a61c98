//! How the form groups its fields: the essentials first and always shown, the rest in named
//! groups that stay closed until one of their fields needs attention or holds a value other than
//! the page's default.

use crate::engine::catalogue::{Diagnostic, Severity};
use crate::engine::fields::Field;
use crate::engine::inputs::Inputs;

/// A group of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Host names, slug, allowed groups and versions: what almost everyone changes.
    Essentials,
    Application,
    Access,
    Secret,
    Protocol,
}

impl Group {
    pub const ALL: [Group; 5] = [Group::Essentials, Group::Application, Group::Access, Group::Secret, Group::Protocol];

    /// The fields of the group, in the order the form shows them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Group::Essentials => &[
                Field::HeadscaleUrl,
                Field::AuthentikUrl,
                Field::Slug,
                Field::AllowedGroups,
                Field::HeadscaleVersion,
                Field::AuthentikVersion,
            ],
            Group::Application => &[Field::AppName, Field::ClientId, Field::ClientSecret],
            Group::Access => {
                &[Field::AllowedUsers, Field::AllowedDomains, Field::EmailVerifiedRequired, Field::VerifiedEmailMapping]
            }
            Group::Secret => &[
                Field::SecretDelivery,
                Field::ClientSecretPath,
                Field::Expiry,
                Field::UseExpiryFromToken,
                Field::OnlyStartIfOidcIsAvailable,
            ],
            Group::Protocol => &[Field::Scopes, Field::PkceEnabled, Field::PkceMethod, Field::ExtraParams],
        }
    }

    /// The group a form field is shown in; the import box belongs to none.
    pub fn of(field: Field) -> Option<Group> {
        Group::ALL.into_iter().find(|group| group.fields().contains(&field))
    }

    /// The group's visible name, which says what is inside.
    pub fn title(self) -> &'static str {
        match self {
            Group::Essentials => "Your setup",
            Group::Application => "Application name, client ID and secret",
            Group::Access => "Allowed users and domains, verified email",
            Group::Secret => "How Headscale reads the secret, node expiry, startup",
            Group::Protocol => "Scopes, PKCE and extra parameters",
        }
    }

    /// A stable identifier for element ids.
    pub fn key(self) -> &'static str {
        match self {
            Group::Essentials => "essentials",
            Group::Application => "application",
            Group::Access => "access",
            Group::Secret => "secret",
            Group::Protocol => "protocol",
        }
    }

    /// Whether the group should open by itself: an error or a warning concerns one of its
    /// fields, or one of its fields differs from `defaults` (set by a share link, an import or
    /// stored state). A note is only counted in the status line: worth knowing, no reason to
    /// unfold a group.
    pub fn wants_attention(self, inputs: &Inputs, defaults: &Inputs, diagnostics: &[Diagnostic]) -> bool {
        let concerns = |field| diagnostics.iter().any(|d| d.field() == field && d.severity() != Severity::Info);
        self.fields().iter().any(|&field| concerns(field) || differs(inputs, defaults, field))
    }
}

/// Whether a field holds something other than its default. The client ID and secret are fresh
/// random values on every first visit, so a value of their own is no reason to open a group.
pub fn differs(inputs: &Inputs, defaults: &Inputs, field: Field) -> bool {
    match field {
        Field::ClientId | Field::ClientSecret => false,
        _ => inputs.text(field) != defaults.text(field) || inputs.flag(field) != defaults.flag(field),
    }
}
