//! Scoring: exact scores for a small hand-computed round, the errors of `Scorer::new`,
//! and properties of scoring over generated instruments and rounds.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use customer_strategy::{
    Answer, AnswerCounts, AnswerScale, Dimension, DimensionId, Document, Instrument, InstrumentId,
    InstrumentRef, Item, ItemId, LevelRef, MaturityLevel, NextSteps, OrgLevel, Respondent,
    RespondentId, RespondentScore, Response, Round, RoundResult, SchemaVersion, Score, ScoreBand,
    Scorer, ScoringOptions, Stats, Trend, WeakestLink,
};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{FileFailurePersistence, RngAlgorithm};

// ---------------------------------------------------------------------------
// A small instrument and two rounds, scored by hand
// ---------------------------------------------------------------------------

/// Scale 1..=5, so a point `p` is worth `(p - 1) / 4`: 1 → 0, 2 → 0.25, 3 → 0.5,
/// 4 → 0.75, 5 → 1 (a reverse item is worth `1 - (p - 1) / 4`).
///
/// Dimension `alpha` (weight 1): `a1` (weight 1), `a2` (weight 2).
/// Dimension `beta` (weight 3): `b1` (weight 1), `b2` (weight 1, reverse).
///
/// Levels (uneven on purpose, so the hand-computed scores land on boundaries):
/// 1 [0, 25), 2 [25, 50), 3 [50, 60), 4 [60, 75), 5 [75, 100].
///
/// Every value below is a multiple of 1/64 or an exact square root of one, so
/// floating point computes them exactly and the tests compare with `==`.
const HAND_INSTRUMENT: &str = r#"
schema_version = 1
id = "hand"
name = "Hand-computed"
version = "1"

[scale]
min = 1
max = 5

[[dimensions]]
id = "alpha"
name = "Alpha"
weight = 1.0

[[dimensions]]
id = "beta"
name = "Beta"
weight = 3.0

[[items]]
id = "a1"
dimension = "alpha"
prompt = "A one"
weight = 1.0

[[items]]
id = "a2"
dimension = "alpha"
prompt = "A two"
weight = 2.0

[[items]]
id = "b1"
dimension = "beta"
prompt = "B one"

[[items]]
id = "b2"
dimension = "beta"
prompt = "B two, reversed"
reverse = true

[[levels]]
number = 1
name = "Ad hoc"
band = { from = 0.0, to = 25.0 }
next_steps = [
    { dimension = "alpha", steps = ["alpha from 1"] },
    { dimension = "beta", steps = ["beta from 1"] },
]

[[levels]]
number = 2
name = "Aware"
band = { from = 25.0, to = 50.0 }

[[levels]]
number = 3
name = "Defined"
band = { from = 50.0, to = 60.0 }
next_steps = [{ dimension = "alpha", steps = ["alpha from 3, first", "alpha from 3, second"] }]

[[levels]]
number = 4
name = "Managed"
band = { from = 60.0, to = 75.0 }
next_steps = [{ dimension = "beta", steps = ["beta from 4"] }]

[[levels]]
number = 5
name = "Customer-led"
band = { from = 75.0, to = 100.0 }

[weakest_link]
max_levels_above = 1
"#;

/// Three respondents at two levels.
///
/// r1 (executive): a1 = 4, a2 = 1, b1 = 5, b2 = 2
///   alpha = 100 * (0.75 * 1 + 0 * 2) / 3 = 75 / 3 = 25
///   beta  = 100 * (1 * 1 + (1 - 0.25) * 1) / 2 = 175 / 2 = 87.5
///   overall = (25 * 1 + 87.5 * 3) / 4 = 287.5 / 4 = 71.875 → level 4 [60, 75)
/// r2 (executive): a1 = 3, a2 = 3, b1 = don't know, b2 = 4
///   alpha = 100 * (0.5 * 1 + 0.5 * 2) / 3 = 150 / 3 = 50
///   beta  = 100 * ((1 - 0.75) * 1) / 1 = 25 (b1 is left out)
///   overall = (50 * 1 + 25 * 3) / 4 = 125 / 4 = 31.25 → level 2 [25, 50)
/// r3 (front line): a1 = 4, a2 = not applicable, b1 = 3, b2 = 1
///   alpha = 100 * (0.75 * 1) / 1 = 75 (a2 is left out)
///   beta  = 100 * (0.5 * 1 + (1 - 0) * 1) / 2 = 150 / 2 = 75
///   overall = (75 * 1 + 75 * 3) / 4 = 300 / 4 = 75 → level 5 (75 starts level 5)
const SPRING: &str = r#"
schema_version = 1
name = "Spring 2026"
date = 2026-04-30
instrument = { id = "hand", version = "1" }

[[responses]]
respondent = { id = "r1", level = "executive" }
submitted = 2026-04-20T09:00:00Z
answers = { a1 = 4, a2 = 1, b1 = 5, b2 = 2 }

[[responses]]
respondent = { id = "r2", level = "executive" }
submitted = 2026-04-21T09:00:00Z
answers = { a1 = 3, a2 = 3, b1 = "dont_know", b2 = 4 }

[[responses]]
respondent = { id = "r3", level = "front_line" }
submitted = 2026-04-22T09:00:00Z
answers = { a1 = 4, a2 = "not_applicable", b1 = 3, b2 = 1 }
"#;

/// One respondent, weak on alpha and perfect on beta.
///
/// r4 (manager): a1 = 1, a2 = 1, b1 = 5, b2 = 1
///   alpha = 100 * (0 + 0) / 3 = 0 → level 1
///   beta  = 100 * (1 + (1 - 0)) / 2 = 100 → level 5 (100 belongs to the last band)
///   overall = (0 * 1 + 100 * 3) / 4 = 75 → level 5, capped by the weakest link
const AUTUMN: &str = r#"
schema_version = 1
name = "Autumn 2026"
date = 2026-10-31
instrument = { id = "hand", version = "1" }

[[responses]]
respondent = { id = "r4", level = "manager" }
submitted = 2026-10-20T09:00:00Z
answers = { a1 = 1, a2 = 1, b1 = 5, b2 = 1 }
"#;

fn hand_instrument() -> Instrument {
    Instrument::from_toml(HAND_INSTRUMENT).unwrap()
}

fn spring() -> Round {
    Round::from_toml(SPRING).unwrap()
}

fn autumn() -> Round {
    Round::from_toml(AUTUMN).unwrap()
}

fn score(value: f64) -> Score {
    Score::new(value).unwrap()
}

fn level(number: u8, name: &str) -> LevelRef {
    LevelRef {
        number,
        name: name.to_owned(),
    }
}

fn ids(ids: &[&str]) -> Vec<DimensionId> {
    ids.iter().map(|&id| DimensionId::new(id)).collect()
}

fn counts(scored: usize, dont_know: usize, not_applicable: usize) -> AnswerCounts {
    let mut counts = AnswerCounts::default();
    counts.scored = scored;
    counts.dont_know = dont_know;
    counts.not_applicable = not_applicable;
    counts
}

fn stats(n: usize, mean: f64, median: f64, sd: f64) -> Stats {
    Stats {
        n,
        mean: score(mean),
        median: score(median),
        sd,
    }
}

#[test]
fn each_respondent_is_scored_exactly() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let round = spring();
    let scores: Vec<RespondentScore> = round
        .responses
        .iter()
        .map(|r| scorer.score_response(r))
        .collect();

    let expected = [
        RespondentScore {
            respondent: RespondentId::new("r1"),
            level: OrgLevel::Executive,
            dimensions: vec![Some(score(25.0)), Some(score(87.5))],
            overall: Some(score(71.875)),
            maturity: Some(level(4, "Managed")),
            answers: counts(4, 0, 0),
        },
        RespondentScore {
            respondent: RespondentId::new("r2"),
            level: OrgLevel::Executive,
            dimensions: vec![Some(score(50.0)), Some(score(25.0))],
            overall: Some(score(31.25)),
            maturity: Some(level(2, "Aware")),
            answers: counts(3, 1, 0),
        },
        RespondentScore {
            respondent: RespondentId::new("r3"),
            level: OrgLevel::FrontLine,
            dimensions: vec![Some(score(75.0)), Some(score(75.0))],
            overall: Some(score(75.0)),
            // 75 is where level 5 starts: a score on a boundary belongs to the upper band.
            maturity: Some(level(5, "Customer-led")),
            answers: counts(3, 0, 1),
        },
    ];
    assert_eq!(scores, expected);
}

#[test]
fn a_respondent_without_points_on_a_dimension_has_no_score_there() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let mut response = spring().responses[0].clone();
    // beta only "don't know" and "not applicable"; alpha: a1 = 2, a2 = 5
    //   alpha = 100 * (0.25 * 1 + 1 * 2) / 3 = 225 / 3 = 75
    //   overall = the alpha score alone (beta's weight drops out) = 75
    response.answers = BTreeMap::from([
        (ItemId::new("a1"), Answer::Point(2)),
        (ItemId::new("a2"), Answer::Point(5)),
        (ItemId::new("b1"), Answer::DontKnow),
        (ItemId::new("b2"), Answer::NotApplicable),
    ]);
    let scored = scorer.score_response(&response);
    assert_eq!(scored.dimensions, vec![Some(score(75.0)), None]);
    assert_eq!(scored.overall, Some(score(75.0)));
    assert_eq!(scored.maturity, Some(level(5, "Customer-led")));
    assert_eq!(scored.answers, counts(2, 1, 1));

    // No answer on the scale at all: no scores, no level.
    response.answers = BTreeMap::from([(ItemId::new("a1"), Answer::DontKnow)]);
    let scored = scorer.score_response(&response);
    assert_eq!(scored.dimensions, vec![None, None]);
    assert_eq!(scored.overall, None);
    assert_eq!(scored.maturity, None);
    assert_eq!(scored.answers, counts(0, 1, 0));
}

#[test]
fn off_scale_points_and_unknown_items_are_counted_and_left_out() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let mut response = spring().responses[0].clone();
    // a1 = 0 and b1 = 6 are off the 1..=5 scale; `a15` and `zz` are not items
    // (`a15` sorts between `a1` and `a2`, `zz` after every item).
    //   alpha = a2 alone = 100 * (0.5 * 2) / 2 = 50; beta = b2 alone = 100 * (1 - 0.5) = 50
    //   overall = (50 + 150) / 4 = 50
    response.answers = BTreeMap::from([
        (ItemId::new("a1"), Answer::Point(0)),
        (ItemId::new("a15"), Answer::Point(3)),
        (ItemId::new("a2"), Answer::Point(3)),
        (ItemId::new("b1"), Answer::Point(6)),
        (ItemId::new("b2"), Answer::Point(3)),
        (ItemId::new("zz"), Answer::Point(3)),
    ]);
    let scored = scorer.score_response(&response);
    assert_eq!(
        scored.dimensions,
        vec![Some(score(50.0)), Some(score(50.0))]
    );
    assert_eq!(scored.overall, Some(score(50.0)));
    let mut expected = counts(2, 0, 0);
    expected.off_scale = 2;
    expected.unknown_item = 2;
    assert_eq!(scored.answers, expected);
}

#[test]
fn the_team_is_scored_exactly() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let options = ScoringOptions::default().with_min_group_size(1);
    let result = scorer.score_round(&spring(), &options);

    assert_eq!(
        result.instrument,
        InstrumentRef {
            id: InstrumentId::new("hand"),
            version: "1".to_owned()
        }
    );
    assert_eq!(result.round, "Spring 2026");
    assert_eq!(result.date, NaiveDate::from_ymd_opt(2026, 4, 30).unwrap());
    assert_eq!(result.respondents, 3);
    assert_eq!(result.answers, counts(10, 1, 1));

    // alpha: [25, 50, 75] → mean 150 / 3 = 50, median 50,
    //   sd = sqrt(((-25)² + 0² + 25²) / 2) = sqrt(625) = 25
    let alpha = result.dimension("alpha").unwrap();
    assert_eq!(alpha.name, "Alpha");
    assert_eq!(alpha.stats, Some(stats(3, 50.0, 50.0, 25.0)));
    // 50 is where level 3 starts.
    assert_eq!(alpha.level, Some(level(3, "Defined")));

    // beta: [25, 75, 87.5] → mean 187.5 / 3 = 62.5, median 75,
    //   sd = sqrt(((-37.5)² + 12.5² + 25²) / 2) = sqrt((1406.25 + 156.25 + 625) / 2) = sqrt(1093.75)
    let beta = result.dimension("beta").unwrap();
    assert_eq!(beta.stats, Some(stats(3, 62.5, 75.0, 1093.75_f64.sqrt())));
    assert_eq!(beta.level, Some(level(4, "Managed")));

    // overall = (50 * 1 + 62.5 * 3) / 4 = 237.5 / 4 = 59.375 → level 3 [50, 60)
    assert_eq!(result.overall, Some(score(59.375)));
    assert_eq!(result.uncapped_level, Some(level(3, "Defined")));
    // The weakest dimension (alpha) is at level 3; one level above it is allowed.
    assert_eq!(result.level, Some(level(3, "Defined")));
    assert_eq!(result.weakest_link, None);
}

#[test]
fn each_level_is_scored_exactly() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let options = ScoringOptions::default().with_min_group_size(1);
    let result = scorer.score_round(&spring(), &options);

    assert_eq!(result.levels.len(), 2);
    // Executives (r1, r2), boardroom first:
    //   alpha [25, 50]: mean = median = 37.5, sd = sqrt((12.5² + 12.5²) / 1) = sqrt(312.5)
    //   beta [25, 87.5]: mean = median = 56.25, sd = sqrt((31.25² + 31.25²) / 1) = sqrt(1953.125)
    //   overall = (37.5 * 1 + 56.25 * 3) / 4 = 206.25 / 4 = 51.5625
    let executives = &result.levels[0];
    assert_eq!(executives.level, OrgLevel::Executive);
    assert_eq!(executives.respondents, 2);
    assert!(executives.reported);
    assert_eq!(
        executives.dimensions,
        vec![
            Some(stats(2, 37.5, 37.5, 312.5_f64.sqrt())),
            Some(stats(2, 56.25, 56.25, 1953.125_f64.sqrt())),
        ]
    );
    assert_eq!(executives.overall, Some(score(51.5625)));

    // Front line (r3): alpha 75, beta 75, a single score has sd 0; overall 75.
    let front_line = &result.levels[1];
    assert_eq!(front_line.level, OrgLevel::FrontLine);
    assert_eq!(front_line.respondents, 1);
    assert!(front_line.reported);
    assert_eq!(
        front_line.dimensions,
        vec![
            Some(stats(1, 75.0, 75.0, 0.0)),
            Some(stats(1, 75.0, 75.0, 0.0))
        ]
    );
    assert_eq!(front_line.overall, Some(score(75.0)));
}

#[test]
fn a_level_below_the_minimum_group_size_is_withheld_but_counted() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let open = scorer.score_round(&spring(), &ScoringOptions::default().with_min_group_size(1));
    let result = scorer.score_round(&spring(), &ScoringOptions::default().with_min_group_size(2));

    // Two executives are enough; their scores are as before.
    assert_eq!(result.levels[0], open.levels[0]);
    // The one front-line respondent is counted, but their scores are withheld.
    let front_line = &result.levels[1];
    assert_eq!(front_line.level, OrgLevel::FrontLine);
    assert_eq!(front_line.respondents, 1);
    assert!(!front_line.reported);
    assert_eq!(front_line.overall, None);
    assert_eq!(front_line.dimensions, vec![None, None]);
    // With one reported level there is no gap to report.
    assert!(result.dimensions.iter().all(|d| d.gap.is_none()));
    // The team's scores still include everyone.
    assert_eq!(result.respondents, 3);
    assert_eq!(result.answers, open.answers);
    assert_eq!(result.overall, open.overall);
    for (withheld, full) in result.dimensions.iter().zip(&open.dimensions) {
        assert_eq!(withheld.stats, full.stats);
        assert_eq!(withheld.stats.unwrap().n, 3);
    }

    // The default minimum is 3: neither level is reported.
    let default = scorer.score_round(&spring(), &ScoringOptions::default());
    assert!(
        default
            .levels
            .iter()
            .all(|l| !l.reported && l.overall.is_none())
    );
    assert_eq!(
        default
            .levels
            .iter()
            .map(|l| l.respondents)
            .collect::<Vec<_>>(),
        vec![2, 1]
    );
    assert_eq!(default.overall, open.overall);
}

#[test]
fn the_gap_runs_from_the_highest_level_to_the_lowest() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let options = ScoringOptions::default()
        .with_min_group_size(1)
        .with_gap_threshold(20.0);
    let result = scorer.score_round(&spring(), &options);

    // alpha: front line 75 - executives 37.5 = 37.5 points, above 20.
    let alpha = result.dimension("alpha").unwrap().gap.clone().unwrap();
    assert_eq!(alpha.highest, OrgLevel::FrontLine);
    assert_eq!(alpha.lowest, OrgLevel::Executive);
    assert_eq!(alpha.points, 37.5);
    assert!(alpha.flagged);

    // beta: front line 75 - executives 56.25 = 18.75 points, not above 20.
    let beta = result.dimension("beta").unwrap().gap.clone().unwrap();
    assert_eq!(beta.highest, OrgLevel::FrontLine);
    assert_eq!(beta.lowest, OrgLevel::Executive);
    assert_eq!(beta.points, 18.75);
    assert!(!beta.flagged);

    // A gap exactly at the threshold is not above it; just below it, it is.
    let at = ScoringOptions::default()
        .with_min_group_size(1)
        .with_gap_threshold(18.75);
    let beta = scorer.score_round(&spring(), &at).dimensions[1]
        .gap
        .clone()
        .unwrap();
    assert!(!beta.flagged);
    let below = ScoringOptions::default()
        .with_min_group_size(1)
        .with_gap_threshold(18.5);
    let beta = scorer.score_round(&spring(), &below).dimensions[1]
        .gap
        .clone()
        .unwrap();
    assert!(beta.flagged);
}

#[test]
fn strongest_weakest_and_next_steps_follow_the_means() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let result = scorer.score_round(&spring(), &ScoringOptions::default());

    // alpha 50 < beta 62.5; with the default focus of 2 both are named each way.
    assert_eq!(result.weakest, ids(&["alpha", "beta"]));
    assert_eq!(result.strongest, ids(&["beta", "alpha"]));
    // Each weakest dimension's steps come from its own level: alpha at 3, beta at 4.
    assert_eq!(result.next_steps.len(), 2);
    assert_eq!(result.next_steps[0].dimension, DimensionId::new("alpha"));
    assert_eq!(result.next_steps[0].name, "Alpha");
    assert_eq!(result.next_steps[0].level, level(3, "Defined"));
    assert_eq!(
        result.next_steps[0].steps,
        vec!["alpha from 3, first", "alpha from 3, second"]
    );
    assert_eq!(result.next_steps[1].dimension, DimensionId::new("beta"));
    assert_eq!(result.next_steps[1].level, level(4, "Managed"));
    assert_eq!(result.next_steps[1].steps, vec!["beta from 4"]);

    let one = scorer.score_round(&spring(), &ScoringOptions::default().with_focus(1));
    assert_eq!(one.weakest, ids(&["alpha"]));
    assert_eq!(one.strongest, ids(&["beta"]));
    assert_eq!(one.next_steps.len(), 1);
    assert_eq!(one.next_steps[0].dimension, DimensionId::new("alpha"));

    let none = scorer.score_round(&spring(), &ScoringOptions::default().with_focus(0));
    assert!(none.weakest.is_empty() && none.strongest.is_empty() && none.next_steps.is_empty());

    // Autumn: alpha 0 (level 1, which has steps for alpha), beta 100 (level 5,
    // which has no steps): only alpha's steps.
    let autumn = scorer.score_round(&autumn(), &ScoringOptions::default());
    assert_eq!(autumn.weakest, ids(&["alpha", "beta"]));
    assert_eq!(autumn.next_steps.len(), 1);
    assert_eq!(autumn.next_steps[0].level, level(1, "Ad hoc"));
    assert_eq!(autumn.next_steps[0].steps, vec!["alpha from 1"]);
}

#[test]
fn ties_rank_in_instrument_order() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let mut round = autumn();
    // alpha = 100 * (0.5 + 0.5 * 2) / 3 = 50; beta = 100 * (0.5 + (1 - 0.5)) / 2 = 50
    round.responses[0].answers = BTreeMap::from([
        (ItemId::new("a1"), Answer::Point(3)),
        (ItemId::new("a2"), Answer::Point(3)),
        (ItemId::new("b1"), Answer::Point(3)),
        (ItemId::new("b2"), Answer::Point(3)),
    ]);
    let result = scorer.score_round(&round, &ScoringOptions::default().with_focus(1));
    assert_eq!(result.weakest, ids(&["alpha"]));
    assert_eq!(result.strongest, ids(&["beta"]));
}

#[test]
fn the_weakest_link_caps_the_level_and_says_so() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let result = scorer.score_round(&autumn(), &ScoringOptions::default());

    // overall 75 → level 5 on its own; alpha (0) is at level 1, and the level may
    // be at most 1 + 1 = 2.
    assert_eq!(result.overall, Some(score(75.0)));
    assert_eq!(result.dimensions[0].level, Some(level(1, "Ad hoc")));
    assert_eq!(result.dimensions[1].level, Some(level(5, "Customer-led")));
    assert_eq!(result.uncapped_level, Some(level(5, "Customer-led")));
    assert_eq!(result.level, Some(level(2, "Aware")));
    let cap = result.weakest_link.unwrap();
    assert_eq!(cap.dimension, DimensionId::new("alpha"));
    assert_eq!(cap.dimension_level, level(1, "Ad hoc"));
    assert_eq!(cap.max_levels_above, 1);
    assert_eq!(cap.uncapped, level(5, "Customer-led"));
    assert_eq!(cap.capped, level(2, "Aware"));
}

#[test]
fn the_weakest_link_allowance_decides_whether_to_cap() {
    let round = autumn();
    let with = |allowance: Option<u8>| {
        let mut instrument = hand_instrument();
        instrument.weakest_link =
            allowance.map(|max_levels_above| WeakestLink { max_levels_above });
        let scorer = Scorer::new(&instrument).unwrap();
        scorer.score_round(&round, &ScoringOptions::default())
    };

    // Weakest at 1, overall at 5.
    let zero = with(Some(0));
    assert_eq!(zero.level, Some(level(1, "Ad hoc")));
    assert_eq!(zero.weakest_link.unwrap().capped, level(1, "Ad hoc"));

    let three = with(Some(3));
    assert_eq!(three.level, Some(level(4, "Managed")));
    assert_eq!(three.weakest_link.unwrap().max_levels_above, 3);

    // 1 + 4 = 5: exactly within the allowance, so no cap.
    let four = with(Some(4));
    assert_eq!(four.level, Some(level(5, "Customer-led")));
    assert_eq!(four.weakest_link, None);

    let lots = with(Some(u8::MAX));
    assert_eq!(lots.level, Some(level(5, "Customer-led")));
    assert_eq!(lots.weakest_link, None);

    // Without the rule the level is the overall score's.
    let none = with(None);
    assert_eq!(none.level, Some(level(5, "Customer-led")));
    assert_eq!(none.uncapped_level, none.level);
    assert_eq!(none.weakest_link, None);
}

#[test]
fn levels_follow_the_bands() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let number = |value: f64| scorer.level_of(score(value)).unwrap().number;
    // A band holds its start and not its end; the last band holds 100.
    assert_eq!(number(0.0), 1);
    assert_eq!(number(24.999), 1);
    assert_eq!(number(25.0), 2);
    assert_eq!(number(49.999), 2);
    assert_eq!(number(50.0), 3);
    assert_eq!(number(59.999), 3);
    assert_eq!(number(60.0), 4);
    assert_eq!(number(74.999), 4);
    assert_eq!(number(75.0), 5);
    assert_eq!(number(99.999), 5);
    assert_eq!(number(100.0), 5);

    // Levels listed out of order are sorted by their bands.
    let mut shuffled = hand_instrument();
    shuffled.levels.reverse();
    let scorer = Scorer::new(&shuffled).unwrap();
    assert_eq!(scorer.level_of(score(0.0)).unwrap().number, 1);
    assert_eq!(scorer.level_of(score(60.0)).unwrap().number, 4);
    assert_eq!(scorer.level_of(score(100.0)).unwrap().number, 5);
    assert_eq!(
        scorer.score_round(&spring(), &ScoringOptions::default()),
        Scorer::new(&instrument)
            .unwrap()
            .score_round(&spring(), &ScoringOptions::default())
    );
}

#[test]
fn an_empty_round_has_no_scores() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let mut round = spring();
    round.responses.clear();
    let result = scorer.score_round(&round, &ScoringOptions::default());
    assert_eq!(result.respondents, 0);
    assert_eq!(result.overall, None);
    assert_eq!(result.level, None);
    assert_eq!(result.uncapped_level, None);
    assert_eq!(result.weakest_link, None);
    assert!(result.levels.is_empty());
    assert!(result.weakest.is_empty() && result.strongest.is_empty());
    assert!(result.next_steps.is_empty());
    assert!(
        result
            .dimensions
            .iter()
            .all(|d| d.stats.is_none() && d.level.is_none() && d.gap.is_none())
    );
    assert_eq!(result.answers, AnswerCounts::default());
}

#[test]
fn the_trend_compares_two_rounds() {
    let instrument = hand_instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let options = ScoringOptions::default();
    let spring = scorer.score_round(&spring(), &options);
    let autumn = scorer.score_round(&autumn(), &options);

    let trend = Trend::between(&spring, &autumn);
    assert_eq!(trend.from, "Spring 2026");
    assert_eq!(trend.to, "Autumn 2026");
    // alpha 50 → 0 = -50; beta 62.5 → 100 = +37.5
    assert_eq!(trend.dimensions.len(), 2);
    assert_eq!(trend.dimensions[0].dimension, DimensionId::new("alpha"));
    assert_eq!(trend.dimensions[0].name, "Alpha");
    let alpha = trend.dimensions[0].change.unwrap();
    assert_eq!(
        (alpha.before, alpha.after, alpha.change),
        (score(50.0), score(0.0), -50.0)
    );
    let beta = trend.dimensions[1].change.unwrap();
    assert_eq!(
        (beta.before, beta.after, beta.change),
        (score(62.5), score(100.0), 37.5)
    );
    // overall 59.375 → 75 = +15.625, yet the level falls from 3 to 2 (capped).
    let overall = trend.overall.unwrap();
    assert_eq!(
        (overall.before, overall.after, overall.change),
        (score(59.375), score(75.0), 15.625)
    );
    assert_eq!(trend.level_before, Some(level(3, "Defined")));
    assert_eq!(trend.level_after, Some(level(2, "Aware")));
    assert_eq!(trend.level_change, Some(-1));

    let back = Trend::between(&autumn, &spring);
    assert_eq!(back.level_change, Some(1));
    assert_eq!(back.overall.unwrap().change, -15.625);
    assert_eq!(back.dimensions[0].change.unwrap().change, 50.0);

    // Dimensions are matched by id: one the earlier round lacks has no change.
    let mut earlier = spring.clone();
    earlier.dimensions.retain(|d| d.id.as_str() != "beta");
    let trend = Trend::between(&earlier, &autumn);
    assert_eq!(trend.dimensions.len(), 2);
    assert!(trend.dimensions[0].change.is_some());
    assert_eq!(trend.dimensions[1].dimension, DimensionId::new("beta"));
    assert_eq!(trend.dimensions[1].change, None);

    // Against an empty round, nothing has changed that can be measured.
    let mut empty = self::spring();
    empty.responses.clear();
    let empty = scorer.score_round(&empty, &options);
    let trend = Trend::between(&empty, &autumn);
    assert_eq!(trend.overall, None);
    assert_eq!(trend.level_before, None);
    assert_eq!(trend.level_change, None);
    assert!(trend.dimensions.iter().all(|d| d.change.is_none()));
}

/// A weighted mean of equal scores is exactly that score, so it stays in its
/// band. Naively, two dimensions weighted 0.1 and 0.2, both at 50, give
/// `15 / 0.30000000000000004 = 49.99999999999999`: level 1 although every
/// dimension is at level 2; items weighted 0.6 and 0.7, both answered 3 on
/// 1..=5, would do the same within a dimension.
#[test]
fn a_weighted_mean_of_equal_scores_is_that_score() {
    let mut instrument = with_bands(&[(0.0, 50.0), (50.0, 100.0)]);
    instrument.weakest_link = None;
    instrument.dimensions[0].weight = 0.1;
    instrument.dimensions[1].weight = 0.2;
    instrument.items[0].weight = 0.6; // a1
    instrument.items[1].weight = 0.7; // a2
    let scorer = Scorer::new(&instrument).unwrap();
    let mut round = autumn();
    // alpha = 100 * (0.5 * 0.6 + 0.5 * 0.7) / (0.6 + 0.7), which should be 50;
    // beta = 100 * (0.5 + (1 - 0.5)) / 2 = 50.
    round.responses[0].answers = BTreeMap::from([
        (ItemId::new("a1"), Answer::Point(3)),
        (ItemId::new("a2"), Answer::Point(3)),
        (ItemId::new("b1"), Answer::Point(3)),
        (ItemId::new("b2"), Answer::Point(3)),
    ]);
    let scored = scorer.score_response(&round.responses[0]);
    assert_eq!(
        scored.dimensions,
        vec![Some(score(50.0)), Some(score(50.0))]
    );
    assert_eq!(scored.overall, Some(score(50.0)));
    assert_eq!(scored.maturity, Some(level(2, "Level 2")));
    let result = scorer.score_round(&round, &ScoringOptions::default());
    assert_eq!(result.overall, Some(score(50.0)));
    assert_eq!(result.level, Some(level(2, "Level 2")));
}

// ---------------------------------------------------------------------------
// Instruments that cannot be scored
// ---------------------------------------------------------------------------

fn error_of(instrument: &Instrument) -> String {
    let error = Scorer::new(instrument).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("cannot score with this instrument: {}", error.message())
    );
    error.message().to_owned()
}

fn band(from: f64, to: f64) -> ScoreBand {
    ScoreBand { from, to }
}

fn with_bands(bands: &[(f64, f64)]) -> Instrument {
    let mut instrument = hand_instrument();
    instrument.levels = bands
        .iter()
        .zip(1..)
        .map(|(&(from, to), number)| MaturityLevel {
            number,
            name: format!("Level {number}"),
            description: String::new(),
            band: band(from, to),
            next_steps: Vec::new(),
        })
        .collect();
    instrument
}

#[test]
fn the_scale_must_run_upwards() {
    let mut instrument = hand_instrument();
    instrument.scale.min = 5;
    instrument.scale.max = 5;
    assert_eq!(
        error_of(&instrument),
        "the scale runs from 5 to 5: its lowest point must be below its highest"
    );
    instrument.scale.min = 7;
    instrument.scale.max = 1;
    assert_eq!(
        error_of(&instrument),
        "the scale runs from 7 to 1: its lowest point must be below its highest"
    );
    // The hand instrument itself is fine.
    assert!(Scorer::new(&hand_instrument()).is_ok());
}

#[test]
fn an_instrument_needs_dimensions() {
    let mut instrument = hand_instrument();
    instrument.dimensions.clear();
    instrument.items.clear();
    assert_eq!(error_of(&instrument), "the instrument has no dimensions");
}

#[test]
fn ids_must_be_unique() {
    let mut instrument = hand_instrument();
    let mut copy = instrument.dimensions[0].clone();
    copy.name = "Alpha again".to_owned();
    instrument.dimensions.push(copy);
    assert_eq!(
        error_of(&instrument),
        "the dimension id `alpha` is used twice"
    );

    let mut instrument = hand_instrument();
    let mut copy = instrument.items[1].clone();
    copy.dimension = DimensionId::new("beta");
    instrument.items.push(copy);
    assert_eq!(error_of(&instrument), "the item id `a2` is used twice");
}

#[test]
fn items_must_belong_to_a_dimension_of_the_instrument() {
    let mut instrument = hand_instrument();
    instrument.items[2].dimension = DimensionId::new("gamma");
    assert_eq!(
        error_of(&instrument),
        "item `b1` belongs to the dimension `gamma`, which the instrument does not have"
    );
}

#[test]
fn weights_must_be_positive() {
    let cases: [(f64, &str); 4] = [
        (0.0, "0"),
        (-1.0, "-1"),
        (f64::NAN, "NaN"),
        (f64::INFINITY, "inf"),
    ];
    for (weight, shown) in cases {
        let mut instrument = hand_instrument();
        instrument.items[1].weight = weight;
        assert_eq!(
            error_of(&instrument),
            format!("the item `a2` has the weight {shown}; weights must be positive")
        );
        let mut instrument = hand_instrument();
        instrument.dimensions[1].weight = weight;
        assert_eq!(
            error_of(&instrument),
            format!("the dimension `beta` has the weight {shown}; weights must be positive")
        );
    }
}

#[test]
fn bands_must_cover_0_to_100_without_gaps() {
    assert_eq!(
        error_of(&with_bands(&[(0.0, 25.0), (25.0, 50.0), (55.0, 100.0)])),
        "level 2 ends at 50 but level 3 starts at 55: the bands must meet"
    );
    assert_eq!(
        error_of(&with_bands(&[(0.0, 30.0), (25.0, 100.0)])),
        "level 1 ends at 30 but level 2 starts at 25: the bands must meet"
    );
    assert_eq!(
        error_of(&with_bands(&[(10.0, 50.0), (50.0, 100.0)])),
        "the maturity levels cover 10 to 100, not 0 to 100"
    );
    assert_eq!(
        error_of(&with_bands(&[(0.0, 50.0), (50.0, 90.0)])),
        "the maturity levels cover 0 to 90, not 0 to 100"
    );
    assert_eq!(
        error_of(&with_bands(&[(0.0, 50.0), (50.0, 50.0), (50.0, 100.0)])),
        "level 2 has an empty band, from 50 to 50"
    );
    assert_eq!(
        error_of(&with_bands(&[])),
        "the instrument has no maturity levels"
    );
    // One band over everything is fine.
    assert!(Scorer::new(&with_bands(&[(0.0, 100.0)])).is_ok());
}

#[test]
fn level_numbers_must_rise_with_the_bands() {
    let mut instrument = with_bands(&[(0.0, 50.0), (50.0, 100.0)]);
    instrument.levels[0].number = 2;
    instrument.levels[1].number = 1;
    assert_eq!(
        error_of(&instrument),
        "level 2 comes below level 1 on the score: level numbers must rise with the bands"
    );
    instrument.levels[0].number = 1;
    assert_eq!(
        error_of(&instrument),
        "two levels have the number 1: level numbers must be unique"
    );
    // Numbers need not be consecutive.
    instrument.levels[1].number = 3;
    assert!(Scorer::new(&instrument).is_ok());
}

// ---------------------------------------------------------------------------
// Properties over generated instruments and rounds
// ---------------------------------------------------------------------------

/// Cases per property: each case is a few dozen answers, so the properties
/// together run in a few seconds in debug. Set `PROPTEST_CASES` for a deeper run.
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            default.cases
        } else {
            CASES
        },
        // Failing seeds go to `tests/proptest-regressions/scoring.txt`, to be
        // committed so that every later run replays them first.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/proptest-regressions/scoring.txt",
        ))),
        rng_algorithm: RngAlgorithm::XorShift,
        ..default
    }
}

/// A weight in (0, 10].
fn weight() -> impl Strategy<Value = f64> {
    (0.0_f64..=10.0).prop_map(|w| if w > 0.0 { w } else { 10.0 })
}

/// What the generator decided about an instrument, before it is built.
#[derive(Clone, Debug)]
struct Shape {
    scale: (u8, u8),
    /// Per dimension: its weight and its items' weights and reverse flags.
    dimensions: Vec<(f64, Vec<(f64, bool)>)>,
    /// Where the bands meet, strictly between 0 and 100.
    cuts: Vec<u8>,
    weakest_link: Option<u8>,
    /// Whether the levels are listed highest first.
    levels_reversed: bool,
}

/// Instruments of 1 to 4 dimensions of 1 to 6 items each, with random weights and
/// reverse flags, one of three scales, 1 to 5 levels with random bands, item ids
/// whose order differs from the instrument's (`item-10` sorts before `item-2`).
fn instrument() -> impl Strategy<Value = Instrument> {
    let scale = prop_oneof![Just((0_u8, 4_u8)), Just((1, 5)), Just((1, 7))];
    let dimensions = prop::collection::vec(
        (
            weight(),
            prop::collection::vec((weight(), any::<bool>()), 1..=6),
        ),
        1..=4,
    );
    let cuts = prop::collection::btree_set(1_u8..100, 0..=4);
    let weakest_link = prop::option::of(0_u8..=3);
    (scale, dimensions, cuts, weakest_link, any::<bool>())
        .prop_map(
            |(scale, dimensions, cuts, weakest_link, levels_reversed)| Shape {
                scale,
                dimensions,
                cuts: cuts.into_iter().collect(),
                weakest_link,
                levels_reversed,
            },
        )
        .prop_flat_map(|shape| {
            let items: usize = shape.dimensions.iter().map(|(_, items)| items.len()).sum();
            let names: Vec<usize> = (0..items).collect();
            (Just(shape), Just(names).prop_shuffle())
        })
        .prop_map(|(shape, names)| build_instrument(&shape, &names))
}

fn build_instrument(shape: &Shape, names: &[usize]) -> Instrument {
    let mut dimensions = Vec::new();
    let mut items = Vec::new();
    let mut names = names.iter();
    for (d, (weight, its)) in shape.dimensions.iter().enumerate() {
        let id = DimensionId::new(format!("dim-{d}"));
        dimensions.push(Dimension {
            id: id.clone(),
            name: format!("Dimension {d}"),
            description: String::new(),
            weight: *weight,
        });
        for &(weight, reverse) in its {
            items.push(Item {
                id: ItemId::new(format!("item-{}", names.next().unwrap())),
                dimension: id.clone(),
                prompt: "?".to_owned(),
                weight,
                reverse,
                asked_of: Vec::new(),
                evidence_hint: String::new(),
            });
        }
    }
    let bounds: Vec<f64> = std::iter::once(0.0)
        .chain(shape.cuts.iter().map(|&c| f64::from(c)))
        .chain(std::iter::once(100.0))
        .collect();
    let mut levels: Vec<MaturityLevel> = bounds
        .windows(2)
        .zip(1..)
        .map(|(pair, number)| MaturityLevel {
            number,
            name: format!("Level {number}"),
            description: String::new(),
            band: band(pair[0], pair[1]),
            next_steps: dimensions
                .iter()
                .map(|d| NextSteps {
                    dimension: d.id.clone(),
                    steps: vec![format!("{} from {number}", d.id)],
                })
                .collect(),
        })
        .collect();
    if shape.levels_reversed {
        levels.reverse();
    }
    Instrument {
        schema_version: SchemaVersion::new(1),
        id: InstrumentId::new("generated"),
        name: "Generated".to_owned(),
        version: "1".to_owned(),
        description: String::new(),
        scale: AnswerScale {
            min: shape.scale.0,
            max: shape.scale.1,
            labels: Vec::new(),
            dont_know: true,
            not_applicable: true,
        },
        dimensions,
        items,
        levels,
        weakest_link: shape
            .weakest_link
            .map(|max_levels_above| WeakestLink { max_levels_above }),
    }
}

/// An answer to one item, or none: mostly points, sometimes "don't know", "not
/// applicable", no answer, or a point off the scale.
fn answer(min: u8, max: u8) -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        10 => (min..=max).prop_map(|p| Some(Answer::Point(p))),
        2 => Just(None),
        1 => Just(Some(Answer::DontKnow)),
        1 => Just(Some(Answer::NotApplicable)),
        1 => Just(Some(Answer::Point(max + 1))),
    ]
}

#[derive(Clone, Debug)]
struct Case {
    instrument: Instrument,
    round: Round,
    options: ScoringOptions,
}

/// An instrument, a round of 1 to 30 responses at random levels, and options.
fn case() -> impl Strategy<Value = Case> {
    instrument()
        .prop_flat_map(|instrument| {
            let (min, max) = (instrument.scale.min, instrument.scale.max);
            let response = (
                prop::sample::select(OrgLevel::ALL.to_vec()),
                prop::collection::vec(answer(min, max), instrument.items.len()),
                prop::bool::weighted(0.1),
            );
            (
                Just(instrument),
                prop::collection::vec(response, 1..=30),
                (1_usize..=4, 0.0_f64..30.0, 0_usize..=3),
            )
        })
        .prop_map(|(instrument, responses, (min_group, threshold, focus))| {
            let submitted: DateTime<Utc> = "2026-04-20T09:00:00Z".parse().unwrap();
            let responses = responses
                .into_iter()
                .enumerate()
                .map(|(i, (level, answers, unknown))| {
                    let mut answers: BTreeMap<ItemId, Answer> = instrument
                        .items
                        .iter()
                        .zip(answers)
                        .filter_map(|(item, answer)| answer.map(|a| (item.id.clone(), a)))
                        .collect();
                    if unknown {
                        // Sorts between `item-19` and `item-2`, in the middle of the items.
                        answers.insert(ItemId::new("item-1x"), Answer::Point(instrument.scale.min));
                    }
                    Response {
                        respondent: Respondent {
                            id: RespondentId::new(format!("r{i}")),
                            level,
                            department: None,
                        },
                        submitted,
                        answers,
                    }
                })
                .collect();
            let round = Round {
                schema_version: SchemaVersion::new(1),
                name: "Generated".to_owned(),
                instrument: InstrumentRef {
                    id: instrument.id.clone(),
                    version: instrument.version.clone(),
                },
                date: NaiveDate::from_ymd_opt(2026, 4, 30).unwrap(),
                responses,
            };
            let options = ScoringOptions::default()
                .with_min_group_size(min_group)
                .with_gap_threshold(threshold)
                .with_focus(focus);
            Case {
                instrument,
                round,
                options,
            }
        })
}

fn in_range(score: Score) -> bool {
    score.get().is_finite() && (0.0..=100.0).contains(&score.get())
}

fn stats_in_range(stats: &Stats) -> bool {
    in_range(stats.mean) && in_range(stats.median) && stats.sd.is_finite() && stats.sd >= 0.0
}

/// The dimension scores of a response, computed the plain way (items in the
/// instrument's order, looked up in the answers), to hold the scorer against.
fn reference_scores(instrument: &Instrument, response: &Response) -> Vec<Option<f64>> {
    let (min, max) = (
        f64::from(instrument.scale.min),
        f64::from(instrument.scale.max),
    );
    instrument
        .dimensions
        .iter()
        .map(|dimension| {
            let (mut weighted, mut weights) = (0.0, 0.0);
            for item in instrument
                .items
                .iter()
                .filter(|i| i.dimension == dimension.id)
            {
                if let Some(Answer::Point(p)) = response.answers.get(&item.id)
                    && instrument.scale.contains(*p)
                {
                    let value = (f64::from(*p) - min) / (max - min);
                    weighted += item.weight * if item.reverse { 1.0 - value } else { value };
                    weights += item.weight;
                }
            }
            (weights > 0.0).then(|| 100.0 * weighted / weights)
        })
        .collect()
}

/// The same result with the answer counts of `other`, to compare scores only.
fn with_counts_of(result: &RoundResult, other: &RoundResult) -> RoundResult {
    let mut result = result.clone();
    result.answers = other.answers;
    result
}

proptest! {
    #![proptest_config(config())]

    /// Every score is a finite number from 0 to 100, every standard deviation
    /// finite and not negative, every gap within 0 to 100, and the counts add up.
    #[test]
    fn every_score_is_within_0_and_100(case in case()) {
        let scorer = Scorer::new(&case.instrument).unwrap();
        for response in &case.round.responses {
            let scored = scorer.score_response(response);
            prop_assert!(scored.dimensions.iter().flatten().all(|&s| in_range(s)));
            prop_assert!(scored.overall.is_none_or(in_range));
            prop_assert_eq!(scored.overall.is_some(), scored.maturity.is_some());
        }
        let result = scorer.score_round(&case.round, &case.options);
        prop_assert!(result.overall.is_none_or(in_range));
        prop_assert_eq!(result.respondents, case.round.responses.len());
        for dimension in &result.dimensions {
            prop_assert!(dimension.stats.as_ref().is_none_or(stats_in_range));
            if let Some(gap) = &dimension.gap {
                prop_assert!(gap.points.is_finite() && (0.0..=100.0).contains(&gap.points));
                prop_assert_eq!(gap.flagged, gap.points > case.options.gap_threshold());
            }
        }
        let mut counted = 0;
        for level in &result.levels {
            counted += level.respondents;
            prop_assert_eq!(level.reported, level.respondents >= case.options.min_group_size());
            prop_assert!(level.overall.is_none_or(in_range));
            prop_assert!(level.dimensions.iter().flatten().all(stats_in_range));
            if !level.reported {
                prop_assert!(level.overall.is_none());
                prop_assert!(level.dimensions.iter().all(Option::is_none));
            }
        }
        prop_assert_eq!(counted, result.respondents);
        prop_assert!(result.weakest.len() <= case.options.focus());
        prop_assert!(result.strongest.len() <= case.options.focus());
        if let (Some(level), Some(uncapped)) = (&result.level, &result.uncapped_level) {
            prop_assert!(level.number <= uncapped.number);
        }
    }

    /// The scorer agrees with a plain computation of each respondent's dimension scores.
    #[test]
    fn respondent_scores_match_a_plain_computation(case in case()) {
        let scorer = Scorer::new(&case.instrument).unwrap();
        for response in &case.round.responses {
            let scored = scorer.score_response(response);
            let expected = reference_scores(&case.instrument, response);
            prop_assert_eq!(scored.dimensions.len(), expected.len());
            for (got, want) in scored.dimensions.iter().zip(&expected) {
                match (got, want) {
                    (Some(got), Some(want)) => prop_assert!(
                        (got.get() - want).abs() < 1e-9,
                        "scored {} but expected {}", got.get(), want
                    ),
                    (None, None) => {}
                    _ => prop_assert!(false, "scored {:?} but expected {:?}", got, want),
                }
            }
        }
    }

    /// The order of the responses does not matter.
    #[test]
    fn permuting_the_respondents_changes_nothing(
        (case, shuffled) in case().prop_flat_map(|case| {
            let responses = case.round.responses.clone();
            (Just(case), Just(responses).prop_shuffle())
        }),
    ) {
        let scorer = Scorer::new(&case.instrument).unwrap();
        let mut permuted = case.round.clone();
        permuted.responses = shuffled;
        prop_assert_eq!(
            scorer.score_round(&permuted, &case.options),
            scorer.score_round(&case.round, &case.options)
        );
    }

    /// A higher answer never lowers its dimension's score for a normal item, and
    /// never raises it for a reverse item.
    #[test]
    fn raising_an_answer_moves_its_dimension_the_right_way(
        case in case(),
        respondent in any::<Index>(),
        item in any::<Index>(),
        points in (0_u8..=6, 0_u8..=6),
    ) {
        let scorer = Scorer::new(&case.instrument).unwrap();
        let item = item.get(&case.instrument.items);
        let dimension = case
            .instrument
            .dimensions
            .iter()
            .position(|d| d.id == item.dimension)
            .unwrap();
        let (min, max) = (case.instrument.scale.min, case.instrument.scale.max);
        let (low, high) = (points.0.min(points.1), points.0.max(points.1));
        let (low, high) = (min + low.min(max - min), min + high.min(max - min));
        let mut response = respondent.get(&case.round.responses).clone();
        response.answers.insert(item.id.clone(), Answer::Point(low));
        let before = scorer.score_response(&response).dimensions[dimension].unwrap();
        response.answers.insert(item.id.clone(), Answer::Point(high));
        let after = scorer.score_response(&response).dimensions[dimension].unwrap();
        if item.reverse {
            prop_assert!(after <= before, "reverse item {} from {} to {}: {:?} → {:?}",
                item.id, low, high, before, after);
        } else {
            prop_assert!(after >= before, "item {} from {} to {}: {:?} → {:?}",
                item.id, low, high, before, after);
        }
    }

    /// Answering "not applicable" or "don't know" to an item that had no answer
    /// leaves every score unchanged, for the respondent and for the round; only
    /// the counts move.
    #[test]
    fn not_applicable_and_dont_know_change_no_score(
        case in case(),
        respondent in any::<Index>(),
        item in any::<Index>(),
    ) {
        let scorer = Scorer::new(&case.instrument).unwrap();
        let item = item.get(&case.instrument.items).id.clone();
        let at = respondent.index(case.round.responses.len());
        let mut without = case.round.clone();
        without.responses[at].answers.remove(&item);
        let base = scorer.score_response(&without.responses[at]);
        let base_round = scorer.score_round(&without, &case.options);
        for answer in [Answer::NotApplicable, Answer::DontKnow] {
            let mut with = without.clone();
            with.responses[at].answers.insert(item.clone(), answer);
            let scored = scorer.score_response(&with.responses[at]);
            prop_assert_eq!(&scored.dimensions, &base.dimensions);
            prop_assert_eq!(scored.overall, base.overall);
            prop_assert_eq!(&scored.maturity, &base.maturity);
            let (mut counts, mut round_counts) = (base.answers, base_round.answers);
            if answer == Answer::NotApplicable {
                counts.not_applicable += 1;
                round_counts.not_applicable += 1;
            } else {
                counts.dont_know += 1;
                round_counts.dont_know += 1;
            }
            prop_assert_eq!(scored.answers, counts);
            let result = scorer.score_round(&with, &case.options);
            prop_assert_eq!(result.answers, round_counts);
            prop_assert_eq!(with_counts_of(&result, &base_round), base_round.clone());
        }
    }
}

// ---------------------------------------------------------------------------
// Round statistics against a plain computation
// ---------------------------------------------------------------------------

/// The statistics of `values` as the scorer defines them, computed the plain
/// way: sort, add up from the lowest, the median the mean of the middle two
/// (the middle one for an odd count), the sample standard deviation.
fn sorted_stats(mut values: Vec<f64>) -> Option<Stats> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return None;
    }
    let count = n as f64;
    let mean = values.iter().sum::<f64>() / count;
    let median = (values[(n - 1) / 2] + values[n / 2]) / 2.0;
    let sd = if n > 1 {
        (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (count - 1.0)).sqrt()
    } else {
        0.0
    };
    Some(Stats {
        n,
        mean: Score::new(mean.clamp(0.0, 100.0)).unwrap(),
        median: Score::new(median.clamp(0.0, 100.0)).unwrap(),
        sd,
    })
}

/// Compares two statistics to the bit.
fn same_stats(got: Option<&Stats>, want: Option<&Stats>) -> bool {
    match (got, want) {
        (Some(got), Some(want)) => {
            got.n == want.n
                && got.mean.get().to_bits() == want.mean.get().to_bits()
                && got.median.get().to_bits() == want.median.get().to_bits()
                && got.sd.to_bits() == want.sd.to_bits()
        }
        (None, None) => true,
        _ => false,
    }
}

/// Checks every statistic of a round's result, the team's and each reported
/// level's, against [`sorted_stats`] of the respondents' own scores.
fn check_round_stats(
    scorer: &Scorer<'_>,
    round: &Round,
    options: &ScoringOptions,
) -> Result<(), TestCaseError> {
    let result = scorer.score_round(round, options);
    let scored: Vec<RespondentScore> = round
        .responses
        .iter()
        .map(|r| scorer.score_response(r))
        .collect();
    let scores_of = |d: usize, level: Option<OrgLevel>| -> Vec<f64> {
        scored
            .iter()
            .filter(|s| level.is_none_or(|l| s.level == l))
            .filter_map(|s| s.dimensions[d].map(Score::get))
            .collect()
    };
    for (d, dimension) in result.dimensions.iter().enumerate() {
        let want = sorted_stats(scores_of(d, None));
        prop_assert!(
            same_stats(dimension.stats.as_ref(), want.as_ref()),
            "dimension {}: {:?} but a plain computation gives {:?}",
            dimension.id,
            dimension.stats,
            want
        );
    }
    for level in result.levels.iter().filter(|l| l.reported) {
        for (d, got) in level.dimensions.iter().enumerate() {
            let want = sorted_stats(scores_of(d, Some(level.level)));
            prop_assert!(
                same_stats(got.as_ref(), want.as_ref()),
                "level {:?}, dimension {d}: {:?} but a plain computation gives {:?}",
                level.level,
                got,
                want
            );
        }
    }
    Ok(())
}

/// Rounds of the built-in instrument, up to 400 respondents: dimension scores
/// such as 100/3 or 100/7, whose sums round, many ties, even and odd counts.
fn built_in_round() -> impl Strategy<Value = Round> {
    let instrument = Instrument::customer_strategy_maturity().unwrap();
    let items = instrument.items.len();
    let response = (
        prop::sample::select(OrgLevel::ALL.to_vec()),
        prop::collection::vec(answer(1, 5), items),
    );
    prop::collection::vec(response, 0..=400).prop_map(move |responses| {
        let submitted: DateTime<Utc> = "2026-04-20T09:00:00Z".parse().unwrap();
        Round {
            schema_version: SchemaVersion::new(1),
            name: "Generated".to_owned(),
            instrument: InstrumentRef {
                id: instrument.id.clone(),
                version: instrument.version.clone(),
            },
            date: NaiveDate::from_ymd_opt(2026, 4, 30).unwrap(),
            responses: responses
                .into_iter()
                .enumerate()
                .map(|(i, (level, answers))| Response {
                    respondent: Respondent {
                        id: RespondentId::new(format!("r{i}")),
                        level,
                        department: None,
                    },
                    submitted,
                    answers: instrument
                        .items
                        .iter()
                        .zip(answers)
                        .filter_map(|(item, answer)| answer.map(|a| (item.id.clone(), a)))
                        .collect(),
                })
                .collect(),
        }
    })
}

proptest! {
    #![proptest_config(config())]

    /// Each statistic of a round, the team's and each level's, is to the bit
    /// that of the respondents' scores sorted and added up from the lowest,
    /// with the median of an even count the mean of the middle two.
    #[test]
    fn round_statistics_match_a_plain_computation(case in case()) {
        let scorer = Scorer::new(&case.instrument).unwrap();
        check_round_stats(&scorer, &case.round, &case.options)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..config() })]

    /// The same on larger rounds of the built-in instrument.
    #[test]
    fn built_in_round_statistics_match_a_plain_computation(round in built_in_round()) {
        let instrument = Instrument::customer_strategy_maturity().unwrap();
        let scorer = Scorer::new(&instrument).unwrap();
        check_round_stats(&scorer, &round, &ScoringOptions::default())?;
    }
}
