//! Keeps RULES.md in step with the rules the catalogue registers.
//!
//! To regenerate the catalogue section after changing a rule:
//! `UPDATE_RULES_MD=1 cargo test --test rules_doc`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use customer_strategy::validate::RuleSet;
use customer_strategy::{Canvas, rules};

const BEGIN: &str = "<!-- catalogue:begin (generated from the rules; do not edit by hand) -->\n";
const END: &str = "<!-- catalogue:end -->\n";

#[test]
fn rules_md_lists_every_registered_rule() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/RULES.md");
    let document = std::fs::read_to_string(path).unwrap();
    let (before, rest) = document
        .split_once(BEGIN)
        .expect("RULES.md lacks the catalogue:begin marker");
    let (listed, after) = rest
        .split_once(END)
        .expect("RULES.md lacks the catalogue:end marker");

    let set = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap();
    let generated = set.describe().to_markdown();

    if std::env::var_os("UPDATE_RULES_MD").is_some() {
        std::fs::write(path, format!("{before}{BEGIN}{generated}{END}{after}")).unwrap();
        return;
    }
    assert!(
        listed == generated,
        "RULES.md is out of step with the registered rules; run \
         `UPDATE_RULES_MD=1 cargo test --test rules_doc` and review the change"
    );
    for rule in set.describe().rules() {
        assert!(
            listed.contains(&format!("### {}", rule.code)),
            "{} missing",
            rule.code
        );
    }
}
