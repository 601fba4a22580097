//! `--screenshot FILE.png`: capture the window once it is laid out, write it as PNG, and exit.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::events::{AppEvent, EventSender};

/// Frames to draw before capturing: egui lays out some widgets (combo boxes, panels with
/// content-dependent size) over the first two frames.
pub const FRAMES_BEFORE_CAPTURE: u64 = 3;

/// Where the outcome of the screenshot goes, read by `main` after the window has closed to choose
/// the exit status. `None` means the window closed before a screenshot was written.
pub type ScreenshotOutcome = Arc<Mutex<Option<Result<(), String>>>>;

/// A screenshot to take, and its progress.
pub struct ScreenshotJob {
    pub path: PathBuf,
    pub outcome: ScreenshotOutcome,
    pub requested: bool,
}

impl ScreenshotJob {
    pub fn new(path: PathBuf, outcome: ScreenshotOutcome) -> Self {
        Self {
            path,
            outcome,
            requested: false,
        }
    }

    /// Asks the renderer for a screenshot; the image is encoded and written on the
    /// `screenshot-writer` thread, which reports back with [`AppEvent::ScreenshotWritten`].
    pub fn request(&mut self, ctx: &egui::Context, events: EventSender) {
        self.requested = true;
        let path = self.path.clone();
        let callback = egui::ScreenshotCallback::new(move |image| {
            let spawned = std::thread::Builder::new()
                .name("screenshot-writer".to_owned())
                .spawn({
                    let events = events.clone();
                    move || events.send(AppEvent::ScreenshotWritten(write_png(&path, &image)))
                });
            if let Err(error) = spawned {
                events.send(AppEvent::ScreenshotWritten(Err(format!(
                    "cannot start the screenshot writer thread: {error}"
                ))));
            }
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
    }

    pub fn finish(&self, result: Result<(), String>) {
        *self.outcome.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
    }
}

/// Writes `image` to `path` as an 8-bit RGBA PNG.
pub fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let describe =
        |error: &dyn std::fmt::Display| format!("cannot write {}: {error}", path.display());
    let file = std::fs::File::create(path).map_err(|error| describe(&error))?;
    let [width, height] = image.size;
    let width = u32::try_from(width).map_err(|error| describe(&error))?;
    let height = u32::try_from(height).map_err(|error| describe(&error))?;

    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|error| describe(&error))?;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|pixel| pixel.to_array())
        .collect();
    writer
        .write_image_data(&bytes)
        .map_err(|error| describe(&error))?;
    writer.finish().map_err(|error| describe(&error))
}
