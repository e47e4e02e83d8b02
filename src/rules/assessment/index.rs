//! The indexes of an instrument and of an assessment: every id mapped to where
//! it sits, built once per validation run and shared by every rule.

use std::collections::hash_map::Entry;

use crate::assessment::{Assessment, DimensionId, Instrument, ItemId, OrgLevel};
use crate::rules::assessment::paths;
use crate::rules::duplicates::{Duplicate, IdMap, id_map, record};
use crate::validate::Subject;

/// Where every dimension, item and maturity level of an instrument sits.
///
/// Built in one pass over the instrument by [`Subject::index`]; lookups are
/// constant time, so no rule needs to search the instrument.
#[derive(Debug, Default)]
pub struct InstrumentIndex {
    /// Dimension id to the position of the first dimension with that id.
    pub(crate) dimensions: IdMap<DimensionId, usize>,
    /// Item id to the position of the first item with that id.
    pub(crate) items: IdMap<ItemId, usize>,
    /// Level number to the position of the first level with that number.
    pub(crate) levels: IdMap<u8, usize>,
    /// How many items belong to each dimension, by the dimension's position
    /// (counted on the first dimension of an id used twice).
    pub(crate) items_per_dimension: Vec<usize>,
    /// Ids (and level numbers) given twice: the kind, then the first and the later place.
    pub(crate) duplicates: Vec<Duplicate>,
}

impl Subject for Instrument {
    type Index = InstrumentIndex;

    fn index(&self) -> InstrumentIndex {
        let mut ix = InstrumentIndex {
            dimensions: id_map(self.dimensions.len()),
            items: id_map(self.items.len()),
            levels: id_map(self.levels.len()),
            items_per_dimension: vec![0; self.dimensions.len()],
            duplicates: Vec::new(),
        };
        let dups = &mut ix.duplicates;
        for (d, dimension) in self.dimensions.iter().enumerate() {
            record(
                &mut ix.dimensions,
                dups,
                "dimension",
                dimension.id.clone(),
                d,
                paths::dimension_id,
            );
        }
        for (i, item) in self.items.iter().enumerate() {
            record(
                &mut ix.items,
                dups,
                "item",
                item.id.clone(),
                i,
                paths::item_id,
            );
            if let Some(count) = ix
                .dimensions
                .get(&item.dimension)
                .and_then(|&d| ix.items_per_dimension.get_mut(d))
            {
                *count += 1;
            }
        }
        for (l, level) in self.levels.iter().enumerate() {
            record(
                &mut ix.levels,
                dups,
                "level number",
                level.number,
                l,
                paths::level_number,
            );
        }
        ix
    }
}

/// The number of organizational levels.
const LEVELS: usize = OrgLevel::ALL.len();

/// Where every item of the instrument sits, which items each organizational
/// level is asked, and who answered at each level.
///
/// Built in one pass over the instrument and one over the round by
/// [`Subject::index`]; lookups are constant time, so no rule needs to search
/// the instrument's items or the round's responses.
#[derive(Debug, Default)]
pub struct AssessmentIndex {
    /// Item id to the position of the first item of the instrument with that id.
    pub(crate) items: IdMap<ItemId, usize>,
    /// How many items (with distinct ids) are asked of each organizational
    /// level, by [`slot`].
    pub(crate) asked: [usize; LEVELS],
    /// The positions of the responses at each organizational level, in the
    /// round's order, by [`slot`].
    pub(crate) by_level: [Vec<usize>; LEVELS],
    /// Respondents who answered twice: the position of their first response
    /// and of the later one.
    pub(crate) repeated: Vec<(usize, usize)>,
}

impl AssessmentIndex {
    /// How many items are asked of `level`.
    pub(crate) fn asked_of(&self, level: OrgLevel) -> usize {
        self.asked.get(level.position()).copied().unwrap_or(0)
    }
}

impl Subject for Assessment {
    type Index = AssessmentIndex;

    fn index(&self) -> AssessmentIndex {
        let instrument = &self.instrument;
        let mut ix = AssessmentIndex {
            items: id_map(instrument.items.len()),
            ..AssessmentIndex::default()
        };
        for (i, item) in instrument.items.iter().enumerate() {
            if let Entry::Vacant(slot_for_item) = ix.items.entry(item.id.clone()) {
                slot_for_item.insert(i);
                for level in OrgLevel::ALL {
                    if item.is_asked_of(level)
                        && let Some(count) = ix.asked.get_mut(level.position())
                    {
                        *count += 1;
                    }
                }
            }
        }
        let mut seen: IdMap<&str, usize> = id_map(self.round.responses.len());
        for (r, response) in self.round.responses.iter().enumerate() {
            let respondent = &response.respondent;
            if let Some(responses) = ix.by_level.get_mut(respondent.level.position()) {
                responses.push(r);
            }
            match seen.entry(respondent.id.as_str()) {
                Entry::Occupied(first) => ix.repeated.push((*first.get(), r)),
                Entry::Vacant(place) => {
                    place.insert(r);
                }
            }
        }
        ix
    }
}
