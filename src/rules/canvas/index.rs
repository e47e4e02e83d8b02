//! The cross-reference index of a canvas: every id mapped to where its element
//! sits, built at most once per validation run and shared by every rule.

use std::sync::OnceLock;

use crate::canvas::Canvas;
use crate::id::{
    BusinessGoalId, CapabilityGapId, JourneyId, MetricId, NeedId, ObjectiveId, OfferingId,
    SegmentId, TouchPointId, ValueElementId,
};
use crate::rules::canvas::paths;
use crate::rules::duplicates::{Duplicate, IdMap, IdSet, id_map, id_set, record};
use crate::validate::{JsonPointer, Subject};

/// Where every identified element of a canvas sits, and what refers to what.
///
/// [`Subject::index`] only makes the index: each of its tables is built the
/// first time a rule asks for it, in one pass over its part of the canvas, and
/// then shared by every later rule of the run. A rule set whose rules use no
/// table builds none, and one whose rules use the segments alone builds only
/// those. Lookups are constant time, so no rule needs to search the canvas.
#[derive(Debug, Default)]
pub struct CanvasIndex {
    goals: OnceLock<Table<BusinessGoalId, usize>>,
    segments: OnceLock<SegmentTables>,
    elements: OnceLock<Table<ValueElementId, usize>>,
    journeys: OnceLock<JourneyTables>,
    offerings: OnceLock<Table<OfferingId, usize>>,
    gaps: OnceLock<Table<CapabilityGapId, usize>>,
    objectives: OnceLock<Table<ObjectiveId, usize>>,
    metrics: OnceLock<Table<MetricId, usize>>,
    /// Needs that at least one value element serves.
    served_needs: OnceLock<IdSet<NeedId>>,
    /// Business goals that at least one objective supports.
    supported_goals: OnceLock<IdSet<BusinessGoalId>>,
}

/// The places of one kind of element, and the ids given to two of them.
#[derive(Debug)]
struct Table<K, P> {
    places: IdMap<K, P>,
    duplicates: Vec<Duplicate>,
}

impl<K: std::hash::Hash + Eq + std::fmt::Display> Table<K, usize> {
    /// One pass over `items`: each item's id and position, the first position
    /// of an id kept and every later one recorded as a duplicate of `kind`.
    fn build<T>(
        items: &[T],
        kind: &'static str,
        id: impl Fn(&T) -> K,
        path: fn(usize) -> JsonPointer,
    ) -> Self {
        let mut places = id_map(items.len());
        let mut duplicates = Vec::new();
        for (i, item) in items.iter().enumerate() {
            record(&mut places, &mut duplicates, kind, id(item), i, path);
        }
        Table { places, duplicates }
    }
}

/// Segments and their needs, built together: a need's place is its segment's.
#[derive(Debug)]
struct SegmentTables {
    segments: IdMap<SegmentId, usize>,
    needs: IdMap<NeedId, (usize, usize)>,
    /// In the order of the canvas: a segment, then its needs.
    duplicates: Vec<Duplicate>,
}

/// Journeys and their touch points, built together: a touch point's place is
/// its journey's and its stage's.
#[derive(Debug)]
struct JourneyTables {
    journeys: IdMap<JourneyId, usize>,
    touch_points: IdMap<TouchPointId, (usize, usize, usize)>,
    /// In the order of the canvas: a journey, then its touch points.
    duplicates: Vec<Duplicate>,
}

impl CanvasIndex {
    /// Business goal id to the position of the first goal with that id.
    pub(crate) fn goals(&self, canvas: &Canvas) -> &IdMap<BusinessGoalId, usize> {
        &self.goals_table(canvas).places
    }

    fn goals_table(&self, canvas: &Canvas) -> &Table<BusinessGoalId, usize> {
        self.goals.get_or_init(|| {
            Table::build(
                &canvas.foundation.business_goals,
                "business goal",
                |goal| goal.id,
                paths::goal,
            )
        })
    }

    /// Segment id to the position of the first segment with that id.
    pub(crate) fn segments(&self, canvas: &Canvas) -> &IdMap<SegmentId, usize> {
        &self.segment_tables(canvas).segments
    }

    /// Need id to its segment's position and its own.
    pub(crate) fn needs(&self, canvas: &Canvas) -> &IdMap<NeedId, (usize, usize)> {
        &self.segment_tables(canvas).needs
    }

    fn segment_tables(&self, canvas: &Canvas) -> &SegmentTables {
        self.segments.get_or_init(|| {
            let segments = &canvas.context.customer.segments;
            let mut tables = SegmentTables {
                segments: id_map(segments.len()),
                needs: id_map(segments.iter().map(|s| s.needs.len()).sum()),
                duplicates: Vec::new(),
            };
            let dups = &mut tables.duplicates;
            for (s, segment) in segments.iter().enumerate() {
                record(
                    &mut tables.segments,
                    dups,
                    "segment",
                    segment.id,
                    s,
                    paths::segment,
                );
                for (n, need) in segment.needs.iter().enumerate() {
                    record(
                        &mut tables.needs,
                        dups,
                        "need",
                        need.id,
                        (s, n),
                        paths::need,
                    );
                }
            }
            tables
        })
    }

    /// Value element id to the position of the first element with that id.
    pub(crate) fn elements(&self, canvas: &Canvas) -> &IdMap<ValueElementId, usize> {
        &self.elements_table(canvas).places
    }

    fn elements_table(&self, canvas: &Canvas) -> &Table<ValueElementId, usize> {
        self.elements.get_or_init(|| {
            Table::build(
                &canvas.proposition.customer_value.elements,
                "value element",
                |element| element.id,
                paths::element,
            )
        })
    }

    /// Journey id to the position of the first journey with that id.
    pub(crate) fn journeys(&self, canvas: &Canvas) -> &IdMap<JourneyId, usize> {
        &self.journey_tables(canvas).journeys
    }

    /// Touch point id to its journey's, its stage's and its own position.
    pub(crate) fn touch_points(
        &self,
        canvas: &Canvas,
    ) -> &IdMap<TouchPointId, (usize, usize, usize)> {
        &self.journey_tables(canvas).touch_points
    }

    fn journey_tables(&self, canvas: &Canvas) -> &JourneyTables {
        self.journeys.get_or_init(|| {
            let journeys = &canvas.proposition.experience.journeys;
            let mut tables = JourneyTables {
                journeys: id_map(journeys.len()),
                touch_points: id_map(journeys.iter().map(|j| j.touch_points().count()).sum()),
                duplicates: Vec::new(),
            };
            let dups = &mut tables.duplicates;
            for (j, journey) in journeys.iter().enumerate() {
                record(
                    &mut tables.journeys,
                    dups,
                    "journey",
                    journey.id,
                    j,
                    paths::journey,
                );
                for (st, stage) in journey.stages.iter().enumerate() {
                    for (t, touch_point) in stage.touch_points.iter().enumerate() {
                        record(
                            &mut tables.touch_points,
                            dups,
                            "touch point",
                            touch_point.id,
                            (j, st, t),
                            paths::touch_point,
                        );
                    }
                }
            }
            tables
        })
    }

    /// Offering id to the position of the first offering with that id.
    pub(crate) fn offerings(&self, canvas: &Canvas) -> &IdMap<OfferingId, usize> {
        &self.offerings_table(canvas).places
    }

    fn offerings_table(&self, canvas: &Canvas) -> &Table<OfferingId, usize> {
        self.offerings.get_or_init(|| {
            Table::build(
                &canvas.value_chain.offerings.offerings,
                "offering",
                |offering| offering.id,
                paths::offering,
            )
        })
    }

    /// Capability gap id to the position of the first gap with that id.
    pub(crate) fn gaps(&self, canvas: &Canvas) -> &IdMap<CapabilityGapId, usize> {
        &self.gaps_table(canvas).places
    }

    fn gaps_table(&self, canvas: &Canvas) -> &Table<CapabilityGapId, usize> {
        self.gaps.get_or_init(|| {
            Table::build(
                &canvas.value_chain.offerings.capability_gaps,
                "capability gap",
                |gap| gap.id,
                paths::gap,
            )
        })
    }

    /// Objective id to the position of the first objective with that id.
    pub(crate) fn objectives(&self, canvas: &Canvas) -> &IdMap<ObjectiveId, usize> {
        &self.objectives_table(canvas).places
    }

    fn objectives_table(&self, canvas: &Canvas) -> &Table<ObjectiveId, usize> {
        self.objectives.get_or_init(|| {
            Table::build(
                &canvas.steering.performance.objectives,
                "objective",
                |objective| objective.id,
                paths::objective,
            )
        })
    }

    /// Metric id to the position of the first metric with that id.
    pub(crate) fn metrics(&self, canvas: &Canvas) -> &IdMap<MetricId, usize> {
        &self.metrics_table(canvas).places
    }

    fn metrics_table(&self, canvas: &Canvas) -> &Table<MetricId, usize> {
        self.metrics.get_or_init(|| {
            Table::build(
                &canvas.steering.performance.metrics,
                "metric",
                |metric| metric.id,
                paths::metric,
            )
        })
    }

    /// Needs that at least one value element serves.
    pub(crate) fn served_needs(&self, canvas: &Canvas) -> &IdSet<NeedId> {
        self.served_needs.get_or_init(|| {
            let elements = &canvas.proposition.customer_value.elements;
            let mut served = id_set(elements.iter().map(|e| e.serves.len()).sum());
            for element in elements {
                served.extend(element.serves.iter().copied());
            }
            served
        })
    }

    /// Business goals that at least one objective supports.
    pub(crate) fn supported_goals(&self, canvas: &Canvas) -> &IdSet<BusinessGoalId> {
        self.supported_goals.get_or_init(|| {
            let objectives = &canvas.steering.performance.objectives;
            let mut supported = id_set(objectives.len());
            supported.extend(objectives.iter().filter_map(|o| o.business_goal));
            supported
        })
    }

    /// Ids given to two elements of the same kind, in the order of the canvas
    /// (goals, segments and their needs, value elements, journeys and their
    /// touch points, offerings, gaps, objectives, metrics); builds every id
    /// table.
    pub(crate) fn duplicates<'a>(
        &'a self,
        canvas: &Canvas,
    ) -> impl Iterator<Item = &'a Duplicate> + 'a {
        let parts: [&'a [Duplicate]; 8] = [
            &self.goals_table(canvas).duplicates,
            &self.segment_tables(canvas).duplicates,
            &self.elements_table(canvas).duplicates,
            &self.journey_tables(canvas).duplicates,
            &self.offerings_table(canvas).duplicates,
            &self.gaps_table(canvas).duplicates,
            &self.objectives_table(canvas).duplicates,
            &self.metrics_table(canvas).duplicates,
        ];
        parts.into_iter().flatten()
    }

    /// How many of the index's parts have been built so far.
    #[cfg(test)]
    pub(crate) fn built_parts(&self) -> usize {
        [
            self.goals.get().is_some(),
            self.segments.get().is_some(),
            self.elements.get().is_some(),
            self.journeys.get().is_some(),
            self.offerings.get().is_some(),
            self.gaps.get().is_some(),
            self.objectives.get().is_some(),
            self.metrics.get().is_some(),
            self.served_needs.get().is_some(),
            self.supported_goals.get().is_some(),
        ]
        .into_iter()
        .filter(|&built| built)
        .count()
    }
}

impl Subject for Canvas {
    type Index = CanvasIndex;

    /// An index with no table built yet; see [`CanvasIndex`].
    fn index(&self) -> CanvasIndex {
        CanvasIndex::default()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::CanvasIndex;
    use crate::canvas::Canvas;
    use crate::rules::canvas::{CATALOGUE, strategy, trace, value};
    use crate::validate::{
        Check, FnRule, JsonPointer, Profile, Rule, RuleMeta, RuleSet, Severity, Subject,
    };
    use crate::{Document, LoadOptions};

    const SAMPLE: &str = include_str!("../../../examples/data/harbour_bank_canvas.json");

    fn sample() -> Canvas {
        Canvas::from_json_with(SAMPLE, &LoadOptions::default()).unwrap()
    }

    /// A rule that runs after every canvas rule (its code sorts last) and
    /// reports how many parts of the index the rules before it built.
    const PROBE: FnRule<Canvas> = FnRule::new(
        RuleMeta::new(
            "ZZ-PROBE-001",
            "Reports the parts of the index built",
            Severity::Info,
            "Shows which parts of the index a rule set builds.",
        ),
        probe,
    );

    fn probe(_: &Canvas, index: &CanvasIndex, check: &mut Check<'_>) {
        check
            .finding(JsonPointer::root(), "probe.built", "{built}")
            .arg("built", index.built_parts())
            .emit();
    }

    /// The number of index parts built by a run of `rules` on the sample.
    #[track_caller]
    fn parts_built_by(rules: Vec<Box<dyn Rule<Canvas>>>) -> String {
        let set = RuleSet::builder().rules(rules).rule(PROBE).build().unwrap();
        let report = set.validate(&sample(), Profile::Final);
        let last = report.findings().last().unwrap();
        assert_eq!(last.code, "ZZ-PROBE-001");
        last.message.clone()
    }

    fn boxed(rule: FnRule<Canvas>) -> Box<dyn Rule<Canvas>> {
        Box::new(rule)
    }

    #[test]
    fn making_the_index_builds_nothing() {
        assert_eq!(sample().index().built_parts(), 0);
    }

    #[test]
    fn a_rule_that_uses_no_table_builds_none() {
        assert_eq!(parts_built_by(vec![boxed(strategy::SCOPE_STATED)]), "0");
        assert_eq!(parts_built_by(Vec::new()), "0");
    }

    #[test]
    fn a_rule_builds_only_the_tables_it_uses() {
        // The payer rule looks up segments, which are built with their needs.
        assert_eq!(parts_built_by(vec![boxed(value::PAYER_USERS)]), "1");
        assert_eq!(parts_built_by(vec![boxed(trace::NEED_SERVED)]), "1");
        // References reach every kind of element, but not the two sets.
        assert_eq!(parts_built_by(vec![boxed(trace::REFERENCES)]), "8");
        assert_eq!(
            parts_built_by(vec![boxed(trace::REFERENCES), boxed(trace::DUPLICATE_IDS)]),
            "8"
        );
    }

    #[test]
    fn the_whole_catalogue_builds_every_part_once() {
        let rules = CATALOGUE.iter().map(|rule| boxed(*rule)).collect();
        assert_eq!(parts_built_by(rules), "10");
    }

    #[test]
    fn tables_find_what_the_canvas_holds() {
        let canvas = sample();
        let index = canvas.index();
        let segment = &canvas.context.customer.segments[1];
        assert_eq!(index.segments(&canvas).get(&segment.id), Some(&1));
        let need = &segment.needs[0];
        assert_eq!(index.needs(&canvas).get(&need.id), Some(&(1, 0)));
        assert_eq!(index.duplicates(&canvas).count(), 0);
    }
}
