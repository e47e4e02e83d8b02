//! Round trips: any valid canvas survives JSON and TOML unchanged.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use customer_strategy::{
    Canvas, CustomerObjective, Direction, Document, Lifecycle, Metric, Perspective, Share, Target,
};
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, RngAlgorithm};

/// Cases per property: enough to reach every variant and tricky string many times
/// over, while the three properties together stay within a few seconds in debug.
/// Set `PROPTEST_CASES` for a deeper run.
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            default.cases
        } else {
            CASES
        },
        // Failing seeds go to `tests/proptest-regressions/roundtrip.txt`, to be
        // committed so that every later run replays them first.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/proptest-regressions/roundtrip.txt",
        ))),
        // Generating deep canvases is dominated by the random number generator in
        // debug builds; XorShift is about five times faster than the default ChaCha.
        rng_algorithm: RngAlgorithm::XorShift,
        ..default
    }
}

proptest! {
    #![proptest_config(config())]

    /// Writing a canvas as JSON and loading it back gives the same canvas.
    #[test]
    fn any_canvas_survives_json(canvas in support::canvas()) {
        let json = canvas.to_json().unwrap();
        let loaded = Canvas::from_json(&json)
            .unwrap_or_else(|e| panic!("{e}\n--- written JSON ---\n{json}"));
        prop_assert_eq!(loaded, canvas, "written JSON:\n{}", json);
    }

    /// Writing a canvas as TOML and loading it back gives the same canvas.
    #[test]
    fn any_canvas_survives_toml(canvas in support::canvas()) {
        let toml = canvas.to_toml().unwrap();
        let loaded = Canvas::from_toml(&toml)
            .unwrap_or_else(|e| panic!("{e}\n--- written TOML ---\n{toml}"));
        prop_assert_eq!(loaded, canvas, "written TOML:\n{}", toml);
    }

    /// JSON converted to TOML and back is byte for byte the JSON it started from.
    #[test]
    fn json_to_toml_to_json_is_byte_identical(
        canvas in support::canvas(),
    ) {
        let json = canvas.to_json().unwrap();
        let toml = Canvas::from_json(&json).unwrap().to_toml().unwrap();
        let again = Canvas::from_toml(&toml)
            .unwrap_or_else(|e| panic!("{e}\n--- written TOML ---\n{toml}"))
            .to_json()
            .unwrap();
        prop_assert_eq!(again, json, "intermediate TOML:\n{}", toml);
    }
}

/// JSON keeps every bit of every float.
#[test]
fn json_reads_back_every_float_exactly() {
    let mut canvas = Canvas::new("Customer strategy", "Northgate Coffee");
    let mut objective = CustomerObjective::new("Keep", Lifecycle::Retain);
    objective.investment_share = Some(Share::new(0.999_999_999_999_999_9).unwrap());
    canvas.add_objective(objective);
    let mut metric = Metric::new("Net Promoter Score", Perspective::Customer);
    metric.target = Some(Target {
        value: 99.999_999_999_999_99,
        unit: "points".to_owned(),
        direction: Direction::AtLeast,
        due: None,
    });
    canvas.add_metric(metric);

    let loaded = Canvas::from_json(&canvas.to_json().unwrap()).unwrap();

    assert_eq!(loaded, canvas);
}
