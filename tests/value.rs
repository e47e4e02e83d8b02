//! The value analysis and the customer measures, on examples computed by hand:
//! every number asserted exactly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::float_cmp
)]

use customer_strategy::{
    AnalysisOptions, AttributeKind, CanvasLink, Document, RatingScale, ValueStudy, analyse, ces,
    churn_rate, csat, nps, retention_rate,
};

/// Us against two competitors on two quality attributes and one price
/// attribute, rated by five customers each; price counts for a quarter.
///
/// | attribute | weight | us            | a             | b             |
/// |-----------|--------|---------------|---------------|---------------|
/// | advice    | 0.5    | 4 6 7 8 10 →7 | 2 3 4 5 6 →4  | 4 4 4 4 4 →4  |
/// | speed     | 0.5    | 6 6 6 6 6 →6  | 8 8 8 8 8 →8  | 8 8 8 8 8 →8  |
/// | rate      | 1      | 6 6 6 6 6 →6  | 8 8 8 8 8 →8  | 4 4 4 4 4 →4  |
const STUDY: &str = r#"
schema_version = 1
name = "Hand-computed example"
market = "Mortgages"
as_of = "2026-03-31"
price_weight = 0.25
our_offer = { id = "us", name = "Harbour Bank" }
competitors = [{ id = "a", name = "Meridian" }, { id = "b", name = "QuickKey" }]

[[quality]]
id = "advice"
name = "Advice"
weight = 0.5
speaks_to = { value_element = "7a000000-0000-4000-8000-000000000003" }

[[quality]]
id = "speed"
name = "Speed of decision"
weight = 0.5
speaks_to = { need = "ee000000-0000-4000-8000-000000000002" }

[[price]]
id = "rate"
name = "Rate"
weight = 1.0

[[responses]]
customer_of = "us"
ratings = { us = { advice = 4, speed = 6, rate = 6 }, a = { advice = 2, speed = 8, rate = 8 }, b = { advice = 4, speed = 8, rate = 4 } }
[[responses]]
customer_of = "us"
ratings = { us = { advice = 6, speed = 6, rate = 6 }, a = { advice = 3, speed = 8, rate = 8 }, b = { advice = 4, speed = 8, rate = 4 } }
[[responses]]
customer_of = "a"
ratings = { us = { advice = 7, speed = 6, rate = 6 }, a = { advice = 4, speed = 8, rate = 8 }, b = { advice = 4, speed = 8, rate = 4 } }
[[responses]]
customer_of = "b"
ratings = { us = { advice = 8, speed = 6, rate = 6 }, a = { advice = 5, speed = 8, rate = 8 }, b = { advice = 4, speed = 8, rate = 4 } }
[[responses]]
ratings = { us = { advice = 10, speed = 6, rate = 6 }, a = { advice = 6, speed = 8, rate = 8 }, b = { advice = 4, speed = 8, rate = 4 } }
"#;

fn study() -> ValueStudy {
    ValueStudy::from_toml(STUDY).unwrap()
}

#[test]
fn means_counts_and_standard_errors_per_offer_and_attribute() {
    let result = analyse(&study(), &AnalysisOptions::default());
    let advice = &result.attributes[0];
    let figures: Vec<_> = advice
        .offers
        .iter()
        .map(|o| {
            (
                o.offer.as_str(),
                o.count,
                o.mean,
                o.standard_error,
                o.reported,
            )
        })
        .collect();
    // us: Σx = 35, Σx² = 265, s² = (265 − 35²/5) / 4 = 5, SE = √(5/5) = 1.
    // a: Σx = 20, Σx² = 90, s² = (90 − 80) / 4 = 2.5, SE = √0.5.
    // b: no spread at all.
    assert_eq!(
        figures,
        [
            ("us", 5, Some(7.0), Some(1.0), true),
            ("a", 5, Some(4.0), Some(0.5_f64.sqrt()), true),
            ("b", 5, Some(4.0), Some(0.0), true),
        ]
    );
    assert_eq!(advice.competitors_mean, Some(4.0));
    assert_eq!(advice.ratio, Some(1.75));
    assert_eq!(advice.weight, 0.5);
    assert_eq!(advice.worth_weight, 0.375);
    assert_eq!(advice.kind, AttributeKind::Quality);
}

#[test]
fn ratios_head_to_head_scores_and_cva() {
    let result = analyse(&study(), &AnalysisOptions::default());
    let ratios: Vec<_> = result.attributes.iter().map(|a| a.ratio).collect();
    // advice 7/4, speed 6/8, rate 6/((8 + 4)/2).
    assert_eq!(ratios, [Some(1.75), Some(0.75), Some(1.0)]);
    let head: Vec<Vec<_>> = result
        .attributes
        .iter()
        .map(|a| a.head_to_head.iter().map(|h| h.ratio).collect())
        .collect();
    assert_eq!(
        head,
        [
            vec![Some(1.75), Some(1.75)],
            vec![Some(0.75), Some(0.75)],
            vec![Some(0.75), Some(1.5)],
        ]
    );
    // Q = 0.5 × 1.75 + 0.5 × 0.75 = 1.25; P = 1; CVA = 0.75 × 1.25 + 0.25 × 1.
    assert_eq!(result.overall.quality, Some(1.25));
    assert_eq!(result.overall.price, Some(1.0));
    assert_eq!(result.overall.relative_price, Some(1.0));
    assert_eq!(result.cva(), Some(1.1875));
    // Against Meridian: P = 0.75, relative price 4/3, CVA = 0.9375 + 0.1875.
    let meridian = &result.head_to_head[0];
    assert_eq!(meridian.name, "Meridian");
    assert_eq!(meridian.scores.quality, Some(1.25));
    assert_eq!(meridian.scores.price, Some(0.75));
    assert_eq!(meridian.scores.relative_price, Some(4.0 / 3.0));
    assert_eq!(meridian.scores.cva, Some(1.125));
    // Against QuickKey: P = 1.5, relative price 2/3, CVA = 0.9375 + 0.375.
    let quickkey = &result.head_to_head[1];
    assert_eq!(quickkey.scores.price, Some(1.5));
    assert_eq!(quickkey.scores.relative_price, Some(1.0 / 1.5));
    assert_eq!(quickkey.scores.cva, Some(1.3125));
}

#[test]
fn value_map_positions_and_distances_from_the_fair_value_line() {
    let result = analyse(&study(), &AnalysisOptions::default());
    let ours = &result.value_map[0];
    assert!(ours.ours);
    assert_eq!(ours.relative_quality, Some(1.25));
    assert_eq!(ours.relative_price, Some(1.0));
    assert_eq!(ours.distance, Some(0.25));
    // Meridian against the mean of us and QuickKey:
    // advice 4 / 5.5, speed 8 / 7, rate 8 / 5.
    let meridian = &result.value_map[1];
    assert!(!meridian.ours);
    let quality = 0.5 * (4.0 / 5.5) + 0.5 * (8.0 / 7.0);
    assert_eq!(meridian.relative_quality, Some(quality));
    assert_eq!(meridian.relative_price, Some(1.0 / 1.6));
    assert_eq!(meridian.distance, Some(quality - 0.625));
    // QuickKey: advice 4 / 5.5, speed 8 / 7, rate 4 / 7.
    let quickkey = &result.value_map[2];
    assert_eq!(quickkey.relative_quality, Some(quality));
    assert_eq!(quickkey.relative_price, Some(1.0 / (4.0 / 7.0)));
}

#[test]
fn where_to_act_ranks_by_weight_times_shortfall_with_the_canvas_link() {
    let result = analyse(&study(), &AnalysisOptions::default());
    let ranked: Vec<_> = result
        .where_to_act
        .iter()
        .map(|p| (p.attribute.as_str(), p.worth_weight, p.ratio, p.loss))
        .collect();
    // speed: 0.375 × (1 − 0.75); rate: 0.25 × 0; advice: 0.375 × (1 − 1.75).
    assert_eq!(
        ranked,
        [
            ("speed", 0.375, 0.75, 0.09375),
            ("rate", 0.25, 1.0, 0.0),
            ("advice", 0.375, 1.75, -0.28125),
        ]
    );
    assert!(matches!(
        result.where_to_act[0].speaks_to,
        Some(CanvasLink::Need(_))
    ));
    assert_eq!(result.where_to_act[1].speaks_to, None);
}

#[test]
fn ratios_are_withheld_below_the_minimum_and_said_so() {
    let result = analyse(&study(), &AnalysisOptions::default().with_min_ratings(6));
    assert_eq!(result.min_ratings, 6);
    assert_eq!(result.withheld.len(), 9);
    assert!(result.withheld.iter().all(|w| w.count == 5 && w.min == 6));
    assert!(result.attributes.iter().all(|a| a.ratio.is_none()));
    assert_eq!(result.cva(), None);
    assert!(result.where_to_act.is_empty());
    // The means themselves are still given, marked as not reported.
    assert_eq!(result.attributes[0].offers[0].mean, Some(7.0));
    assert!(!result.attributes[0].offers[0].reported);
}

#[test]
fn aggregated_ratings_pool_with_individual_ones() {
    let mut study = study();
    let text = r#"{"offer": "us", "attribute": "speed", "mean": 8.0, "count": 5, "std_dev": 0.0}"#;
    study.aggregates.push(serde_json::from_str(text).unwrap());
    let result = analyse(&study, &AnalysisOptions::default());
    let speed = &result.attributes[1].offers[0];
    // Five sixes and five eights: mean 7, s² = (10 × 1) / 9.
    assert_eq!(speed.count, 10);
    assert_eq!(speed.mean, Some(7.0));
    let se = speed.standard_error.unwrap();
    assert!((se - (10.0_f64 / 9.0 / 10.0).sqrt()).abs() < 1e-12, "{se}");
    // An aggregate without its spread gives a mean but no standard error.
    study.aggregates[0].std_dev = None;
    let result = analyse(&study, &AnalysisOptions::default());
    assert_eq!(result.attributes[1].offers[0].standard_error, None);
    assert_eq!(result.attributes[1].offers[0].mean, Some(7.0));
}

#[test]
fn ratings_off_the_scale_and_unknown_keys_are_left_out() {
    let text = STUDY.replace(
        "advice = 10, speed = 6",
        "advice = 11, speed = 6, spede = 3",
    );
    let result = analyse(
        &ValueStudy::from_toml(&text).unwrap(),
        &AnalysisOptions::default().with_min_ratings(4),
    );
    let us = &result.attributes[0].offers[0];
    assert_eq!((us.count, us.mean), (4, Some(6.25)));
    assert_eq!(result.attributes.len(), 3);
}

#[test]
fn ratings_the_type_cannot_hold_are_load_errors_at_their_field() {
    let err = ValueStudy::from_toml(&STUDY.replace("advice = 10,", "advice = 300,")).unwrap_err();
    assert!(err.is_invalid_value() || err.is_wrong_type(), "{err}");
    assert!(err.to_string().contains("ratings"), "{err}");
    let err = ValueStudy::from_toml(&STUDY.replace("weight = 1.0", "weight = 100")).unwrap_err();
    assert_eq!(err.field(), Some("price[0].weight"), "{err}");
}

#[test]
fn a_study_round_trips_through_json_and_toml() {
    let study = study();
    assert_eq!(
        ValueStudy::from_json(&study.to_json().unwrap()).unwrap(),
        study
    );
    assert_eq!(
        ValueStudy::from_toml(&study.to_toml().unwrap()).unwrap(),
        study
    );
}

#[test]
fn analysis_is_deterministic() {
    let a = serde_json::to_string(&analyse(&study(), &AnalysisOptions::default())).unwrap();
    let b = serde_json::to_string(&analyse(&study(), &AnalysisOptions::default())).unwrap();
    assert_eq!(a, b);
}

#[test]
fn nps_counts_promoters_and_detractors() {
    assert_eq!(nps(&[10, 9, 9, 8, 7, 7, 6, 0]).unwrap(), 12.5);
    assert_eq!(nps(&[9, 10]).unwrap(), 100.0);
    assert_eq!(nps(&[0, 6]).unwrap(), -100.0);
    assert_eq!(nps(&[7, 8]).unwrap(), 0.0);
    assert_eq!(nps(&[10, 0, 8, 8]).unwrap(), 0.0);
    let err = nps(&[9, 11]).unwrap_err();
    assert_eq!(err.off_scale(), Some((1, 11)));
    assert!(nps(&[]).unwrap_err().is_empty());
}

#[test]
fn csat_counts_the_top_boxes() {
    let five = RatingScale::new(1, 5).unwrap();
    assert_eq!(csat(&[5, 4, 3, 2], five, 2).unwrap(), 50.0);
    assert_eq!(csat(&[5, 4, 3, 2], five, 1).unwrap(), 25.0);
    assert_eq!(csat(&[5, 4, 3, 2], five, 5).unwrap(), 100.0);
    assert!(csat(&[5], five, 6).unwrap_err().is_bad_parameter());
    assert!(csat(&[5], five, 0).unwrap_err().is_bad_parameter());
    assert!(csat(&[0], five, 2).unwrap_err().is_off_scale());
    assert!(csat(&[], five, 2).unwrap_err().is_empty());
    let ten = RatingScale::default();
    assert_eq!(csat(&[10, 9, 8, 1], ten, 2).unwrap(), 50.0);
}

#[test]
fn ces_is_the_mean_effort() {
    assert_eq!(ces(&[1, 2, 3, 4, 5, 6, 7]).unwrap(), 4.0);
    assert_eq!(ces(&[2, 3]).unwrap(), 2.5);
    assert_eq!(ces(&[8]).unwrap_err().off_scale(), Some((0, 8)));
    assert!(ces(&[]).unwrap_err().is_empty());
}

#[test]
fn retention_and_churn_from_counts() {
    assert_eq!(retention_rate(200, 190, 30).unwrap(), 80.0);
    assert_eq!(retention_rate(3, 3, 0).unwrap(), 100.0);
    assert_eq!(retention_rate(3, 1, 0).unwrap(), 100.0 / 3.0);
    assert!(retention_rate(0, 0, 0).unwrap_err().is_empty());
    assert!(retention_rate(10, 5, 6).unwrap_err().is_inconsistent());
    assert!(retention_rate(10, 20, 5).unwrap_err().is_inconsistent());
    assert_eq!(churn_rate(200, 40).unwrap(), 20.0);
    assert_eq!(churn_rate(8, 0).unwrap(), 0.0);
    assert!(churn_rate(0, 0).unwrap_err().is_empty());
    assert!(churn_rate(8, 9).unwrap_err().is_inconsistent());
}

mod no_panics {
    use customer_strategy::validate::{Profile, RuleSet};
    use customer_strategy::{
        AggregateRating, AnalysisOptions, AttributeId, OfferId, ValueStudy, analyse, rules,
    };
    use proptest::prelude::*;

    /// Keys the study has and keys it does not.
    const OFFERS: [&str; 4] = ["us", "a", "b", "zz"];
    const ATTRIBUTES: [&str; 5] = ["advice", "speed", "rate", "nothing", "advice"];

    fn aggregate() -> impl Strategy<Value = AggregateRating> {
        (
            0..OFFERS.len(),
            0..ATTRIBUTES.len(),
            prop_oneof![
                Just(f64::NAN),
                Just(f64::INFINITY),
                Just(-1.0),
                0.0..12.0_f64
            ],
            any::<u32>(),
            prop_oneof![
                Just(None),
                Just(Some(f64::NAN)),
                Just(Some(-2.0)),
                (0.0..5.0_f64).prop_map(Some)
            ],
        )
            .prop_map(|(o, a, mean, count, std_dev)| AggregateRating {
                offer: OfferId::new(OFFERS[o]),
                attribute: AttributeId::new(ATTRIBUTES[a]),
                mean,
                count,
                std_dev,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn any_ratings_weights_and_minimum_give_findings_and_figures_not_panics(
            points in proptest::collection::vec((0..OFFERS.len(), 0..ATTRIBUTES.len(), any::<u8>()), 0..60),
            aggregates in proptest::collection::vec(aggregate(), 0..6),
            weight in 0.0..=1.0_f64,
            price_weight in 0.0..=1.0_f64,
            min in any::<u32>(),
            scale in (any::<u8>(), any::<u8>()),
        ) {
            let mut study: ValueStudy = super::study();
            study.responses.truncate(1);
            study.responses[0].ratings.clear();
            for (o, a, point) in points {
                study.responses[0]
                    .ratings
                    .entry(OfferId::new(OFFERS[o]))
                    .or_default()
                    .insert(AttributeId::new(ATTRIBUTES[a]), point);
            }
            study.aggregates = aggregates;
            study.quality[0].weight = customer_strategy::Share::new(weight).unwrap();
            study.price_weight = customer_strategy::Share::new(price_weight).unwrap();
            let scale_text = format!(r#"{{"min": {}, "max": {}}}"#, scale.0, scale.1);
            study.scale = serde_json::from_str(&scale_text).unwrap();
            let options = AnalysisOptions::default().with_min_ratings(min);
            let first = analyse(&study, &options);
            let again = analyse(&study, &options);
            prop_assert_eq!(format!("{first:?}"), format!("{again:?}"));
            // What goes into a mean lies on the scale, so the mean does too.
            let (low, high) = (f64::from(study.scale.min()), f64::from(study.scale.max()));
            for rating in first.attributes.iter().flat_map(|a| &a.offers) {
                if let Some(mean) = rating.mean {
                    prop_assert!(mean >= low - 1e-9 && mean <= high + 1e-9, "{mean}");
                }
                prop_assert_eq!(rating.reported, rating.count >= first.min_ratings);
            }
            let set = RuleSet::<ValueStudy>::builder().rules(rules::value()).build().unwrap();
            for profile in Profile::ALL {
                let report = set.validate(&study, profile);
                prop_assert_eq!(report.is_valid(), set.is_valid(&study, profile));
            }
        }
    }
}
