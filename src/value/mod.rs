//! Customer value: value studies comparing our offer with the competitors'
//! (attributes, weights, customers' ratings), what they say (the quality and
//! price scores, the CVA, the customer value map, where to act), and the
//! calculators of customer measures (NPS, CSAT, CES, retention, churn).

mod analysis;
mod measures;
mod study;

pub use analysis::{
    ActionPoint, AnalysisOptions, AttributeResult, CompetitorScores, HeadToHead, MapPosition,
    OfferRating, Scores, StudyResult, WithheldCell, analyse,
};
pub use measures::{MeasureError, ces, churn_rate, csat, nps, retention_rate};
pub use study::{
    AggregateRating, Attribute, AttributeId, AttributeKind, CanvasLink, CustomerResponse, Offer,
    OfferId, RatedAttribute, RatingScale, StudyInContext, ValueStudy,
};
