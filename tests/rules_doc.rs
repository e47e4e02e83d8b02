//! Keeps RULES.md in step with the rules the catalogues register: each
//! catalogue (canvas, instrument, responses, culture, review, value, value
//! context) has its own
//! section, generated between its own pair of markers.
//!
//! To regenerate the sections after changing a rule:
//! `UPDATE_RULES_MD=1 cargo test --test rules_doc`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use customer_strategy::validate::{Catalogue, RuleSet};
use customer_strategy::{
    Assessment, Canvas, Instrument, OrganizationReview, StudyInContext, ValueStudy, rules,
};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/RULES.md");

/// Every catalogue: its marker name and its description.
fn catalogues() -> Vec<(&'static str, Catalogue)> {
    let canvas = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap();
    let instrument = RuleSet::<Instrument>::builder()
        .rules(rules::instrument())
        .build()
        .unwrap();
    let responses = RuleSet::<Assessment>::builder()
        .rules(rules::responses())
        .build()
        .unwrap();
    let culture = RuleSet::<OrganizationReview>::builder()
        .rules(rules::culture())
        .build()
        .unwrap();
    let review = RuleSet::<OrganizationReview>::builder()
        .rules(rules::review())
        .build()
        .unwrap();
    let value = RuleSet::<ValueStudy>::builder()
        .rules(rules::value())
        .build()
        .unwrap();
    let value_context = RuleSet::<StudyInContext>::builder()
        .rules(rules::value_in_context())
        .build()
        .unwrap();
    vec![
        ("canvas", canvas.describe()),
        ("instrument", instrument.describe()),
        ("responses", responses.describe()),
        ("culture", culture.describe()),
        ("review", review.describe()),
        ("value", value.describe()),
        ("value-context", value_context.describe()),
    ]
}

fn begin(name: &str) -> String {
    format!("<!-- catalogue:{name}:begin (generated from the rules; do not edit by hand) -->\n")
}

fn end(name: &str) -> String {
    format!("<!-- catalogue:{name}:end -->\n")
}

/// Splits `document` around the section of `name`: before, listed, after.
fn section<'d>(document: &'d str, name: &str) -> (&'d str, &'d str, &'d str) {
    let (before, rest) = document
        .split_once(&begin(name))
        .unwrap_or_else(|| panic!("RULES.md lacks the catalogue:{name}:begin marker"));
    let (listed, after) = rest
        .split_once(&end(name))
        .unwrap_or_else(|| panic!("RULES.md lacks the catalogue:{name}:end marker"));
    (before, listed, after)
}

#[test]
fn rules_md_lists_every_registered_rule() {
    let mut document = std::fs::read_to_string(PATH).unwrap();
    let update = std::env::var_os("UPDATE_RULES_MD").is_some();
    let mut stale = Vec::new();
    for (name, catalogue) in catalogues() {
        let generated = catalogue.to_markdown();
        let (before, listed, after) = section(&document, name);
        if update {
            document = format!("{before}{}{generated}{}{after}", begin(name), end(name));
            continue;
        }
        if listed != generated {
            stale.push(name);
        }
        for rule in catalogue.rules() {
            assert!(
                listed.contains(&format!("### {}", rule.code)),
                "{} missing from the {name} section",
                rule.code
            );
        }
    }
    if update {
        std::fs::write(PATH, document).unwrap();
        return;
    }
    assert!(
        stale.is_empty(),
        "RULES.md is out of step with the registered rules in the section(s) {stale:?}; run \
         `UPDATE_RULES_MD=1 cargo test --test rules_doc` and review the change"
    );
}

#[test]
fn every_marker_appears_once_and_in_order() {
    let document = std::fs::read_to_string(PATH).unwrap();
    let mut at = 0;
    for (name, _) in catalogues() {
        for marker in [begin(name), end(name)] {
            assert_eq!(document.matches(&marker).count(), 1, "{marker}");
            let found = document.find(&marker).unwrap();
            assert!(found >= at, "{marker} is out of order");
            at = found;
        }
    }
    // The markers of the single-catalogue layout are gone.
    assert!(!document.contains("<!-- catalogue:begin"));
}
