//! Quick start: build a small canvas in code, write it as TOML, then load the
//! complete sample canvas and show which blocks are filled in each zone.
//!
//! Run with `cargo run --example quickstart [CANVAS.json|CANVAS.toml]`.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use customer_strategy::{
    Canvas, Channel, CustomerObjective, CustomerRole, CustomerSegment, CustomerStatus, Document,
    Function, Journey, JourneyStage, Lifecycle, TouchPoint, TouchPointKind, ValueElement, Zone,
};

/// Prints a line; a reader that goes away early (`| head`) is not an error.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    // 1. Build a small canvas in code. Adding an element hands back its id,
    //    which other blocks use to refer to it.
    let mut canvas = Canvas::new("Customer strategy 2026-2029", "Northgate Coffee");
    let goal = canvas.add_business_goal("Grow like-for-like sales by 6% a year");

    let mut commuters = CustomerSegment::new(
        "Morning commuters",
        CustomerStatus::Existing,
        CustomerRole::Both,
    );
    let quick = commuters.add_need("Coffee in hand within two minutes of arriving");
    let commuters = canvas.add_segment(commuters);
    canvas.add_value_element(ValueElement::new("Order ahead in the app", [quick]));

    let mut journey = Journey::new("Weekday morning visit", commuters);
    let mut collect = JourneyStage::new("Collect the order");
    collect.add_touch_point(TouchPoint::new(
        "Order not ready at pick-up",
        Channel::InPerson,
        TouchPointKind::Problem,
        Function::Operations,
    ));
    journey.stages.push(collect);
    canvas.add_journey(journey);

    let mut keep = CustomerObjective::new(
        "Keep four in five app users ordering monthly",
        Lifecycle::Retain,
    );
    keep.business_goal = Some(goal);
    canvas.add_objective(keep);

    say!("== A canvas built in code, as TOML ==\n");
    say!("{}", canvas.to_toml()?);
    print_blocks(&canvas);

    // 2. Load the complete sample canvas (JSON or TOML, chosen by extension).
    let path = std::env::args_os()
        .nth(1)
        .map_or_else(default_sample, PathBuf::from);
    let sample = load(&path)?;
    say!(
        "\n== {} ({}), loaded from {} ==",
        sample.metadata.name,
        sample.metadata.organization,
        path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
    );
    print_blocks(&sample);
    Ok(())
}

fn default_sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/harbour_bank_canvas.json")
}

fn load(path: &Path) -> Result<Canvas, Box<dyn Error>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let canvas = match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => Canvas::from_toml(&text)?,
        _ => Canvas::from_json(&text)?,
    };
    Ok(canvas)
}

fn print_blocks(canvas: &Canvas) {
    say!("Blocks filled, zone by zone:");
    for zone in Zone::ALL {
        say!("  {zone}");
        for block in zone.blocks() {
            let mark = if canvas.is_filled(block) {
                "[x]"
            } else {
                "[ ]"
            };
            say!("    {mark} {block}");
        }
    }
    let filled = canvas.filled_blocks().count();
    say!("  {filled} of 12 blocks filled");
}
