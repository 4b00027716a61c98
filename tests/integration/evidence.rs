//! Every statement about Headscale or authentik names its evidence, and the evidence says what
//! the statement relies on. The quoted upstream lines live in `tests/upstream/evidence/` (one
//! file per project; `tests/upstream/verify-evidence.mjs` checks them against checkouts of the
//! projects). These tests fail on a check, a release-table fact, a field's help or a wizard note
//! without evidence, on a citation with no quote, on a quote that lost its needle, and on a
//! release-table change that its evidence does not date.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::common::with;
use serde_json::Value as Json;
use sso_playground::engine::evidence::{Evidence, Fact, Upstream};
use sso_playground::engine::fields::HELP_EVIDENCE;
use sso_playground::engine::versions::authentik::{self, AuthentikRelease, AUTHENTIK_RELEASES};
use sso_playground::engine::versions::headscale::{
    self, HeadscaleRelease, HeadscaleVersion, HEADSCALE_RELEASES, KEYS, KEY_EVIDENCE,
};
use sso_playground::engine::{render, Check, Field};

/// One quoted line (or passage) of an upstream project, or one value of a schema.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub project: String,
    pub id: String,
    pub at: Option<String>,
    pub path: Option<String>,
    pub line: Option<u32>,
    /// Empty for the Terraform provider, whose GPL text is not quoted: only its needle is kept.
    pub quote: Vec<String>,
    pub needle: String,
    /// Releases whose file does not have the needle yet.
    pub absent_at: Vec<String>,
    pub page: Option<String>,
}

impl Entry {
    pub fn text(&self) -> String {
        self.quote.join("\n")
    }
}

fn evidence_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/upstream/evidence")
}

fn string(value: &Json, key: &str) -> Option<String> {
    value.get(key).and_then(Json::as_str).map(str::to_string)
}

/// Every entry of every evidence file.
pub(crate) fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut all = Vec::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(evidence_dir())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        for path in files {
            let doc: Json = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let project = string(&doc, "project").unwrap_or_else(|| panic!("{}: no project", path.display()));
            assert!(string(&doc, "licence").is_some(), "{}: no licence", path.display());
            for quote in doc["quotes"].as_array().unwrap() {
                let lines = match &quote["quote"] {
                    Json::String(line) => vec![line.clone()],
                    Json::Array(lines) => lines.iter().map(|l| l.as_str().unwrap().to_string()).collect(),
                    Json::Null => Vec::new(),
                    other => panic!("{}: quote {other}", path.display()),
                };
                let local = local_value(quote);
                all.push(Entry {
                    project: project.clone(),
                    id: string(quote, "id").unwrap(),
                    at: string(quote, "at"),
                    path: string(quote, "path"),
                    line: quote.get("line").and_then(Json::as_u64).map(|n| n as u32),
                    quote: local.map(|v| vec![v]).unwrap_or(lines),
                    needle: string(quote, "needle").unwrap(),
                    absent_at: quote["absent_at"]
                        .as_array()
                        .map(|list| list.iter().map(|a| a["at"].as_str().unwrap().to_string()).collect())
                        .unwrap_or_default(),
                    page: string(quote, "page"),
                });
            }
        }
        all
    })
}

/// A schema entry: the value at its pointer in the stored copy of authentik's schema, written
/// as the quote so the needle test reads it like a line.
fn local_value(quote: &Json) -> Option<String> {
    let file = string(quote, "local")?;
    let path = evidence_dir().join("..").join(&file);
    let schema: Json = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let pointer = string(quote, "pointer").unwrap();
    let found = schema.pointer(&pointer).cloned().unwrap_or(Json::Null);
    assert_eq!(found, quote["value"], "{file} {pointer}");
    // The needle names what the value means; the value itself is held above.
    Some(format!("{pointer} = {found}: {}", quote["needle"].as_str().unwrap()))
}

pub(crate) fn entry(id: &str) -> &'static Entry {
    entries().iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no evidence {id}"))
}

/// The quoted entries a citation stands for: the line at its place, or every quote of a page.
pub(crate) fn entries_of(evidence: &Evidence) -> Vec<&'static Entry> {
    let found: Vec<&Entry> = match evidence {
        Evidence::Source(source) => entries()
            .iter()
            .filter(|e| {
                e.project == source.upstream.repository()
                    && e.at.as_deref() == Some(source.at)
                    && e.path.as_deref() == Some(source.path)
                    && e.line == Some(source.line)
            })
            .collect(),
        Evidence::Page(link) => entries().iter().filter(|e| e.page.as_deref() == Some(link.url)).collect(),
    };
    assert!(!found.is_empty(), "no quoted evidence for {} ({})", evidence.title(), evidence.url());
    found
}

#[test]
fn every_quote_holds_its_needle_and_names_its_place() {
    let mut ids = BTreeSet::new();
    for e in entries() {
        assert!(ids.insert(e.id.clone()), "{} is quoted twice", e.id);
        assert!(
            Upstream::ALL.iter().any(|u| u.repository() == e.project) || e.project == "python/cpython",
            "{}",
            e.project
        );
        if e.quote.is_empty() {
            // Only the GPL-licensed Terraform provider keeps no text; its line is checked by
            // the verification script.
            assert_eq!(e.project, Upstream::TerraformProvider.repository(), "{} quotes nothing", e.id);
        } else {
            assert!(e.text().contains(&e.needle), "{}: the quote no longer says “{}”", e.id, e.needle);
        }
        assert!(e.page.is_some() || (e.at.is_some() && e.path.is_some() && e.line.is_some()), "{}", e.id);
        assert!(e.absent_at.iter().all(|at| Some(at) != e.at.as_ref()), "{}", e.id);
    }
}

/// Checks whose cause is about the playground's own inputs, not about what Headscale or
/// authentik do, and so cite nothing upstream.
const OWN_RULES: &[(Check, &str)] = &[
    (Check::HeadscaleUrlInvalid, "the playground cannot read the address it was given"),
    (Check::AuthentikUrlInvalid, "the playground cannot read the address it was given"),
    (Check::ExtraParamInvalid, "the playground's own key=value lines"),
    (Check::ExtraParamRepeated, "the playground's own key=value lines: the last one wins"),
    (Check::ValueRefused, "the playground's own limits and control characters"),
    (
        Check::ImportRefused,
        "what the form cannot hold; how Headscale reads each construct is pinned by tests/integration/headscale_reading.rs and environment.rs",
    ),
    (
        Check::WrongType,
        "the import's catch-all for a value of the wrong kind; each kind Headscale converts has its own check",
    ),
];

#[test]
fn every_check_names_its_evidence() {
    for check in Check::ALL {
        let info = check.info();
        let own = OWN_RULES.iter().any(|(c, _)| c == check);
        assert_eq!(check.evidence().is_empty(), own, "{}: evidence or a reason why none", info.id);
        assert_eq!(info.source.as_ref(), check.evidence().first(), "{}: the page shows the first", info.id);
        for evidence in check.evidence() {
            entries_of(evidence);
        }
    }
}

#[test]
fn every_help_sentence_names_its_evidence() {
    let mut fields: Vec<Field> = Field::ALL.to_vec();
    fields.push(Field::ImportText);
    for field in fields {
        let (_, evidence) =
            HELP_EVIDENCE.iter().find(|(f, _)| *f == field).unwrap_or_else(|| panic!("{field:?} has no help evidence"));
        assert!(!evidence.is_empty(), "{field:?}");
        evidence.iter().for_each(|e| drop(entries_of(e)));
    }
    assert_eq!(HELP_EVIDENCE.len(), Field::ALL.len() + 1);
}

#[test]
fn every_wizard_note_names_its_evidence() {
    use sso_playground::engine::authentik::wizard::NOTE_EVIDENCE;
    let mut shown = BTreeSet::new();
    for release in AUTHENTIK_RELEASES {
        for minor in [23, 29] {
            for (groups, mapping) in [("", false), ("ops", true)] {
                let outputs = render(&with(|i| {
                    i.authentik_version = release.version;
                    i.headscale_version = HeadscaleVersion(minor);
                    i.allowed_groups = groups.into();
                    i.verified_email_mapping = mapping;
                }));
                for step in &outputs.authentik.wizard.steps {
                    shown.extend(step.rows.iter().filter_map(|row| row.note));
                }
            }
        }
    }
    for note in &shown {
        let (_, evidence) = NOTE_EVIDENCE
            .iter()
            .find(|(n, _)| n == note)
            .unwrap_or_else(|| panic!("no evidence for the note “{note}”"));
        evidence.iter().for_each(|e| drop(entries_of(e)));
    }
    let listed: BTreeSet<&str> = NOTE_EVIDENCE.iter().map(|(note, _)| *note).collect();
    assert_eq!(listed, shown, "every listed note is shown by some release");
}

fn fact<'a>(facts: &'a [Fact], name: &str) -> &'a Fact {
    facts.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no evidence for the fact {name}"))
}

fn tag(release: &HeadscaleRelease) -> String {
    format!("v{}", release.patch)
}

/// A Headscale change between two rows is cited by a line at the newer row's release that the
/// quoted evidence records as absent at the older row's.
fn cites_headscale_change(evidence: &[Evidence], newer: &HeadscaleRelease, older: &HeadscaleRelease) -> bool {
    evidence.iter().any(|e| match e {
        Evidence::Source(s) if s.upstream == Upstream::Headscale && s.at == tag(newer) => {
            entries_of(e).iter().any(|entry| entry.absent_at.contains(&tag(older)))
        }
        _ => false,
    })
}

type Column<R> = (&'static str, fn(&R) -> String);

/// The Headscale table's columns. The pattern below names every field, so a new field does not
/// compile until it is listed here (or among the row's identity).
fn headscale_columns() -> Vec<Column<HeadscaleRelease>> {
    let HeadscaleRelease {
        version: _,
        label: _,
        patch: _,
        date: _,
        trims_secret_file: _,
        userinfo: _,
        double_login_fails: _,
        email_verified: _,
        users_keyed_by_subject: _,
        non_positive_expiry_never: _,
        sends_nonce: _,
    } = &HEADSCALE_RELEASES[0];
    vec![
        ("trims_secret_file", |r| format!("{:?}", r.trims_secret_file)),
        ("userinfo", |r| format!("{:?}", r.userinfo)),
        ("double_login_fails", |r| format!("{:?}", r.double_login_fails)),
        ("email_verified", |r| format!("{:?}", r.email_verified)),
        ("users_keyed_by_subject", |r| format!("{:?}", r.users_keyed_by_subject)),
        ("non_positive_expiry_never", |r| format!("{:?}", r.non_positive_expiry_never)),
        ("sends_nonce", |r| format!("{:?}", r.sends_nonce)),
    ]
}

#[test]
fn every_headscale_release_fact_is_cited_where_it_changes() {
    let columns = headscale_columns();
    let mut names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    names.push("patch");
    let mut listed: Vec<&str> = headscale::FACTS.iter().map(|f| f.name).collect();
    names.sort_unstable();
    listed.sort_unstable();
    assert_eq!(names, listed, "one evidence entry per column");
    for (name, value_of) in &columns {
        let evidence = fact(headscale::FACTS, name).evidence;
        evidence.iter().for_each(|e| drop(entries_of(e)));
        for pair in HEADSCALE_RELEASES.windows(2) {
            let (newer, older) = (&pair[0], &pair[1]);
            if value_of(newer) != value_of(older) {
                assert!(
                    cites_headscale_change(evidence, newer, older),
                    "{name} changes in {}: cite a line of {} that {} lacks",
                    newer.patch,
                    tag(newer),
                    tag(older)
                );
            }
        }
    }
    // The patch and date of every row, from the changelog.
    let dated: Vec<String> =
        fact(headscale::FACTS, "patch").evidence.iter().flat_map(entries_of).map(Entry::text).collect();
    for release in HEADSCALE_RELEASES {
        let heading = format!("## {} ({})", release.patch, release.date);
        assert!(dated.contains(&heading), "{heading}");
    }
}

#[test]
fn every_headscale_key_is_cited_where_it_is_read_removed_and_defaulted() {
    assert_eq!(KEY_EVIDENCE.len(), KEYS.len());
    let tag_of = |version: HeadscaleVersion| tag(version.release());
    let before = |version: HeadscaleVersion| {
        let index = HEADSCALE_RELEASES.iter().position(|r| r.version == version).unwrap();
        HEADSCALE_RELEASES.get(index + 1).map(tag)
    };
    let quoted = |e: &Evidence| entries_of(e).iter().map(|entry| entry.text()).collect::<Vec<_>>().join("\n");
    let at = |e: &Evidence| match e {
        Evidence::Source(source) => source.at.to_string(),
        Evidence::Page(link) => panic!("{}: a key is cited by a line", link.url),
    };
    for (rule, evidence) in KEYS.iter().zip(KEY_EVIDENCE) {
        assert_eq!(rule.key, evidence.key);
        let path = format!("\"{}\"", rule.path);
        // Read from `since`, and not in the release before, if there is one.
        assert_eq!(at(&evidence.read), tag_of(rule.since), "{}", rule.path);
        assert!(quoted(&evidence.read).contains(&path), "{}", rule.path);
        if let Some(previous) = before(rule.since) {
            assert!(entries_of(&evidence.read).iter().any(|e| e.absent_at.contains(&previous)), "{}", rule.path);
        }
        match (rule.fatal_from, &evidence.removed) {
            (Some(fatal), Some(removed)) => {
                assert_eq!(at(removed), tag_of(fatal), "{}", rule.path);
                assert!(quoted(removed).contains(&path));
                let previous = before(fatal).unwrap();
                assert!(entries_of(removed).iter().any(|e| e.absent_at.contains(&previous)), "{}", rule.path);
            }
            (None, None) => {}
            (fatal, removed) => panic!("{}: fatal from {fatal:?}, removal cited {removed:?}", rule.path),
        }
        assert_eq!(rule.defaults.len(), evidence.defaults.len(), "{}: one line per default", rule.path);
        for ((from, value), cited) in rule.defaults.iter().zip(evidence.defaults) {
            assert_eq!(at(cited), tag_of(*from), "{} default", rule.path);
            let text = quoted(cited).to_lowercase();
            assert!(text.contains(&path), "{}", rule.path);
            let words: Vec<String> = match *value {
                "true" | "false" => vec![value.to_string()],
                words if words.contains(' ') => words.split(' ').map(str::to_string).collect(),
                single => vec![format!("\"{}\"", single.to_lowercase())],
            };
            assert!(words.iter().all(|w| text.contains(w.as_str())), "{} default {value}: {text}", rule.path);
        }
    }
}

/// Whether a citation names the release line `newer` (its release notes page, its schema, or a
/// tag of that line), and, for a patch of a line, quotes that patch's number.
fn dates_authentik_change(evidence: &[Evidence], newer: &AuthentikRelease, patch_level: bool) -> bool {
    let line = format!("{}.{}", newer.version.year, newer.version.month);
    let patch = format!("{line}.{}", newer.version.patch);
    evidence.iter().any(|e| {
        let names_line = match e {
            Evidence::Page(link) => {
                link.url.contains(&format!("releases/{line}/")) || link.url.contains(&format!("version/{line}."))
            }
            Evidence::Source(source) => source.at.contains(&line),
        };
        names_line && (!patch_level || entries_of(e).iter().any(|entry| entry.text().contains(&patch)))
    })
}

/// The authentik table's columns, the Terraform provider's aside (the upstream tests hold each
/// line's Terraform to that provider release's own arguments).
fn authentik_columns() -> Vec<Column<AuthentikRelease>> {
    let AuthentikRelease {
        version: _,
        key: _,
        label: _,
        preview: _,
        redirect_uris: _,
        wizard_redirect_text: _,
        invalidation_flow: _,
        encryption_key: _,
        grant_types: _,
        slug_max: _,
        email_verified_default: _,
        group_accessor: _,
        wizard_bindings: _,
        blueprint_import: _,
        ascii_secret_compare: _,
        vschar_credentials: _,
        terraform: _,
    } = &AUTHENTIK_RELEASES[0];
    vec![
        ("redirect_uris", |r| format!("{:?}", r.redirect_uris)),
        ("wizard_redirect_text", |r| format!("{:?}", r.wizard_redirect_text)),
        ("invalidation_flow", |r| format!("{:?}", r.invalidation_flow)),
        ("encryption_key", |r| format!("{:?}", r.encryption_key)),
        ("grant_types", |r| format!("{:?}", r.grant_types)),
        ("slug_max", |r| format!("{:?}", r.slug_max)),
        ("email_verified_default", |r| format!("{:?}", r.email_verified_default)),
        ("group_accessor", |r| r.group_accessor.to_string()),
        ("wizard_bindings", |r| format!("{:?}", r.wizard_bindings)),
        ("blueprint_import", |r| format!("{:?}", r.blueprint_import)),
        ("ascii_secret_compare", |r| format!("{:?}", r.ascii_secret_compare)),
        ("vschar_credentials", |r| format!("{:?}", r.vschar_credentials)),
    ]
}

#[test]
fn every_authentik_release_fact_is_cited_where_it_changes() {
    let columns = authentik_columns();
    let mut names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    names.push("terraform");
    let mut listed: Vec<&str> = authentik::FACTS.iter().map(|f| f.name).collect();
    names.sort_unstable();
    listed.sort_unstable();
    assert_eq!(names, listed, "one evidence entry per column");
    fact(authentik::FACTS, "terraform").evidence.iter().for_each(|e| drop(entries_of(e)));
    for (name, value_of) in &columns {
        let evidence = fact(authentik::FACTS, name).evidence;
        evidence.iter().for_each(|e| drop(entries_of(e)));
        for pair in AUTHENTIK_RELEASES.windows(2) {
            let (newer, older) = (&pair[0], &pair[1]);
            if value_of(newer) == value_of(older) {
                continue;
            }
            let same_line = (newer.version.year, newer.version.month) == (older.version.year, older.version.month);
            assert!(
                dates_authentik_change(evidence, newer, same_line),
                "{name} changes in {}: cite the release notes (or schema) of {}",
                newer.key,
                newer.key
            );
        }
    }
}

/// Every quote is cited by a statement; a quote nothing rests on is stale.
#[test]
fn every_quote_is_cited() {
    use sso_playground::engine::authentik::wizard::NOTE_EVIDENCE;
    let mut cited: Vec<&Evidence> = Vec::new();
    cited.extend(Check::ALL.iter().flat_map(|c| c.evidence()));
    cited.extend(HELP_EVIDENCE.iter().flat_map(|(_, e)| e.iter()));
    cited.extend(NOTE_EVIDENCE.iter().flat_map(|(_, e)| e.iter()));
    cited.extend(headscale::FACTS.iter().chain(authentik::FACTS).flat_map(|f| f.evidence));
    for key in KEY_EVIDENCE {
        cited.push(&key.read);
        cited.extend(&key.removed);
        cited.extend(key.defaults);
    }
    let used: HashMap<&str, ()> = cited.iter().flat_map(|e| entries_of(e)).map(|e| (e.id.as_str(), ())).collect();
    let stale: Vec<&str> = entries().iter().map(|e| e.id.as_str()).filter(|id| !used.contains_key(id)).collect();
    assert!(stale.is_empty(), "quoted but cited by nothing: {stale:?}");
}
