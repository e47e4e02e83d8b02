//! The validation engine as a downstream service uses it: its own subject (a shop `Order`), its own rules (hand-written `impl Rule` and `FnRule`) with parameters of every kind, configured from TOML and JSON, run under both profiles, reported as text and JSON, shared across threads, described as a catalogue.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use customer_strategy::validate::{
    BooleanParam, BuildError, Check, Config, FnRule, IntegerParam, JsonPointer, NumberParam,
    ParamValue, Profile, Report, Rule, RuleConfig, RuleMeta, RuleSet, RuleSetBuilder, Severity,
    Subject, TextParam,
};
use customer_strategy::{Canvas, Document, rules};
use proptest::prelude::*;
use serde_json::{Value, json};

// ===========================================================================
// The subject: a shop order
// ===========================================================================

#[derive(Clone, Debug, Default, PartialEq)]
struct Order {
    currency: String,
    coupon: Option<String>,
    lines: Vec<Line>,
    notes: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Line {
    sku: String,
    quantity: i64,
    unit_price: f64,
}

fn line(sku: &str, quantity: i64, unit_price: f64) -> Line {
    Line {
        sku: sku.to_owned(),
        quantity,
        unit_price,
    }
}

/// What every rule shares, computed once per run.
#[derive(Debug)]
struct OrderIndex {
    total: f64,
    /// The position of the first line of each SKU.
    first_line_of: BTreeMap<String, usize>,
}

impl Subject for Order {
    type Index = OrderIndex;

    #[allow(clippy::cast_precision_loss)] // quantities in tests are small
    fn index(&self) -> OrderIndex {
        let mut first_line_of = BTreeMap::new();
        for (i, line) in self.lines.iter().enumerate() {
            first_line_of.entry(line.sku.clone()).or_insert(i);
        }
        OrderIndex {
            total: self
                .lines
                .iter()
                .map(|l| l.quantity as f64 * l.unit_price)
                .sum(),
            first_line_of,
        }
    }
}

/// A valid order in euros: 2 x 2.5 + 1 x 7.0 = 12.0.
fn good_order() -> Order {
    Order {
        currency: "EUR".to_owned(),
        coupon: None,
        lines: vec![line("TEA-1", 2, 2.5), line("MUG-7", 1, 7.0)],
        notes: BTreeMap::new(),
    }
}

/// An order with something for most rules to say: quantities 0 and 101, a
/// repeated SKU, an empty note under a key that needs escaping, a total of 4.0,
/// a foreign currency, and a coupon (which SHOP-ORDER-004 objects to only when
/// configured with `allow_coupons = false`).
fn bad_order() -> Order {
    Order {
        currency: "JPY".to_owned(),
        coupon: Some("WELCOME10".to_owned()),
        lines: vec![
            line("TEA-1", 0, 2.5),
            line("MUG-7", 1, 4.0),
            line("TEA-1", 101, 0.0),
        ],
        notes: BTreeMap::from([
            ("delivery".to_owned(), "Leave at the door".to_owned()),
            ("gift/wrap~".to_owned(), "  ".to_owned()),
        ]),
    }
}

/// An order with no lines at all.
fn empty_order() -> Order {
    Order {
        currency: "EUR".to_owned(),
        ..Order::default()
    }
}

// ===========================================================================
// The rules over orders
// ===========================================================================

// --- SHOP-ORDER-001: hand-written `impl Rule`, draft severity, a hint. -------

struct HasLines;

const HAS_LINES: RuleMeta = RuleMeta::new(
    "SHOP-ORDER-001",
    "An order has at least one line",
    Severity::Error,
    "An order without lines ships nothing and bills nothing.",
)
.with_draft_severity(Severity::Info)
.with_tags(&["order", "completeness"]);

impl Rule<Order> for HasLines {
    fn meta(&self) -> &RuleMeta {
        &HAS_LINES
    }

    fn check(&self, order: &Order, _: &OrderIndex, check: &mut Check<'_>) {
        if order.lines.is_empty() {
            check
                .finding(
                    JsonPointer::root().key("lines"),
                    "shop.order.no_lines",
                    "The order has no lines",
                )
                .hint("Add at least one line before submitting the order")
                .emit();
        }
    }
}

// --- SHOP-ORDER-002: hand-written `impl Rule`, a number parameter, the index. -

const MINIMUM_TOTAL: NumberParam = NumberParam::new(
    "minimum_total",
    "The smallest order total worth shipping",
    10.0,
    0.0,
    1000.0,
);

struct MinimumTotal;

const MINIMUM_TOTAL_META: RuleMeta = RuleMeta::new(
    "SHOP-ORDER-002",
    "The order total reaches the minimum",
    Severity::Warning,
    "An order below the minimum costs more to pack and ship than it earns.",
)
.with_tags(&["order"])
.with_params(&[MINIMUM_TOTAL.spec()]);

impl Rule<Order> for MinimumTotal {
    fn meta(&self) -> &RuleMeta {
        &MINIMUM_TOTAL_META
    }

    fn check(&self, order: &Order, index: &OrderIndex, check: &mut Check<'_>) {
        let minimum = check.params().number(&MINIMUM_TOTAL);
        // SHOP-ORDER-001 reports an order without lines.
        if !order.lines.is_empty() && index.total < minimum {
            check
                .finding(
                    JsonPointer::root(),
                    "shop.order.below_minimum",
                    "The order totals {total} {currency}, below the minimum of {minimum}",
                )
                .arg("total", index.total)
                .arg("currency", order.currency.as_str())
                .arg("minimum", minimum)
                .emit();
        }
    }
}

// --- SHOP-ORDER-003: `FnRule`, a text parameter restricted to a list. --------

const CURRENCY: TextParam = TextParam::new(
    "currency",
    "The currency the shop bills in",
    "EUR",
    &["EUR", "USD", "GBP"],
);

const CURRENCY_RULE: FnRule<Order> = FnRule::new(
    RuleMeta::new(
        "SHOP-ORDER-003",
        "The order is in the shop's currency",
        Severity::Error,
        "The shop cannot bill in a currency it holds no account in.",
    )
    .with_tags(&["order"])
    .with_params(&[CURRENCY.spec()]),
    currency,
);

fn currency(order: &Order, _: &OrderIndex, check: &mut Check<'_>) {
    // `Check::params` borrows the check, so the value is copied out before a
    // finding (which borrows the check mutably) is started.
    let expected = check.params().text(&CURRENCY).to_owned();
    if order.currency != expected {
        check
            .finding(
                JsonPointer::root().key("currency"),
                "shop.order.currency",
                "The order is in {found}; the shop bills in {expected}",
            )
            .arg("found", order.currency.as_str())
            .arg("expected", expected)
            .emit();
    }
}

// --- SHOP-ORDER-004: `FnRule`, a boolean parameter, final profile only. -----

const ALLOW_COUPONS: BooleanParam =
    BooleanParam::new("allow_coupons", "Whether orders may carry a coupon", true);

const COUPON_RULE: FnRule<Order> = FnRule::new(
    RuleMeta::new(
        "SHOP-ORDER-004",
        "Coupons are used only where the shop allows them",
        Severity::Error,
        "A coupon the shop does not honour is a promise it will break at the till.",
    )
    .with_profiles(&[Profile::Final])
    .with_tags(&["order"])
    .with_params(&[ALLOW_COUPONS.spec()]),
    coupon,
);

fn coupon(order: &Order, _: &OrderIndex, check: &mut Check<'_>) {
    if let Some(code) = &order.coupon
        && !check.params().boolean(&ALLOW_COUPONS)
    {
        check
            .finding(
                JsonPointer::root().key("coupon"),
                "shop.order.coupon",
                "The order carries coupon {coupon}, but this shop takes no coupons",
            )
            .arg("coupon", code.as_str())
            .hint("Remove the coupon")
            .emit();
    }
}

// --- SHOP-LINE-001: `FnRule`, an integer parameter, one finding per line. ---

const MAX_QUANTITY: IntegerParam = IntegerParam::new(
    "max_quantity",
    "The most units one line may order",
    100,
    1,
    10_000,
);

const LINE_QUANTITY: FnRule<Order> = FnRule::new(
    RuleMeta::new(
        "SHOP-LINE-001",
        "Every line orders between one unit and the maximum",
        Severity::Error,
        "A line of no units is a mistake, and one of very many is usually a typing slip.",
    )
    .with_tags(&["line"])
    .with_params(&[MAX_QUANTITY.spec()]),
    line_quantity,
);

fn line_quantity(order: &Order, _: &OrderIndex, check: &mut Check<'_>) {
    let max = check.params().integer(&MAX_QUANTITY);
    for (i, line) in order.lines.iter().enumerate() {
        if line.quantity < 1 || line.quantity > max {
            check
                .finding(
                    JsonPointer::root().key("lines").index(i).key("quantity"),
                    "shop.line.quantity",
                    "Line {line} orders {quantity} units; a line orders 1 to {max} units",
                )
                .arg("line", i + 1)
                .arg("quantity", line.quantity)
                .arg("max", max)
                .hint("Change the quantity or split the line")
                .emit();
        }
    }
}

// --- SHOP-LINE-002: `FnRule`, the index, a related path. --------------------

const DUPLICATE_SKU: FnRule<Order> = FnRule::new(
    RuleMeta::new(
        "SHOP-LINE-002",
        "Each SKU appears on one line",
        Severity::Warning,
        "Two lines of the same SKU are usually one line entered twice.",
    )
    .with_tags(&["line"]),
    duplicate_sku,
);

fn duplicate_sku(order: &Order, index: &OrderIndex, check: &mut Check<'_>) {
    for (i, line) in order.lines.iter().enumerate() {
        let first = index.first_line_of[&line.sku];
        if first != i {
            check
                .finding(
                    JsonPointer::root().key("lines").index(i).key("sku"),
                    "shop.line.duplicate_sku",
                    "Line {line} repeats SKU {sku} of line {first}",
                )
                .arg("line", i + 1)
                .arg("sku", line.sku.as_str())
                .arg("first", first + 1)
                .related(JsonPointer::root().key("lines").index(first).key("sku"))
                .emit();
        }
    }
}

// --- SHOP-NOTE-001: `FnRule`, information, keys that need escaping. ---------

const EMPTY_NOTE: FnRule<Order> = FnRule::new(
    RuleMeta::new(
        "SHOP-NOTE-001",
        "Notes say something",
        Severity::Info,
        "An empty note makes the packer stop and wonder what was meant.",
    ),
    empty_note,
);

fn empty_note(order: &Order, _: &OrderIndex, check: &mut Check<'_>) {
    for (key, text) in &order.notes {
        if text.trim().is_empty() {
            check
                .finding(
                    JsonPointer::root().key("notes").key(key),
                    "shop.note.empty",
                    "The note {key} is empty",
                )
                .arg("key", key.as_str())
                .emit();
        }
    }
}

/// Every shop rule, added deliberately out of code order.
fn shop_builder() -> RuleSetBuilder<Order> {
    RuleSet::builder()
        .rule(COUPON_RULE)
        .rule(MinimumTotal)
        .rule(EMPTY_NOTE)
        .rule(LINE_QUANTITY)
        .rule(HasLines)
        .rule(DUPLICATE_SKU)
        .rule(CURRENCY_RULE)
}

fn shop() -> RuleSet<Order> {
    shop_builder().build().unwrap()
}

fn shop_with(config: Config) -> RuleSet<Order> {
    shop_builder().config(config).build().unwrap()
}

fn build_error(config: Config) -> BuildError {
    shop_builder().config(config).build().unwrap_err()
}

/// A configuration setting one parameter of one rule.
fn param(code: &str, name: &str, value: ParamValue) -> Config {
    let mut config = Config::default();
    config.rule(code).params.insert(name.to_owned(), value);
    config
}

/// The (code, path) of every finding, in report order.
fn codes_and_paths(report: &Report) -> Vec<(&str, &str)> {
    report
        .findings()
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect()
}

fn counts(report: &Report) -> (usize, usize, usize) {
    let c = report.counts();
    (c.error, c.warning, c.info)
}

// ===========================================================================
// Building: every configuration mistake is refused at build time
// ===========================================================================

#[test]
fn a_set_without_configuration_builds_and_lists_its_rules_by_code() {
    let rules = shop();
    assert_eq!(rules.len(), 7);
    assert!(!rules.is_empty());
    let codes: Vec<_> = rules.rules().map(|r| r.meta().code()).collect();
    assert_eq!(
        codes,
        [
            "SHOP-LINE-001",
            "SHOP-LINE-002",
            "SHOP-NOTE-001",
            "SHOP-ORDER-001",
            "SHOP-ORDER-002",
            "SHOP-ORDER-003",
            "SHOP-ORDER-004",
        ]
    );
    assert_eq!(format!("{rules:?}"), format!("{codes:?}"));
    assert!(rules.rules().all(|r| r.enabled()));
}

#[test]
fn an_empty_set_builds_and_finds_nothing() {
    let rules = RuleSet::<Order>::builder().build().unwrap();
    assert!(rules.is_empty());
    assert_eq!(rules.len(), 0);
    assert!(rules.validate(&bad_order(), Profile::Final).is_empty());
    assert!(rules.is_valid(&bad_order(), Profile::Final));
}

#[test]
fn an_unknown_configured_code_is_refused_with_the_closest_code_suggested() {
    let mut config = Config::default();
    config.rule("SHOP-ORDR-002").enabled = Some(false);
    let err = build_error(config);
    assert_eq!(
        err.to_string(),
        "invalid rule set: the configuration names rule `SHOP-ORDR-002`, which does not exist \
         (did you mean `SHOP-ORDER-002`?)"
    );
    assert!(err.is_unknown_code());
    assert!(!err.is_duplicate_code());
    assert!(!err.is_bad_param());
    let [problem] = err.problems() else {
        panic!("one problem expected: {err}")
    };
    assert!(problem.is_unknown_code());
    assert_eq!(problem.code(), "SHOP-ORDR-002");
    assert_eq!(problem.param(), None);
    assert_eq!(problem.to_string(), problem.message());
}

#[test]
fn a_configured_code_in_the_wrong_case_is_refused_with_the_right_spelling_suggested() {
    let mut config = Config::default();
    config.rule("shop-line-002").severity = Some(Severity::Error);
    assert_eq!(
        build_error(config).to_string(),
        "invalid rule set: the configuration names rule `shop-line-002`, which does not exist \
         (did you mean `SHOP-LINE-002`?)"
    );
}

#[test]
fn an_unknown_code_far_from_every_rule_gets_no_suggestion() {
    let mut config = Config::default();
    config.rule("ACME-INVOICE-999").enabled = Some(true);
    let err = build_error(config);
    assert_eq!(
        err.to_string(),
        "invalid rule set: the configuration names rule `ACME-INVOICE-999`, which does not exist"
    );
    assert!(err.is_unknown_code());
}

#[test]
fn two_rules_with_one_code_are_refused() {
    let err = RuleSet::<Order>::builder()
        .rule(HasLines)
        .rule(LINE_QUANTITY)
        .rule(FnRule::<Order>::new(HAS_LINES, |_, _, _| {}))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid rule set: two rules have the code `SHOP-ORDER-001`"
    );
    assert!(err.is_duplicate_code());
    assert!(!err.is_unknown_code());
    assert!(err.problems()[0].is_duplicate_code());
    assert_eq!(err.problems()[0].code(), "SHOP-ORDER-001");
}

#[test]
fn a_malformed_rule_code_is_refused() {
    const LOWER: RuleMeta = RuleMeta::new(
        "shop-order-9",
        "Lower-case code",
        Severity::Info,
        "Codes are upper-case.",
    );
    let err = RuleSet::<Order>::builder()
        .rule(FnRule::<Order>::new(LOWER, |_, _, _| {}))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid rule set: rule code `shop-order-9` is malformed: use upper-case parts joined by \
         hyphens, starting with a letter and ending with a number, such as `ACME-ORDER-001`"
    );
    assert!(err.problems()[0].is_malformed_code());
    assert_eq!(err.problems()[0].code(), "shop-order-9");
}

#[test]
fn codes_with_spaces_other_symbols_or_hyphens_at_either_end_are_malformed() {
    const SPACED: RuleMeta = RuleMeta::new("SHOP ORDER 9", "t", Severity::Info, "r.");
    const UNDERSCORE: RuleMeta = RuleMeta::new("SHOP_ORDER_9", "t", Severity::Info, "r.");
    const LEADING: RuleMeta = RuleMeta::new("-SHOP-9", "t", Severity::Info, "r.");
    const TRAILING: RuleMeta = RuleMeta::new("SHOP-9-", "t", Severity::Info, "r.");
    const EMPTY: RuleMeta = RuleMeta::new("", "t", Severity::Info, "r.");
    const ACCENTED: RuleMeta = RuleMeta::new("SHÖP-ORDER-009", "t", Severity::Info, "r.");
    let err = RuleSet::<Order>::builder()
        .rule(FnRule::<Order>::new(SPACED, |_, _, _| {}))
        .rule(FnRule::<Order>::new(UNDERSCORE, |_, _, _| {}))
        .rule(FnRule::<Order>::new(LEADING, |_, _, _| {}))
        .rule(FnRule::<Order>::new(TRAILING, |_, _, _| {}))
        .rule(FnRule::<Order>::new(EMPTY, |_, _, _| {}))
        .rule(FnRule::<Order>::new(ACCENTED, |_, _, _| {}))
        .build()
        .unwrap_err();
    let malformed: Vec<_> = err
        .problems()
        .iter()
        .filter(|p| p.is_malformed_code())
        .map(|p| p.code())
        .collect();
    assert_eq!(
        malformed,
        [
            "SHOP ORDER 9",
            "SHOP_ORDER_9",
            "-SHOP-9",
            "SHOP-9-",
            "",
            "SHÖP-ORDER-009"
        ]
    );
    assert_eq!(err.problems().len(), 6);
}

#[test]
fn a_parameter_the_rule_does_not_declare_is_refused_naming_the_ones_it_has() {
    let err = build_error(param("SHOP-LINE-001", "max_qty", ParamValue::Integer(5)));
    assert_eq!(
        err.to_string(),
        "invalid rule set: rule `SHOP-LINE-001` has no parameter `max_qty`: its parameters are \
         `max_quantity`"
    );
    assert!(err.is_bad_param());
    assert!(err.problems()[0].is_unknown_param());
    assert_eq!(err.problems()[0].code(), "SHOP-LINE-001");
    assert_eq!(err.problems()[0].param(), Some("max_qty"));
}

#[test]
fn a_parameter_given_to_a_rule_without_parameters_is_refused() {
    let err = build_error(param("SHOP-LINE-002", "strict", ParamValue::Boolean(true)));
    assert_eq!(
        err.to_string(),
        "invalid rule set: rule `SHOP-LINE-002` has no parameter `strict`: it has no parameters"
    );
    assert!(err.problems()[0].is_unknown_param());
}

#[test]
fn text_for_an_integer_parameter_is_the_wrong_type() {
    let err = build_error(param(
        "SHOP-LINE-001",
        "max_quantity",
        ParamValue::Text("50".to_owned()),
    ));
    assert_eq!(
        err.to_string(),
        "invalid rule set: parameter `max_quantity` of rule `SHOP-LINE-001` must be an integer \
         from 1 to 10000, got text"
    );
    assert!(err.is_bad_param());
    let problem = &err.problems()[0];
    assert!(problem.is_wrong_param_type());
    assert!(!problem.is_param_out_of_range());
    assert_eq!(problem.code(), "SHOP-LINE-001");
    assert_eq!(problem.param(), Some("max_quantity"));
}

#[test]
fn a_number_with_a_fraction_for_an_integer_parameter_is_the_wrong_type_even_when_whole() {
    for value in [50.5, 50.0] {
        let err = build_error(param(
            "SHOP-LINE-001",
            "max_quantity",
            ParamValue::Number(value),
        ));
        assert_eq!(
            err.to_string(),
            "invalid rule set: parameter `max_quantity` of rule `SHOP-LINE-001` must be an \
             integer from 1 to 10000, got a number"
        );
        assert!(err.problems()[0].is_wrong_param_type());
    }
}

#[test]
fn an_integer_for_a_number_parameter_is_accepted_and_read_as_a_number() {
    let rules = shop_with(param(
        "SHOP-ORDER-002",
        "minimum_total",
        ParamValue::Integer(5),
    ));
    let info = rules
        .rules()
        .find(|r| r.meta().code() == "SHOP-ORDER-002")
        .unwrap();
    assert_eq!(info.params().number(&MINIMUM_TOTAL), 5.0);
    let report = rules.validate(&bad_order(), Profile::Final);
    assert_eq!(
        report.with_code("SHOP-ORDER-002").next().unwrap().message,
        "The order totals 4.0 JPY, below the minimum of 5.0"
    );
}

#[test]
fn other_wrong_types_are_named_in_words() {
    let boolean_for_text = build_error(param(
        "SHOP-ORDER-003",
        "currency",
        ParamValue::Boolean(true),
    ));
    assert_eq!(
        boolean_for_text.to_string(),
        "invalid rule set: parameter `currency` of rule `SHOP-ORDER-003` must be one of `EUR`, \
         `USD`, `GBP`, got a boolean"
    );
    let text_for_boolean = build_error(param(
        "SHOP-ORDER-004",
        "allow_coupons",
        ParamValue::Text("no".to_owned()),
    ));
    assert_eq!(
        text_for_boolean.to_string(),
        "invalid rule set: parameter `allow_coupons` of rule `SHOP-ORDER-004` must be a boolean, \
         got text"
    );
    let integer_for_boolean = build_error(param(
        "SHOP-ORDER-004",
        "allow_coupons",
        ParamValue::Integer(0),
    ));
    assert_eq!(
        integer_for_boolean.to_string(),
        "invalid rule set: parameter `allow_coupons` of rule `SHOP-ORDER-004` must be a boolean, \
         got an integer"
    );
    let text_for_number = build_error(param(
        "SHOP-ORDER-002",
        "minimum_total",
        ParamValue::Text("10".to_owned()),
    ));
    assert_eq!(
        text_for_number.to_string(),
        "invalid rule set: parameter `minimum_total` of rule `SHOP-ORDER-002` must be a number \
         from 0 to 1000, got text"
    );
}

#[test]
fn an_integer_out_of_range_is_refused_with_the_range_and_the_value() {
    for (value, shown) in [(0, "0"), (10_001, "10001"), (-3, "-3")] {
        let err = build_error(param(
            "SHOP-LINE-001",
            "max_quantity",
            ParamValue::Integer(value),
        ));
        assert_eq!(
            err.to_string(),
            format!(
                "invalid rule set: parameter `max_quantity` of rule `SHOP-LINE-001` must be an \
                 integer from 1 to 10000, got {shown}"
            )
        );
        assert!(err.problems()[0].is_param_out_of_range());
        assert!(!err.problems()[0].is_wrong_param_type());
        assert!(err.is_bad_param());
    }
    // The bounds themselves are in range.
    shop_with(param(
        "SHOP-LINE-001",
        "max_quantity",
        ParamValue::Integer(1),
    ));
    shop_with(param(
        "SHOP-LINE-001",
        "max_quantity",
        ParamValue::Integer(10_000),
    ));
}

#[test]
fn a_number_out_of_range_is_refused_whether_given_with_a_fraction_or_whole() {
    let fraction = build_error(param(
        "SHOP-ORDER-002",
        "minimum_total",
        ParamValue::Number(1000.5),
    ));
    assert_eq!(
        fraction.to_string(),
        "invalid rule set: parameter `minimum_total` of rule `SHOP-ORDER-002` must be a number \
         from 0 to 1000, got 1000.5"
    );
    assert!(fraction.problems()[0].is_param_out_of_range());
    let whole = build_error(param(
        "SHOP-ORDER-002",
        "minimum_total",
        ParamValue::Integer(-1),
    ));
    assert_eq!(
        whole.to_string(),
        "invalid rule set: parameter `minimum_total` of rule `SHOP-ORDER-002` must be a number \
         from 0 to 1000, got -1"
    );
    assert!(whole.problems()[0].is_param_out_of_range());
}

#[test]
fn text_outside_the_allowed_list_is_refused_with_the_list() {
    let err = build_error(param(
        "SHOP-ORDER-003",
        "currency",
        ParamValue::Text("JPY".to_owned()),
    ));
    assert_eq!(
        err.to_string(),
        "invalid rule set: parameter `currency` of rule `SHOP-ORDER-003` must be one of `EUR`, \
         `USD`, `GBP`, got \"JPY\""
    );
    assert!(err.problems()[0].is_param_out_of_range());
    // The comparison is exact: case matters.
    assert!(
        build_error(param(
            "SHOP-ORDER-003",
            "currency",
            ParamValue::Text("eur".to_owned()),
        ))
        .problems()[0]
            .is_param_out_of_range()
    );
}

#[test]
fn a_disabled_rule_still_has_its_parameters_checked() {
    let mut config = param("SHOP-LINE-001", "max_quantity", ParamValue::Integer(0));
    config.rule("SHOP-LINE-001").enabled = Some(false);
    assert!(build_error(config).problems()[0].is_param_out_of_range());
}

#[test]
fn several_problems_are_all_listed_in_a_stable_order() {
    const TWIN: FnRule<Order> = FnRule::new(DUPLICATE_SKU_META, |_, _, _| {});
    const DUPLICATE_SKU_META: RuleMeta = RuleMeta::new(
        "SHOP-LINE-002",
        "A second rule with the code of the SKU rule",
        Severity::Info,
        "Codes must be unique.",
    );
    const BAD_CODE: RuleMeta = RuleMeta::new("shop-x", "t", Severity::Info, "r.");

    let config = Config::from_toml(
        r#"
        schema_version = 1

        [rules.SHOP-ORDER-003]
        params = { currency = "JPY" }

        [rules.SHOP-LINE-001]
        params = { max_quantity = "many", max_qty = 5 }

        [rules.SHOP-ORDER-002]
        params = { minimum_total = 2000 }

        [rules.SHOP-LNIE-002]
        enabled = false
        "#,
    )
    .unwrap();
    let err = shop_builder()
        .rule(FnRule::<Order>::new(BAD_CODE, |_, _, _| {}))
        .rule(TWIN)
        .config(config)
        .build()
        .unwrap_err();

    // Rule problems in the order the rules were added, then configured codes
    // that do not exist (by code), then parameter problems by rule code:
    // undeclared names first, then declared parameters in declaration order.
    assert_eq!(
        err.to_string(),
        "invalid rule set: 7 problems\n  \
         - rule code `shop-x` is malformed: use upper-case parts joined by hyphens, starting with \
         a letter and ending with a number, such as \
         `ACME-ORDER-001`\n  \
         - two rules have the code `SHOP-LINE-002`\n  \
         - the configuration names rule `SHOP-LNIE-002`, which does not exist (did you mean \
         `SHOP-LINE-002`?)\n  \
         - rule `SHOP-LINE-001` has no parameter `max_qty`: its parameters are `max_quantity`\n  \
         - parameter `max_quantity` of rule `SHOP-LINE-001` must be an integer from 1 to 10000, \
         got text\n  \
         - parameter `minimum_total` of rule `SHOP-ORDER-002` must be a number from 0 to 1000, \
         got 2000\n  \
         - parameter `currency` of rule `SHOP-ORDER-003` must be one of `EUR`, `USD`, `GBP`, got \
         \"JPY\""
    );
    let problems = err.problems();
    assert_eq!(problems.len(), 7);
    let kinds: Vec<_> = problems
        .iter()
        .map(|p| {
            (
                p.code(),
                p.param(),
                [
                    p.is_malformed_code(),
                    p.is_duplicate_code(),
                    p.is_unknown_code(),
                    p.is_unknown_param(),
                    p.is_wrong_param_type(),
                    p.is_param_out_of_range(),
                ]
                .iter()
                .position(|&b| b)
                .unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("shop-x", None, 0),
            ("SHOP-LINE-002", None, 1),
            ("SHOP-LNIE-002", None, 2),
            ("SHOP-LINE-001", Some("max_qty"), 3),
            ("SHOP-LINE-001", Some("max_quantity"), 4),
            ("SHOP-ORDER-002", Some("minimum_total"), 5),
            ("SHOP-ORDER-003", Some("currency"), 5),
        ]
    );
    assert!(err.is_unknown_code() && err.is_duplicate_code() && err.is_bad_param());
}

/// How a service loads its configuration and builds its rules in one step.
fn load_rules(toml: &str) -> Result<RuleSet<Order>, Box<dyn std::error::Error + Send + Sync>> {
    let config = Config::from_toml(toml)?;
    Ok(shop_builder().config(config).build()?)
}

#[test]
fn a_build_error_is_an_ordinary_error_value() {
    fn assert_error<E: std::error::Error + Clone + Send + Sync + 'static>() {}
    assert_error::<BuildError>();

    assert!(load_rules("schema_version = 1").is_ok());
    let err =
        load_rules("schema_version = 1\n[rules.SHOP-LINE-001]\nparams = { max_quantity = 0 }\n")
            .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid rule set: parameter `max_quantity` of rule `SHOP-LINE-001` must be an integer \
         from 1 to 10000, got 0"
    );
    let build = err.downcast_ref::<BuildError>().unwrap();
    assert!(build.is_bad_param());
}

// ===========================================================================
// Configurations as documents
// ===========================================================================

const SHOP_TOML: &str = r#"
schema_version = 1

[rules.SHOP-LINE-001]
params = { max_quantity = 500 }

[rules.SHOP-ORDER-002]
severity = "error"
params = { minimum_total = 5 }

[rules.SHOP-ORDER-003]
params = { currency = "USD" }

[rules.SHOP-ORDER-004]
params = { allow_coupons = false }

[rules.SHOP-NOTE-001]
enabled = false
"#;

const SHOP_JSON: &str = r#"{
  "schema_version": 1,
  "rules": {
    "SHOP-LINE-001": { "params": { "max_quantity": 500 } },
    "SHOP-ORDER-002": { "severity": "error", "params": { "minimum_total": 5 } },
    "SHOP-ORDER-003": { "params": { "currency": "USD" } },
    "SHOP-ORDER-004": { "params": { "allow_coupons": false } },
    "SHOP-NOTE-001": { "enabled": false }
  }
}"#;

#[test]
fn a_configuration_loads_from_toml_into_typed_settings() {
    let config = Config::from_toml(SHOP_TOML).unwrap();
    assert_eq!(config.schema_version.get(), 1);
    assert_eq!(config.rules.len(), 5);
    assert_eq!(
        config.rules["SHOP-LINE-001"].params["max_quantity"],
        ParamValue::Integer(500)
    );
    assert_eq!(
        config.rules["SHOP-ORDER-002"],
        RuleConfig {
            enabled: None,
            severity: Some(Severity::Error),
            params: BTreeMap::from([("minimum_total".to_owned(), ParamValue::Integer(5))]),
        }
    );
    assert_eq!(
        config.rules["SHOP-ORDER-003"].params["currency"],
        ParamValue::Text("USD".to_owned())
    );
    assert_eq!(
        config.rules["SHOP-ORDER-004"].params["allow_coupons"],
        ParamValue::Boolean(false)
    );
    assert_eq!(config.rules["SHOP-NOTE-001"].enabled, Some(false));
}

#[test]
fn the_same_configuration_in_json_is_the_same_configuration() {
    assert_eq!(
        Config::from_json(SHOP_JSON).unwrap(),
        Config::from_toml(SHOP_TOML).unwrap()
    );
}

#[test]
fn a_configuration_written_in_code_equals_the_loaded_one_and_round_trips() {
    let mut config = Config::default();
    config
        .rule("SHOP-LINE-001")
        .params
        .insert("max_quantity".to_owned(), ParamValue::Integer(500));
    let order_002 = config.rule("SHOP-ORDER-002");
    order_002.severity = Some(Severity::Error);
    order_002
        .params
        .insert("minimum_total".to_owned(), ParamValue::Integer(5));
    config
        .rule("SHOP-ORDER-003")
        .params
        .insert("currency".to_owned(), ParamValue::Text("USD".to_owned()));
    config
        .rule("SHOP-ORDER-004")
        .params
        .insert("allow_coupons".to_owned(), ParamValue::Boolean(false));
    config.rule("SHOP-NOTE-001").enabled = Some(false);
    assert_eq!(config, Config::from_toml(SHOP_TOML).unwrap());

    assert_eq!(
        Config::from_json(&config.to_json().unwrap()).unwrap(),
        config
    );
    assert_eq!(
        Config::from_toml(&config.to_toml().unwrap()).unwrap(),
        config
    );
}

#[test]
fn a_configuration_with_only_a_version_is_the_default() {
    assert_eq!(
        Config::from_toml("schema_version = 1").unwrap(),
        Config::default()
    );
    assert_eq!(
        Config::from_json(r#"{"schema_version": 1}"#).unwrap(),
        Config::default()
    );
}

#[test]
fn a_configuration_with_an_unknown_field_is_refused_by_the_loader() {
    let toml = Config::from_toml("schema_version = 1\n\n[rules.SHOP-LINE-001]\nenable = false\n")
        .unwrap_err();
    assert!(toml.is_unknown_field(), "{toml}");
    assert_eq!(toml.field(), Some("rules.SHOP-LINE-001.enable"));
    assert_eq!(toml.line(), Some(4));
    assert!(
        toml.to_string()
            .starts_with("cannot load rule configuration TOML")
    );
    assert!(
        toml.to_string().contains("unknown field `enable`"),
        "{toml}"
    );

    let json = Config::from_json(
        r#"{"schema_version": 1, "rules": {"SHOP-LINE-001": {"severity": "error", "level": 2}}}"#,
    )
    .unwrap_err();
    assert!(json.is_unknown_field(), "{json}");
    assert_eq!(json.field(), Some("rules.SHOP-LINE-001.level"));
    assert!(
        json.to_string()
            .starts_with("cannot load rule configuration JSON")
    );
}

#[test]
fn a_configuration_with_an_unknown_severity_or_version_is_refused_by_the_loader() {
    let severity =
        Config::from_toml("schema_version = 1\n[rules.SHOP-LINE-001]\nseverity = \"fatal\"\n")
            .unwrap_err();
    assert_eq!(severity.field(), Some("rules.SHOP-LINE-001.severity"));
    assert!(severity.to_string().contains("fatal"), "{severity}");

    let version = Config::from_json(r#"{"schema_version": 2}"#).unwrap_err();
    assert!(version.is_unsupported_version());
    assert_eq!(
        version.to_string(),
        "cannot load rule configuration JSON at line 1, column 20: field `schema_version`: \
         unsupported schema_version 2: this release reads rule configuration documents of schema_version 1"
    );
}

#[test]
fn a_loaded_configuration_with_a_misspelt_canvas_code_is_refused_at_build() {
    let config = Config::from_toml(
        r#"
        schema_version = 1

        [rules.CANVAS-HORIZN-003]
        params = { min_years = 2, max_years = 4 }
        "#,
    )
    .unwrap();
    let err = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .config(config)
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid rule set: the configuration names rule `CANVAS-HORIZN-003`, which does not \
         exist (did you mean `CANVAS-HORIZON-003`?)"
    );
    assert!(err.is_unknown_code());
    assert_eq!(err.problems().len(), 1);
}

#[test]
fn a_json_configuration_of_the_canvas_catalogue_builds_with_its_settings() {
    let config = Config::from_json(
        r#"{
          "schema_version": 1,
          "rules": {
            "CANVAS-HORIZON-003": { "severity": "error", "params": { "min_years": 2, "max_years": 4 } }
          }
        }"#,
    )
    .unwrap();
    let set = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .config(config)
        .build()
        .unwrap();
    let horizon = set
        .rules()
        .find(|r| r.meta().code() == "CANVAS-HORIZON-003")
        .unwrap();
    assert_eq!(horizon.severity_in(Profile::Draft), Severity::Error);
    assert_eq!(horizon.severity_in(Profile::Final), Severity::Error);
    let params: Vec<_> = horizon.params().iter().collect();
    assert_eq!(
        params,
        [
            ("min_years", &ParamValue::Integer(2)),
            ("max_years", &ParamValue::Integer(4)),
        ]
    );
}

// ===========================================================================
// Running: severities, profiles, switches and parameters
// ===========================================================================

#[test]
fn a_good_order_has_no_findings_under_either_profile() {
    let rules = shop();
    for profile in Profile::ALL {
        let report = rules.validate(&good_order(), profile);
        assert!(report.is_empty(), "{report}");
        assert!(report.is_valid());
        assert_eq!(report.profile(), profile);
        assert_eq!(counts(&report), (0, 0, 0));
        assert!(rules.is_valid(&good_order(), profile));
    }
}

#[test]
fn findings_get_their_rules_default_severities() {
    let report = shop().validate(&bad_order(), Profile::Final);
    let severities: Vec<_> = report
        .findings()
        .iter()
        .map(|f| (f.code.as_str(), f.severity))
        .collect();
    assert_eq!(
        severities,
        [
            ("SHOP-LINE-001", Severity::Error),
            ("SHOP-LINE-001", Severity::Error),
            ("SHOP-LINE-002", Severity::Warning),
            ("SHOP-NOTE-001", Severity::Info),
            ("SHOP-ORDER-002", Severity::Warning),
            ("SHOP-ORDER-003", Severity::Error),
        ]
    );
    assert_eq!(counts(&report), (3, 2, 1));
    assert!(!report.is_valid());
}

#[test]
fn the_draft_severity_applies_only_under_the_draft_profile() {
    let rules = shop();
    let final_report = rules.validate(&empty_order(), Profile::Final);
    let draft_report = rules.validate(&empty_order(), Profile::Draft);

    assert_eq!(
        codes_and_paths(&final_report),
        [("SHOP-ORDER-001", "/lines")]
    );
    assert_eq!(final_report.findings()[0].severity, Severity::Error);
    assert!(!final_report.is_valid());

    assert_eq!(
        codes_and_paths(&draft_report),
        [("SHOP-ORDER-001", "/lines")]
    );
    assert_eq!(draft_report.findings()[0].severity, Severity::Info);
    assert!(draft_report.is_valid());
    assert_eq!(counts(&draft_report), (0, 0, 1));

    // Rules without a draft severity keep theirs under draft.
    let draft_bad = rules.validate(&bad_order(), Profile::Draft);
    assert_eq!(draft_bad.with_code("SHOP-LINE-001").count(), 2);
    assert!(
        draft_bad
            .with_code("SHOP-LINE-001")
            .all(|f| f.severity == Severity::Error)
    );
}

#[test]
fn a_configured_severity_overrides_the_defaults_under_both_profiles() {
    let mut config = Config::default();
    config.rule("SHOP-ORDER-001").severity = Some(Severity::Warning);
    config.rule("SHOP-NOTE-001").severity = Some(Severity::Error);
    let rules = shop_with(config);
    for profile in Profile::ALL {
        let empty = rules.validate(&empty_order(), profile);
        assert_eq!(empty.findings()[0].code, "SHOP-ORDER-001");
        assert_eq!(empty.findings()[0].severity, Severity::Warning, "{profile}");
        assert!(empty.is_valid());

        let bad = rules.validate(&bad_order(), profile);
        let note = bad.with_code("SHOP-NOTE-001").next().unwrap();
        assert_eq!(note.severity, Severity::Error, "{profile}");
    }
    let info = rules
        .rules()
        .find(|r| r.meta().code() == "SHOP-ORDER-001")
        .unwrap();
    assert_eq!(info.severity_in(Profile::Draft), Severity::Warning);
    assert_eq!(info.severity_in(Profile::Final), Severity::Warning);
    // The rule's own metadata is unchanged.
    assert_eq!(info.meta().severity_in(Profile::Draft), Severity::Info);
}

#[test]
fn a_disabled_rule_is_silent() {
    let mut config = Config::default();
    config.rule("SHOP-LINE-001").enabled = Some(false);
    config.rule("SHOP-ORDER-003").enabled = Some(true);
    let rules = shop_with(config);
    let report = rules.validate(&bad_order(), Profile::Final);
    assert_eq!(report.with_code("SHOP-LINE-001").count(), 0);
    assert_eq!(report.with_code("SHOP-ORDER-003").count(), 1);
    let switches: Vec<_> = rules
        .rules()
        .map(|r| (r.meta().code(), r.enabled()))
        .filter(|(code, _)| code.starts_with("SHOP-LINE-001") || *code == "SHOP-ORDER-003")
        .collect();
    assert_eq!(
        switches,
        [("SHOP-LINE-001", false), ("SHOP-ORDER-003", true)]
    );
}

#[test]
fn a_rule_restricted_to_the_final_profile_stays_out_of_draft_runs() {
    let rules = shop_with(param(
        "SHOP-ORDER-004",
        "allow_coupons",
        ParamValue::Boolean(false),
    ));
    let final_report = rules.validate(&bad_order(), Profile::Final);
    let draft_report = rules.validate(&bad_order(), Profile::Draft);
    assert_eq!(final_report.with_code("SHOP-ORDER-004").count(), 1);
    assert_eq!(draft_report.with_code("SHOP-ORDER-004").count(), 0);
    assert!(COUPON_RULE.meta().runs_in(Profile::Final));
    assert!(!COUPON_RULE.meta().runs_in(Profile::Draft));
    assert_eq!(COUPON_RULE.meta().profiles(), [Profile::Final]);
    assert_eq!(HAS_LINES.profiles(), Profile::ALL);
}

#[test]
fn parameter_defaults_reach_the_rules() {
    let rules = shop();
    let report = rules.validate(&bad_order(), Profile::Final);
    // max_quantity = 100: both 0 and 101 are out.
    assert_eq!(
        codes_and_paths(&report)[..2],
        [
            ("SHOP-LINE-001", "/lines/0/quantity"),
            ("SHOP-LINE-001", "/lines/2/quantity"),
        ]
    );
    // minimum_total = 10.0, currency = "EUR", allow_coupons = true.
    let messages: Vec<_> = report
        .findings()
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert!(messages.contains(&"The order totals 4.0 JPY, below the minimum of 10.0"));
    assert!(messages.contains(&"The order is in JPY; the shop bills in EUR"));
    assert_eq!(report.with_code("SHOP-ORDER-004").count(), 0);

    let defaults: Vec<_> = rules
        .rules()
        .flat_map(|r| {
            r.params()
                .iter()
                .map(|(name, value)| (name, value.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        defaults,
        [
            ("max_quantity", ParamValue::Integer(100)),
            ("minimum_total", ParamValue::Number(10.0)),
            ("currency", ParamValue::Text("EUR".to_owned())),
            ("allow_coupons", ParamValue::Boolean(true)),
        ]
    );
}

#[test]
fn configured_parameters_and_settings_reach_the_rules() {
    let rules = shop_with(Config::from_toml(SHOP_TOML).unwrap());
    let report = rules.validate(&bad_order(), Profile::Final);
    let lines: Vec<_> = report.findings().iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            // max_quantity = 500: only the line of 0 units is out.
            "error SHOP-LINE-001 at /lines/0/quantity: Line 1 orders 0 units; a line orders 1 \
             to 500 units\n    hint: Change the quantity or split the line",
            "warning SHOP-LINE-002 at /lines/2/sku: Line 3 repeats SKU TEA-1 of line 1\n    \
             see also: /lines/0/sku",
            // SHOP-NOTE-001 is disabled; SHOP-ORDER-002 is an error at minimum 5.
            "error SHOP-ORDER-002 at the document root: The order totals 4.0 JPY, below the minimum of 5.0",
            "error SHOP-ORDER-003 at /currency: The order is in JPY; the shop bills in USD",
            "error SHOP-ORDER-004 at /coupon: The order carries coupon WELCOME10, but this shop \
             takes no coupons\n    hint: Remove the coupon",
        ]
    );
    // Loaded from JSON, the same settings give the same report.
    let from_json = shop_with(Config::from_json(SHOP_JSON).unwrap());
    assert_eq!(from_json.validate(&bad_order(), Profile::Final), report);
}

#[test]
fn a_rule_sees_the_profile_and_its_severity_in_force() {
    #[derive(Default)]
    struct Seen(Mutex<Vec<(Profile, Severity)>>);
    struct Recorder(Arc<Seen>);
    const RECORDER: RuleMeta = RuleMeta::new(
        "SHOP-PROBE-001",
        "Records what it is given",
        Severity::Error,
        "A probe for the tests.",
    )
    .with_draft_severity(Severity::Warning);
    impl Rule<Order> for Recorder {
        fn meta(&self) -> &RuleMeta {
            &RECORDER
        }
        fn check(&self, _: &Order, _: &OrderIndex, check: &mut Check<'_>) {
            self.0
                .0
                .lock()
                .unwrap()
                .push((check.profile(), check.severity()));
            assert!(!check.is_done());
        }
    }
    let seen = Arc::new(Seen::default());
    let rules = RuleSet::builder()
        .rule(Recorder(Arc::clone(&seen)))
        .build()
        .unwrap();
    let _ = rules.validate(&good_order(), Profile::Draft);
    let _ = rules.validate(&good_order(), Profile::Final);
    assert!(rules.is_valid(&good_order(), Profile::Final));
    assert_eq!(
        *seen.0.lock().unwrap(),
        [
            (Profile::Draft, Severity::Warning),
            (Profile::Final, Severity::Error),
            (Profile::Final, Severity::Error),
        ]
    );
}

// ===========================================================================
// Reports: counts, filters, order, text and JSON
// ===========================================================================

#[test]
fn findings_come_by_code_then_in_the_order_each_rule_met_them() {
    let report = shop().validate(&bad_order(), Profile::Final);
    assert_eq!(
        codes_and_paths(&report),
        [
            ("SHOP-LINE-001", "/lines/0/quantity"),
            ("SHOP-LINE-001", "/lines/2/quantity"),
            ("SHOP-LINE-002", "/lines/2/sku"),
            ("SHOP-NOTE-001", "/notes/gift~1wrap~0"),
            ("SHOP-ORDER-002", ""),
            ("SHOP-ORDER-003", "/currency"),
        ]
    );
}

#[test]
fn the_order_in_which_rules_are_added_does_not_matter() {
    let reversed = RuleSet::builder()
        .rule(CURRENCY_RULE)
        .rule(DUPLICATE_SKU)
        .rule(HasLines)
        .rule(LINE_QUANTITY)
        .rule(EMPTY_NOTE)
        .rule(MinimumTotal)
        .rule(COUPON_RULE)
        .build()
        .unwrap();
    for profile in Profile::ALL {
        assert_eq!(
            reversed.validate(&bad_order(), profile).to_json(),
            shop().validate(&bad_order(), profile).to_json()
        );
    }
}

#[test]
fn counts_filters_and_validity_agree_with_the_findings() {
    let report = shop().validate(&bad_order(), Profile::Final);
    let c = report.counts();
    assert_eq!(counts(&report), (3, 2, 1));
    assert_eq!(c.of(Severity::Error), 3);
    assert_eq!(c.of(Severity::Warning), 2);
    assert_eq!(c.of(Severity::Info), 1);
    assert_eq!(
        c.error + c.warning + c.info,
        report.findings().len(),
        "every finding is counted once"
    );
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        assert_eq!(report.with_severity(severity).count(), c.of(severity));
        assert!(
            report
                .with_severity(severity)
                .all(|f| f.severity == severity)
        );
    }
    let warnings: Vec<_> = report
        .with_severity(Severity::Warning)
        .map(|f| f.code.as_str())
        .collect();
    assert_eq!(warnings, ["SHOP-LINE-002", "SHOP-ORDER-002"]);
    let code = String::from("SHOP-LINE-001");
    let quantities: Vec<_> = report.with_code(&code).map(|f| f.path.as_str()).collect();
    assert_eq!(quantities, ["/lines/0/quantity", "/lines/2/quantity"]);
    assert_eq!(report.with_code("SHOP-NONE-001").count(), 0);
    assert!(!report.is_empty());
    assert!(!report.is_valid());
}

#[test]
fn warnings_and_information_leave_a_report_valid() {
    let mut order = good_order();
    order.lines.push(line("TEA-1", 1, 2.5)); // a repeated SKU: a warning
    order.notes.insert("gate".to_owned(), String::new()); // an empty note: info
    let report = shop().validate(&order, Profile::Final);
    assert_eq!(counts(&report), (0, 1, 1));
    assert!(report.is_valid());
    assert!(!report.is_empty());
}

#[test]
fn a_report_reads_as_one_finding_per_line_then_a_summary() {
    let report = shop().validate(&bad_order(), Profile::Final);
    assert_eq!(
        report.to_string(),
        "error SHOP-LINE-001 at /lines/0/quantity: Line 1 orders 0 units; a line orders 1 to 100 \
         units\n    \
         hint: Change the quantity or split the line\n\
         error SHOP-LINE-001 at /lines/2/quantity: Line 3 orders 101 units; a line orders 1 to \
         100 units\n    \
         hint: Change the quantity or split the line\n\
         warning SHOP-LINE-002 at /lines/2/sku: Line 3 repeats SKU TEA-1 of line 1\n    \
         see also: /lines/0/sku\n\
         info SHOP-NOTE-001 at /notes/gift~1wrap~0: The note gift/wrap~ is empty\n\
         warning SHOP-ORDER-002 at the document root: The order totals 4.0 JPY, below the minimum of 10.0\n\
         error SHOP-ORDER-003 at /currency: The order is in JPY; the shop bills in EUR\n\
         invalid under the final profile: 3 error(s), 2 warning(s), 1 info"
    );
}

#[test]
fn an_empty_report_reads_as_a_summary_alone() {
    assert_eq!(
        shop().validate(&good_order(), Profile::Draft).to_string(),
        "valid under the draft profile: 0 error(s), 0 warning(s), 0 info"
    );
    assert_eq!(
        shop().validate(&empty_order(), Profile::Draft).to_string(),
        "info SHOP-ORDER-001 at /lines: The order has no lines\n    \
         hint: Add at least one line before submitting the order\n\
         valid under the draft profile: 0 error(s), 0 warning(s), 1 info"
    );
}

#[test]
fn a_finding_reads_as_severity_code_path_and_message_with_its_hint_and_related_paths() {
    let report = shop().validate(&bad_order(), Profile::Final);
    let findings = report.findings();
    assert_eq!(
        findings[0].to_string(),
        "error SHOP-LINE-001 at /lines/0/quantity: Line 1 orders 0 units; a line orders 1 to 100 \
         units\n    hint: Change the quantity or split the line"
    );
    assert_eq!(
        findings[2].to_string(),
        "warning SHOP-LINE-002 at /lines/2/sku: Line 3 repeats SKU TEA-1 of line 1\n    see \
         also: /lines/0/sku"
    );
    // A finding about the whole subject shows its path as `/`.
    assert_eq!(findings[4].path, JsonPointer::root());
    assert_eq!(
        findings[4].to_string(),
        "warning SHOP-ORDER-002 at the document root: The order totals 4.0 JPY, below the minimum of 10.0"
    );
}

#[test]
fn message_templates_are_filled_from_the_arguments_which_are_kept_as_data() {
    let report = shop().validate(&bad_order(), Profile::Final);
    let quantity = &report.findings()[1];
    assert_eq!(quantity.message_key, "shop.line.quantity");
    assert_eq!(
        quantity.message,
        "Line 3 orders 101 units; a line orders 1 to 100 units"
    );
    assert_eq!(
        quantity.args,
        BTreeMap::from([
            ("line".to_owned(), json!(3)),
            ("max".to_owned(), json!(100)),
            ("quantity".to_owned(), json!(101)),
        ])
    );
    assert_eq!(
        quantity.hint.as_deref(),
        Some("Change the quantity or split the line")
    );
    assert!(quantity.related.is_empty());

    // Text goes in without quotes; numbers as JSON writes them.
    let total = report.with_code("SHOP-ORDER-002").next().unwrap();
    assert_eq!(total.args["currency"], json!("JPY"));
    assert_eq!(total.args["total"], json!(4.0));
    assert_eq!(total.args["minimum"], json!(10.0));
    assert_eq!(total.hint, None);

    let duplicate = report.with_code("SHOP-LINE-002").next().unwrap();
    assert_eq!(duplicate.related, [JsonPointer::from("/lines/0/sku")]);
}

#[test]
fn a_placeholder_without_an_argument_is_left_as_written() {
    const PARTIAL: FnRule<Order> = FnRule::new(
        RuleMeta::new(
            "SHOP-PROBE-002",
            "Leaves a placeholder unfilled",
            Severity::Info,
            "A probe for the tests.",
        ),
        |order, _, check| {
            check
                .finding(
                    JsonPointer::root(),
                    "shop.probe.partial",
                    "{currency} order for {customer}, {lines} line(s) {",
                )
                .arg("currency", order.currency.as_str())
                .arg("lines", order.lines.len())
                .arg("unused", true)
                .emit();
        },
    );
    let report = RuleSet::builder()
        .rule(PARTIAL)
        .build()
        .unwrap()
        .validate(&good_order(), Profile::Final);
    assert_eq!(
        report.findings()[0].message,
        "EUR order for {customer}, 2 line(s) {"
    );
    assert_eq!(report.findings()[0].args["unused"], json!(true));
}

#[test]
fn a_report_serializes_to_json_with_every_field() {
    let report = shop().validate(&bad_order(), Profile::Final);
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["profile"], "final");
    assert_eq!(json["counts"], json!({"error": 3, "warning": 2, "info": 1}));
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 6);
    assert_eq!(
        findings[0],
        json!({
            "code": "SHOP-LINE-001",
            "severity": "error",
            "path": "/lines/0/quantity",
            "message": "Line 1 orders 0 units; a line orders 1 to 100 units",
            "message_key": "shop.line.quantity",
            "args": {"line": 1, "max": 100, "quantity": 0},
            "hint": "Change the quantity or split the line"
        })
    );
    assert_eq!(
        findings[2],
        json!({
            "code": "SHOP-LINE-002",
            "severity": "warning",
            "path": "/lines/2/sku",
            "message": "Line 3 repeats SKU TEA-1 of line 1",
            "message_key": "shop.line.duplicate_sku",
            "args": {"first": 1, "line": 3, "sku": "TEA-1"},
            "related": ["/lines/0/sku"]
        })
    );
    assert_eq!(findings[3]["path"], "/notes/gift~1wrap~0");
    assert_eq!(findings[4]["path"], "");
    assert_eq!(findings[4]["severity"], "warning");
}

#[test]
fn a_finding_without_arguments_hint_or_related_paths_leaves_those_fields_out() {
    let report = shop().validate(&empty_order(), Profile::Draft);
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(
        json,
        json!({
            "profile": "draft",
            "counts": {"error": 0, "warning": 0, "info": 1},
            "findings": [{
                "code": "SHOP-ORDER-001",
                "severity": "info",
                "path": "/lines",
                "message": "The order has no lines",
                "message_key": "shop.order.no_lines",
                "hint": "Add at least one line before submitting the order"
            }]
        })
    );
}

#[test]
fn a_report_reads_back_from_its_json() {
    for profile in Profile::ALL {
        for order in [good_order(), bad_order(), empty_order()] {
            let report = shop().validate(&order, profile);
            let back: Report = serde_json::from_str(&report.to_json()).unwrap();
            assert_eq!(back, report);
            assert_eq!(back.to_json(), report.to_json());
            assert_eq!(back.to_string(), report.to_string());
        }
    }
}

#[test]
fn a_report_with_an_unknown_field_does_not_read_back() {
    let report = shop().validate(&good_order(), Profile::Final);
    let mut json: Value = serde_json::from_str(&report.to_json()).unwrap();
    json["extra"] = json!(1);
    assert!(serde_json::from_value::<Report>(json).is_err());
}

// ===========================================================================
// The yes/no check
// ===========================================================================

/// A subject that counts how often its index is built.
#[derive(Default)]
struct Probe {
    index_calls: AtomicUsize,
}

impl Subject for Probe {
    /// The number of the run.
    type Index = usize;

    fn index(&self) -> usize {
        self.index_calls.fetch_add(1, Ordering::SeqCst) + 1
    }
}

/// Which rule ran, in which run.
type Log = Arc<Mutex<Vec<(&'static str, usize)>>>;

/// A rule that logs every call and reports `findings` findings, stopping early
/// once the engine needs no more.
struct Counting {
    meta: RuleMeta,
    findings: usize,
    emitted: Arc<AtomicUsize>,
    log: Log,
}

impl Rule<Probe> for Counting {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, _: &Probe, run: &usize, check: &mut Check<'_>) {
        self.log.lock().unwrap().push((self.meta.code(), *run));
        for i in 0..self.findings {
            if check.is_done() {
                break;
            }
            check
                .finding(JsonPointer::root().index(i), "probe.finding", "Finding {i}")
                .arg("i", i)
                .emit();
            self.emitted.fetch_add(1, Ordering::SeqCst);
        }
    }
}

fn counting(log: &Log, meta: RuleMeta, findings: usize) -> (Counting, Arc<AtomicUsize>) {
    let emitted = Arc::new(AtomicUsize::new(0));
    (
        Counting {
            meta,
            findings,
            emitted: Arc::clone(&emitted),
            log: Arc::clone(log),
        },
        emitted,
    )
}

fn meta(code: &'static str, severity: Severity) -> RuleMeta {
    RuleMeta::new(code, "A counting rule", severity, "A probe for the tests.")
}

fn calls(log: &Log) -> Vec<&'static str> {
    log.lock().unwrap().iter().map(|(code, _)| *code).collect()
}

#[test]
fn the_yes_no_check_stops_at_the_first_error_and_never_runs_warnings() {
    let log = Log::default();
    let (first_error, _) = counting(&log, meta("PROBE-A-001", Severity::Error), 3);
    let (second_error, _) = counting(&log, meta("PROBE-B-001", Severity::Error), 1);
    let (warning, _) = counting(&log, meta("PROBE-0-001", Severity::Warning), 1);
    let (info, _) = counting(&log, meta("PROBE-0-002", Severity::Info), 1);
    let rules = RuleSet::builder()
        .rule(second_error)
        .rule(warning)
        .rule(first_error)
        .rule(info)
        .build()
        .unwrap();
    let probe = Probe::default();

    assert!(!rules.is_valid(&probe, Profile::Final));
    assert_eq!(calls(&log), ["PROBE-A-001"]);

    log.lock().unwrap().clear();
    let report = rules.validate(&probe, Profile::Final);
    assert!(!report.is_valid());
    assert_eq!(
        calls(&log),
        ["PROBE-0-001", "PROBE-0-002", "PROBE-A-001", "PROBE-B-001"]
    );
    assert_eq!(counts(&report), (4, 1, 1));
}

#[test]
fn the_yes_no_check_runs_every_error_rule_when_none_fails() {
    let log = Log::default();
    let (a, _) = counting(&log, meta("PROBE-A-001", Severity::Error), 0);
    let (b, _) = counting(&log, meta("PROBE-B-001", Severity::Error), 0);
    let (w, _) = counting(&log, meta("PROBE-C-001", Severity::Warning), 2);
    let rules = RuleSet::builder().rule(a).rule(b).rule(w).build().unwrap();
    let probe = Probe::default();
    assert!(rules.is_valid(&probe, Profile::Final));
    assert_eq!(calls(&log), ["PROBE-A-001", "PROBE-B-001"]);
    assert!(rules.validate(&probe, Profile::Final).is_valid());
}

#[test]
fn the_yes_no_check_lets_a_rule_stop_after_its_first_finding() {
    let log = Log::default();
    let (many, emitted) = counting(&log, meta("PROBE-A-001", Severity::Error), 5);
    let rules = RuleSet::builder().rule(many).build().unwrap();
    let probe = Probe::default();

    assert!(!rules.is_valid(&probe, Profile::Final));
    assert_eq!(emitted.load(Ordering::SeqCst), 1);

    emitted.store(0, Ordering::SeqCst);
    let report = rules.validate(&probe, Profile::Final);
    assert_eq!(emitted.load(Ordering::SeqCst), 5);
    let messages: Vec<_> = report
        .findings()
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "Finding 0",
            "Finding 1",
            "Finding 2",
            "Finding 3",
            "Finding 4"
        ]
    );
}

#[test]
fn the_yes_no_check_follows_profiles_and_configured_severities() {
    let log = Log::default();
    let (completeness, _) = counting(
        &log,
        meta("PROBE-A-001", Severity::Error).with_draft_severity(Severity::Info),
        1,
    );
    let (final_only, _) = counting(
        &log,
        meta("PROBE-B-001", Severity::Error).with_profiles(&[Profile::Final]),
        1,
    );
    let (raised, _) = counting(&log, meta("PROBE-C-001", Severity::Warning), 0);
    let (lowered, _) = counting(&log, meta("PROBE-D-001", Severity::Error), 1);
    let (disabled, _) = counting(&log, meta("PROBE-E-001", Severity::Error), 1);
    let mut config = Config::default();
    config.rule("PROBE-C-001").severity = Some(Severity::Error);
    config.rule("PROBE-D-001").severity = Some(Severity::Warning);
    config.rule("PROBE-E-001").enabled = Some(false);
    let rules = RuleSet::builder()
        .rule(completeness)
        .rule(final_only)
        .rule(raised)
        .rule(lowered)
        .rule(disabled)
        .config(config)
        .build()
        .unwrap();
    let probe = Probe::default();

    // Under draft, only the raised warning is an error rule.
    assert!(rules.is_valid(&probe, Profile::Draft));
    assert_eq!(calls(&log), ["PROBE-C-001"]);
    assert!(rules.validate(&probe, Profile::Draft).is_valid());

    // Under final, the completeness rule is an error and fails first.
    log.lock().unwrap().clear();
    assert!(!rules.is_valid(&probe, Profile::Final));
    assert_eq!(calls(&log), ["PROBE-A-001"]);
}

#[test]
fn the_index_is_built_once_per_run_and_shared_by_every_rule() {
    let log = Log::default();
    let (a, _) = counting(&log, meta("PROBE-A-001", Severity::Warning), 0);
    let (b, _) = counting(&log, meta("PROBE-B-001", Severity::Error), 0);
    let (c, _) = counting(&log, meta("PROBE-C-001", Severity::Info), 0);
    let rules = RuleSet::builder().rule(a).rule(b).rule(c).build().unwrap();
    let probe = Probe::default();

    let _ = rules.validate(&probe, Profile::Final);
    assert_eq!(probe.index_calls.load(Ordering::SeqCst), 1);
    assert!(rules.is_valid(&probe, Profile::Final));
    assert_eq!(probe.index_calls.load(Ordering::SeqCst), 2);
    assert_eq!(
        *log.lock().unwrap(),
        [
            ("PROBE-A-001", 1),
            ("PROBE-B-001", 1),
            ("PROBE-C-001", 1),
            ("PROBE-B-001", 2),
        ]
    );
}

#[test]
fn the_yes_no_check_agrees_with_the_report_on_the_sample_orders() {
    let configs = [Config::default(), Config::from_toml(SHOP_TOML).unwrap(), {
        let mut c = Config::default();
        for code in ["SHOP-LINE-001", "SHOP-ORDER-003"] {
            c.rule(code).severity = Some(Severity::Warning);
        }
        c
    }];
    for config in configs {
        let rules = shop_with(config);
        for order in [good_order(), bad_order(), empty_order()] {
            for profile in Profile::ALL {
                assert_eq!(
                    rules.is_valid(&order, profile),
                    rules.validate(&order, profile).is_valid(),
                    "{order:?} under {profile}"
                );
            }
        }
    }
}

fn any_order() -> impl Strategy<Value = Order> {
    let line = (
        prop::sample::select(vec!["TEA-1", "MUG-7", "POT-3"]),
        -2_i64..120,
        (0_u8..20).prop_map(|halves| f64::from(halves) / 2.0),
    )
        .prop_map(|(sku, quantity, unit_price)| Line {
            sku: sku.to_owned(),
            quantity,
            unit_price,
        });
    (
        prop::sample::select(vec!["EUR", "USD", "GBP", "JPY"]),
        prop::option::of(Just("WELCOME10".to_owned())),
        prop::collection::vec(line, 0..5),
        prop::collection::btree_map(
            prop::sample::select(vec!["a/b", "c~d", "gate"]).prop_map(str::to_owned),
            prop::sample::select(vec!["", " ", "ring twice"]).prop_map(str::to_owned),
            0..3,
        ),
    )
        .prop_map(|(currency, coupon, lines, notes)| Order {
            currency: currency.to_owned(),
            coupon,
            lines,
            notes,
        })
}

fn any_config() -> impl Strategy<Value = Config> {
    let severity = prop::option::of(prop::sample::select(vec![
        Severity::Info,
        Severity::Warning,
        Severity::Error,
    ]));
    (
        prop::collection::vec((severity, prop::option::of(any::<bool>())), 7),
        1_i64..200,
        prop::sample::select(vec!["EUR", "USD", "GBP"]),
        any::<bool>(),
    )
        .prop_map(|(settings, max_quantity, currency, allow_coupons)| {
            let codes = [
                "SHOP-LINE-001",
                "SHOP-LINE-002",
                "SHOP-NOTE-001",
                "SHOP-ORDER-001",
                "SHOP-ORDER-002",
                "SHOP-ORDER-003",
                "SHOP-ORDER-004",
            ];
            let mut config = param(
                "SHOP-LINE-001",
                "max_quantity",
                ParamValue::Integer(max_quantity),
            );
            config
                .rule("SHOP-ORDER-003")
                .params
                .insert("currency".to_owned(), ParamValue::Text(currency.to_owned()));
            config.rule("SHOP-ORDER-004").params.insert(
                "allow_coupons".to_owned(),
                ParamValue::Boolean(allow_coupons),
            );
            for (code, (severity, enabled)) in codes.into_iter().zip(settings) {
                let rule = config.rule(code);
                rule.severity = severity;
                rule.enabled = enabled;
            }
            config
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_yes_no_check_agrees_with_the_report_on_any_order_and_configuration(
        order in any_order(),
        config in any_config(),
        draft in any::<bool>(),
    ) {
        let profile = if draft { Profile::Draft } else { Profile::Final };
        let rules = shop_with(config);
        let report = rules.validate(&order, profile);
        prop_assert_eq!(rules.is_valid(&order, profile), report.is_valid());
        prop_assert_eq!(report.counts().error == 0, report.is_valid());
        // Deterministic: the same run twice gives the same bytes.
        prop_assert_eq!(rules.validate(&order, profile).to_json(), report.to_json());
    }
}

// ===========================================================================
// Sharing
// ===========================================================================

#[test]
fn rule_sets_reports_and_errors_can_cross_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<RuleSet<Order>>();
    assert_send_sync::<RuleSet<Probe>>();
    assert_send_sync::<RuleSet<Canvas>>();
    assert_send_sync::<Report>();
    assert_send_sync::<BuildError>();
    assert_send_sync::<Config>();
    assert_send_sync::<FnRule<Order>>();
    assert_send_sync::<Box<dyn Rule<Order>>>();
}

#[test]
fn one_rule_set_serves_several_threads_with_identical_reports() {
    let rules = shop_with(Config::from_toml(SHOP_TOML).unwrap());
    let order = bad_order();
    let expected = rules.validate(&order, Profile::Final);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let (rules, order) = (&rules, &order);
                scope.spawn(move || {
                    let profile = if i % 2 == 0 {
                        Profile::Final
                    } else {
                        Profile::Draft
                    };
                    (
                        profile,
                        rules.validate(order, profile),
                        rules.is_valid(order, profile),
                    )
                })
            })
            .collect();
        let draft = rules.validate(&order, Profile::Draft);
        for handle in handles {
            let (profile, report, valid) = handle.join().unwrap();
            let reference = if profile == Profile::Final {
                &expected
            } else {
                &draft
            };
            assert_eq!(&report, reference);
            assert_eq!(report.to_json(), reference.to_json());
            assert_eq!(valid, reference.is_valid());
        }
    });
}

#[test]
fn validating_the_same_subject_twice_gives_byte_identical_json() {
    let rules = shop();
    for profile in Profile::ALL {
        let first = rules.validate(&bad_order(), profile).to_json();
        let second = rules.validate(&bad_order(), profile).to_json();
        assert_eq!(first.as_bytes(), second.as_bytes());
    }
}

// ===========================================================================
// JSON Pointers
// ===========================================================================

#[test]
fn the_root_pointer_is_the_empty_string() {
    assert_eq!(JsonPointer::root().as_str(), "");
    assert_eq!(JsonPointer::root().to_string(), "");
    assert_eq!(JsonPointer::root(), JsonPointer::default());
    assert_eq!(JsonPointer::root(), JsonPointer::from(""));
}

#[test]
fn pointers_grow_by_keys_and_indices() {
    let path = JsonPointer::root().key("lines").index(12).key("sku");
    assert_eq!(path.as_str(), "/lines/12/sku");
    assert_eq!(path.to_string(), "/lines/12/sku");
    assert_eq!(path, JsonPointer::from("/lines/12/sku"));
    assert_eq!(JsonPointer::from("/lines").index(0).as_str(), "/lines/0");
    assert_eq!(JsonPointer::root().key("").as_str(), "/");
}

#[test]
fn keys_are_escaped_tilde_first_then_slash() {
    assert_eq!(JsonPointer::root().key("a/b").as_str(), "/a~1b");
    assert_eq!(JsonPointer::root().key("m~n").as_str(), "/m~0n");
    // A key that looks like an escape is escaped itself.
    assert_eq!(JsonPointer::root().key("~1").as_str(), "/~01");
    assert_eq!(JsonPointer::root().key("/~").as_str(), "/~1~0");
    // Non-ASCII and digits-only keys go in as they are.
    assert_eq!(JsonPointer::root().key("café").key("0").as_str(), "/café/0");
}

#[test]
fn pointers_from_text_are_taken_as_already_escaped() {
    assert_eq!(JsonPointer::from("/a~1b").as_str(), "/a~1b");
    assert_ne!(
        JsonPointer::from("/a/b"),
        JsonPointer::root().key("a/b"),
        "a key with a slash is one step, not two"
    );
}

#[test]
fn pointers_serialize_as_plain_strings_that_resolve_in_the_subjects_json() {
    let path = JsonPointer::root().key("notes").key("gift/wrap~");
    assert_eq!(
        serde_json::to_string(&path).unwrap(),
        r#""/notes/gift~1wrap~0""#
    );
    let back: JsonPointer = serde_json::from_str(r#""/notes/gift~1wrap~0""#).unwrap();
    assert_eq!(back, path);

    // serde_json resolves the same pointer to the escaped key.
    let document = json!({"notes": {"gift/wrap~": "  "}, "lines": [{"sku": "TEA-1"}]});
    assert_eq!(document.pointer(path.as_str()), Some(&json!("  ")));
    let sku = JsonPointer::root().key("lines").index(0).key("sku");
    assert_eq!(document.pointer(sku.as_str()), Some(&json!("TEA-1")));
    assert_eq!(
        document.pointer(JsonPointer::root().as_str()),
        Some(&document)
    );
}

#[test]
fn pointers_order_as_their_text() {
    let mut paths = BTreeSet::new();
    paths.insert(JsonPointer::from("/b"));
    paths.insert(JsonPointer::from("/a/1"));
    paths.insert(JsonPointer::root());
    let sorted: Vec<_> = paths.iter().map(JsonPointer::as_str).collect();
    assert_eq!(sorted, ["", "/a/1", "/b"]);
}

// ===========================================================================
// Describing a rule set
// ===========================================================================

/// Three rules: one with a changed parameter, one with a changed severity, one
/// disabled with a changed parameter.
fn described() -> RuleSet<Order> {
    let config = Config::from_toml(
        r#"
        schema_version = 1

        [rules.SHOP-LINE-001]
        params = { max_quantity = 500 }

        [rules.SHOP-ORDER-001]
        severity = "warning"

        [rules.SHOP-ORDER-003]
        enabled = false
        params = { currency = "GBP" }
        "#,
    )
    .unwrap();
    RuleSet::builder()
        .rule(CURRENCY_RULE)
        .rule(HasLines)
        .rule(LINE_QUANTITY)
        .config(config)
        .build()
        .unwrap()
}

#[test]
fn a_description_lists_every_rule_in_run_order_with_its_settings() {
    let catalogue = described().describe();
    let rules = catalogue.rules();
    let codes: Vec<_> = rules.iter().map(|r| r.code).collect();
    assert_eq!(codes, ["SHOP-LINE-001", "SHOP-ORDER-001", "SHOP-ORDER-003"]);

    let quantity = &rules[0];
    assert_eq!(quantity.title, LINE_QUANTITY.meta().title());
    assert!(quantity.enabled);
    assert_eq!(quantity.severity, Severity::Error);
    assert_eq!(quantity.draft_severity, Severity::Error);
    assert_eq!(quantity.profiles, Profile::ALL);
    assert_eq!(quantity.tags, ["line"]);
    assert_eq!(quantity.params.len(), 1);
    assert_eq!(quantity.params[0].name, "max_quantity");
    assert_eq!(quantity.params[0].kind, "an integer from 1 to 10000");
    assert_eq!(quantity.params[0].default, ParamValue::Integer(100));
    assert_eq!(quantity.params[0].value, ParamValue::Integer(500));
    assert_eq!(
        quantity.params[0].description,
        "The most units one line may order"
    );
    assert_eq!(quantity.rationale, LINE_QUANTITY.meta().rationale());

    assert_eq!(rules[1].severity, Severity::Warning);
    assert_eq!(rules[1].draft_severity, Severity::Warning);
    assert!(!rules[2].enabled);
    assert_eq!(rules[2].params[0].value, ParamValue::Text("GBP".to_owned()));
}

#[test]
fn a_description_in_json_has_codes_titles_severities_and_parameters() {
    let json: Value = serde_json::from_str(&described().describe().to_json()).unwrap();
    assert_eq!(
        json,
        json!({
            "rules": [
                {
                    "code": "SHOP-LINE-001",
                    "title": "Every line orders between one unit and the maximum",
                    "enabled": true,
                    "severity": "error",
                    "draft_severity": "error",
                    "profiles": ["draft", "final"],
                    "tags": ["line"],
                    "params": [{
                        "name": "max_quantity",
                        "type": "an integer from 1 to 10000",
                        "default": 100,
                        "value": 500,
                        "description": "The most units one line may order"
                    }],
                    "rationale": "A line of no units is a mistake, and one of very many is usually a typing slip."
                },
                {
                    "code": "SHOP-ORDER-001",
                    "title": "An order has at least one line",
                    "enabled": true,
                    "severity": "warning",
                    "draft_severity": "warning",
                    "profiles": ["draft", "final"],
                    "tags": ["order", "completeness"],
                    "params": [],
                    "rationale": "An order without lines ships nothing and bills nothing."
                },
                {
                    "code": "SHOP-ORDER-003",
                    "title": "The order is in the shop's currency",
                    "enabled": false,
                    "severity": "error",
                    "draft_severity": "error",
                    "profiles": ["draft", "final"],
                    "tags": ["order"],
                    "params": [{
                        "name": "currency",
                        "type": "one of `EUR`, `USD`, `GBP`",
                        "default": "EUR",
                        "value": "GBP",
                        "description": "The currency the shop bills in"
                    }],
                    "rationale": "The shop cannot bill in a currency it holds no account in."
                }
            ]
        })
    );
}

#[test]
fn a_description_as_text_has_a_paragraph_per_rule() {
    assert_eq!(
        described().describe().to_string(),
        "SHOP-LINE-001  Every line orders between one unit and the maximum\n\
         \x20 severity: error (final), error (draft); profiles: draft, final\n\
         \x20 param max_quantity = 500 (an integer from 1 to 10000; default 100): The most units \
         one line may order\n\
         \x20 why: A line of no units is a mistake, and one of very many is usually a typing \
         slip.\n\
         \n\
         SHOP-ORDER-001  An order has at least one line\n\
         \x20 severity: warning (final), warning (draft); profiles: draft, final\n\
         \x20 why: An order without lines ships nothing and bills nothing.\n\
         \n\
         SHOP-ORDER-003  The order is in the shop's currency\n\
         \x20 severity: error (final), error (draft), disabled; profiles: draft, final\n\
         \x20 param currency = \"GBP\" (one of `EUR`, `USD`, `GBP`; default \"EUR\"): The \
         currency the shop bills in\n\
         \x20 why: The shop cannot bill in a currency it holds no account in.\n"
    );
}

#[test]
fn a_description_in_markdown_has_a_table_then_a_section_per_rule() {
    assert_eq!(
        described().describe().to_markdown(),
        "| code | title | final | draft |\n\
         |---|---|---|---|\n\
         | [`SHOP-LINE-001`](#shop-line-001) | Every line orders between one unit and the \
         maximum | error | error |\n\
         | [`SHOP-ORDER-001`](#shop-order-001) | An order has at least one line | warning | \
         warning |\n\
         | [`SHOP-ORDER-003`](#shop-order-003) | The order is in the shop's currency | error | \
         error |\n\
         \n\
         ### SHOP-LINE-001\n\
         \n\
         **Every line orders between one unit and the maximum**\n\
         \n\
         A line of no units is a mistake, and one of very many is usually a typing slip.\n\
         \n\
         - Severity: error (final), error (draft)\n\
         - Tags: line\n\
         - Parameter `max_quantity`: The most units one line may order (an integer from 1 to \
         10000; default 100; configured 500)\n\
         \n\
         ### SHOP-ORDER-001\n\
         \n\
         **An order has at least one line**\n\
         \n\
         An order without lines ships nothing and bills nothing.\n\
         \n\
         - Severity: warning (final), warning (draft)\n\
         - Tags: order, completeness\n\
         \n\
         ### SHOP-ORDER-003\n\
         \n\
         **The order is in the shop's currency**\n\
         \n\
         *Disabled in this configuration.*\n\
         \n\
         The shop cannot bill in a currency it holds no account in.\n\
         \n\
         - Severity: error (final), error (draft)\n\
         - Tags: order\n\
         - Parameter `currency`: The currency the shop bills in (one of `EUR`, `USD`, `GBP`; \
         default \"EUR\"; configured \"GBP\")\n"
    );
}

#[test]
fn a_description_in_markdown_shows_configured_values_and_disabled_rules() {
    let markdown = described().describe().to_markdown();
    assert!(markdown.contains("500"), "{markdown}");
    assert!(markdown.contains("GBP"), "{markdown}");
    assert!(markdown.contains("Disabled"), "{markdown}");
}

#[test]
fn each_output_of_a_description_names_every_rule_and_parameter() {
    let catalogue = shop().describe();
    let outputs = [
        catalogue.to_string(),
        catalogue.to_markdown(),
        catalogue.to_json(),
    ];
    for rule in shop().rules() {
        let meta = rule.meta();
        for output in &outputs {
            assert!(output.contains(meta.code()), "{} in {output}", meta.code());
            assert!(
                output.contains(meta.title()),
                "{} in {output}",
                meta.title()
            );
            assert!(output.contains(meta.severity().as_str()));
            for spec in meta.params() {
                assert!(output.contains(spec.name()), "{} in {output}", spec.name());
                assert!(output.contains(spec.description()));
            }
        }
    }
}

// ===========================================================================
// The canvas catalogue as a whole
// ===========================================================================

/// `CANVAS-[A-Z]+-[0-9]{3}`.
fn is_canvas_code(code: &str) -> bool {
    let mut parts = code.split('-');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("CANVAS"), Some(area), Some(number), None)
            if !area.is_empty()
                && area.bytes().all(|b| b.is_ascii_uppercase())
                && number.len() == 3
                && number.bytes().all(|b| b.is_ascii_digit())
    )
}

#[test]
fn the_code_pattern_check_itself_is_right() {
    assert!(is_canvas_code("CANVAS-HORIZON-003"));
    for bad in [
        "CANVAS-HORIZON-03",
        "CANVAS-HORIZON-0003",
        "CANVAS--003",
        "CANVAS-H0RIZON-003",
        "canvas-HORIZON-003",
        "CANVAS-HORIZON-003-A",
        "SHOP-HORIZON-003",
    ] {
        assert!(!is_canvas_code(bad), "{bad}");
    }
}

#[test]
fn every_canvas_rule_has_a_unique_well_formed_code_a_title_and_a_rationale() {
    let catalogue = rules::canvas();
    assert!(!catalogue.is_empty());
    let mut seen = BTreeSet::new();
    for rule in &catalogue {
        let meta = rule.meta();
        let code = meta.code();
        assert!(is_canvas_code(code), "malformed code {code}");
        assert!(seen.insert(code), "{code} is used twice");
        assert!(!meta.title().trim().is_empty(), "{code} has no title");
        let rationale = meta.rationale().trim();
        assert!(
            rationale.split_whitespace().count() >= 6
                && rationale.ends_with('.')
                && rationale.starts_with(|c: char| c.is_uppercase()),
            "{code} needs a rationale of at least a sentence: {rationale:?}"
        );
        assert!(!meta.profiles().is_empty(), "{code} never runs");
    }
}

#[test]
fn a_set_of_the_canvas_catalogue_runs_its_rules_in_code_order() {
    // `rules::canvas()` lists the rules by theme; the built set orders them by code.
    let set = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap();
    let codes: Vec<_> = set.rules().map(|r| r.meta().code()).collect();
    let mut sorted: Vec<_> = rules::canvas().iter().map(|r| r.meta().code()).collect();
    sorted.sort_unstable();
    assert_eq!(codes, sorted);
}

#[test]
fn the_canvas_catalogue_builds_with_a_default_configuration() {
    let set = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .config(Config::default())
        .build()
        .unwrap();
    assert_eq!(set.len(), rules::canvas().len());
    assert!(set.rules().all(|r| r.enabled()));
    // Every declared parameter is in force with its default.
    for rule in set.rules() {
        let declared: Vec<_> = rule
            .meta()
            .params()
            .iter()
            .map(|s| (s.name(), s.default_value()))
            .collect();
        let in_force: Vec<_> = rule.params().iter().map(|(n, v)| (n, v.clone())).collect();
        assert_eq!(in_force, declared, "{}", rule.meta().code());
    }
    let markdown = set.describe().to_markdown();
    assert_eq!(
        markdown.matches("\n### CANVAS-").count(),
        set.len(),
        "one section per rule"
    );
}

#[test]
fn the_canvas_catalogue_extends_with_a_services_own_rules() {
    const HOUSE_RULE: FnRule<Canvas> = FnRule::new(
        RuleMeta::new(
            "ACME-CANVAS-001",
            "The canvas names its organization",
            Severity::Warning,
            "Our portal files canvases by organization.",
        ),
        |canvas, _, check| {
            if canvas.metadata.organization.trim().is_empty() {
                check
                    .finding(
                        JsonPointer::root().key("metadata").key("organization"),
                        "acme.canvas.organization",
                        "The canvas names no organization",
                    )
                    .emit();
            }
        },
    );
    let set = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .rule(HOUSE_RULE)
        .build()
        .unwrap();
    assert_eq!(set.len(), rules::canvas().len() + 1);
    assert_eq!(set.rules().next().unwrap().meta().code(), "ACME-CANVAS-001");
    let report = set.validate(&Canvas::new("Strategy", " "), Profile::Draft);
    assert_eq!(
        report
            .with_code("ACME-CANVAS-001")
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["warning ACME-CANVAS-001 at /metadata/organization: The canvas names no organization"]
    );
}

#[test]
fn a_rule_that_declares_itself_inconsistently_is_refused() {
    const LIMIT: IntegerParam = IntegerParam::new("limit", "A limit", 50, 1, 10);
    const TWICE: IntegerParam = IntegerParam::new("twice", "Declared twice", 1, 0, 5);
    const BAD: RuleMeta = RuleMeta::new(
        "SHOP-BAD-001",
        "Declares itself badly",
        Severity::Info,
        "Only here to be refused.",
    )
    .with_profiles(&[])
    .with_params(&[LIMIT.spec(), TWICE.spec(), TWICE.spec()]);
    let err = RuleSet::<Order>::builder()
        .rule(FnRule::<Order>::new(BAD, |_, _, _| {}))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid rule set: 3 problems\n  \
         - rule `SHOP-BAD-001` runs in no profile\n  \
         - the default 50 of parameter `limit` of rule `SHOP-BAD-001` is not an integer from 1 to 10\n  \
         - rule `SHOP-BAD-001` declares the parameter `twice` twice"
    );
    assert!(err.problems().iter().all(|p| p.is_bad_declaration()));
}

#[test]
fn a_misspelt_parameter_gets_a_suggestion() {
    let mut config = Config::default();
    config
        .rule("SHOP-LINE-001")
        .params
        .insert("max_quantiy".to_owned(), ParamValue::Integer(5));
    let err = shop_builder().config(config).build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid rule set: rule `SHOP-LINE-001` has no parameter `max_quantiy` (did you mean \
         `max_quantity`?): its parameters are `max_quantity`"
    );
}

#[test]
fn a_report_whose_counts_disagree_with_its_findings_is_refused() {
    let text = r#"{"profile":"final","counts":{"error":0,"warning":0,"info":0},"findings":[
        {"code":"SHOP-ORDER-001","severity":"error","path":"/lines","message":"m","message_key":"k"}]}"#;
    let err = serde_json::from_str::<Report>(text).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "the report's counts (0 error, 0 warning, 0 info) do not match its findings \
             (1 error, 0 warning, 0 info)"
        ),
        "{err}"
    );
}

// ===========================================================================
// Folding: a finding that is the cause of others carries them
// ===========================================================================

/// One finding a script asks for: which rule emits it, where, how severe,
/// what it is the cause of, and what else it concerns.
#[derive(Clone, Debug)]
struct Spec {
    rule: usize,
    path: &'static str,
    severity: Severity,
    covers: Option<&'static str>,
    concerns: Vec<&'static str>,
}

/// A subject that is a list of the findings to emit, so that each test can
/// lay out causes and findings as it needs.
#[derive(Clone, Debug, Default)]
struct Script(Vec<Spec>);

impl Subject for Script {
    type Index = ();
    fn index(&self) {}
}

fn at(rule: usize, path: &'static str, severity: Severity) -> Spec {
    Spec {
        rule,
        path,
        severity,
        covers: None,
        concerns: Vec::new(),
    }
}

fn cause(rule: usize, path: &'static str, severity: Severity, covers: &'static str) -> Spec {
    Spec {
        covers: Some(covers),
        ..at(rule, path, severity)
    }
}

fn emit_script(script: &Script, rule: usize, check: &mut Check<'_>) {
    for (i, spec) in script.0.iter().enumerate().filter(|(_, s)| s.rule == rule) {
        let mut finding = check
            .finding(
                JsonPointer::from(spec.path),
                "script.finding",
                "finding {n}",
            )
            .arg("n", i)
            .at_most(spec.severity);
        if let Some(covers) = spec.covers {
            finding = finding.causes(JsonPointer::from(covers));
        }
        for concern in &spec.concerns {
            finding = finding.concerns(JsonPointer::from(*concern));
        }
        finding.emit();
    }
}

fn script_rules() -> RuleSet<Script> {
    const FIRST: RuleMeta = RuleMeta::new(
        "FOLD-FIRST-001",
        "The first rule of a script",
        Severity::Error,
        "Emits the findings of rule 0.",
    );
    const SECOND: RuleMeta = RuleMeta::new(
        "FOLD-SECOND-001",
        "The second rule of a script",
        Severity::Error,
        "Emits the findings of rule 1.",
    );
    RuleSet::builder()
        .rule(FnRule::<Script>::new(FIRST, |s, _, c| emit_script(s, 0, c)))
        .rule(FnRule::<Script>::new(SECOND, |s, _, c| {
            emit_script(s, 1, c)
        }))
        .build()
        .unwrap()
}

/// The message (`finding N`, N the spec's position) of each standing finding,
/// with those folded into it, nested.
fn tree(report: &Report) -> Vec<(String, Vec<String>)> {
    fn messages(finding: &customer_strategy::validate::Finding) -> Vec<String> {
        let mut out = Vec::new();
        for inner in &finding.folded {
            out.push(inner.message.clone());
            out.extend(messages(inner).into_iter().map(|m| format!("  {m}")));
        }
        out
    }
    report
        .findings()
        .iter()
        .map(|f| (f.message.clone(), messages(f)))
        .collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn a_cause_folds_every_finding_at_or_under_its_pointer() {
    let script = Script(vec![
        cause(0, "/a", Severity::Error, "/a"),
        at(0, "/a/b", Severity::Error),
        at(1, "/a", Severity::Warning),
        at(1, "/ab", Severity::Error),
        at(1, "/b/a", Severity::Info),
        at(1, "/a/b/0/c", Severity::Info),
    ]);
    let report = script_rules().validate(&script, Profile::Final);
    assert_eq!(
        tree(&report),
        [
            (
                "finding 0".to_owned(),
                strings(&["finding 1", "finding 2", "finding 5"])
            ),
            ("finding 3".to_owned(), vec![]),
            ("finding 4".to_owned(), vec![]),
        ]
    );
    let counts = report.counts();
    assert_eq!(
        (counts.error, counts.warning, counts.info, counts.folded),
        (2, 0, 1, 3)
    );
    assert_eq!(report.folded_count(), 3);
    assert_eq!(report.findings()[0].folded_count(), 3);
    let all: Vec<&str> = report.all_findings().map(|f| f.message.as_str()).collect();
    assert_eq!(
        all,
        [
            "finding 0",
            "finding 1",
            "finding 2",
            "finding 5",
            "finding 3",
            "finding 4"
        ]
    );
    let text = report.to_string();
    assert!(
        text.contains("    (+3 implied finding(s) folded)\n"),
        "{text}"
    );
    assert!(!text.contains("finding 1"), "{text}");
    assert!(
        text.ends_with(
            "invalid under the final profile: 2 error(s), 0 warning(s), 1 info, and 3 implied finding(s) folded into them"
        ),
        "{text}"
    );
    let alternate = format!("{report:#}");
    assert!(
        alternate.contains("\n    - error FOLD-FIRST-001 at /a/b: finding 1\n"),
        "{alternate}"
    );
    // The JSON carries the folded findings under their cause.
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["counts"]["folded"], 3);
    assert_eq!(json["findings"][0]["covers"], "/a");
    assert_eq!(json["findings"][0]["folded"][1]["path"], "/a");
    assert_eq!(json["findings"][0]["folded"][1]["severity"], "warning");
    assert!(json["findings"][1].get("folded").is_none());
}

#[test]
fn without_a_reported_cause_nothing_folds() {
    let plain = Script(vec![
        at(0, "/a", Severity::Error),
        at(0, "/a/b", Severity::Error),
        Spec {
            concerns: vec!["/a"],
            ..at(1, "/c", Severity::Warning)
        },
    ]);
    let report = script_rules().validate(&plain, Profile::Final);
    assert_eq!(report.findings().len(), 3);
    assert_eq!(report.folded_count(), 0);
    let json = report.to_json();
    assert!(!json.contains("folded"), "{json}");
    assert!(!json.contains("covers"), "{json}");
    // `concerns` is data of the finding, written whether or not it folds.
    assert!(json.contains("\"concerns\""), "{json}");
    assert!(!report.to_string().contains("folded"));

    // A cause with nothing under it folds nothing and stands as any finding.
    let lonely = Script(vec![
        cause(0, "/x", Severity::Error, "/x"),
        at(1, "/y", Severity::Error),
    ]);
    let report = script_rules().validate(&lonely, Profile::Final);
    assert_eq!(report.findings().len(), 2);
    assert!(report.findings()[0].folded.is_empty());
    assert_eq!(report.folded_count(), 0);
}

#[test]
fn a_finding_more_severe_than_the_cause_stands_beside_it() {
    let script = Script(vec![
        cause(0, "/a", Severity::Warning, "/a"),
        at(1, "/a/b", Severity::Error),
        at(1, "/a/c", Severity::Warning),
        at(1, "/a/d", Severity::Info),
    ]);
    let rules = script_rules();
    let report = rules.validate(&script, Profile::Final);
    assert_eq!(
        tree(&report),
        [
            ("finding 0".to_owned(), strings(&["finding 2", "finding 3"])),
            ("finding 1".to_owned(), vec![]),
        ]
    );
    // The error stands, so the report is invalid, and the fast check agrees.
    assert!(!report.is_valid());
    assert!(!rules.is_valid(&script, Profile::Final));
}

#[test]
fn nested_causes_fold_into_the_deepest_and_it_into_the_outer() {
    let script = Script(vec![
        cause(0, "/a", Severity::Error, "/a"),
        cause(1, "/a/b", Severity::Error, "/a/b"),
        at(1, "/a/b/c", Severity::Error),
        at(1, "/a/d", Severity::Error),
        at(0, "/a/b/e", Severity::Warning),
    ]);
    let report = script_rules().validate(&script, Profile::Final);
    // Report order: FOLD-FIRST-001 (0, 4) then FOLD-SECOND-001 (1, 2, 3).
    assert_eq!(
        tree(&report),
        [(
            "finding 0".to_owned(),
            strings(&["finding 1", "  finding 4", "  finding 2", "finding 3"])
        )]
    );
    assert_eq!(report.folded_count(), 4);
    assert_eq!(report.findings()[0].folded[0].folded_count(), 2);
    assert_eq!(report.counts().error, 1);
    let all: Vec<&str> = report.all_findings().map(|f| f.message.as_str()).collect();
    assert_eq!(
        all,
        [
            "finding 0",
            "finding 1",
            "finding 4",
            "finding 2",
            "finding 3"
        ]
    );
    // The alternate text indents each level.
    let alternate = format!("{report:#}");
    assert!(
        alternate.contains("\n        - warning FOLD-FIRST-001 at /a/b/e: finding 4"),
        "{alternate}"
    );
}

#[test]
fn a_cause_is_folded_only_by_what_it_covers() {
    // A cause whose path lies under another's pointer but which covers a
    // place elsewhere stands; causes of the same pointer fold into the first.
    let script = Script(vec![
        cause(0, "/a", Severity::Error, "/a"),
        cause(0, "/a/x", Severity::Error, "/c"),
        at(1, "/c/d", Severity::Error),
        cause(1, "/a", Severity::Error, "/a"),
        at(1, "/a/y", Severity::Error),
    ]);
    let report = script_rules().validate(&script, Profile::Final);
    assert_eq!(
        tree(&report),
        [
            ("finding 0".to_owned(), strings(&["finding 3", "finding 4"])),
            ("finding 1".to_owned(), strings(&["finding 2"])),
        ]
    );
    // A less severe cause of the same pointer folds into a more severe one,
    // but never the other way round.
    let script = Script(vec![
        cause(0, "/a", Severity::Warning, "/a"),
        cause(1, "/a", Severity::Error, "/a"),
        at(1, "/a/b", Severity::Info),
    ]);
    let report = script_rules().validate(&script, Profile::Final);
    assert_eq!(
        tree(&report),
        [
            ("finding 0".to_owned(), strings(&["finding 2"])),
            ("finding 1".to_owned(), vec![]),
        ]
    );
}

#[test]
fn a_finding_elsewhere_folds_by_what_it_concerns_when_its_path_does_not() {
    let script = Script(vec![
        cause(0, "/a", Severity::Error, "/a"),
        cause(0, "/b", Severity::Error, "/b"),
        Spec {
            concerns: vec!["/a/items"],
            ..at(1, "/goal/0", Severity::Warning)
        },
        // Its own path is under /b: that wins over what it concerns.
        Spec {
            concerns: vec!["/a"],
            ..at(1, "/b/c", Severity::Error)
        },
        // The first concern a cause covers takes it.
        Spec {
            concerns: vec!["/z", "/b/q", "/a"],
            ..at(1, "/goal/1", Severity::Info)
        },
    ]);
    let report = script_rules().validate(&script, Profile::Final);
    assert_eq!(
        tree(&report),
        [
            ("finding 0".to_owned(), strings(&["finding 2"])),
            ("finding 1".to_owned(), strings(&["finding 3", "finding 4"])),
        ]
    );
}

#[test]
fn a_cause_of_the_root_covers_the_whole_subject() {
    let script = Script(vec![
        cause(0, "", Severity::Error, ""),
        cause(1, "/a", Severity::Error, "/a"),
        at(1, "/a/b", Severity::Error),
        at(1, "/c", Severity::Error),
        at(1, "", Severity::Warning),
    ]);
    let report = script_rules().validate(&script, Profile::Final);
    assert_eq!(
        tree(&report),
        [(
            "finding 0".to_owned(),
            strings(&["finding 1", "  finding 2", "finding 3", "finding 4"])
        )]
    );
    assert!(
        report
            .to_string()
            .starts_with("error FOLD-FIRST-001 at the document root")
    );
}

#[test]
fn a_report_written_before_folding_still_reads_and_a_bad_fold_does_not() {
    let old = r#"{"profile":"final","counts":{"error":1,"warning":0,"info":0},"findings":[
        {"code":"SHOP-ORDER-001","severity":"error","path":"/lines","message":"m","message_key":"k"}]}"#;
    let report: Report = serde_json::from_str(old).unwrap();
    assert_eq!(report.folded_count(), 0);
    assert_eq!(report.findings()[0].folded.len(), 0);

    // The counts must say how many are folded.
    let folded = |count: usize, outer: &str, inner: &str| {
        format!(
            r#"{{"profile":"final","counts":{{"error":{},"warning":{},"info":0,"folded":{count}}},"findings":[
            {{"code":"A-1","severity":"{outer}","path":"/a","message":"m","message_key":"k","covers":"/a",
              "folded":[{{"code":"B-1","severity":"{inner}","path":"/a/b","message":"m","message_key":"k"}}]}}]}}"#,
            usize::from(outer == "error"),
            usize::from(outer == "warning"),
        )
    };
    let report: Report = serde_json::from_str(&folded(1, "error", "warning")).unwrap();
    assert_eq!(report.folded_count(), 1);
    assert_eq!(
        serde_json::from_str::<Report>(&report.to_json()).unwrap(),
        report
    );
    let err = serde_json::from_str::<Report>(&folded(0, "error", "warning")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the report's counts (1 error, 0 warning, 0 info) do not match its findings (1 error, 0 warning, 0 info, 1 folded)"),
        "{err}"
    );
    // An error folded into a warning would hide it: refused.
    let err = serde_json::from_str::<Report>(&folded(1, "warning", "error")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("a error finding B-1 is folded into a warning finding A-1"),
        "{err}"
    );
}

fn arb_pointer() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "", "/a", "/a/b", "/a/b/c", "/a/bc", "/b", "/b/a", "/ab",
    ])
}

fn arb_severity() -> impl Strategy<Value = Severity> {
    prop::sample::select(vec![Severity::Info, Severity::Warning, Severity::Error])
}

fn arb_spec() -> impl Strategy<Value = Spec> {
    (
        0..2usize,
        arb_pointer(),
        arb_severity(),
        prop::option::weighted(0.3, arb_pointer()),
        prop::collection::vec(arb_pointer(), 0..2),
    )
        .prop_map(|(rule, path, severity, covers, concerns)| Spec {
            rule,
            path,
            severity,
            covers,
            concerns,
        })
}

fn covered(pointer: &str, by: &str) -> bool {
    pointer
        .strip_prefix(by)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

proptest! {
    #[test]
    fn folding_keeps_every_finding_once_and_agrees_with_the_fast_check(
        specs in prop::collection::vec(arb_spec(), 0..12)
    ) {
        let rules = script_rules();
        let script = Script(specs.clone());
        let report = rules.validate(&script, Profile::Final);
        // Every finding once, standing or folded.
        let mut seen: Vec<String> = report.all_findings().map(|f| f.message.clone()).collect();
        seen.sort();
        let mut wanted: Vec<String> = (0..specs.len()).map(|i| format!("finding {i}")).collect();
        wanted.sort();
        prop_assert_eq!(seen, wanted);
        prop_assert_eq!(report.all_findings().count(), report.findings().len() + report.folded_count());
        // Validity is unchanged by folding, and the fast check agrees.
        let any_error = specs.iter().any(|s| s.severity == Severity::Error);
        prop_assert_eq!(report.is_valid(), !any_error);
        prop_assert_eq!(rules.is_valid(&script, Profile::Final), report.is_valid());
        for finding in report.all_findings() {
            // Nothing is folded into a less severe finding, or into one that
            // does not cover it.
            for inner in &finding.folded {
                prop_assert!(inner.severity <= finding.severity);
                let covers = finding.covers.as_ref().unwrap().as_str();
                let by = match &inner.covers {
                    Some(own) => covered(own.as_str(), covers),
                    None => std::iter::once(&inner.path)
                        .chain(inner.concerns.iter())
                        .any(|p| covered(p.as_str(), covers)),
                };
                prop_assert!(by, "{} folded into {}", inner.message, finding.message);
            }
        }
        // Folding is complete: no standing finding is left that a standing
        // cause at least as severe covers by its path.
        for standing in report.findings().iter().filter(|f| f.covers.is_none()) {
            for cause in report.findings().iter().filter(|f| f.covers.is_some()) {
                prop_assert!(
                    !(cause.severity >= standing.severity && cause.covers_pointer(&standing.path)),
                    "{} stands beside {}", standing.message, cause.message
                );
            }
        }
        // Deterministic, and the JSON reads back the same.
        let json = report.to_json();
        prop_assert_eq!(&json, &rules.validate(&script, Profile::Final).to_json());
        prop_assert_eq!(serde_json::from_str::<Report>(&json).unwrap(), report);
    }
}
