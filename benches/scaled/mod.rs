//! Canvases of every size for the validation benches: the sample canvas with
//! its identified elements copied over and over, with patterned or random ids.

use std::collections::HashMap;

use serde_json::Value;
use uuid::Uuid;

/// The sample canvas the generated ones are made of.
pub const SAMPLE: &str = include_str!("../../examples/data/harbour_bank_canvas.json");

/// The sizes measured: how many copies of the sample's elements.
pub const SCALES: [usize; 4] = [1, 10, 100, 1000];

/// How the copies get ids of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ids {
    /// The sample's ids with the copy's number in bytes 6 and 7 (the sample's
    /// ids count up in their last bytes: `00000000-0000-4000-8000-00000000xxxx`),
    /// so ids differ in few bits, in the low and in the high half alike.
    Patterned,
    /// A fresh random (version 4) UUID for every id of every copy, from a fixed
    /// seed so that every run measures the same canvas.
    Random,
}

impl Ids {
    /// Both kinds, patterned first.
    pub const BOTH: [Ids; 2] = [Ids::Patterned, Ids::Random];

    /// A short name for tables.
    pub fn name(self) -> &'static str {
        match self {
            Ids::Patterned => "patterned",
            Ids::Random => "random",
        }
    }
}

/// The arrays of identified elements that are copied.
const ARRAYS: [&str; 11] = [
    "/foundation/business_goals",
    "/context/customer/segments",
    "/proposition/customer_value/elements",
    "/proposition/business_value/investments",
    "/proposition/experience/journeys",
    "/value_chain/offerings/offerings",
    "/value_chain/offerings/capability_gaps",
    "/value_chain/capabilities/capabilities",
    "/steering/performance/objectives",
    "/steering/performance/metrics",
    "/steering/performance/incentives",
];

/// The sample canvas with its identified elements copied `scale` times over:
/// segments, needs, value elements, journeys and touch points, offerings, gaps,
/// capabilities, business goals, objectives, metrics and incentives. Each copy
/// gets its own ids and refers only to its own elements, so the result is as
/// valid as the sample. Returns the JSON and the number of identified
/// elements (objects with an `id`) it holds.
pub fn scaled_canvas(scale: usize, ids: Ids) -> (String, usize) {
    let base: Value = serde_json::from_str(SAMPLE).unwrap();
    let mut random = SplitMix(0x5eed_cafe_f00d_0001);
    let mut canvas = base.clone();
    if ids == Ids::Random {
        random_ids(&mut canvas, &mut HashMap::new(), &mut random);
    }
    for copy in 1..scale {
        let mut clone = base.clone();
        match ids {
            Ids::Patterned => renumber_ids(&mut clone, copy),
            Ids::Random => random_ids(&mut clone, &mut HashMap::new(), &mut random),
        }
        for pointer in ARRAYS {
            let extra = clone.pointer_mut(pointer).unwrap().as_array_mut().unwrap();
            let extra = std::mem::take(extra);
            canvas
                .pointer_mut(pointer)
                .unwrap()
                .as_array_mut()
                .unwrap()
                .extend(extra);
        }
    }
    // Investment shares are per objective; scale them down so they still add up.
    for objective in canvas
        .pointer_mut("/steering/performance/objectives")
        .unwrap()
        .as_array_mut()
        .unwrap()
    {
        if let Some(share) = objective.get_mut("investment_share") {
            *share = Value::from(share.as_f64().unwrap() / scale as f64);
        }
    }
    let elements = identified(&canvas);
    (serde_json::to_string_pretty(&canvas).unwrap(), elements)
}

/// The number of objects with an `id` in `value`.
fn identified(value: &Value) -> usize {
    match value {
        Value::Array(items) => items.iter().map(identified).sum(),
        Value::Object(map) => {
            usize::from(map.contains_key("id")) + map.values().map(identified).sum::<usize>()
        }
        _ => 0,
    }
}

/// Rewrites every UUID in the value so that copy `copy` has ids of its own.
pub fn renumber_ids(value: &mut Value, copy: usize) {
    match value {
        Value::String(text) => {
            if let Ok(uuid) = Uuid::parse_str(text) {
                let renumbered = uuid.as_u128() ^ ((copy as u128) << 64);
                *text = Uuid::from_u128(renumbered).to_string();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| renumber_ids(v, copy)),
        Value::Object(map) => map.values_mut().for_each(|v| renumber_ids(v, copy)),
        _ => {}
    }
}

/// Replaces every UUID in the value by a random one, the same UUID by the same
/// replacement (so references still resolve).
fn random_ids(value: &mut Value, given: &mut HashMap<Uuid, Uuid>, random: &mut SplitMix) {
    match value {
        Value::String(text) => {
            if let Ok(uuid) = Uuid::parse_str(text) {
                let fresh = *given.entry(uuid).or_insert_with(|| {
                    let bytes = (u128::from(random.next()) << 64) | u128::from(random.next());
                    uuid::Builder::from_random_bytes(bytes.to_le_bytes()).into_uuid()
                });
                *text = fresh.to_string();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| random_ids(v, given, random)),
        Value::Object(map) => map.values_mut().for_each(|v| random_ids(v, given, random)),
        _ => {}
    }
}

/// A small, seeded generator (SplitMix64), so the random canvas is the same in
/// every run.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}
