//! The model: inputs normalised into the values every output uses, plus the checks that fired.

use super::address::{Address, AddressProblem, Service};
use super::authentik::versions::Version as AuthentikVersion;
use super::checks::{Check, Diagnostic};
use super::headscale::versions::Version as HeadscaleVersion;
use super::inputs::{Field, Inputs, SecretDelivery};
use super::{authentik, headscale, limits, lists, rules};

/// PKCE as Headscale reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pkce {
    pub enabled: bool,
    pub method: String,
}

/// Everything the outputs need, derived once from the inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    pub headscale: Address,
    pub authentik: Address,
    pub app_name: String,
    pub slug: String,
    pub client_id: String,
    pub client_secret: String,
    pub scopes: Vec<String>,
    pub allowed_groups: Vec<String>,
    pub allowed_users: Vec<String>,
    pub allowed_domains: Vec<String>,
    pub pkce: Pkce,
    /// Where authentik sends the browser back: Headscale's URL plus `/oidc/callback`.
    pub redirect_uri: String,
    /// authentik's per-provider issuer, with the trailing slash authentik uses.
    pub issuer: String,
    pub headscale_version: HeadscaleVersion,
    pub secret_delivery: SecretDelivery,
    pub client_secret_path: String,
    pub only_start_if_oidc_is_available: bool,
    pub expiry: String,
    pub use_expiry_from_token: bool,
    /// The valid `key=value` lines, in order, the last one winning for a repeated key.
    pub extra_params: Vec<(String, String)>,
    pub email_verified_required: bool,
    pub authentik_version: AuthentikVersion,
    pub verified_email_mapping: bool,
    /// Fields whose text is not used (a control character, beyond its limit); the outputs are
    /// not shown while there is one.
    pub refused: Vec<Field>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Model {
    pub fn new(inputs: &Inputs) -> Model {
        let (inputs, refusals) = usable(inputs);
        let inputs = &inputs;
        let headscale = Address::parse(&inputs.headscale_url, Service::Headscale);
        let authentik = Address::parse(&inputs.authentik_url, Service::Authentik);
        let slug = inputs.slug.trim().to_string();
        let redirect_uri = format!("{}/oidc/callback", headscale.normalized);
        let issuer = authentik::urls::issuer(&authentik.normalized, &slug);
        let extra_params = lists::key_values(&inputs.extra_params);
        let mut model = Model {
            app_name: inputs.app_name.trim().to_string(),
            client_id: inputs.client_id.trim().to_string(),
            client_secret: inputs.client_secret.trim().to_string(),
            scopes: lists::words(&inputs.scopes),
            allowed_groups: lists::lines(&inputs.allowed_groups),
            allowed_users: lists::words(&inputs.allowed_users),
            allowed_domains: lists::words(&inputs.allowed_domains),
            pkce: Pkce { enabled: inputs.pkce_enabled, method: inputs.pkce_method.trim().to_string() },
            headscale,
            authentik,
            slug,
            redirect_uri,
            issuer,
            headscale_version: inputs.headscale_version,
            secret_delivery: inputs.secret_delivery,
            client_secret_path: inputs.client_secret_path.trim().to_string(),
            only_start_if_oidc_is_available: inputs.only_start_if_oidc_is_available,
            expiry: inputs.expiry.trim().to_string(),
            use_expiry_from_token: inputs.use_expiry_from_token,
            extra_params: extra_params.pairs.clone(),
            email_verified_required: inputs.email_verified_required,
            authentik_version: inputs.authentik_version,
            verified_email_mapping: inputs.verified_email_mapping,
            refused: refusals.iter().map(|(field, _)| *field).collect(),
            diagnostics: Vec::new(),
        };
        let mut diagnostics: Vec<Diagnostic> = refusals
            .iter()
            .map(|(field, refusal)| Diagnostic::phrase(Check::ValueRefused, refusal.to_string()).at(*field))
            .collect();
        // A refused field reads as empty here; its other checks would only confuse.
        let checked = model.check(inputs, &extra_params);
        diagnostics.extend(checked.into_iter().filter(|d| !model.refused.contains(&d.field())));
        model.diagnostics = diagnostics;
        model
    }

    /// Every check of the inputs; [`Model::new`] runs them (public for the benchmark's stages).
    pub fn check(&self, inputs: &Inputs, extra_params: &lists::KeyValues) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        self.check_placeholders(inputs, &mut found);
        check_address(&self.headscale, &HEADSCALE_CHECKS, &mut found);
        check_address(&self.authentik, &AUTHENTIK_CHECKS, &mut found);
        self.check_application(&mut found);
        self.check_credentials(&mut found);
        self.check_scopes(&mut found);
        self.check_access(&mut found);
        self.check_pkce(&mut found);
        headscale::checks::check_inputs(self, extra_params, &mut found);
        authentik::checks::check_inputs(self, &mut found);
        found
    }

    fn check_application(&self, found: &mut Vec<Diagnostic>) {
        if self.app_name.is_empty() {
            found.push(Diagnostic::new(Check::AppNameMissing));
        }
        if self.slug.is_empty() {
            found.push(Diagnostic::new(Check::SlugMissing));
        } else if !rules::is_slug(&self.slug) {
            found.push(Diagnostic::value(Check::SlugInvalid, &self.slug));
        } else if rules::RESERVED_SLUGS.contains(&self.slug.as_str()) {
            found.push(Diagnostic::value(Check::SlugReserved, &self.slug));
        }
    }

    fn check_credentials(&self, found: &mut Vec<Diagnostic>) {
        let pairs = [
            (&self.client_id, Check::ClientIdMissing, Check::ClientIdInvalid, Check::ClientIdUnusual),
            (&self.client_secret, Check::ClientSecretMissing, Check::ClientSecretInvalid, Check::ClientSecretUnusual),
        ];
        let printable_ascii_only = self.authentik_version.release().vschar_credentials;
        for (value, missing, invalid, unusual) in pairs {
            if value.is_empty() {
                found.push(Diagnostic::new(missing));
            } else if let Some(problem) = rules::credential_problem(value, printable_ascii_only) {
                found.push(Diagnostic::phrase(invalid, problem));
            } else if let Some(character) = rules::unusual_character(value) {
                found.push(Diagnostic::phrase(unusual, character));
            }
        }
    }

    /// Values copied from a guide's or an example's placeholders, in every field that takes
    /// free text.
    fn check_placeholders(&self, inputs: &Inputs, found: &mut Vec<Diagnostic>) {
        let single = [
            (Field::HeadscaleUrl, inputs.headscale_url.trim()),
            (Field::AuthentikUrl, inputs.authentik_url.trim()),
            (Field::AppName, self.app_name.as_str()),
            (Field::Slug, self.slug.as_str()),
            (Field::ClientId, self.client_id.as_str()),
            (Field::ClientSecret, self.client_secret.as_str()),
        ];
        let path = (self.secret_delivery == SecretDelivery::File)
            .then_some((Field::ClientSecretPath, self.client_secret_path.as_str()));
        let lists = [
            (Field::AllowedGroups, &self.allowed_groups),
            (Field::AllowedUsers, &self.allowed_users),
            (Field::AllowedDomains, &self.allowed_domains),
        ];
        let items = lists.into_iter().flat_map(|(field, items)| items.iter().map(move |item| (field, item.as_str())));
        for (field, value) in single.into_iter().chain(path).chain(items) {
            if rules::is_placeholder(value) {
                found.push(Diagnostic::value(Check::Placeholder, value).at(field));
            }
        }
    }

    fn check_scopes(&self, found: &mut Vec<Diagnostic>) {
        let has = |scope: &str| self.scopes.iter().any(|s| s == scope);
        if !has("openid") {
            found.push(Diagnostic::new(Check::ScopeMissingOpenid));
        }
        let filters_by_email = !self.allowed_users.is_empty() || !self.allowed_domains.is_empty();
        if filters_by_email && !has("email") {
            found.push(Diagnostic::new(Check::ScopeMissingEmail));
        }
        if !has("profile") && !self.allowed_groups.is_empty() {
            found.push(Diagnostic::new(Check::ScopeMissingProfile));
        }
        for scope in self.scopes.iter().filter(|scope| !rules::MAPPED_SCOPES.contains(&scope.as_str())) {
            found.push(Diagnostic::value(Check::ScopeUnmapped, scope));
        }
    }

    fn check_access(&self, found: &mut Vec<Diagnostic>) {
        for group in &self.allowed_groups {
            if group.starts_with('/') {
                found.push(Diagnostic::value(Check::GroupLeadingSlash, group));
            }
            if group.contains(',') {
                found.push(Diagnostic::value(Check::GroupSeparator, group));
            }
        }
        for user in self.allowed_users.iter().filter(|user| !rules::is_email(user)) {
            found.push(Diagnostic::value(Check::UserInvalid, user));
        }
        for domain in &self.allowed_domains {
            if domain.starts_with('@') {
                found.push(Diagnostic::value(Check::DomainLeadingAt, domain));
            } else if domain.contains('*') {
                found.push(Diagnostic::value(Check::DomainWildcard, domain));
            } else if !rules::is_domain(domain) {
                found.push(Diagnostic::value(Check::DomainInvalid, domain));
            }
        }
    }

    fn check_pkce(&self, found: &mut Vec<Diagnostic>) {
        if !self.pkce.enabled {
            found.push(Diagnostic::new(Check::PkceDisabled));
            return;
        }
        let method = self.pkce.method.as_str();
        if rules::PKCE_METHODS.contains(&method) {
            if method == "plain" {
                found.push(Diagnostic::new(Check::PkcePlain));
            }
        } else if rules::PKCE_METHODS.iter().any(|known| known.eq_ignore_ascii_case(method)) {
            found.push(Diagnostic::value(Check::PkceMethodCase, method));
        } else {
            found.push(Diagnostic::value(Check::PkceMethodInvalid, method));
        }
    }
}

/// The inputs with every refused text field emptied, so that nothing of it reaches an output and
/// a huge paste costs no more than its length check; and why each was refused.
fn usable(inputs: &Inputs) -> (std::borrow::Cow<'_, Inputs>, Vec<(Field, limits::Refusal)>) {
    let refusals: Vec<(Field, limits::Refusal)> =
        Field::ALL.iter().filter_map(|&field| Some((field, limits::refusal(field, inputs.text(field)?)?))).collect();
    if refusals.is_empty() {
        return (std::borrow::Cow::Borrowed(inputs), refusals);
    }
    let mut usable = inputs.clone();
    for (field, _) in &refusals {
        usable.set_text(*field, String::new());
    }
    (std::borrow::Cow::Owned(usable), refusals)
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

fn check_address(address: &Address, checks: &AddressChecks, found: &mut Vec<Diagnostic>) {
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
