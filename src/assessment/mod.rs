//! Maturity assessments: instruments as data, responses gathered in rounds,
//! scores per dimension and organizational level, maturity levels, the gap
//! between boardroom and back office, trends and next steps.

mod instrument;
mod item_id;
mod response;
mod score;
mod scoring;

pub use instrument::{
    AnswerScale, Dimension, DimensionId, Instrument, InstrumentId, Item, ItemId, MaturityLevel,
    NextSteps, OrgLevel, RespondentId, ScaleLabel, ScoreBand, WeakestLink,
};
pub use response::{Answer, Assessment, InstrumentRef, Respondent, Response, Round};
pub use score::Score;
pub use scoring::{
    AnswerCounts, Change, DimensionChange, DimensionResult, Gap, ItemResult, LevelRef, LevelResult,
    NextStepsFor, RespondentScore, RoundResult, Scorer, ScoringError, ScoringOptions, Stats, Trend,
    WeakestLinkCap,
};
