//! Load, then validate: whatever document an input loads as (JSON or TOML) is
//! judged by its catalogue under both profiles, the rule configuration is
//! built into every catalogue, and the reports are written as text and JSON.
//! Nothing may panic; the same document judged twice gives the same report.
#![no_main]

use customer_strategy::validate::{Config, Profile, Rule, RuleSet, Subject};
use customer_strategy::{Assessment, OrganizationReview, rules};
use customer_strategy_fuzz::{Format, load_all, samples, text};
use libfuzzer_sys::fuzz_target;

fn judge<S: Subject + 'static>(catalogue: Vec<Box<dyn Rule<S>>>, subject: &S) {
    let rules = RuleSet::builder()
        .rules(catalogue)
        .build()
        .expect("the built-in catalogue builds");
    for profile in [Profile::Draft, Profile::Final] {
        let report = rules.validate(subject, profile);
        assert_eq!(
            report,
            rules.validate(subject, profile),
            "validation is not deterministic"
        );
        assert_eq!(report.is_valid(), rules.is_valid(subject, profile));
        let _ = report.to_string();
        let json = report.to_json();
        assert!(
            serde_json::from_str::<serde_json::Value>(&json).is_ok(),
            "the report's JSON does not parse:\n{json}"
        );
    }
}

fn configure<S: Subject + 'static>(catalogue: Vec<Box<dyn Rule<S>>>, config: &Config) {
    // A configuration may name codes of other catalogues, or be wrong: an error, never a panic.
    if let Ok(rules) = RuleSet::builder()
        .rules(catalogue)
        .config(config.clone())
        .build()
    {
        let _ = rules.describe().to_markdown();
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    for format in [Format::Json, Format::Toml] {
        let loaded = load_all(text, format);
        if let Some(canvas) = &loaded.canvas {
            judge(rules::canvas(), canvas);
        }
        if let Some(instrument) = &loaded.instrument {
            judge(rules::instrument(), instrument);
            judge(
                rules::responses(),
                &Assessment {
                    instrument: instrument.clone(),
                    round: samples().round.clone(),
                },
            );
        }
        if let Some(round) = &loaded.round {
            judge(
                rules::responses(),
                &Assessment {
                    instrument: samples().instrument.clone(),
                    round: round.clone(),
                },
            );
        }
        if let Some(signals) = &loaded.signals {
            let review = OrganizationReview {
                canvas: None,
                signals: Some(signals.clone()),
                assessment: None,
                value: None,
            };
            judge(rules::culture(), &review);
            judge(rules::review(), &review);
        }
        if let Some(config) = &loaded.config {
            configure(rules::canvas(), config);
            configure(rules::instrument(), config);
            configure(rules::responses(), config);
            configure(rules::culture(), config);
            configure(rules::review(), config);
        }
    }
});
