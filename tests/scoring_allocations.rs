//! Scoring a round allocates the same number of times whatever the number of
//! respondents. A test binary of its own, as it counts every allocation of its
//! process through a counting allocator.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use customer_strategy::{
    Answer, Instrument, InstrumentRef, ItemId, OrgLevel, Respondent, RespondentId, Response, Round,
    SchemaVersion, Scorer, ScoringOptions,
};

/// `respondents` responses to the built-in instrument at every level, with
/// every kind of answer and points spread over the scale.
fn round(instrument: &Instrument, respondents: usize) -> Round {
    let submitted = "2026-11-01T09:00:00Z".parse().unwrap();
    let responses = (0..respondents)
        .map(|r| {
            let answers: BTreeMap<ItemId, Answer> = instrument
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let answer = match (r * 7 + i * 3) % 23 {
                        0 => Answer::DontKnow,
                        1 => Answer::NotApplicable,
                        k => Answer::Point(1 + u8::try_from(k % 5).unwrap()),
                    };
                    (item.id.clone(), answer)
                })
                .collect();
            Response {
                respondent: Respondent {
                    id: RespondentId::new(format!("r{r}")),
                    level: OrgLevel::ALL[r % OrgLevel::ALL.len()],
                    department: None,
                },
                submitted,
                answers,
            }
        })
        .collect();
    Round {
        schema_version: SchemaVersion::new(1),
        name: "Counted".to_owned(),
        instrument: InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        responses,
    }
}

#[test]
fn scoring_a_round_allocates_the_same_for_100_and_1000_respondents() {
    let instrument = Instrument::customer_strategy_maturity().unwrap();
    let scorer = Scorer::new(&instrument).unwrap();
    let options = ScoringOptions::default();
    let count = |respondents: usize| {
        let round = round(&instrument, respondents);
        let mut result = None;
        let info = allocation_counter::measure(|| {
            result = Some(scorer.score_round(&round, &options));
        });
        let result = result.unwrap();
        assert_eq!(result.respondents, respondents);
        assert!(result.levels.iter().all(|l| l.reported));
        assert!(result.answers.dont_know > 0 && result.answers.not_applicable > 0);
        info.count_total
    };
    let (small, large) = (count(100), count(1000));
    assert!(small > 0);
    assert_eq!(
        small, large,
        "100 respondents: {small} allocations, 1000: {large}"
    );
}
