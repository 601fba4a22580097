//! Fonts: egui's defaults plus the bundled Hangul font, so Korean renders on machines without
//! Korean fonts, and the size of small text.

use std::sync::Arc;

/// Bai Hangul: NanumGothic subset to Latin, Hangul and Hanja by `scripts/subset-font.sh`
/// (SIL Open Font License 1.1, `assets/fonts/OFL.txt`).
const HANGUL_FONT: &[u8] = include_bytes!("../assets/fonts/BaiHangul-Regular.ttf");
const HANGUL_FONT_NAME: &str = "bai-hangul";

/// Size of [`egui::TextStyle::Small`] text (status lines, footers, notes), in points. egui's 9
/// points leave Hangul syllables hard to read.
const SMALL_TEXT_SIZE: f32 = 11.0;

/// Installs egui's default fonts with the Hangul font as a fallback in every family: Latin text
/// keeps egui's look and Korean falls through to the bundled font. Also sets the size of small
/// text in every theme.
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

    ctx.all_styles_mut(|style| {
        style.text_styles.insert(
            egui::TextStyle::Small,
            egui::FontId::proportional(SMALL_TEXT_SIZE),
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns whether the fonts from [`install_fonts`] have a glyph for every character of `text`.
    fn fonts_cover(text: &str) -> bool {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        // Font definitions take effect at the start of the next pass.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        // No renderer takes the font atlas here, and epaint asserts that someone does.
        output.textures_delta.clear();
        ctx.fonts_mut(|fonts| fonts.has_glyphs(&egui::FontId::proportional(14.0), text))
    }

    #[test]
    fn hangul_syllables_and_jamo_covered() {
        assert!(fonts_cover("가각힣 안녕하세요 ㄱㅏㅎ"));
    }

    #[test]
    fn hanja_candidates_covered() {
        // Candidates an input method offers for 한 and 국, and a compatibility ideograph.
        assert!(fonts_cover("韓漢恨國局菊"));
        assert!(fonts_cover("\u{F900}"));
    }
}
