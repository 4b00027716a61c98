//! How the form groups its fields: the essentials first and always shown, the rest in named
//! groups that stay closed until one of their fields needs attention or holds a value other than
//! the page's default.

use crate::engine::catalogue::{Diagnostic, Severity};
pub use crate::engine::fields::Group;
use crate::engine::fields::{Field, FieldInfo, FIELDS};
use crate::engine::inputs::Inputs;

impl Group {
    /// The fields of the group, in the order the form shows them: the rows of the field table
    /// that name the group, by their place.
    pub fn fields(self) -> Vec<Field> {
        let mut rows: Vec<&FieldInfo> = FIELDS.iter().filter(|info| info.group == Some(self)).collect();
        rows.sort_by_key(|info| info.place);
        rows.into_iter().map(|info| info.field).collect()
    }

    /// The group a form field is shown in; the import box belongs to none.
    pub fn of(field: Field) -> Option<Group> {
        field.info().group
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
        self.fields().into_iter().any(|field| concerns(field) || differs(inputs, defaults, field))
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
