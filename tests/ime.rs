//! Hangul typed through an input method (IME) into single-line fields and the code editor: the
//! exact `egui::Event` sequences a real IME produces, fed frame by frame into egui 0.37's
//! `TextEdit`, with and without the repair in `src/ui/ime.rs`.
//!
//! # Where the sequences come from
//!
//! egui-winit 0.37 (`src/lib.rs`, `State::on_ime`) maps each `winit::event::Ime::Preedit(text,
//! range)` to `ImeEvent::Preedit` (range converted to chars) and each `Ime::Commit` to
//! `ImeEvent::Commit`, and it ignores `Ime::Enabled` and `Ime::Disabled`. It enables winit's IME
//! input only while a `TextEdit` sets `PlatformOutput::ime`, and resets the IME (allowed off, then
//! on) when `IMEOutput::should_interrupt_composition` is set, which egui does on every
//! `request_focus` (`egui/src/memory/mod.rs`).
//!
//! **X11, measured.** ibus 1.5.27 with ibus-hangul 1.5.4 (Debian 12) through XIM, under Xvfb, typed
//! with `xdotool key` into an eframe 0.37 window (winit 0.30.13) that logged `RawInput::events`
//! per frame. Brackets are frames, `P` is `Preedit` with its char range, `C` is `Commit`:
//!
//! | what the user does | events |
//! | --- | --- |
//! | first jamo ㅇ | `[P("", None)]` `[P("ㅇ", 1..1)]` |
//! | next jamo, 아 | `[P("아", 1..1)]` |
//! | jamo that starts a syllable, 안 + ㄴ | `[P("", 0..0), P("", None), P("", None), C("안"), P("", None)]` `[P("ㄴ", 1..1)]` |
//! | Enter, Tab, Space, arrow | `[P("", 0..0), P("", None), P("", None), C("요")]` `[Key press]` |
//! | the same, raced (Enter: 6 runs in 29) | `[P("", 0..0), P("", None)]` `[Key press]`, then `[P("", None), C("요")]` only while the field keeps the IME |
//! | Escape (6 runs in 6) | `[P("", None), C("\u{1b}")]` `[P("", None), C("요")]`; no Escape press |
//! | Ctrl+S (3 runs in 6; the others commit first) | `[P("", None), C("\u{13}")]` `[ControlLeft press]` `[S release]` `[P("", None), C("요")]`; no S press |
//! | Backspace on 요, twice | `[P("ㅇ", 1..1)]` `[P("", 0..0), P("", None)]` `[Backspace release]`; the next press gets through |
//! | Hanja: F9, Down, Enter on 한 | `[P("한", 1..1)]` `[P("", 0..0), P("", None), P("", None), C("漢")]`; no Enter press |
//! | Shift+Space (to Latin) on 정 | `[P("", 0..0), P("", None), P("", None), C("정")]` |
//! | click on a button or another field | nothing more: the XIC is destroyed with the composition |
//!
//! winit's X11 backend explains the shapes (`src/platform_impl/linux/x11/event_processor.rs` and
//! `x11/ime/context.rs`). It queues the XIM preedit callbacks and sends them after the X event
//! being processed: `P("", None)` on start and done, `P(text, caret..caret)` on draw. A commit
//! arrives as a key press with keycode 0 and becomes `P("", None)` then `C`. A key that the IME
//! forwards while `is_composing` is still set becomes `C(lookup string)` instead of a key press,
//! and ibus-hangul forwards Escape and Ctrl+letter before it commits, hence `C("\u{1b}")` and
//! `C("\u{13}")`.
//!
//! **Wayland, derived (not measured here).** winit 0.30.13
//! (`src/platform_impl/linux/wayland/seat/text_input/mod.rs`) collects `preedit_string` and
//! `commit_string` until `done`, then sends `P("", None)` if there is a commit or no preedit, then
//! `C(text)`, then `P(text, cursor)`. Keys come separately through `wl_keyboard` and never turn into
//! commits. With ibus-hangul's order from the X11 run, that gives `[P("ㅇ", 1..1)]` per jamo,
//! `[P("", None), C("안"), P("ㄴ", 1..1)]` at a syllable boundary, `[P("", None), C("요")]`
//! `[Key press]` for Enter, Tab, Space and arrows, and `[Key press]` `[P("", None), C("요")]` for
//! Escape and Ctrl+S.
//!
//! # What egui gets right and wrong
//!
//! egui 0.37 (`src/widgets/text_edit/builder.rs`, `events`) keeps the preedit in the text buffer,
//! selected, and replaces that selection on every preedit and commit; a field that loses focus
//! keeps the preedit as plain text. So the commit-first orders above give the right text, the
//! IME rectangle follows the cursor, and Hanja confirmation neither submits nor adds a newline.
//! Wrong, each shown by a test named `egui_raw_…`: a key that arrives after the clear but before
//! the commit (the X11 race) drops the syllable in a single-line field and moves it behind the
//! newline in the editor; on X11, Escape and Ctrl+S insert their control character and never act;
//! and a key before the commit (the Wayland order for Escape and Ctrl+S, and any platform that
//! reports the key first) doubles or misplaces the syllable. The other tests run with the repair
//! from `src/ui/ime.rs`, applied the way `eframe::App::raw_input_hook` would apply it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

// The repair is compiled into this test from its source file until `src/ui/mod.rs` declares it.
use bai_settings::ui::ime;

use bai_settings::state::PendingSignIn;
use egui::text_edit::TextEditState;
use egui::{Event, Id, ImeEvent, Key, KeyboardShortcut, Modifiers, Pos2, Rect, Shape, TextEdit};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ime::ImeRepair;

// ---------------------------------------------------------------------------------------------
// Events

/// Returns a preedit with the caret at its end, as ibus-hangul sends it.
fn preedit(text: &str) -> Event {
    let chars = text.chars().count();
    Event::Ime(ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: Some(chars..chars),
    })
}

/// Returns an empty preedit without caret, as winit sends it for XIM preedit start and done and
/// for a Wayland `done` with a commit.
fn preedit_hidden() -> Event {
    Event::Ime(ImeEvent::Preedit {
        text: String::new(),
        active_range_chars: None,
    })
}

/// Returns an empty preedit with the caret at 0, as winit sends it for an XIM preedit draw that
/// deletes everything.
fn preedit_cleared() -> Event {
    Event::Ime(ImeEvent::Preedit {
        text: String::new(),
        active_range_chars: Some(0..0),
    })
}

fn commit(text: &str) -> Event {
    Event::Ime(ImeEvent::Commit(text.to_owned()))
}

fn key(key: Key, pressed: bool, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: Some(key),
        pressed,
        repeat: false,
        modifiers,
    }
}

fn press(pressed_key: Key) -> Event {
    key(pressed_key, true, Modifiers::NONE)
}

fn release(released_key: Key) -> Event {
    key(released_key, false, Modifiers::NONE)
}

/// Ctrl as egui-winit reports it on Linux, where Command is Ctrl.
fn ctrl() -> Modifiers {
    Modifiers {
        ctrl: true,
        command: true,
        ..Modifiers::NONE
    }
}

/// Returns the events of a key with text that the IME lets through: the press and its text.
fn typed(pressed_key: Key, text: &str) -> Vec<Event> {
    vec![press(pressed_key), Event::Text(text.to_owned())]
}

// ---------------------------------------------------------------------------------------------
// Sequences

/// The display server whose IME event order a test replays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Platform {
    /// Measured: ibus-hangul through XIM, winit 0.30.13.
    X11,
    /// Derived from winit 0.30.13's text-input-v3 handling.
    Wayland,
}

const PLATFORMS: [Platform; 2] = [Platform::X11, Platform::Wayland];

/// One keystroke of the IME's composition.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// The preedit becomes this text.
    Preedit(&'static str),
    /// The IME commits the first text and starts the next syllable with the second.
    CommitThen(&'static str, &'static str),
}

/// 안녕하세요 in the 2-set layout (d k s s u d g k t p d y), leaving 요 composed.
const GREETING: &[Step] = &[
    Step::Preedit("ㅇ"),
    Step::Preedit("아"),
    Step::Preedit("안"),
    Step::CommitThen("안", "ㄴ"),
    Step::Preedit("녀"),
    Step::Preedit("녕"),
    Step::CommitThen("녕", "ㅎ"),
    Step::Preedit("하"),
    Step::Preedit("핫"),
    Step::CommitThen("하", "세"),
    Step::Preedit("셍"),
    Step::CommitThen("세", "요"),
];

/// 한 (g k s), left composed.
const HAN: &[Step] = &[
    Step::Preedit("ㅎ"),
    Step::Preedit("하"),
    Step::Preedit("한"),
];

impl Platform {
    /// Returns the frames of one composition step. `first` marks the first jamo of a composition.
    fn step_frames(self, step: Step, first: bool) -> Vec<Vec<Event>> {
        match (self, step) {
            (Self::X11, Step::Preedit(text)) if first => {
                vec![vec![preedit_hidden()], vec![preedit(text)]]
            }
            (Self::X11 | Self::Wayland, Step::Preedit(text)) => vec![vec![preedit(text)]],
            (Self::X11, Step::CommitThen(committed, next)) => vec![
                vec![
                    preedit_cleared(),
                    preedit_hidden(),
                    preedit_hidden(),
                    commit(committed),
                    preedit_hidden(),
                ],
                vec![preedit(next)],
            ],
            (Self::Wayland, Step::CommitThen(committed, next)) => {
                vec![vec![preedit_hidden(), commit(committed), preedit(next)]]
            }
        }
    }

    /// Returns the frame in which the IME clears the preedit and commits `text`, before it
    /// forwards the key that ended the composition (Enter, Tab, Space, an arrow, Shift+Space, or
    /// Enter on a Hanja candidate).
    fn flush(self, text: &str) -> Vec<Event> {
        match self {
            Self::X11 => vec![
                preedit_cleared(),
                preedit_hidden(),
                preedit_hidden(),
                commit(text),
            ],
            Self::Wayland => vec![preedit_hidden(), commit(text)],
        }
    }

    /// Escape pressed while `composed` is composed.
    fn escape(self, composed: &str) -> Vec<Vec<Event>> {
        match self {
            Self::X11 => vec![
                vec![preedit_hidden(), commit("\u{1b}")],
                vec![preedit_hidden(), commit(composed)],
                vec![release(Key::Escape)],
            ],
            Self::Wayland => vec![
                vec![press(Key::Escape)],
                vec![preedit_hidden(), commit(composed)],
                vec![release(Key::Escape)],
            ],
        }
    }

    /// Ctrl+S pressed while `composed` is composed.
    fn ctrl_s(self, composed: &str) -> Vec<Vec<Event>> {
        match self {
            Self::X11 => vec![
                vec![preedit_hidden(), commit("\u{13}")],
                vec![key(Key::ControlLeft, true, Modifiers::NONE)],
                vec![preedit_hidden(), key(Key::S, false, Modifiers::NONE)],
                vec![key(Key::ControlLeft, false, ctrl())],
                vec![preedit_hidden(), commit(composed)],
            ],
            Self::Wayland => vec![
                vec![key(Key::ControlLeft, true, Modifiers::NONE)],
                vec![key(Key::S, true, ctrl())],
                vec![preedit_hidden(), commit(composed)],
                vec![key(Key::S, false, ctrl())],
                vec![key(Key::ControlLeft, false, ctrl())],
            ],
        }
    }

    /// Backspace pressed while a one-jamo syllable is composed: the IME clears the preedit and
    /// lets the key release through.
    fn backspace_last_jamo(self) -> Vec<Vec<Event>> {
        match self {
            Self::X11 => vec![
                vec![preedit_cleared(), preedit_hidden()],
                vec![release(Key::Backspace)],
            ],
            Self::Wayland => vec![vec![preedit_cleared()], vec![release(Key::Backspace)]],
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A form with one field of each kind

/// Labels of the form's widgets, which the tests click by.
const NAME: &str = "Name";
const OTHER: &str = "Other";
const SCRIPT: &str = "Script";
const ELSEWHERE: &str = "Elsewhere";

fn name_id() -> Id {
    Id::unique("ime_test_name")
}

fn other_id() -> Id {
    Id::unique("ime_test_other")
}

fn script_id() -> Id {
    Id::unique("ime_test_script")
}

/// The texts of the form and what Enter and Ctrl+S did.
#[derive(Debug, Default)]
struct Form {
    name: String,
    other: String,
    script: String,
    /// The name at each Enter that ended editing, like the sign-in dialog's `text_field_ui`.
    submitted: Vec<String>,
    /// The script at each Ctrl+S, like the script editor's `buttons_ui`.
    saved: Vec<String>,
}

fn form_ui(ui: &mut egui::Ui, form: &mut Form) {
    let label = ui.label(NAME);
    let name = ui
        .add(
            TextEdit::singleline(&mut form.name)
                .id(name_id())
                .desired_width(300.0),
        )
        .labelled_by(label.id);
    if name.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter)) {
        form.submitted.push(form.name.clone());
    }

    let label = ui.label(OTHER);
    ui.add(
        TextEdit::singleline(&mut form.other)
            .id(other_id())
            .desired_width(300.0),
    )
    .labelled_by(label.id);

    let label = ui.label(SCRIPT);
    ui.add(
        TextEdit::multiline(&mut form.script)
            .code_editor()
            .id(script_id())
            .desired_rows(6)
            .desired_width(300.0)
            .lock_focus(true),
    )
    .labelled_by(label.id);
    let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    if ui.input_mut(|input| input.consume_shortcut(&save)) {
        form.saved.push(form.script.clone());
    }

    let _ = ui.button(ELSEWHERE);
}

/// Which of the form's text fields a test types into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    /// A single-line field that submits on Enter, like the sign-in dialog's.
    Name,
    /// The multi-line code editor, like the script editor's.
    Script,
}

const FIELDS: [Field; 2] = [Field::Name, Field::Script];

impl Field {
    fn label(self) -> &'static str {
        match self {
            Self::Name => NAME,
            Self::Script => SCRIPT,
        }
    }

    fn id(self) -> Id {
        match self {
            Self::Name => name_id(),
            Self::Script => script_id(),
        }
    }

    fn text(self, form: &Form) -> &str {
        match self {
            Self::Name => &form.name,
            Self::Script => &form.script,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Driving a harness frame by frame

/// Feeds IME sequences into a harness, one `RawInput` per frame, optionally repaired first.
struct Typist<'a, State> {
    harness: Harness<'a, State>,
    platform: Platform,
    repair: bool,
}

impl<'a, State> Typist<'a, State> {
    /// Runs one frame with exactly these events.
    fn frame(&mut self, events: Vec<Event>) {
        self.harness.input_mut().events.extend(events);
        if self.repair {
            let ctx = self.harness.ctx.clone();
            ime::repair_raw_input(&ctx, self.harness.input_mut());
        }
        self.harness.step();
    }

    fn frames(&mut self, frames: Vec<Vec<Event>>) {
        for events in frames {
            self.frame(events);
        }
    }

    /// Types the steps of a composition that starts with no syllable composed.
    fn compose(&mut self, steps: &[Step]) {
        for (index, step) in steps.iter().enumerate() {
            let frames = self.platform.step_frames(*step, index == 0);
            self.frames(frames);
        }
    }

    /// Presses and releases a key that the IME lets through.
    fn tap(&mut self, tapped: Key) {
        self.frame(vec![press(tapped)]);
        self.frame(vec![release(tapped)]);
    }

    /// Types Latin text with the IME in Latin mode: each character is a key press with its text.
    fn type_latin(&mut self, text: &str) {
        for character in text.chars() {
            let name = match character {
                ' ' => "Space".to_owned(),
                _ => character.to_ascii_uppercase().to_string(),
            };
            let pressed_key = Key::from_name(&name).expect("a key for each character typed");
            self.frame(typed(pressed_key, &character.to_string()));
        }
    }

    /// Clicks the middle of the widget labelled `label`, one frame per pointer event, so that the
    /// repair gets the click as it would in `raw_input_hook`.
    fn click(&mut self, label: &str) {
        let pos = self.harness.get_by_label(label).rect().center();
        let button = |pressed| Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        };
        self.frame(vec![Event::PointerMoved(pos)]);
        self.frame(vec![button(true)]);
        self.frame(vec![button(false)]);
        self.frame(Vec::new());
    }

    /// Returns the cursor rectangle that egui sends to the IME, if a field owns the IME.
    fn ime_cursor(&self) -> Option<Rect> {
        self.harness
            .output()
            .platform_output
            .ime
            .map(|ime| ime.cursor_rect)
    }
}

/// Builds the form's harness with the app's Hangul font, so that text is laid out as in the app.
fn form_typist(platform: Platform, repair: bool) -> Typist<'static, Form> {
    form_typist_with(platform, repair, false)
}

/// Like [`form_typist`]; `allow_tofu` draws a box for characters the fonts lack instead of
/// failing the test.
fn form_typist_with(platform: Platform, repair: bool, allow_tofu: bool) -> Typist<'static, Form> {
    let mut builder = Harness::builder()
        .with_size([480.0, 420.0])
        .with_context_setup(bai_settings::fonts::install_fonts);
    if allow_tofu {
        builder = builder.allow_missing_glyphs();
    }
    let harness = builder.build_ui_state(form_ui, Form::default());
    Typist {
        harness,
        platform,
        repair,
    }
}

/// Builds a form typist and clicks `field`.
fn typist_in(field: Field, platform: Platform, repair: bool) -> Typist<'static, Form> {
    focused_typist(form_typist(platform, repair), field)
}

fn focused_typist(mut typist: Typist<'static, Form>, field: Field) -> Typist<'static, Form> {
    typist.click(field.label());
    assert!(
        typist
            .harness
            .ctx
            .memory(|memory| memory.has_focus(field.id())),
        "{field:?} is focused after a click"
    );
    typist
}

/// Returns the cursor of the field `id` as a char index.
fn cursor_index(typist: &Typist<'_, Form>, id: Id) -> Option<usize> {
    let state = TextEditState::load(&typist.harness.ctx, id)?;
    let range = state.cursor.char_range()?;
    Some(range.primary.index.0)
}

/// Returns the horizontal lines drawn with an IME underline stroke in the last frame.
fn ime_underlines(typist: &Typist<'_, Form>) -> Vec<[Pos2; 2]> {
    let style = typist.harness.ctx.global_style();
    let strokes = [
        style.visuals.ime_composition.active_underline_stroke,
        style.visuals.ime_composition.inactive_underline_stroke,
    ];
    typist
        .harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            Shape::LineSegment { points, stroke }
                if strokes.contains(stroke) && points[0].y == points[1].y =>
            {
                Some(*points)
            }
            _ => None,
        })
        .collect()
}

/// Returns a copy of `field`'s text.
fn text_of(typist: &Typist<'_, Form>, field: Field) -> String {
    field.text(typist.harness.state()).to_owned()
}

// ---------------------------------------------------------------------------------------------
// Composition

#[test]
fn typing_shows_preedit_underlined_at_cursor() {
    for platform in PLATFORMS {
        for field in FIELDS {
            let mut typist = typist_in(field, platform, false);
            let mut committed = String::new();
            let mut previous_x = typist.ime_cursor().unwrap().min.x;
            for (index, step) in GREETING.iter().enumerate() {
                let frames = platform.step_frames(*step, index == 0);
                typist.frames(frames);
                let shown = match step {
                    Step::Preedit(text) => *text,
                    Step::CommitThen(done, next) => {
                        committed.push_str(done);
                        *next
                    }
                };
                let case = format!("{platform:?} {field:?} after {step:?}");
                assert_eq!(
                    text_of(&typist, field),
                    format!("{committed}{shown}"),
                    "{case}"
                );

                let cursor = typist.ime_cursor().expect("the field owns the IME");
                assert!(
                    cursor.min.x >= previous_x - 0.5,
                    "{case}: IME cursor went left"
                );
                previous_x = cursor.min.x;

                let underlines = ime_underlines(&typist);
                assert_eq!(
                    underlines.len(),
                    1,
                    "{case}: one underline under the preedit"
                );
                let [left, right] = underlines[0];
                assert!(left.x < right.x, "{case}: the underline has a width");
                assert!(
                    (right.x - cursor.center().x).abs() <= 1.0,
                    "{case}: the underline ends at the cursor ({right:?} vs {cursor:?})"
                );
            }
            let start_x = typist.harness.get_by_label(field.label()).rect().min.x;
            assert!(
                previous_x > start_x + 40.0,
                "{platform:?} {field:?}: cursor moved right"
            );
        }
    }
}

#[test]
fn ime_rect_follows_field_and_focus() {
    for platform in PLATFORMS {
        let mut typist = typist_in(Field::Name, platform, false);
        typist.compose(HAN);
        let ime = typist.harness.output().platform_output.ime.unwrap();
        let field_rect = typist.harness.get_by_label(NAME).rect();
        assert!(
            field_rect.contains(ime.cursor_rect.center()),
            "{platform:?}: in the name field"
        );
        assert!(
            field_rect.contains(ime.rect.center()),
            "{platform:?}: rect is the name field"
        );

        typist.frame(platform.flush("한"));
        typist.tap(Key::Tab);
        let ime = typist.harness.output().platform_output.ime.unwrap();
        let other_rect = typist.harness.get_by_label(OTHER).rect();
        assert!(
            other_rect.contains(ime.cursor_rect.center()),
            "{platform:?}: moved with Tab"
        );

        typist.click(ELSEWHERE);
        assert!(
            typist.harness.output().platform_output.ime.is_none(),
            "{platform:?}: no IME without a focused field"
        );
    }
}

#[test]
fn syllable_composed_at_start_middle_and_end() {
    // Cursor moves after typing "abcd", and where the syllable lands.
    let cases: [(&[Key], &str, usize); 3] = [
        (&[Key::Home], "한abcd", 1),
        (&[Key::ArrowLeft, Key::ArrowLeft], "ab한cd", 3),
        (&[], "abcd한", 5),
    ];
    for platform in PLATFORMS {
        for field in FIELDS {
            for (moves, expected, cursor) in cases {
                for repair in [false, true] {
                    let case = format!("{platform:?} {field:?} {expected} repair={repair}");
                    let mut typist = typist_in(field, platform, repair);
                    typist.type_latin("abcd");
                    for moved in moves {
                        typist.tap(*moved);
                    }
                    typist.compose(HAN);
                    assert_eq!(text_of(&typist, field), expected, "{case}: while composing");
                    let underline = ime_underlines(&typist);
                    assert_eq!(underline.len(), 1, "{case}: underlined");

                    // Shift+Space switches ibus-hangul to Latin, which commits without a key.
                    typist.frame(vec![key(Key::ShiftLeft, true, Modifiers::NONE)]);
                    typist.frame(platform.flush("한"));
                    typist.frame(vec![key(Key::ShiftLeft, false, Modifiers::SHIFT)]);
                    assert_eq!(text_of(&typist, field), expected, "{case}: committed");
                    assert_eq!(cursor_index(&typist, field.id()), Some(cursor), "{case}");
                }
            }
        }
    }
}

#[test]
fn mixed_latin_and_korean_on_one_line() {
    for platform in PLATFORMS {
        for field in FIELDS {
            for repair in [false, true] {
                let case = format!("{platform:?} {field:?} repair={repair}");
                let mut typist = typist_in(field, platform, repair);
                typist.type_latin("cd ");
                // Shift+Space to Hangul, then 설정 (t j f w j d), then Shift+Space back to Latin.
                typist.frame(vec![key(Key::ShiftLeft, true, Modifiers::NONE)]);
                typist.frame(vec![key(Key::ShiftLeft, false, Modifiers::SHIFT)]);
                typist.compose(&[
                    Step::Preedit("ㅅ"),
                    Step::Preedit("서"),
                    Step::Preedit("설"),
                    Step::CommitThen("설", "ㅈ"),
                    Step::Preedit("저"),
                    Step::Preedit("정"),
                ]);
                assert_eq!(text_of(&typist, field), "cd 설정", "{case}: composing");
                typist.frame(vec![key(Key::ShiftLeft, true, Modifiers::NONE)]);
                typist.frame(platform.flush("정"));
                typist.frame(vec![key(Key::ShiftLeft, false, Modifiers::SHIFT)]);
                typist.type_latin("ok");
                assert_eq!(text_of(&typist, field), "cd 설정ok", "{case}");
            }
        }
    }
}

#[test]
fn backspace_removes_one_jamo_at_a_time() {
    for platform in PLATFORMS {
        for field in FIELDS {
            for repair in [false, true] {
                let case = format!("{platform:?} {field:?} repair={repair}");
                let mut typist = typist_in(field, platform, repair);
                typist.compose(GREETING);

                // The IME handles Backspace while composing: 요 becomes ㅇ, then nothing.
                typist.frame(vec![preedit("ㅇ")]);
                typist.frame(vec![release(Key::Backspace)]);
                assert_eq!(
                    text_of(&typist, field),
                    "안녕하세ㅇ",
                    "{case}: one jamo left"
                );
                typist.frames(platform.backspace_last_jamo());
                assert_eq!(
                    text_of(&typist, field),
                    "안녕하세",
                    "{case}: composition gone"
                );

                // With nothing composed, Backspace reaches the field and deletes a syllable.
                typist.tap(Key::Backspace);
                assert_eq!(
                    text_of(&typist, field),
                    "안녕하",
                    "{case}: one syllable deleted"
                );

                typist.compose(&[Step::Preedit("ㄱ")]);
                assert_eq!(
                    text_of(&typist, field),
                    "안녕하ㄱ",
                    "{case}: composing again"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Keys that end the composition, in the IME's commit-first order

/// Types 안녕하세요, lets the IME commit 요 and then presses `ended_by`.
fn greeting_then_key(
    field: Field,
    platform: Platform,
    repair: bool,
    ended_by: Key,
) -> Typist<'static, Form> {
    let mut typist = typist_in(field, platform, repair);
    typist.compose(GREETING);
    typist.frame(platform.flush("요"));
    match ended_by {
        Key::Space => typist.frame(typed(Key::Space, " ")),
        _ => typist.frame(vec![press(ended_by)]),
    }
    typist.frame(vec![release(ended_by)]);
    typist
}

#[test]
fn enter_commits_then_submits_or_breaks_line() {
    for platform in PLATFORMS {
        for repair in [false, true] {
            let case = format!("{platform:?} repair={repair}");
            let typist = greeting_then_key(Field::Name, platform, repair, Key::Enter);
            let form = typist.harness.state();
            assert_eq!(form.name, "안녕하세요", "{case}");
            assert_eq!(
                form.submitted,
                ["안녕하세요"],
                "{case}: submitted once, whole"
            );
            assert!(
                typist.ime_cursor().is_none(),
                "{case}: the field gave up the IME"
            );

            let typist = greeting_then_key(Field::Script, platform, repair, Key::Enter);
            let form = typist.harness.state();
            assert_eq!(form.script, "안녕하세요\n", "{case}");
            assert!(
                form.submitted.is_empty(),
                "{case}: the editor does not submit"
            );
            assert_eq!(cursor_index(&typist, script_id()), Some(6), "{case}");
        }
    }
}

#[test]
fn tab_commits_then_moves_focus_or_indents() {
    for platform in PLATFORMS {
        for repair in [false, true] {
            let case = format!("{platform:?} repair={repair}");
            let typist = greeting_then_key(Field::Name, platform, repair, Key::Tab);
            assert_eq!(typist.harness.state().name, "안녕하세요", "{case}");
            assert_eq!(typist.harness.state().other, "", "{case}");
            assert!(
                typist
                    .harness
                    .ctx
                    .memory(|memory| memory.has_focus(other_id())),
                "{case}: Tab moved focus to the next field"
            );

            let typist = greeting_then_key(Field::Script, platform, repair, Key::Tab);
            assert_eq!(typist.harness.state().script, "안녕하세요\t", "{case}");
        }
    }
}

#[test]
fn space_commits_then_adds_space() {
    for platform in PLATFORMS {
        for field in FIELDS {
            for repair in [false, true] {
                let typist = greeting_then_key(field, platform, repair, Key::Space);
                let case = format!("{platform:?} {field:?} repair={repair}");
                assert_eq!(text_of(&typist, field), "안녕하세요 ", "{case}");
            }
        }
    }
}

#[test]
fn arrow_commits_then_moves_cursor() {
    for platform in PLATFORMS {
        for field in FIELDS {
            for repair in [false, true] {
                let case = format!("{platform:?} {field:?} repair={repair}");
                let mut typist = typist_in(field, platform, repair);
                typist.compose(GREETING);
                typist.frame(platform.flush("요"));
                let end_x = typist.ime_cursor().unwrap().min.x;
                typist.tap(Key::ArrowLeft);
                assert_eq!(text_of(&typist, field), "안녕하세요", "{case}");
                assert_eq!(cursor_index(&typist, field.id()), Some(4), "{case}");
                assert!(
                    typist.ime_cursor().unwrap().min.x < end_x,
                    "{case}: IME cursor moved left"
                );
            }
        }
    }
}

#[test]
fn hanja_choice_inserts_character_only() {
    for platform in PLATFORMS {
        for field in FIELDS {
            for repair in [false, true] {
                let case = format!("{platform:?} {field:?} repair={repair}");
                // NOTE: The app's Hangul font has no Hanja, so 漢 is drawn as a box.
                let mut typist = focused_typist(form_typist_with(platform, repair, true), field);
                typist.compose(HAN);
                // F9 opens the candidate list, which the IME draws itself. The IME consumes F9,
                // Down and Enter, presses and releases alike.
                typist.frame(vec![preedit("한")]);
                typist.frame(platform.flush("漢"));
                let form = typist.harness.state();
                assert_eq!(field.text(form), "漢", "{case}");
                assert!(form.submitted.is_empty(), "{case}: Enter did not submit");
                assert!(
                    typist
                        .harness
                        .ctx
                        .memory(|memory| memory.has_focus(field.id())),
                    "{case}: still editing"
                );
            }
        }
    }
}

#[test]
fn click_elsewhere_keeps_composed_syllable() {
    for platform in PLATFORMS {
        for field in FIELDS {
            for target in [ELSEWHERE, OTHER] {
                for repair in [false, true] {
                    let case = format!("{platform:?} {field:?} click {target} repair={repair}");
                    let mut typist = typist_in(field, platform, repair);
                    typist.compose(GREETING);
                    typist.click(target);
                    // The XIC or text input is reset with the composition and sends nothing.
                    let form = typist.harness.state();
                    assert_eq!(field.text(form), "안녕하세요", "{case}");
                    assert_eq!(form.other, "", "{case}");
                    assert!(form.submitted.is_empty(), "{case}");
                }
            }
        }
    }
}

#[test]
fn click_inside_field_keeps_composed_syllable() {
    for platform in PLATFORMS {
        for field in FIELDS {
            for repair in [false, true] {
                let case = format!("{platform:?} {field:?} repair={repair}");
                let mut typist = typist_in(field, platform, repair);
                typist.compose(GREETING);
                typist.click(field.label());
                assert_eq!(text_of(&typist, field), "안녕하세요", "{case}");
                typist.type_latin("!");
                assert_eq!(
                    text_of(&typist, field),
                    "안녕하세요!",
                    "{case}: typing goes on"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What egui gets wrong without the repair, and the same cases repaired

/// Replays the X11 race after 안녕하세요: the IME clears the preedit, the forwarded Enter arrives,
/// and the commit comes after it, or never once the field gave up the IME.
fn raced_enter(field: Field, repair: bool) -> Typist<'static, Form> {
    let mut typist = typist_in(field, Platform::X11, repair);
    typist.compose(GREETING);
    typist.frame(vec![preedit_cleared()]);
    typist.frame(vec![preedit_hidden(), press(Key::Enter)]);
    if typist.ime_cursor().is_some() {
        typist.frame(vec![preedit_hidden(), commit("요")]);
    }
    typist.frame(vec![release(Key::Enter)]);
    typist
}

#[test]
fn egui_raw_x11_enter_race_loses_syllable() {
    let typist = raced_enter(Field::Name, false);
    assert_eq!(typist.harness.state().submitted, ["안녕하세"]);

    let typist = raced_enter(Field::Script, false);
    assert_eq!(typist.harness.state().script, "안녕하세\n요");
}

#[test]
fn repaired_x11_enter_race_keeps_syllable() {
    let typist = raced_enter(Field::Name, true);
    assert_eq!(typist.harness.state().submitted, ["안녕하세요"]);
    assert_eq!(typist.harness.state().name, "안녕하세요");

    let typist = raced_enter(Field::Script, true);
    assert_eq!(typist.harness.state().script, "안녕하세요\n");
}

#[test]
fn egui_raw_x11_escape_inserts_control_character() {
    let mut typist = typist_in(Field::Name, Platform::X11, false);
    typist.compose(GREETING);
    typist.frames(Platform::X11.escape("요"));
    assert_eq!(typist.harness.state().name, "안녕하세\u{1b}요");
    assert!(
        typist
            .harness
            .ctx
            .memory(|memory| memory.has_focus(name_id())),
        "Escape never reached egui"
    );
}

#[test]
fn escape_commits_then_leaves_field() {
    for platform in PLATFORMS {
        for field in FIELDS {
            let case = format!("{platform:?} {field:?}");
            let mut typist = typist_in(field, platform, true);
            typist.compose(GREETING);
            typist.frames(platform.escape("요"));
            assert_eq!(text_of(&typist, field), "안녕하세요", "{case}");
            assert!(
                !typist
                    .harness
                    .ctx
                    .memory(|memory| memory.has_focus(field.id())),
                "{case}: Escape left the field"
            );
            assert!(typist.harness.state().submitted.is_empty(), "{case}");
        }
    }
}

#[test]
fn egui_raw_wayland_escape_keeps_syllable() {
    // Escape moves focus before the text field runs, so the late commit goes nowhere.
    let mut typist = typist_in(Field::Name, Platform::Wayland, false);
    typist.compose(GREETING);
    typist.frames(Platform::Wayland.escape("요"));
    assert_eq!(typist.harness.state().name, "안녕하세요");
}

#[test]
fn egui_raw_x11_ctrl_s_inserts_control_character() {
    let mut typist = typist_in(Field::Script, Platform::X11, false);
    typist.compose(GREETING);
    typist.frames(Platform::X11.ctrl_s("요"));
    let form = typist.harness.state();
    assert_eq!(form.script, "안녕하세\u{13}요");
    assert!(form.saved.is_empty(), "Ctrl+S never reached egui");
}

#[test]
fn ctrl_s_saves_composed_syllable() {
    for platform in PLATFORMS {
        let mut typist = typist_in(Field::Script, platform, true);
        typist.compose(GREETING);
        typist.frames(platform.ctrl_s("요"));
        let form = typist.harness.state();
        assert_eq!(
            form.saved,
            ["안녕하세요"],
            "{platform:?}: saved once, with 요"
        );
        assert_eq!(form.script, "안녕하세요", "{platform:?}");
    }
}

#[test]
fn egui_raw_wayland_ctrl_s_saves_composed_syllable() {
    // egui keeps the preedit in the buffer, so the key before the commit still saves it whole.
    let mut typist = typist_in(Field::Script, Platform::Wayland, false);
    typist.compose(GREETING);
    typist.frames(Platform::Wayland.ctrl_s("요"));
    let form = typist.harness.state();
    assert_eq!(form.saved, ["안녕하세요"]);
    assert_eq!(form.script, "안녕하세요");
}

/// Keys that arrive before the IME's commit of the composed 요, with the resulting text of raw
/// egui and of the repaired events: (field, key frame, raw text, repaired text).
fn key_before_commit_cases() -> Vec<(Field, Vec<Event>, &'static str, &'static str)> {
    vec![
        (
            Field::Name,
            vec![press(Key::ArrowLeft)],
            "안녕하세요요",
            "안녕하세요",
        ),
        (
            Field::Script,
            vec![press(Key::ArrowLeft)],
            "안녕하세요요",
            "안녕하세요",
        ),
        (
            Field::Name,
            typed(Key::Space, " "),
            "안녕하세 요",
            "안녕하세요 ",
        ),
        (
            Field::Script,
            typed(Key::Space, " "),
            "안녕하세 요",
            "안녕하세요 ",
        ),
        (
            Field::Script,
            vec![press(Key::Enter)],
            "안녕하세\n요",
            "안녕하세요\n",
        ),
        (
            Field::Script,
            vec![press(Key::Tab)],
            "안녕하세\t요",
            "안녕하세요\t",
        ),
    ]
}

#[test]
fn egui_raw_key_before_commit_misplaces_syllable() {
    for (field, key_frame, raw, _) in key_before_commit_cases() {
        for split in [false, true] {
            let case = format!("{field:?} {key_frame:?} split={split}");
            let mut typist = typist_in(field, Platform::Wayland, false);
            typist.compose(GREETING);
            if split {
                typist.frame(key_frame.clone());
                typist.frame(Platform::Wayland.flush("요"));
            } else {
                let mut frame = key_frame.clone();
                frame.extend(Platform::Wayland.flush("요"));
                typist.frame(frame);
            }
            assert_eq!(text_of(&typist, field), raw, "{case}");
        }
    }
}

#[test]
fn repaired_key_before_commit_keeps_order() {
    for (field, key_frame, _, repaired) in key_before_commit_cases() {
        for split in [false, true] {
            let case = format!("{field:?} {key_frame:?} split={split}");
            let mut typist = typist_in(field, Platform::Wayland, true);
            typist.compose(GREETING);
            if split {
                typist.frame(key_frame.clone());
                typist.frame(Platform::Wayland.flush("요"));
            } else {
                let mut frame = key_frame.clone();
                frame.extend(Platform::Wayland.flush("요"));
                typist.frame(frame);
            }
            assert_eq!(text_of(&typist, field), repaired, "{case}");
        }
    }
}

#[test]
fn egui_raw_late_commit_enters_other_field() {
    // An IME that commits the composition when it is reset, after egui moved focus. The X11 run
    // above never did this, so it is a guard, not a measured case.
    let mut typist = typist_in(Field::Name, Platform::Wayland, false);
    typist.compose(GREETING);
    typist.click(OTHER);
    typist.frame(vec![preedit_hidden(), commit("요")]);
    assert_eq!(typist.harness.state().name, "안녕하세요");
    assert_eq!(typist.harness.state().other, "요");
}

#[test]
fn repaired_late_commit_after_click_is_dropped() {
    for target in [OTHER, NAME] {
        let mut typist = typist_in(Field::Name, Platform::Wayland, true);
        typist.compose(GREETING);
        typist.click(target);
        typist.frame(vec![preedit_hidden(), commit("요")]);
        assert_eq!(typist.harness.state().name, "안녕하세요", "click {target}");
        assert_eq!(typist.harness.state().other, "", "click {target}");
    }
}

// ---------------------------------------------------------------------------------------------
// The repair on its own

fn repaired(repair: &mut ImeRepair, focused: Id, time: f64, events: Vec<Event>) -> Vec<Event> {
    let mut events = events;
    repair.repair(Some(focused), Some(time), &mut events);
    events
}

#[test]
fn repair_leaves_commit_first_order_alone() {
    let field = name_id();
    let mut repair = ImeRepair::default();
    let mut time = 0.0;
    for step in GREETING {
        for frame in Platform::X11.step_frames(*step, false) {
            time += 0.1;
            assert_eq!(repaired(&mut repair, field, time, frame.clone()), frame);
        }
    }
    for frame in [
        Platform::X11.flush("요"),
        vec![press(Key::Enter)],
        vec![release(Key::Enter)],
    ] {
        time += 0.01;
        assert_eq!(repaired(&mut repair, field, time, frame.clone()), frame);
    }
}

#[test]
fn repair_commits_cleared_syllable_before_key() {
    let field = name_id();
    let mut repair = ImeRepair::default();
    repaired(&mut repair, field, 1.0, vec![preedit("요")]);
    repaired(&mut repair, field, 1.1, vec![preedit_cleared()]);
    assert_eq!(
        repaired(
            &mut repair,
            field,
            1.11,
            vec![preedit_hidden(), press(Key::Enter)]
        ),
        [preedit_hidden(), commit("요"), press(Key::Enter)]
    );
    assert_eq!(
        repaired(
            &mut repair,
            field,
            1.12,
            vec![preedit_hidden(), commit("요")]
        ),
        [preedit_hidden()],
        "the IME's own late commit is dropped"
    );
    assert_eq!(
        repaired(&mut repair, field, 2.0, vec![commit("요")]),
        [commit("요")],
        "only the first repeat is dropped"
    );
}

#[test]
fn repair_ignores_stale_clear() {
    let field = name_id();
    let mut repair = ImeRepair::default();
    repaired(&mut repair, field, 1.0, vec![preedit("ㅇ")]);
    repaired(&mut repair, field, 1.1, vec![preedit_cleared()]);
    // A key pressed a second later is the user's next keystroke, not the one that cleared.
    assert_eq!(
        repaired(&mut repair, field, 2.1, vec![press(Key::Enter)]),
        [press(Key::Enter)]
    );
}

#[test]
fn repair_forgets_preedit_cleared_by_backspace() {
    let field = name_id();
    for after_clear in [
        release(Key::Backspace),
        press(Key::Backspace),
        press(Key::Delete),
    ] {
        let mut repair = ImeRepair::default();
        repaired(&mut repair, field, 1.0, vec![preedit("ㅇ")]);
        repaired(
            &mut repair,
            field,
            1.1,
            vec![preedit_cleared(), preedit_hidden()],
        );
        repaired(&mut repair, field, 1.11, vec![after_clear.clone()]);
        assert_eq!(
            repaired(&mut repair, field, 1.12, vec![press(Key::Enter)]),
            [press(Key::Enter)],
            "after {after_clear:?}"
        );
    }
}

#[test]
fn repair_turns_control_commits_into_keys() {
    let field = name_id();
    let cases = [
        ("\u{1b}", key(Key::Escape, true, Modifiers::NONE)),
        ("\r", key(Key::Enter, true, Modifiers::NONE)),
        ("\t", key(Key::Tab, true, Modifiers::NONE)),
        ("\u{13}", key(Key::S, true, ctrl())),
        ("\u{1}", key(Key::A, true, ctrl())),
        ("\u{1a}", key(Key::Z, true, ctrl())),
    ];
    for (control, expected_key) in cases {
        let mut repair = ImeRepair::default();
        repaired(&mut repair, field, 1.0, vec![preedit("요")]);
        let Event::Key { key, modifiers, .. } = expected_key else {
            unreachable!("the cases are key presses");
        };
        let expected = Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        };
        assert_eq!(
            repaired(
                &mut repair,
                field,
                1.1,
                vec![preedit_hidden(), commit(control)]
            ),
            [preedit_hidden(), commit("요"), expected],
            "{control:?}"
        );
        assert_eq!(
            repaired(
                &mut repair,
                field,
                1.2,
                vec![preedit_hidden(), commit("요")]
            ),
            [preedit_hidden()],
            "{control:?}: the late commit is dropped"
        );
    }
}

#[test]
fn repair_turns_ctrl_c_and_x_into_copy_and_cut() {
    let field = name_id();
    for (control, expected) in [("\u{3}", Event::Copy), ("\u{18}", Event::Cut)] {
        let mut repair = ImeRepair::default();
        repaired(&mut repair, field, 1.0, vec![preedit("요")]);
        assert_eq!(
            repaired(&mut repair, field, 1.1, vec![commit(control)]),
            [commit("요"), expected],
            "{control:?}"
        );
    }
}

#[test]
fn repair_ignores_modifier_presses() {
    let field = name_id();
    let mut repair = ImeRepair::default();
    repaired(&mut repair, field, 1.0, vec![preedit("ㅅ")]);
    let shift = vec![key(Key::ShiftLeft, true, Modifiers::NONE)];
    assert_eq!(repaired(&mut repair, field, 1.1, shift.clone()), shift);
    assert_eq!(
        repaired(&mut repair, field, 1.2, vec![preedit("ㅆ")]),
        [preedit("ㅆ")]
    );
}

#[test]
fn repair_drops_late_commit_after_focus_moves() {
    let mut repair = ImeRepair::default();
    repaired(&mut repair, name_id(), 1.0, vec![preedit("요")]);
    assert_eq!(
        repaired(
            &mut repair,
            other_id(),
            1.1,
            vec![preedit_hidden(), commit("요")]
        ),
        [preedit_hidden()]
    );
    // A new composition in the other field is left alone.
    assert_eq!(
        repaired(&mut repair, other_id(), 1.2, vec![preedit("ㄱ")]),
        [preedit("ㄱ")]
    );
    assert_eq!(
        repaired(
            &mut repair,
            other_id(),
            1.3,
            vec![preedit_hidden(), commit("가")]
        ),
        [preedit_hidden(), commit("가")]
    );
}

// ---------------------------------------------------------------------------------------------
// The app's sign-in dialog

/// Opens the sign-in dialog in E-mail mode with the endpoint and password filled in, and focuses
/// the E-mail field.
fn sign_in_typist(
    dir: &std::path::Path,
    platform: Platform,
    repair: bool,
) -> Typist<'static, bai_settings::app::BaiSettingsApp> {
    let mut harness = common::english_harness(dir);
    harness.get_by_label("Account").click();
    harness.run_ok();
    // The General page has a "Sign in…" button too; the menu's comes last in the tree.
    harness.get_all_by_label("Sign in…").last().unwrap().click();
    harness.run_ok();
    harness.get_by_label("E-mail and password").click();
    harness.run_ok();
    for (label, text) in [("Endpoint", "http://127.0.0.1:9"), ("Password", "secret")] {
        let field = harness.get_by_label(label);
        field.focus();
        field.type_text(text);
        harness.run_ok();
    }
    harness.get_by_label("E-mail").click();
    harness.step();
    harness.step();
    Typist {
        harness,
        platform,
        repair,
    }
}

#[test]
fn sign_in_email_submits_whole_syllable_on_enter() {
    for platform in PLATFORMS {
        for repair in [false, true] {
            let case = format!("{platform:?} repair={repair}");
            let dir = tempfile::tempdir().unwrap();
            let mut typist = sign_in_typist(dir.path(), platform, repair);
            typist.compose(GREETING);

            let form = &typist.harness.state().state.sign_in_form;
            assert_eq!(form.email, "안녕하세요", "{case}: composing");
            assert_eq!(form.pending, None, "{case}");
            let ime = typist.harness.output().platform_output.ime.unwrap();
            let email_rect = typist.harness.get_by_label("E-mail").rect();
            assert!(
                email_rect.contains(ime.cursor_rect.center()),
                "{case}: IME at the field"
            );

            typist.frame(platform.flush("요"));
            assert_eq!(
                typist.harness.state().state.sign_in_form.pending,
                None,
                "{case}"
            );
            typist.frame(vec![press(Key::Enter)]);
            let form = &typist.harness.state().state.sign_in_form;
            assert_eq!(form.email, "안녕하세요", "{case}: submitted");
            assert_eq!(form.invalid_input, None, "{case}");
            assert_eq!(
                form.pending,
                Some(PendingSignIn::SignIn),
                "{case}: Enter signed in"
            );
        }
    }
}

#[test]
fn sign_in_email_enter_race() {
    for repair in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut typist = sign_in_typist(dir.path(), Platform::X11, repair);
        typist.compose(GREETING);
        typist.frame(vec![preedit_cleared()]);
        typist.frame(vec![preedit_hidden(), press(Key::Enter)]);
        let form = &typist.harness.state().state.sign_in_form;
        assert_eq!(form.pending, Some(PendingSignIn::SignIn), "repair={repair}");
        let expected = if repair {
            "안녕하세요"
        } else {
            "안녕하세"
        };
        assert_eq!(form.email, expected, "repair={repair}: the e-mail sent");
    }
}
