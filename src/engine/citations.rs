//! The upstream lines and pages the playground's statements rest on, one name each, so a
//! check, a release-table fact and a help sentence citing the same line share it. Each one has
//! its quoted line in `tests/upstream/evidence/`, where the tests read what it says.

use crate::engine::evidence::{authentik, headscale, page, source, Evidence, Upstream};
use crate::engine::links::evidence as pages;

// Headscale, newest release.
pub(crate) const HS_REDIRECT_URL: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 97);
pub(crate) const HS_CLIENT_ID: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 94);
pub(crate) const HS_CLIENT_SECRET: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 95);
pub(crate) const HS_CALLBACK_ROUTE: Evidence = headscale("v0.29.2", "hscontrol/app.go", 562);
pub(crate) const HS_SERVER_URL_SCHEME: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 600);
pub(crate) const HS_OIDC_ON_ISSUER: Evidence = headscale("v0.29.2", "hscontrol/app.go", 178);
pub(crate) const HS_ONLY_START: Evidence = headscale("v0.29.2", "hscontrol/app.go", 189);
pub(crate) const HS_ONLY_START_FALLBACK: Evidence = headscale("v0.29.2", "hscontrol/app.go", 192);
pub(crate) const HS_SECRET_PATH_READ: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 1186);
pub(crate) const HS_SECRET_BOTH: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 35);
pub(crate) const HS_ALLOWED_DOMAINS: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 513);
pub(crate) const HS_ALLOWED_GROUPS: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 530);
pub(crate) const HS_ALLOWED_USERS: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 544);
pub(crate) const HS_PKCE_METHODS: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 28);
pub(crate) const HS_STATE_MISMATCH: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 238);
pub(crate) const HS_ID_TOKEN_REQUIRED: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 490);
pub(crate) const HS_READ_EXTRA_PARAMS: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 1264);
pub(crate) const HS_EXAMPLE_EXTRA_PARAMS: Evidence = headscale("v0.29.2", "config-example.yaml", 421);
pub(crate) const HS_PKCE_S256: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 190);
pub(crate) const HS_PKCE_PLAIN: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 194);
pub(crate) const HS_PKCE_VERIFIER: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 473);
pub(crate) const HS_ACCESS_TYPE: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 187);
pub(crate) const HS_EXTRA_PARAMS: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 200);
pub(crate) const HS_NONCE_LAST: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 203);
pub(crate) const HS_AUTH_URL: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 208);
pub(crate) const HS_EXPIRY_FROM_TOKEN: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 431);
pub(crate) const HS_USERINFO_STATIC_TOKEN: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 284);
pub(crate) const HS_USERINFO_FALLBACK: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 286);
pub(crate) const HS_UNVERIFIED_EMAIL: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 580);
pub(crate) const HS_TRUST_EMAIL: Evidence = headscale("v0.29.2", "hscontrol/oidc.go", 576);
pub(crate) const HS_NODE_EXPIRY_PARSE_FAIL: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 509);
pub(crate) const HS_NODE_EXPIRY_EVERY_NODE: Evidence = headscale("v0.29.2", "config-example.yaml", 156);
pub(crate) const HS_READ_GROUPS: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 1267);
pub(crate) const HS_ENV_KEYS: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 394);
pub(crate) const HS_EXAMPLE_CLIENT_ID: Evidence = headscale("v0.29.2", "config-example.yaml", 391);
pub(crate) const HS_EXAMPLE_SECRET_PATH: Evidence = headscale("v0.29.2", "config-example.yaml", 399);
pub(crate) const HS_DOCS_PKCE: Evidence = headscale("v0.29.2", "docs/ref/oidc.md", 47);
pub(crate) const HS_DOCS_ENCRYPTION_KEY: Evidence = headscale("v0.29.2", "docs/ref/oidc.md", 281);
pub(crate) const HS_EXPIRY_REMOVED: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 559);
pub(crate) const HS_STRIP_EMAIL_DOMAIN_REMOVED: Evidence = headscale("v0.26.1", "hscontrol/types/config.go", 368);
pub(crate) const HS_MAP_LEGACY_USERS_REMOVED: Evidence = headscale("v0.26.1", "hscontrol/types/config.go", 369);
pub(crate) const HS_EXPIRY_PARSE_FAIL_28: Evidence = headscale("v0.28.0", "hscontrol/types/config.go", 1043);
pub(crate) const HS_EXPIRY_ZERO_28: Evidence = headscale("v0.28.0", "hscontrol/types/config.go", 1038);
pub(crate) const HS_EXPIRY_NOW_28: Evidence = headscale("v0.28.0", "hscontrol/oidc.go", 344);

// Headscale, where a release changed a behaviour (the line first appears at that tag).
pub(crate) const HS_RAW_SECRET_22: Evidence = headscale("v0.22.3", "hscontrol/config.go", 576);
pub(crate) const HS_TRIMS_SECRET_23: Evidence = headscale("v0.23.0", "hscontrol/types/config.go", 805);
pub(crate) const HS_STATE_COOKIE_24: Evidence = headscale("v0.24.3", "hscontrol/oidc.go", 159);
pub(crate) const HS_STATE_COOKIE_PER_LOGIN_27: Evidence = headscale("v0.27.1", "hscontrol/oidc.go", 594);
pub(crate) const HS_CHANGELOG_DOUBLE_LOGIN: Evidence = headscale("v0.27.1", "CHANGELOG.md", 17);
pub(crate) const HS_NONCE_24: Evidence = headscale("v0.24.3", "hscontrol/oidc.go", 198);
pub(crate) const HS_USERINFO_26: Evidence = headscale("v0.26.1", "hscontrol/oidc.go", 285);
pub(crate) const HS_CHECKS_BEFORE_USERINFO_26: Evidence = headscale("v0.26.1", "hscontrol/oidc.go", 269);
pub(crate) const HS_USERINFO_FILLS_26: Evidence = headscale("v0.26.1", "hscontrol/oidc.go", 294);
pub(crate) const HS_USERINFO_FIRST_27: Evidence = headscale("v0.27.1", "hscontrol/oidc.go", 290);
pub(crate) const HS_EMAIL_VERIFIED_STORES_24: Evidence = headscale("v0.24.3", "hscontrol/types/users.go", 187);
pub(crate) const HS_EMAIL_VERIFIED_GATES_28: Evidence = headscale("v0.28.0", "hscontrol/oidc.go", 480);
pub(crate) const HS_USERS_BY_SUBJECT_24: Evidence = headscale("v0.24.3", "hscontrol/oidc.go", 509);
pub(crate) const HS_USERS_BY_EMAIL_23: Evidence = headscale("v0.23.0", "hscontrol/oidc.go", 227);
pub(crate) const HS_POSITIVE_EXPIRY_29: Evidence = headscale("v0.29.2", "hscontrol/state/state.go", 1720);

// Headscale's configuration keys: where each is read, removed and defaulted.
pub(crate) const HS_KEY_ONLY_START: Evidence = headscale("v0.22.3", "hscontrol/config.go", 191);
pub(crate) const HS_KEY_ISSUER: Evidence = headscale("v0.22.3", "hscontrol/config.go", 629);
pub(crate) const HS_KEY_CLIENT_ID: Evidence = headscale("v0.22.3", "hscontrol/config.go", 630);
pub(crate) const HS_KEY_CLIENT_SECRET: Evidence = headscale("v0.22.3", "hscontrol/config.go", 566);
pub(crate) const HS_KEY_CLIENT_SECRET_PATH: Evidence = headscale("v0.22.3", "hscontrol/config.go", 567);
pub(crate) const HS_KEY_EXPIRY: Evidence = headscale("v0.22.3", "hscontrol/config.go", 640);
pub(crate) const HS_KEY_USE_EXPIRY_FROM_TOKEN: Evidence = headscale("v0.22.3", "hscontrol/config.go", 653);
pub(crate) const HS_KEY_SCOPE: Evidence = headscale("v0.22.3", "hscontrol/config.go", 632);
pub(crate) const HS_KEY_EXTRA_PARAMS: Evidence = headscale("v0.22.3", "hscontrol/config.go", 633);
pub(crate) const HS_KEY_ALLOWED_DOMAINS: Evidence = headscale("v0.22.3", "hscontrol/config.go", 634);
pub(crate) const HS_KEY_ALLOWED_USERS: Evidence = headscale("v0.22.3", "hscontrol/config.go", 635);
pub(crate) const HS_KEY_ALLOWED_GROUPS: Evidence = headscale("v0.22.3", "hscontrol/config.go", 636);
pub(crate) const HS_KEY_STRIP_EMAIL_DOMAIN: Evidence = headscale("v0.22.3", "hscontrol/config.go", 637);
pub(crate) const HS_KEY_MAP_LEGACY_USERS: Evidence = headscale("v0.24.3", "hscontrol/types/config.go", 965);
pub(crate) const HS_KEY_PKCE_ENABLED: Evidence = headscale("v0.24.3", "hscontrol/types/config.go", 967);
pub(crate) const HS_KEY_PKCE_METHOD: Evidence = headscale("v0.24.3", "hscontrol/types/config.go", 968);
pub(crate) const HS_KEY_EMAIL_VERIFIED_REQUIRED: Evidence = headscale("v0.28.0", "hscontrol/types/config.go", 1035);
pub(crate) const HS_KEY_NODE_EXPIRY: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 500);
pub(crate) const HS_DEFAULT_EXPIRY: Evidence = headscale("v0.22.3", "hscontrol/config.go", 192);
pub(crate) const HS_DEFAULT_USE_EXPIRY_FROM_TOKEN: Evidence = headscale("v0.22.3", "hscontrol/config.go", 193);
pub(crate) const HS_DEFAULT_SCOPE: Evidence = headscale("v0.22.3", "hscontrol/config.go", 189);
pub(crate) const HS_DEFAULT_STRIP_EMAIL_DOMAIN: Evidence = headscale("v0.22.3", "hscontrol/config.go", 190);
pub(crate) const HS_DEFAULT_MAP_LEGACY_USERS_24: Evidence = headscale("v0.24.3", "hscontrol/types/config.go", 322);
pub(crate) const HS_DEFAULT_MAP_LEGACY_USERS_25: Evidence = headscale("v0.25.1", "hscontrol/types/config.go", 322);
pub(crate) const HS_DEFAULT_PKCE_ENABLED: Evidence = headscale("v0.24.3", "hscontrol/types/config.go", 323);
pub(crate) const HS_DEFAULT_PKCE_METHOD: Evidence = headscale("v0.24.3", "hscontrol/types/config.go", 324);
pub(crate) const HS_DEFAULT_EMAIL_VERIFIED_REQUIRED: Evidence = headscale("v0.28.0", "hscontrol/types/config.go", 388);
pub(crate) const HS_DEFAULT_NODE_EXPIRY: Evidence = headscale("v0.29.2", "hscontrol/types/config.go", 446);

// Headscale's releases, from its changelog.
pub(crate) const HS_RELEASE_29: Evidence = headscale("v0.29.2", "CHANGELOG.md", 3);
pub(crate) const HS_RELEASE_28: Evidence = headscale("v0.29.2", "CHANGELOG.md", 331);
pub(crate) const HS_RELEASE_27: Evidence = headscale("v0.29.2", "CHANGELOG.md", 495);
pub(crate) const HS_RELEASE_26: Evidence = headscale("v0.29.2", "CHANGELOG.md", 638);
pub(crate) const HS_RELEASE_25: Evidence = headscale("v0.29.2", "CHANGELOG.md", 780);
pub(crate) const HS_RELEASE_24: Evidence = headscale("v0.29.2", "CHANGELOG.md", 814);
pub(crate) const HS_RELEASE_23: Evidence = headscale("v0.29.2", "CHANGELOG.md", 1005);
pub(crate) const HS_RELEASE_22: Evidence = headscale("v0.29.2", "CHANGELOG.md", 1140);

// authentik. The code index names commits rather than release tags for these files; the
// release notes below date the behaviour.
const AK_FORM: &str = "02df9eb95a23";
const AK_MODELS: &str = "014e22c3d094";
const AK_TOKEN: &str = "005f3a9fdf3a";
const AK_TOKEN_REGEX_ERA: &str = "935a136fb6a7";
pub(crate) const AK_FORM_TOKEN_VALIDITY: Evidence =
    authentik(AK_FORM, "web/src/admin/providers/oauth2/OAuth2ProviderFormForm.ts", 266);
pub(crate) const AK_FORM_CLIENT_ID: Evidence =
    authentik(AK_FORM, "web/src/admin/providers/oauth2/OAuth2ProviderFormForm.ts", 161);
pub(crate) const AK_FORM_CLIENT_SECRET: Evidence =
    authentik(AK_FORM, "web/src/admin/providers/oauth2/OAuth2ProviderFormForm.ts", 170);
pub(crate) const AK_MODEL_TOKEN_VALIDITY: Evidence = authentik(AK_MODELS, "authentik/providers/oauth2/models.py", 226);
pub(crate) const AK_MODEL_CLIENT_ID: Evidence = authentik(AK_MODELS, "authentik/providers/oauth2/models.py", 188);
pub(crate) const AK_MODEL_CLIENT_SECRET: Evidence = authentik(AK_MODELS, "authentik/providers/oauth2/models.py", 194);
pub(crate) const AK_MODEL_HS256: Evidence = authentik(AK_MODELS, "authentik/providers/oauth2/models.py", 293);
pub(crate) const AK_MODEL_ISSUER: Evidence = authentik(AK_MODELS, "authentik/providers/oauth2/models.py", 309);
pub(crate) const AK_ID_TOKEN_EXPIRY: Evidence = authentik(AK_MODELS, "authentik/providers/oauth2/id_token.py", 81);
pub(crate) const AK_ID_TOKEN_CLAIMS: Evidence = authentik(AK_MODELS, "authentik/providers/oauth2/id_token.py", 131);
pub(crate) const AK_TOKEN_SECRET_COMPARE: Evidence =
    authentik(AK_TOKEN, "authentik/providers/oauth2/views/token.py", 168);
pub(crate) const AK_TOKEN_SCOPES_OVERLAP: Evidence =
    authentik(AK_TOKEN, "authentik/providers/oauth2/views/token.py", 136);
pub(crate) const AK_TOKEN_PKCE: Evidence = authentik(AK_TOKEN, "authentik/providers/oauth2/views/token.py", 224);
pub(crate) const AK_TOKEN_STRICT_REDIRECT: Evidence =
    authentik(AK_TOKEN, "authentik/providers/oauth2/views/token.py", 249);
pub(crate) const AK_TOKEN_EXPIRY: Evidence = authentik(AK_TOKEN, "authentik/providers/oauth2/views/token.py", 612);
pub(crate) const AK_TOKEN_ID_TOKEN: Evidence = authentik(AK_TOKEN, "authentik/providers/oauth2/views/token.py", 638);
pub(crate) const AK_TOKEN_REGEX_REDIRECT: Evidence =
    authentik(AK_TOKEN_REGEX_ERA, "authentik/providers/oauth2/views/token.py", 178);
pub(crate) const AK_USERINFO_NEEDS_OPENID: Evidence =
    authentik("02a34d229886", "authentik/providers/oauth2/views/userinfo.py", 36);
pub(crate) const AK_URL_AUTHORIZE: Evidence = authentik("0a389ee41404", "authentik/providers/oauth2/urls.py", 25);
pub(crate) const AK_URL_ISSUER: Evidence = authentik("0a389ee41404", "authentik/providers/oauth2/urls.py", 53);
const AK_SCOPES: &str = "0aada7002cf1";
pub(crate) const AK_SCOPE_OPENID: Evidence = authentik(AK_SCOPES, "blueprints/system/providers-oauth2.yaml", 12);
pub(crate) const AK_SCOPE_EMAIL: Evidence = authentik(AK_SCOPES, "blueprints/system/providers-oauth2.yaml", 22);
pub(crate) const AK_SCOPE_EMAIL_UNVERIFIED: Evidence =
    authentik(AK_SCOPES, "blueprints/system/providers-oauth2.yaml", 27);
pub(crate) const AK_SCOPE_PROFILE_GROUPS: Evidence =
    authentik(AK_SCOPES, "blueprints/system/providers-oauth2.yaml", 45);
pub(crate) const AK_NO_BINDINGS_PASS: Evidence = authentik("06988bb4241d", "authentik/policies/engine.py", 69);
pub(crate) const AK_GRANT_TYPES_EMPTY: Evidence =
    authentik("36b1f1b4f2d3", "authentik/providers/oauth2/migrations/0033_alter_oauth2provider_grant_types.py", 28);
pub(crate) const AK_VERSION_CARD: Evidence =
    authentik("0b75b2f752ef", "web/src/admin/admin-overview/cards/VersionStatusCard.ts", 17);
pub(crate) const AK_NOTES_2024_8_5: Evidence = page(pages::AUTHENTIK_2024_8_5);
pub(crate) const AK_NOTES_2024_8_6: Evidence = page(pages::AUTHENTIK_2024_8_6);
pub(crate) const AK_NOTES_2024_10: Evidence = page(pages::AUTHENTIK_2024_10);
pub(crate) const AK_NOTES_2024_10_3: Evidence = page(pages::AUTHENTIK_2024_10_3);
pub(crate) const AK_NOTES_2024_10_4: Evidence = page(pages::AUTHENTIK_2024_10_4);
pub(crate) const AK_NOTES_2024_12: Evidence = page(pages::AUTHENTIK_2024_12);
pub(crate) const AK_NOTES_2025_10: Evidence = page(pages::AUTHENTIK_2025_10);
pub(crate) const AK_NOTES_2026_2_GROUPS: Evidence = page(pages::AUTHENTIK_2026_2_GROUPS);
pub(crate) const AK_NOTES_2026_2_FIXES: Evidence = page(pages::AUTHENTIK_2026_2_FIXES);
pub(crate) const AK_NOTES_2026_5_GRANT_TYPES: Evidence = page(pages::AUTHENTIK_2026_5_GRANT_TYPES);
pub(crate) const AK_NOTES_2026_5_FIXES: Evidence = page(pages::AUTHENTIK_2026_5_FIXES);
pub(crate) const AK_NOTES_2026_8_FIXES: Evidence = page(pages::AUTHENTIK_2026_8_FIXES);
pub(crate) const AK_SCHEMA_2025_10: Evidence = page(pages::AUTHENTIK_SCHEMA_2025_10_4);
pub(crate) const AK_SCHEMA_2025_12: Evidence = page(pages::AUTHENTIK_SCHEMA_2025_12_4);
pub(crate) const PYTHON_COMPARE_DIGEST: Evidence = page(pages::PYTHON_COMPARE_DIGEST);

// The Terraform provider and authentik's Go client it uses.
const TF: Upstream = Upstream::TerraformProvider;
pub(crate) const TF_REDIRECT_URIS_STRING: Evidence =
    source(TF, "v2024.8.4", "internal/provider/resource_provider_oauth2.go", 84);
pub(crate) const TF_INVALIDATION_FLOW: Evidence =
    source(TF, "v2024.10.0", "internal/provider/resource_provider_oauth2.go", 36);
pub(crate) const TF_ALLOWED_REDIRECT_URIS: Evidence =
    source(TF, "v2024.10.2", "internal/provider/resource_provider_oauth2.go", 91);
pub(crate) const TF_SENDS_INVALIDATION_FLOW: Evidence =
    source(TF, "v2024.10.2", "internal/provider/resource_provider_oauth2.go", 128);
pub(crate) const TF_READS_INVALIDATION_FLOW: Evidence =
    source(TF, "v2024.10.2", "internal/provider/resource_provider_oauth2.go", 223);
pub(crate) const TF_TOKEN_VALIDITY: Evidence =
    source(TF, "v2024.10.2", "internal/provider/resource_provider_oauth2.go", 71);
pub(crate) const TF_GRANT_TYPES: Evidence = source(TF, "v2026.5.0", "pkg/provider/resource_provider_oauth2.go", 54);
pub(crate) const GO_CLIENT_PLAIN_FIELD: Evidence =
    source(Upstream::AuthentikGoClient, "v3.2024104.1", "model_o_auth2_provider.go", 27);
pub(crate) const GO_CLIENT_SENDS_FLOW: Evidence =
    source(Upstream::AuthentikGoClient, "v3.2024104.1", "model_o_auth2_provider_request.go", 662);
pub(crate) const GO_CLIENT_DECODE: Evidence = source(Upstream::AuthentikGoClient, "v3.2024104.1", "client.go", 453);

// Libraries Headscale reads its configuration and tokens with.
const GO_OIDC: &str = "22dfdcabd450";
pub(crate) const OIDC_ISSUER_MATCH: Evidence = source(Upstream::GoOidc, GO_OIDC, "oidc/oidc.go", 240);
pub(crate) const OIDC_DISCOVERY_URL: Evidence = source(Upstream::GoOidc, GO_OIDC, "oidc/oidc.go", 209);
pub(crate) const OIDC_ALGORITHMS: Evidence = source(Upstream::GoOidc, GO_OIDC, "oidc/oidc.go", 144);
pub(crate) const VIPER_LOWERCASE_KEYS: Evidence = source(Upstream::Viper, "v1.21.0", "util.go", 92);
pub(crate) const VIPER_EMPTY_FALLS_THROUGH: Evidence = source(Upstream::Viper, "v1.21.0", "viper.go", 1250);
pub(crate) const CAST_LIST_FIELDS: Evidence = source(Upstream::Cast, "v1.10.0", "slice.go", 95);
pub(crate) const CAST_BOOL_PARSE: Evidence = source(Upstream::Cast, "v1.10.0", "basic.go", 52);
pub(crate) const CAST_MAP_JSON: Evidence = source(Upstream::Cast, "v1.10.0", "map.go", 47);
pub(crate) const CAST_BOOL_TO_STRING: Evidence = source(Upstream::Cast, "v1.10.0", "basic.go", 75);
pub(crate) const YAML_BOOLS: Evidence = source(Upstream::GoYaml, "v3.0.1", "resolve.go", 52);
pub(crate) const YAML_FIRST_DOCUMENT: Evidence = source(Upstream::GoYaml, "v3.0.1", "yaml.go", 161);
