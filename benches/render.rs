//! Native benchmarks of the core: every output built and verified, for the default inputs and
//! for 1,000-entry allow-lists, plus an import, and the share of each stage (model, checks,
//! emitters, parse-back) in the default-inputs figure. Run with `cargo bench`; results are
//! printed and written to target/bench/native.json. (A plain harness: no measurement library to
//! compile.)

use std::hint::black_box;
use std::time::{Duration, Instant};

use sso_playground::engine::authentik::{blueprint::Blueprint, terraform, wizard::Wizard, Plan};
use sso_playground::engine::diagnose::diagnose;
use sso_playground::engine::headscale::{self, env::Environment, yaml as headscale_yaml};
use sso_playground::engine::{import, render, Inputs, Model, Renderer};

/// Runs `work` in batches for about `budget`, and returns the per-call time of each batch.
fn sample(budget: Duration, mut work: impl FnMut()) -> Vec<f64> {
    // Warm up, and size batches to about a millisecond each.
    let start = Instant::now();
    let mut calls = 0u64;
    while start.elapsed() < Duration::from_millis(200) {
        work();
        calls += 1;
    }
    let per_batch = (calls as f64 / 200.0).ceil().max(1.0) as u64;
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || samples.len() < 20 {
        let batch = Instant::now();
        for _ in 0..per_batch {
            work();
        }
        samples.push(batch.elapsed().as_secs_f64() / per_batch as f64);
    }
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    samples
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn example() -> Inputs {
    Inputs {
        client_id: "hsClientId0123456789abcdefghijABCDEFGHIJ".into(),
        client_secret: "s3cret".repeat(20),
        ..Inputs::default()
    }
}

/// 1,000 allowed users, as someone pasting a directory export would have.
fn many_users() -> Inputs {
    let users: Vec<String> = (0..1000).map(|i| format!("user{i}@example.com")).collect();
    Inputs { allowed_users: users.join("\n"), ..example() }
}

/// 1,000 users, 1,000 domains and 1,000 groups: the blueprint then holds 2,000 entries.
fn everything_large() -> Inputs {
    let domains: Vec<String> = (0..1000).map(|i| format!("team{i}.example.com")).collect();
    let groups: Vec<String> = (0..1000).map(|i| format!("headscale-group-{i}")).collect();
    Inputs {
        allowed_domains: domains.join("\n"),
        allowed_groups: groups.join("\n"),
        verified_email_mapping: true,
        ..many_users()
    }
}

/// Every output: the page builds the blueprint and the Terraform only when they are opened,
/// so they are asked for here.
fn everything(inputs: &Inputs) {
    let outputs = render(inputs);
    black_box(outputs.authentik.blueprint());
    black_box(outputs.authentik.terraform(false));
    black_box(outputs);
}

/// One keystroke: the renderer already holds the previous state, and the slug changes.
fn keystroke(inputs: &Inputs) -> impl FnMut() + '_ {
    let mut renderer = Renderer::default();
    let mut flip = false;
    move || {
        flip = !flip;
        let next = Inputs { app_name: if flip { "Headscale".into() } else { "Headscale!".into() }, ..inputs.clone() };
        black_box(renderer.render(black_box(&next)));
    }
}

struct Result {
    name: &'static str,
    goal: Option<f64>,
    samples: Vec<f64>,
}

fn main() {
    // `cargo test` runs benches in test mode with --bench absent; do the real work only on
    // `cargo bench`.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let budget = Duration::from_secs(3);
    let default_inputs = example();
    let users = many_users();
    let large = everything_large();
    let yaml = render(&large).headscale.yaml.clone().unwrap();
    // The renderer re-uses what it can; a keystroke measures the rebuild of what changed.
    let results = [
        Result {
            name: "every output built and verified, default inputs",
            goal: Some(20e-6),
            samples: sample(budget, || everything(black_box(&default_inputs))),
        },
        Result {
            name: "every output built and verified, 1,000 allowed users",
            goal: Some(2e-3),
            samples: sample(budget, || everything(black_box(&users))),
        },
        Result {
            name: "every output built and verified, 1,000 users, domains and groups",
            goal: Some(2e-3),
            samples: sample(budget, || everything(black_box(&large))),
        },
        Result {
            name: "what the page computes on load (blueprint and Terraform closed)",
            goal: None,
            samples: sample(budget, || {
                black_box(render(black_box(&default_inputs)));
            }),
        },
        Result {
            name: "keystroke in an authentik-only field, default inputs",
            goal: None,
            samples: sample(budget, keystroke(&default_inputs)),
        },
        Result {
            name: "keystroke in an authentik-only field, 1,000 allowed users",
            goal: None,
            samples: sample(budget, keystroke(&users)),
        },
        Result {
            name: "import of a YAML with 3,000 list entries",
            goal: None,
            samples: sample(budget, || {
                black_box(import::import(black_box(&yaml), &large).unwrap());
            }),
        },
    ];
    let stages = stages(budget, &default_inputs);
    let mut json = String::from("{\n  \"unit\": \"seconds\",\n  \"benchmarks\": [\n");
    println!("{:<66} {:>12} {:>12} {:>12}", "benchmark", "median", "p95", "goal");
    for (index, result) in results.iter().enumerate() {
        let (median, p95) = (percentile(&result.samples, 0.5), percentile(&result.samples, 0.95));
        let goal = result.goal.map_or("—".to_string(), |g| format!("{:.1} µs", g * 1e6));
        println!("{:<66} {:>9.1} µs {:>9.1} µs {:>12}", result.name, median * 1e6, p95 * 1e6, goal);
        json.push_str(&format!(
            "    {{\"name\": \"{}\", \"median\": {median:e}, \"p95\": {p95:e}, \"goal\": {}, \"samples\": {}}}{}\n",
            result.name,
            result.goal.map_or("null".to_string(), |g| format!("{g:e}")),
            result.samples.len(),
            if index + 1 < results.len() { "," } else { "" }
        ));
    }
    json.push_str("  ],\n  \"stages of the default inputs\": [\n");
    let total: f64 = stages.iter().map(|(_, median)| median).sum();
    println!("\nstages of every output built and verified, default inputs (medians, share of their sum)");
    for (index, (name, median)) in stages.iter().enumerate() {
        println!("{name:<66} {:>9.1} µs {:>11.0} %", median * 1e6, median / total * 100.0);
        json.push_str(&format!(
            "    {{\"name\": \"{name}\", \"median\": {median:e}, \"share\": {:.3}}}{}\n",
            median / total,
            if index + 1 < stages.len() { "," } else { "" }
        ));
    }
    json.push_str("  ]\n}\n");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(format!("{dir}/native.json"), json).unwrap();
}

/// The median time of each stage of [`everything`] for `inputs`, each run on its own: the model
/// (normalising the inputs), the checks, the emitters of each side, and the parse-back that
/// proves each YAML output before it is shown.
fn stages(budget: Duration, inputs: &Inputs) -> Vec<(&'static str, f64)> {
    let budget = budget / 3;
    let median = |samples: Vec<f64>| percentile(&samples, 0.5);
    let model = Model::new(inputs);
    let source = headscale::Plan::new(&model);
    let file = source.settings.for_file(source.delivery);
    let yaml = headscale_yaml::emit(&source, &file);
    let plan = Plan::new(&model);
    let blueprint = Blueprint::new(&plan);
    vec![
        ("model (inputs normalised)", median(sample(budget, || drop(black_box(Model::new(black_box(inputs))))))),
        ("checks", median(sample(budget, || drop(black_box(diagnose(black_box(inputs), &model)))))),
        (
            "Headscale emitters (YAML and environment)",
            median(sample(budget, || {
                let source = headscale::Plan::new(black_box(&model));
                let file = source.settings.for_file(source.delivery);
                black_box(headscale_yaml::emit(&source, &file));
                black_box(Environment::new(&source.settings, source.version));
            })),
        ),
        (
            "Headscale YAML parse-back",
            median(sample(budget, || drop(black_box(headscale::verify(&file, black_box(&yaml)))))),
        ),
        (
            "authentik emitters (wizard, blueprint, Terraform)",
            median(sample(budget, || {
                let plan = Plan::new(black_box(&model));
                black_box(Wizard::new(&plan));
                black_box(Blueprint::new(&plan).text());
                black_box(terraform::emit(&plan, false));
            })),
        ),
        (
            "blueprint parse-back",
            (median(sample(budget, || drop(black_box(blueprint.verified()))))
                - median(sample(budget, || drop(black_box(blueprint.text())))))
            .max(0.0),
        ),
    ]
}
