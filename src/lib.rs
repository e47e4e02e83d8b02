//! A typed model of an organization's customer strategy, and the means to judge it.
//!
//! Organizations that put the customer at the heart of the business write a
//! *customer strategy*: a plan, reaching 3 to 5 years ahead, for how the business
//! acquires, retains and grows its customers and what value and experience it
//! delivers to them in return for value to the business. This crate gives products
//! that work with such strategies (workshop tools, survey platforms, dashboards)
//! a typed model they can build in code, store as JSON or TOML, and load back
//! without losing anything.
//!
//! # The Customer Strategy Canvas
//!
//! A [`Canvas`] holds the strategy in five zones and twelve blocks (see
//! [`Zone`] and [`Block`]). Elements that other elements refer to — segments,
//! needs, value elements, journeys, touch points, offerings, capability gaps,
//! objectives, metrics, business goals — carry typed ids ([`SegmentId`],
//! [`NeedId`], ...), and references between blocks are those ids.
//!
//! ```
//! use customer_strategy::{
//!     Block, Canvas, Channel, CustomerRole, CustomerSegment, CustomerStatus, Document,
//!     Function, Journey, JourneyStage, TouchPoint, TouchPointKind, ValueElement, Zone,
//! };
//!
//! let mut canvas = Canvas::new("Customer strategy 2026-2029", "Northgate Coffee");
//!
//! let mut commuters = CustomerSegment::new("Morning commuters", CustomerStatus::Existing, CustomerRole::Both);
//! let fast = commuters.add_need("Coffee in hand within two minutes");
//! let commuters = canvas.add_segment(commuters);
//! canvas.add_value_element(ValueElement::new("Order ahead in the app", [fast]));
//!
//! let mut journey = Journey::new("Weekday morning visit", commuters);
//! let mut collect = JourneyStage::new("Collect");
//! collect.add_touch_point(TouchPoint::new(
//!     "Order not ready at pick-up",
//!     Channel::InPerson,
//!     TouchPointKind::Problem,
//!     Function::Operations,
//! ));
//! journey.stages.push(collect);
//! canvas.add_journey(journey);
//!
//! for zone in Zone::ALL {
//!     let filled: Vec<_> = zone.blocks().filter(|b| canvas.is_filled(*b)).collect();
//!     println!("{zone}: {filled:?}");
//! }
//!
//! // Documents round-trip through TOML and JSON unchanged.
//! let toml = canvas.to_toml()?;
//! assert_eq!(Canvas::from_toml(&toml)?, canvas);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Maturity assessments
//!
//! An [`Instrument`] is a questionnaire as data (the crate ships one,
//! [`Instrument::customer_strategy_maturity`]); a [`Round`] holds a team's
//! [`Response`]s. A [`Scorer`] turns them into a [`RoundResult`]: scores per
//! dimension and organizational level, the maturity level, the gap from
//! boardroom to back office, and next steps. [`Trend::between`] compares rounds.
//!
//! # Culture and the whole-organization review
//!
//! The seven [`Blocker`]s and eight [`Promoter`]s of a customer culture are
//! judged from [`CultureSignals`] (or a team's answers where the signals are
//! silent). An [`OrganizationReview`] holds a canvas, signals and an assessment
//! together; its [`ReviewResult`] names the blockers at work with their evidence
//! and promoters, and caps the maturity level they allow.
//!
//! # Customer value
//!
//! A [`ValueStudy`] holds what customers weigh when they choose (a tree of
//! quality and price attributes with weights) and how they rate our offer and
//! each named competitor's on it. [`analyse`] turns it into a [`StudyResult`]:
//! the ratio of our mean to the competitors' per attribute, the quality and
//! price scores, the Customer Value Added (CVA), each offer's place on the
//! customer value map, and where to act, every formula stated in its docs.
//! [`nps`], [`csat`], [`ces`], [`retention_rate`] and [`churn_rate`] compute
//! customer measures from checked answers and counts.
//!
//! # Validation
//!
//! The [`validate`] module is a domain-free rule engine; [`rules`] holds the
//! built-in catalogues for canvases, instruments, rounds of responses, culture,
//! the whole-organization review and value studies. Findings carry stable
//! codes, JSON Pointer paths and message keys, under `draft` or `final` profiles.
//!
//! # Documents
//!
//! Every document type implements [`Document`], which loads JSON and TOML text
//! strictly: unknown fields, missing required fields, wrong types, a key given
//! twice, numbers that are not finite, tables written as arrays, inputs over a
//! size limit or nested deeper than any document ([`LoadOptions`]) and
//! `schema_version`s this release does not know are refused with a
//! [`LoadError`] that names the line, column and field.
//!
//! # Errors
//!
//! One error type per concern, each `Clone + Send + Sync + 'static` and opaque,
//! with predicates to tell the kinds apart: [`LoadError`] and [`SaveError`] for
//! documents, [`IdParseError`] for ids, [`QuantityError`] for checked quantities.
//!
//! # Crate features
//!
//! None is on by default; the default build depends only on what loading and
//! judging documents needs.
//!
//! - `render`: the `render` module, reports people look at: an SVG radar chart
//!   of the maturity dimensions (`render::radar_chart`), an SVG chart of the gap
//!   from boardroom to back office (`render::gap_chart`), and a
//!   whole-organization review as Markdown (`render::markdown_report`) and as
//!   one self-contained HTML file (`render::html_report`). Adds no dependencies.
//! - `schema`: the `schema` module, a JSON Schema (draft 2020-12) for every
//!   document: `schema::canvas`, `schema::instrument`, `schema::round`,
//!   `schema::culture_signals`, `schema::rule_config`, `schema::value_study` and
//!   `schema::report`, and
//!   `schema::all` with the file stem of each. The schemas refuse what the
//!   loaders refuse (unknown fields, wrong types, shares outside 0 to 1, unknown
//!   enum values, other `schema_version`s), so tools in other languages can check
//!   a document before they hand it over. The same schemas are checked in under
//!   `schemas/` in the repository. Brings in `schemars`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod assessment;
mod canvas;
mod culture;
mod dates;
mod document;
mod id;
mod quantity;
#[cfg(feature = "render")]
pub mod render;
mod review;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod validate;
mod value;

pub use assessment::*;
pub use canvas::*;
pub use culture::*;
pub use document::{Document, Format, LoadError, LoadOptions, SaveError, SchemaVersion};
pub use id::{
    BusinessGoalId, CanvasId, CapabilityGapId, IdParseError, JourneyId, MetricId, NeedId,
    ObjectiveId, OfferingId, SegmentId, TestCardId, TouchPointId, ValueElementId,
};
pub use quantity::{Money, QuantityError, Share};
pub use review::{BlockerCap, OrganizationReview, ReviewOptions, ReviewResult};
pub use value::*;

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
