//! The built-in rule catalogue: where the domain meets the engine.
//!
//! Each function returns the rules of one subject, ready to add to a
//! [`RuleSet`](crate::validate::RuleSet):
//!
//! ```
//! use customer_strategy::{rules, Canvas};
//! use customer_strategy::validate::{Profile, RuleSet};
//!
//! let rules = RuleSet::<Canvas>::builder().rules(rules::canvas()).build()?;
//! let draft = Canvas::new("Customer strategy", "Harbour Bank");
//! let report = rules.validate(&draft, Profile::Draft);
//! assert!(report.is_valid()); // an empty draft is incomplete, not wrong
//! assert!(!rules.validate(&draft, Profile::Final).is_valid());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The codes, titles, severities, parameters and rationales of every rule are
//! listed in `RULES.md` at the root of the repository.

mod assessment;
mod canvas;
mod duplicates;
mod review;
mod value;

/// A fraction as a percentage rounded to one decimal, for message arguments.
pub(crate) fn percent(fraction: f64) -> f64 {
    (fraction * 1000.0).round() / 10.0
}

pub use assessment::{AssessmentIndex, InstrumentIndex, instrument, responses};
pub use canvas::{CanvasIndex, canvas};
pub use review::{ReviewIndex, culture, review};
pub use value::{ValueIndex, value, value_in_context};
