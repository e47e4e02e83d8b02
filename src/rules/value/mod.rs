//! The value catalogue: checks that a value study can be analysed and says
//! what it seems to say, and that it agrees with the canvas it informs.
//!
//! Study findings point into the serialized [`ValueStudy`]
//! (`/responses/12/ratings/harbour/advice`); findings over a
//! [`StudyInContext`] point into it serialized, under `/study/...` and
//! `/canvas/...`.

mod context;
mod study;

use std::collections::hash_map::Entry;

use crate::rules::duplicates::{Duplicate, IdMap, id_map, record};
use crate::validate::{FnRule, JsonPointer, Rule, RuleMeta, Severity, Subject};
use crate::value::{AttributeKind, StudyInContext, ValueStudy};

/// The built-in rules over a [`ValueStudy`]: the weights of every level of
/// the attribute tree add up to 100%, ids and names are given once, ratings
/// name offers and rated attributes of the study and lie on its scale, every
/// offer is rated on every attribute, and by enough customers for its ratios
/// to be reported.
///
/// Thresholds the method does not fix (the tolerance on a sum of weights, the
/// fewest ratings behind a mean) are the crate's defaults, set per
/// organization through the rule configuration. See `RULES.md` for the whole
/// catalogue.
///
/// ```
/// use customer_strategy::{rules, Document, ValueStudy};
/// use customer_strategy::validate::{Profile, RuleSet};
///
/// let rules = RuleSet::<ValueStudy>::builder().rules(rules::value()).build()?;
/// let study = ValueStudy::from_toml(r#"
///     schema_version = 1
///     name = "Mortgage customers 2026"
///     market = "Residential mortgages"
///     as_of = "2026-03-31"
///     price_weight = 0.0
///     our_offer = { id = "harbour", name = "Harbour Bank" }
///     quality = [
///         { id = "advice", name = "Advice", weight = 0.6 },
///         { id = "speed", name = "Speed of decision", weight = 0.3 },
///     ]
///     [[responses]]
///     ratings = { harbour = { advice = 11, speed = 6 } }
/// "#)?;
/// let report = rules.validate(&study, Profile::Final);
/// let weights = report.with_code("VALUE-WEIGHT-001").next().unwrap();
/// assert_eq!(weights.path.as_str(), "/quality");
/// let scale = report.with_code("VALUE-SCALE-001").next().unwrap();
/// assert_eq!(scale.path.as_str(), "/responses/0/ratings/harbour/advice");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn value() -> Vec<Box<dyn Rule<ValueStudy>>> {
    STUDY_CATALOGUE
        .iter()
        .map(|rule| Box::new(*rule) as Box<dyn Rule<ValueStudy>>)
        .collect()
}

/// The built-in rules over a [`StudyInContext`]: every competitor the study
/// names is one the canvas's differentiators name (and, as information, the
/// reverse), and the study's segment and the canvas elements its attributes
/// speak to exist in the canvas.
///
/// ```
/// use customer_strategy::{rules, Canvas, Differentiator, Document, Offer, StudyInContext, ValueStudy};
/// use customer_strategy::validate::{Profile, RuleSet};
///
/// let rules = RuleSet::<StudyInContext>::builder().rules(rules::value_in_context()).build()?;
/// let mut canvas = Canvas::new("Customer strategy", "Harbour Bank");
/// canvas.proposition.customer_value.differentiators.push(Differentiator {
///     competitor: "Meridian National Bank".into(),
///     difference: "Decides in five days, not fifteen".into(),
///     evidence: None,
/// });
/// let mut study = ValueStudy::from_toml(r#"
///     schema_version = 1
///     name = "Mortgage customers 2026"
///     market = "Residential mortgages"
///     as_of = "2026-03-31"
///     price_weight = 0.0
///     our_offer = { id = "harbour", name = "Harbour Bank" }
/// "#)?;
/// study.competitors.push(Offer::new("quickkey", "QuickKey Mortgages"));
/// let report = rules.validate(&StudyInContext { canvas, study }, Profile::Final);
/// let codes: Vec<_> = report.findings().iter().map(|f| (f.code.as_str(), f.path.as_str())).collect();
/// assert_eq!(codes, [
///     ("VALUE-CANVAS-001", "/study/competitors/0/name"),
///     ("VALUE-CANVAS-002", "/canvas/proposition/customer_value/differentiators/0/competitor"),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn value_in_context() -> Vec<Box<dyn Rule<StudyInContext>>> {
    CONTEXT_CATALOGUE
        .iter()
        .map(|rule| Box::new(*rule) as Box<dyn Rule<StudyInContext>>)
        .collect()
}

const STUDY_CATALOGUE: &[FnRule<ValueStudy>] = &[
    study::WEIGHTS,
    study::UNIQUE_IDS,
    study::UNIQUE_NAMES,
    study::REFERENCES,
    study::ON_SCALE,
    study::COVERAGE,
    study::SAMPLE_SIZE,
];

const CONTEXT_CATALOGUE: &[FnRule<StudyInContext>] = &[
    context::COMPETITORS_CLAIMED,
    context::CLAIMS_STUDIED,
    context::LINKS,
];

/// Metadata of a study rule whose findings make the analysis wrong or
/// impossible: an error under every profile.
const fn study_mistake(
    code: &'static str,
    title: &'static str,
    rationale: &'static str,
) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Error, rationale).with_tags(&["value", "consistency"])
}

/// Metadata of a study rule that gives advice: a warning under every profile.
const fn study_advice(
    code: &'static str,
    title: &'static str,
    rationale: &'static str,
) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Warning, rationale).with_tags(&["value", "quality"])
}

/// An attribute of the tree, where it sits and whether it is rated.
#[derive(Debug)]
pub(crate) struct AttributePlace {
    /// Its path in the serialized study.
    pub(crate) path: JsonPointer,
    /// Its position among the rated attributes, when it has no children.
    pub(crate) leaf: Option<usize>,
}

/// Where every attribute and offer of a study sits, and how many ratings each
/// offer has on each rated attribute.
///
/// Built in one pass over the tree and one over the ratings by
/// [`Subject::index`]; lookups are constant time, so no rule searches the study.
#[derive(Debug, Default)]
pub struct ValueIndex {
    /// Every attribute, in the tree's order (quality branch first, each
    /// attribute before its children).
    pub(crate) attributes: Vec<AttributePlace>,
    /// Attribute key to the position (in `attributes`) of the first with it.
    pub(crate) attribute_ids: IdMap<String, usize>,
    /// The positions in `attributes` of the rated attributes, in order.
    pub(crate) leaves: Vec<usize>,
    /// Offer key to the offer's slot: 0 for ours, 1 + k for competitor k.
    pub(crate) offers: IdMap<String, usize>,
    /// Ratings on the scale of each offer (by slot) on each rated attribute,
    /// individual and aggregated: `slot * leaves + leaf`.
    pub(crate) counts: Vec<u64>,
    /// Keys given twice.
    pub(crate) duplicates: Vec<Duplicate>,
}

impl ValueIndex {
    /// How many ratings the offer of `slot` has on the rated attribute `leaf`.
    pub(crate) fn count(&self, slot: usize, leaf: usize) -> u64 {
        self.counts
            .get(slot * self.leaves.len() + leaf)
            .copied()
            .unwrap_or(0)
    }

    /// The rated attribute of a key, if the key names one.
    pub(crate) fn leaf(&self, key: &str) -> Option<usize> {
        self.attribute_ids
            .get(key)
            .and_then(|&a| self.attributes.get(a))
            .and_then(|place| place.leaf)
    }
}

/// The path of the offer in `slot`.
pub(crate) fn offer_path(slot: usize) -> JsonPointer {
    match slot.checked_sub(1) {
        None => JsonPointer::from("/our_offer"),
        Some(k) => JsonPointer::from("/competitors").index(k),
    }
}

impl Subject for ValueStudy {
    type Index = ValueIndex;

    fn index(&self) -> ValueIndex {
        let mut ix = ValueIndex::default();
        for (kind, branch) in [
            (AttributeKind::Quality, &self.quality),
            (AttributeKind::Price, &self.price),
        ] {
            let root = JsonPointer::from(match kind {
                AttributeKind::Price => "/price",
                _ => "/quality",
            });
            for (i, attribute) in branch.iter().enumerate() {
                place(attribute, root.clone().index(i), &mut ix);
            }
        }
        ix.attribute_ids = id_map(ix.attributes.len());
        let mut all = Vec::with_capacity(ix.attributes.len());
        collect(&self.quality, &mut all);
        collect(&self.price, &mut all);
        for (a, attribute) in all.iter().enumerate() {
            match ix.attribute_ids.entry(attribute.id.as_str().to_owned()) {
                Entry::Occupied(first) => {
                    let path = |at: usize| {
                        ix.attributes
                            .get(at)
                            .map_or_else(JsonPointer::root, |p| p.path.clone())
                            .key("id")
                    };
                    ix.duplicates.push(Duplicate {
                        kind: "attribute",
                        id: first.key().clone(),
                        first: path(*first.get()),
                        again: path(a),
                    });
                }
                Entry::Vacant(slot) => {
                    slot.insert(a);
                }
            }
        }
        ix.offers = id_map(1 + self.competitors.len());
        for (slot, offer) in self.offers().enumerate() {
            record(
                &mut ix.offers,
                &mut ix.duplicates,
                "offer",
                offer.id.as_str().to_owned(),
                slot,
                |slot| offer_path(slot).key("id"),
            );
        }
        let width = ix.leaves.len();
        ix.counts = vec![0; ix.offers.len().max(1 + self.competitors.len()) * width];
        for response in &self.responses {
            for (offer, ratings) in &response.ratings {
                let Some(&slot) = ix.offers.get(offer.as_str()) else {
                    continue;
                };
                for (attribute, &point) in ratings {
                    if !self.scale.contains(point) {
                        continue;
                    }
                    if let Some(leaf) = ix.leaf(attribute.as_str())
                        && let Some(count) = ix.counts.get_mut(slot * width + leaf)
                    {
                        *count += 1;
                    }
                }
            }
        }
        for aggregate in &self.aggregates {
            if !aggregate.mean.is_finite() || !self.scale.contains_mean(aggregate.mean) {
                continue;
            }
            if let (Some(&slot), Some(leaf)) = (
                ix.offers.get(aggregate.offer.as_str()),
                ix.leaf(aggregate.attribute.as_str()),
            ) && let Some(count) = ix.counts.get_mut(slot * width + leaf)
            {
                *count += u64::from(aggregate.count);
            }
        }
        ix
    }
}

/// Records an attribute and its children, depth first.
fn place(attribute: &crate::value::Attribute, path: JsonPointer, ix: &mut ValueIndex) {
    let position = ix.attributes.len();
    let leaf = attribute.children.is_empty().then(|| {
        ix.leaves.push(position);
        ix.leaves.len() - 1
    });
    ix.attributes.push(AttributePlace {
        path: path.clone(),
        leaf,
    });
    for (c, child) in attribute.children.iter().enumerate() {
        place(child, path.clone().key("children").index(c), ix);
    }
}

/// Every attribute of a branch, depth first, in the order of [`place`].
fn collect<'a>(branch: &'a [crate::value::Attribute], all: &mut Vec<&'a crate::value::Attribute>) {
    for attribute in branch {
        all.push(attribute);
        collect(&attribute.children, all);
    }
}

impl Subject for StudyInContext {
    type Index = ();

    fn index(&self) {}
}
