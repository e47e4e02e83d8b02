//! Ids given to two elements: recorded while an index is built, reported by
//! each catalogue's duplicate-id rule.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt::Display;
use std::hash::Hash;

use crate::validate::JsonPointer;

/// An id given to two elements of the same kind.
#[derive(Debug, Clone)]
pub(crate) struct Duplicate {
    /// What kind of element, such as `"segment"`.
    pub(crate) kind: &'static str,
    /// The id, as text.
    pub(crate) id: String,
    /// Where the id is first used.
    pub(crate) first: JsonPointer,
    /// Where it is used again.
    pub(crate) again: JsonPointer,
}

/// Records `key` at `place`; a second element with the same key becomes a
/// duplicate (its paths are built only then, since duplicates are rare).
pub(crate) fn record<K: Hash + Eq + Display, P: Copy>(
    map: &mut HashMap<K, P>,
    duplicates: &mut Vec<Duplicate>,
    kind: &'static str,
    key: K,
    place: P,
    path: fn(P) -> JsonPointer,
) {
    match map.entry(key) {
        Entry::Occupied(first) => duplicates.push(Duplicate {
            kind,
            id: first.key().to_string(),
            first: path(*first.get()),
            again: path(place),
        }),
        Entry::Vacant(slot) => {
            slot.insert(place);
        }
    }
}
