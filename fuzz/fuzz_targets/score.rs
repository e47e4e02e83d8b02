//! Load, then score: a round (JSON or TOML) is scored with the built-in
//! instrument, and an instrument scores the sample round, each compared with
//! the sample's earlier round. Nothing may panic, every score stays within 0
//! to 100 (the `Score` type), scoring twice gives the same result, and the
//! result writes as JSON.
#![no_main]

use customer_strategy::{Instrument, Round, Scorer, ScoringOptions, Trend};
use customer_strategy_fuzz::{Format, load, samples, text};
use libfuzzer_sys::fuzz_target;

fn score(instrument: &Instrument, round: &Round) {
    let Ok(scorer) = Scorer::new(instrument) else {
        return;
    };
    for options in [
        ScoringOptions::default(),
        ScoringOptions::default().with_min_group_size(1),
    ] {
        let result = scorer.score_round(round, &options);
        assert_eq!(
            result,
            scorer.score_round(round, &options),
            "scoring is not deterministic"
        );
        assert_eq!(result.respondents, round.responses.len());
        for response in &round.responses {
            let _ = scorer.score_response(response);
        }
        let earlier = scorer.score_round(&samples().earlier, &options);
        let trend = Trend::between(&earlier, &result);
        assert_eq!(trend.dimensions.len(), result.dimensions.len());
        serde_json::to_string(&result).expect("a result writes as JSON");
        serde_json::to_string(&trend).expect("a trend writes as JSON");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    for format in [Format::Json, Format::Toml] {
        if let Some(round) = load::<Round>(text, format) {
            score(&samples().instrument, &round);
        }
        if let Some(instrument) = load::<Instrument>(text, format) {
            score(&instrument, &samples().round);
        }
    }
});
