//! Diagnose: runs every check against one model, in a fixed order, and says which fired.
//!
//! The model only normalises the inputs. The rules live with what they know about: the input
//! rules (a refused value, a placeholder, an address) here, Headscale's in
//! [`crate::engine::headscale::checks`], authentik's in [`crate::engine::authentik::checks`].
//! What each check says, and the login step it breaks, is in [`crate::engine::catalogue`].

use crate::engine::address::{Address, AddressProblem};
use crate::engine::catalogue::{Check, Diagnostic};
use crate::engine::fields::Field;
use crate::engine::inputs::Inputs;
use crate::engine::model::Model;
use crate::engine::{authentik, headscale, lists, rules};

/// Every check that fires for `inputs`, normalised into `model` (which must be
/// `Model::new(inputs)`). The inputs give what the model does not keep: a URL as typed, and the
/// extra parameter lines that could not be read.
pub fn diagnose(inputs: &Inputs, model: &Model) -> Vec<Diagnostic> {
    // A refused field reads as empty, as it does for the model.
    let typed = |field: Field| if model.is_refused(field) { "" } else { inputs.text(field).unwrap_or_default() };
    let mut found = Vec::new();
    placeholders(model, typed, &mut found);
    address(&model.headscale, &HEADSCALE_CHECKS, &mut found);
    address(&model.authentik, &AUTHENTIK_CHECKS, &mut found);
    authentik::checks::application(model, &mut found);
    authentik::checks::credentials(model, &mut found);
    headscale::checks::scopes(model, &mut found);
    headscale::checks::access(model, &mut found);
    headscale::checks::pkce(model, &mut found);
    headscale::checks::settings(model, &lists::key_values(typed(Field::ExtraParams)), &mut found);
    authentik::checks::release(model, &mut found);
    let mut diagnostics: Vec<Diagnostic> = model
        .refusals
        .iter()
        .map(|(field, refusal)| Diagnostic::phrase(Check::ValueRefused, refusal.to_string()).at(*field))
        .collect();
    // A refused field's other checks would only confuse.
    diagnostics.extend(found.into_iter().filter(|d| !model.is_refused(d.field())));
    diagnostics
}

/// Values copied from a guide's or an example's placeholders, in every field whose kind takes
/// them: single values first, then the entries of lists, each in the field table's order.
fn placeholders<'a>(model: &'a Model, typed: impl Fn(Field) -> &'a str, found: &mut Vec<Diagnostic>) {
    // The secret's path is only used, and only worth a check, when the secret is in a file.
    let used = |field: Field| model.secret_delivery.uses(field);
    let fields: Vec<Field> =
        Field::ALL.into_iter().filter(|&field| field.kind().takes_placeholders() && used(field)).collect();
    let single = fields.iter().filter(|field| !field.kind().is_list()).map(|&field| (field, typed(field).trim()));
    let items = fields.iter().filter_map(|&field| Some((field, field.kind().split(typed(field))?)));
    let items: Vec<(Field, Vec<String>)> = items.collect();
    let items = items.iter().flat_map(|(field, items)| items.iter().map(move |item| (*field, item.as_str())));
    for (field, value) in single.chain(items) {
        if rules::is_placeholder(value) {
            found.push(Diagnostic::value(Check::Placeholder, value).at(field));
        }
    }
}

/// The checks that report each kind of [`AddressProblem`] for one service.
struct AddressChecks {
    missing: Check,
    invalid: Check,
    scheme: Check,
    extra: Check,
    default_port: Check,
}

const HEADSCALE_CHECKS: AddressChecks = AddressChecks {
    missing: Check::HeadscaleUrlMissing,
    invalid: Check::HeadscaleUrlInvalid,
    scheme: Check::HeadscaleUrlScheme,
    extra: Check::HeadscaleUrlExtra,
    default_port: Check::HeadscaleUrlDefaultPort,
};

const AUTHENTIK_CHECKS: AddressChecks = AddressChecks {
    missing: Check::AuthentikUrlMissing,
    invalid: Check::AuthentikUrlInvalid,
    scheme: Check::AuthentikUrlScheme,
    extra: Check::AuthentikUrlExtra,
    default_port: Check::AuthentikUrlDefaultPort,
};

fn address(address: &Address, checks: &AddressChecks, found: &mut Vec<Diagnostic>) {
    for problem in &address.problems {
        found.push(match problem {
            AddressProblem::Missing => Diagnostic::new(checks.missing),
            AddressProblem::Unparsable(reason) => Diagnostic::phrase(checks.invalid, reason),
            AddressProblem::Scheme(scheme) => Diagnostic::phrase(checks.scheme, scheme),
            AddressProblem::Extra(part) => Diagnostic::phrase(checks.extra, part),
            AddressProblem::DefaultPort(port) => Diagnostic::phrase(checks.default_port, port),
            AddressProblem::IssuerPasted => Diagnostic::new(Check::AuthentikUrlIssuerPasted),
            AddressProblem::InternalHost(reason) => Diagnostic::phrase(Check::AuthentikUrlInternal, reason),
        });
    }
}
