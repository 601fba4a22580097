//! Repairs the input-method (IME) events of each frame before egui's text fields see them, so that
//! a Hangul syllable still being composed is neither lost nor typed twice when a key, a click or a
//! focus change ends the composition.
//!
//! egui 0.37's `TextEdit` keeps the preedit text in its buffer and replaces it on every
//! `ImeEvent`. That gives the right text when the input method first commits the syllable and then
//! forwards the key that ended the composition. Measured with ibus 1.5.27 and ibus-hangul 1.5.4
//! through XIM under Xvfb (winit 0.30.13, egui-winit 0.37), the events do not always come in that
//! order:
//!
//! - Enter reached the app after the preedit was cleared but before the commit in 6 of 29 runs. A
//!   single-line field then loses focus and the commit never arrives, and the code editor puts the
//!   syllable after the new line. Tab, Space and the arrows are forwarded the same way.
//! - Escape (6 of 6 runs) and Ctrl+S (3 of 6 runs) were forwarded while the syllable was still
//!   composed. winit then turns the key into a commit of its control character (`"\u{1b}"`,
//!   `"\u{13}"`), which egui inserts into the text, and the key press itself never arrives.
//!
//! [`ImeRepair::repair`] rewrites one frame's events: it commits the composed syllable itself
//! before the key that ended the composition, turns control-character commits back into key
//! presses, and drops the input method's own commit of a syllable that was already committed.
//! [`repair_raw_input`] keeps that state in the egui context and belongs in
//! `eframe::App::raw_input_hook`, which runs before egui reads the frame's input. A per-field call
//! would come too late, because egui drops focus on Escape before any widget runs.
//!
//! TODO: Remove this module once egui and winit handle these orders. The tests in `tests/ime.rs`
//! named `egui_raw_…` that expect a lost, doubled or control character fail when they do.

use egui::{Event, Id, ImeEvent, Key, Modifiers, RawInput};

/// Maximum time, in seconds, between the input method clearing a preedit and the key press that
/// caused it. In the X11 runs the key came in the frame after the clear, and a user's next
/// keystroke after a Backspace takes longer. The value is an estimate.
const MAX_CLEAR_TO_KEY_SECS: f64 = 0.2;

/// A preedit text and the widget that showed it.
#[derive(Clone, Debug, PartialEq)]
struct Composition {
    owner: Id,
    text: String,
    /// Whether the input method has cleared this preedit without committing it yet.
    cleared: bool,
    /// Input time of the clear, in seconds, when the frame had one.
    cleared_at: Option<f64>,
}

/// State of the input method's composition, carried from frame to frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImeRepair {
    /// The syllable being composed, if any. It stays here after the input method clears the
    /// preedit until the commit, a new preedit or an unrelated key shows what the clear meant.
    composition: Option<Composition>,
    /// A syllable that this module committed, or that egui kept as plain text when focus moved.
    /// The input method's own commit of the same text, arriving later, is dropped.
    committed_early: Option<String>,
}

impl ImeRepair {
    /// Rewrites one frame's `events` in place.
    ///
    /// `focused` is the widget that had keyboard focus at the end of the previous frame and `time`
    /// is the frame's input time in seconds (`RawInput::time`), when known.
    pub fn repair(&mut self, focused: Option<Id>, time: Option<f64>, events: &mut Vec<Event>) {
        if let Some(composition) = &self.composition
            && Some(composition.owner) != focused
        {
            // egui keeps a preedit as plain text when its field loses focus.
            if !composition.cleared {
                self.committed_early = Some(composition.text.clone());
            }
            self.composition = None;
        }

        let incoming = std::mem::take(events);
        for event in incoming {
            match &event {
                Event::Ime(ImeEvent::Preedit { text, .. }) => {
                    self.on_preedit(focused, time, text);
                    events.push(event);
                }
                Event::Ime(ImeEvent::Commit(text)) => {
                    if let Some(key_event) = event_for_control_text(text) {
                        self.commit_composition(time, events);
                        events.push(key_event);
                    } else if self.on_commit(text) {
                        events.push(event);
                    }
                }
                // The input method consumes Backspace while it composes, so a Backspace that gets
                // through after a clear means the clear was that Backspace removing the last jamo.
                Event::Key {
                    key: Key::Backspace | Key::Delete,
                    ..
                } => {
                    self.forget_cleared();
                    events.push(event);
                }
                Event::Key {
                    key, pressed: true, ..
                } if !is_modifier(*key) => {
                    self.commit_composition(time, events);
                    events.push(event);
                }
                Event::Text(_) => {
                    self.commit_composition(time, events);
                    events.push(event);
                }
                Event::PointerButton { pressed: true, .. } => {
                    self.forget_cleared();
                    self.commit_composition(time, events);
                    events.push(event);
                }
                _ => events.push(event),
            }
        }
    }

    fn on_preedit(&mut self, focused: Option<Id>, time: Option<f64>, text: &str) {
        if text.is_empty() {
            if let Some(composition) = &mut self.composition
                && !composition.cleared
            {
                composition.cleared = true;
                composition.cleared_at = time;
            }
            return;
        }
        self.committed_early = None;
        self.composition = focused.map(|owner| Composition {
            owner,
            text: text.to_owned(),
            cleared: false,
            cleared_at: None,
        });
    }

    /// Ends the composition with the input method's commit; returns whether to keep the event.
    fn on_commit(&mut self, text: &str) -> bool {
        self.composition = None;
        let repeated = self.committed_early.as_deref() == Some(text);
        self.committed_early = None;
        !repeated
    }

    /// Drops a cleared preedit: the input method removed it (Backspace on the last jamo).
    fn forget_cleared(&mut self) {
        if self
            .composition
            .as_ref()
            .is_some_and(|composition| composition.cleared)
        {
            self.composition = None;
        }
    }

    /// Commits the syllable being composed, or the one the input method just cleared, as if the
    /// input method had committed it before the event that follows.
    fn commit_composition(&mut self, time: Option<f64>, events: &mut Vec<Event>) {
        let Some(composition) = self.composition.take() else {
            return;
        };
        if let (Some(cleared_at), Some(now)) = (composition.cleared_at, time)
            && now - cleared_at > MAX_CLEAR_TO_KEY_SECS
        {
            return;
        }
        events.push(Event::Ime(ImeEvent::Commit(composition.text.clone())));
        self.committed_early = Some(composition.text);
    }
}

/// Repairs `raw_input`'s events for the focused widget of `ctx`, keeping the state between frames
/// in the context's temporary data. Call it from `eframe::App::raw_input_hook`, before egui reads
/// the input.
pub fn repair_raw_input(ctx: &egui::Context, raw_input: &mut RawInput) {
    let state_id = Id::unique("bai_settings_ime_repair");
    let focused = ctx.memory(|memory| memory.focused());
    let mut repair: ImeRepair = ctx.data_mut(|data| data.get_temp(state_id).unwrap_or_default());
    repair.repair(focused, raw_input.time, &mut raw_input.events);
    ctx.data_mut(|data| data.insert_temp(state_id, repair));
}

/// Returns the event for the key that winit's X11 backend turned into a commit of `text`, when
/// `text` is a single control character: a key press, or `Copy` and `Cut` as egui-winit sends
/// them for Ctrl+C and Ctrl+X.
///
/// The Ctrl modifiers are those egui-winit sends on Linux, where Command is Ctrl.
///
/// NOTE: Ctrl+V comes back as a key press, not as `Event::Paste`, because only egui-winit reads
/// the clipboard. So pasting while a syllable is composed on X11 does nothing.
fn event_for_control_text(text: &str) -> Option<Event> {
    let mut chars = text.chars();
    let (Some(character), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let ctrl = Modifiers {
        ctrl: true,
        command: true,
        ..Modifiers::NONE
    };
    let (key, modifiers) = match character {
        '\u{3}' => return Some(Event::Copy),
        '\u{18}' => return Some(Event::Cut),
        '\r' | '\n' => (Key::Enter, Modifiers::NONE),
        '\t' => (Key::Tab, Modifiers::NONE),
        '\u{1b}' => (Key::Escape, Modifiers::NONE),
        '\u{8}' => (Key::Backspace, Modifiers::NONE),
        '\u{7f}' => (Key::Delete, Modifiers::NONE),
        '\u{1}'..='\u{1a}' => {
            let letter = char::from_u32(u32::from('A') + u32::from(character) - 1)?;
            (Key::from_name(&letter.to_string())?, ctrl)
        }
        _ => return None,
    };
    Some(Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    })
}

/// Whether `key` is a modifier, whose presses an input method passes through without ending the
/// composition.
fn is_modifier(key: Key) -> bool {
    matches!(
        key,
        Key::ShiftLeft
            | Key::ShiftRight
            | Key::ControlLeft
            | Key::ControlRight
            | Key::AltLeft
            | Key::AltRight
            | Key::SuperLeft
            | Key::SuperRight
    )
}
