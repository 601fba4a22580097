//! Fonts: egui's defaults plus the bundled Hangul font, so Korean renders on machines without
//! Korean fonts.

use std::sync::Arc;

/// Bai Hangul: NanumGothic subset to Latin and Hangul by `scripts/subset-font.sh`
/// (SIL Open Font License 1.1, `assets/fonts/OFL.txt`).
const HANGUL_FONT: &[u8] = include_bytes!("../assets/fonts/BaiHangul-Regular.ttf");
const HANGUL_FONT_NAME: &str = "bai-hangul";

/// Installs egui's default fonts with the Hangul font as a fallback in every family: Latin text
/// keeps egui's look and Korean falls through to the bundled font.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        HANGUL_FONT_NAME.to_owned(),
        Arc::new(egui::FontData::from_static(HANGUL_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(HANGUL_FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}
